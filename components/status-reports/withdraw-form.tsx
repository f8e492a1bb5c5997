'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { withdrawStatusReportAction } from '@/lib/status-reports/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';

/** Takes back a submission nobody has reviewed yet, after asking. */
export function WithdrawForm({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations('report');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(withdrawStatusReportAction, null);
  return (
    <form action={action} onSubmit={(event) => { if (!window.confirm(t('withdrawConfirm'))) event.preventDefault(); }} className="space-y-2">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-700">{t('withdrawHint')}</p>
      <button type="submit" disabled={pending || !hydrated} className="rounded border border-un-navy bg-white px-4 py-2 font-medium text-un-navy disabled:opacity-60">
        {t('withdraw')}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
