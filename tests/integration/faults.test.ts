// Surviving faults, against a PostgreSQL server of this file's own (an embedded one, so that it
// can be restarted and crashed without touching anyone else's): ten writers keep saving reports
// through the application's mutations while the server restarts (fast, then immediate); every
// write the application acknowledged exists exactly once, and writes succeed again soon after.
// Then a process killed in the middle of a write transaction leaves nothing half-written and no
// lock behind. Every text here is synthetic.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createPrismaClient, type Db } from '@/lib/db/client';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/lib/db/embedded-postgres';
import { applyMigrations } from '@/lib/db/migrations';
import { saveStatusReport } from '@/lib/status-reports/mutations';
import { DomainError } from '@/lib/errors';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';

const WRITERS = 10;
const PER_WRITER = 12;
/** The requirement: writes succeed again this soon after the server is back. */
const RECOVERY_MS = 10_000;
const NOW = new Date('2026-06-01T12:00:00Z');

let folder: string;
let server: EmbeddedServer;
let url: string;
let db: Db;
let world: StatusWorld;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tracker-faults-'));
  // Kept on disk across restarts (an ephemeral server deletes its data when it stops); removed in afterAll.
  server = await startEmbeddedPostgres({ dataDir: join(folder, 'data') });
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE "faults"');
  await admin.end();
  url = server.url('faults');
  await applyMigrations(url);
  db = createPrismaClient(url);
  world = await createStatusWorld(db);
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

let commitmentCount = 0;
async function newCommitments(count: number): Promise<string[]> {
  const instrument = await db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } });
  const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    commitmentCount += 1;
    const row = await db.commitment.create({
      data: {
        instrumentId: instrument.id, thematicAreaId: area.id, reference: `F(${commitmentCount})`, kind: 'COMMITMENT', order: 1000 + commitmentCount,
        texts: { create: [{ locale: 'en', text: `[TEST] Synthetic commitment F${commitmentCount}.`, sourceName: 'test fixture' }] },
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One writer: saves a first draft of each of its commitments in turn. A failed attempt (the
 * server is away) is tried again, as a person would press the button again: the same save,
 * from the same version. What the application answered `ok` to is acknowledged.
 */
async function writer(commitments: string[], acknowledged: Map<string, string>, log: { at: number; ok: boolean }[]) {
  for (const commitmentId of commitments) {
    const narrative = `[TEST] Fault-tolerant draft of ${commitmentId}.`;
    for (;;) {
      try {
        await saveStatusReport(db, world.users.focalMex, {
          cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId, version: 0,
          status: 'IN_PROGRESS', narrative, asOf: null, intent: 'save',
        }, NOW);
        acknowledged.set(commitmentId, narrative);
        log.push({ at: Date.now(), ok: true });
        break;
      } catch (error) {
        // An answer in words is not a fault of the server: it must not happen here.
        if (error instanceof DomainError) throw error;
        log.push({ at: Date.now(), ok: false });
        await sleep(100);
      }
    }
  }
}

describe('restarting PostgreSQL while ten clients write', () => {
  for (const mode of ['fast', 'immediate'] as const) {
    it(`loses nothing acknowledged and writes nothing twice (${mode} restart)`, async () => {
      const commitments = await newCommitments(WRITERS * PER_WRITER);
      const acknowledged = new Map<string, string>();
      const log: { at: number; ok: boolean }[] = [];
      const writing = Promise.all(Array.from({ length: WRITERS }, (_, index) =>
        writer(commitments.slice(index * PER_WRITER, (index + 1) * PER_WRITER), acknowledged, log)));

      // Some writes are done before the fault, the rest after.
      while (acknowledged.size < WRITERS * 2) await sleep(20);
      await server.restart(mode);
      const back = Date.now();
      await writing;

      expect(acknowledged.size).toBe(commitments.length);
      // The fault did happen under load: some attempts failed while the server was away.
      expect(log.some((entry) => !entry.ok)).toBe(true);
      const firstSuccessAfter = log.filter((entry) => entry.ok && entry.at >= back).map((entry) => entry.at)[0];
      expect(firstSuccessAfter! - back).toBeLessThan(RECOVERY_MS);

      const reports = await db.statusReport.findMany({
        where: { entityId: world.entities.MEX, cycleId: world.cycle.id, commitmentId: { in: commitments } },
        select: { id: true, commitmentId: true, narrative: true, version: true, _count: { select: { events: true } } },
      });
      // Exactly one report per acknowledged save, as saved, with exactly one timeline event and one audit row.
      expect(reports).toHaveLength(commitments.length);
      for (const report of reports) {
        expect(report.narrative).toBe(acknowledged.get(report.commitmentId));
        expect(report.version).toBe(1);
        expect(report._count.events).toBe(1);
      }
      const audits = await db.auditEvent.groupBy({ by: ['entityId'], where: { entityId: { in: reports.map((report) => report.id) } }, _count: { _all: true } });
      expect(audits.every((row) => row._count._all === 1)).toBe(true);
      expect(audits).toHaveLength(reports.length);
    }, 120_000);
  }
});

describe('a process killed in the middle of a write transaction', () => {
  it('leaves nothing half-written and no lock behind', async () => {
    const [commitmentId] = await newCommitments(1);
    const saved = await saveStatusReport(db, world.users.focalMex, {
      cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: commitmentId!, version: 0,
      status: 'NOT_STARTED', narrative: '[TEST] Before the crash.', asOf: null, intent: 'save',
    }, NOW);
    const before = await db.statusReport.findUniqueOrThrow({ where: { id: saved.id } });

    // Another process: locks the report, changes it, writes its timeline event, says so, and waits
    // for the end of the world before committing.
    const script = `
      const pg = require('pg');
      const client = new pg.Client({ connectionString: process.env.FAULT_DB });
      (async () => {
        await client.connect();
        await client.query('BEGIN');
        await client.query('SELECT 1 FROM "StatusReport" WHERE "id" = $1 FOR UPDATE', [process.env.REPORT]);
        await client.query('UPDATE "StatusReport" SET "narrative" = $2, "version" = "version" + 1 WHERE "id" = $1', [process.env.REPORT, '[TEST] Half-written.']);
        await client.query(\`INSERT INTO "StatusEvent" ("id", "statusReportId", "type", "snapshot") VALUES ('half-written-event', $1, 'SAVED', '{}')\`, [process.env.REPORT]);
        process.stdout.write('in the middle\\n');
        setInterval(() => {}, 1000);
      })();`;
    const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, FAULT_DB: url, REPORT: saved.id }, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => { if (chunk.toString().includes('in the middle')) resolve(); });
      child.once('exit', (code) => reject(new Error(`the writer exited early (${code})`)));
    });
    const backend = async () => (await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE "datname" = current_database() AND "state" LIKE 'idle in transaction%'`)[0]!.n;
    expect(await backend()).toBe(1);

    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    // The next write to the same report goes through: nothing holds its lock.
    const after = await saveStatusReport(db, world.users.focalMex, {
      cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: commitmentId!, version: saved.version,
      status: 'IN_PROGRESS', narrative: '[TEST] After the crash.', asOf: null, intent: 'save',
    }, NOW);
    expect(after.version).toBe(before.version + 1);
    expect(await db.statusEvent.count({ where: { id: 'half-written-event' } })).toBe(0);
    expect(await db.statusEvent.count({ where: { statusReportId: saved.id } })).toBe(2);
    expect(await backend()).toBe(0);
    const locks = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM pg_locks l JOIN pg_stat_activity a ON a."pid" = l."pid"
      WHERE a."datname" = current_database() AND l."relation" = '"StatusReport"'::regclass AND a."pid" <> pg_backend_pid()`;
    expect(locks[0]!.n).toBe(0);
  }, 60_000);
});
