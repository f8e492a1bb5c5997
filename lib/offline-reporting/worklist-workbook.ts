// The worklist as an XLSX workbook, for filling in offline: one row per commitment with its
// reference, text, thematic area, workflow state, status (a drop-down of the five statuses in
// the reader's language) and narrative. Hidden columns say which report each row is and what it
// held when downloaded (read-workbook.ts reads them back); a very hidden sheet marks the file as
// ours. Every text cell is neutralised against formula injection (lib/exports/spreadsheet-safety).
import ExcelJS from 'exceljs';
import { createTranslator } from 'next-intl';
import { neutraliseCell } from '@/lib/exports/spreadsheet-safety';
import { NARRATIVE_MAX, STATUS_VALUES } from '@/lib/status-reports/schemas';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import { rtlLocales } from '@/lib/i18n/routing';
import {
  contentChecksum, KEY_COLUMNS, keyHeader, LISTS_SHEET, META_SHEET, statusName, VISIBLE_COLUMNS, WORKBOOK_FORMAT, WORKBOOK_MARKER,
  type KeyColumn, type VisibleColumn, type WorkbookLocale,
} from './format';
import type { WorkbookData } from './queries';

const WIDTHS: Record<VisibleColumn, number> = { instrument: 14, reference: 12, text: 60, area: 28, state: 14, status: 26, narrative: 80 };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
/** The cells to fill in, on rows that can be saved. */
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBEB' } };
/** Rows that cannot be changed here (submitted, accepted, or not this person's to edit). */
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F5F9' } };

const text = (value: string) => neutraliseCell(value);

/** Builds the workbook of `data` in `locale`. */
export async function buildWorklistWorkbook(data: WorkbookData, locale: WorkbookLocale, now = new Date()): Promise<Buffer> {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'offline' });
  const tState = createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'workflow' });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Drug policy commitments tracker';
  workbook.created = now;

  // An Arabic workbook opens right to left, as Arabic spreadsheets do.
  const rightToLeft = rtlLocales.includes(locale);
  const sheet = workbook.addWorksheet(t('workbook.sheetName'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft }] });
  const columns: (VisibleColumn | KeyColumn)[] = [...VISIBLE_COLUMNS, ...KEY_COLUMNS];
  sheet.columns = columns.map((key) => ({
    key,
    width: key in WIDTHS ? WIDTHS[key as VisibleColumn] : 12,
    hidden: (KEY_COLUMNS as readonly string[]).includes(key),
  }));
  const header = sheet.getRow(1);
  columns.forEach((key, index) => {
    const cell = header.getCell(index + 1);
    cell.value = (VISIBLE_COLUMNS as readonly string[]).includes(key) ? text(t(`columns.${key as VisibleColumn}`)) : keyHeader(key as KeyColumn);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: VISIBLE_COLUMNS.length } };

  for (const row of data.rows) {
    const added = sheet.addRow({
      instrument: text(row.instrument),
      reference: text(row.reference),
      text: text(row.text?.text ?? ''),
      area: text(row.area),
      state: text(tState(row.state)),
      status: row.status ? text(statusName(row.status, locale)) : '',
      narrative: text(row.narrative),
      entity: text(data.entity.code),
      cycle: text(data.cycle.code),
      commitment: text(row.commitmentId),
      version: row.version,
      checksum: text(contentChecksum(row.status, row.narrative)),
    });
    added.alignment = { vertical: 'top', wrapText: true };
    if (row.editable) {
      added.getCell('status').fill = INPUT_FILL;
      added.getCell('narrative').fill = INPUT_FILL;
    } else {
      added.eachCell({ includeEmpty: true }, (cell) => { cell.fill = LOCKED_FILL; });
      added.font = { color: { argb: 'FF475569' } };
    }
  }

  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  STATUS_VALUES.forEach((status, index) => { lists.getCell(index + 1, 1).value = text(statusName(status, locale)); });

  if (data.rows.length > 0) {
    const statusColumn = sheet.getColumn('status').letter;
    const narrativeColumn = sheet.getColumn('narrative').letter;
    const last = data.rows.length + 1;
    // Ranges of validation are in ExcelJS 4 but not in its type declarations.
    const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
    validations.add(`${statusColumn}2:${statusColumn}${last}`, {
      type: 'list', allowBlank: true, formulae: [`${LISTS_SHEET}!$A$1:$A$${STATUS_VALUES.length}`],
      showErrorMessage: true, errorStyle: 'stop', errorTitle: t('workbook.statusErrorTitle'), error: t('workbook.statusError'),
    });
    validations.add(`${narrativeColumn}2:${narrativeColumn}${last}`, {
      type: 'textLength', operator: 'lessThanOrEqual', allowBlank: true, formulae: [NARRATIVE_MAX],
      showErrorMessage: true, errorStyle: 'stop', errorTitle: t('workbook.narrativeErrorTitle'), error: t('workbook.narrativeError', { max: NARRATIVE_MAX }),
    });
  }

  const readMe = workbook.addWorksheet(t('workbook.readMeName'), { views: [{ rightToLeft }] });
  readMe.getColumn(1).width = 110;
  const lines = [
    t('workbook.title', { entity: data.entity.name, cycle: data.cycle.name }),
    t('workbook.downloaded', { date: now.toISOString().slice(0, 16).replace('T', ' '), name: data.downloadedBy }),
    '',
    t('workbook.howTo1'), t('workbook.howTo2'), t('workbook.howTo3'), t('workbook.howTo4'), t('workbook.howTo5'),
  ];
  lines.forEach((line, index) => {
    const cell = readMe.getCell(index + 1, 1);
    cell.value = text(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) cell.font = { bold: true, size: 13 };
  });

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const facts: [string, string | number][] = [
    ['marker', WORKBOOK_MARKER], ['format', WORKBOOK_FORMAT], ['entity', data.entity.code], ['cycle', data.cycle.code],
    ['locale', locale], ['downloadedAt', now.toISOString()],
  ];
  facts.forEach(([key, value], index) => {
    meta.getCell(index + 1, 1).value = key;
    meta.getCell(index + 1, 2).value = typeof value === 'string' ? text(value) : value;
  });

  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The name of the downloaded file: whose worklist, which cycle, which day. */
export function workbookFileName(entityCode: string, cycleCode: string, now = new Date()): string {
  const safe = (value: string) => value.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `worklist-${safe(entityCode)}-${safe(cycleCode)}-${now.toISOString().slice(0, 10)}.xlsx`;
}
