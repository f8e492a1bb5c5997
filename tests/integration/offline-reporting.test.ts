// Offline reporting against real PostgreSQL: the worklist downloaded as XLSX (GET
// /api/worklist/xlsx), filled in here with exceljs as a person would in a spreadsheet, uploaded
// (previewWorklistUploadAction) and confirmed (confirmWorklistUploadAction). The preview lists
// exactly the rows that change and refuses the others in words; confirming saves drafts only,
// each with its StatusEvent and AuditEvent, all in one transaction or nothing; a report saved
// since the download is never overwritten. Only the request-scoped parts of Next are supplied
// (tests/support/action-context.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import type { ActionState } from '@/lib/action-state';
import type { Db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { reviewStatusReport, saveStatusReport, type ReportActor } from '@/lib/status-reports/mutations';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { message, signInAs } from '../support/action-context';
import { createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

type Route = typeof import('@/app/api/worklist/xlsx/route');
type Actions = typeof import('@/lib/offline-reporting/actions');
type Mutations = typeof import('@/lib/offline-reporting/mutations');
type PreviewState = ActionState<import('@/lib/offline-reporting/actions').PreviewResult>;
type Preview = import('@/lib/offline-reporting/preview-view').PreviewView;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
let route: Route;
let actions: Actions;
let mutations: Mutations;

const actor = (user: FixtureUser): ReportActor => ({ id: user.id, role: user.role, entityId: user.entityId });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  route = await import('@/app/api/worklist/xlsx/route');
  actions = await import('@/lib/offline-reporting/actions');
  mutations = await import('@/lib/offline-reporting/mutations');
  world = await createStatusWorld(db);
});

afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

// ---------------------------------------------------------------------------------------------
// People, reports and files.

async function person(key: string, role: Role, entityCode: string | null): Promise<FixtureUser> {
  const entityId = entityCode ? (await db.reportingEntity.findUniqueOrThrow({ where: { code: entityCode }, select: { id: true } })).id : null;
  const email = `${key}@example.test`;
  const created = await db.user.create({ data: { email, name: key, role, entityId, passwordHash: 'not a real hash' }, select: { id: true } });
  return { id: created.id, email, role, entityId };
}

async function entityId(code: string): Promise<string> {
  return (await db.reportingEntity.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

/** A report written through the application's own mutations, as its focal point would. */
async function writeReport(user: FixtureUser, commitmentId: string, narrative: string, until: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' = 'DRAFT') {
  const input = { cycleId: world.cycle.id, entityId: user.entityId!, commitmentId, status: 'IN_PROGRESS' as const, narrative, asOf: '2026-05-31' };
  let result = await saveStatusReport(db, actor(user), { ...input, version: 0, intent: 'save' });
  if (until !== 'DRAFT') result = await saveStatusReport(db, actor(user), { ...input, version: result.version, intent: 'submit' });
  if (until === 'ACCEPTED') {
    result = await reviewStatusReport(db, actor(world.users.secretariat), { reportId: result.id, version: result.version, decision: 'accept', comment: '' });
  }
  return result;
}

async function reportOf(entity: string, commitmentId: string) {
  return db.statusReport.findUnique({
    where: { entityId_commitmentId_cycleId: { entityId: await entityId(entity), commitmentId, cycleId: world.cycle.id } },
    select: { id: true, state: true, status: true, narrative: true, version: true, asOf: true, submittedAt: true, updatedById: true },
  });
}

async function download(user: FixtureUser | null, query = ''): Promise<Response> {
  signInAs(user);
  return route.GET(new Request(`http://localhost/api/worklist/xlsx${query}`));
}

async function workbookFor(user: FixtureUser, query = ''): Promise<Uint8Array> {
  const response = await download(user, query);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** The worklist sheet, filled in as a person would: cells found by their headers. */
class Sheet {
  constructor(readonly sheet: ExcelJS.Worksheet) {}

  column(header: string): number {
    let found = 0;
    this.sheet.getRow(1).eachCell((cell, column) => { if (cell.value === header) found = column; });
    if (!found) throw new Error(`No column "${header}"`);
    return found;
  }

  rowOf(commitmentId: string): ExcelJS.Row {
    const column = this.column('tracker:commitment');
    let found: ExcelJS.Row | null = null;
    this.sheet.eachRow((row) => { if (row.getCell(column).value === commitmentId) found = row; });
    if (!found) throw new Error(`No row for ${commitmentId}`);
    return found;
  }

  set(commitmentId: string, header: string, value: ExcelJS.CellValue) {
    this.rowOf(commitmentId).getCell(this.column(header)).value = value;
  }

  get(commitmentId: string, header: string): ExcelJS.CellValue {
    return this.rowOf(commitmentId).getCell(this.column(header)).value;
  }

  /** Copies a row below the others (as pasted from another workbook), then returns it. */
  copy(commitmentId: string): ExcelJS.Row {
    const values = this.rowOf(commitmentId).values as ExcelJS.CellValue[];
    return this.sheet.addRow(values.slice(1));
  }

  commitmentIds(): string[] {
    const column = this.column('tracker:commitment');
    const ids: string[] = [];
    this.sheet.eachRow((row, number) => { if (number > 1) ids.push(String(row.getCell(column).value)); });
    return ids;
  }
}

async function open(bytes: Uint8Array): Promise<{ workbook: ExcelJS.Workbook; sheet: Sheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { workbook, sheet: new Sheet(workbook.worksheets[0]!) };
}

async function edited(bytes: Uint8Array, fill: (sheet: Sheet) => void): Promise<Uint8Array> {
  const { workbook, sheet } = await open(bytes);
  fill(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function preview(user: FixtureUser | null, bytes: Uint8Array, name = 'worklist.xlsx'): Promise<PreviewState> {
  signInAs(user);
  const form = new FormData();
  form.set('file', new File([Buffer.from(bytes)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  return actions.previewWorklistUploadAction(null, form);
}

function previewOf(state: PreviewState): Preview {
  if (!state?.ok) throw new Error(`Preview refused: ${state?.message} ${JSON.stringify(state?.fieldErrors)}`);
  return state.data.preview;
}

async function confirm(user: FixtureUser | null, stagedId: string) {
  signInAs(user);
  const form = new FormData();
  form.set('stagedId', stagedId);
  return actions.confirmWorklistUploadAction(null, form);
}

const H = en.offline.columns;
const problem = (key: string, values: Record<string, string | number> = {}) => message('offline', `problems.${key}`, values);
const statusNames = new Intl.ListFormat('en', { type: 'disjunction' })
  .format(['NOT_STARTED', 'IN_PROGRESS', 'SUBSTANTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED', 'NOT_APPLICABLE'].map((code) => en.status[code as keyof typeof en.status]));

async function counts() {
  const [events, audits, reports] = await Promise.all([db.statusEvent.count(), db.auditEvent.count(), db.statusReport.count()]);
  return { events, audits, reports };
}

// ---------------------------------------------------------------------------------------------

describe('downloading the worklist as XLSX', () => {
  it('gives a focal point their own worklist, one row per commitment, with a sensible file name', async () => {
    const [c0, c1] = world.commitments;
    await writeReport(world.users.focalMex, c0!, '[TEST] A draft of Mexico.');
    await writeReport(world.users.focalMex, c1!, '[TEST] Submitted by Mexico.', 'SUBMITTED');
    const response = await download(world.users.focalMex, '?lang=en');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="worklist-MEX-2026-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const { sheet } = await open(new Uint8Array(await response.arrayBuffer()));
    expect(sheet.commitmentIds().sort()).toEqual([...world.commitments].sort());
    expect(sheet.get(c0!, H.reference)).toBe('1(a)');
    expect(sheet.get(c0!, H.text)).toBe('[TEST] Synthetic commitment a.');
    expect(sheet.get(c0!, H.status)).toBe('In progress');
    expect(sheet.get(c0!, H.narrative)).toBe('[TEST] A draft of Mexico.');
    expect(sheet.get(c0!, H.state)).toBe('Draft');
    expect(sheet.get(c1!, H.state)).toBe('Submitted');
    expect(sheet.get(c0!, 'tracker:version')).toBe(1);
    expect(sheet.get(c0!, 'tracker:entity')).toBe('MEX');
    expect(sheet.get(world.commitments[2]!, 'tracker:version')).toBe(0);
  });

  it('is in the reader language, the status a drop-down of the Chinese names on /zh', async () => {
    const { workbook } = await open(await workbookFor(world.users.focalMex, '?lang=zh'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(zh.offline.workbook.sheetName);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1, 8);
    expect(headers).toEqual(Object.values(zh.offline.columns));
    const status = (headers as string[]).indexOf(zh.offline.columns.status) + 1;
    expect(sheet.getCell(2, status).dataValidation).toMatchObject({ type: 'list', allowBlank: true });
    expect(workbook.getWorksheet('lists')!.getCell(2, 1).value).toBe(zh.status.IN_PROGRESS);
  });

  it('is not found for another entity, an unknown one, or nobody signed in', async () => {
    expect((await download(world.users.focalNga, '?entity=MEX')).status).toBe(404);
    expect((await download(world.users.focalNga, '?entity=XYZ')).status).toBe(404);
    expect((await download(world.users.viewer, '?entity=MEX')).status).toBe(404);
    expect((await download(world.users.secretariat)).status).toBe(404);
    const anonymous = await download(null, '?entity=MEX');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: en.offline.download.signedOut });
    // The secretariat reads every worklist (and can change none of it).
    expect((await download(world.users.secretariat, '?entity=MEX')).status).toBe(200);
  });
});

describe('the round trip', () => {
  it('previews exactly the changed rows, then saves them as drafts with their events and audit rows, submitting nothing', async () => {
    const focal = await person('focal-arg', 'FOCAL_POINT', 'ARG');
    const [c0, c1, c2] = world.commitments;
    await writeReport(focal, c0!, '[TEST] A draft of Argentina.');
    await writeReport(focal, c1!, '[TEST] Submitted by Argentina.', 'SUBMITTED');
    const before = await reportOf('ARG', c0!);
    const bytes = await edited(await workbookFor(focal, '?lang=en'), (sheet) => {
      sheet.set(c0!, H.status, 'Substantially implemented');
      sheet.set(c0!, H.narrative, '[TEST] Revised offline.\r\nBy the ministry of health.');
      // Chinese names are understood whatever the file's language.
      sheet.set(c2!, H.status, ' 正在进行 ');
      sheet.set(c2!, H.narrative, '[TEST] 第一稿（离线填写）。');
    });
    const totalsBefore = await counts();
    const shown = previewOf(await preview(focal, bytes, 'worklist-ARG.xlsx'));
    expect(shown.problems).toEqual([]);
    expect(shown.changes.map((change) => [change.row, change.label, change.stateLabel, change.status])).toEqual([
      [2, 'TEST/1 1(a)', 'Draft', { before: 'In progress', after: 'Substantially implemented', changed: true }],
      [4, 'TEST/1 1(c)', 'New draft', { before: 'no status', after: 'In progress', changed: true }],
    ]);
    expect(shown.changes[0]!.narrative).toEqual({ changed: true, excerpt: '[TEST] Revised offline. By the ministry of health.', length: 50 });
    expect(shown.unchanged).toBe(1);
    expect(shown.fileName).toBe('worklist-ARG.xlsx');
    expect(shown.changes[0]!.href).toBe(`/reports/2026/ARG/${c0}`);
    // A preview writes no report.
    expect(await counts()).toEqual(totalsBefore);

    const confirmedAt = new Date();
    const result = await confirm(focal, shown.stagedId);
    expect(result).toMatchObject({ ok: true, data: { saved: 2, refused: 0 } });

    const first = await reportOf('ARG', c0!);
    expect(first).toMatchObject({
      state: 'DRAFT', status: 'SUBSTANTIALLY_IMPLEMENTED', narrative: '[TEST] Revised offline.\nBy the ministry of health.',
      version: before!.version + 1, submittedAt: null, updatedById: focal.id,
    });
    // What the sheet does not hold is kept.
    expect(first!.asOf?.toISOString().slice(0, 10)).toBe('2026-05-31');
    const created = await reportOf('ARG', c2!);
    expect(created).toMatchObject({ state: 'DRAFT', status: 'IN_PROGRESS', narrative: '[TEST] 第一稿（离线填写）。', version: 1, submittedAt: null });
    expect(await reportOf('ARG', c1!)).toMatchObject({ state: 'SUBMITTED', narrative: '[TEST] Submitted by Argentina.' });

    for (const report of [first!, created!]) {
      const events = await db.statusEvent.findMany({ where: { statusReportId: report.id }, orderBy: { at: 'desc' }, select: { type: true, byId: true, snapshot: true } });
      expect(events[0]).toEqual({
        type: 'SAVED', byId: focal.id,
        snapshot: { status: report.status, narrative: report.narrative, asOf: report.asOf ? '2026-05-31' : null, state: 'DRAFT', version: report.version, evidence: [] },
      });
      const audit = await db.auditEvent.findFirst({ where: { entityType: 'StatusReport', entityId: report.id }, orderBy: { at: 'desc' }, select: { action: true, actorId: true, after: true } });
      expect(audit).toMatchObject({ action: 'status-report.save', actorId: focal.id, after: { status: report.status, narrative: report.narrative, state: 'DRAFT', version: report.version } });
    }
    const upload = await db.auditEvent.findFirst({ where: { action: 'status-report.upload' }, select: { actorId: true, entityId: true, after: true } });
    expect(upload).toMatchObject({ actorId: focal.id, entityId: await entityId('ARG'), after: { fileName: 'worklist-ARG.xlsx', saved: 2, refusedRows: [] } });
    expect(await counts()).toEqual({ events: totalsBefore.events + 2, audits: totalsBefore.audits + 3, reports: totalsBefore.reports + 1 });
    // Drafts only: the events of this confirmation are two saves, nothing submitted.
    expect((await db.statusEvent.findMany({ where: { at: { gte: confirmedAt } }, select: { type: true } })).map((event) => event.type)).toEqual(['SAVED', 'SAVED']);

    // A preview is used once.
    const again = await confirm(focal, shown.stagedId);
    expect(again).toMatchObject({ ok: false, message: en.offline.refusals.expired });
    // The same file uploaded again changes nothing now: what it says is what is saved.
    const repeat = previewOf(await preview(focal, bytes));
    expect(repeat.changes).toEqual([]);
    expect(repeat.problems.map((row) => row.message)).toEqual([]);
  });
});

describe('rows that cannot be saved', () => {
  it('are each refused in words, and the others are saved', async () => {
    const focal = await person('focal-bra', 'FOCAL_POINT', 'BRA');
    const [c0, c1, c2] = world.commitments;
    const instrument = await db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } });
    const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA2' }, select: { id: true } });
    const extra = [];
    for (const letter of ['d', 'e', 'f', 'g']) {
      extra.push((await db.commitment.create({
        data: { instrumentId: instrument.id, thematicAreaId: area.id, reference: `1(${letter})`, kind: 'OPERATIONAL_RECOMMENDATION', order: 10 + extra.length, texts: { create: [{ locale: 'en', text: `[TEST] Synthetic commitment ${letter}.`, sourceName: 'test fixture' }] } },
        select: { id: true },
      })).id);
    }
    const [c3, c4, c5, c6] = extra;
    // An instrument that the open cycle does not cover.
    const outside = await db.instrument.create({ data: { code: 'OUT', symbol: 'OUT/1', title: { en: 'Outside the cycle (synthetic)' }, adoptedYear: 2026, adoptedBy: { en: 'Tests' } }, select: { id: true } });
    await db.cycleInstrument.deleteMany({ where: { instrumentId: outside.id } });
    const stray = await db.commitment.create({
      data: { instrumentId: outside.id, thematicAreaId: area.id, reference: '9(z)', kind: 'OPERATIONAL_RECOMMENDATION', order: 1, texts: { create: [{ locale: 'en', text: '[TEST] Outside.', sourceName: 'test fixture' }] } },
      select: { id: true },
    });

    await writeReport(focal, c0!, '[TEST] Submitted.', 'SUBMITTED');
    await writeReport(focal, c1!, '[TEST] Accepted.', 'ACCEPTED');
    const downloaded = await workbookFor(focal, '?lang=en');
    const bytes = await edited(downloaded, (sheet) => {
      sheet.set(c0!, H.narrative, '[TEST] Changing a submission.');
      sheet.set(c1!, H.status, 'Not started');
      sheet.set(c2!, H.status, 'Mostly done');
      sheet.set(c3!, H.narrative, 'x'.repeat(10_001));
      sheet.set(c4!, H.narrative, '[TEST] For Nigeria?');
      sheet.set(c4!, 'tracker:entity', 'NGA');
      sheet.set(c5!, H.narrative, '[TEST] Out of the cycle.');
      sheet.set(c5!, 'tracker:commitment', stray.id);
      sheet.set(c6!, H.narrative, '[TEST] Twice, first.');
      const twice = sheet.copy(c6!);
      twice.getCell(sheet.column(H.narrative)).value = '[TEST] Twice, second.';
    });
    const shown = previewOf(await preview(focal, bytes));
    expect(shown.changes).toEqual([]);
    const rowOf = async (commitmentId: string) => (await open(downloaded)).sheet.rowOf(commitmentId).number;
    const twiceRow = (await open(bytes)).sheet.sheet.rowCount;
    expect(shown.problems.map((row) => [row.row, row.message]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [await rowOf(c0!), problem('notEditable', { state: 'SUBMITTED' })],
      [await rowOf(c1!), problem('notEditable', { state: 'ACCEPTED' })],
      [await rowOf(c2!), problem('unknownStatus', { value: 'Mostly done', names: statusNames })],
      [await rowOf(c3!), problem('narrativeTooLong', { length: 10_001, max: 10_000 })],
      [await rowOf(c4!), problem('otherEntity', { entity: 'Nigeria', own: 'Brazil' })],
      [await rowOf(c5!), problem('notInCycle', { cycle: '2026' })],
      [await rowOf(c6!), problem('duplicate', { rows: twiceRow })],
      [twiceRow, problem('duplicate', { rows: await rowOf(c6!) })],
    ].sort((a, b) => Number(a[0]) - Number(b[0])));
    // The words, as a person reads them.
    expect(shown.problems.find((row) => row.label === 'TEST/1 1(c)')?.message)
      .toBe('“Mostly done” is not a status. Choose Not started, In progress, Substantially implemented, Fully implemented, or Not applicable, or leave the cell empty.');
    expect(shown.problems.find((row) => row.label === 'TEST/1 1(a)')?.message)
      .toBe('This report has been submitted for review: withdraw the submission on its page first to change it.');
    expect(shown.problems.find((row) => row.label === 'TEST/1 1(e)')?.message).toBe('This row is from the worklist of Nigeria; you report for Brazil.');

    // Nothing to confirm: the preview says so, and a confirmation saves nothing.
    const before = await counts();
    expect(await confirm(focal, shown.stagedId)).toMatchObject({ ok: true, data: { saved: 0, refused: 8 } });
    expect(await counts()).toEqual(before);
    expect(await reportOf('BRA', c0!)).toMatchObject({ state: 'SUBMITTED', narrative: '[TEST] Submitted.' });
    expect(await reportOf('BRA', c1!)).toMatchObject({ state: 'ACCEPTED', status: 'IN_PROGRESS' });
  });

  it('are refused when the row is one that was changed since the download: the other person\'s text stays', async () => {
    const [mine, theirs] = [await person('focal-chl', 'FOCAL_POINT', 'CHL'), await person('focal-chl-2', 'FOCAL_POINT', 'CHL')];
    const [c0, c1] = world.commitments;
    const draft = await writeReport(mine, c0!, '[TEST] Chile, first draft.');
    const downloaded = await workbookFor(mine, '?lang=en');
    // Meanwhile, a colleague saves the same report from its page, and starts another.
    await saveStatusReport(db, actor(theirs), {
      cycleId: world.cycle.id, entityId: theirs.entityId!, commitmentId: c0!, version: draft.version, status: 'FULLY_IMPLEMENTED',
      narrative: '[TEST] The colleague\'s text.', asOf: null, intent: 'save',
    });
    await writeReport(theirs, c1!, '[TEST] The colleague\'s new report.');
    const bytes = await edited(downloaded, (sheet) => {
      sheet.set(c0!, H.narrative, '[TEST] My offline text.');
      sheet.set(c1!, H.narrative, '[TEST] My text for a report that did not exist.');
      sheet.set(world.commitments[2]!, H.status, 'Not applicable');
    });
    const shown = previewOf(await preview(mine, bytes));
    expect(shown.changes.map((change) => change.label)).toEqual(['TEST/1 1(c)']);
    expect(shown.problems).toHaveLength(2);
    for (const row of shown.problems) {
      expect(row.message).toMatch(/^focal-chl-2 saved this report on \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\), after your download\. Your change is not saved and theirs stays/);
    }
    expect(await confirm(mine, shown.stagedId)).toMatchObject({ ok: true, data: { saved: 1, refused: 2 } });
    expect(await reportOf('CHL', c0!)).toMatchObject({ narrative: '[TEST] The colleague\'s text.', status: 'FULLY_IMPLEMENTED', updatedById: theirs.id });
    expect(await reportOf('CHL', c1!)).toMatchObject({ narrative: '[TEST] The colleague\'s new report.', updatedById: theirs.id });
    expect(await reportOf('CHL', world.commitments[2]!)).toMatchObject({ status: 'NOT_APPLICABLE', narrative: '', state: 'DRAFT' });
  });
});

describe('a confirmation', () => {
  it('saves nothing if anything changed since the preview, and shows the new preview instead', async () => {
    const [mine, theirs] = [await person('focal-col', 'FOCAL_POINT', 'COL'), await person('focal-col-2', 'FOCAL_POINT', 'COL')];
    const [c0, c1] = world.commitments;
    const bytes = await edited(await workbookFor(mine, '?lang=en'), (sheet) => {
      sheet.set(c0!, H.narrative, '[TEST] Colombia, offline, first.');
      sheet.set(c1!, H.narrative, '[TEST] Colombia, offline, second.');
    });
    const shown = previewOf(await preview(mine, bytes));
    expect(shown.changes).toHaveLength(2);
    // Between the preview and the confirmation, a colleague saves one of the two.
    await writeReport(theirs, c1!, '[TEST] The colleague was quicker.');
    const before = await counts();
    const refused = await confirm(mine, shown.stagedId);
    expect(refused).toMatchObject({ ok: false, message: en.offline.refusals.changedSincePreview });
    // Nothing at all was saved, not even the row nobody else touched.
    expect(await counts()).toEqual(before);
    expect(await reportOf('COL', c0!)).toBeNull();
    expect(await reportOf('COL', c1!)).toMatchObject({ narrative: '[TEST] The colleague was quicker.' });
    // The new preview comes with the refusal, without uploading the file again.
    const fresh = (refused as unknown as { details: { preview: Preview } }).details.preview;
    expect(fresh.changes.map((change) => change.label)).toEqual(['TEST/1 1(a)']);
    expect(fresh.problems.map((row) => row.label)).toEqual(['TEST/1 1(b)']);
    expect(await confirm(mine, fresh.stagedId)).toMatchObject({ ok: true, data: { saved: 1, refused: 1 } });
    expect(await reportOf('COL', c0!)).toMatchObject({ narrative: '[TEST] Colombia, offline, first.', version: 1 });
    expect(await reportOf('COL', c1!)).toMatchObject({ narrative: '[TEST] The colleague was quicker.' });
  });

  it('is all or nothing: a failure at its very last write (the upload\'s audit row) leaves no row saved', async () => {
    const focal = await person('focal-ecu', 'FOCAL_POINT', 'ECU');
    const [c0, c1] = world.commitments;
    const bytes = await edited(await workbookFor(focal, '?lang=en'), (sheet) => {
      sheet.set(c0!, H.narrative, '[TEST] Ecuador, saved first.');
      sheet.set(c1!, H.narrative, '[TEST] Ecuador, saved second.');
    });
    const shown = previewOf(await preview(focal, bytes));
    expect(shown.changes).toHaveLength(2);
    await db.$executeRaw`CREATE FUNCTION "test_refuse_offline"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."action" = 'status-report.upload' THEN RAISE EXCEPTION 'test: insert refused'; END IF;
        RETURN NEW;
      END $$`;
    await db.$executeRaw`CREATE TRIGGER "AuditEvent_test_offline" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "test_refuse_offline"()`;
    const before = await counts();
    try {
      await expect(mutations.confirmWorklistUpload(db, focal, shown.stagedId, 'en')).rejects.toThrow(/insert refused/);
    } finally {
      await db.$executeRaw`DROP TRIGGER "AuditEvent_test_offline" ON "AuditEvent"`;
      await db.$executeRaw`DROP FUNCTION "test_refuse_offline"()`;
    }
    expect(await counts()).toEqual(before);
    expect(await reportOf('ECU', c0!)).toBeNull();
    // The preview is still there, and goes through once nothing stands in its way.
    expect(await confirm(focal, shown.stagedId)).toMatchObject({ ok: true, data: { saved: 2 } });
    expect(await reportOf('ECU', c1!)).toMatchObject({ narrative: '[TEST] Ecuador, saved second.', state: 'DRAFT' });
  });

  it('is its uploader\'s only', async () => {
    const focal = await person('focal-ury', 'FOCAL_POINT', 'URY');
    const colleague = await person('focal-ury-2', 'FOCAL_POINT', 'URY');
    const bytes = await edited(await workbookFor(focal, '?lang=en'), (sheet) => sheet.set(world.commitments[0]!, H.narrative, '[TEST] Uruguay.'));
    const shown = previewOf(await preview(focal, bytes));
    expect(await confirm(colleague, shown.stagedId)).toMatchObject({ ok: false, message: en.offline.refusals.expired });
    expect(await confirm(world.users.focalNga, shown.stagedId)).toMatchObject({ ok: false, message: en.offline.refusals.expired });
    expect(await reportOf('URY', world.commitments[0]!)).toBeNull();
    expect(await confirm(focal, shown.stagedId)).toMatchObject({ ok: true, data: { saved: 1 } });
  });
});

describe('contributors', () => {
  it('download only the rows assigned to them, and an upload touching another row is refused for that row', async () => {
    const focal = await person('focal-per', 'FOCAL_POINT', 'PER');
    const contributor = await person('contributor-per', 'CONTRIBUTOR', 'PER');
    const [c0, c1] = world.commitments;
    await db.assignment.create({ data: { cycleId: world.cycle.id, entityId: contributor.entityId!, commitmentId: c0!, assigneeId: contributor.id, assignedById: focal.id } });

    const own = await workbookFor(contributor, '?lang=en');
    expect((await open(own)).sheet.commitmentIds()).toEqual([c0]);
    // A row of the coordinator's workbook, pasted in.
    const coordinators = await open(await workbookFor(focal, '?lang=en'));
    const pasted = (coordinators.sheet.rowOf(c1!).values as ExcelJS.CellValue[]).slice(1);
    const bytes = await edited(own, (sheet) => {
      sheet.set(c0!, H.narrative, '[TEST] Drafted by the contributor.');
      const row = sheet.sheet.addRow(pasted);
      row.getCell(sheet.column(H.narrative)).value = '[TEST] Not mine to write.';
    });
    const shown = previewOf(await preview(contributor, bytes));
    expect(shown.changes.map((change) => change.label)).toEqual(['TEST/1 1(a)']);
    expect(shown.problems.map((row) => [row.row, row.message])).toEqual([[3, problem('notAssigned')]]);
    expect(await confirm(contributor, shown.stagedId)).toMatchObject({ ok: true, data: { saved: 1, refused: 1 } });
    expect(await reportOf('PER', c0!)).toMatchObject({ narrative: '[TEST] Drafted by the contributor.', state: 'DRAFT', updatedById: contributor.id });
    expect(await reportOf('PER', c1!)).toBeNull();
  });
});

describe("another entity's rows", () => {
  it('are refused, row by row, and nothing of theirs changes', async () => {
    const [c0] = world.commitments;
    const downloaded = await workbookFor(world.users.focalMex, '?lang=en');
    const bytes = await edited(downloaded, (sheet) => sheet.set(c0!, H.narrative, '[TEST] Nigeria writing in Mexico\'s sheet.'));
    const before = await reportOf('MEX', c0!);
    const shown = previewOf(await preview(world.users.focalNga, bytes));
    expect(shown.changes).toEqual([]);
    expect(shown.problems.length).toBe((await open(downloaded)).sheet.commitmentIds().length);
    expect(new Set(shown.problems.map((row) => row.message))).toEqual(new Set([problem('otherEntity', { entity: 'Mexico', own: 'Nigeria' })]));
    await confirm(world.users.focalNga, shown.stagedId);
    expect(await reportOf('MEX', c0!)).toEqual(before);
    expect(await reportOf('NGA', c0!)).toBeNull();
  });

  it('cannot be uploaded by anyone who edits no report: the secretariat, a viewer, nobody', async () => {
    const bytes = await workbookFor(world.users.focalMex, '?lang=en');
    expect(await preview(world.users.secretariat, bytes)).toMatchObject({ ok: false, message: en.actions.forbidden });
    expect(await preview(world.users.viewer, bytes)).toMatchObject({ ok: false, message: en.actions.forbidden });
    expect(await preview(null, bytes)).toMatchObject({ ok: false, message: en.actions.signedOut });
  });
});

describe('files that are not a worklist workbook', () => {
  const fileError = (state: PreviewState) => (state && !state.ok ? state.fieldErrors.file : undefined);

  it('get a clear message on the file field, and nothing is kept', async () => {
    const focal = world.users.focalMex;
    const staged = await db.stagedImport.count();
    const csv = new TextEncoder().encode('Reference,Status,Narrative\n1(a),In progress,Text\n');
    expect(fileError(await preview(focal, csv, 'worklist.csv'))).toEqual([en.offline.fileProblems.notXlsx]);

    const good = await workbookFor(focal, '?lang=en');
    const damaged = good.subarray(0, Math.floor(good.byteLength * 0.6));
    expect(fileError(await preview(focal, damaged))).toEqual([en.offline.fileProblems.corrupt]);

    const large = new Uint8Array(5 * 1024 * 1024 + 1);
    large.set(good);
    expect(fileError(await preview(focal, large))).toEqual([message('offline', 'fileProblems.tooLarge', { max: '5 MB' })]);

    const other = new ExcelJS.Workbook();
    other.addWorksheet('Budget').addRow(['Ministry', 'Amount']);
    expect(fileError(await preview(focal, new Uint8Array(await other.xlsx.writeBuffer())))).toEqual([en.offline.fileProblems.notOurs]);

    expect(fileError(await preview(focal, new Uint8Array(), 'empty.xlsx'))).toEqual([en.offline.fileProblems.empty]);
    const state = await preview(focal, csv, 'worklist.csv');
    expect(state).toMatchObject({ ok: false, message: en.offline.fileProblems.notXlsx });
    expect(await db.stagedImport.count()).toBe(staged);
  });
});
