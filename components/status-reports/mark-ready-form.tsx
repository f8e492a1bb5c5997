'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { markStatusReportReadyAction } from '@/lib/status-reports/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';

/** A contributor hands the saved draft to the coordinator, who submits it. */
export function MarkReadyForm({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations('report');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(markStatusReportReadyAction, null);
  return (
    <form action={action} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="ready-heading">
      <h2 id="ready-heading" className="font-semibold">{t('readyHeading')}</h2>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-700">{t('readyHint')}</p>
      <button type="submit" disabled={pending || !hydrated} className="rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60" data-testid="mark-ready">
        {t('markReady')}
      </button>
      <FormStatus state={state} success={t('markedReady')} />
    </form>
  );
}
