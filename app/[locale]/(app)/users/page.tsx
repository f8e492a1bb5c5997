import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { entityOptions, listUsers } from '@/lib/users/queries';
import { ROLES, USER_STATES, userFilterSchema } from '@/lib/users/schemas';
import { locales } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { DataTable } from '@/components/ui/data-table';
import { InviteUserForm } from '@/components/users/user-forms';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { dateFormatter } from '@/lib/i18n/dates';
import { sentenceGap } from '@/lib/i18n/lists';

export function generateMetadata({ params }: PageProps<'/[locale]/users'>): Promise<Metadata> {
  return pageTitle(params, 'users');
}

const field = 'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2';

export default async function UsersPage({ params, searchParams }: PageProps<'/[locale]/users'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const user = await requireUser('/users');
  const filter = userFilterSchema.parse(await searchParams);
  const [t, tRoles, tCommon, { users, hiddenDemo }, entities] = await Promise.all([
    getTranslations('users'), getTranslations('roles'), getTranslations('common'), listUsers(user, locale, filter), entityOptions(user, locale)]);
  const showHidden = new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)), demo: '1' });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('intro')}</p>
      </div>
      <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" role="search">
        <div>
          <label htmlFor="filter-q" className="block text-sm font-medium">{t('search')}</label>
          <input id="filter-q" name="q" type="search" maxLength={100} defaultValue={filter.q ?? ''} className={field} />
        </div>
        <div>
          <label htmlFor="filter-role" className="block text-sm font-medium">{t('role')}</label>
          <select id="filter-role" name="role" defaultValue={filter.role ?? ''} className={field}>
            <option value="">{t('anyRole')}</option>
            {ROLES.map((role) => <option key={role} value={role}>{tRoles(role)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-state" className="block text-sm font-medium">{t('state')}</label>
          <select id="filter-state" name="state" defaultValue={filter.state ?? ''} className={field}>
            <option value="">{t('anyState')}</option>
            {USER_STATES.map((state) => <option key={state} value={state}>{t(`states.${state}`)}</option>)}
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="demo" value="1" defaultChecked={Boolean(filter.demo)} />
          {t('showDemo')}
        </label>
        <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white hover:bg-un-navy/90">{t('filter')}</button>
      </form>
      <div>
        <p className="text-sm text-slate-600" role="status" data-testid="user-count">
          {t('count', { count: users.length })}
          {hiddenDemo > 0 && (
            <>
              {sentenceGap(locale)}<span data-testid="hidden-demo">{t('hiddenDemo', { count: hiddenDemo })}</span>{' '}
              <Link href={`/users?${showHidden.toString()}`} className="text-un-navy underline">{t('showHidden')}</Link>
            </>
          )}
        </p>
        <div className="mt-2">
          <DataTable caption={t('caption')} columns={[
            { label: t('name') }, { label: t('role') }, { label: t('entity'), className: 'hidden md:table-cell' },
            { label: t('state') }, { label: t('lastSignIn'), className: 'hidden lg:table-cell' },
          ]}>
            {users.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="user-row">
                <td className="px-3 py-2">
                  <Link href={`/users/${row.id}`} className="font-medium text-un-navy underline underline-offset-2">{row.name}</Link>
                  {row.isDemo && <span className="ms-2 rounded bg-amber-100 px-1.5 text-xs text-amber-950">{t('demo')}</span>}
                  <p className="break-all text-xs text-slate-600">{row.email}</p>
                </td>
                <td className="px-3 py-2">{tRoles(row.role)}</td>
                <td className="hidden px-3 py-2 md:table-cell">{row.entity ? `${row.entity.name} (${row.entity.code})` : '—'}</td>
                <td className="px-3 py-2" data-testid="user-state">{t(`states.${row.state}`)}</td>
                <td className="hidden px-3 py-2 lg:table-cell">
                  {row.lastSignInAt ? dates.shortDayTime(row.lastSignInAt) : t('never')}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      </div>
      <InviteUserForm entities={entities} locales={locales.map((code) => ({ code, name: tCommon(`languages.${code}`) }))} />
    </div>
  );
}
