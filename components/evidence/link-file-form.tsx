'use client';

import { useActionState, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { linkFileAction } from '@/lib/evidence/actions';
import { FormStatus } from '@/components/ui/form-status';
import { errorsOf, NoteField, SubmitButton } from './evidence-form';

type Props = { commitmentId: string; reviewed: boolean; maxBytes: number; accept: string };

/**
 * Uploads a file (multipart, through the server action) and links it. The size is checked here
 * too, so that nobody waits for 10 MB to upload only to be told it is too large; the server
 * checks size and type again, by content.
 */
export function LinkFileForm({ commitmentId, reviewed, maxBytes, accept }: Props) {
  const t = useTranslations('evidence');
  const [state, action, pending] = useActionState(linkFileAction, null);
  const [tooLarge, setTooLarge] = useState(false);
  const errors = [...(tooLarge ? [t('fileForm.tooLarge')] : []), ...errorsOf(state, 'file')];
  const describedBy = ['evidence-file-hint', errors.length ? 'evidence-file-error' : null].filter(Boolean).join(' ');

  const check = (event: ChangeEvent<HTMLInputElement>) => setTooLarge((event.target.files?.[0]?.size ?? 0) > maxBytes);
  const refuseTooLarge = (event: FormEvent<HTMLFormElement>) => {
    if (tooLarge) event.preventDefault();
  };

  return (
    <form action={action} onSubmit={refuseTooLarge} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="evidence-file-legend">
      <h4 id="evidence-file-legend" className="font-semibold">{t('fileForm.legend')}</h4>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor="evidence-file-file" className="block text-sm font-medium">{t('fileForm.file')}</label>
          <p id="evidence-file-hint" className="mt-0.5 text-xs text-slate-600">{t('fileForm.hint')}</p>
          <input
            id="evidence-file-file" name="file" type="file" required accept={accept} onChange={check}
            aria-invalid={errors.length > 0 || undefined} aria-describedby={describedBy}
            className="mt-1 block w-full min-w-0 text-sm file:me-3 file:rounded file:border file:border-slate-300 file:bg-slate-50 file:px-3 file:py-1.5"
          />
          {errors.length > 0 && <p id="evidence-file-error" className="mt-1 text-sm text-red-800">{errors.join(' ')}</p>}
        </div>
        <NoteField prefix="evidence-file" label={t('noteLabel')} state={state} />
      </div>
      <div className="mt-3 space-y-2">
        <FormStatus state={state} success={reviewed ? t('fileForm.saved') : t('pending.saved')} />
        <SubmitButton pending={pending} label={t('fileForm.submit')} pendingLabel={t('fileForm.uploading')} />
      </div>
    </form>
  );
}
