// A preview as the screen shows it: every change and every refused row in words, in the
// reader's language. Only what the screen needs goes to the browser (excerpts, not whole texts).
import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { ImplementationStatus, WorkflowState } from '@/lib/generated/prisma/enums';
import { reportPath } from '@/lib/status-reports/paths';
import { STATUS_VALUES } from '@/lib/status-reports/schemas';
import type { StagedPreview } from './mutations';
import type { RowProblem, UploadRefusal } from './plan';
import type { FileProblem } from './read-workbook';
import { MAX_UPLOAD_LABEL, MAX_ROWS, VISIBLE_COLUMNS, type VisibleColumn } from './format';

const EXCERPT = 280;

export type ChangeView = {
  row: number;
  label: string;
  href: string;
  /** "New draft", or the report's state ("Draft", "Returned"). */
  stateLabel: string;
  status: { before: string; after: string; changed: boolean };
  narrative: { changed: boolean; excerpt: string; length: number };
};

export type ProblemView = { row: number; label: string; message: string };

export type PreviewView = {
  stagedId: string;
  fileName: string;
  entityName: string;
  changes: ChangeView[];
  problems: ProblemView[];
  unchanged: number;
};

/** A problem's column as one of the sheet's named columns, so that its name can be looked up. */
function isVisibleColumn(column: unknown): column is VisibleColumn {
  return (VISIBLE_COLUMNS as readonly unknown[]).includes(column);
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT ? flat : `${flat.slice(0, EXCERPT - 1).trimEnd()}…`;
}

export async function describeProblem(problem: RowProblem, locale: string): Promise<string> {
  const t = await getTranslations('offline');
  const tStatus = await getTranslations('status');
  const values: Record<string, string | number> = { ...problem.values };
  const column = problem.values.column;
  if (problem.code === 'formula') values.column = isVisibleColumn(column) ? t(`columns.${column}`) : String(column ?? '');
  if (problem.code === 'unknownStatus') {
    values.names = new Intl.ListFormat(locale, { type: 'disjunction' }).format(STATUS_VALUES.map((status) => tStatus(status)));
  }
  if (problem.code === 'changedSinceDownload' && !values.by) values.by = t('problems.someone');
  return t(`problems.${problem.code}`, values);
}

export async function describePreview(preview: StagedPreview, locale: string): Promise<PreviewView> {
  const [t, tStatus, tState] = await Promise.all([getTranslations('offline'), getTranslations('status'), getTranslations('workflow')]);
  const statusLabel = (status: ImplementationStatus | null) => (status ? tStatus(status) : t('preview.noStatus'));
  const stateLabel = (state: WorkflowState | null) => (state ? tState(state) : t('preview.newDraft'));
  return {
    stagedId: preview.stagedId,
    fileName: preview.fileName,
    entityName: preview.entity.name,
    unchanged: preview.plan.unchanged,
    changes: preview.plan.changes.map((change) => ({
      row: change.row,
      label: change.label,
      href: reportPath(preview.cycle.code, preview.entity.code, change.commitmentId),
      stateLabel: stateLabel(change.state),
      status: { before: statusLabel(change.before.status), after: statusLabel(change.after.status), changed: change.before.status !== change.after.status },
      narrative: { changed: change.before.narrative !== change.after.narrative, excerpt: excerpt(change.after.narrative), length: change.after.narrative.length },
    })),
    problems: await Promise.all(preview.plan.problems.map(async (problem) => ({ row: problem.row, label: problem.label, message: await describeProblem(problem, locale) }))),
  };
}

export async function describeFileProblem(problem: FileProblem, column?: string): Promise<string> {
  const t = await getTranslations('offline');
  const columnName = column && (column === 'status' || column === 'narrative') ? t(`columns.${column}`) : column ?? '';
  return t(`fileProblems.${problem}`, { max: problem === 'tooManyRows' ? MAX_ROWS : MAX_UPLOAD_LABEL, column: columnName });
}

export async function describeRefusal(refusal: UploadRefusal): Promise<string> {
  const t = await getTranslations('offline');
  return t(`refusals.${refusal.code}`, refusal.values);
}
