'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/action-state';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { saveStatusReportAction } from '@/lib/status-reports/actions';
import type { ReportVersion, WriteResult } from '@/lib/status-reports/mutations';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { StatusBadge } from './status-badge';
import { dateFormatter } from '@/lib/i18n/dates';
import { DateField } from '@/components/ui/date-field';

type Fields = { status: ImplementationStatus | ''; narrative: string; asOf: string };

type Props = {
  keys: { cycleId: string; entityId: string; commitmentId: string };
  initial: { version: number; status: ImplementationStatus | null; narrative: string; asOf: string | null };
  /** Last cycle's accepted report, to start from. */
  previous: { status: ImplementationStatus | null; narrative: string; asOf: string | null; cycleName: string } | null;
  canSubmit: boolean;
  /** The statuses offered and the narrative's limit, from the server's schema: importing the schema here would send zod to the browser. */
  statuses: readonly ImplementationStatus[];
  narrativeMax: number;
};

const toFields = (report: { status: ImplementationStatus | null; narrative: string; asOf: string | null }): Fields => ({
  status: report.status ?? '', narrative: report.narrative, asOf: report.asOf ?? '',
});

const same = (a: Fields, b: Fields) => a.status === b.status && a.narrative.trim() === b.narrative.trim() && a.asOf === b.asOf;

/**
 * The focal point's form. Fields are controlled, so that nothing typed is lost when a save is
 * refused (a conflict, a closed cycle, a lost connection): the text stays in the form, and a
 * conflict shows the other person's version beside it. Unsaved text is also kept in the
 * browser's storage until saved, and leaving with unsaved changes asks first.
 */
export function ReportForm({ keys, initial, previous, canSubmit, statuses, narrativeMax }: Props) {
  const t = useTranslations('report');
  const tStatus = useTranslations('status');
  const tFields = useTranslations('fields');
  const format = useFormatter();
  const dates = dateFormatter(useLocale());
  const hydrated = useHydrated();
  const [values, setValues] = useState<Fields>(() => toFields(initial));
  const [saved, setSaved] = useState<Fields & { version: number }>(() => ({ ...toFields(initial), version: initial.version }));

  const storageKey = `report-draft:${keys.cycleId}:${keys.entityId}:${keys.commitmentId}`;
  const [restored, setRestored] = useState(false);

  const [state, action, pending] = useActionState(async (previousState: ActionState<WriteResult>, formData: FormData): Promise<ActionState<WriteResult>> => {
    const sent: Fields = { status: (formData.get('status') as Fields['status']) ?? '', narrative: String(formData.get('narrative') ?? ''), asOf: String(formData.get('asOf') ?? '') };
    let result: ActionState<WriteResult>;
    try {
      result = await saveStatusReportAction(previousState, formData);
    } catch {
      // The request never got an answer (connection lost, server restarted): the text stays in
      // the form and in this browser's storage, to be sent again.
      return { ok: false, message: t('notSent'), fieldErrors: {} };
    }
    if (result?.ok) {
      setSaved({ ...sent, version: result.data.version });
      forgetDraft(storageKey);
    }
    // Saving again after a conflict deliberately replaces the other version, now that it was shown.
    const conflict = conflictOf(result);
    if (conflict) setSaved((current) => ({ ...current, version: conflict.version }));
    return result;
  }, null);

  const dirty = !same(values, saved);
  useLeaveWarning(dirty, t('leaveWarning'));

  // What is typed is kept in this browser until it is saved, so that nothing is lost to a
  // closed tab, an expired session or a crash. Restored once, on arrival.
  useEffect(() => {
    const draft = readDraft(storageKey);
    if (!draft || same(draft.fields, toFields(initial))) return;
    // Browser storage exists only after hydration; reading it earlier would make the server's
    // HTML and the first render differ.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setValues(draft.fields);
    // Typed over an older version: saving it must meet the newer one as a conflict.
    if (draft.version !== initial.version) setSaved((current) => ({ ...current, version: draft.version }));
    setRestored(true);
    // Only on arrival: later changes of `initial` come from this form's own saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);
  useEffect(() => {
    if (dirty) writeDraft(storageKey, { fields: values, version: saved.version });
  }, [dirty, storageKey, values, saved.version]);

  // A save refused for a field's sake puts the focus on the first field refused, beside its message.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state && !state.ok && Object.keys(state.fieldErrors).length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  const conflict = conflictOf(state);
  const fieldErrors = (field: string) => (state && !state.ok ? (state.fieldErrors[field] ?? []) : []);
  const narrativeLength = values.narrative.length;
  const set = (field: keyof Fields) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <form ref={form} action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="report-form-heading" data-testid="report-form">
      <h2 id="report-form-heading" className="text-lg font-semibold">{t('formHeading')}</h2>
      <input type="hidden" name="cycleId" value={keys.cycleId} />
      <input type="hidden" name="entityId" value={keys.entityId} />
      <input type="hidden" name="commitmentId" value={keys.commitmentId} />
      <input type="hidden" name="version" value={saved.version} />

      {restored && (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950" data-testid="draft-restored">
          {t('restored')}{' '}
          <button type="button" className="font-medium underline" onClick={() => { setValues(toFields(initial)); forgetDraft(storageKey); setRestored(false); }}>
            {t('discardRestored')}
          </button>
        </p>
      )}

      {previous && (
        <div className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
          <p className="min-w-0 flex-1">
            {t('previousAccepted', { cycle: previous.cycleName })} {previous.status && <StatusBadge status={previous.status} />}
          </p>
          <button type="button" disabled={!hydrated} onClick={() => setValues(toFields(previous))}
            className="rounded border border-un-navy px-3 py-1.5 font-medium text-un-navy disabled:opacity-60">
            {t('startFromPrevious')}
          </button>
        </div>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="report-status" className="block text-sm font-medium">{t('status')}</label>
          <select id="report-status" name="status" value={values.status} onChange={set('status')}
            aria-invalid={fieldErrors('status').length > 0 || undefined} aria-describedby={`report-status-hint${fieldErrors('status').length ? ' report-status-error' : ''}`}
            className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
            <option value="">{t('chooseStatus')}</option>
            {statuses.map((status) => <option key={status} value={status}>{tStatus(status)}</option>)}
          </select>
          <p id="report-status-hint" className="mt-1 text-xs text-slate-600">{t('statusHint')}</p>
          {fieldErrors('status').length > 0 && <p id="report-status-error" className="mt-1 text-sm text-red-800">{fieldErrors('status').join(' ')}</p>}
        </div>
        <DateField id="report-as-of" name="asOf" label={t('asOf')} hint={t('asOfHint')} errors={fieldErrors('asOf')}
          value={values.asOf} onChange={(asOf) => set('asOf')({ target: { value: asOf } })} />
      </div>

      <div>
        <label htmlFor="report-narrative" className="block text-sm font-medium">{t('narrative')}</label>
        <p id="report-narrative-hint" className="mt-0.5 text-xs text-slate-600">{t('narrativeHint')}</p>
        <textarea id="report-narrative" name="narrative" rows={10} value={values.narrative} onChange={set('narrative')}
          aria-describedby={`report-narrative-hint report-narrative-count${fieldErrors('narrative').length ? ' report-narrative-error' : ''}`}
          aria-invalid={narrativeLength > narrativeMax || fieldErrors('narrative').length > 0 || undefined}
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 leading-relaxed aria-[invalid=true]:border-red-600" />
        <p id="report-narrative-count" aria-live="polite" className={`mt-1 text-end text-xs tabular-nums ${narrativeLength > narrativeMax ? 'font-medium text-red-800' : 'text-slate-600'}`} data-testid="narrative-count">
          {t('count', { count: format.number(narrativeLength), max: format.number(narrativeMax) })}
        </p>
        {fieldErrors('narrative').length > 0 && <p id="report-narrative-error" className="text-sm text-red-800">{fieldErrors('narrative').join(' ')}</p>}
      </div>

      {conflict && (
        <section role="alert" aria-labelledby="conflict-heading" className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950" data-testid="conflict">
          <h3 id="conflict-heading" className="font-semibold">{t('conflictHeading')}</h3>
          <p>{t('conflictBody')}</p>
          <p>
            {t('conflictBy', {
              who: conflict.updatedBy ?? '—',
              when: dates.shortDayTime(new Date(conflict.updatedAt)),
            })}
          </p>
          <dl className="grid gap-1 rounded bg-white p-2 text-slate-900">
            <div><dt className="inline font-medium">{t('status')}{tFields('colon')}</dt><dd className="inline"><StatusBadge status={conflict.status} /></dd></div>
            {conflict.asOf && <div><dt className="inline font-medium">{t('asOf')}{tFields('colon')}</dt><dd className="inline">{dates.isoDay(conflict.asOf)}</dd></div>}
            <div><dt className="font-medium">{t('narrative')}</dt><dd className="whitespace-pre-line" data-testid="conflict-narrative">{conflict.narrative || '—'}</dd></div>
          </dl>
          <button type="button" onClick={() => setValues(toFields(conflict))} className="rounded border border-red-800 bg-white px-3 py-1.5 font-medium text-red-900">
            {t('useTheirs')}
          </button>
        </section>
      )}
      {!conflict && <FormStatus state={state} success={state?.ok ? (state.data.state === 'SUBMITTED' ? t('submitted') : t('saved')) : undefined} />}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="save" disabled={pending || !hydrated}
          className="rounded border border-un-navy bg-white px-4 py-2 font-medium text-un-navy disabled:opacity-60">
          {t('saveDraft')}
        </button>
        {canSubmit && (
          <button type="submit" name="intent" value="submit" disabled={pending || !hydrated}
            className="rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60">
            {t('submit')}
          </button>
        )}
        <span className="text-sm text-slate-600" aria-live="polite">{pending ? t('saving') : dirty ? t('unsaved') : ''}</span>
      </div>
    </form>
  );
}

type StoredDraft = { fields: Fields; version: number };

function readDraft(key: string): StoredDraft | null {
  try {
    const draft = JSON.parse(window.localStorage.getItem(key) ?? 'null') as StoredDraft | null;
    return draft && typeof draft.version === 'number' && typeof draft.fields?.narrative === 'string' ? draft : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, draft: StoredDraft) {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private browsing): the form itself still holds the text.
  }
}

function forgetDraft(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // As above.
  }
}

function conflictOf(state: ActionState<WriteResult>): ReportVersion | null {
  if (!state || state.ok || !state.details) return null;
  return (state.details.conflict as ReportVersion | undefined) ?? null;
}

/** Asks before the page is left (closed, reloaded, or a link followed) with unsaved changes. */
function useLeaveWarning(active: boolean, message: string) {
  useEffect(() => {
    if (!active) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    // Links inside the app navigate without unloading the page, so they are asked here.
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      // Downloads and new tabs leave the page as it is; other sites unload it, and beforeunload asks.
      if (!link || link.target === '_blank' || link.hasAttribute('download') || link.origin !== window.location.origin || event.defaultPrevented) return;
      // A link within this page (the skip link, a table of contents) does not leave it.
      if (link.hash && link.pathname === window.location.pathname && link.search === window.location.search) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [active, message]);
}
