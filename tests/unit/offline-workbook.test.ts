// The worklist workbook, written and read back without a database: the rows come back as they
// were written (Chinese, line breaks and formula-like text included), the status is a drop-down
// of the five statuses in the reader's language, names of either language and the codes are
// understood, and files that are not ours, not XLSX, damaged, too large or a "zip bomb" are
// refused with the reason.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { contentChecksum, MAX_ROWS, MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES, META_SHEET, parseStatus } from '@/lib/offline-reporting/format';
import { cellText, readWorklistWorkbook, type SheetRow } from '@/lib/offline-reporting/read-workbook';
import { buildWorklistWorkbook, workbookFileName } from '@/lib/offline-reporting/worklist-workbook';
import { cellsIn, checkZip, worksheetLimits } from '@/lib/offline-reporting/zip-check';
import type { WorkbookData } from '@/lib/offline-reporting/queries';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

const NOW = new Date('2026-06-01T10:00:00Z');

const data: WorkbookData = {
  entity: { code: 'MEX', name: 'Mexico' },
  cycle: { code: '2026', name: '[TEST] 2026' },
  downloadedBy: 'A focal point',
  rows: [
    {
      commitmentId: 'c1', instrument: 'TEST/1', reference: '1(a)', text: { text: '[TEST] Synthetic commitment a.', locale: 'en' }, area: 'TA1 Demand reduction',
      state: 'NOT_REPORTED', status: null, narrative: '', version: 0, editable: true,
    },
    {
      commitmentId: 'c2', instrument: 'TEST/1', reference: '1(b)', text: { text: '=HYPERLINK("http://example.test")', locale: 'en' }, area: 'TA1 Demand reduction',
      state: 'DRAFT', status: 'IN_PROGRESS', narrative: '墨西哥（测试叙述）。\n第二段。', version: 3, editable: true,
    },
    {
      commitmentId: 'c3', instrument: 'TEST/1', reference: '1(c)', text: null, area: 'TA1 Demand reduction',
      state: 'SUBMITTED', status: 'FULLY_IMPLEMENTED', narrative: '@SUM(A1:A2) and more', version: 5, editable: false,
    },
  ],
};

/** One deflated part of a hand-made ZIP archive, its header claiming `claimedSize`. */
const entry = (name: string, content: Buffer, claimedSize = content.byteLength) => {
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(claimedSize, 22);
  local.writeUInt16LE(Buffer.byteLength(name), 26);
  return { name, data, local, claimedSize };
};
/** A ZIP archive of `entries`, made by hand (to say things a real writer would not). */
const zip = (entries: ReturnType<typeof entry>[]) => {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const item of entries) {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(item.data.byteLength, 20);
    header.writeUInt32LE(item.claimedSize, 24);
    header.writeUInt16LE(Buffer.byteLength(item.name), 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, Buffer.from(item.name));
    parts.push(item.local, Buffer.from(item.name), item.data);
    offset += item.local.byteLength + Buffer.byteLength(item.name) + item.data.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
};

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, column) => { if (cell.value === header) found = column; });
  if (!found) throw new Error(`No column ${header}`);
  return found;
}

async function readBack(bytes: Uint8Array): Promise<SheetRow[]> {
  const read = await readWorklistWorkbook(bytes);
  if (!read.ok) throw new Error(`Refused: ${read.problem}`);
  return read.rows;
}

describe('the worklist workbook', () => {
  it('holds one row per commitment with the columns in the reader language, and the report keys hidden', async () => {
    const workbook = await workbookOf(await buildWorklistWorkbook(data, 'en', NOW));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Worklist');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([...Object.values(en.offline.columns), 'tracker:entity', 'tracker:cycle', 'tracker:commitment', 'tracker:version', 'tracker:checksum']);
    for (const key of ['entity', 'cycle', 'commitment', 'version', 'checksum']) expect(sheet.getColumn(columnOf(sheet, `tracker:${key}`)).hidden).toBe(true);
    expect(sheet.getColumn(columnOf(sheet, 'Narrative')).hidden).toBe(false);
    expect(sheet.rowCount).toBe(4);
    const row = sheet.getRow(3);
    expect(row.getCell(columnOf(sheet, 'Reference')).value).toBe('1(b)');
    expect(row.getCell(columnOf(sheet, 'Status')).value).toBe('In progress');
    expect(row.getCell(columnOf(sheet, 'Workflow state')).value).toBe('Draft');
    expect(row.getCell(columnOf(sheet, 'tracker:version')).value).toBe(3);
    expect(row.getCell(columnOf(sheet, 'tracker:commitment')).value).toBe('c2');
    // Formula-like text is text: neutralised with a leading quote, never a formula.
    expect(row.getCell(columnOf(sheet, 'Commitment')).value).toBe('\'=HYPERLINK("http://example.test")');
    expect(sheet.getRow(4).getCell(columnOf(sheet, 'Narrative')).value).toBe("'@SUM(A1:A2) and more");
    expect(workbook.getWorksheet(META_SHEET)?.state).toBe('veryHidden');
    expect(workbook.getWorksheet('Read me')).toBeDefined();
    expect(workbookFileName('MEX', '2026', NOW)).toBe('worklist-MEX-2026-2026-06-01.xlsx');
  });

  it('offers the status as a drop-down list of the five statuses in the reader language', async () => {
    for (const [locale, catalogue] of [['en', en], ['zh', zh]] as const) {
      const workbook = await workbookOf(await buildWorklistWorkbook(data, locale, NOW));
      const sheet = workbook.worksheets[0]!;
      const status = columnOf(sheet, catalogue.offline.columns.status);
      const validation = sheet.getCell(2, status).dataValidation;
      expect(validation?.type).toBe('list');
      expect(validation?.allowBlank).toBe(true);
      expect(validation?.error).toBe(catalogue.offline.workbook.statusError);
      const lists = workbook.getWorksheet('lists')!;
      expect(lists.state).toBe('hidden');
      expect(String(validation?.formulae[0])).toMatch(/^lists!\$A\$1:\$A\$5$/);
      expect([1, 2, 3, 4, 5].map((row) => lists.getCell(row, 1).value)).toEqual(
        ['NOT_STARTED', 'IN_PROGRESS', 'SUBSTANTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED', 'NOT_APPLICABLE'].map((code) => catalogue.status[code as keyof typeof catalogue.status]),
      );
      expect(sheet.getCell(4, status).dataValidation?.type).toBe('list');
    }
  });

  it('reads back untouched rows as they were downloaded, whatever the language', async () => {
    for (const locale of ['en', 'zh'] as const) {
      const rows = await readBack(new Uint8Array(await buildWorklistWorkbook(data, locale, NOW)));
      expect(rows.map((row) => [row.row, row.commitmentId, row.entityCode, row.cycleCode, row.version])).toEqual([
        [2, 'c1', 'MEX', '2026', 0], [3, 'c2', 'MEX', '2026', 3], [4, 'c3', 'MEX', '2026', 5],
      ]);
      expect(rows[1]!.status).toEqual({ value: 'IN_PROGRESS' });
      expect(rows[1]!.narrative).toEqual({ text: '墨西哥（测试叙述）。\n第二段。', length: 15 });
      expect(rows[2]!.narrative).toMatchObject({ text: '@SUM(A1:A2) and more' });
      for (const [index, row] of rows.entries()) {
        const source = data.rows[index]!;
        expect(row.checksum).toBe(contentChecksum(source.status, source.narrative));
      }
    }
  });

  it('reads what a person typed, found by the headers even when columns moved', async () => {
    const workbook = await workbookOf(await buildWorklistWorkbook(data, 'zh', NOW));
    const sheet = workbook.worksheets[0]!;
    sheet.spliceColumns(1, 0, ['Notes of the ministry']);
    const status = columnOf(sheet, zh.offline.columns.status);
    const narrative = columnOf(sheet, zh.offline.columns.narrative);
    sheet.getCell(2, status).value = '  fully IMPLEMENTED ';
    sheet.getCell(2, narrative).value = { richText: [{ text: 'Rich ' }, { text: 'text', font: { bold: true } }] };
    sheet.getCell(3, status).value = 'Bien avancé';
    sheet.getCell(4, narrative).value = { formula: 'A1&A2', result: 'x' };
    const rows = await readBack(await bytesOf(workbook));
    expect(rows[0]!.status).toEqual({ value: 'FULLY_IMPLEMENTED' });
    expect(rows[0]!.narrative).toEqual({ text: 'Rich text', length: 9 });
    expect(rows[1]!.status).toEqual({ unknown: 'Bien avancé' });
    expect(rows[2]!.narrative).toEqual({ formula: true });
  });

  it('understands statuses by their English or Chinese names and their codes, in any case; empty is none', () => {
    expect(parseStatus('In progress')).toBe('IN_PROGRESS');
    expect(parseStatus(' in   PROGRESS ')).toBe('IN_PROGRESS');
    expect(parseStatus('正在进行')).toBe('IN_PROGRESS');
    expect(parseStatus(' 全面落实 ')).toBe('FULLY_IMPLEMENTED');
    expect(parseStatus('not_applicable')).toBe('NOT_APPLICABLE');
    expect(parseStatus('Not applicable')).toBe('NOT_APPLICABLE');
    expect(parseStatus('substantially_implemented')).toBe('SUBSTANTIALLY_IMPLEMENTED');
    expect(parseStatus('')).toBeNull();
    expect(parseStatus('   ')).toBeNull();
    expect(parseStatus('Done')).toBeUndefined();
    expect(parseStatus('No report')).toBeUndefined();
  });
});

describe('an upload that is not a worklist workbook', () => {
  it('is refused with the reason: empty, too large, not XLSX, damaged, not ours, a column removed', async () => {
    expect(await readWorklistWorkbook(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(await readWorklistWorkbook(new Uint8Array(MAX_UPLOAD_BYTES + 1))).toEqual({ ok: false, problem: 'tooLarge' });
    expect(await readWorklistWorkbook(new TextEncoder().encode('reference,status\n1(a),In progress\n'))).toEqual({ ok: false, problem: 'notXlsx' });
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    expect(await readWorklistWorkbook(pdf)).toEqual({ ok: false, problem: 'notXlsx' });

    const good = new Uint8Array(await buildWorklistWorkbook(data, 'en', NOW));
    expect(await readWorklistWorkbook(good.subarray(0, Math.floor(good.byteLength / 2)))).toMatchObject({ ok: false, problem: 'corrupt' });

    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').addRow(['Reference', 'Status', 'Narrative']);
    expect(await readWorklistWorkbook(await bytesOf(foreign))).toEqual({ ok: false, problem: 'notOurs' });

    const withoutColumn = await workbookOf(Buffer.from(good));
    const sheet = withoutColumn.worksheets[0]!;
    sheet.spliceColumns(columnOf(sheet, 'tracker:checksum'), 1);
    expect(await readWorklistWorkbook(await bytesOf(withoutColumn))).toEqual({ ok: false, problem: 'missingColumn', column: 'checksum' });
  });

  it('is refused when it unpacks to more than it may, whatever its headers claim', () => {
    const small = zip([entry('a.xml', Buffer.from('<a/>'))]);
    expect(checkZip(small, { maxUnpacked: 1000 })).toBe('ok');
    // Ten megabytes of zeros that claim to be ten bytes: inflated for real, and stopped.
    const bomb = zip([entry('xl/sharedStrings.xml', Buffer.alloc(10 * 1024 * 1024), 10)]);
    expect(bomb.byteLength).toBeLessThan(50_000);
    expect(checkZip(bomb, { maxUnpacked: 1024 * 1024 })).toBe('too-large');
    expect(checkZip(zip([entry('a', Buffer.alloc(600)), entry('b', Buffer.alloc(600))]), { maxUnpacked: 1000 })).toBe('too-large');
    expect(checkZip(new TextEncoder().encode('not a zip at all, just some text'), { maxUnpacked: 1000 })).toBe('not-zip');
  });

  it('refuses a sheet whose merged cells or validations cover a whole sheet, before any library reads it', async () => {
    const sheet = (extra: string) => Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"/></row></sheetData>${extra}</worksheet>`,
    );
    const merged = zip([entry('xl/worksheets/sheet1.xml', sheet('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'))]);
    expect(merged.byteLength).toBeLessThan(2_000);
    expect(await readWorklistWorkbook(merged)).toEqual({ ok: false, problem: 'tooManyCells' });
    const validated = zip([entry('xl/worksheets/sheet1.xml', sheet('<dataValidations count="1"><dataValidation type="list" sqref="F2:F1048576"><formula1>"a"</formula1></dataValidation></dataValidations>'))]);
    expect(await readWorklistWorkbook(validated)).toEqual({ ok: false, problem: 'tooManyCells' });
    const manyRows = zip([entry('xl/worksheets/sheet1.xml', Buffer.from(`<worksheet><sheetData>${'<row r="1"/>'.repeat(2 * MAX_ROWS + 1)}</sheetData></worksheet>`))]);
    expect(await readWorklistWorkbook(manyRows)).toEqual({ ok: false, problem: 'tooManyCells' });
  });

  it('lets through the largest worklist the site writes', async () => {
    const rows = Array.from({ length: MAX_ROWS }, (_, index) => ({ ...data.rows[1]!, commitmentId: `c${index}`, reference: `${index}(a)` }));
    const bytes = await buildWorklistWorkbook({ ...data, rows }, 'en', NOW);
    expect(checkZip(new Uint8Array(bytes), { maxUnpacked: MAX_UNPACKED_BYTES, inspect: worksheetLimits({ maxRows: 2 * MAX_ROWS, maxCells: 40 * MAX_ROWS }) })).toBe('ok');
    expect(cellsIn('A1:C3')).toBe(9);
    expect(cellsIn('$F$2:$F$1048576')).toBe(1_048_575);
    expect(cellsIn('not a range')).toBe(0);
  });

  it('reads a NUL character ("_x0000_" in the file) as nothing, in plain and rich text', () => {
    expect(cellText('a\u0000b')).toEqual({ text: 'ab' });
    expect(cellText({ richText: [{ text: 'x\u0000' }, { text: 'y' }] })).toEqual({ text: 'xy' });
  });
});
