import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listUsers } from '@/lib/users/queries';
import { DataTable } from '@/components/ui/data-table';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';

export function generateMetadata({ params }: PageProps<'/[locale]/users'>): Promise<Metadata> {
  return pageTitle(params, 'users');
}

export default async function UsersPage({ params }: PageProps<'/[locale]/users'>) {
  const locale = await pageLocale(params);
  const user = await requireUser('/users');
  const [t, tRoles, format, users] = await Promise.all([
    getTranslations('users'), getTranslations('roles'), getFormatter(), listUsers(user, locale),
  ]);

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <div className="mt-6">
        <DataTable columns={[{ label: t('name') }, { label: t('email') }, { label: t('role') }, { label: t('entity') }, { label: t('lastSignIn') }]}>
            {users.map((row) => (
              <tr key={row.email} className="border-t border-slate-100">
                <td className="px-3 py-2">{row.name}{row.disabled && <span className="ms-2 rounded bg-slate-200 px-1.5 text-xs">{t('disabled')}</span>}</td>
                <td className="px-3 py-2">{row.email}</td>
                <td className="px-3 py-2">{tRoles(row.role)}</td>
                <td className="px-3 py-2">{row.entity ? `${row.entity.name} (${row.entity.code})` : '—'}</td>
                <td className="px-3 py-2">{row.lastSignInAt ? format.dateTime(row.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) : t('never')}</td>
              </tr>
            ))}
        </DataTable>
      </div>
    </div>
  );
}
