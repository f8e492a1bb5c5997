'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { decideSuggestionAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';

/** Accept and reject buttons for one suggestion; the button pressed is the decision. */
export function DecideSuggestionForm({ evidenceId, citation }: { evidenceId: string; citation: string }) {
  const t = useTranslations('evidence.suggestions');
  const [state, action, pending] = useActionState(decideSuggestionAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="accept" disabled={pending} aria-label={t('acceptLabel', { citation })}
          className="rounded bg-un-navy px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {t('accept')}
        </button>
        <button type="submit" name="decision" value="reject" disabled={pending} aria-label={t('rejectLabel', { citation })}
          className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-800 disabled:opacity-60">
          {t('reject')}
        </button>
      </div>
      <FormStatus state={state} success={state?.ok ? t(state.data.state === 'ACCEPTED' ? 'accepted' : 'rejected') : undefined} />
    </form>
  );
}
