// What the database itself guarantees, whatever the code above it does: the timeline and the
// audit trail are append-only (for the owner too, by trigger; for the application's role, also by
// privileges), history keeps who acted as written, and the workflow's invariants are constraints.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewStatusReport, saveStatusReport, type WriteResult } from '@/lib/status-reports/mutations';
import PgBoss from 'pg-boss';
import { appRoleGrants, grantAppRole } from '@/lib/db/app-role';
import { JOBS_SCHEMA, OUTBOX_QUEUE, QUEUES, queueOptions } from '@/lib/jobs/definitions';
import { recordAudit } from '@/lib/audit/record';
import { changeCycleState } from '@/lib/cycles/mutations';
import { linkReportUrl } from '@/lib/status-reports/evidence-mutations';
import { createPrismaClient, type Db } from '@/lib/db/client';
import { importDocument } from '@/lib/documents/import-document';
import { suggestEvidence } from '@/lib/evidence/mutations';
import { createTestDatabase } from '../support/test-database';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';


/** The SQLSTATEs of a row still referenced by a foreign key. */
const REFERENCED = ['23503', '23001'];
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
/** The owner of the tables (the role migrations run as), for raw SQL. */
let owner: pg.Client;
let report: WriteResult;

const on = (day: string) => new Date(`2026-${day}T12:00:00Z`);

/** The PostgreSQL error a statement fails with; fails the test if it succeeds. */
async function sqlError(client: pg.Client, sql: string, values: unknown[] = []): Promise<pg.DatabaseError> {
  try {
    await client.query(sql, values);
  } catch (error) {
    if (error instanceof pg.DatabaseError) return error;
    throw error;
  }
  throw new Error(`Expected the statement to fail: ${sql}`);
}

const historyRows = async () => ({
  events: (await owner.query('SELECT * FROM "StatusEvent" ORDER BY "id"')).rows,
  audit: (await owner.query('SELECT * FROM "AuditEvent" ORDER BY "id"')).rows,
});

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
  const draft = await saveStatusReport(db, world.users.focalMex, {
    cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: world.commitments[0]!, version: 0,
    status: 'IN_PROGRESS', narrative: '[TEST] Synthetic narrative.', asOf: null, intent: 'save',
  }, on('06-01'));
  report = await saveStatusReport(db, world.users.focalMex, {
    cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: world.commitments[0]!, version: draft.version,
    status: 'IN_PROGRESS', narrative: '[TEST] Synthetic narrative.', asOf: null, intent: 'submit',
  }, on('06-02'));
});

afterAll(async () => {
  await owner?.end();
  await database.drop();
});

describe('the timeline and the audit trail', () => {
  it('cannot be updated, deleted or truncated, even by the owner of the tables', async () => {
    const before = await historyRows();
    expect(before.events).toHaveLength(2);
    expect(before.audit.length).toBeGreaterThanOrEqual(2);
    for (const table of ['StatusEvent', 'AuditEvent']) {
      const column = table === 'StatusEvent' ? 'comment' : 'action';
      for (const sql of [`UPDATE "${table}" SET "${column}" = '[TEST] rewritten'`, `DELETE FROM "${table}"`, `TRUNCATE "${table}"`]) {
        const error = await sqlError(owner, sql);
        expect(error.message).toMatch(new RegExp(`${table} is append-only`));
        expect(error.code).toBe('42501');
      }
    }
    // Nor by cascading from the tables they point at.
    expect((await sqlError(owner, 'TRUNCATE "User" CASCADE')).message).toMatch(/append-only/);
    expect((await sqlError(owner, 'UPDATE "User" SET "id" = $1 WHERE "id" = $2', ['renamed-id', world.users.focalMex.id])).message).toMatch(/append-only/);
    // Nor through Prisma.
    await expect(db.statusEvent.updateMany({ data: { comment: '[TEST] rewritten' } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await historyRows()).toEqual(before);
  });

  it('keeps the report and the people it names from being deleted', async () => {
    const reportDelete = await sqlError(owner, 'DELETE FROM "StatusReport" WHERE "id" = $1', [report.id]);
    // A foreign key's refusal: 23503, or 23001 where PostgreSQL reports ON DELETE RESTRICT as such (18).
    expect(REFERENCED).toContain(reportDelete.code);
    expect(reportDelete.constraint).toBe('StatusEvent_statusReportId_fkey');
    await expect(db.statusReport.delete({ where: { id: report.id } })).rejects.toThrow();
    expect(await db.statusReport.count({ where: { id: report.id } })).toBe(1);

    // A person with timeline events.
    const focal = await sqlError(owner, 'DELETE FROM "User" WHERE "id" = $1', [world.users.focalMex.id]);
    expect(REFERENCED).toContain(focal.code);
    // A person with audit rows only.
    await recordAudit(db, { actorId: world.users.viewer.id, action: 'test.synthetic', entityType: 'Test', entityId: 'synthetic' });
    const viewer = await sqlError(owner, 'DELETE FROM "User" WHERE "id" = $1', [world.users.viewer.id]);
    expect(viewer).toMatchObject({ constraint: 'AuditEvent_actorId_fkey' });
    expect(REFERENCED).toContain(viewer.code);
    expect(await db.user.count({ where: { id: { in: [world.users.focalMex.id, world.users.viewer.id] } } })).toBe(2);

    // Someone without history can be deleted: it is the history that holds the others.
    const nobody = await db.user.create({ data: { email: 'nobody@example.test', name: '[TEST] Nobody', role: 'VIEWER', passwordHash: 'x' } });
    await db.user.delete({ where: { id: nobody.id } });
  });

  it('keeps who acted as the database wrote it at insert, after the account changes its e-mail', async () => {
    const { focalMex } = world.users;
    const emails = async () => ({
      events: (await db.statusEvent.findMany({ where: { statusReportId: report.id }, select: { byEmail: true } })).map((row) => row.byEmail),
      audit: (await db.auditEvent.findMany({ where: { entityId: report.id }, select: { actorEmail: true } })).map((row) => row.actorEmail),
    });
    expect(await emails()).toEqual({ events: [focalMex.email, focalMex.email], audit: [focalMex.email, focalMex.email] });

    await db.user.update({ where: { id: focalMex.id }, data: { email: 'renamed-focal-mex@example.test' } });
    try {
      expect(await emails()).toEqual({ events: [focalMex.email, focalMex.email], audit: [focalMex.email, focalMex.email] });
      // A row inserted now names the account as it is now, whatever path inserts it.
      await owner.query(`INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId") VALUES ('raw-insert', $1, 'test.raw', 'Test', 'raw')`, [focalMex.id]);
      expect((await db.auditEvent.findUniqueOrThrow({ where: { id: 'raw-insert' } })).actorEmail).toBe('renamed-focal-mex@example.test');
      // Nor can an insert name anyone else than the account it points at.
      await owner.query(
        `INSERT INTO "AuditEvent" ("id", "actorId", "actorEmail", "action", "entityType", "entityId") VALUES ('forged', $1, 'someone-else@example.test', 'test.raw', 'Test', 'raw')`,
        [focalMex.id],
      );
      expect((await db.auditEvent.findUniqueOrThrow({ where: { id: 'forged' } })).actorEmail).toBe('renamed-focal-mex@example.test');
    } finally {
      await db.user.update({ where: { id: focalMex.id }, data: { email: focalMex.email } });
    }
  });
});

describe('an accepted report', () => {
  it('can be neither changed nor deleted, by any role', async () => {
    const key = { cycleId: world.cycle.id, entityId: world.entities.NGA, commitmentId: world.commitments[2]! };
    const now = new Date('2026-06-03T00:00:00Z');
    const saved = await saveStatusReport(db, world.users.focalNga, { ...key, version: 0, status: 'IN_PROGRESS', narrative: '[TEST] Accepted once.', asOf: null, intent: 'submit' }, now);
    await reviewStatusReport(db, world.users.secretariat, { reportId: saved.id, version: saved.version, decision: 'accept', comment: '' }, now);
    const before = await db.statusReport.findUniqueOrThrow({ where: { id: saved.id } });
    await expect(owner.query(`UPDATE "StatusReport" SET "narrative" = 'rewritten' WHERE "id" = $1`, [saved.id])).rejects.toThrow(/accepted status report cannot be changed/);
    await expect(owner.query(`UPDATE "StatusReport" SET "state" = 'DRAFT' WHERE "id" = $1`, [saved.id])).rejects.toThrow(/accepted status report cannot be changed/);
    await expect(owner.query(`DELETE FROM "StatusReport" WHERE "id" = $1`, [saved.id])).rejects.toThrow();
    expect(await db.statusReport.findUniqueOrThrow({ where: { id: saved.id } })).toEqual(before);
  });
});

describe("the application's database role", () => {
  const role = `tracker_app_test_${randomBytes(4).toString('hex')}`;
  // A server that asks for passwords (the embedded one) gets one; one that trusts ignores it.
  const password = randomBytes(12).toString('hex');
  let app: pg.Client;

  beforeAll(async () => {
    await owner.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await grantAppRole(database.url, role);
    const url = new URL(database.url);
    url.username = role;
    url.password = password;
    app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
  });

  afterAll(async () => {
    // Roles belong to the whole server, not to the test database: remove it.
    await app?.end();
    await owner.query(`DROP OWNED BY ${role}`);
    await owner.query(`DROP ROLE ${role}`);
  });

  it('is refused names that are not plain identifiers, and roles that do not exist', async () => {
    expect(() => appRoleGrants('app; DROP TABLE "User"')).toThrow(/not a usable role name/);
    expect(() => appRoleGrants('App')).toThrow(/not a usable role name/);
    await expect(grantAppRole(database.url, `${role}_missing`)).rejects.toThrow(/does not exist/);
  });

  it('connects as itself, not as the owner', async () => {
    expect((await app.query('SELECT current_user AS "user"')).rows[0].user).toBe(role);
  });

  it('runs the job queue, installed by the owner, with no right to create anything', async () => {
    const url = new URL(database.url);
    url.username = role;
    url.password = password;
    await expect(app.query(`CREATE SCHEMA "tracker_app_may_not"`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`CREATE TABLE pgboss."may_not" ("id" int)`)).rejects.toThrow(/permission denied/);
    const boss = new PgBoss({ connectionString: url.toString(), schema: JOBS_SCHEMA, supervise: false, schedule: false, max: 1 });
    try {
      await boss.start();
      for (const name of QUEUES) await boss.createQueue(name, queueOptions(name));
      await boss.schedule(OUTBOX_QUEUE, '* * * * *', {}, { singletonKey: 'tracker', tz: 'UTC' });
      const id = await boss.send(OUTBOX_QUEUE, { test: true });
      expect(id).toBeTruthy();
      const [job] = await boss.fetch(OUTBOX_QUEUE);
      expect(job?.id).toBe(id);
      await boss.complete(OUTBOX_QUEUE, job!.id);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it('reads and appends to the history, but cannot rewrite it, for lack of the privilege', async () => {
    const before = await historyRows();
    expect(Number((await app.query('SELECT count(*) AS n FROM "AuditEvent"')).rows[0].n)).toBe(before.audit.length);
    expect(Number((await app.query('SELECT count(*) AS n FROM "StatusEvent"')).rows[0].n)).toBe(before.events.length);
    const inserted = await app.query(
      `INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId") VALUES ($1, $2, 'test.app-role', 'Test', 'app') RETURNING "actorEmail"`,
      [`app-${role}`, world.users.admin.id],
    );
    // The database's own trigger still names the actor under this role.
    expect(inserted.rows[0].actorEmail).toBe(world.users.admin.email);

    for (const table of ['AuditEvent', 'StatusEvent']) {
      const column = table === 'StatusEvent' ? 'comment' : 'action';
      for (const sql of [`UPDATE "${table}" SET "${column}" = '[TEST] rewritten'`, `DELETE FROM "${table}"`, `TRUNCATE "${table}"`]) {
        const error = await sqlError(app, sql);
        expect(error.code).toBe('42501');
        // Refused by the privileges, before the trigger is even asked.
        expect(error.message).toMatch(new RegExp(`permission denied for table ${table}`));
      }
    }
    // It owns nothing, so it cannot switch the triggers off or drop them.
    expect((await sqlError(app, 'ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"')).message).toMatch(/must be owner/);
    expect((await sqlError(app, 'DROP TRIGGER "StatusEvent_append_only" ON "StatusEvent"')).message).toMatch(/must be owner/);
    // The migrations' record is the owner's.
    expect((await sqlError(app, 'DELETE FROM "_prisma_migrations"')).message).toMatch(/permission denied/);
    expect((await sqlError(app, 'UPDATE "_prisma_migrations" SET "checksum" = \'x\'')).message).toMatch(/permission denied/);

    const after = await historyRows();
    expect(after.events).toEqual(before.events);
    expect(after.audit.length).toBe(before.audit.length + 1);
  });

  it('is enough to run the whole workflow through the application code', async () => {
    const url = new URL(database.url);
    url.username = role;
    url.password = password;
    const appDb = createPrismaClient(url.toString());
    try {
      const { focalMex, secretariat, admin } = world.users;
      const key = { cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: world.commitments[2]! };
      const draft = await saveStatusReport(appDb, focalMex, { ...key, version: 0, status: 'NOT_STARTED', narrative: '[TEST] Via the app role.', asOf: null, intent: 'save' }, on('06-03'));
      await linkReportUrl(appDb, focalMex, { reportId: draft.id, url: 'https://example.test/app-role', title: '[TEST] Page', note: '' }, on('06-03'));
      const submitted = await saveStatusReport(appDb, focalMex, { ...key, version: draft.version, status: 'NOT_STARTED', narrative: '[TEST] Via the app role.', asOf: null, intent: 'submit' }, on('06-04'));
      const accepted = await reviewStatusReport(appDb, secretariat, { reportId: draft.id, version: submitted.version, decision: 'accept', comment: '' }, on('06-05'));
      expect(accepted.state).toBe('ACCEPTED');
      await changeCycleState(appDb, admin, 'close', { code: world.cycle.code, reason: '' });
      await changeCycleState(appDb, admin, 'reopen', { code: world.cycle.code, reason: '[TEST] Reopened by the app role.' });
      expect((await db.statusEvent.findMany({ where: { statusReportId: draft.id }, orderBy: { at: 'asc' } })).map((event) => event.type))
        .toEqual(['SAVED', 'SUBMITTED', 'ACCEPTED']);
    } finally {
      await appDb.$disconnect();
    }
  });

  it('keeps the evidence-suggestion index through the application code: import, triggers, catch-up', async () => {
    const url = new URL(database.url);
    url.username = role;
    url.password = password;
    const appDb = createPrismaClient(url.toString());
    try {
      const { secretariat } = world.users;
      const text = readFileSync(new URL('../fixtures/reports/report.en.txt', import.meta.url), 'utf8');
      const { documentId } = await importDocument(appDb, secretariat, { text, symbol: 'X/99/123', language: 'en', sourceName: 'report.en.txt' });
      // A text changed outside the import: the triggers forget its words and mark the index stale.
      const paragraph = await appDb.paragraph.findFirstOrThrow({ where: { documentId }, select: { id: true } });
      await appDb.paragraph.update({ where: { id: paragraph.id }, data: { text: '[TEST] Synthetic commitment wording, changed by the app role.' } });
      expect(await db.paragraphVector.count({ where: { paragraphId: paragraph.id } })).toBe(0);
      // The suggestion path catches up, and finds the changed paragraph.
      await expect(suggestEvidence(appDb, secretariat, { commitmentId: world.commitments[0]! })).resolves.toEqual({ suggested: 1 });
      expect(await db.suggestionIndex.findUniqueOrThrow({ where: { id: 1 }, select: { stale: true, paragraphs: true } }))
        .toEqual({ stale: false, paragraphs: await db.paragraph.count() });
      expect(await db.paragraphVector.count()).toBe(await db.paragraph.count());
    } finally {
      await appDb.$disconnect();
    }
  });

  it('raises the catalogue version by changing the catalogue, but cannot write the version itself', async () => {
    const version = async () => (await owner.query('SELECT "version" FROM "CatalogueVersion" WHERE "id" = 1')).rows[0].version as string;
    const before = await version();
    await app.query(`UPDATE "Commitment" SET "order" = "order" WHERE "id" = $1`, [world.commitments[0]]);
    expect(await version()).not.toBe(before);
    for (const sql of [`UPDATE "CatalogueVersion" SET "version" = 'forged'`, `DELETE FROM "CatalogueVersion"`, `INSERT INTO "CatalogueVersion" ("id", "version") VALUES (2, 'forged')`]) {
      expect((await sqlError(app, sql)).message).toMatch(/permission denied for table CatalogueVersion/);
    }
  });

  it('works on the working tables', async () => {
    const updated = await app.query(`UPDATE "StatusReport" SET "narrative" = '[TEST] Written by the app role.' WHERE "id" = $1`, [report.id]);
    expect(updated.rowCount).toBe(1);
    expect((await db.statusReport.findUniqueOrThrow({ where: { id: report.id } })).narrative).toBe('[TEST] Written by the app role.');
    expect((await app.query('SELECT count(*) AS n FROM "ReportingEntity"')).rows[0].n).not.toBe('0');
  });
});

describe('constraints', () => {
  const insertCycle = (code: string, state: string, opensAt: string, closesAt: string) =>
    owner.query(
      `INSERT INTO "ReportingCycle" ("id", "code", "name", "periodStart", "periodEnd", "opensAt", "closesAt", "state", "updatedAt")
       VALUES ($1, $1, '{"en": "[TEST] cycle"}', '2030-01-01', '2030-12-31', $2, $3, $4::"CycleState", now())`,
      [code, opensAt, closesAt, state],
    );

  it('keep one cycle open at most', async () => {
    const error = await insertCycle('test-second-open', 'OPEN', '2030-01-01', '2030-12-31').then(() => null, (e: pg.DatabaseError) => e);
    expect(error).toMatchObject({ code: '23505', constraint: 'ReportingCycle_one_open' });
    // Planned ones are not limited, but none of them can be opened beside the open one.
    await insertCycle('test-planned', 'PLANNED', '2030-01-01', '2030-12-31');
    expect(await sqlError(owner, `UPDATE "ReportingCycle" SET "state" = 'OPEN' WHERE "code" = 'test-planned'`))
      .toMatchObject({ code: '23505', constraint: 'ReportingCycle_one_open' });
  });

  it('keep a deadline after the opening', async () => {
    for (const closesAt of ['2030-01-01T00:00:00Z', '2029-12-31T00:00:00Z']) {
      const error = await insertCycle(`test-deadline-${closesAt.slice(0, 10)}`, 'PLANNED', '2030-01-01T00:00:00Z', closesAt).then(() => null, (e: pg.DatabaseError) => e);
      expect(error).toMatchObject({ code: '23514', constraint: 'ReportingCycle_deadline_after_opening' });
    }
  });

  it('keep the workflow consistent in every report row', async () => {
    const { id: commitmentId } = await db.commitment.findUniqueOrThrow({ where: { id: world.commitments[1]! }, select: { id: true } });
    const insertReport = (id: string, columns: Record<string, unknown>) => {
      const row = { id, entityId: world.entities.NGA, commitmentId, cycleId: world.cycle.id, updatedAt: new Date(), ...columns };
      const names = Object.keys(row);
      return owner.query(
        `INSERT INTO "StatusReport" (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map((_, index) => `$${index + 1}`).join(', ')})`,
        Object.values(row),
      ).then(() => null, (e: pg.DatabaseError) => e);
    };
    const submitter = { submittedAt: new Date(), submittedById: world.users.focalNga.id };
    expect(await insertReport('r1', { state: 'SUBMITTED', ...submitter })).toMatchObject({ code: '23514', constraint: 'StatusReport_status_unless_draft' });
    expect(await insertReport('r2', { state: 'SUBMITTED', status: 'IN_PROGRESS' })).toMatchObject({ code: '23514', constraint: 'StatusReport_submitted_by' });
    expect(await insertReport('r3', { state: 'ACCEPTED', status: 'IN_PROGRESS', ...submitter })).toMatchObject({ code: '23514', constraint: 'StatusReport_reviewed_by' });
    expect(await insertReport('r4', { version: 0 })).toMatchObject({ code: '23514', constraint: 'StatusReport_version_positive' });
    expect(await insertReport('r5', { narrative: 'x'.repeat(10_001) })).toMatchObject({ code: '23514', constraint: 'StatusReport_narrative_length' });
    // The limit counts characters, not bytes, and 10,000 is allowed.
    expect(await insertReport('r6', { narrative: '字'.repeat(10_000) })).toBeNull();
  });
});
