'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { decideRemovalRequestAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useEvidenceUndo } from './evidence-undo';
import { CharacterLimit, characterLimitId } from '@/components/ui/character-limit';

type DecideState = Awaited<ReturnType<typeof decideRemovalRequestAction>>;

/**
 * The secretariat's answer to a focal point's request to remove evidence: remove it (which the
 * section offers to undo), or keep it, with an optional comment the focal point reads.
 */
export function DecideRemovalForm({ evidenceId, what }: { evidenceId: string; what: string }) {
  const t = useTranslations('evidence.removalRequest');
  const undo = useEvidenceUndo();
  const [state, action, pending] = useActionState(async (previous: DecideState, formData: FormData): Promise<DecideState> => {
    const result = await decideRemovalRequestAction(previous, formData);
    if (result?.ok && result.data.decision === 'remove') undo.offer({ evidenceId, what });
    return result;
  }, null);
  const commentId = `removal-comment-${evidenceId}`;
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <div>
        <label htmlFor={commentId} className="block text-sm font-medium">{t('comment')}</label>
        <textarea id={commentId} name="comment" rows={2} aria-describedby={characterLimitId(commentId)} className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-start" />
        <CharacterLimit fieldId={commentId} max={2000} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="remove" disabled={pending} aria-label={t('removeLabel', { what })}
          className="rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {t('remove')}
        </button>
        <button type="submit" name="decision" value="keep" disabled={pending} aria-label={t('keepLabel', { what })}
          className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-800 disabled:opacity-60">
          {t('keep')}
        </button>
      </div>
      <FormStatus state={state} success={state?.ok && state.data.decision === 'keep' ? t('kept') : undefined} />
    </form>
  );
}
