// The status workflow against real PostgreSQL: save, submit, withdraw, review; optimistic locking
// under real concurrency; one transaction per step; a focal point confined to its own entity;
// the cycle's state; and a report's evidence. Every text here is synthetic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptStatusReports, reviewStatusReport, saveStatusReport, withdrawStatusReport, type ReportActor,
} from '@/lib/status-reports/mutations';
import { linkReportParagraph, linkReportUrl, removeReportEvidence } from '@/lib/status-reports/evidence-mutations';
import type { SaveReportInput } from '@/lib/status-reports/schemas';
import { changeCycleState } from '@/lib/cycles/mutations';
import { DomainError } from '@/lib/errors';
import type { Db } from '@/lib/db/client';
import { createTestDatabase } from '../support/test-database';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
let focalMex: ReportActor;
let focalMex2: ReportActor;
let focalNga: ReportActor;
let secretariat: ReportActor;
let paragraphId: string;

/** A moment inside the open cycle (2026), so that no test depends on the clock. */
const on = (day: string) => new Date(`2026-${day}T12:00:00Z`);

/** The key of a rejected promise, or 'resolved'; an unexpected error is rethrown. */
const errorKey = (promise: Promise<unknown>) =>
  promise.then(() => 'resolved', (error: unknown) => {
    if (error instanceof DomainError) return error.key;
    throw error;
  });

let commitmentCount = 0;
/** A fresh commitment in the cycle's scope, so that each test has reports of its own. */
async function newCommitment(): Promise<string> {
  commitmentCount += 1;
  const instrument = await db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } });
  const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
  const commitment = await db.commitment.create({
    data: {
      instrumentId: instrument.id, thematicAreaId: area.id, reference: `9(${commitmentCount})`, kind: 'OPERATIONAL_RECOMMENDATION', order: 100 + commitmentCount,
      texts: { create: [{ locale: 'en', text: `[TEST] Synthetic commitment ${commitmentCount}.`, sourceName: 'test fixture' }] },
    },
    select: { id: true },
  });
  return commitment.id;
}

/** A save of Mexico's report on `commitmentId`, as the form sends it. */
function form(commitmentId: string, overrides: Partial<SaveReportInput> = {}): SaveReportInput {
  return {
    cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId, version: 0,
    status: 'IN_PROGRESS', narrative: '[TEST] Synthetic narrative.', asOf: null, intent: 'save', ...overrides,
  };
}

/** A new Mexican report in the given state, written through the mutations. */
async function reportIn(state: 'DRAFT' | 'SUBMITTED', narrative = '[TEST] Synthetic narrative.') {
  const commitmentId = await newCommitment();
  let result = await saveStatusReport(db, focalMex, form(commitmentId, { narrative }), on('06-01'));
  if (state === 'SUBMITTED') result = await saveStatusReport(db, focalMex, form(commitmentId, { narrative, version: result.version, intent: 'submit' }), on('06-01'));
  return { ...result, commitmentId };
}

const reportRow = (id: string) =>
  db.statusReport.findUniqueOrThrow({ where: { id }, select: { state: true, version: true, status: true, narrative: true, submittedAt: true, submittedById: true } });

const eventsOf = (reportId: string) =>
  db.statusEvent.findMany({ where: { statusReportId: reportId }, orderBy: { at: 'asc' }, select: { type: true, byId: true, comment: true, snapshot: true, at: true } });

const auditOf = (reportId: string) =>
  db.auditEvent.findMany({ where: { entityType: 'StatusReport', entityId: reportId }, orderBy: { at: 'asc' }, select: { action: true, actorId: true, before: true, after: true } });

/** Everything a refused call must leave as it was. */
const totals = async () => ({
  reports: await db.statusReport.count(),
  events: await db.statusEvent.count(),
  audit: await db.auditEvent.count(),
  evidence: await db.evidenceLink.count(),
});

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  ({ focalMex, focalMex2, focalNga, secretariat } = world.users);
  const document = await db.sourceDocument.create({
    data: { symbol: 'TEST/DOC/1', title: '[TEST] Synthetic document', language: 'en', kind: 'OTHER', checksum: 'synthetic' },
  });
  paragraphId = (await db.paragraph.create({ data: { documentId: document.id, number: 1, sectionPath: 'I', text: '[TEST] Synthetic paragraph.' } })).id;
});

afterAll(() => database.drop());

describe('saving and submitting', () => {
  it('saves a new report as a draft, with one timeline event and one audit row', async () => {
    const commitmentId = await newCommitment();
    const result = await saveStatusReport(db, focalMex, form(commitmentId, { narrative: '[TEST] First draft.', asOf: '2026-05-31' }), on('06-02'));

    expect(result).toMatchObject({ state: 'DRAFT', version: 1 });
    expect(await reportRow(result.id)).toMatchObject({ state: 'DRAFT', version: 1, status: 'IN_PROGRESS', narrative: '[TEST] First draft.', submittedAt: null });
    const events = await eventsOf(result.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'SAVED', byId: focalMex.id, at: on('06-02') });
    expect(events[0]!.snapshot).toMatchObject({ state: 'DRAFT', version: 1, narrative: '[TEST] First draft.', asOf: '2026-05-31' });
    const audit = await auditOf(result.id);
    expect(audit).toHaveLength(1);
    // Nothing stood before a first save.
    expect(audit[0]).toMatchObject({ action: 'status-report.save', actorId: focalMex.id, before: null });
    expect(audit[0]!.after).toMatchObject({ state: 'DRAFT', version: 1, narrative: '[TEST] First draft.' });
  });

  it('refuses a submission without a status, and writes nothing', async () => {
    const before = await totals();
    const commitmentId = await newCommitment();
    expect(await errorKey(saveStatusReport(db, focalMex, form(commitmentId, { status: null, intent: 'submit' }), on('06-02')))).toBe('statusReports.statusRequired');
    expect(await totals()).toEqual(before);

    const draft = await saveStatusReport(db, focalMex, form(commitmentId, { status: null }), on('06-02'));
    expect(await errorKey(saveStatusReport(db, focalMex, form(commitmentId, { status: null, version: draft.version, intent: 'submit' }), on('06-03'))))
      .toBe('statusReports.statusRequired');
    expect(await reportRow(draft.id)).toMatchObject({ state: 'DRAFT', version: draft.version, status: null });
  });

  it('records who submitted and when', async () => {
    const draft = await reportIn('DRAFT');
    // Another focal point of the same entity may submit what a colleague drafted.
    const result = await saveStatusReport(db, focalMex2, form(draft.commitmentId, { version: draft.version, intent: 'submit' }), on('06-03'));
    expect(result).toMatchObject({ state: 'SUBMITTED', version: draft.version + 1, late: false });
    expect(await reportRow(draft.id)).toMatchObject({ state: 'SUBMITTED', submittedAt: on('06-03'), submittedById: focalMex2.id });
    expect((await eventsOf(draft.id)).map((event) => event.type)).toEqual(['SAVED', 'SUBMITTED']);
    expect((await auditOf(draft.id)).map((row) => row.action)).toEqual(['status-report.save', 'status-report.submit']);
  });

  it('refuses writes before the cycle opens, and marks a submission after the deadline as late', async () => {
    const commitmentId = await newCommitment();
    expect(await errorKey(saveStatusReport(db, focalMex, form(commitmentId), new Date('2025-12-31T23:00:00Z')))).toBe('statusReports.refused.cycleNotStarted');
    const late = await saveStatusReport(db, focalMex, form(commitmentId, { intent: 'submit' }), new Date('2027-01-05T00:00:00Z'));
    expect(late).toMatchObject({ state: 'SUBMITTED', late: true });
    expect((await eventsOf(late.id))[0]!.snapshot).toMatchObject({ late: true });
  });
});

describe('optimistic concurrency', () => {
  it('lets one of 20 parallel saves of the same version win; the others get a conflict showing its text', async () => {
    const draft = await reportIn('DRAFT');
    const eventsBefore = (await eventsOf(draft.id)).length;
    const auditBefore = (await auditOf(draft.id)).length;
    const narratives = Array.from({ length: 20 }, (_, index) => `[TEST] Parallel narrative ${index}.`);

    const results = await Promise.allSettled(narratives.map((narrative, index) =>
      saveStatusReport(db, index % 2 ? focalMex2 : focalMex, form(draft.commitmentId, { narrative, version: draft.version }), on('06-04'))));

    const won = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    expect(won).toHaveLength(1);
    const winner = narratives[won[0]!]!;
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      expect(result.reason).toBeInstanceOf(DomainError);
      expect(result.reason.key).toBe('statusReports.conflict');
      expect(result.reason.details.conflict).toMatchObject({ narrative: winner, version: draft.version + 1 });
    }
    expect(await reportRow(draft.id)).toMatchObject({ narrative: winner, version: draft.version + 1 });
    expect((await eventsOf(draft.id)).length).toBe(eventsBefore + 1);
    expect((await auditOf(draft.id)).length).toBe(auditBefore + 1);
  });

  it('lets one of 20 parallel first saves create the report', async () => {
    const commitmentId = await newCommitment();
    const narratives = Array.from({ length: 20 }, (_, index) => `[TEST] First parallel narrative ${index}.`);

    const results = await Promise.allSettled(narratives.map((narrative, index) =>
      saveStatusReport(db, index % 2 ? focalMex2 : focalMex, form(commitmentId, { narrative }), on('06-04'))));

    const won = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    expect(won).toHaveLength(1);
    const winner = narratives[won[0]!]!;
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ key: 'statusReports.conflict', details: { conflict: { narrative: winner } } });
    }
    const reports = await db.statusReport.findMany({ where: { commitmentId }, select: { id: true, narrative: true } });
    expect(reports).toEqual([{ id: expect.any(String), narrative: winner }]);
    expect(await eventsOf(reports[0]!.id)).toHaveLength(1);
    expect(await auditOf(reports[0]!.id)).toHaveLength(1);
  });
});

describe('a double-clicked submit', () => {
  const submittedEvents = async (reportId: string) => (await eventsOf(reportId)).filter((event) => event.type === 'SUBMITTED').length;

  it('sent twice at once is one submission, and both answers say it worked', async () => {
    const draft = await reportIn('DRAFT');
    const submit = form(draft.commitmentId, { version: draft.version, intent: 'submit', narrative: '[TEST] Submitted once.' });
    const results = await Promise.all([saveStatusReport(db, focalMex, submit, on('06-05')), saveStatusReport(db, focalMex, submit, on('06-05'))]);
    expect(results.map((result) => result.state)).toEqual(['SUBMITTED', 'SUBMITTED']);
    expect(results.filter((result) => result.repeated)).toHaveLength(1);
    expect(results.map((result) => result.version)).toEqual([draft.version + 1, draft.version + 1]);
    expect(await submittedEvents(draft.id)).toBe(1);
    expect((await auditOf(draft.id)).filter((row) => row.action === 'status-report.submit')).toHaveLength(1);
  });

  it('sent twice one after the other is one submission too', async () => {
    const draft = await reportIn('DRAFT');
    const submit = form(draft.commitmentId, { version: draft.version, intent: 'submit' });
    const first = await saveStatusReport(db, focalMex, submit, on('06-05'));
    const second = await saveStatusReport(db, focalMex, submit, on('06-05'));
    expect(first).toMatchObject({ state: 'SUBMITTED', version: draft.version + 1 });
    expect(first.repeated).toBeUndefined();
    expect(second).toMatchObject({ state: 'SUBMITTED', version: draft.version + 1, repeated: true });
    expect(await submittedEvents(draft.id)).toBe(1);
  });

  it('on a report not saved before is one submission too', async () => {
    const commitmentId = await newCommitment();
    const submit = form(commitmentId, { intent: 'submit' });
    const results = await Promise.all([saveStatusReport(db, focalMex, submit, on('06-05')), saveStatusReport(db, focalMex, submit, on('06-05'))]);
    expect(results.map((result) => [result.state, result.version])).toEqual([['SUBMITTED', 1], ['SUBMITTED', 1]]);
    expect(results.filter((result) => result.repeated)).toHaveLength(1);
    expect(await submittedEvents(results[0]!.id)).toBe(1);
    expect(await saveStatusReport(db, focalMex, submit, on('06-05'))).toMatchObject({ repeated: true });
    expect(await eventsOf(results[0]!.id)).toHaveLength(1);
  });

  it('is not confused with someone else sending the same text', async () => {
    const draft = await reportIn('DRAFT');
    const submit = form(draft.commitmentId, { version: draft.version, intent: 'submit' });
    await saveStatusReport(db, focalMex, submit, on('06-05'));
    expect(await errorKey(saveStatusReport(db, focalMex2, submit, on('06-05')))).toBe('statusReports.refused.fromState.submit');
  });
});

describe('atomicity', () => {
  // Inserts into a history table fail while "TestPoison" names that table and a text the new row
  // holds: a failure forced after the state change, to see the whole transaction undone.
  beforeAll(async () => {
    await db.$executeRaw`CREATE TABLE "TestPoison" ("tableName" TEXT NOT NULL, "marker" TEXT NOT NULL)`;
    await db.$executeRaw`CREATE FUNCTION "test_refuse_poison"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "TestPoison" p WHERE p."tableName" = TG_TABLE_NAME AND strpos(row_to_json(NEW)::text, p."marker") > 0) THEN
          RAISE EXCEPTION 'test: insert refused';
        END IF;
        RETURN NEW;
      END $$`;
    await db.$executeRaw`CREATE TRIGGER "StatusEvent_test_poison" BEFORE INSERT ON "StatusEvent" FOR EACH ROW EXECUTE FUNCTION "test_refuse_poison"()`;
    await db.$executeRaw`CREATE TRIGGER "AuditEvent_test_poison" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "test_refuse_poison"()`;
  });

  /** Makes inserts into `table` of a row holding `marker` fail, for the duration of `run`. */
  async function withFailingInsert(table: 'StatusEvent' | 'AuditEvent', marker: string, run: () => Promise<void>) {
    await db.$executeRaw`INSERT INTO "TestPoison" ("tableName", "marker") VALUES (${table}, ${marker})`;
    try {
      await run();
    } finally {
      await db.$executeRaw`DELETE FROM "TestPoison"`;
    }
  }

  it('undoes the state change when the timeline event cannot be written', async () => {
    const draft = await reportIn('DRAFT');
    const before = { row: await reportRow(draft.id), totals: await totals() };
    await withFailingInsert('StatusEvent', '[TEST] Poison.', async () => {
      await expect(saveStatusReport(db, focalMex, form(draft.commitmentId, { version: draft.version, intent: 'submit', narrative: '[TEST] Poison.' }), on('06-06')))
        .rejects.toThrow(/insert refused/);
    });
    expect(await reportRow(draft.id)).toEqual(before.row);
    expect(await totals()).toEqual(before.totals);
    // And the same save goes through once nothing stands in its way.
    await saveStatusReport(db, focalMex, form(draft.commitmentId, { version: draft.version, intent: 'submit', narrative: '[TEST] Poison.' }), on('06-06'));
    expect(await reportRow(draft.id)).toMatchObject({ state: 'SUBMITTED', version: draft.version + 1 });
  });

  it('undoes the state change and the timeline event when the audit row cannot be written', async () => {
    const submitted = await reportIn('SUBMITTED');
    const before = { row: await reportRow(submitted.id), totals: await totals() };
    await withFailingInsert('AuditEvent', submitted.id, async () => {
      await expect(reviewStatusReport(db, secretariat, { reportId: submitted.id, version: submitted.version, decision: 'accept', comment: '' }, on('06-06')))
        .rejects.toThrow(/insert refused/);
      await expect(withdrawStatusReport(db, focalMex, { reportId: submitted.id, version: submitted.version }, on('06-06'))).rejects.toThrow(/insert refused/);
    });
    expect(await reportRow(submitted.id)).toEqual(before.row);
    expect(await totals()).toEqual(before.totals);
  });

  it('leaves no report behind when the first save fails', async () => {
    const commitmentId = await newCommitment();
    const before = await totals();
    await withFailingInsert('AuditEvent', '[TEST] Poison first.', async () => {
      await expect(saveStatusReport(db, focalMex, form(commitmentId, { narrative: '[TEST] Poison first.' }), on('06-06'))).rejects.toThrow(/insert refused/);
    });
    expect(await totals()).toEqual(before);
  });
});

describe("another entity's reports", () => {
  it('are not found by a focal point, exactly like reports that do not exist, and nothing is written', async () => {
    const draft = await reportIn('DRAFT');
    const submitted = await reportIn('SUBMITTED');
    const link = await linkReportUrl(db, focalMex, { reportId: draft.id, url: 'https://example.test/evidence', title: '[TEST] Page', note: '' }, on('06-07'));
    const unsaved = await newCommitment();
    const before = { draft: await reportRow(draft.id), submitted: await reportRow(submitted.id), totals: await totals() };
    const notFound = 'statusReports.notFound';

    for (const reportId of [submitted.id, 'no-such-report']) {
      expect(await errorKey(withdrawStatusReport(db, focalNga, { reportId, version: submitted.version }, on('06-07')))).toBe(notFound);
      expect(await errorKey(reviewStatusReport(db, focalNga, { reportId, version: submitted.version, decision: 'accept', comment: '' }, on('06-07')))).toBe(notFound);
      expect(await errorKey(reviewStatusReport(db, focalNga, { reportId, version: submitted.version, decision: 'return', comment: '[TEST] No.' }, on('06-07')))).toBe(notFound);
    }
    for (const reportId of [draft.id, 'no-such-report']) {
      expect(await errorKey(linkReportUrl(db, focalNga, { reportId, url: 'https://example.test/other', title: '[TEST] Page', note: '' }, on('06-07')))).toBe(notFound);
      expect(await errorKey(linkReportParagraph(db, focalNga, { reportId, paragraphId, note: '' }, on('06-07')))).toBe(notFound);
      expect(await errorKey(removeReportEvidence(db, focalNga, { reportId, evidenceId: link.id }, on('06-07')))).toBe(notFound);
    }
    // Saving under Mexico's key, at the right version or at none, for a report that exists or not.
    for (const input of [
      form(draft.commitmentId, { version: draft.version, narrative: '[TEST] Intruder.' }),
      form(draft.commitmentId, { version: 0, narrative: '[TEST] Intruder.' }),
      form(submitted.commitmentId, { version: submitted.version, intent: 'submit' }),
      form(unsaved, { narrative: '[TEST] Intruder.' }),
      form(draft.commitmentId, { entityId: 'no-such-entity' }),
    ]) {
      expect(await errorKey(saveStatusReport(db, focalNga, input, on('06-07')))).toBe(notFound);
    }

    expect(await reportRow(draft.id)).toEqual(before.draft);
    expect(await reportRow(submitted.id)).toEqual(before.submitted);
    expect(await totals()).toEqual(before.totals);
  });
});

describe('review', () => {
  it('accepts only submissions, only by reviewers, and keeps the whole timeline', async () => {
    const draft = await reportIn('DRAFT', '[TEST] Reviewed narrative.');
    const review = (version: number, decision: 'accept' | 'return', comment = '', actor = secretariat, day = '06-10') =>
      reviewStatusReport(db, actor, { reportId: draft.id, version, decision, comment }, on(day));

    expect(await errorKey(review(draft.version, 'accept'))).toBe('statusReports.refused.fromState.accept');
    const submitted = await saveStatusReport(db, focalMex, form(draft.commitmentId, { version: draft.version, intent: 'submit', narrative: '[TEST] Reviewed narrative.' }), on('06-08'));
    expect(await errorKey(review(submitted.version, 'accept', '', focalMex))).toBe('statusReports.refused.role');
    expect(await errorKey(review(submitted.version, 'return', '   '))).toBe('statusReports.commentRequired');
    expect(await reportRow(draft.id)).toMatchObject({ state: 'SUBMITTED', version: submitted.version });

    const returned = await review(submitted.version, 'return', '[TEST] Please add evidence.', secretariat, '06-09');
    expect(returned.state).toBe('RETURNED');
    const resubmitted = await saveStatusReport(db, focalMex, form(draft.commitmentId, { version: returned.version, intent: 'submit', narrative: '[TEST] Reviewed narrative.' }), on('06-10'));
    const accepted = await review(resubmitted.version, 'accept', '', world.users.admin, '06-11');
    expect(accepted).toMatchObject({ state: 'ACCEPTED', version: resubmitted.version + 1 });
    expect(await errorKey(review(accepted.version, 'accept'))).toBe('statusReports.refused.fromState.accept');
    expect(await errorKey(review(resubmitted.version, 'accept'))).toBe('statusReports.refused.fromState.accept');

    const timeline = await eventsOf(draft.id);
    expect(timeline.map((event) => [event.type, event.comment])).toEqual([
      ['SAVED', null], ['SUBMITTED', null], ['RETURNED', '[TEST] Please add evidence.'], ['SUBMITTED', null], ['ACCEPTED', null],
    ]);
    expect(timeline[4]!.snapshot).toMatchObject({ state: 'ACCEPTED', status: 'IN_PROGRESS', narrative: '[TEST] Reviewed narrative.', evidence: [] });
    // What summaries group by is kept, by the database, as it stood at acceptance.
    expect(await db.acceptedStatus.findUniqueOrThrow({
      where: { statusReportId: draft.id },
      select: { status: true, entityKind: true, regionalGroup: true, thematicArea: { select: { code: true } } },
    })).toEqual({ status: 'IN_PROGRESS', entityKind: 'MEMBER_STATE', regionalGroup: 'LATIN_AMERICAN_CARIBBEAN', thematicArea: { code: 'TA1' } });
    expect((await auditOf(draft.id)).map((row) => row.action)).toEqual([
      'status-report.save', 'status-report.submit', 'status-report.return', 'status-report.submit', 'status-report.accept',
    ]);
  });

  it('is refused while the cycle is closed', async () => {
    const submitted = await reportIn('SUBMITTED');
    await changeCycleState(db, world.users.admin, 'close', { code: world.cycle.code, reason: '' });
    try {
      for (const decision of ['accept', 'return'] as const) {
        expect(await errorKey(reviewStatusReport(db, secretariat, { reportId: submitted.id, version: submitted.version, decision, comment: '[TEST] Late.' }, on('06-12'))))
          .toBe('statusReports.refused.cycleNotOpen');
      }
    } finally {
      await changeCycleState(db, world.users.admin, 'reopen', { code: world.cycle.code, reason: '[TEST] Reopened after a test.' });
    }
    expect(await reportRow(submitted.id)).toMatchObject({ state: 'SUBMITTED', version: submitted.version });
  });
});

describe('withdrawing', () => {
  it('turns a submission back into a draft', async () => {
    const submitted = await reportIn('SUBMITTED');
    const result = await withdrawStatusReport(db, focalMex2, { reportId: submitted.id, version: submitted.version }, on('06-13'));
    expect(result).toMatchObject({ state: 'DRAFT', version: submitted.version + 1 });
    expect(await reportRow(submitted.id)).toMatchObject({ state: 'DRAFT', submittedAt: null, submittedById: null });
    expect((await eventsOf(submitted.id)).at(-1)).toMatchObject({ type: 'WITHDRAWN', byId: focalMex2.id });
    expect(await errorKey(withdrawStatusReport(db, focalMex, { reportId: submitted.id, version: result.version }, on('06-13')))).toBe('statusReports.refused.fromState.withdraw');
  });

  it('is refused once the report is accepted', async () => {
    const submitted = await reportIn('SUBMITTED');
    const accepted = await reviewStatusReport(db, secretariat, { reportId: submitted.id, version: submitted.version, decision: 'accept', comment: '' }, on('06-13'));
    expect(await errorKey(withdrawStatusReport(db, focalMex, { reportId: submitted.id, version: accepted.version }, on('06-14')))).toBe('statusReports.refused.fromState.withdraw');
    expect(await reportRow(submitted.id)).toMatchObject({ state: 'ACCEPTED', version: accepted.version });
  });
});

describe('accepting several reports', () => {
  it('accepts those unchanged since the reviewer saw them and names the one that changed', async () => {
    const reports = [await reportIn('SUBMITTED'), await reportIn('SUBMITTED'), await reportIn('SUBMITTED')];
    const seen = reports.map((report) => ({ reportId: report.id, version: report.version }));
    // Meanwhile the focal point takes the second one back.
    await withdrawStatusReport(db, focalMex, seen[1]!, on('06-15'));

    const result = await acceptStatusReports(db, secretariat, seen, on('06-16'));
    expect(result.accepted).toBe(2);
    expect(result.skipped.map((skip) => [skip.reportId, skip.error.key])).toEqual([[reports[1]!.id, 'statusReports.refused.fromState.accept']]);
    expect((await Promise.all(reports.map((report) => reportRow(report.id)))).map((row) => row.state)).toEqual(['ACCEPTED', 'DRAFT', 'ACCEPTED']);
    expect(await errorKey(acceptStatusReports(db, focalMex, seen, on('06-16')))).toBe('statusReports.refused.role');
  });
});

describe('closing the cycle', () => {
  it('freezes saving and submitting; reopening lets saving resume', async () => {
    const draft = await reportIn('DRAFT');
    const unsaved = await newCommitment();
    await changeCycleState(db, world.users.admin, 'close', { code: world.cycle.code, reason: '' });
    try {
      const before = await totals();
      expect(await errorKey(saveStatusReport(db, focalMex, form(draft.commitmentId, { version: draft.version, narrative: '[TEST] Too late.' }), on('06-17'))))
        .toBe('statusReports.refused.cycleNotOpen');
      expect(await errorKey(saveStatusReport(db, focalMex, form(draft.commitmentId, { version: draft.version, intent: 'submit' }), on('06-17'))))
        .toBe('statusReports.refused.cycleNotOpen');
      expect(await errorKey(saveStatusReport(db, focalMex, form(unsaved), on('06-17')))).toBe('statusReports.refused.cycleNotOpen');
      expect(await errorKey(linkReportUrl(db, focalMex, { reportId: draft.id, url: 'https://example.test/late', title: '[TEST] Late', note: '' }, on('06-17'))))
        .toBe('statusReports.evidenceLocked');
      expect(await totals()).toEqual(before);
      expect(await errorKey(changeCycleState(db, world.users.admin, 'reopen', { code: world.cycle.code, reason: ' ' }))).toBe('cycles.reasonRequired');
    } finally {
      await changeCycleState(db, world.users.admin, 'reopen', { code: world.cycle.code, reason: '[TEST] Deadline extended.' });
    }
    const saved = await saveStatusReport(db, focalMex, form(draft.commitmentId, { version: draft.version, narrative: '[TEST] After reopening.' }), on('06-18'));
    expect(await reportRow(saved.id)).toMatchObject({ narrative: '[TEST] After reopening.', version: draft.version + 1 });
  });
});

describe("a report's evidence", () => {
  it('changes while the report is a draft, without changing its version', async () => {
    const draft = await reportIn('DRAFT');
    const paragraph = await linkReportParagraph(db, focalMex, { reportId: draft.id, paragraphId, note: '[TEST] Note.' }, on('06-19'));
    const page = await linkReportUrl(db, focalMex2, { reportId: draft.id, url: 'https://example.test/page', title: '[TEST] Page', note: '' }, on('06-19'));
    expect(await db.evidenceLink.findMany({ where: { statusReportId: draft.id }, select: { id: true, kind: true }, orderBy: { kind: 'asc' } }))
      .toEqual([{ id: paragraph.id, kind: 'PARAGRAPH' }, { id: page.id, kind: 'URL' }]);
    expect(await db.auditEvent.count({ where: { action: 'status-report.evidence.link', entityId: { in: [paragraph.id, page.id] } } })).toBe(2);
    await removeReportEvidence(db, focalMex, { reportId: draft.id, evidenceId: page.id }, on('06-19'));
    // The narrative open in another tab still saves without a conflict.
    expect(await reportRow(draft.id)).toMatchObject({ version: draft.version });
    const submitted = await saveStatusReport(db, focalMex, form(draft.commitmentId, { version: draft.version, intent: 'submit' }), on('06-20'));
    // The submission records what it rested on: the paragraph, cited.
    expect((await eventsOf(draft.id)).at(-1)!.snapshot).toMatchObject({
      evidence: [{ id: paragraph.id, kind: 'PARAGRAPH', number: expect.any(Number), symbol: expect.any(String), note: '[TEST] Note.' }],
    });

    // Submitted: the evidence is what the reviewer reviews, and stays as it is.
    const before = await totals();
    expect(await errorKey(linkReportUrl(db, focalMex, { reportId: draft.id, url: 'https://example.test/later', title: '[TEST] Later', note: '' }, on('06-21'))))
      .toBe('statusReports.evidenceLocked');
    expect(await errorKey(linkReportParagraph(db, focalMex, { reportId: draft.id, paragraphId, note: '' }, on('06-21')))).toBe('statusReports.evidenceLocked');
    expect(await errorKey(removeReportEvidence(db, focalMex, { reportId: draft.id, evidenceId: paragraph.id }, on('06-21')))).toBe('statusReports.evidenceLocked');
    expect(await errorKey(linkReportUrl(db, focalNga, { reportId: draft.id, url: 'https://example.test/later', title: '[TEST] Later', note: '' }, on('06-21'))))
      .toBe('statusReports.notFound');
    expect(await totals()).toEqual(before);
    expect(await reportRow(draft.id)).toMatchObject({ state: 'SUBMITTED', version: submitted.version });
  });
});
