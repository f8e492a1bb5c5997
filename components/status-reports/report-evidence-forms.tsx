'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import {
  linkReportFileAction, linkReportParagraphAction, linkReportUrlAction, removeReportEvidenceAction, searchReportParagraphsAction,
} from '@/lib/status-reports/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { EvidenceField, NoteField, SubmitButton, useFileField } from '@/components/evidence/evidence-form';

// The forms that attach evidence to one report. They are separate forms from the report form
// (evidence is saved at once and does not touch the report's unsaved text).

/** Finds paragraphs of imported documents by their words, and attaches the one chosen. */
export function ParagraphPicker({ reportId }: { reportId: string }) {
  const t = useTranslations('reportEvidence');
  const [state, search, searching] = useActionState(searchReportParagraphsAction, null);
  // The words searched for stay in the box, to refine them.
  const keep = useKeptForm(search, null);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <form action={search} onSubmit={keep} role="search" aria-labelledby="paragraph-search-legend">
        <h4 id="paragraph-search-legend" className="font-semibold">{t('searchLegend')}</h4>
        <input type="hidden" name="reportId" value={reportId} />
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <EvidenceField prefix="paragraph-search" name="q" type="search" label={t('searchLabel')} hint={t('searchHint')} state={state}
            required minLength={2} maxLength={200} className="min-w-0 flex-1" />
          <SubmitButton pending={searching} label={t('search')} pendingLabel={t('searching')} />
        </div>
      </form>
      {state && !state.ok && Object.keys(state.fieldErrors).length === 0 && <div className="mt-2"><FormStatus state={state} /></div>}
      {state?.ok && (
        <div className="mt-3">
          <p className="text-sm text-slate-600" role="status">{t('found', { shown: state.data.hits.length, total: state.data.total })}</p>
          <ol className="mt-2 space-y-2">
            {state.data.hits.map((hit) => (
              <li key={hit.id} className="rounded border border-slate-200 p-3" data-testid="paragraph-hit">
                <p className="font-medium">{hit.citation}</p>
                <p lang={hit.language} className="mt-1 line-clamp-4 text-sm text-slate-800">{hit.text}</p>
                <AttachParagraph reportId={reportId} paragraphId={hit.id} citation={hit.citation} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

function AttachParagraph({ reportId, paragraphId, citation }: { reportId: string; paragraphId: string; citation: string }) {
  const t = useTranslations('reportEvidence');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(linkReportParagraphAction, null);
  return (
    <form action={action} className="mt-2 flex flex-wrap items-center gap-3">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="paragraphId" value={paragraphId} />
      <button type="submit" disabled={pending || !hydrated || Boolean(state?.ok)} aria-label={t('attachLabel', { citation })}
        className="rounded border border-un-navy px-3 py-1 text-sm font-medium text-un-navy disabled:opacity-60">
        {state?.ok ? t('attached') : t('attach')}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function ReportUrlForm({ reportId }: { reportId: string }) {
  const t = useTranslations('evidence');
  const [state, action, pending] = useActionState(linkReportUrlAction, null);
  const keep = useKeptForm(action, state);
  return (
    <form action={action} onSubmit={keep} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="report-url-legend">
      <h4 id="report-url-legend" className="font-semibold">{t('urlForm.legend')}</h4>
      <input type="hidden" name="reportId" value={reportId} />
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <EvidenceField prefix="report-url" name="url" type="url" dir="ltr" label={t('urlForm.url')} state={state} required maxLength={2000} placeholder="https://" />
        <EvidenceField prefix="report-url" name="title" label={t('urlForm.title')} state={state} required maxLength={300} />
        <NoteField prefix="report-url" label={t('noteLabel')} state={state} />
      </div>
      <div className="mt-3 space-y-2">
        <FormStatus state={state} success={t('urlForm.saved')} />
        <SubmitButton pending={pending} label={t('urlForm.submit')} pendingLabel={t('saving')} />
      </div>
    </form>
  );
}

export function ReportFileForm({ reportId, maxBytes, accept }: { reportId: string; maxBytes: number; accept: string }) {
  const t = useTranslations('evidence');
  const [state, action, pending] = useActionState(linkReportFileAction, null);
  const keep = useKeptForm(action, state);
  const file = useFileField({
    prefix: 'report-file', label: t('fileForm.file'), hint: t('fileForm.hint'), tooLargeMessage: t('fileForm.tooLarge'), maxBytes, accept, state,
  });
  return (
    <form action={action} onSubmit={(event) => { file.onSubmit(event); if (!event.defaultPrevented) keep(event); }} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="report-file-legend">
      <h4 id="report-file-legend" className="font-semibold">{t('fileForm.legend')}</h4>
      <input type="hidden" name="reportId" value={reportId} />
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        {file.field}
        <NoteField prefix="report-file" label={t('noteLabel')} state={state} />
      </div>
      <div className="mt-3 space-y-2">
        <FormStatus state={state} success={t('fileForm.saved')} />
        <SubmitButton pending={pending} label={t('fileForm.submit')} pendingLabel={t('fileForm.uploading')} />
      </div>
    </form>
  );
}

/**
 * Removes one piece of the report's evidence after asking, on the page (not in a browser dialog,
 * which a phone may hide): the first button opens the question, the second removes.
 */
export function RemoveReportEvidence({ reportId, evidenceId, what }: { reportId: string; evidenceId: string; what: string }) {
  const t = useTranslations('evidence');
  const tReport = useTranslations('reportEvidence');
  const hydrated = useHydrated();
  const [asking, setAsking] = useState(false);
  const [state, action, pending] = useActionState(removeReportEvidenceAction, null);
  if (!asking) {
    return (
      <button type="button" disabled={!hydrated} onClick={() => setAsking(true)} aria-label={t('removeLabel', { what })} className="text-sm text-red-800 underline disabled:opacity-60">
        {t('remove')}
      </button>
    );
  }
  return (
    <form action={action} className="mt-2 w-full space-y-2 rounded border border-red-200 bg-red-50 p-3" data-testid="remove-confirm">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <p className="text-sm text-red-950">{tReport('removeConfirm', { what })}</p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {pending ? t('removing') : t('removeConfirmButton')}
        </button>
        <button type="button" onClick={() => setAsking(false)} className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-800">
          {t('cancel')}
        </button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
