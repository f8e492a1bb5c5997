// A status report as a row of a download: text cells, '' for nothing, each neutralised where a
// spreadsheet would run it as a formula (lib/exports/spreadsheet-safety.ts). Values that are codes
// (entity kind, regional group, workflow state, status) stay codes in every language, so that a
// file can be filtered and compared across languages; the header row, the entity names and the
// paragraph citations are in the chosen one.
//
// An accepted report is shown as it was grouped when it was accepted (its AcceptedStatus record),
// like the summaries count it; the others by their commitment's and entity's grouping now.
import 'server-only';
import { createTranslator } from 'next-intl';
import { paragraphCitation } from '@/lib/evidence/queries';
import type { Locale } from '@/lib/i18n/routing';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import type { ExportLookups } from './export-lookups';
import { neutraliseCell } from './spreadsheet-safety';

export const COLUMNS = [
  'cycle', 'entityCode', 'entityName', 'entityKind', 'regionalGroup', 'instrument', 'reference', 'thematicArea',
  'workflowState', 'status', 'asOf', 'narrative', 'submittedAt', 'reviewedAt', 'evidence',
] as const;

export type Column = (typeof COLUMNS)[number];

/** One row of the file: text cells, '' for nothing. */
export type Cells = string[];

/** An accepted link: a paragraph's document symbol and number, a file's name, or a URL (null where the link has none). */
export type EvidenceRow = [kind: string, symbol: string | null, number: number | null, fileName: string | null, url: string | null];

/**
 * A report as a batch reads it (lib/exports/status-report-batches.ts): the ids of what it names,
 * its grouping when accepted, its own values as the text of their cells (dates already written as
 * the file writes them), and its accepted evidence in the order it was linked.
 */
export type ReportRow = [
  cycleId: string, entityId: string, commitmentId: string,
  accepted: [entityKind: string, regionalGroup: string | null, thematicAreaId: string] | null,
  state: string, status: string | null, asOf: string | null, narrative: string, submittedAt: string | null, reviewedAt: string | null,
  evidence: EvidenceRow[] | null,
];

export function exportTranslator(lang: Locale) {
  return createTranslator({ locale: lang, messages: CATALOGUES[lang], namespace: 'exports' });
}

export function headerOf(lang: Locale): Cells {
  const t = exportTranslator(lang);
  return COLUMNS.map((column) => neutraliseCell(t(`columns.${column}`)));
}

/** Paragraph citations in `lang`, each worded once per download (a million rows cite a few hundred paragraphs). */
export function citations(lang: Locale): (symbol: string, number: number) => string {
  const worded = new Map<string, string>();
  return (symbol, number) => {
    const key = `${number} ${symbol}`;
    let citation = worded.get(key);
    if (citation === undefined) worded.set(key, (citation = paragraphCitation(lang, symbol, number)));
    return citation;
  };
}

function evidenceCell(links: EvidenceRow[], cite: (symbol: string, number: number) => string): string {
  return links.map(([kind, symbol, number, fileName, url]) => {
    if (kind === 'PARAGRAPH' && symbol !== null && number !== null) return cite(symbol, number);
    if (kind === 'FILE' && fileName !== null) return fileName;
    return url ?? '';
  }).filter(Boolean).join('; ');
}

/** The cells of a report, in the order of COLUMNS; `lookups` knows every id the row names. */
export function cellsOf(row: ReportRow, lookups: ExportLookups, cite: (symbol: string, number: number) => string): Cells {
  const [cycleId, entityId, commitmentId, accepted, state, status, asOf, narrative, submittedAt, reviewedAt, evidence] = row;
  const entity = lookups.entity(entityId);
  const commitment = lookups.commitment(commitmentId);
  const cells: Record<Column, string> = {
    cycle: lookups.cycle(cycleId),
    entityCode: entity.code,
    entityName: entity.name,
    entityKind: accepted ? accepted[0] : entity.kind,
    regionalGroup: accepted ? accepted[1] ?? '' : entity.regionalGroup,
    instrument: commitment.instrument,
    reference: commitment.reference,
    thematicArea: accepted ? lookups.area(accepted[2]) : commitment.thematicArea,
    workflowState: state,
    status: status ?? '',
    asOf: asOf ?? '',
    narrative,
    submittedAt: submittedAt ?? '',
    reviewedAt: reviewedAt ?? '',
    evidence: evidence ? evidenceCell(evidence, cite) : '',
  };
  return COLUMNS.map((column) => neutraliseCell(cells[column]));
}
