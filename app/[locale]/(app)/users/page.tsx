import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listUsers } from '@/lib/users/queries';
import { pageLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata({ params }: PageProps<'/[locale]/users'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'users' }))('title') };
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
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 text-start">{t('name')}</th>
              <th scope="col" className="px-3 py-2 text-start">{t('email')}</th>
              <th scope="col" className="px-3 py-2 text-start">{t('role')}</th>
              <th scope="col" className="px-3 py-2 text-start">{t('entity')}</th>
              <th scope="col" className="px-3 py-2 text-start">{t('lastSignIn')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((row) => (
              <tr key={row.email} className="border-t border-slate-100">
                <td className="px-3 py-2">{row.name}{row.disabled && <span className="ms-2 rounded bg-slate-200 px-1.5 text-xs">{t('disabled')}</span>}</td>
                <td className="px-3 py-2">{row.email}</td>
                <td className="px-3 py-2">{tRoles(row.role)}</td>
                <td className="px-3 py-2">{row.entity ? `${row.entity.name} (${row.entity.code})` : '—'}</td>
                <td className="px-3 py-2">{row.lastSignInAt ? format.dateTime(row.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) : t('never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
