'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { linkFileAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';
import { NoteField, SubmitButton, useFileField } from './evidence-form';

type Props = { commitmentId: string; reviewed: boolean; maxBytes: number; accept: string };

/** Uploads a file (multipart, through the server action) and links it. */
export function LinkFileForm({ commitmentId, reviewed, maxBytes, accept }: Props) {
  const t = useTranslations('evidence');
  const [state, action, pending] = useActionState(linkFileAction, null);
  const file = useFileField({
    prefix: 'evidence-file', label: t('fileForm.file'), hint: t('fileForm.hint'), tooLargeMessage: t('fileForm.tooLarge'), maxBytes, accept, state,
  });

  return (
    <form action={action} onSubmit={file.onSubmit} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="evidence-file-legend">
      <h4 id="evidence-file-legend" className="font-semibold">{t('fileForm.legend')}</h4>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        {file.field}
        <NoteField prefix="evidence-file" label={t('noteLabel')} state={state} />
      </div>
      <div className="mt-3 space-y-2">
        <FormStatus state={state} success={reviewed ? t('fileForm.saved') : t('pending.saved')} />
        <SubmitButton pending={pending} label={t('fileForm.submit')} pendingLabel={t('fileForm.uploading')} />
      </div>
    </form>
  );
}
