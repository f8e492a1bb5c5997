'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { linkParagraphAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { EvidenceField, NoteField, SubmitButton } from './evidence-form';

/**
 * Links a paragraph of an imported document, typed as its symbol and number, or as a whole
 * citation in the symbol field ("A/74/129, para. 27", "A/74/129，第27段"). A refusal keeps what
 * was typed and says what to type; success names the paragraph as it was understood.
 */
export function LinkParagraphForm({ commitmentId, reviewed }: { commitmentId: string; reviewed: boolean }) {
  const t = useTranslations('evidence');
  const [state, action, pending] = useActionState(linkParagraphAction, null);
  const keep = useKeptForm(action, state);
  const success = state?.ok
    ? t(state.data.state === 'ACCEPTED' ? 'paragraphForm.savedCitation' : 'paragraphForm.proposedCitation', { citation: state.data.citation })
    : undefined;
  return (
    <form action={action} onSubmit={keep} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="evidence-paragraph-legend">
      <h4 id="evidence-paragraph-legend" className="font-semibold">{t('paragraphForm.legend')}</h4>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <EvidenceField prefix="evidence-paragraph" name="symbol" label={t('paragraphForm.symbol')} hint={t('paragraphForm.symbolHint')}
          state={state} required maxLength={120} autoComplete="off" placeholder="A/74/129" />
        <EvidenceField prefix="evidence-paragraph" name="number" label={t('paragraphForm.number')} hint={t('paragraphForm.numberHint')} state={state}
          inputMode="numeric" maxLength={20} autoComplete="off" />
        <NoteField prefix="evidence-paragraph" label={t('noteLabel')} state={state} />
      </div>
      <div className="mt-3 space-y-2">
        <FormStatus state={state} success={success ?? (reviewed ? t('paragraphForm.saved') : t('pending.saved'))} />
        <SubmitButton pending={pending} label={t('paragraphForm.submit')} pendingLabel={t('saving')} />
      </div>
    </form>
  );
}
