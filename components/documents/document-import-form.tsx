'use client';

import { useActionState, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { confirmDocumentImportAction, previewDocumentImportAction } from '@/lib/documents/actions';
import { Link } from '@/lib/i18n/navigation';
import { slugOf } from '@/lib/slug';
import { FieldError, FormStatus, fieldErrorProps } from '@/components/ui/form-status';
import { TextFileInput } from '@/components/ui/text-file-input';
import { useHydrated } from '@/components/ui/use-hydrated';
import { TextField } from '@/components/ui/text-field';
import { DateField } from '@/components/ui/date-field';
import { inUnOrder, sentenceGap } from '@/lib/i18n/lists';
import type { DocumentPreview } from '@/lib/documents/import-document';
import { UN_LANGUAGES } from '@/lib/i18n/routing';

const MAX_BYTES = 20 * 1024 * 1024;

/** Upload or paste a report, see a dry run (paragraphs, sections, footnotes, warnings), then import it. */
export function DocumentImportForm() {
  const t = useTranslations('documents.import');
  const tCommon = useTranslations('common');
  const tLanguages = useTranslations('catalogue.languages');
  const hydrated = useHydrated();
  const locale = useLocale();
  const [preview, previewAction, previewing] = useActionState(previewDocumentImportAction, null);
  const [result, confirmAction, importing] = useActionState(confirmDocumentImportAction, null);
  // Controlled fields: a form action resets uncontrolled ones, and the form must match its preview.
  const [fields, setFields] = useState({ symbol: '', language: locale as string, publishedOn: '', text: '', sourceName: '' });
  const [stale, setStale] = useState(false);
  const [readingFile, setReadingFile] = useState(false);
  const set = (name: keyof typeof fields) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value, ...(name === 'text' ? { sourceName: '' } : {}) }));
    setStale(true);
  };

  const staged = preview?.ok ? preview.data : null;
  // Chinese sentences follow each other without a space.
  const gap = sentenceGap(locale);
  if (result?.ok) {
    const done = result.data;
    return (
      <section className="rounded-lg border border-green-300 bg-green-50 p-4" data-testid="document-import-result" aria-live="polite">
        <h2 className="text-lg font-semibold">{done.mode === 'already-imported' ? t('alreadyImported') : t('done')}</h2>
        <p className="mt-2">{t('doneSummary', { paragraphs: done.paragraphCount, sections: done.sections.length, footnotes: done.footnoteCount })}</p>
        {done.changed.length > 0 && <p className="mt-1">{t('changed', { numbers: done.changed.join(tCommon('listSeparator')) })}</p>}
        {done.keptWithEvidence.length > 0 && <p className="mt-1">{t('keptWithEvidence', { numbers: done.keptWithEvidence.join(tCommon('listSeparator')) })}</p>}
        <Link href={`/documents/${slugOf(done.symbol)}/${done.language}`} className="mt-3 inline-block font-medium text-un-navy underline">{t('open')}</Link>
      </section>
    );
  }

  return (
    <div className="space-y-6">
      <form action={(formData) => { setStale(false); previewAction(formData); }} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <TextField id="symbol" label={t('symbol')} value={fields.symbol} onChange={(event) => set('symbol')(event.target.value)} placeholder="A/74/129" required {...fieldErrorProps(preview, 'symbol')} />
            <FieldError state={preview} field="symbol" />
          </div>
          <div>
            <label htmlFor="language" className="block text-sm font-medium">{t('language')}</label>
            <select id="language" name="language" value={fields.language} onChange={(event) => set('language')(event.target.value)}
              className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
              {inUnOrder(UN_LANGUAGES, (code) => tLanguages(code), locale).map((code) => <option key={code} value={code}>{tLanguages(code)}</option>)}
            </select>
          </div>
          <DateField id="publishedOn" name="publishedOn" label={t('publishedOn')} value={fields.publishedOn} onChange={(value) => set('publishedOn')(value)}
            errors={preview && !preview.ok ? (preview.fieldErrors.publishedOn ?? []) : []} />
        </div>
        <TextFileInput label={t('file')} help={t('fileHelp')} maxBytes={MAX_BYTES}
          messages={{ tooLarge: t('fileTooLarge'), notText: t('fileNotText') }} onReading={setReadingFile}
          onText={(text, fileName) => { setFields((current) => ({ ...current, text, sourceName: fileName })); setStale(true); }} />
        <div>
          <label htmlFor="text" className="block text-sm font-medium">{t('text')}</label>
          <textarea id="text" name="text" value={fields.text} onChange={(event) => set('text')(event.target.value)} rows={10} {...fieldErrorProps(preview, 'text')}
            className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
          <FieldError state={preview} field="text" />
        </div>
        <input type="hidden" name="sourceName" value={fields.sourceName} />
        <FormStatus state={preview} />
        {previewing && <progress className="w-full" aria-label={t('reading')} />}
        <button type="submit" disabled={!hydrated || previewing || importing || readingFile} className="rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60">
          {previewing ? t('reading') : t('preview')}
        </button>
      </form>

      {staged && (
        <section aria-labelledby="dry-run" className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="document-preview">
          <h2 id="dry-run" className="font-semibold">{t('dryRun')}</h2>
          <p data-testid="document-preview-summary">
            {t(`mode.${staged.preview.mode}`, { symbol: staged.preview.symbol })}{gap}
            {t('summary', { paragraphs: staged.preview.paragraphCount, sections: staged.preview.sections.length, footnotes: staged.preview.footnoteCount })}
          </p>
          {staged.preview.title && <p><span className="font-medium">{t('detectedTitle')}</span>{gap}<span lang={staged.preview.language}>{staged.preview.title}</span></p>}
          {staged.preview.mode === 'corrected' && (
            <p>{t('changes', { changed: staged.preview.changed.join(tCommon('listSeparator')) || '—', added: staged.preview.added.join(tCommon('listSeparator')) || '—', removed: staged.preview.removed.join(tCommon('listSeparator')) || '—' })}</p>
          )}
          {staged.preview.warnings.length > 0 && (
            <ul className="list-disc rounded border border-amber-300 bg-amber-50 p-3 ps-8 text-sm text-amber-950">
              {staged.preview.warnings.map((warning, index) => (
                <li key={index}>
                  {warning.line !== null && <>{t('line', { line: warning.line })}{gap}</>}
                  {t.has(`warningCodes.${warning.code}`) ? t(`warningCodes.${warning.code}`) : warning.message}
                </li>
              ))}
            </ul>
          )}
          <DryRunDetails preview={staged.preview} />
          {stale && <p role="status" className="rounded bg-amber-50 p-3 text-sm text-amber-950">{t('stale')}</p>}
          <form action={confirmAction}>
            <input type="hidden" name="stagedId" value={staged.stagedId} />
            <FormStatus state={result} />
            {importing && <progress className="mb-2 w-full" aria-label={t('importing')} />}
            <button type="submit" disabled={stale || importing} className="rounded bg-green-800 px-4 py-2 font-medium text-white disabled:opacity-60">
              {importing ? t('importing') : staged.preview.mode === 'already-imported' ? t('confirmAgain') : t('confirm')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

/**
 * What the dry run found, to check before importing: lines read otherwise than they look (with
 * where they went), the paragraphs with their first words, the sections and the footnotes. The
 * lists are cut on the server (DRY_RUN_LIMITS) and end with how many more there are.
 */
function DryRunDetails({ preview }: { preview: DocumentPreview }) {
  const t = useTranslations('documents.import');
  const tCommon = useTranslations('common');
  const locale = useLocale();
  const gap = sentenceGap(locale);
  const moreParagraphs = preview.paragraphCount - preview.paragraphs.length;
  const moreFootnotes = preview.footnoteCount - preview.footnotes.length;
  const moreNotes = preview.lineNoteCount - preview.lineNotes.length;
  return (
    <>
      {preview.lineNotes.length > 0 && (
        <div role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="document-line-notes">
          <h3 className="font-medium">{t('lineNotes.heading', { count: preview.lineNoteCount })}</h3>
          <ul className="mt-1 list-disc space-y-1 ps-5">
            {preview.lineNotes.map((note) => (
              <li key={note.line} data-testid="document-line-note">
                {t('line', { line: note.line })}{gap}<span lang={preview.language} className="[overflow-wrap:anywhere]">{t('lineNotes.quote', { text: note.text })}</span>{gap}
                {t(`lineNotes.${note.reason}`)}{gap}
                {note.placement.kind === 'paragraph' && t('lineNotes.toParagraph', { number: note.placement.number })}
                {note.placement.kind === 'heading' && t('lineNotes.toHeading', { path: note.placement.path })}
                {note.placement.kind === 'left-out' && t('lineNotes.leftOut')}
              </li>
            ))}
          </ul>
          {moreNotes > 0 && <p className="mt-1">{t('lineNotes.more', { count: moreNotes })}</p>}
        </div>
      )}

      <section aria-labelledby="dry-run-paragraphs">
        <h3 id="dry-run-paragraphs" className="font-semibold">{t('paragraphs.heading', { count: preview.paragraphCount })}</h3>
        {/* A box that scrolls is a stop for Tab, so that the keyboard scrolls it too (WCAG 2.1.1). */}
        <div className="mt-2 max-h-96 overflow-y-auto rounded border border-slate-200" tabIndex={0} role="region" aria-labelledby="dry-run-paragraphs">
          <table className="w-full table-fixed text-sm">
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                <th scope="col" className="w-12 px-2 py-1 text-start">{t('paragraphs.number')}</th>
                <th scope="col" className="w-20 px-2 py-1 text-start max-sm:w-16">{t('paragraphs.section')}</th>
                <th scope="col" className="px-2 py-1 text-start">{t('paragraphs.start')}</th>
              </tr>
            </thead>
            <tbody lang={preview.language}>
              {preview.paragraphs.map((paragraph) => (
                <tr key={paragraph.number} className="border-t border-slate-100 align-top" data-testid="dry-run-paragraph">
                  <th scope="row" className="px-2 py-1 text-start font-mono">{paragraph.number}</th>
                  <td className="break-words px-2 py-1 font-mono text-xs">{paragraph.sectionPath || '—'}</td>
                  <td className="break-words px-2 py-1">
                    {paragraph.excerpt}
                    {paragraph.footnoteRefs.length > 0 && (
                      <span className="ms-1 text-xs text-slate-600" lang={locale}>{t('paragraphs.footnoteRefs', { count: paragraph.footnoteRefs.length, numbers: paragraph.footnoteRefs.join(tCommon('listSeparator')) })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {moreParagraphs > 0 && <p className="mt-1 text-sm text-slate-700" data-testid="dry-run-more-paragraphs">{t('paragraphs.more', { count: moreParagraphs })}</p>}
      </section>

      <details>
        <summary className="cursor-pointer text-sm font-medium">{t('sections', { count: preview.sections.length })}</summary>
        <ol className="mt-2 space-y-1 text-sm" lang={preview.language}>
          {preview.sections.map((section) => (
            <li key={section.path} className="break-words">
              {section.path} {section.heading}
              {preview.areas[section.path] && <span className="ms-2 rounded bg-slate-100 px-1 text-xs">{preview.areas[section.path]}</span>}
            </li>
          ))}
        </ol>
      </details>

      <section aria-labelledby="dry-run-footnotes">
        <h3 id="dry-run-footnotes" className="font-semibold">{t('footnotesFound.heading', { count: preview.footnoteCount })}</h3>
        {preview.footnotes.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700" data-testid="dry-run-no-footnotes">{t('footnotesFound.none')}</p>
        ) : (
          <ol className="mt-2 max-h-64 space-y-1 overflow-y-auto text-sm" lang={preview.language} tabIndex={0} aria-labelledby="dry-run-footnotes">
            {preview.footnotes.map((footnote) => (
              <li key={footnote.number} className="break-words" data-testid="dry-run-footnote"><sup className="me-1">{footnote.number}</sup>{footnote.excerpt}</li>
            ))}
          </ol>
        )}
        {moreFootnotes > 0 && <p className="mt-1 text-sm text-slate-700">{t('footnotesFound.more', { count: moreFootnotes })}</p>}
      </section>
    </>
  );
}
