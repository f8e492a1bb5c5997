import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getAreaSummaryView } from '@/lib/summaries/queries';
import { parseSummaryRequest } from '@/lib/summaries/filters';
import { REGIONAL_GROUPS } from '@/lib/summaries/compute';
import { listInstruments } from '@/lib/catalogue/queries';
import { displayReference } from '@/lib/catalogue/reference';
import { Link } from '@/lib/i18n/navigation';
import { localizedPath } from '@/lib/i18n/localized-path';
import { pageLocale } from '@/lib/i18n/page-locale';
import { DistributionLegend } from '@/components/summaries/distribution-bar';
import { FiguresTable, type FiguresRow } from '@/components/summaries/figures-table';
import { TrendChart } from '@/components/summaries/trend-chart';
import { SummaryHeadline } from '@/components/summaries/summary-headline';
import { RegionName } from '@/components/entities/region-name';
import { paragraphPath } from '@/lib/documents/citation';
import { paragraphCitation } from '@/lib/evidence/queries';
import { slugOf } from '@/lib/slug';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { dateFormatter } from '@/lib/i18n/dates';
import { InLanguage } from '@/components/ui/shown-in';

type Props = PageProps<'/[locale]/areas/[code]/summary'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { code } = await params;
  return { title: `${decodeURIComponent(code).toUpperCase()} · ${(await getTranslations({ locale, namespace: 'summaries' }))('title')}` };
}

export default async function AreaSummaryPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const { code } = await params;
  const request = parseSummaryRequest(await searchParams);
  const user = await getOptionalUser();
  const staff = can(user, 'summary.read-unpublished');
  const [t, tEntities, view, instruments] = await Promise.all([
    getTranslations('summaries'), getTranslations('entities'),
    getAreaSummaryView(user, decodeURIComponent(code).toUpperCase(), request, locale),
    listInstruments(locale)]);

  if (!view) {
    return (
      <main id="main" className="mx-auto max-w-6xl space-y-4 px-4 py-8">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-slate-700" data-testid="nothing-published">{t('nothingPublished')}</p>
      </main>
    );
  }
  const { summary, area, cycle } = view;
  const subAreaTitle = (code: string) => {
    const sub = area.subAreas.find((row) => row.code === code);
    return sub && <InLanguage text={sub.title} locale={sub.titleLocale} />;
  };
  const symbolOf = new Map(instruments.map((instrument) => [instrument.code, instrument.symbol]));
  // Every count of accepted reports leads to the reports behind it, for readers who may list them.
  // Everyone else gets them as a spreadsheet of what was published (the export applies the same
  // rule of what each reader may see).
  const reportsHref = (extra: Record<string, string | undefined>) => (_row: FiguresRow, status: ImplementationStatus) => {
    const query = new URLSearchParams(Object.entries({
      cycle: cycle.code, state: 'ACCEPTED', area: area.code, status, instrument: request.filters.instrument, group: request.filters.group, kind: request.filters.entityKind, ...extra,
    }).flatMap(([key, value]) => (value ? [[key, value]] : [])));
    if (!view.live || !can(user, 'status-report.review')) {
      query.set('format', 'csv');
      query.set('lang', locale);
      return `/api/exports/status-reports?${query.toString()}`;
    }
    return `/reviews?${query.toString()}`;
  };
  const select = 'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2';
  // The reports behind these figures, with the same filters, as a spreadsheet.
  const exportQuery = (format: 'csv' | 'xlsx') => new URLSearchParams(Object.entries({
    format, cycle: cycle.code, area: area.code, lang: locale, instrument: request.filters.instrument, group: request.filters.group, kind: request.filters.entityKind,
  }).flatMap(([key, value]) => (value ? [[key, value]] : []))).toString();

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link href={`/summaries?cycle=${encodeURIComponent(cycle.code)}`} className="text-un-navy underline">{t('overview')}</Link>
          {area.parent && <> · <Link href={`/areas/${area.parent.code}/summary?cycle=${encodeURIComponent(cycle.code)}`} className="text-un-navy underline">{area.parent.code} <InLanguage text={area.parent.title} locale={area.parent.titleLocale} /></Link></>}
          {' · '}<Link href={`/areas/${area.code}`} className="text-un-navy underline">{t('areaPage')}</Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold" data-testid="summary-heading">{area.code} <InLanguage text={area.title} locale={area.titleLocale} badge /></h1>
        <p className="mt-1 text-slate-700">{t('subtitle', { cycle: cycle.name })}</p>
        <p className="mt-2 text-sm" data-testid="summary-source">
          {view.live
            ? <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-950">{cycle.published ? t('liveSincePublished', { version: cycle.published.version }) : t('liveUnpublished')}</span>
            : <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-950">{t('published', { version: cycle.published!.version, when: dates.day(cycle.published!.at) })}</span>}
        </p>
      </div>

      <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <div>
          <label htmlFor="summary-cycle" className="block text-sm font-medium">{t('cycle')}</label>
          <select id="summary-cycle" name="cycle" defaultValue={cycle.code} className={select}>
            {view.cycles.map((option) => <option key={option.code} value={option.code}>{option.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="summary-instrument" className="block text-sm font-medium">{t('instrument')}</label>
          <select id="summary-instrument" name="instrument" defaultValue={request.filters.instrument ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {instruments.map((instrument) => <option key={instrument.code} value={instrument.code}>{instrument.symbol}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="summary-kind" className="block text-sm font-medium">{t('entityKind')}</label>
          <select id="summary-kind" name="kind" defaultValue={request.filters.entityKind ?? ''} className={select}>
            <option value="">{t('all')}</option>
            <option value="MEMBER_STATE">{t('memberStates')}</option>
            <option value="OTHER">{t('otherEntities')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="summary-group" className="block text-sm font-medium">{t('group')}</label>
          <select id="summary-group" name="group" defaultValue={request.filters.group ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {REGIONAL_GROUPS.map((group) => <option key={group} value={group}>{tEntities(`groups.${group}`)}</option>)}
          </select>
        </div>
        {staff && (
          <>
            <div>
              <label htmlFor="summary-version" className="block text-sm font-medium">{t('figures')}</label>
              <select id="summary-version" name="version" defaultValue={request.version ?? ''} className={select}>
                <option value="">{t('liveFigures')}</option>
                <option value="published">{t('publishedFigures')}</option>
              </select>
            </div>
          </>
        )}
        <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white">{t('apply')}</button>
      </form>

      <SummaryHeadline summary={summary} />

      <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm" data-testid="summary-downloads">
        {staff && <Link href={`/areas/${area.code}/draft?cycle=${encodeURIComponent(cycle.code)}`} className="font-medium text-un-navy underline">{t('narrativeDraft')}</Link>}
        <a href={`/api/exports/status-reports?${exportQuery('csv')}`} className="font-medium text-un-navy underline">{t('downloadCsv')}</a>
        <a href={`/api/exports/status-reports?${exportQuery('xlsx')}`} className="font-medium text-un-navy underline">{t('downloadXlsx')}</a>
        <a href={`/api/v1/summaries/${area.code}?cycle=${encodeURIComponent(cycle.code)}`} className="text-un-navy underline">{t('openData')}</a>
      </p>

      <section aria-labelledby="distribution-heading" className="space-y-3">
        <h2 id="distribution-heading" className="text-lg font-semibold">{t('distribution')}</h2>
        <DistributionLegend />
        <FiguresTable caption={t('distributionCaption', { area: area.code, cycle: cycle.name })} labelHeader={t('area')} testId="summary-total"
          rows={[{ key: area.code, label: <>{area.code} <InLanguage text={area.title} locale={area.titleLocale} /></>, distribution: summary.distribution, progressIndex: summary.progressIndex }]}
          reportsHref={reportsHref({})} />
      </section>

      {summary.subAreas.length > 0 && (
        <section aria-labelledby="subareas-heading" className="space-y-3">
          <h2 id="subareas-heading" className="text-lg font-semibold">{t('subAreas')}</h2>
          <FiguresTable caption={t('subAreas')} labelHeader={t('area')} testId="summary-subareas"
            rows={summary.subAreas.map((sub) => ({
              key: sub.code,
              label: <Link href={`/areas/${sub.code}/summary?cycle=${encodeURIComponent(cycle.code)}`} className="text-un-navy underline">{sub.code} {subAreaTitle(sub.code)}</Link>,
              distribution: sub.distribution, progressIndex: sub.progressIndex,
            }))}
            reportsHref={(row, status) => reportsHref({ area: row.key })(row, status)} />
        </section>
      )}

      <section aria-labelledby="trend-heading" className="space-y-3">
        <h2 id="trend-heading" className="text-lg font-semibold">{t('trend')}</h2>
        <TrendChart trend={summary.trend} />
      </section>

      <section aria-labelledby="groups-heading" className="space-y-3">
        <h2 id="groups-heading" className="text-lg font-semibold">{t('byRegionalGroup')}</h2>
        <FiguresTable caption={t('byRegionalGroup')} labelHeader={t('group')} testId="summary-groups"
          rows={summary.byRegionalGroup.map((row) => ({ key: row.group, label: tEntities(`groups.${row.group}`), distribution: row.distribution, progressIndex: row.progressIndex }))}
          reportsHref={(row, status) => reportsHref({ group: row.key })(row, status)} />
      </section>

      <section aria-labelledby="regions-heading" className="space-y-3">
        <h2 id="regions-heading" className="text-lg font-semibold">{t('byRegion')}</h2>
        <FiguresTable caption={t('byRegion')} labelHeader={t('region')} testId="summary-regions"
          rows={summary.byRegion.map((row) => ({ key: row.region, label: <RegionName code={row.region} />, distribution: row.distribution, progressIndex: row.progressIndex }))} />
      </section>

      <section aria-labelledby="evidence-heading" className="space-y-3">
        <h2 id="evidence-heading" className="text-lg font-semibold">{t('mostCited')}</h2>
        {(summary.evidence ?? []).length === 0 ? <p className="text-slate-700">{t('noneCited')}</p> : (
          <ol className="list-decimal space-y-1 ps-6" data-testid="summary-evidence">
            {summary.evidence.map((item) => (
              <li key={`${item.symbol}-${item.language}-${item.number}`}>
                <Link href={paragraphPath({ slug: slugOf(item.symbol), language: item.language }, item.number)} className="text-un-navy underline">
                  {paragraphCitation(locale, item.symbol, item.number)}
                </Link>{' '}
                <span className="text-sm text-slate-600">{t('citedBy', { count: item.reports })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="commitments-heading" className="space-y-3">
        <h2 id="commitments-heading" className="text-lg font-semibold">{t('commitments')}</h2>
        {summary.commitments.length === 0 ? <p className="text-slate-700">{t('noCommitments')}</p> : (
          <FiguresTable caption={t('commitments')} labelHeader={t('commitment')} testId="summary-commitments"
            rows={summary.commitments.map((row) => ({
              key: row.id,
              // A plain link: 45 and more of them, each a component to hydrate as a client-side link.
              label: <a href={localizedPath(`/commitments/${row.id}`, locale)} className="text-un-navy underline">{symbolOf.get(row.instrument) ?? row.instrument} {displayReference(row.reference, locale)}</a>,
              distribution: row.distribution, progressIndex: row.progressIndex,
            }))}
            reportsHref={(row, status) => reportsHref({ commitment: row.key })(row, status)} />
        )}
      </section>
    </main>
  );
}
