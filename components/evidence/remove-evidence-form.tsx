'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { removeEvidenceAction, requestEvidenceRemovalAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useEvidenceUndo } from './evidence-undo';
import { CharacterLimit, characterLimitId } from '@/components/ui/character-limit';

type RemoveState = Awaited<ReturnType<typeof removeEvidenceAction>>;

const linkButton = 'text-sm text-red-800 underline disabled:opacity-60';
const primary = 'rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60';
const secondary = 'rounded border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-800';

/**
 * Removes one piece of evidence, after asking: the first button opens the question, the second
 * removes. Once removed, the section's bar offers to undo it for a few seconds.
 */
export function RemoveEvidenceForm({ evidenceId, what }: { evidenceId: string; what: string }) {
  const t = useTranslations('evidence');
  const hydrated = useHydrated();
  const undo = useEvidenceUndo();
  const [asking, setAsking] = useState(false);
  // The undo is offered from the action itself: the item (and this form) leaves the page with the refreshed list.
  const [state, action, pending] = useActionState(async (previous: RemoveState, formData: FormData): Promise<RemoveState> => {
    const result = await removeEvidenceAction(previous, formData);
    if (result?.ok) undo.offer({ evidenceId, what });
    return result;
  }, null);

  if (!asking) {
    return (
      <button type="button" disabled={!hydrated} onClick={() => setAsking(true)} aria-label={t('removeLabel', { what })} className={linkButton}>
        {t('remove')}
      </button>
    );
  }
  return (
    <form action={action} className="mt-2 w-full space-y-2 rounded border border-red-200 bg-red-50 p-3" data-testid="remove-confirm">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <p className="text-sm text-red-950">{t('removeConfirm', { what })}</p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={primary} autoFocus>
          {pending ? t('removing') : t('removeConfirmButton')}
        </button>
        <button type="button" onClick={() => setAsking(false)} className={secondary}>{t('cancel')}</button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

/**
 * A focal point's accepted evidence is removed by the secretariat: this asks for it, with an
 * optional reason, and the item shows the request until it is decided.
 */
export function RequestRemovalForm({ evidenceId, what }: { evidenceId: string; what: string }) {
  const t = useTranslations('evidence');
  const hydrated = useHydrated();
  const [asking, setAsking] = useState(false);
  const [state, action, pending] = useActionState(requestEvidenceRemovalAction, null);
  if (!asking) {
    return (
      <button type="button" disabled={!hydrated} onClick={() => setAsking(true)} aria-label={t('requestRemoval.label', { what })} className={linkButton}>
        {t('requestRemoval.open')}
      </button>
    );
  }
  const reasonId = `removal-reason-${evidenceId}`;
  return (
    <form action={action} className="mt-2 w-full space-y-2 rounded border border-amber-300 bg-amber-50 p-3" data-testid="request-removal">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <p className="text-sm text-amber-950">{t('requestRemoval.intro', { what })}</p>
      <div>
        <label htmlFor={reasonId} className="block text-sm font-medium">{t('requestRemoval.reason')}</label>
        <textarea id={reasonId} name="reason" rows={2} aria-describedby={characterLimitId(reasonId)} className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-start" autoFocus />
        <CharacterLimit fieldId={reasonId} max={2000} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending || state?.ok} className="rounded bg-un-navy px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {pending ? t('saving') : t('requestRemoval.submit')}
        </button>
        <button type="button" onClick={() => setAsking(false)} className={secondary}>{t('cancel')}</button>
      </div>
      <FormStatus state={state} success={t('requestRemoval.sent')} />
    </form>
  );
}
