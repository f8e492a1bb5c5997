import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listNotifications } from '@/lib/notifications/inbox-queries';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { MarkAllReadForm, OpenNotificationButton } from '@/components/notifications/notification-forms';
import { dateFormatter } from '@/lib/i18n/dates';

export async function generateMetadata({ params }: PageProps<'/[locale]/notifications'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'notifications' }))('title') };
}

export default async function NotificationsPage({ params, searchParams }: PageProps<'/[locale]/notifications'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const user = await requireUser('/notifications');
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested > 0 && requested < 100_000 ? requested : 1;
  const [t, tCommon, list] = await Promise.all([getTranslations('notifications'), getTranslations('common'), listNotifications(user, page, locale)]);
  const when = (date: Date) => dates.dayTime(date);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-1 text-slate-700" data-testid="notifications-unread">{t('unreadCount', { count: list.unread })}</p>
        </div>
        {list.unread > 0 && <MarkAllReadForm />}
      </div>
      {list.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t('empty')}</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label={t('caption')}>
          {list.rows.map((row) => (
            <li key={row.id} className={`px-4 py-3 ${row.read ? '' : 'bg-sky-50'}`} data-testid="notification" data-type={row.type} data-read={row.read}>
              {row.read ? (
                row.href ? <Link href={row.href} className="text-un-navy underline">{row.text}</Link> : <p>{row.text}</p>
              ) : (
                <>
                  <span className="sr-only">{t('unread')}{tCommon('colon')}</span>
                  <OpenNotificationButton id={row.id} text={row.text} />
                </>
              )}
              <p className="mt-1 text-xs text-slate-600">{when(row.createdAt)}</p>
            </li>
          ))}
        </ol>
      )}
      {list.pages > 1 && (
        <nav className="flex items-center gap-4 text-sm" aria-label={t('pageOf', { page: list.page, pages: list.pages })}>
          {list.page > 1 && <Link href={`/notifications?page=${list.page - 1}`} className="text-un-navy underline">{t('previous')}</Link>}
          <span>{t('pageOf', { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages && <Link href={`/notifications?page=${list.page + 1}`} className="text-un-navy underline">{t('next')}</Link>}
        </nav>
      )}
    </div>
  );
}
