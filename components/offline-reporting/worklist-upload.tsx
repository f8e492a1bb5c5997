'use client';

import { useActionState, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { confirmWorklistUploadAction, previewWorklistUploadAction } from '@/lib/offline-reporting/actions';
import type { PreviewView } from '@/lib/offline-reporting/preview-view';
import { Link } from '@/lib/i18n/navigation';
import { useHydrated } from '@/components/ui/use-hydrated';
import { UploadPreview } from './upload-preview';

type UiState =
  | { kind: 'idle'; message?: string; fileErrors?: string[] }
  | { kind: 'preview'; preview: PreviewView; message?: string }
  | { kind: 'saved'; saved: number; refused: number };

type Props = { maxBytes: number; maxLabel: string };

/**
 * Upload, preview, confirm. The file is read and kept on the server at the preview; confirming
 * sends only the preview's id, so a slow connection uploads the file once.
 */
export function WorklistUpload(props: Props) {
  // A new upload starts from a clean form.
  const [round, setRound] = useState(0);
  return <UploadSteps key={round} {...props} onRestart={() => setRound((value) => value + 1)} />;
}

function UploadSteps({ maxBytes, maxLabel, onRestart }: Props & { onRestart: () => void }) {
  const t = useTranslations('offline');
  const hydrated = useHydrated();
  const [tooLarge, setTooLarge] = useState(false);
  // Another file chosen after a preview: the preview shown is of the earlier file, not to be confirmed.
  const [chosenAgain, setChosenAgain] = useState(false);
  // One action state serves both forms; this says which one is waiting, for its button.
  const [waiting, setWaiting] = useState<'preview' | 'confirm'>('preview');
  const [state, dispatch, pending] = useActionState(async (current: UiState, formData: FormData): Promise<UiState> => {
    if (formData.get('intent') === 'confirm') {
      formData.delete('intent');
      const result = await confirmWorklistUploadAction(null, formData);
      if (result?.ok) return { kind: 'saved', ...result.data };
      // Something changed since the preview: nothing was saved, and here is how things stand now.
      const fresh = result?.details?.preview as PreviewView | undefined;
      if (fresh) return { kind: 'preview', preview: fresh, message: result?.message };
      return { ...current, message: result?.message } as UiState;
    }
    const result = await previewWorklistUploadAction(null, formData);
    if (result?.ok) return { kind: 'preview', preview: result.data.preview };
    const fileErrors = result?.fieldErrors.file;
    return { kind: 'idle', message: fileErrors?.length ? undefined : result?.message, fileErrors };
  }, { kind: 'idle' });

  if (state.kind === 'saved') {
    return (
      <section aria-labelledby="upload-saved-heading" className="space-y-2 rounded-lg border border-green-300 bg-green-50 p-4" data-testid="upload-saved">
        <h2 id="upload-saved-heading" className="text-lg font-semibold">{t('preview.savedTitle')}</h2>
        <p role="status">{t('preview.saved', { count: state.saved })}</p>
        {state.refused > 0 && <p>{t('preview.savedRefused', { count: state.refused })}</p>}
        <p className="flex flex-wrap gap-x-4 gap-y-2 pt-1">
          <Link href="/worklist" className="font-medium text-un-navy underline">{t('preview.openWorklist')}</Link>
          <button type="button" onClick={onRestart} className="text-un-navy underline">{t('preview.uploadAnother')}</button>
        </p>
      </section>
    );
  }

  const fileErrors = [...(tooLarge ? [t('upload.fileTooLarge', { max: maxLabel })] : []), ...(state.kind === 'idle' ? (state.fileErrors ?? []) : [])];
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    setTooLarge((event.target.files?.[0]?.size ?? 0) > maxBytes);
    setChosenAgain(state.kind === 'preview');
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (tooLarge) event.preventDefault();
    else {
      setWaiting('preview');
      setChosenAgain(false);
    }
  };
  const preview = state.kind === 'preview' ? state.preview : null;

  return (
    <div className="space-y-6">
      <form action={dispatch} onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="upload-step-1">
        <h2 id="upload-step-1" className="font-semibold">{t('upload.step1')}</h2>
        <div>
          <label htmlFor="worklist-file" className="block text-sm font-medium">{t('upload.file')}</label>
          <p id="worklist-file-hint" className="mt-0.5 text-xs text-slate-600">{t('upload.fileHint', { max: maxLabel })}</p>
          <input
            id="worklist-file" name="file" type="file" required onChange={onFile}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileErrors.length > 0 || undefined}
            aria-describedby={['worklist-file-hint', fileErrors.length ? 'worklist-file-error' : null].filter(Boolean).join(' ')}
            className="mt-1 block w-full min-w-0 text-sm file:me-3 file:rounded file:border file:border-slate-300 file:bg-slate-50 file:px-3 file:py-1.5"
          />
          {fileErrors.length > 0 && <p id="worklist-file-error" role="alert" className="mt-1 text-sm text-red-800" data-testid="upload-file-error">{fileErrors.join(' ')}</p>}
        </div>
        {state.kind === 'idle' && state.message && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="form-error">{state.message}</p>
        )}
        <button type="submit" disabled={!hydrated || pending} className="w-full rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60 sm:w-auto">
          {pending && waiting === 'preview' ? t('upload.previewing') : t('upload.preview')}
        </button>
      </form>

      {preview && (
        <section aria-labelledby="upload-step-2" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="upload-preview">
          <h2 id="upload-step-2" className="font-semibold">{t('upload.step2')}</h2>
          {state.kind === 'preview' && state.message && (
            <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="preview-notice">{state.message}</p>
          )}
          <UploadPreview preview={preview} />
          {chosenAgain ? (
            <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="choose-again">{t('upload.chooseAgain')}</p>
          ) : preview.changes.length === 0 ? (
            <p className="rounded bg-slate-100 p-3 text-sm" data-testid="nothing-to-save">{t('preview.nothingToSave')}</p>
          ) : (
            <form action={dispatch} onSubmit={() => setWaiting('confirm')} className="space-y-2">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="stagedId" value={preview.stagedId} />
              {preview.problems.length > 0 && <p className="text-sm text-slate-700">{t('preview.confirmNote')}</p>}
              <button type="submit" disabled={!hydrated || pending} className="w-full rounded bg-green-800 px-4 py-2 font-medium text-white disabled:opacity-60 sm:w-auto">
                {pending && waiting === 'confirm' ? t('preview.confirming') : t('preview.confirm', { count: preview.changes.length })}
              </button>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
