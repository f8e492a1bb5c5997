import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listOutbox, OUTBOX_STATES, parseOutboxFilters, type OutboxFilters } from '@/lib/notifications/outbox-queries';
import { pageLocale } from '@/lib/i18n/page-locale';
import { Link } from '@/lib/i18n/navigation';
import { RequeueEmailForm } from '@/components/notifications/requeue-email-form';
import { MAYBE_DELIVERED } from '@/lib/notifications/outbox';
import { dateFormatter } from '@/lib/i18n/dates';
import { nameLanguage } from '@/lib/i18n/message-keys';

export async function generateMetadata({ params }: PageProps<'/[locale]/outbox'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'outbox' }))('title') };
}

const STATE_STYLE = {
  PENDING: 'bg-amber-100 text-amber-900',
  SENDING: 'bg-sky-100 text-sky-900',
  SENT: 'bg-green-100 text-green-900',
  FAILED: 'bg-red-100 text-red-900',
} as const;

export default async function OutboxPage({ params, searchParams }: PageProps<'/[locale]/outbox'>) {
  const dates = dateFormatter(await pageLocale(params));
  const user = await requireUser('/outbox');
  const filters = parseOutboxFilters(await searchParams);
  const [t, tCommon, format, outbox] = await Promise.all([
    getTranslations('outbox'), getTranslations('common'), getFormatter(), listOutbox(user, filters),
  ]);
  const when = (date: Date) => dates.shortDayTime(date);
  const language = (locale: string) => nameLanguage(locale, (l) => tCommon(`languages.${l}`));
  const pageHref = (page: number) => {
    const query = new URLSearchParams(Object.entries({ state: filters.state, page } satisfies OutboxFilters).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])));
    return `/outbox?${query.toString()}`;
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro')}</p>
      </div>
      {outbox.smtpConfigured ? (
        <p role="status" className="rounded-lg border border-green-200 bg-green-50 p-3 text-sm text-green-900" data-testid="smtp-notice">{t('smtpOn')}</p>
      ) : (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="smtp-notice">
          <p className="font-medium">{t('smtpOff')}</p>
          <p className="mt-1">{t('smtpOffHint')}</p>
        </div>
      )}
      <form method="get" role="search" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="filter-state" className="block text-sm font-medium">{t('state')}</label>
          <select id="filter-state" name="state" defaultValue={filters.state ?? ''} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-2">
            <option value="">{t('all')}</option>
            {OUTBOX_STATES.map((state) => (
              <option key={state} value={state}>{t('stateOption', { state: t(`states.${state}`), count: format.number(outbox.counts[state]) })}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white">{t('apply')}</button>
      </form>
      <p className="text-sm text-slate-700" data-testid="outbox-count">
        {t('count', { shown: format.number(outbox.rows.length), total: format.number(outbox.total) })}
        {outbox.pages > 1 && <> {t('page', { page: format.number(outbox.page), pages: format.number(outbox.pages) })}</>}
      </p>
      {outbox.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{filters.state ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full table-fixed text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="hidden w-1/5 px-3 py-2 text-start md:table-cell">{t('columns.to')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('columns.subject')}</th>
                <th scope="col" className="hidden w-20 px-3 py-2 text-start lg:table-cell">{t('columns.language')}</th>
                <th scope="col" className="w-36 px-3 py-2 text-start sm:w-48">{t('columns.state')}</th>
                <th scope="col" className="hidden w-40 px-3 py-2 text-start lg:table-cell">{t('columns.created')}</th>
                <th scope="col" className="hidden w-40 px-3 py-2 text-start lg:table-cell">{t('columns.sent')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="outbox-row">
                  <td className="hidden break-words px-3 py-2 md:table-cell">{row.toEmail}</td>
                  <td className="break-words px-3 py-2">
                    <p className="text-slate-700 md:hidden">{row.toEmail}</p>
                    <p lang={row.locale} className="font-medium">{row.subject}</p>
                    <p className="text-xs text-slate-600 lg:hidden">{when(row.createdAt)} · {language(row.locale)}</p>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-un-navy underline">{t('showBody')}</summary>
                      <pre lang={row.locale} className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-sans text-sm">{row.body}</pre>
                    </details>
                  </td>
                  <td className="hidden px-3 py-2 lg:table-cell">{language(row.locale)}</td>
                  <td className="space-y-1 break-words px-3 py-2">
                    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATE_STYLE[row.state]}`} data-testid="outbox-state">{t(`states.${row.state}`)}</span>
                    <p className="text-xs text-slate-600">{t('attempts', { count: row.attempts })}</p>
                    {row.lastError && <p className="text-xs text-red-900">{t('lastError', { error: row.lastError === MAYBE_DELIVERED ? t('maybeDelivered') : row.lastError })}</p>}
                    <RequeueEmailForm id={row.id} failed={row.state === 'FAILED'} />
                  </td>
                  <td className="hidden px-3 py-2 lg:table-cell">{when(row.createdAt)}</td>
                  <td className="hidden px-3 py-2 lg:table-cell">{row.sentAt ? when(row.sentAt) : t('notSent')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {outbox.pages > 1 && (
        <nav aria-label={t('pages')} className="flex gap-4">
          {outbox.page > 1 && <Link href={pageHref(outbox.page - 1)} className="text-un-navy underline">{t('previous')}</Link>}
          {outbox.page < outbox.pages && <Link href={pageHref(outbox.page + 1)} className="text-un-navy underline">{t('next')}</Link>}
        </nav>
      )}
    </div>
  );
}
