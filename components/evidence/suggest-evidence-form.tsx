'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { suggestEvidenceAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';

/** Asks for paragraphs similar to the commitment; says how many suggestions are waiting. */
export function SuggestEvidenceForm({ commitmentId }: { commitmentId: string }) {
  const t = useTranslations('evidence.suggestions');
  const [state, action, pending] = useActionState(suggestEvidenceAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <button type="submit" disabled={pending} aria-disabled={pending}
        className="w-full rounded border border-un-navy px-4 py-2 font-medium text-un-navy disabled:opacity-60 sm:w-auto">
        {pending ? t('suggesting') : t('suggest')}
      </button>
      <div aria-live="polite">
        <FormStatus state={state} success={state?.ok ? t('suggested', { count: state.data.suggested }) : undefined} />
      </div>
    </form>
  );
}
