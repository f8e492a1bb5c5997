'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { publishSummariesAction, unpublishSummariesAction } from '@/lib/summaries/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { EvidenceField as Field } from '@/components/evidence/evidence-form';

/** Publishes (again) a cycle's summaries as they stand, after asking. */
export function PublishForm({ cycleCode, cycleName, again }: { cycleCode: string; cycleName: string; again: boolean }) {
  const t = useTranslations('summaries');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(publishSummariesAction, null);
  const keep = useKeptForm(action, state, () => window.confirm(t('publishConfirm', { cycle: cycleName })));
  return (
    <form action={action} onSubmit={keep} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="cycleCode" value={cycleCode} />
      <button type="submit" disabled={pending || !hydrated} className="rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60">
        {again ? t('publishAgain') : t('publish')}
      </button>
      <FormStatus state={state} success={state?.ok ? t('publishedNow', { version: state.data.version }) : undefined} />
    </form>
  );
}

/** Withdraws a cycle's published summaries from the public, with a reason. */
export function UnpublishForm({ cycleCode, cycleName }: { cycleCode: string; cycleName: string }) {
  const t = useTranslations('summaries');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(unpublishSummariesAction, null);
  const keep = useKeptForm(action, state, () => window.confirm(t('unpublishConfirm', { cycle: cycleName })));
  return (
    <form action={action} onSubmit={keep} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="cycleCode" value={cycleCode} />
      <Field prefix="unpublish" name="reason" label={t('unpublishReason')} state={state} required maxLength={1000} className="min-w-0 flex-1" />
      <button type="submit" disabled={pending || !hydrated} className="rounded border border-red-800 bg-white px-4 py-2 font-medium text-red-900 disabled:opacity-60">
        {t('unpublish')}
      </button>
      <FormStatus state={state} success={t('unpublishedNow')} />
    </form>
  );
}
