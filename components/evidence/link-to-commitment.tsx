'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { linkParagraphToCommitmentAction, searchCommitmentsToLinkAction } from '@/lib/evidence/actions';
import type { CommitmentToLink } from '@/lib/evidence/queries';
import { Link } from '@/lib/i18n/navigation';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { EvidenceField, SubmitButton } from './evidence-form';

/**
 * "Link to a commitment", on a paragraph's page: find the commitment by the words of its wording
 * or its reference, and link this paragraph to it. A focal point's link waits for the
 * secretariat's review, as on the commitment's page.
 */
export function LinkToCommitment({ paragraphId, citation, reviewed }: { paragraphId: string; citation: string; reviewed: boolean }) {
  const t = useTranslations('evidence.linkToCommitment');
  const [state, search, searching] = useActionState(searchCommitmentsToLinkAction, null);
  // The words searched for stay in the box, to refine them.
  const keep = useKeptForm(search, null);
  return (
    <section id="link-commitment" aria-labelledby="link-commitment-heading" className="scroll-mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="link-to-commitment">
      <h2 id="link-commitment-heading" className="text-lg font-semibold">{t('heading')}</h2>
      <p className="text-sm text-slate-600">{t(reviewed ? 'introReviewer' : 'introFocalPoint', { citation })}</p>
      <form action={search} onSubmit={keep} role="search" aria-label={t('heading')}>
        <input type="hidden" name="paragraphId" value={paragraphId} />
        <div className="flex flex-wrap items-end gap-3">
          <EvidenceField prefix="commitment-search" name="q" type="search" label={t('searchLabel')} hint={t('searchHint')} state={state}
            required minLength={2} maxLength={200} className="min-w-0 flex-1 basis-64" />
          <SubmitButton pending={searching} label={t('search')} pendingLabel={t('searching')} />
        </div>
      </form>
      {state && !state.ok && Object.keys(state.fieldErrors).length === 0 && <FormStatus state={state} />}
      {state?.ok && (
        <div>
          <p role="status" className="text-sm text-slate-600">
            {state.data.total === 0 ? t('noneFound') : t('found', { shown: state.data.hits.length, total: state.data.total })}
          </p>
          <ol className="mt-2 space-y-2">
            {state.data.hits.map((hit) => <CommitmentHit key={hit.id} hit={hit} paragraphId={paragraphId} reviewed={reviewed} />)}
          </ol>
        </div>
      )}
    </section>
  );
}

function CommitmentHit({ hit, paragraphId, reviewed }: { hit: CommitmentToLink; paragraphId: string; reviewed: boolean }) {
  const t = useTranslations('evidence.linkToCommitment');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(linkParagraphToCommitmentAction, null);
  const linked = state?.ok ? (state.data.state === 'ACCEPTED' ? 'accepted' : 'pending') : hit.linked;
  return (
    <li className="rounded border border-slate-200 p-3" data-testid="commitment-hit">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <Link href={`/commitments/${hit.id}`} className="font-medium text-un-navy underline">{hit.citation}</Link>
        <span className="text-xs text-slate-600">{hit.area}</span>
      </p>
      {hit.text && <p lang={hit.textLocale ?? undefined} className="mt-1 line-clamp-3 text-sm text-slate-800">{hit.text}</p>}
      <form action={action} className="mt-2 flex flex-wrap items-center gap-3">
        <input type="hidden" name="paragraphId" value={paragraphId} />
        <input type="hidden" name="commitmentId" value={hit.id} />
        {linked ? (
          <p className="text-sm font-medium text-green-800" role={state?.ok ? 'status' : undefined}>
            {linked === 'accepted' ? t('linked') : t(state?.ok && !reviewed ? 'proposed' : 'awaitingReview')}
          </p>
        ) : (
          <button type="submit" disabled={pending || !hydrated} aria-label={t('linkLabel', { citation: hit.citation })}
            className="rounded border border-un-navy px-3 py-1 text-sm font-medium text-un-navy disabled:opacity-60">
            {pending ? t('linking') : t('link')}
          </button>
        )}
        <FormStatus state={state} />
      </form>
    </li>
  );
}
