import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listPendingEvidence, PENDING_LIMIT, type PendingEvidenceRow } from '@/lib/dashboard/queries';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { DataTable } from '@/components/ui/data-table';
import { dateFormatter } from '@/lib/i18n/dates';

export async function generateMetadata({ params }: PageProps<'/[locale]/dashboard/evidence'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'dashboard' }))('pendingTitle') };
}

/** The evidence waiting for the secretariat's decision: the list behind the overview's numbers. */
export default async function PendingEvidencePage({ params }: PageProps<'/[locale]/dashboard/evidence'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const user = await requireUser('/dashboard/evidence');
  const [t, tKinds, pending] = await Promise.all([
    getTranslations('dashboard'), getTranslations('evidence.kinds'), listPendingEvidence(user, locale),
  ]);
  const reviewer = pending.scope === 'all';
  const date = (value: Date) => dates.day(value);

  const table = (rows: PendingEvidenceRow[], caption: string, testId: string, removal: boolean) => (
    <DataTable
      caption={caption}
      columns={[
        { label: t('pendingEvidence') }, { label: t('pendingCommitment') },
        { label: removal ? t('removalBy') : t('pendingBy') }, { label: removal ? t('removalAt') : t('pendingAt') },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-200 align-top" data-testid={testId}>
          <td className="px-3 py-2">
            <span className="me-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{tKinds(row.kind)}</span>
            <span className="break-words">{row.label}</span>
            {row.reason && <p className="mt-1 text-slate-700">{t('removalReason', { reason: row.reason })}</p>}
          </td>
          <td className="px-3 py-2">
            <Link href={`/commitments/${row.commitment.id}#evidence-heading`} className="text-un-navy underline">{row.commitment.citation}</Link>
          </td>
          <td className="break-all px-3 py-2 text-slate-700">
            {row.by ?? '—'}
            {row.entityCode && <span className="block text-slate-500">{row.entityCode}</span>}
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-slate-700">{date(row.at)}</td>
        </tr>
      ))}
    </DataTable>
  );

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm"><Link href="/dashboard" className="text-un-navy underline">{t('title')}</Link></p>
        <h1 className="mt-1 text-2xl font-semibold">{t('pendingTitle')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{reviewer ? t('pendingReviewerIntro') : t('pendingProposerIntro')}</p>
      </div>

      <section aria-labelledby="proposals-heading" className="space-y-3">
        <h2 id="proposals-heading" className="text-lg font-semibold">{t('pendingProposalsHeading', { count: pending.proposals.total })}</h2>
        {pending.proposals.rows.length === 0 ? (
          <p className="text-slate-700" data-testid="pending-empty">{reviewer ? t('pendingNoneReviewer') : t('pendingNoneProposer')}</p>
        ) : (
          <>
            {pending.proposals.total > pending.proposals.rows.length && <p className="text-sm text-slate-700">{t('pendingFirst', { shown: PENDING_LIMIT, total: pending.proposals.total })}</p>}
            {table(pending.proposals.rows, t('pendingProposalsHeading', { count: pending.proposals.total }), 'pending-evidence', false)}
          </>
        )}
      </section>

      {pending.removals && (
        <section aria-labelledby="removals-heading" className="space-y-3">
          <h2 id="removals-heading" className="text-lg font-semibold">{t('removalsHeading', { count: pending.removals.total })}</h2>
          {pending.removals.rows.length === 0 ? (
            <p className="text-slate-700">{t('removalsNone')}</p>
          ) : (
            <>
              {pending.removals.total > pending.removals.rows.length && <p className="text-sm text-slate-700">{t('pendingFirst', { shown: PENDING_LIMIT, total: pending.removals.total })}</p>}
              {table(pending.removals.rows, t('removalsHeading', { count: pending.removals.total }), 'pending-removal', true)}
            </>
          )}
        </section>
      )}

      {pending.suggestions && (
        <section aria-labelledby="suggestions-heading" className="space-y-3">
          <h2 id="suggestions-heading" className="text-lg font-semibold">{t('pendingSuggestionsHeading')}</h2>
          <p className="max-w-3xl text-slate-700">{t('pendingSuggestionsIntro')}</p>
          {pending.suggestions.length === 0 ? (
            <p className="text-slate-700">{t('pendingNoSuggestions')}</p>
          ) : (
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="pending-suggestions">
              {pending.suggestions.map((row) => (
                <li key={row.commitment.id}>
                  <Link href={`/commitments/${row.commitment.id}#evidence-suggestions-heading`} className="block rounded border border-slate-200 bg-white px-3 py-2 hover:border-un-blue">
                    <span className="font-medium text-un-navy underline">{row.commitment.citation}</span>
                    <span className="block text-sm text-slate-700">{t('suggestedParagraphs', { count: row.count })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
