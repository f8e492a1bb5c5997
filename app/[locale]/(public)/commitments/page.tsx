import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listInstruments, listThematicAreas, searchCommitments } from '@/lib/catalogue/queries';
import { parseCommitmentFilters } from '@/lib/catalogue/schemas';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { CommitmentList } from '@/components/catalogue/commitment-list';
import { TextField } from '@/components/ui/text-field';

export function generateMetadata({ params }: PageProps<'/[locale]/commitments'>): Promise<Metadata> {
  return pageTitle(params, 'commitments');
}

const selectClass = 'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2';

export default async function CommitmentsPage({ params, searchParams }: PageProps<'/[locale]/commitments'>) {
  const locale = await pageLocale(params);
  const filters = parseCommitmentFilters(await searchParams);
  const [t, instruments, areas, result] = await Promise.all([
    getTranslations('commitments'), listInstruments(locale), listThematicAreas(locale), searchCommitments(filters, locale),
  ]);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <form method="get" role="search" className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4 md:items-end">
        <div>
          <label htmlFor="instrument" className="block text-sm font-medium">{t('instrument')}</label>
          <select id="instrument" name="instrument" defaultValue={filters.instrument ?? ''} className={selectClass}>
            <option value="">{t('allInstruments')}</option>
            {instruments.map((instrument) => <option key={instrument.code} value={instrument.code}>{instrument.symbol}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="area" className="block text-sm font-medium">{t('area')}</label>
          <select id="area" name="area" defaultValue={filters.area ?? ''} className={selectClass}>
            <option value="">{t('allAreas')}</option>
            {/* An option cannot hold a span: the whole option carries the title's language. */}
            {areas.flatMap((area) => [
              <option key={area.code} value={area.code} lang={area.titleLocale === locale ? undefined : area.titleLocale}>{area.code} {area.title}</option>,
              ...area.subAreas.map((sub) => <option key={sub.code} value={sub.code} lang={sub.titleLocale === locale ? undefined : sub.titleLocale}>{'\u00a0\u00a0'}{sub.code} {sub.title}</option>),
            ])}
          </select>
        </div>
        <TextField id="q" label={t('text')} type="search" defaultValue={filters.q ?? ''} maxLength={200} />
        <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white hover:bg-un-navy/90">{t('apply')}</button>
      </form>
      <p className="mt-4 text-sm text-slate-600" role="status" data-testid="commitment-count">
        {result.rows.length < result.total ? t('showingSome', { shown: result.rows.length, total: result.total }) : t('count', { count: result.total })}
      </p>
      <CommitmentList rows={result.rows} />
    </main>
  );
}
