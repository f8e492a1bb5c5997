'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { restoreEvidenceAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';

/** Puts removed evidence back, from the commitment's history (the secretariat, at any time). */
export function RestoreEvidenceForm({ evidenceId, what }: { evidenceId: string; what: string }) {
  const t = useTranslations('evidence.history');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(restoreEvidenceAction, null);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <button type="submit" disabled={pending || !hydrated || state?.ok} aria-label={t('restoreLabel', { what })}
        className="rounded border border-un-navy px-2 py-1 text-xs font-medium text-un-navy disabled:opacity-60">
        {t('restore')}
      </button>
      <FormStatus state={state} success={t('restoredNow')} />
    </form>
  );
}
