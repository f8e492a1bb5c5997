'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { decideSuggestionAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { CharacterLimit, characterLimitId } from '@/components/ui/character-limit';

type Props = {
  evidenceId: string;
  citation: string;
  /** A focal point's proposal: the comment on a rejection is for them to read. */
  proposal?: boolean;
};

/**
 * Accept and reject buttons for one suggestion or proposal; the button pressed is the decision.
 * Rejecting asks for an optional comment first, which the proposal's author reads.
 */
export function DecideSuggestionForm({ evidenceId, citation, proposal = false }: Props) {
  const t = useTranslations('evidence.suggestions');
  const hydrated = useHydrated();
  const [rejecting, setRejecting] = useState(false);
  const [state, action, pending] = useActionState(decideSuggestionAction, null);
  const commentId = `reject-comment-${evidenceId}`;
  // Cancelling puts the focus back on Reject, the button it replaced (not on the page's start).
  const rejectButton = useRef<HTMLButtonElement>(null);
  const [cancelled, setCancelled] = useState(false);
  useEffect(() => {
    if (cancelled && !rejecting) rejectButton.current?.focus();
  }, [cancelled, rejecting]);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      {rejecting && (
        <div>
          <label htmlFor={commentId} className="block text-sm font-medium">{t(proposal ? 'commentForProposer' : 'comment')}</label>
          <p id={`${commentId}-hint`} className="mt-0.5 text-xs text-slate-600">{t(proposal ? 'commentForProposerHint' : 'commentHint')}</p>
          <textarea
            id={commentId} name="comment" rows={2} aria-describedby={`${commentId}-hint ${characterLimitId(commentId)}`} autoFocus
            className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-start"
          />
          <CharacterLimit fieldId={commentId} max={2000} />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {!rejecting && (
          <button type="submit" name="decision" value="accept" disabled={pending} aria-label={t('acceptLabel', { citation })}
            className="rounded bg-un-navy px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {t('accept')}
          </button>
        )}
        {rejecting ? (
          <>
            <button type="submit" name="decision" value="reject" disabled={pending} aria-label={t('rejectLabel', { citation })}
              className="rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
              {t('rejectConfirm')}
            </button>
            <button type="button" onClick={() => { setRejecting(false); setCancelled(true); }} className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-800">
              {t('cancel')}
            </button>
          </>
        ) : (
          <button ref={rejectButton} type="button" disabled={!hydrated || pending} onClick={() => setRejecting(true)} aria-label={t('rejectLabel', { citation })}
            className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-800 disabled:opacity-60">
            {t('reject')}
          </button>
        )}
      </div>
      <FormStatus state={state} success={state?.ok ? t(state.data.state === 'ACCEPTED' ? 'accepted' : 'rejected') : undefined} />
    </form>
  );
}
