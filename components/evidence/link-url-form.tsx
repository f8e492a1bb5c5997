'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { linkUrlAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';
import { EvidenceField, NoteField, SubmitButton } from './evidence-form';

/** Links a web page by its address and a title. */
export function LinkUrlForm({ commitmentId, reviewed }: { commitmentId: string; reviewed: boolean }) {
  const t = useTranslations('evidence');
  const [state, action, pending] = useActionState(linkUrlAction, null);
  return (
    <form action={action} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="evidence-url-legend">
      <h4 id="evidence-url-legend" className="font-semibold">{t('urlForm.legend')}</h4>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <EvidenceField prefix="evidence-url" name="url" type="url" dir="ltr" label={t('urlForm.url')} state={state}
          required maxLength={2000} placeholder="https://" autoComplete="url" />
        <EvidenceField prefix="evidence-url" name="title" label={t('urlForm.title')} state={state} required maxLength={300} />
        <NoteField prefix="evidence-url" label={t('noteLabel')} state={state} />
      </div>
      <div className="mt-3 space-y-2">
        <FormStatus state={state} success={reviewed ? t('urlForm.saved') : t('pending.saved')} />
        <SubmitButton pending={pending} label={t('urlForm.submit')} pendingLabel={t('saving')} />
      </div>
    </form>
  );
}
