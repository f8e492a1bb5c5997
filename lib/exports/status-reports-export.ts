// Status reports as a CSV or XLSX download, with the filters of the screens, for whoever asks:
// only the rows the caller may read (lib/exports/status-report-filter.ts). Built for a million
// rows: the rows are read in batches (lib/exports/status-report-batches.ts) and written out as the
// reader takes them, so memory stays flat whatever the size of the file.
//
// History does not move: an accepted report is exported (and filtered by area and regional group)
// as it was grouped when it was accepted (its AcceptedStatus record), like the summaries count it,
// so the rows behind a summary's number are the rows of the export with the same filters. Reports
// in other states have no such record and go by their commitment's and entity's current grouping.
// Every cell is text (lib/exports/status-report-cells.ts).
import 'server-only';
import { PassThrough, Readable, type Writable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import ExcelJS from 'exceljs';
import type { Db } from '@/lib/db/client';
import { ImplementationStatus, RegionalGroup, WorkflowState } from '@/lib/generated/prisma/enums';
import type { Actor } from '@/lib/auth/permissions';
import { cycleCodeSchema } from '@/lib/cycles/schemas';
import { isLocale, locales, routing, rtlLocales, type Locale } from '@/lib/i18n/routing';
import { log } from '@/lib/log';
import { csvRecord } from './csv-record';
import { readBatches } from './status-report-batches';
import { COLUMNS, exportTranslator, headerOf, type Cells, type Column } from './status-report-cells';
import { ALL_STATES, exportFilterSql, type StatusReportExportFilters } from './status-report-filter';

export type { StatusReportExportFilters } from './status-report-filter';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Rows read from the database at a time: large enough that a million rows take a couple of
 * hundred statements, small enough that a batch (a few MB) is nothing to hold and that PostgreSQL
 * plans the statement of every row as cheap (no JIT compilation, which would cost more than it saves).
 */
export const EXPORT_BATCH_SIZE = 5000;

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

/** What the export reads: the reports, and the look-ups that turn codes into ids and ids into cells. */
export type ExportDb = Pick<Db, 'summaryPublication' | 'reportingCycle' | 'reportingEntity' | 'instrument' | 'thematicArea' | 'commitment' | '$queryRaw'>;

// ---------------------------------------------------------------------------------------------
// The query string

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const AREA = /^TA\d{1,2}(\.\d{1,2})?$/i;
const STATES = [...Object.keys(WorkflowState), ALL_STATES];

export type ParsedExportQuery = { ok: true; query: StatusReportExportQuery } | { ok: false; message: string };

/**
 * The download asked for. A value of the wrong shape (format=pdf, state=LATE, area=x) is refused
 * with a message in words (in the language asked for, when that much is understood); a code of
 * the right shape that names nothing (cycle=1999) is not an error: it gives a file with no rows.
 * An empty value means "all", as an empty choice of a filter form sends it; no state means the
 * accepted reports, and state=all every state.
 */
export function parseStatusReportExportQuery(params: URLSearchParams): ParsedExportQuery {
  const value = (name: string) => params.get(name)?.trim() || undefined;
  const langValue = value('lang')?.toLowerCase();
  const lang = langValue === undefined ? null : isLocale(langValue) ? langValue : undefined;
  const t = exportTranslator(lang ?? routing.defaultLocale);
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
  if (!STATES.includes(state)) return refuse(t('errors.state', { states: STATES.join(', ') }));

  return {
    ok: true,
    query: {
      format: format as ExportFormat,
      lang,
      filters: {
        cycle, area: area?.toUpperCase(), entity, instrument, group: group as RegionalGroup | undefined, kind: kind as 'MEMBER_STATE' | 'OTHER' | undefined,
        status: status as ImplementationStatus | undefined, commitment, state: state as StatusReportExportFilters['state'],
      },
    },
  };
}

/** "status-reports-2026.csv" for one cycle; every cycle: "status-reports-<today>.csv". */
export function exportFileName(query: StatusReportExportQuery, now = new Date()): string {
  return `status-reports-${query.filters.cycle ?? now.toISOString().slice(0, 10)}.${query.format}`;
}

/** Column widths of the XLSX sheet, in characters. */
const WIDTHS: Record<Column, number> = {
  cycle: 10, entityCode: 10, entityName: 28, entityKind: 18, regionalGroup: 18, instrument: 16, reference: 12, thematicArea: 10,
  workflowState: 12, status: 20, asOf: 12, narrative: 80, submittedAt: 26, reviewedAt: 26, evidence: 50,
};

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
  const where = await exportFilterSql(db, user, query.filters);
  const header = headerOf(lang);
  if (query.format === 'xlsx') {
    return xlsxStream(header, exportTranslator(lang)('sheetName'), rtlLocales.includes(lang), readBatches(db, where, lang, batchSize, (rows) => rows));
  }
  // The CSV's pieces are bytes as soon as their batch arrives: what waits for the reader is held
  // outside the JavaScript heap.
  const bytesOf = (rows: Cells[]): Uint8Array => Buffer.from(rows.map(csvRecord).join(''), 'utf8');
  return csvStream(Buffer.from(`\uFEFF${csvRecord(header)}`, 'utf8'), readBatches(db, where, lang, batchSize, bytesOf));
}

/** UTF-8 with a byte order mark (so that Excel reads it as UTF-8), CRLF, RFC 4180 quoting: the header, then the batches' pieces. */
function csvStream(header: Uint8Array, pieces: AsyncGenerator<Uint8Array, void, undefined>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(header);
    },
    // Called when the reader wants more: a piece is taken only then (backpressure; the batches read
    // one ahead, no more).
    async pull(controller) {
      try {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        log.error({ err: error }, 'Status report export (CSV) failed');
        throw error;
      }
    },
    async cancel() {
      await pieces.return();
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
function xlsxStream(header: Cells, sheetName: string, rightToLeft: boolean, batches: AsyncGenerator<Cells[], void, undefined>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  // A failure reaches the reader through the web stream; this keeps it from also being an
  // unhandled 'error' event.
  output.on('error', () => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true, zip: ZIP_OPTIONS });
  (workbook as unknown as { zip: Writable }).zip.on('error', (error: Error) => output.destroy(error));
  // An Arabic export opens right to left, as Arabic spreadsheets do.
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, rightToLeft }] });
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
