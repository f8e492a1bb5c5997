'use client';

import { useActionState, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { previewInstrumentImportAction } from '@/lib/catalogue/actions';
import type { ImportPreview, ImportResult } from '@/lib/catalogue/import-instrument';
import { Link } from '@/lib/i18n/navigation';
import { FieldError, FormStatus, fieldErrorProps } from '@/components/ui/form-status';
import { TextFileInput } from '@/components/ui/text-file-input';
import { useHydrated } from '@/components/ui/use-hydrated';
import { ImportPreviewTable } from './import-preview-table';
import { UN_LANGUAGES } from '@/lib/i18n/routing';

const MAX_BYTES = 5 * 1024 * 1024;

type Props = {
  instruments: { code: string; symbol: string; title: string; slug: string }[];
  areas: { code: string; title: string }[];
  initialInstrument?: string;
};

type Progress = { state: 'idle' } | { state: 'running'; done: number; total: number } | { state: 'done'; result: ImportResult } | { state: 'failed'; message: string };

/** Paste or upload, preview every item with its reference, area and warnings, then confirm. */
export function ImportWizard({ instruments, areas, initialInstrument }: Props) {
  const t = useTranslations('import');
  const tLanguages = useTranslations('catalogue.languages');
  const hydrated = useHydrated();
  const locale = useLocale();
  const [state, previewAction, previewing] = useActionState(previewInstrumentImportAction, null);
  // Controlled fields: React resets a form's uncontrolled fields after its action, which would
  // make the form disagree with the preview shown below it.
  const [instrumentCode, setInstrumentCode] = useState(initialInstrument ?? instruments[0]?.code ?? '');
  const [language, setLanguage] = useState<string>(locale);
  const [text, setText] = useState('');
  // Set when the form changes after a preview: the preview no longer shows what would be imported.
  const [stale, setStale] = useState(false);
  const [readingFile, setReadingFile] = useState(false);
  const edited = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setStale(true);
  };
  const [sourceName, setSourceName] = useState('');
  const [chosenAreas, setChosenAreas] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const preview = state?.ok ? state.data : null;

  async function confirm(current: { stagedId: string; preview: ImportPreview }) {
    const areasToSend = Object.fromEntries(
      current.preview.items.filter((item) => item.change === 'create').map((item) => [item.reference, chosenAreas[item.reference] ?? item.areaCode ?? '']),
    );
    setProgress({ state: 'running', done: 0, total: current.preview.items.length });
    try {
      const response = await fetch('/api/catalogue/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-locale': locale },
        body: JSON.stringify({ stagedId: current.stagedId, areas: Object.fromEntries(Object.entries(areasToSend).filter(([, code]) => code)) }),
      });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        return setProgress({ state: 'failed', message: body?.message ?? t('failed') });
      }
      await readEvents(response.body, (event) => {
        if (event.type === 'progress') setProgress({ state: 'running', done: event.done, total: event.total });
        if (event.type === 'done') setProgress({ state: 'done', result: event.result });
        if (event.type === 'error') setProgress({ state: 'failed', message: event.message });
      });
    } catch {
      setProgress({ state: 'failed', message: t('failed') });
    }
  }

  if (progress.state === 'done' && preview) {
    const { result } = progress;
    const instrument = instruments.find((candidate) => candidate.code === preview.preview.instrument.code);
    return (
      <section aria-labelledby="result-heading" className="rounded-lg border border-green-300 bg-green-50 p-4" data-testid="import-result">
        <h2 id="result-heading" className="text-lg font-semibold">{t('doneTitle')}</h2>
        <p className="mt-2">{t('doneSummary', { created: result.created, translated: result.translated, updated: result.updated, unchanged: result.unchanged })}</p>
        {result.unmatched.length > 0 && <p className="mt-2">{t('unmatched', { references: result.unmatched.join(', ') })}</p>}
        {instrument && <Link href={`/instruments/${instrument.slug}`} className="mt-3 inline-block font-medium text-un-navy underline">{t('openInstrument')}</Link>}
      </section>
    );
  }

  return (
    <div className="space-y-6">
      <form action={(formData) => { setStale(false); setProgress({ state: 'idle' }); previewAction(formData); }} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="step-1">
        <h2 id="step-1" className="font-semibold">{t('step1')}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="instrumentCode" className="block text-sm font-medium">{t('instrument')}</label>
            <select id="instrumentCode" name="instrumentCode" value={instrumentCode} onChange={(event) => edited(setInstrumentCode)(event.target.value)}
              className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
              {instruments.map((instrument) => <option key={instrument.code} value={instrument.code}>{instrument.symbol} — {instrument.title}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="language" className="block text-sm font-medium">{t('language')}</label>
            <select id="language" name="language" value={language} onChange={(event) => edited(setLanguage)(event.target.value)} {...fieldErrorProps(state, 'language')} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
              {UN_LANGUAGES.map((code) => <option key={code} value={code}>{tLanguages(code)}</option>)}
            </select>
            <FieldError state={state} field="language" />
          </div>
        </div>
        <TextFileInput label={t('file')} help={t('fileHelp')} maxBytes={MAX_BYTES}
          messages={{ tooLarge: t('fileTooLarge'), notText: t('fileNotText') }} onReading={setReadingFile}
          onText={(text, fileName) => { edited(setText)(text); setSourceName(fileName); }} />
        <div>
          <label htmlFor="text" className="block text-sm font-medium">{t('text')}</label>
          <textarea id="text" name="text" value={text} onChange={(event) => { edited(setText)(event.target.value); setSourceName(''); }} rows={10} {...fieldErrorProps(state, 'text')}
            className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
          <FieldError state={state} field="text" />
        </div>
        <input type="hidden" name="sourceName" value={sourceName} />
        <FormStatus state={state} />
        <button type="submit" disabled={!hydrated || previewing || readingFile || progress.state === 'running'} className="rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60">
          {previewing ? t('previewing') : t('preview')}
        </button>
      </form>

      {preview && (
        <section aria-labelledby="step-2" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-preview">
          <h2 id="step-2" className="font-semibold">{t('step2')}</h2>
          <ImportPreviewTable preview={preview.preview} areas={areas} chosen={chosenAreas}
            onChoose={(reference, code) => setChosenAreas((current) => ({ ...current, [reference]: code }))} />
          {stale && <p role="status" className="rounded bg-amber-50 p-3 text-sm text-amber-950">{t('stale')}</p>}
          {preview.preview.alreadyImported ? (
            <p role="status" className="rounded bg-slate-100 p-3" data-testid="already-imported">{t('alreadyImported')}</p>
          ) : (
            <div className="space-y-3">
              {progress.state === 'running' && (
                <div>
                  <label htmlFor="import-progress" className="block text-sm">{t('progress', { done: progress.done, total: progress.total })}</label>
                  <progress id="import-progress" max={progress.total} value={progress.done} className="w-full" />
                </div>
              )}
              {progress.state === 'failed' && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">{progress.message}</p>}
              <button type="button" onClick={() => confirm(preview)} disabled={stale || progress.state === 'running'}
                className="rounded bg-green-800 px-4 py-2 font-medium text-white disabled:opacity-60">
                {t('confirm', { count: preview.preview.items.filter((item) => item.change !== 'unchanged' && item.change !== 'unmatched').length })}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

type ImportEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; message: string };

async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: ImportEvent) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as ImportEvent);
  }
}
