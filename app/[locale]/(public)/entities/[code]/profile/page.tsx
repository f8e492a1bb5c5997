import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getOptionalUser } from '@/lib/auth/session';
import { getEntityProfile } from '@/lib/summaries/entity-profile';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { DistributionBar, DistributionLegend } from '@/components/summaries/distribution-bar';
import { StatusBadge } from '@/components/status-reports/status-badge';
import { InLanguage, TitlesLanguageNote } from '@/components/ui/shown-in';

type Props = PageProps<'/[locale]/entities/[code]/profile'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { code } = await params;
  return { title: `${decodeURIComponent(code)} · ${(await getTranslations({ locale, namespace: 'profile' }))('title')}` };
}

export default async function EntityProfilePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { code } = await params;
  const { cycle } = await searchParams;
  const user = await getOptionalUser();
  const [t, tEntities, tCommon, format, profile] = await Promise.all([
    getTranslations('profile'), getTranslations('entities'), getTranslations('common'), getFormatter(),
    getEntityProfile(user, decodeURIComponent(code), typeof cycle === 'string' ? cycle : undefined, locale),
  ]);
  const percent = (value: number | null) => (value === null ? '—' : format.number(value, { style: 'percent', maximumFractionDigits: 0 }));

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm font-medium text-un-blue">{t('title')}</p>
        <h1 className="text-2xl font-semibold" data-testid="profile-entity"><InLanguage text={profile.entity.name} locale={profile.entity.nameLocale} badge /></h1>
        <p className="mt-1 text-slate-700">
          {tEntities(`kinds.${profile.entity.kind}`)}
          {profile.entity.regionalGroup && <> · {tEntities(`groups.${profile.entity.regionalGroup}`)}</>}
        </p>
        <p className="mt-2 text-sm">
          <span className={`rounded px-2 py-0.5 ${profile.live ? 'bg-amber-100 text-amber-950' : 'bg-emerald-100 text-emerald-950'}`}>
            {profile.live ? t('live') : t('published')}
          </span>
        </p>
      </div>

      <section aria-labelledby="matrix-heading" className="space-y-3">
        <h2 id="matrix-heading" className="text-lg font-semibold">{t('matrix')}</h2>
        <DistributionLegend />
        <TitlesLanguageNote locales={profile.areas.map((area) => area.titleLocale)} />
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="profile-matrix">
            <caption className="sr-only">{t('matrixCaption', { entity: profile.entity.name })}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">{t('area')}</th>
                {profile.cycles.map((option) => <th key={option.code} scope="col" className="px-3 py-2 text-start">{option.code}</th>)}
              </tr>
            </thead>
            <tbody>
              {profile.areas.map((area) => (
                <tr key={area.code} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 text-start font-normal">{area.code} <InLanguage text={area.title} locale={area.titleLocale} /></th>
                  {profile.cycles.map((option) => {
                    const cell = profile.cells[area.code]![option.code]!;
                    const accepted = Object.values(cell.distribution).reduce((sum, count) => sum + count, 0);
                    return (
                      <td key={option.code} className="min-w-28 px-3 py-2">
                        {accepted === 0 ? <span className="text-slate-500">{t('noneAccepted')}</span> : (
                          <>
                            <span className="tabular-nums">{percent(cell.progressIndex)}</span>
                            <span className="ms-1 text-xs text-slate-600">{t('accepted', { count: accepted })}</span>
                            <DistributionBar distribution={cell.distribution} className="mt-1" />
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {profile.selected && (
        <section aria-labelledby="reports-heading" className="space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="reports-heading" className="text-lg font-semibold">{t('reportsOf', { cycle: profile.selected.name })}</h2>
            <form method="get" className="flex items-end gap-2">
              <div>
                <label htmlFor="profile-cycle" className="block text-sm font-medium">{t('cycle')}</label>
                <select id="profile-cycle" name="cycle" defaultValue={profile.selected.code} className="mt-1 rounded border border-slate-300 bg-white px-2 py-2">
                  {profile.cycles.map((option) => <option key={option.code} value={option.code}>{option.name}</option>)}
                </select>
              </div>
              <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white">{t('show')}</button>
            </form>
          </div>
          {profile.reports.length === 0 ? <p className="text-slate-700">{t('noReports')}</p> : (
            <ul className="space-y-3">
              {profile.reports.map((report) => (
                <li key={report.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="profile-report">
                  <p className="flex flex-wrap items-baseline gap-x-3">
                    {report.href
                      ? <Link href={report.href} className="font-semibold text-un-navy underline">{report.symbol} {report.reference}</Link>
                      : <span className="font-semibold">{report.symbol} {report.reference}</span>}
                    <span className="text-xs text-slate-600">{report.areaCode}</span>
                    <StatusBadge status={report.status} />
                  </p>
                  {report.narrative && <p className="mt-2 whitespace-pre-line text-sm leading-relaxed">{report.narrative}</p>}
                  {report.evidence.length > 0 && <p className="mt-2 text-sm text-slate-700"><span className="font-medium">{t('evidence')}{tCommon('colon')}</span>{report.evidence.join(tCommon('citationSeparator'))}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
