'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { requeueOutboxEmailAction } from '@/lib/notifications/outbox-actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';

/**
 * "Send again" for a FAILED e-mail, after asking: one that failed as "maybe delivered" may reach
 * its recipient twice. Rendered on every row, so that its answer stays once the refreshed row is
 * no longer failed.
 */
export function RequeueEmailForm({ id, failed }: { id: string; failed: boolean }) {
  const t = useTranslations('outbox');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(requeueOutboxEmailAction, null);
  const outcome = state?.ok ? state.data.outcome : null;
  if (!failed && !state) return null;
  return (
    <form action={action} onSubmit={(event) => { if (!window.confirm(t('requeueConfirm'))) event.preventDefault(); }} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      {failed && outcome !== 'requeued' && (
        <button type="submit" disabled={pending || !hydrated} className="rounded border border-un-navy bg-white px-3 py-1 text-sm font-medium text-un-navy disabled:opacity-60">
          {t('requeue')}
        </button>
      )}
      {outcome && (
        <p role="status" className={`text-sm ${outcome === 'requeued' ? 'text-green-800' : 'text-amber-900'}`}>
          {t(`requeueOutcome.${outcome}`)}
        </p>
      )}
      <FormStatus state={state} />
    </form>
  );
}
