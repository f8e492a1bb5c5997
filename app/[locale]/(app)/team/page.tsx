import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { getTeam } from '@/lib/team/queries';
import { locales } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { ContributorSettingButton, InviteContributorForm, type ContributorSetting } from '@/components/team/team-forms';
import { nameLanguage } from '@/lib/i18n/message-keys';

export async function generateMetadata({ params }: PageProps<'/[locale]/team'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'team' }))('title') };
}

export default async function TeamPage({ params, searchParams }: PageProps<'/[locale]/team'>) {
  const locale = await pageLocale(params);
  const entityParam = (await searchParams).entity;
  const entityCode = typeof entityParam === 'string' ? entityParam.slice(0, 40) : undefined;
  const user = await requireUser(`/team${entityCode ? `?entity=${encodeURIComponent(entityCode)}` : ''}`);
  const [t, tCommon, team] = await Promise.all([getTranslations('team'), getTranslations('common'), getTeam(user, entityCode, locale)]);
  const worklistHref = entityCode ? `/worklist?entity=${encodeURIComponent(team.entity.code)}` : '/worklist';

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-un-blue">{team.entity.name}</p>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('subtitle', { entity: team.entity.name })}</p>
      </div>
      {team.contributors.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t('none')}</p>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full table-fixed text-sm">
            <caption className="sr-only">{t('caption', { entity: team.entity.name })}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">{t('name')}</th>
                <th scope="col" className="hidden w-32 px-3 py-2 text-start sm:table-cell">{t('state')}</th>
                <th scope="col" className="hidden w-28 px-3 py-2 text-end md:table-cell">{team.cycle ? t('assignedCount', { cycle: team.cycle.name }) : ''}</th>
                <th scope="col" className="hidden w-20 px-3 py-2 text-end md:table-cell">{t('readyCount')}</th>
                <th scope="col" className="w-44 px-3 py-2 text-start sm:w-56">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {team.contributors.map((person) => {
                const settings: ContributorSetting[] = person.state === 'disabled' ? ['enable']
                  : [person.seesWholeWorklist ? 'unshare' : 'share', ...(person.state === 'active' ? [] : ['reinvite' as const]), 'disable'];
                return (
                  <tr key={person.id} className="border-t border-slate-100 align-top" data-testid="contributor-row">
                    <td className="px-3 py-2">
                      <p className="font-medium">{person.name}</p>
                      <p className="break-words text-xs text-slate-600">{person.email} · {nameLanguage(person.locale, (l) => tCommon(`languages.${l}`))}</p>
                      <p className="mt-1 text-xs text-slate-600">{t(`sees.${person.seesWholeWorklist ? 'all' : 'assigned'}`)}</p>
                      <p className="mt-1 text-xs sm:hidden">{t(`states.${person.state}`)}</p>
                    </td>
                    <td className="hidden px-3 py-2 sm:table-cell" data-testid="contributor-state">{t(`states.${person.state}`)}</td>
                    <td className="hidden px-3 py-2 text-end md:table-cell">
                      <Link href={`${worklistHref}${worklistHref.includes('?') ? '&' : '?'}assignee=${person.id}`} className="text-un-navy underline">{person.assigned}</Link>
                    </td>
                    <td className="hidden px-3 py-2 text-end md:table-cell">{person.ready}</td>
                    <td className="space-y-1 px-3 py-2">
                      {settings.map((setting) => <ContributorSettingButton key={setting} userId={person.id} setting={setting} name={person.name} />)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <InviteContributorForm entityId={team.entity.id} locales={locales.map((code) => ({ code, name: tCommon(`languages.${code}`) }))} />
      <p><Link href={worklistHref} className="font-medium text-un-navy underline">{t('assignHeading')} <span aria-hidden className="inline-block rtl:-scale-x-100">→</span></Link></p>
    </div>
  );
}
