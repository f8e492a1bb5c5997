import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listReviewQueue } from '@/lib/status-reports/queries';
import { parseReviewFilters, REGIONAL_GROUPS, REVIEW_STATES } from '@/lib/status-reports/filters';
import { pageLocale } from '@/lib/i18n/page-locale';
import { Link } from '@/lib/i18n/navigation';
import { ReviewQueue } from '@/components/status-reports/review-queue';
import { dateFormatter } from '@/lib/i18n/dates';

export async function generateMetadata({ params }: PageProps<'/[locale]/reviews'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'reviews' }))('title') };
}

export default async function ReviewsPage({ params, searchParams }: PageProps<'/[locale]/reviews'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const user = await requireUser('/reviews');
  const filters = parseReviewFilters(await searchParams);
  const [t, tState, tStatus, tEntities, format, queue] = await Promise.all([
    getTranslations('reviews'), getTranslations('workflow'), getTranslations('status'), getTranslations('entities'), getFormatter(), listReviewQueue(user, filters, locale),
  ]);
  const select = 'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2';
  const pageHref = (page: number) => {
    const query = new URLSearchParams(Object.entries({ ...filters, cycle: queue.cycle?.code, page }).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])));
    return `/reviews?${query.toString()}`;
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro')}</p>
      </div>
      <form method="get" role="search" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7 lg:items-end">
        <div>
          <label htmlFor="filter-cycle" className="block text-sm font-medium">{t('cycle')}</label>
          <select id="filter-cycle" name="cycle" defaultValue={queue.cycle?.code ?? ''} className={select}>
            {queue.cycles.map((cycle) => <option key={cycle.code} value={cycle.code}>{cycle.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-state" className="block text-sm font-medium">{t('state')}</label>
          <select id="filter-state" name="state" defaultValue={filters.state ?? 'SUBMITTED'} className={select}>
            {REVIEW_STATES.map((state) => <option key={state} value={state}>{tState(state)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-entity" className="block text-sm font-medium">{t('entity')}</label>
          <input id="filter-entity" name="entity" defaultValue={filters.entity ?? ''} maxLength={40} placeholder="MEX" className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2" />
        </div>
        <div>
          <label htmlFor="filter-group" className="block text-sm font-medium">{t('group')}</label>
          <select id="filter-group" name="group" defaultValue={filters.group ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {REGIONAL_GROUPS.map((group) => <option key={group} value={group}>{tEntities(`groups.${group}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-area" className="block text-sm font-medium">{t('area')}</label>
          <select id="filter-area" name="area" defaultValue={filters.area ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {/* An option cannot hold a span: the whole option carries the title's language. */}
            {queue.areas.map((area) => <option key={area.code} value={area.code} lang={area.titleLocale === locale ? undefined : area.titleLocale}>{area.code} {area.title}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-instrument" className="block text-sm font-medium">{t('instrument')}</label>
          <select id="filter-instrument" name="instrument" defaultValue={filters.instrument ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {queue.instruments.map((instrument) => <option key={instrument.code} value={instrument.code}>{instrument.symbol}</option>)}
          </select>
        </div>
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        {filters.commitment && <input type="hidden" name="commitment" value={filters.commitment} />}
        {filters.kind && <input type="hidden" name="kind" value={filters.kind} />}
        <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white">{t('apply')}</button>
      </form>
      {(filters.status || filters.commitment || filters.kind) && (
        <p className="text-sm text-slate-700" data-testid="review-narrowed">
          {filters.status && <>{t('narrowedStatus', { status: tStatus(filters.status) })} </>}
          {filters.commitment && <>{t('narrowedCommitment')} </>}
          {filters.kind && <>{t(filters.kind === 'MEMBER_STATE' ? 'narrowedMemberStates' : 'narrowedOthers')} </>}
          <Link href={`/reviews?${new URLSearchParams(Object.entries({ ...filters, status: undefined, commitment: undefined, kind: undefined, page: undefined, cycle: queue.cycle?.code }).flatMap(([key, value]) => (value ? [[key, String(value)]] : []))).toString()}`} className="text-un-navy underline">
            {t('widen')}
          </Link>
        </p>
      )}
      <p className="text-sm text-slate-700" data-testid="review-count">
        {t('count', { shown: format.number(queue.rows.length), total: format.number(queue.total) })}
        {queue.pages > 1 && <> {t('page', { page: format.number(queue.page), pages: format.number(queue.pages) })}</>}
      </p>
      {/* Shown even when empty: accepting the last rows must still say what happened. */}
      <ReviewQueue
        selectable={(filters.state ?? 'SUBMITTED') === 'SUBMITTED' && queue.cycle?.state === 'OPEN'}
        rows={queue.rows.map((row) => ({
          ...row,
          submittedAtText: row.submittedAt ? dates.shortDayTime(row.submittedAt) : '—',
        }))}
      />
      {queue.pages > 1 && (
        <nav aria-label={t('pages')} className="flex gap-4">
          {queue.page > 1 && <Link href={pageHref(queue.page - 1)} className="text-un-navy underline">{t('previous')}</Link>}
          {queue.page < queue.pages && <Link href={pageHref(queue.page + 1)} className="text-un-navy underline">{t('next')}</Link>}
        </nav>
      )}
    </div>
  );
}
