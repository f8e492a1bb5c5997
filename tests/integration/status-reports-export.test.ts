// The status report export (GET /api/exports/status-reports), against real PostgreSQL: the CSV and
// the XLSX read back give the rows of the database (Chinese included), formulas come out as text,
// each caller gets exactly the rows they may read (the public: what was accepted when the cycle
// was published), the filters narrow as the screens do, and the rows are read and written in
// batches as the reader takes them. Only the session is supplied (tests/support/action-context.ts).
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import type { Locale } from '@/lib/i18n/routing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Db } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { restoreCell } from '@/lib/exports/spreadsheet-safety';
import { linkReportFile, linkReportParagraph, linkReportUrl } from '@/lib/status-reports/evidence-mutations';
import { reviewStatusReport, saveStatusReport, type ReportActor } from '@/lib/status-reports/mutations';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { signInAs } from '../support/action-context';
import { createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

type Route = typeof import('@/app/api/exports/status-reports/route');
type ExportModule = typeof import('@/lib/exports/status-reports-export');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
let route: Route;
let exporter: ExportModule;

/** A moment of the open cycle (2026), so that nothing depends on the clock. */
const on = (day: string) => new Date(`2026-${day}T12:00:00Z`);
const PUBLISHED_AT = on('06-15');

const COLUMN_KEYS = Object.keys(en.exports.columns) as (keyof typeof en.exports.columns)[];

/** Reports by a short name, to say which rows a file must hold. */
const reports: Record<string, { id: string; entity: 'MEX' | 'NGA'; reference: string }> = {};
let extraCommitments: Record<'ta3' | 'ta32' | 'ta2', string>;

const actor = (user: FixtureUser): ReportActor => ({ id: user.id, role: user.role, entityId: user.entityId });

async function newCommitment(reference: string, areaCode: string): Promise<string> {
  const instrument = await db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } });
  const area = await db.thematicArea.findUniqueOrThrow({ where: { code: areaCode }, select: { id: true } });
  const commitment = await db.commitment.create({
    data: {
      instrumentId: instrument.id, thematicAreaId: area.id, reference, kind: 'OPERATIONAL_RECOMMENDATION', order: 10 + Object.keys(reports).length,
      texts: { create: [{ locale: 'en', text: `[TEST] Synthetic commitment ${reference}.`, sourceName: 'test fixture' }] },
    },
    select: { id: true },
  });
  return commitment.id;
}

type ReportPlan = {
  entity: 'MEX' | 'NGA';
  commitmentId: string;
  narrative: string;
  status?: ImplementationStatus;
  asOf?: string;
  /** DRAFT, SUBMITTED, or the day it is accepted. */
  until: 'DRAFT' | 'SUBMITTED' | { acceptedOn: string };
  evidence?: (reportId: string, by: ReportActor) => Promise<void>;
};

/** A report written through the mutations, as the focal point and the secretariat would. */
async function writeReport(name: string, plan: ReportPlan): Promise<void> {
  const focal = actor(plan.entity === 'MEX' ? world.users.focalMex : world.users.focalNga);
  const input = {
    cycleId: world.cycle.id, entityId: world.entities[plan.entity], commitmentId: plan.commitmentId,
    status: plan.status ?? 'IN_PROGRESS', narrative: plan.narrative, asOf: plan.asOf ?? null,
  };
  let result = await saveStatusReport(db, focal, { ...input, version: 0, intent: 'save' }, on('06-01'));
  await plan.evidence?.(result.id, focal);
  if (plan.until !== 'DRAFT') result = await saveStatusReport(db, focal, { ...input, version: result.version, intent: 'submit' }, on('06-02'));
  if (typeof plan.until === 'object') {
    await reviewStatusReport(db, actor(world.users.secretariat), { reportId: result.id, version: result.version, decision: 'accept', comment: '' }, on(plan.until.acceptedOn));
  }
  const commitment = await db.commitment.findUniqueOrThrow({ where: { id: plan.commitmentId }, select: { reference: true } });
  reports[name] = { id: result.id, entity: plan.entity, reference: commitment.reference };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  route = await import('@/app/api/exports/status-reports/route');
  exporter = await import('@/lib/exports/status-reports-export');
  world = await createStatusWorld(db);
  const [c0, c1, c2] = world.commitments;
  extraCommitments = { ta3: await newCommitment('2(a)', 'TA3'), ta32: await newCommitment('2(b)', 'TA3.2'), ta2: await newCommitment('2(c)', 'TA2') };

  const document = await db.sourceDocument.create({
    data: { symbol: 'A/74/129', title: 'Report of the Secretary-General', language: 'en', kind: 'SECRETARY_GENERAL_REPORT', checksum: 'test' },
    select: { id: true },
  });
  const paragraph = await db.paragraph.create({
    data: { documentId: document.id, number: 25, sectionPath: 'IV.A', text: '[TEST] A synthetic paragraph.' },
    select: { id: true },
  });

  await writeReport('mexChinese', {
    entity: 'MEX', commitmentId: c0!, status: 'SUBSTANTIALLY_IMPLEMENTED', asOf: '2026-05-31', until: { acceptedOn: '06-10' },
    narrative: '墨西哥已完成第一阶段（测试叙述）。\n第二段，含 "引号" 和逗号, 以及换行。',
    evidence: async (reportId, by) => {
      await linkReportParagraph(db, by, { reportId, paragraphId: paragraph.id, note: '' }, on('06-01'));
      await linkReportUrl(db, by, { reportId, url: 'https://example.test/report?a=1&b=2', title: 'A web page', note: '' }, on('06-01'));
      await linkReportFile(db, by, { reportId, fileName: 'national-plan.txt', bytes: new TextEncoder().encode('[TEST] a file'), note: '' }, on('06-01'));
    },
  });
  await writeReport('mexFormula', { entity: 'MEX', commitmentId: c1!, status: 'FULLY_IMPLEMENTED', until: { acceptedOn: '06-10' }, narrative: '=1+1' });
  await writeReport('ngaFormula', {
    entity: 'NGA', commitmentId: c0!, status: 'NOT_STARTED', until: { acceptedOn: '06-10' }, narrative: '@SUM(A1:A2)\r\nA second line, with "quotes"; and commas, too.',
  });
  await writeReport('ngaSubmitted', { entity: 'NGA', commitmentId: c1!, until: 'SUBMITTED', narrative: '[TEST] Submitted, not reviewed.' });
  await writeReport('mexDraft', { entity: 'MEX', commitmentId: c2!, until: 'DRAFT', narrative: '[TEST] A draft.' });
  await writeReport('ngaLate', { entity: 'NGA', commitmentId: c2!, until: { acceptedOn: '06-20' }, narrative: '[TEST] Accepted after publication.' });
  await writeReport('mexTa3', { entity: 'MEX', commitmentId: extraCommitments.ta3, until: { acceptedOn: '06-10' }, narrative: '[TEST] Chapter 3.' });
  await writeReport('mexTa32', { entity: 'MEX', commitmentId: extraCommitments.ta32, until: { acceptedOn: '06-10' }, narrative: '[TEST] Sub-area 3.2.' });
  await writeReport('ngaTa2', { entity: 'NGA', commitmentId: extraCommitments.ta2, until: { acceptedOn: '06-10' }, narrative: '[TEST] Chapter 2.' });

  await db.summaryPublication.create({ data: { cycleId: world.cycle.id, version: 1, action: 'PUBLISH', figures: {}, at: PUBLISHED_AT } });
});

afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

// ---------------------------------------------------------------------------------------------
// Asking for a file, and reading it back.

async function download(query: string, user: FixtureUser | null): Promise<Response> {
  signInAs(user);
  return route.GET(new Request(`http://localhost/api/exports/status-reports?${query}`));
}

const BOM = [0xef, 0xbb, 0xbf];

/** The records of a CSV response: UTF-8 with a BOM, CRLF between records (a lone \n only inside a quoted field). */
async function csvOf(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual(BOM);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3));
  expect(text.endsWith('\r\n')).toBe(true);
  return parse(text, { record_delimiter: '\r\n' }) as string[][];
}

/** The cell values of the XLSX response's sheet, row by row; every value a string (or empty). */
async function xlsxOf(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return readXlsx(new Uint8Array(await response.arrayBuffer()));
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets).toHaveLength(1);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= COLUMN_KEYS.length; column += 1) {
      const cell = row.getCell(column);
      if (cell.value !== null && cell.value !== undefined) {
        // Text, never a formula, a number or a date that a spreadsheet could compute.
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }
      cells.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
    }
    rows.push(cells);
  });
  return rows;
}

/** Which reports a file holds, by the names given above, in the file's order. */
function namesInOrder(records: string[][]): string[] {
  const entity = COLUMN_KEYS.indexOf('entityCode');
  const reference = COLUMN_KEYS.indexOf('reference');
  return records.slice(1).map((record) => {
    const found = Object.entries(reports).find(([, report]) => report.entity === record[entity] && report.reference === record[reference]);
    return found ? found[0] : `unknown ${record[entity]} ${record[reference]}`;
  });
}

/** Which reports a file holds, by the names given above. */
const namesIn = (records: string[][]): string[] => namesInOrder(records).sort();

const sorted = (names: string[]) => [...names].sort();

/** The row the file must have for a report, read from the database here, in `lang`. */
async function expectedRow(reportId: string, lang: 'en' | 'zh'): Promise<string[]> {
  const report = await db.statusReport.findUniqueOrThrow({
    where: { id: reportId },
    select: {
      state: true, status: true, asOf: true, narrative: true, submittedAt: true, reviewedAt: true,
      cycle: { select: { code: true } },
      entity: { select: { code: true, name: true, kind: true, regionalGroup: true } },
      commitment: { select: { reference: true, instrument: { select: { symbol: true } }, thematicArea: { select: { code: true } } } },
      evidence: { orderBy: { createdAt: 'asc' }, select: { url: true, paragraph: { select: { number: true, document: { select: { symbol: true } } } }, file: { select: { fileName: true } } } },
    },
  });
  const citation = (symbol: string, number: number) => (lang === 'zh' ? `${symbol}，第${number}段` : `${symbol}, para. ${number}`);
  const row: Record<(typeof COLUMN_KEYS)[number], string> = {
    cycle: report.cycle.code,
    entityCode: report.entity.code,
    entityName: (report.entity.name as Record<string, string>)[lang]!,
    entityKind: report.entity.kind,
    regionalGroup: report.entity.regionalGroup ?? '',
    instrument: report.commitment.instrument.symbol,
    reference: report.commitment.reference,
    thematicArea: report.commitment.thematicArea.code,
    workflowState: report.state,
    status: report.status ?? '',
    asOf: report.asOf ? report.asOf.toISOString().slice(0, 10) : '',
    narrative: report.narrative,
    submittedAt: report.submittedAt?.toISOString() ?? '',
    reviewedAt: report.reviewedAt?.toISOString() ?? '',
    evidence: report.evidence.map((link) => (link.paragraph ? citation(link.paragraph.document.symbol, link.paragraph.number) : link.file?.fileName ?? link.url ?? '')).join('; '),
  };
  return COLUMN_KEYS.map((key) => row[key]);
}

/** The record of a report in a file (which must hold it). */
function rowOf(records: string[][], name: string): string[] {
  const report = reports[name]!;
  const entity = COLUMN_KEYS.indexOf('entityCode');
  const reference = COLUMN_KEYS.indexOf('reference');
  const record = records.find((cells) => cells[entity] === report.entity && cells[reference] === report.reference);
  expect(record, `${name} is in the file`).toBeDefined();
  return record!;
}

const header = (lang: Locale) => COLUMN_KEYS.map((key) => CATALOGUES[lang].exports.columns[key]);
const narrativeColumn = COLUMN_KEYS.indexOf('narrative');

// ---------------------------------------------------------------------------------------------

describe('the CSV export', () => {
  it('reads back as the database rows, in Chinese, with a BOM, CRLF and quoting', async () => {
    const response = await download('format=csv&lang=zh', world.users.secretariat);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="status-reports-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const records = await csvOf(response);
    expect(records[0]).toEqual(header('zh'));
    expect(namesIn(records)).toEqual(sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'ngaLate', 'mexTa3', 'mexTa32', 'ngaTa2']));
    for (const name of namesIn(records)) {
      expect(rowOf(records, name).map(restoreCell), name).toEqual(await expectedRow(reports[name]!.id, 'zh'));
    }
    const chinese = rowOf(records, 'mexChinese');
    expect(chinese[COLUMN_KEYS.indexOf('entityName')]).toBe('墨西哥');
    expect(chinese[COLUMN_KEYS.indexOf('evidence')]).toBe('A/74/129，第25段; https://example.test/report?a=1&b=2; national-plan.txt');
    expect(chinese[COLUMN_KEYS.indexOf('asOf')]).toBe('2026-05-31');
    expect(chinese[COLUMN_KEYS.indexOf('reviewedAt')]).toBe('2026-06-10T12:00:00.000Z');
  });

  it('has the header and citations in English when asked', async () => {
    const records = await csvOf(await download('format=csv&lang=en&entity=MEX', world.users.secretariat));
    expect(records[0]).toEqual(header('en'));
    expect(rowOf(records, 'mexChinese')[COLUMN_KEYS.indexOf('evidence')]).toBe('A/74/129, para. 25; https://example.test/report?a=1&b=2; national-plan.txt');
    expect(rowOf(records, 'mexChinese')[COLUMN_KEYS.indexOf('entityName')]).toBe('Mexico');
  });

  it('writes a narrative a spreadsheet would run as a formula as text', async () => {
    const response = await download('format=csv', world.users.secretariat);
    const records = await csvOf(response.clone());
    expect(rowOf(records, 'mexFormula')[narrativeColumn]).toBe("'=1+1");
    expect(rowOf(records, 'ngaFormula')[narrativeColumn]).toBe('\'@SUM(A1:A2)\r\nA second line, with "quotes"; and commas, too.');
    // Quoted as RFC 4180 says: the line break and the quotes stay inside one field.
    expect(new TextDecoder().decode(await response.arrayBuffer())).toContain('"\'@SUM(A1:A2)\r\nA second line, with ""quotes""; and commas, too."');
  });
});

describe('the XLSX export', () => {
  it('reads back as the database rows, every cell a string', async () => {
    const response = await download('format=xlsx&lang=zh&cycle=2026', world.users.secretariat);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="status-reports-2026\.xlsx"/);
    const rows = await xlsxOf(response);
    expect(rows[0]).toEqual(header('zh'));
    expect(namesIn(rows)).toEqual(sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'ngaLate', 'mexTa3', 'mexTa32', 'ngaTa2']));
    // A line break in a cell is an LF in a workbook.
    const lineBreaks = (cells: string[]) => cells.map((cell) => cell.replace(/\r\n?/g, '\n'));
    for (const name of namesIn(rows)) {
      expect(rowOf(rows, name).map(restoreCell), name).toEqual(lineBreaks(await expectedRow(reports[name]!.id, 'zh')));
    }
  });

  it('opens right to left in Arabic, headed in Arabic, and left to right in French', async () => {
    const sheetXml = async (lang: string) => {
      const zip = await JSZip.loadAsync(await (await download(`format=xlsx&lang=${lang}&cycle=2026`, world.users.secretariat)).arrayBuffer());
      return zip.file('xl/worksheets/sheet1.xml')!.async('string');
    };
    expect(await sheetXml('ar')).toMatch(/<sheetView[^>]*rightToLeft="1"/);
    expect(await sheetXml('fr')).not.toMatch(/rightToLeft="1"/);
    expect((await xlsxOf(await download('format=xlsx&lang=ar&cycle=2026', world.users.secretariat)))[0]).toEqual(header('ar'));
  });

  it('writes a narrative a spreadsheet would run as a formula as text', async () => {
    const rows = await xlsxOf(await download('format=xlsx', world.users.secretariat));
    expect(rowOf(rows, 'mexFormula')[narrativeColumn]).toBe("'=1+1");
    expect(rowOf(rows, 'ngaFormula')[narrativeColumn]).toBe('\'@SUM(A1:A2)\nA second line, with "quotes"; and commas, too.');
  });
});

describe('who gets which rows', () => {
  it('gives the public the accepted reports of published cycles as published, and lets it be cached', async () => {
    const response = await download('format=csv', null);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(namesIn(await csvOf(response))).toEqual(sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'mexTa3', 'mexTa32', 'ngaTa2']));
    // Drafts and submissions never, whatever is asked.
    for (const state of ['DRAFT', 'SUBMITTED', 'RETURNED']) expect(namesIn(await csvOf(await download(`state=${state}`, null)))).toEqual([]);
    expect(namesIn(await xlsxOf(await download('format=xlsx&state=DRAFT', null)))).toEqual([]);
  });

  it('gives a viewer what the public gets', async () => {
    const response = await download('format=csv', world.users.viewer);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(namesIn(await csvOf(response))).toEqual(sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'mexTa3', 'mexTa32', 'ngaTa2']));
  });

  it("gives a focal point its own entity's reports in every state, and what is published of others", async () => {
    expect(namesIn(await csvOf(await download('', world.users.focalNga)))).toEqual(sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'ngaLate', 'mexTa3', 'mexTa32', 'ngaTa2']));
    expect(namesIn(await csvOf(await download('', world.users.focalMex)))).toEqual(sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'mexTa3', 'mexTa32', 'ngaTa2']));
    expect(namesIn(await csvOf(await download('state=SUBMITTED', world.users.focalNga)))).toEqual(['ngaSubmitted']);
    expect(namesIn(await csvOf(await download('state=SUBMITTED', world.users.focalMex)))).toEqual([]);
    expect(namesIn(await csvOf(await download('state=draft', world.users.focalMex)))).toEqual(['mexDraft']);
    expect(namesIn(await csvOf(await download('state=DRAFT', world.users.focalNga)))).toEqual([]);
  });

  it('gives the secretariat every report in the state asked for', async () => {
    expect(namesIn(await csvOf(await download('state=SUBMITTED', world.users.secretariat)))).toEqual(['ngaSubmitted']);
    expect(namesIn(await csvOf(await download('state=DRAFT', world.users.admin)))).toEqual(['mexDraft']);
  });

  it('gives the public nothing of a cycle whose publication was withdrawn', async () => {
    const other = await db.reportingCycle.create({
      data: { code: '2025', name: { en: '2025' }, periodStart: new Date('2025-01-01'), periodEnd: new Date('2025-12-31'), opensAt: new Date('2025-01-01'), closesAt: new Date('2025-12-31'), state: 'CLOSED' },
      select: { id: true },
    });
    await db.summaryPublication.create({ data: { cycleId: other.id, version: 1, action: 'PUBLISH', figures: {}, at: on('01-10') } });
    await db.summaryPublication.create({ data: { cycleId: other.id, version: 2, action: 'UNPUBLISH', reason: 'test', at: on('01-11') } });
    expect(namesIn(await csvOf(await download('cycle=2025', null)))).toEqual([]);
    expect(namesIn(await csvOf(await download('cycle=2026', null)))).toHaveLength(6);
  });
});

describe('the filters', () => {
  const names = async (query: string) => namesIn(await csvOf(await download(query, world.users.secretariat)));

  it('narrow by thematic area, a chapter including its sub-areas', async () => {
    expect(await names('area=TA3')).toEqual(sorted(['mexTa3', 'mexTa32']));
    expect(await names('area=ta3.2')).toEqual(['mexTa32']);
    expect(await names('area=TA1')).toEqual(sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'ngaLate']));
    expect(await names('area=TA1&state=SUBMITTED')).toEqual(['ngaSubmitted']);
  });

  it('narrow by entity, regional group, instrument and cycle', async () => {
    expect(await names('entity=NGA')).toEqual(sorted(['ngaFormula', 'ngaLate', 'ngaTa2']));
    expect(await names('entity=nga&area=TA2')).toEqual(['ngaTa2']);
    expect(await names('group=AFRICAN')).toEqual(sorted(['ngaFormula', 'ngaLate', 'ngaTa2']));
    expect(await names('group=LATIN_AMERICAN_CARIBBEAN&area=TA1')).toEqual(sorted(['mexChinese', 'mexFormula']));
    expect(await names('instrument=TEST&cycle=2026&group=')).toHaveLength(7);
  });

  it('narrow by status, commitment and entity kind: the reports behind one number of a summary', async () => {
    expect(await names('status=FULLY_IMPLEMENTED')).toEqual(['mexFormula']);
    expect(await names('status=NOT_STARTED&kind=MEMBER_STATE')).toEqual(['ngaFormula']);
    expect(await names('kind=OTHER')).toEqual([]);
    const mexChinese = await database.db.statusReport.findUniqueOrThrow({ where: { id: reports.mexChinese!.id }, select: { commitmentId: true } });
    expect(await names(`commitment=${mexChinese.commitmentId}&area=TA1`)).toEqual(sorted(['mexChinese', 'ngaFormula']));
  });

  it('give a file with no rows for a code that names nothing', async () => {
    for (const query of ['cycle=1999', 'entity=ZZZ', 'instrument=NONE', 'area=TA9', 'area=TA3.9', 'entity=M_X']) {
      const records = await csvOf(await download(query, world.users.secretariat));
      expect(records, query).toEqual([header('en')]);
    }
    expect(await xlsxOf(await download('format=xlsx&cycle=1999', world.users.secretariat))).toEqual([header('en')]);
  });

  it('refuse a malformed value with a message in words', async () => {
    const refused = async (query: string) => {
      const response = await download(query, world.users.secretariat);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      return ((await response.json()) as { message: string }).message;
    };
    expect(await refused('format=pdf')).toBe(en.exports.errors.format);
    expect(await refused('format=pdf&lang=zh')).toBe(zh.exports.errors.format);
    expect(await refused('lang=de')).toBe('The lang parameter is one of ar, zh, en, fr, ru, es.');
    expect(await refused('state=LATE')).toBe('The state parameter is one of DRAFT, SUBMITTED, RETURNED, ACCEPTED, ALL.');
    expect(await refused('kind=ALL')).toBe('The kind parameter is MEMBER_STATE or OTHER.');
    expect(await refused('group=EUROPE')).toMatch(/^The group parameter is one of AFRICAN, /);
    expect(await refused('area=chapter-3')).toBe(en.exports.errors.area);
    expect(await refused('cycle=../2026')).toBe(en.exports.errors.cycle);
    expect(await refused('entity=M%20X')).toBe(en.exports.errors.entity);
    expect(await refused(`instrument=${'X'.repeat(41)}`)).toBe(en.exports.errors.instrument);
  });

  it('keep an accepted report where it was when accepted, as the summaries count it', async () => {
    const ta4 = await db.thematicArea.findUniqueOrThrow({ where: { code: 'TA4' }, select: { id: true } });
    await db.commitment.update({ where: { id: extraCommitments.ta2 }, data: { thematicAreaId: ta4.id } });
    try {
      const records = await csvOf(await download('area=TA2', world.users.secretariat));
      expect(namesIn(records)).toEqual(['ngaTa2']);
      expect(rowOf(records, 'ngaTa2')[COLUMN_KEYS.indexOf('thematicArea')]).toBe('TA2');
      expect(await names('area=TA4')).toEqual([]);
    } finally {
      const ta2 = await db.thematicArea.findUniqueOrThrow({ where: { code: 'TA2' }, select: { id: true } });
      await db.commitment.update({ where: { id: extraCommitments.ta2 }, data: { thematicAreaId: ta2.id } });
    }
  });
});

describe('every state in one file (state=all)', () => {
  const everyReport = () => sorted(Object.keys(reports));

  it('is asked for as state=all, in any case', () => {
    for (const state of ['all', 'ALL', 'All']) {
      const parsed = exporter.parseStatusReportExportQuery(new URLSearchParams({ state }));
      expect(parsed.ok && parsed.query.filters.state, state).toBe('ALL');
    }
  });

  it('gives the secretariat every report, each row as in the file of its own state, in id order', async () => {
    const records = await csvOf(await download('state=all&lang=zh', world.users.secretariat));
    expect(namesIn(records)).toEqual(everyReport());
    for (const name of namesIn(records)) {
      expect(rowOf(records, name).map(restoreCell), name).toEqual(await expectedRow(reports[name]!.id, 'zh'));
    }
    expect(namesInOrder(records).map((name) => reports[name]!.id)).toEqual(Object.values(reports).map((report) => report.id).sort());
    const states = await Promise.all(['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'].map(async (state) => (await csvOf(await download(`state=${state}&lang=zh`, world.users.secretariat))).slice(1)));
    expect([...records.slice(1)].sort()).toEqual(states.flat().sort());
    expect(namesIn(await xlsxOf(await download('format=xlsx&state=ALL', world.users.secretariat)))).toEqual(everyReport());
  });

  it('changes nothing of who reads what', async () => {
    const published = sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'mexTa3', 'mexTa32', 'ngaTa2']);
    expect(namesIn(await csvOf(await download('state=all', null)))).toEqual(published);
    expect(namesIn(await csvOf(await download('state=all', world.users.viewer)))).toEqual(published);
    expect(namesIn(await csvOf(await download('state=all', world.users.focalNga)))).toEqual(sorted(['ngaFormula', 'ngaSubmitted', 'ngaLate', 'ngaTa2', 'mexChinese', 'mexFormula', 'mexTa3', 'mexTa32']));
    expect(namesIn(await csvOf(await download('state=all', world.users.focalMex)))).toEqual(sorted(['mexChinese', 'mexFormula', 'mexDraft', 'mexTa3', 'mexTa32', 'ngaFormula', 'ngaTa2']));
  });

  it('filters each report by its own grouping: accepted ones as accepted, the others as things stand', async () => {
    const names = async (query: string) => namesIn(await csvOf(await download(query, world.users.secretariat)));
    expect(await names('state=all&area=TA1')).toEqual(sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'ngaLate', 'ngaSubmitted', 'mexDraft']));
    expect(await names('state=all&group=AFRICAN&kind=MEMBER_STATE')).toEqual(sorted(['ngaFormula', 'ngaSubmitted', 'ngaLate', 'ngaTa2']));
    expect(await names('state=all&kind=OTHER')).toEqual([]);
    expect(await names('state=all&status=IN_PROGRESS&entity=MEX')).toEqual(sorted(['mexDraft', 'mexTa3', 'mexTa32']));
    // The commitment of a draft (mexDraft) and of an accepted report (ngaLate) moves to TA4.
    const [, , c2] = world.commitments;
    const area = async (code: string) => (await db.thematicArea.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
    await db.commitment.update({ where: { id: c2! }, data: { thematicAreaId: await area('TA4') } });
    try {
      expect(await names('state=all&area=TA4')).toEqual(['mexDraft']);
      const records = await csvOf(await download('state=all&area=TA1', world.users.secretariat));
      expect(namesIn(records)).toEqual(sorted(['mexChinese', 'mexFormula', 'ngaFormula', 'ngaLate', 'ngaSubmitted']));
      expect(rowOf(records, 'ngaLate')[COLUMN_KEYS.indexOf('thematicArea')]).toBe('TA1');
      expect(rowOf(await csvOf(await download('state=all&area=TA4', world.users.secretariat)), 'mexDraft')[COLUMN_KEYS.indexOf('thematicArea')]).toBe('TA4');
    } finally {
      await db.commitment.update({ where: { id: c2! }, data: { thematicAreaId: await area('TA1') } });
    }
  });
});

describe('who may read what, in the SQL of the batches', () => {
  it('is the rule of visibleReportsWhere for every kind of caller and publication', async () => {
    const { publishedCycles, visibleReportsSql, visibleReportsWhere } = await import('@/lib/summaries/publication');
    const callers: Actor[] = [
      null, world.users.viewer, world.users.focalMex, world.users.focalNga, world.users.secretariat, world.users.admin,
      { role: 'CONTRIBUTOR', entityId: world.entities.MEX, id: world.users.focalMex2.id },
      { role: 'FOCAL_POINT', entityId: null },
    ];
    const at = (day: string) => new Map([[world.cycle.id, { cycleId: world.cycle.id, version: 1, at: on(day) }]]);
    // As published, none, and published at the moment of the first acceptances (which it includes).
    for (const published of [await publishedCycles(db), new Map(), at('06-10'), at('06-09')]) {
      for (const caller of callers) {
        const byPrisma = await db.statusReport.findMany({ where: visibleReportsWhere(caller, published), select: { id: true }, orderBy: { id: 'asc' } });
        const bySql = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
          SELECT r."id" FROM "StatusReport" r LEFT JOIN "AcceptedStatus" a ON a."statusReportId" = r."id"
          WHERE ${visibleReportsSql(caller, published)} ORDER BY r."id"`);
        expect(bySql.map((row) => row.id), `${caller?.role ?? 'anonymous'} ${caller?.entityId ?? ''} of ${published.size}`).toEqual(byPrisma.map((row) => row.id));
      }
    }
  });
});

describe('streaming', () => {
  const ROWS = 2500;
  const BATCH = 100;
  let bulkKeys: string[];

  /** The database, counting the batches read: the statements that read status reports. */
  function countingDb() {
    const counter = { batches: 0 };
    const wrapped = new Proxy(db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== '$queryRaw') return value;
        return (...args: unknown[]) => {
          if ((args[0] as { sql?: string }).sql?.includes('FROM "StatusReport"')) counter.batches += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { db: wrapped as Db, counter };
  }

  /**
   * The number of batches read once the export has stopped reading (no new batch for a while): a
   * writer that ignored its reader would instead read every batch.
   */
  async function settled(counter: { batches: number }): Promise<number> {
    let last = -1;
    for (let quiet = 0; quiet < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      quiet = counter.batches === last ? quiet + 1 : 0;
      last = counter.batches;
    }
    return last;
  }

  async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return chunks;
  }

  const concat = (chunks: Uint8Array[]) => Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)));

  const keysOf = (records: string[][]) => records.slice(1).map((record) => `${record[COLUMN_KEYS.indexOf('entityCode')]} ${record[COLUMN_KEYS.indexOf('reference')]}`).sort();

  const query = (format: 'csv' | 'xlsx') => ({ format, lang: 'en' as const, filters: { state: 'DRAFT' as const, instrument: 'BULK' } });

  beforeAll(async () => {
    // Written directly: this is about reading many rows, not about the workflow.
    const area = await db.thematicArea.findUniqueOrThrow({ where: { code: 'TA5' }, select: { id: true } });
    const instrument = await db.instrument.create({
      data: { code: 'BULK', symbol: 'BULK/1', title: { en: 'Bulk instrument (synthetic)' }, adoptedYear: 2026, adoptedBy: { en: 'Tests' } },
      select: { id: true },
    });
    const commitments: { id: string; reference: string }[] = [];
    for (let index = 0; index < 13; index += 1) {
      commitments.push(await db.commitment.create({
        data: { instrumentId: instrument.id, thematicAreaId: area.id, reference: `${index + 1}`, kind: 'COMMITMENT', order: index },
        select: { id: true, reference: true },
      }));
    }
    const entities = await db.reportingEntity.findMany({ orderBy: { code: 'asc' }, take: 200, select: { id: true, code: true } });
    const rows = entities.flatMap((entity) => commitments.map((commitment) => ({ entity, commitment }))).slice(0, ROWS);
    await db.statusReport.createMany({
      data: rows.map(({ entity, commitment }, index) => ({
        // Text that does not compress much, so that a few rows fill what the streams buffer.
        entityId: entity.id, commitmentId: commitment.id, cycleId: world.cycle.id, narrative: `${index % 7 === 0 ? '=' : ''}${index} ${randomBytes(1200).toString('base64')}`,
      })),
    });
    bulkKeys = rows.map(({ entity, commitment }) => `${entity.code} ${commitment.reference}`).sort();
  });

  it('writes a CSV chunk per batch, with every row once', async () => {
    const { db: counted, counter } = countingDb();
    const stream = await exporter.exportStatusReports(counted, world.users.secretariat, query('csv'), { batchSize: BATCH });
    const chunks = await chunksOf(stream);
    // The header, then one chunk per batch of 100 rows.
    expect(chunks.length).toBe(1 + ROWS / BATCH);
    expect(counter.batches).toBe(ROWS / BATCH + 1);
    const text = new TextDecoder().decode(concat(chunks));
    const records = parse(text, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(records).toHaveLength(ROWS + 1);
    expect(keysOf(records)).toEqual(bulkKeys);
    expect(records.slice(1).filter((record) => record[narrativeColumn]!.startsWith('=')).length).toBe(0);
  });

  it('reads a batch only when the reader wants more, and stops when the reader goes away', async () => {
    const { db: counted, counter } = countingDb();
    const stream = await exporter.exportStatusReports(counted, world.users.secretariat, query('csv'), { batchSize: BATCH });
    const reader = stream.getReader();
    for (let read = 0; read < 4; read += 1) expect((await reader.read()).done).toBe(false);
    // Three batches read, at most one more waiting in the stream's queue and one read ahead.
    expect(counter.batches).toBeGreaterThanOrEqual(3);
    expect(counter.batches).toBeLessThanOrEqual(5);
    await reader.cancel();
    const after = counter.batches;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counter.batches).toBe(after);
  });

  it('writes the same rows as XLSX, in several chunks', async () => {
    const { db: counted, counter } = countingDb();
    const stream = await exporter.exportStatusReports(counted, world.users.secretariat, query('xlsx'), { batchSize: BATCH });
    const chunks = await chunksOf(stream);
    expect(chunks.length).toBeGreaterThan(1);
    expect(counter.batches).toBe(ROWS / BATCH + 1);
    const rows = await readXlsx(concat(chunks));
    expect(rows).toHaveLength(ROWS + 1);
    expect(keysOf(rows)).toEqual(bulkKeys);
  });

  it('reads no more of an XLSX than the reader takes, and stops when the reader goes away', async () => {
    const { db: counted, counter } = countingDb();
    const stream = await exporter.exportStatusReports(counted, world.users.secretariat, query('xlsx'), { batchSize: 10 });
    const reader = stream.getReader();
    expect((await reader.read()).done).toBe(false);
    // Nobody reads on: the writer fills what the streams buffer, then waits for the reader.
    const paused = await settled(counter);
    expect(paused).toBeLessThan(ROWS / 10 / 4);
    // Reading on resumes it; going away ends it.
    for (let read = 0; read < 5; read += 1) expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    const stopped = await settled(counter);
    expect(stopped).toBeLessThan(ROWS / 10 / 2);
  });
  it('picks up a report written during the download, with the entity and commitment it names', async () => {
    const stream = await exporter.exportStatusReports(db, world.users.secretariat, query('csv'), { batchSize: BATCH });
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    for (let read = 0; read < 3; read += 1) chunks.push((await reader.read()).value!);
    // A new entity and commitment, and their report: its id sorts after every report read so far.
    const entity = await db.reportingEntity.create({ data: { kind: 'UN_ENTITY', code: 'ZZLATE', name: { en: 'A late entity (synthetic)' } }, select: { id: true } });
    const commitment = await db.commitment.create({
      data: { instrumentId: (await db.instrument.findUniqueOrThrow({ where: { code: 'BULK' }, select: { id: true } })).id, thematicAreaId: (await db.thematicArea.findUniqueOrThrow({ where: { code: 'TA6' }, select: { id: true } })).id, reference: 'late', kind: 'COMMITMENT', order: 99 },
      select: { id: true },
    });
    const late = await db.statusReport.create({ data: { entityId: entity.id, commitmentId: commitment.id, cycleId: world.cycle.id, narrative: '[TEST] Written during the download.' }, select: { id: true } });
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
      const records = parse(new TextDecoder().decode(concat(chunks)), { bom: true, record_delimiter: '\r\n' }) as string[][];
      expect(records).toHaveLength(ROWS + 2);
      const row = records.find((record) => record[COLUMN_KEYS.indexOf('entityCode')] === 'ZZLATE');
      expect(row?.[COLUMN_KEYS.indexOf('entityName')]).toBe('A late entity (synthetic)');
      expect(row?.[COLUMN_KEYS.indexOf('reference')]).toBe('late');
      expect(row?.[COLUMN_KEYS.indexOf('thematicArea')]).toBe('TA6');
      expect(row?.[COLUMN_KEYS.indexOf('instrument')]).toBe('BULK/1');
    } finally {
      await db.statusReport.delete({ where: { id: late.id } });
      await db.commitment.delete({ where: { id: commitment.id } });
      await db.reportingEntity.delete({ where: { id: entity.id } });
    }
  });
});
