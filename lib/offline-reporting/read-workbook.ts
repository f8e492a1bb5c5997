// Reads an uploaded worklist workbook back into rows: checked first by its content (size, an XLSX
// by its bytes, what it unpacks to), then as ours (the marker sheet, the identifying columns).
// No database: what the rows mean for the reports is plan.ts's business. Cells are read as text,
// as the person left them; a formula is reported, never evaluated.
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { restoreCell } from '@/lib/exports/spreadsheet-safety';
import {
  headerNames, KEY_COLUMNS, keyHeader, MAX_ROWS, MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES, META_SHEET, normalizeLabel, normalizeNarrative, parseStatus,
  WORKBOOK_FORMAT, WORKBOOK_MARKER, type KeyColumn, type VisibleColumn,
} from './format';
import { checkZip, worksheetLimits } from './zip-check';

// The header row and the rows of the largest worklist, with room for blank rows left in between;
// ranges (validations, merges) over at most a few columns of those rows.
const SHEET_LIMITS = worksheetLimits({ maxRows: 2 * MAX_ROWS, maxCells: 20 * 2 * MAX_ROWS });

/** Why a whole file is refused; each has a message `offline.fileProblems.*`. */
export type FileProblem = 'empty' | 'tooLarge' | 'notXlsx' | 'corrupt' | 'tooLargeUnpacked' | 'notOurs' | 'missingColumn' | 'tooManyRows' | 'tooManyCells' | 'noRows';

export type CellText = { text: string } | { formula: true };

/** One filled row of the sheet, as typed; `row` is the sheet's own row number. */
export type SheetRow = {
  row: number;
  /** What the row shows of its commitment (instrument and reference), for messages. */
  label: string;
  entityCode: string;
  cycleCode: string;
  commitmentId: string;
  /** The report's version when downloaded (0: none yet); null when the cell was changed into something else. */
  version: number | null;
  checksum: string;
  /** The status chosen; `unknown` keeps what was typed instead. */
  status: { value: ImplementationStatus | null } | { unknown: string } | { formula: true };
  /** The narrative as typed (line endings and surrounding spaces normalised), and its length. */
  narrative: { text: string; length: number } | { formula: true };
};

export type WorkbookMeta = { entityCode: string; cycleCode: string; locale: string };

export type ReadResult =
  | { ok: true; meta: WorkbookMeta; rows: SheetRow[] }
  | { ok: false; problem: FileProblem; column?: VisibleColumn | KeyColumn };

const REQUIRED: readonly (VisibleColumn | KeyColumn)[] = ['status', 'narrative', ...KEY_COLUMNS];

/** A cell's value as text; formulas (and formula errors) are told apart, never evaluated. */
export function cellText(value: ExcelJS.CellValue): CellText {
  const read = readCell(value);
  // A NUL character ("_x0000_" in the file) means nothing in a cell, and no text column takes it.
  return 'text' in read ? { text: read.text.replaceAll('\u0000', '') } : read;
}

function readCell(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: restoreCell(value) };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value || 'error' in value) return { formula: true };
  if ('richText' in value) return { text: restoreCell(value.richText.map((run) => run.text).join('')) };
  if ('text' in value) {
    const shown = value.text as unknown;
    return typeof shown === 'string' ? { text: restoreCell(shown) } : readCell(shown as ExcelJS.CellValue);
  }
  return { text: '' };
}

const plain = (cell: CellText) => ('text' in cell ? cell.text.trim() : '');

function readMeta(workbook: ExcelJS.Workbook): WorkbookMeta | null {
  const sheet = workbook.getWorksheet(META_SHEET);
  if (!sheet) return null;
  const facts = new Map<string, string>();
  sheet.eachRow((row) => facts.set(plain(cellText(row.getCell(1).value)), plain(cellText(row.getCell(2).value))));
  if (facts.get('marker') !== WORKBOOK_MARKER || facts.get('format') !== String(WORKBOOK_FORMAT)) return null;
  return { entityCode: facts.get('entity') ?? '', cycleCode: facts.get('cycle') ?? '', locale: facts.get('locale') ?? '' };
}

/** Where each column is, found by its header (in either language, or its key): columns may move. */
function findColumns(sheet: ExcelJS.Worksheet): Map<VisibleColumn | KeyColumn, number> {
  const byLabel = new Map<string, VisibleColumn>();
  for (const key of ['instrument', 'reference', 'status', 'narrative'] as const) {
    for (const name of headerNames(key)) byLabel.set(normalizeLabel(name), key);
  }
  const byKey = new Map<string, KeyColumn>(KEY_COLUMNS.map((key) => [keyHeader(key), key]));
  const found = new Map<VisibleColumn | KeyColumn, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const header = plain(cellText(cell.value));
    const key = byKey.get(header) ?? byLabel.get(normalizeLabel(header));
    if (key && !found.has(key)) found.set(key, column);
  });
  return found;
}

const withLength = (text: string) => ({ text, length: text.length });

function parseVersion(cell: CellText): number | null {
  const value = plain(cell);
  return /^\d{1,7}$/.test(value) ? Number(value) : null;
}

/** Reads an uploaded file as a worklist workbook, or says why it cannot be one. */
export async function readWorklistWorkbook(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, problem: 'tooLarge' };
  const detected = await fileTypeFromBuffer(bytes);
  // Office files are ZIP archives; a detector may see only the archive. The parts decide below.
  if (detected?.ext !== 'xlsx' && detected?.ext !== 'zip') return { ok: false, problem: 'notXlsx' };
  const zip = checkZip(bytes, { maxUnpacked: MAX_UNPACKED_BYTES, inspect: SHEET_LIMITS });
  if (zip === 'too-large') return { ok: false, problem: 'tooLargeUnpacked' };
  if (zip === 'too-many-cells') return { ok: false, problem: 'tooManyCells' };
  if (zip === 'not-zip') return { ok: false, problem: detected.ext === 'xlsx' ? 'corrupt' : 'notXlsx' };

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, problem: detected.ext === 'xlsx' ? 'corrupt' : 'notXlsx' };
  }
  if (workbook.worksheets.length === 0) return { ok: false, problem: detected.ext === 'xlsx' ? 'corrupt' : 'notXlsx' };

  const meta = readMeta(workbook);
  if (!meta) return { ok: false, problem: 'notOurs' };
  // The sheet of rows is the one with the identifying columns, wherever the person moved it.
  const candidates = workbook.worksheets.map((sheet) => ({ sheet, columns: findColumns(sheet) }));
  const chosen = candidates.find(({ columns }) => columns.has('commitment') && columns.has('version')) ?? null;
  if (!chosen) return { ok: false, problem: 'notOurs' };
  const missing = REQUIRED.find((key) => !chosen.columns.has(key));
  if (missing) return { ok: false, problem: 'missingColumn', column: missing };

  const { sheet, columns } = chosen;
  const at = (row: ExcelJS.Row, key: VisibleColumn | KeyColumn): CellText => {
    const column = columns.get(key);
    return column ? cellText(row.getCell(column).value) : { text: '' };
  };
  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow((row, number) => {
    if (number === 1 || tooMany) return;
    const cells = {
      entity: at(row, 'entity'), cycle: at(row, 'cycle'), commitment: at(row, 'commitment'), version: at(row, 'version'),
      checksum: at(row, 'checksum'), status: at(row, 'status'), narrative: at(row, 'narrative'),
    };
    const blank = Object.values(cells).every((cell) => 'text' in cell && cell.text.trim() === '');
    if (blank) return;
    if (rows.length >= MAX_ROWS) {
      tooMany = true;
      return;
    }
    const typedStatus = cells.status;
    const status = 'formula' in typedStatus
      ? { formula: true as const }
      : ((value) => (value === undefined ? { unknown: typedStatus.text.trim() } : { value }))(parseStatus(typedStatus.text));
    const narrative = cells.narrative;
    rows.push({
      row: number,
      label: [plain(at(row, 'instrument')), plain(at(row, 'reference'))].filter(Boolean).join(' '),
      entityCode: plain(cells.entity),
      cycleCode: plain(cells.cycle),
      commitmentId: plain(cells.commitment),
      version: parseVersion(cells.version),
      checksum: plain(cells.checksum),
      status,
      narrative: 'text' in narrative ? withLength(normalizeNarrative(narrative.text)) : narrative,
    });
  });
  if (tooMany) return { ok: false, problem: 'tooManyRows' };
  if (rows.length === 0) return { ok: false, problem: 'noRows' };
  return { ok: true, meta, rows };
}
