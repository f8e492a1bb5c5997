import { cache } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { getReportView } from '@/lib/status-reports/queries';
import { COMMENT_MAX, NARRATIVE_MAX, STATUS_VALUES } from '@/lib/status-reports/schemas';
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES } from '@/lib/evidence/file-storage';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { StateBadge, StatusBadge } from '@/components/status-reports/status-badge';
import { ReportForm } from '@/components/status-reports/report-form';
import { WithdrawForm } from '@/components/status-reports/withdraw-form';
import { MarkReadyForm } from '@/components/status-reports/mark-ready-form';
import { ReviewForm } from '@/components/status-reports/review-form';
import { NarrativeDiffView } from '@/components/status-reports/narrative-diff-view';
import { ReportTimeline } from '@/components/status-reports/report-timeline';
import { ReportEvidence } from '@/components/status-reports/report-evidence';
import { dateFormatter } from '@/lib/i18n/dates';
import { nameLanguage } from '@/lib/i18n/message-keys';
import { InLanguage } from '@/components/ui/shown-in';

type Params = PageProps<'/[locale]/reports/[cycle]/[entity]/[commitment]'>;

// generateMetadata and the page ask for the same view: read it once per request.
const load = cache(async ({ params }: Params) => {
  const locale = await pageLocale(params);
  const { cycle, entity, commitment } = await params;
  const user = await requireUser(`/reports/${cycle}/${entity}/${commitment}`);
  const view = await getReportView(user, { cycleCode: decoded(cycle), entityCode: decoded(entity), commitmentId: decoded(commitment) }, locale);
  return { locale, user, view };
});

/** A path segment as written; a malformed escape is an address that does not exist, not an error. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    notFound();
  }
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const { view } = await load(props);
  return { title: `${view.commitment.reference} · ${view.entity.name} · ${view.cycle.name}` };
}

export default async function ReportPage(props: Params) {
  const { locale, view } = await load(props);
  const [t, tCatalogue] = await Promise.all([getTranslations('report'), getTranslations('catalogue')]);
  const { report, commitment, allowed } = view;
  const dates = dateFormatter(locale);
  const when = (date: Date) => dates.dayTime(date);
  const editable = allowed.includes('save');
  const reviewing = allowed.includes('accept');
  const worklistHref = view.isStaff ? `/worklist?entity=${encodeURIComponent(view.entity.code)}` : '/worklist';

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm">
          <Link href={worklistHref} className="text-un-navy underline">{t('backToWorklist', { entity: view.entity.name })}</Link>
          {view.isStaff && <> · <Link href="/reviews" className="text-un-navy underline">{t('backToReviews')}</Link></>}
        </p>
        <h1 className="mt-2 text-2xl font-semibold" data-testid="report-heading">
          <bdi>{commitment.reference}</bdi> · {commitment.instrument.symbol}
        </h1>
        <p className="mt-1 text-slate-700">{t('subtitle', { entity: view.entity.name, cycle: view.cycle.name })}</p>
        {commitment.instrument.isDemo && <p className="mt-3 rounded bg-amber-50 p-3 text-sm text-amber-950">{tCatalogue('demoNotice')}</p>}
      </div>

      <section aria-labelledby="commitment-heading" className="space-y-3">
        <h2 id="commitment-heading" className="sr-only">{t('commitmentHeading')}</h2>
        <p className="text-sm text-slate-600">
          <Link href={`/commitments/${commitment.id}`} className="text-un-navy underline">{tCatalogue('citation', commitment.citation)}</Link>
          {' · '}<Link href={`/areas/${commitment.area.code}`} className="text-un-navy underline">{commitment.area.code} <InLanguage text={commitment.area.title} locale={commitment.area.titleLocale} /></Link>
        </p>
        {commitment.text ? (
          <blockquote lang={commitment.text.locale} className="whitespace-pre-line rounded-lg border-s-4 border-un-blue bg-white p-4 leading-relaxed" data-testid="report-commitment-text">
            {commitment.text.text}
          </blockquote>
        ) : <p>{tCatalogue('noText')}</p>}
        <details className="text-sm text-slate-600">
          <summary className="cursor-pointer">{t('provenance')}</summary>
          <ul className="mt-2 space-y-1">
            {commitment.provenance.map((entry) => (
              <li key={entry.locale}>{t('provenanceLine', { language: nameLanguage(entry.locale, (l) => tCatalogue(`languages.${l}`)), source: entry.sourceName, when: when(entry.importedAt) })}</li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="state-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="state-heading" className="font-semibold">{t('stateHeading')}</h2>
        <p className="flex flex-wrap items-center gap-3"><StateBadge state={report?.state ?? 'NOT_REPORTED'} />
          {report?.status && <StatusBadge status={report.status} />}
        </p>
        {report?.submittedAt && <p className="text-sm text-slate-600">{t('submittedBy', { who: report.submittedBy ?? '—', when: when(report.submittedAt) })}</p>}
        {report?.reviewedAt && report.state !== 'SUBMITTED' && <p className="text-sm text-slate-600">{t('reviewedBy', { who: report.reviewedBy ?? '—', when: when(report.reviewedAt) })}</p>}
        {report && <p className="text-sm text-slate-600">{t('lastSaved', { who: report.updatedBy ?? '—', when: when(report.updatedAt) })}</p>}
        {view.assignee && <p className="text-sm text-slate-600" data-testid="report-assignee">{t('draftedBy', { who: view.assignee.name })}</p>}
        {view.ready && (
          <p className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-950" data-testid="report-ready">
            {t('readySince', { who: view.ready.by ?? '—', when: when(view.ready.at) })}
          </p>
        )}
        {report?.state === 'RETURNED' && report.reviewComment && (
          <div role="note" className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950" data-testid="returned-comment">
            <p className="font-medium">{t('returnedWith')}</p>
            <p className="mt-1 whitespace-pre-line">{report.reviewComment}</p>
          </div>
        )}
        {view.cycle.state !== 'OPEN' && <p className="text-sm font-medium text-slate-700">{t('cycleClosed')}</p>}
      </section>

      {editable ? (
        <>
          <ReportForm
            keys={{ cycleId: view.cycle.id, entityId: view.entity.id, commitmentId: commitment.id }}
            initial={{ version: report?.version ?? 0, status: report?.status ?? null, narrative: report?.narrative ?? '', asOf: report?.asOf ?? null }}
            previous={view.previousAccepted}
            canSubmit={allowed.includes('submit')}
            statuses={STATUS_VALUES} narrativeMax={NARRATIVE_MAX}
          />
          {report && allowed.includes('mark-ready') && !view.ready && <MarkReadyForm reportId={report.id} version={report.version} />}
        </>
      ) : report ? (
        <div className={reviewing ? 'grid gap-4 lg:grid-cols-2' : ''}>
          <section aria-labelledby="submission-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="submission-heading" className="text-lg font-semibold">{reviewing ? t('submissionHeading') : t('reportHeading')}</h2>
            <dl className="space-y-2">
              <div><dt className="text-sm font-medium">{t('status')}</dt><dd><StatusBadge status={report.status} /></dd></div>
              {report.asOf && <div><dt className="text-sm font-medium">{t('asOf')}</dt><dd>{dates.isoDay(report.asOf)}</dd></div>}
              <div>
                <dt className="text-sm font-medium">{t('narrative')}</dt>
                <dd data-testid="report-narrative">
                  {reviewing && view.previousAccepted
                    ? <NarrativeDiffView before={view.previousAccepted.narrative} after={report.narrative} locale={locale} />
                    : <p className="whitespace-pre-line leading-relaxed">{report.narrative || '—'}</p>}
                </dd>
              </div>
            </dl>
            {allowed.includes('withdraw') && <WithdrawForm reportId={report.id} version={report.version} />}
          </section>
          {reviewing && (
            <section aria-labelledby="previous-heading" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="previous-accepted">
              <h2 id="previous-heading" className="text-lg font-semibold">{t('previousHeading')}</h2>
              {view.previousAccepted ? (
                <dl className="space-y-2">
                  <div><dt className="text-sm font-medium">{t('cycle')}</dt><dd>{view.previousAccepted.cycleName}</dd></div>
                  <div><dt className="text-sm font-medium">{t('status')}</dt><dd><StatusBadge status={view.previousAccepted.status} /></dd></div>
                  <div><dt className="text-sm font-medium">{t('narrative')}</dt><dd className="whitespace-pre-line leading-relaxed">{view.previousAccepted.narrative || '—'}</dd></div>
                </dl>
              ) : <p className="text-slate-700">{t('noPrevious')}</p>}
            </section>
          )}
        </div>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t('notReported')}</p>
      )}

      {reviewing && report && <ReviewForm reportId={report.id} version={report.version} commentMax={COMMENT_MAX} />}

      <ReportEvidence
        reportId={report?.id ?? null} editable={editable} evidence={view.evidence}
        maxBytes={MAX_FILE_BYTES} accept={ACCEPTED_EXTENSIONS.join(',')}
      />

      <ReportTimeline events={view.timeline} series={view.series} />
    </div>
  );
}
