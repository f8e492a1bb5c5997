// The worklist workbook's format, shared by the writer (worklist-workbook.ts) and the reader
// (read-workbook.ts). Pure: no database, no request.
//
// Sheet 1 holds one row per commitment. Its visible columns carry headers in the reader's
// language; the identifying columns are hidden and carry machine keys as headers, so that a
// column inserted, or rows sorted, by the person filling it in changes nothing. A very hidden
// sheet marks the workbook as ours; a hidden one lists the status names for the drop-down.
import { createHash } from 'node:crypto';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { STATUS_VALUES } from '@/lib/status-reports/schemas';
import { CATALOGUES } from '@/lib/i18n/catalogues';

export const WORKBOOK_MARKER = 'drug-policy-tracker/worklist';
export const WORKBOOK_FORMAT = 1;

export const META_SHEET = 'tracker-meta';
export const LISTS_SHEET = 'lists';

/** The largest file accepted, and what it may unpack to (an XLSX is a ZIP archive). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = '5 MB';
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
export const MAX_ROWS = 2000;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Visible columns, in order; their headers are messages `offline.columns.*`. */
export const VISIBLE_COLUMNS = ['instrument', 'reference', 'text', 'area', 'state', 'status', 'narrative'] as const;
export type VisibleColumn = (typeof VISIBLE_COLUMNS)[number];

/** Hidden columns: what the row is, and what it held when it was downloaded. */
export const KEY_COLUMNS = ['entity', 'cycle', 'commitment', 'version', 'checksum'] as const;
export type KeyColumn = (typeof KEY_COLUMNS)[number];

/** The header of a hidden column: a machine name no translated header can be mistaken for. */
export function keyHeader(column: KeyColumn): string {
  return `tracker:${column}`;
}

export type WorkbookLocale = keyof typeof CATALOGUES;

/** The header of a visible column in each language, for finding it again whatever the file's language. */
export function headerNames(column: VisibleColumn): string[] {
  return Object.values(CATALOGUES).map((catalogue) => catalogue.offline.columns[column]);
}

/** Text compared as people type it: width-folded (NFKC), spaces collapsed, case ignored. */
export function normalizeLabel(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const STATUS_BY_NAME: ReadonlyMap<string, ImplementationStatus> = new Map(
  STATUS_VALUES.flatMap((status) => [
    [normalizeLabel(status), status] as const,
    ...Object.values(CATALOGUES).map((catalogue) => [normalizeLabel(catalogue.status[status]), status] as const),
  ]),
);

/**
 * A status cell as typed or chosen: the name in any of the six languages, or the code, in any case,
 * trimmed. Empty is "no status" (allowed in a draft); anything else unknown is undefined.
 */
export function parseStatus(value: string): ImplementationStatus | null | undefined {
  const key = normalizeLabel(value);
  if (key === '') return null;
  return STATUS_BY_NAME.get(key) ?? STATUS_BY_NAME.get(key.replace(/ /g, '_'));
}

export function statusName(status: ImplementationStatus, locale: WorkbookLocale): string {
  return CATALOGUES[locale].status[status];
}

/** Line endings as a spreadsheet or a browser sends them count once; spaces around are not text. */
export function normalizeNarrative(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/**
 * What a row held when it was downloaded, in a few characters: a row whose status and narrative
 * still match was not touched, and nothing is done with it, whatever happened to the report since.
 */
export function contentChecksum(status: ImplementationStatus | null, narrative: string): string {
  return createHash('sha256').update(JSON.stringify([status ?? '', normalizeNarrative(narrative)])).digest('hex').slice(0, 24);
}
