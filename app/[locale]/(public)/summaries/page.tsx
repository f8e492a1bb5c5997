import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getSummariesOverview, listPublications } from '@/lib/summaries/queries';
import { parseSummaryRequest } from '@/lib/summaries/filters';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { DistributionBar, DistributionLegend } from '@/components/summaries/distribution-bar';
import { PublishForm, UnpublishForm } from '@/components/summaries/publication-forms';
import { dateFormatter } from '@/lib/i18n/dates';
import { InLanguage, TitlesLanguageNote } from '@/components/ui/shown-in';

export async function generateMetadata({ params }: PageProps<'/[locale]/summaries'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'summaries' }))('overviewTitle') };
}

export default async function SummariesPage({ params, searchParams }: PageProps<'/[locale]/summaries'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const request = parseSummaryRequest(await searchParams);
  const user = await getOptionalUser();
  const [t, format, overview] = await Promise.all([getTranslations('summaries'), getFormatter(), getSummariesOverview(user, request, locale)]);
  const { cycle } = overview;
  const publisher = Boolean(user && can(user, 'summary.publish'));
  const publications = cycle && user && publisher ? await listPublications(user, cycle.id) : [];
  const percent = (value: number | null) => (value === null ? '—' : format.number(value, { style: 'percent', maximumFractionDigits: 0 }));
  const when = (date: Date) => dates.dayTime(date);

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold">{t('overviewTitle')}</h1>
        <p className="mt-2 text-slate-700">{t('overviewIntro')}</p>
      </div>
      {!cycle ? (
        <p className="text-slate-700" data-testid="nothing-published">{t('nothingPublished')}</p>
      ) : (
        <>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="overview-cycle" className="block text-sm font-medium">{t('cycle')}</label>
              <select id="overview-cycle" name="cycle" defaultValue={cycle.code} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-2">
                {overview.cycles.map((option) => <option key={option.code} value={option.code}>{option.name}</option>)}
              </select>
            </div>
            <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white">{t('apply')}</button>
            <p className="text-sm" data-testid="summary-source">
              {overview.live
                ? <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-950">{cycle.published ? t('liveSincePublished', { version: cycle.published.version }) : t('liveUnpublished')}</span>
                : <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-950">{t('published', { version: cycle.published!.version, when: dates.day(cycle.published!.at) })}</span>}
            </p>
          </form>
          <DistributionLegend />
          <TitlesLanguageNote locales={overview.areas.map((area) => area.titleLocale)} />
          <ul className="grid gap-4 md:grid-cols-2">
            {overview.areas.map((area) => (
              <li key={area.code} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="overview-area">
                <h2 className="font-semibold">
                  <Link href={`/areas/${area.code}/summary?cycle=${encodeURIComponent(cycle.code)}`} className="text-un-navy underline">{area.code} <InLanguage text={area.title} locale={area.titleLocale} /></Link>
                </h2>
                {area.summary ? (
                  <>
                    <DistributionBar labelled distribution={area.summary.distribution} className="mt-3" />
                    <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
                      <div><dt className="text-slate-600">{t('progressIndex')}</dt><dd className="font-semibold tabular-nums">{percent(area.summary.progressIndex)}</dd></div>
                      <div><dt className="text-slate-600">{t('coverage')}</dt><dd className="tabular-nums">{t('ofEntities', { reporting: format.number(area.summary.entities.reporting), expected: format.number(area.summary.entities.expected) })}</dd></div>
                    </dl>
                  </>
                ) : <p className="mt-2 text-sm text-slate-600">{t('noFigures')}</p>}
              </li>
            ))}
          </ul>

          {publisher && (
            <section aria-labelledby="publication-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="publication-heading" className="text-lg font-semibold">{t('publication')}</h2>
              <p className="text-sm text-slate-700">{t('publicationIntro')}</p>
              <PublishForm cycleCode={cycle.code} cycleName={cycle.name} again={Boolean(cycle.published)} />
              {cycle.published && <UnpublishForm cycleCode={cycle.code} cycleName={cycle.name} />}
              {publications.length > 0 && (
                <ol className="space-y-1 text-sm" data-testid="publications">
                  {publications.map((record) => (
                    <li key={record.version}>
                      {record.action === 'PUBLISH'
                        ? t('publishedBy', { version: record.version, who: record.by?.name ?? record.byEmail ?? '—', when: when(record.at) })
                        : t('withdrawnBy', { version: record.version, who: record.by?.name ?? record.byEmail ?? '—', when: when(record.at), reason: record.reason ?? '' })}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          )}
        </>
      )}
    </main>
  );
}
