// Status reports as a CSV or XLSX download, with the filters of the screens, for whoever asks:
// only the rows `visibleReportsWhere` lets the caller read (lib/summaries/publication.ts). Built
// for a million rows: the rows are read in batches and written out as the reader takes them, so
// memory stays flat whatever the size of the file.
//
// History does not move: an accepted report is exported (and filtered by area and regional group)
// as it was grouped when it was accepted (its AcceptedStatus record), like the summaries count it,
// so the rows behind a summary's number are the rows of the export with the same filters. Reports
// in other states have no such record and go by their commitment's and entity's current grouping.
//
// Every cell is text, neutralised where a spreadsheet would run it as a formula
// (lib/exports/spreadsheet-safety.ts). Values that are codes (entity kind, regional group, workflow
// state, status) stay codes in both languages, so that a file can be filtered and compared across
// languages; the header row, the entity names and the paragraph citations are in the chosen one.
import 'server-only';
import { PassThrough, Readable, type Writable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { createTranslator } from 'next-intl';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ImplementationStatus, RegionalGroup, WorkflowState } from '@/lib/generated/prisma/enums';
import type { Actor } from '@/lib/auth/permissions';
import { cycleCodeSchema } from '@/lib/cycles/schemas';
import { paragraphCitation } from '@/lib/evidence/queries';
import { localized } from '@/lib/i18n/localized';
import { isLocale, locales, routing, type Locale } from '@/lib/i18n/routing';
import { literalPattern } from '@/lib/search-pattern';
import { publishedCycles, visibleReportsWhere } from '@/lib/summaries/publication';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { neutraliseCell } from './spreadsheet-safety';
import { log } from '@/lib/log';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Rows read from the database at a time. */
export const EXPORT_BATCH_SIZE = 1000;

export type StatusReportExportFilters = {
  cycle?: string;
  /** Member States only, or the other entities only (as a summary's entity filter). */
  kind?: 'MEMBER_STATE' | 'OTHER';
  /** One implementation status: the reports behind one number of a summary. */
  status?: ImplementationStatus;
  /** One commitment, by its id. */
  commitment?: string;
  /** A thematic area code; a chapter includes its sub-areas. */
  area?: string;
  entity?: string;
  group?: RegionalGroup;
  instrument?: string;
  state: WorkflowState;
};

export type StatusReportExportQuery = {
  format: ExportFormat;
  /** The language of the header row, entity names and citations; none asked: the caller's, or English. */
  lang: Locale | null;
  filters: StatusReportExportFilters;
};

export type StatusReportExportOptions = {
  /** Rows read from the database at a time (tests make it small to see the batches). */
  batchSize?: number;
};

/** What the export reads: the reports, and the look-ups that turn codes into ids. */
export type ExportDb = Pick<Db, 'statusReport' | 'summaryPublication' | 'reportingCycle' | 'reportingEntity' | 'instrument' | 'thematicArea' | '$queryRaw'>;

const catalogues = { en, zh } as const;

function translator(lang: Locale) {
  return createTranslator({ locale: lang, messages: catalogues[lang] as typeof en, namespace: 'exports' });
}

// ---------------------------------------------------------------------------------------------
// The query string

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const AREA = /^TA\d{1,2}(\.\d{1,2})?$/i;

export type ParsedExportQuery = { ok: true; query: StatusReportExportQuery } | { ok: false; message: string };

/**
 * The download asked for. A value of the wrong shape (format=pdf, state=LATE, area=x) is refused
 * with a message in words (in the language asked for, when that much is understood); a code of
 * the right shape that names nothing (cycle=1999) is not an error: it gives a file with no rows.
 * An empty value means "all", as an empty choice of a filter form sends it.
 */
export function parseStatusReportExportQuery(params: URLSearchParams): ParsedExportQuery {
  const value = (name: string) => params.get(name)?.trim() || undefined;
  const langValue = value('lang')?.toLowerCase();
  const lang = langValue === undefined ? null : isLocale(langValue) ? langValue : undefined;
  const t = translator(lang ?? routing.defaultLocale);
  const refuse = (message: string): ParsedExportQuery => ({ ok: false, message });
  if (lang === undefined) return refuse(t('errors.lang', { languages: locales.join(', ') }));

  const format = value('format')?.toLowerCase() ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return refuse(t('errors.format'));

  const cycle = value('cycle');
  if (cycle !== undefined && !cycleCodeSchema.safeParse(cycle).success) return refuse(t('errors.cycle'));
  const area = value('area');
  if (area !== undefined && !AREA.test(area)) return refuse(t('errors.area'));
  const entity = value('entity');
  if (entity !== undefined && !CODE.test(entity)) return refuse(t('errors.entity'));
  const instrument = value('instrument');
  if (instrument !== undefined && !CODE.test(instrument)) return refuse(t('errors.instrument'));
  const group = value('group')?.toUpperCase();
  if (group !== undefined && !Object.hasOwn(RegionalGroup, group)) return refuse(t('errors.group', { groups: Object.keys(RegionalGroup).join(', ') }));
  const kind = value('kind')?.toUpperCase();
  if (kind !== undefined && kind !== 'MEMBER_STATE' && kind !== 'OTHER') return refuse(t('errors.kind'));
  const commitment = value('commitment');
  if (commitment !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(commitment)) return refuse(t('errors.commitment'));
  const status = value('status')?.toUpperCase();
  if (status !== undefined && !Object.hasOwn(ImplementationStatus, status)) return refuse(t('errors.status', { statuses: Object.keys(ImplementationStatus).join(', ') }));
  const state = value('state')?.toUpperCase() ?? 'ACCEPTED';
  if (!Object.hasOwn(WorkflowState, state)) return refuse(t('errors.state', { states: Object.keys(WorkflowState).join(', ') }));

  return {
    ok: true,
    query: {
      format: format as ExportFormat,
      lang,
      filters: { cycle, area: area?.toUpperCase(), entity, instrument, group: group as RegionalGroup | undefined, kind: kind as 'MEMBER_STATE' | 'OTHER' | undefined, status: status as ImplementationStatus | undefined, commitment, state: state as WorkflowState },
    },
  };
}

/** "status-reports-2026.csv" for one cycle; every cycle: "status-reports-<today>.csv". */
export function exportFileName(query: StatusReportExportQuery, now = new Date()): string {
  return `status-reports-${query.filters.cycle ?? now.toISOString().slice(0, 10)}.${query.format}`;
}

// ---------------------------------------------------------------------------------------------
// Which rows

/**
 * What the caller may read, narrowed by the filters; null when a filter names nothing that
 * exists (the file then has no rows). Codes are turned into ids once here, so that each batch
 * filters on the report's own columns rather than joining the same look-ups again.
 */
async function exportWhere(db: ExportDb, user: Actor, filters: StatusReportExportFilters): Promise<Prisma.StatusReportWhereInput | null> {
  // Codes are compared case-insensitively, literally (an escaped ILIKE: % and _ are not wildcards).
  const byCode = (code: string) => ({ code: { equals: literalPattern(code), mode: 'insensitive' as const } });
  const [published, cycle, entity, instrument, areas] = await Promise.all([
    publishedCycles(db),
    filters.cycle ? db.reportingCycle.findFirst({ where: byCode(filters.cycle), select: { id: true } }) : undefined,
    filters.entity ? db.reportingEntity.findFirst({ where: byCode(filters.entity), select: { id: true } }) : undefined,
    filters.instrument ? db.instrument.findFirst({ where: byCode(filters.instrument), select: { id: true } }) : undefined,
    filters.area ? db.thematicArea.findMany({ where: { OR: [{ code: filters.area }, { parent: { code: filters.area } }] }, select: { id: true } }) : undefined,
  ]);
  if (cycle === null || entity === null || instrument === null || areas?.length === 0) return null;

  // Accepted reports are grouped as they were when accepted; the others as things stand.
  const asAccepted = filters.state === 'ACCEPTED';
  const areaIds = areas?.map((area) => area.id);
  const and: Prisma.StatusReportWhereInput[] = [visibleReportsWhere(user, published), { state: filters.state }];
  if (cycle) and.push({ cycleId: cycle.id });
  if (entity) and.push({ entityId: entity.id });
  if (instrument) and.push({ commitment: { instrumentId: instrument.id } });
  if (areaIds) and.push(asAccepted ? { accepted: { is: { thematicAreaId: { in: areaIds } } } } : { commitment: { thematicAreaId: { in: areaIds } } });
  if (filters.group) and.push(asAccepted ? { accepted: { is: { regionalGroup: filters.group } } } : { entity: { regionalGroup: filters.group } });
  if (filters.status) and.push({ status: filters.status });
  if (filters.commitment) and.push({ commitmentId: filters.commitment });
  if (filters.kind) {
    const kind = filters.kind === 'MEMBER_STATE' ? { equals: 'MEMBER_STATE' as const } : { not: 'MEMBER_STATE' as const };
    and.push(asAccepted ? { accepted: { is: { entityKind: kind } } } : { entity: { kind } });
  }
  return { AND: and };
}

// ---------------------------------------------------------------------------------------------
// The rows

const COLUMNS = [
  'cycle', 'entityCode', 'entityName', 'entityKind', 'regionalGroup', 'instrument', 'reference', 'thematicArea',
  'workflowState', 'status', 'asOf', 'narrative', 'submittedAt', 'reviewedAt', 'evidence',
] as const;

/** Column widths of the XLSX sheet, in characters. */
const WIDTHS: Record<(typeof COLUMNS)[number], number> = {
  cycle: 10, entityCode: 10, entityName: 28, entityKind: 18, regionalGroup: 18, instrument: 16, reference: 12, thematicArea: 10,
  workflowState: 12, status: 20, asOf: 12, narrative: 80, submittedAt: 26, reviewedAt: 26, evidence: 50,
};

const reportSelect = {
  id: true, state: true, status: true, asOf: true, narrative: true, submittedAt: true, reviewedAt: true,
  cycle: { select: { code: true } },
  entity: { select: { code: true, name: true, kind: true, regionalGroup: true } },
  commitment: { select: { reference: true, instrument: { select: { symbol: true } }, thematicArea: { select: { code: true } } } },
  accepted: { select: { entityKind: true, regionalGroup: true, thematicArea: { select: { code: true } } } },
  evidence: {
    where: { state: 'ACCEPTED' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { kind: true, url: true, paragraph: { select: { number: true, document: { select: { symbol: true } } } }, file: { select: { fileName: true } } },
  },
} satisfies Prisma.StatusReportSelect;

type ReportRow = Prisma.StatusReportGetPayload<{ select: typeof reportSelect }>;

/** One row of the file: text cells, '' for nothing. */
type Cells = string[];

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');
const instant = (date: Date | null) => (date ? date.toISOString() : '');

function evidenceOf(report: ReportRow, lang: Locale): string {
  return report.evidence.map((link) => {
    if (link.kind === 'PARAGRAPH' && link.paragraph) return paragraphCitation(lang, link.paragraph.document.symbol, link.paragraph.number);
    if (link.kind === 'FILE' && link.file) return link.file.fileName;
    return link.url ?? '';
  }).filter(Boolean).join('; ');
}

function cellsOf(report: ReportRow, lang: Locale): Cells {
  const grouping = report.accepted ?? { entityKind: report.entity.kind, regionalGroup: report.entity.regionalGroup, thematicArea: report.commitment.thematicArea };
  const cells: Record<(typeof COLUMNS)[number], string> = {
    cycle: report.cycle.code,
    entityCode: report.entity.code,
    entityName: localized(report.entity.name, lang),
    entityKind: grouping.entityKind,
    regionalGroup: grouping.regionalGroup ?? '',
    instrument: report.commitment.instrument.symbol,
    reference: report.commitment.reference,
    thematicArea: grouping.thematicArea.code,
    workflowState: report.state,
    status: report.status ?? '',
    asOf: day(report.asOf),
    narrative: report.narrative,
    submittedAt: instant(report.submittedAt),
    reviewedAt: instant(report.reviewedAt),
    evidence: evidenceOf(report, lang),
  };
  return COLUMNS.map((column) => neutraliseCell(cells[column]));
}

function headerOf(lang: Locale): Cells {
  const t = translator(lang);
  return COLUMNS.map((column) => neutraliseCell(t(`columns.${column}`)));
}

/**
 * The rows, a batch at a time, in id order. Keyset batches (`id > last id`, ordered by id) rather
 * than one query: Prisma has no server-side cursor, so one findMany would hold a million rows in
 * memory; OFFSET pages would make PostgreSQL walk past every earlier row again for each page. A
 * keyset batch starts where the last one ended on the primary key's index, so each costs the same
 * and memory holds one batch. The batches are not one snapshot: a report accepted during a long
 * download may or may not be in it, but no row is ever repeated or half-written.
 */
async function* readBatches(db: ExportDb, where: Prisma.StatusReportWhereInput | null, lang: Locale, batchSize: number): AsyncGenerator<Cells[], void, undefined> {
  if (!where) return;
  let after: string | null = null;
  for (;;) {
    const reports: ReportRow[] = await db.statusReport.findMany({
      where: after === null ? where : { AND: [where, { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: batchSize,
      select: reportSelect,
    });
    if (reports.length > 0) yield reports.map((report) => cellsOf(report, lang));
    if (reports.length < batchSize) return;
    after = reports[reports.length - 1]!.id;
  }
}

// ---------------------------------------------------------------------------------------------
// The files

/**
 * The download: a stream of the file's bytes, produced as the reader takes them. The look-ups
 * (who may read what, the filters' codes) happen before it is returned, so a failure there is an
 * ordinary error; one while rows are read (the response has begun) errors the stream, which ends
 * the download unfinished rather than with a file that looks complete.
 */
export async function exportStatusReports(
  db: ExportDb, user: Actor, query: StatusReportExportQuery, options: StatusReportExportOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const lang = query.lang ?? routing.defaultLocale;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? EXPORT_BATCH_SIZE));
  const batches = readBatches(db, await exportWhere(db, user, query.filters), lang, batchSize);
  const header = headerOf(lang);
  return query.format === 'csv' ? csvStream(header, batches) : xlsxStream(header, translator(lang)('sheetName'), batches);
}

const CSV_OPTIONS = {
  record_delimiter: '\r\n',
  // Explicit: with a custom record delimiter csv-stringify would not quote a lone \n or \r.
  quote_record_delimiter: true,
} as const;

/** UTF-8 with a byte order mark (so that Excel reads it as UTF-8), CRLF, RFC 4180 quoting; a chunk per batch. */
function csvStream(header: Cells, batches: AsyncGenerator<Cells[], void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${stringify([header], CSV_OPTIONS)}`));
    },
    // Called when the reader wants more: one batch is read only then (backpressure).
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(stringify(next.value, CSV_OPTIONS)));
      } catch (error) {
        log.error({ err: error }, 'Status report export (CSV) failed');
        throw error;
      }
    },
    async cancel() {
      await batches.return();
    },
  });
}

/**
 * archiver (the zip writer inside exceljs) holds up to 1 MB of compressed output, by default, for
 * a reader that does not take it; 64 KB is plenty to keep the download busy. (An archiver option
 * that exceljs passes on but does not declare.)
 */
const ZIP_OPTIONS = { highWaterMark: 64 * 1024 } as unknown as Partial<ExcelJS.stream.xlsx.ArchiverZipOptions>;

/**
 * An XLSX workbook of one sheet, through exceljs's streaming writer: rows are committed (written
 * out and forgotten) as they come, strings are written inline (no shared-strings table, which
 * would grow with the file), and every value is a JavaScript string, so that exceljs writes a
 * string cell (never a formula, number or date).
 */
function xlsxStream(header: Cells, sheetName: string, batches: AsyncGenerator<Cells[], void, undefined>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  // A failure reaches the reader through the web stream; this keeps it from also being an
  // unhandled 'error' event.
  output.on('error', () => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true, zip: ZIP_OPTIONS });
  (workbook as unknown as { zip: Writable }).zip.on('error', (error: Error) => output.destroy(error));
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({ key: column, width: WIDTHS[column] }));
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.commit();

  void (async () => {
    try {
      for await (const batch of batches) {
        if (output.destroyed) return; // the reader went away: `return` ends the batches too
        for (const cells of batch) sheet.addRow(cells.map(xlsxCell)).commit();
        await drained(sheet, output);
      }
      if (output.destroyed) return;
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      log.error({ err: error }, 'Status report export (XLSX) failed');
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as NodeReadableStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
}

/**
 * A cell's value for exceljs: empty cells left out; line breaks as a spreadsheet writes them in a
 * cell (LF: XML readers turn a raw CR or CRLF into LF anyway, so this only makes it explicit).
 * Other control characters cannot be written in XML at all; exceljs leaves them out.
 */
function xlsxCell(cell: string): string | null {
  return cell === '' ? null : cell.replace(/\r\n?/g, '\n');
}

/**
 * Waits until the reader has taken what was written. exceljs buffers a sheet in its own stream
 * (StreamBuf), which archiver wraps in a PassThrough of the `readable-stream` package, and StreamBuf
 * writes into it without ever waiting for it to drain: the backpressure of the download (a proper
 * chain of pipes from that PassThrough through deflate to the response) stops there, and a slow
 * reader would pile the whole file up in that PassThrough. Waiting for it to drain before the next
 * batch is what keeps memory flat. `readable-stream` has no `writableLength`, hence the state
 * object. Until the zip has started on the sheet (or should these internals change), the output
 * stream is waited for instead.
 */
async function drained(sheet: ExcelJS.Worksheet, output: PassThrough): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const first = Array.isArray(pipes) ? (pipes[0] as WritableLike | undefined) : undefined;
  const target: WritableLike = first && backlogOf(first) !== undefined ? first : output;
  if (output.destroyed || (backlogOf(target) ?? 0) < highWaterMarkOf(target)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      target.off('drain', done);
      output.off('close', done);
      resolve();
    };
    target.on('drain', done);
    output.on('close', done);
  });
}

type WritableLike = Pick<Writable, 'on' | 'off'> & {
  writableLength?: number;
  writableHighWaterMark?: number;
  _writableState?: { length?: number; highWaterMark?: number };
};

const backlogOf = (stream: WritableLike) => stream.writableLength ?? stream._writableState?.length;
const highWaterMarkOf = (stream: WritableLike) => stream.writableHighWaterMark ?? stream._writableState?.highWaterMark ?? 16 * 1024;
