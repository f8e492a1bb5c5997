'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { removeEvidenceAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';

/** Removes one piece of evidence; the label names what is removed, for screen readers. */
export function RemoveEvidenceForm({ evidenceId, what }: { evidenceId: string; what: string }) {
  const t = useTranslations('evidence');
  const [state, action, pending] = useActionState(removeEvidenceAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <button type="submit" disabled={pending} aria-label={t('removeLabel', { what })}
        className="text-sm text-red-800 underline disabled:opacity-60">
        {t('remove')}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
