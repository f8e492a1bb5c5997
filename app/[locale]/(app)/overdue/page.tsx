import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { getOverdueList, parseOverdueFilters } from '@/lib/notifications/overdue';
import { pageLocale } from '@/lib/i18n/page-locale';
import { Link } from '@/lib/i18n/navigation';
import { dateFormatter } from '@/lib/i18n/dates';

export async function generateMetadata({ params }: PageProps<'/[locale]/overdue'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'overdue' }))('title') };
}

export default async function OverduePage({ params, searchParams }: PageProps<'/[locale]/overdue'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const user = await requireUser('/overdue');
  const filters = parseOverdueFilters(await searchParams);
  const [t, tCommon, format, list] = await Promise.all([getTranslations('overdue'), getTranslations('common'), getFormatter(), getOverdueList(user, filters, locale)]);
  const { cycle, rows } = list;
  const number = (value: number) => format.number(value);
  const date = (value: Date) => dates.day(value);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro')}</p>
      </div>
      {list.cycles.length > 1 && (
        <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <div>
            <label htmlFor="overdue-cycle" className="block text-sm font-medium">{t('cycle')}</label>
            <select id="overdue-cycle" name="cycle" defaultValue={cycle?.code ?? ''} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-2">
              {list.cycles.map((choice) => <option key={choice.code} value={choice.code}>{choice.name}</option>)}
            </select>
          </div>
          <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white">{t('apply')}</button>
        </form>
      )}
      {!cycle ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t('noCycle')}</p>
      ) : (
        <>
          <div className="space-y-1" data-testid="overdue-deadline">
            <p className={cycle.passed ? 'font-medium text-red-800' : 'text-slate-800'}>
              {cycle.passed
                ? t('passed', { cycle: cycle.name, deadline: date(cycle.closesAt) })
                : t('notPassed', { cycle: cycle.name, deadline: date(cycle.closesAt), days: cycle.daysLeft })}
            </p>
            {rows.length > 0 && (
              <p className="text-sm text-slate-700">{t('summary', { behind: rows.length, expected: number(cycle.expectedEntities), items: cycle.items })}</p>
            )}
          </div>
          {rows.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t('empty')}</p>
          ) : (
            <div className="rounded-lg border border-slate-200 bg-white">
              <table className="w-full table-fixed text-sm">
                <caption className="sr-only">{t('caption')}</caption>
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2 text-start">{t('columns.entity')}</th>
                    <th scope="col" className="w-[4.5rem] px-2 py-2 text-end text-xs sm:w-24 sm:text-sm">{t('columns.notReported')}</th>
                    <th scope="col" className="w-[4.5rem] px-2 py-2 text-end text-xs sm:w-20 sm:text-sm">{t('columns.draft')}</th>
                    <th scope="col" className="w-[4.5rem] px-2 py-2 text-end text-xs sm:w-24 sm:text-sm">{t('columns.returned')}</th>
                    <th scope="col" className="hidden w-1/4 px-3 py-2 text-start md:table-cell">{t('columns.focalPoints')}</th>
                    <th scope="col" className="hidden w-36 px-3 py-2 text-start lg:table-cell">{t('columns.lastReminder')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.code} className="border-t border-slate-100 align-top" data-testid="overdue-row">
                      <td className="break-words px-3 py-2">
                        <Link href={`/worklist?entity=${encodeURIComponent(row.code)}`} aria-label={t('openWorklist', { entity: row.name })} className="font-medium text-un-navy underline">
                          {row.name}
                        </Link>{' '}
                        <span className="text-slate-600">({row.code})</span>
                        <div className="mt-1 text-xs text-slate-600 md:hidden">
                          {row.focalPoints.length ? row.focalPoints.join(tCommon('listSeparator')) : t('noFocalPoint')}
                        </div>
                      </td>
                      <td className="px-2 py-2 text-end tabular-nums">{number(row.notReported)}</td>
                      <td className="px-2 py-2 text-end tabular-nums">{number(row.draft)}</td>
                      <td className="px-2 py-2 text-end tabular-nums">
                        {row.returned > 0 ? (
                          <Link
                            href={`/reviews?${new URLSearchParams({ entity: row.code, state: 'RETURNED', cycle: cycle.code }).toString()}`}
                            aria-label={t('reviewReturned', { count: row.returned, entity: row.name })}
                            className="text-un-navy underline"
                          >
                            {number(row.returned)}
                          </Link>
                        ) : number(0)}
                      </td>
                      <td className="hidden break-words px-3 py-2 md:table-cell">
                        {row.focalPoints.length === 0 ? <span className="text-slate-600">{t('noFocalPoint')}</span> : (
                          <ul>
                            {row.focalPoints.map((email) => <li key={email}><a href={`mailto:${email}`} className="text-un-navy underline">{email}</a></li>)}
                          </ul>
                        )}
                      </td>
                      <td className="hidden px-3 py-2 lg:table-cell">{row.lastReminder ? date(row.lastReminder) : t('neverReminded')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
