import type { Metadata } from 'next';
import type { Messages } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { entityOptions, getUser } from '@/lib/users/queries';
import type { UserSetting } from '@/lib/users/schemas';
import { Link } from '@/lib/i18n/navigation';
import { DataTable } from '@/components/ui/data-table';
import { ChangeRoleForm, UserAccessForm } from '@/components/users/user-forms';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { dateFormatter } from '@/lib/i18n/dates';
import { nameLanguage } from '@/lib/i18n/message-keys';

export function generateMetadata({ params }: PageProps<'/[locale]/users/[id]'>): Promise<Metadata> {
  return pageTitle(params, 'users');
}

/** Audit actions as the history names them; anything else is shown as recorded. */
const EVENTS: Record<string, keyof Messages['users']['events'] | undefined> = {
  'user.sign-in': 'signIn', 'user.sign-in-failed': 'signInFailed', 'user.sign-out': 'signOut',
  'user.invite': 'invite', 'team.invite': 'invite', 'user.reinvite': 'reinvite', 'team.reinvite': 'reinvite',
  'user.accept-invitation': 'acceptInvitation', 'user.create': 'create',
  'user.disable': 'disable', 'team.disable': 'disable', 'user.enable': 'enable', 'team.enable': 'enable',
  'user.change-role': 'changeRole', 'team.share': 'share', 'team.unshare': 'unshare', 'user.language': 'language',
};

function field(value: unknown, key: string): string {
  const found = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'string' ? found : '';
}

export default async function UserPage({ params }: PageProps<'/[locale]/users/[id]'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const { id } = await params;
  const user = await requireUser(`/users/${encodeURIComponent(id)}`);
  const [t, tRoles, tCommon, account, entities] = await Promise.all([
    getTranslations('users'), getTranslations('roles'), getTranslations('common'), getUser(user, id, locale), entityOptions(user, locale)]);
  const settings: UserSetting[] = account.state === 'disabled' ? ['enable']
    : [...(account.state === 'invited' || account.state === 'expired' ? ['reinvite' as const] : []), 'disable'];
  const when = (date: Date) => dates.shortDayTime(date);
  const languageName = (code: string) => nameLanguage(code, (l) => tCommon(`languages.${l}`));
  const roleName = (value: unknown) => {
    const role = field(value, 'role');
    return role in { ADMIN: 1, SECRETARIAT: 1, FOCAL_POINT: 1, CONTRIBUTOR: 1, VIEWER: 1 } ? tRoles(role as 'ADMIN') : role;
  };

  return (
    <div className="space-y-6">
      <p><Link href="/users" className="text-sm text-un-navy underline"><span aria-hidden className="inline-block rtl:-scale-x-100">←</span> {t('allUsers')}</Link></p>
      <div>
        <h1 className="text-2xl font-semibold" data-testid="user-name">{account.name}</h1>
        <p className="break-all text-slate-700">{account.email}</p>
      </div>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t('account')}</dt><dd data-testid="user-state">{t(`states.${account.state}`)}</dd>
        <dt className="font-medium">{t('role')}</dt><dd data-testid="user-role">{tRoles(account.role)}</dd>
        <dt className="font-medium">{t('entity')}</dt><dd>{account.entity ? `${account.entity.name} (${account.entity.code})` : '—'}</dd>
        <dt className="font-medium">{t('language')}</dt><dd>{languageName(account.locale)}</dd>
        <dt className="font-medium">{t('createdAt')}</dt><dd>{when(account.createdAt)}</dd>
        {account.invitedBy && <><dt className="font-medium">{t('invitedBy')}</dt><dd>{account.invitedBy}</dd></>}
        <dt className="font-medium">{t('lastSignIn')}</dt><dd>{account.lastSignInAt ? when(account.lastSignInAt) : t('never')}</dd>
      </dl>
      {account.self ? (
        <p className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-slate-700">{t('self')}</p>
      ) : (
        <>
          <section aria-labelledby="role-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="role-heading" className="text-lg font-semibold">{t('roleHeading')}</h2>
            <p className="text-sm text-slate-700">{t('roleHint')}</p>
            <ChangeRoleForm userId={account.id} role={account.role} entityId={account.entityId} entities={entities} />
          </section>
          <section aria-labelledby="settings-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="settings-heading" className="text-lg font-semibold">{t('settingsHeading')}</h2>
            <UserAccessForm userId={account.id} settings={settings} name={account.name} />
          </section>
        </>
      )}
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">{t('historyHeading')}</h2>
        {account.history.length === 0 ? (
          <p className="text-slate-700">{t('noHistory')}</p>
        ) : (
          <DataTable caption={t('historyCaption')} columns={[{ label: t('when') }, { label: t('what') }, { label: t('by'), className: 'hidden sm:table-cell' }]}>
            {account.history.map((event) => {
              const key = EVENTS[event.action] ?? 'other';
              return (
                <tr key={event.id} className="border-t border-slate-100" data-testid="user-event">
                  <td className="px-3 py-2 whitespace-nowrap">{when(event.at)}</td>
                  <td className="px-3 py-2">
                    {t(`events.${key}`, {
                      action: event.action, address: field(event.after, 'address'), before: roleName(event.before), after: roleName(event.after),
                      fromLanguage: languageName(field(event.before, 'locale')), toLanguage: languageName(field(event.after, 'locale')),
                    })}
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{event.actor?.name ?? t('system')}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>
    </div>
  );
}
