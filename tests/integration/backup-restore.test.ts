// Backups and restores (lib/db/backup.ts, npm run db:backup / db:restore) against a real
// PostgreSQL: a database with reports, their timeline, the audit trail, accepted records, a stored
// file and the job queue's schema is backed up and restored into a new database, and the two
// match table by table (rows and a checksum of every row) and sequence by sequence. A database
// that is not empty is refused in words, unless forced. Every text here is synthetic.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  backupDatabase, BackupError, chooseDumpTool, chooseRestoreTool, databaseObjects, defaultBackupFile, findTools, libpqConnection,
  readDumpHeader, restoreDatabase, serverVersion, type ToolInstallation,
} from '@/lib/db/backup';
import { reviewStatusReport, saveStatusReport } from '@/lib/status-reports/mutations';
import { linkReportUrl } from '@/lib/status-reports/evidence-mutations';
import { recordAudit } from '@/lib/audit/record';
import { createEmptyDatabase, createTestDatabase } from '../support/test-database';
import { databaseUrl } from '../support/postgres';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';

const search = { binDir: process.env.PG_BIN_DIR, searchPath: process.env.PATH, env: process.env };
const server = await serverVersion(databaseUrl(inject('testDatabase').serverUrl, 'postgres'));
const dumpTool = chooseDumpTool(await findTools('pg_dump', search), server.major);

const on = (day: string) => new Date(`2026-${day}T12:00:00Z`);

type Fingerprint = Record<string, { rows: number; checksum: string } | { sequence: string }>;

/**
 * Every table of the application's schema and of the job queue's (pgboss), with its row count and
 * the md5 of all its rows as text, in primary-key order; and every sequence's position.
 */
async function fingerprint(url: string): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Row texts (timestamps especially) are compared in one fixed setting.
    await client.query("SET TIME ZONE 'UTC'");
    const { rows: relations } = await client.query<{ oid: number; name: string; kind: string }>(
      `SELECT c.oid, format('%I.%I', n.nspname, c.relname) AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p', 'S') ORDER BY 2`,
    );
    const result: Fingerprint = {};
    for (const relation of relations) {
      if (relation.kind === 'S') {
        const { rows } = await client.query<{ value: string }>(`SELECT last_value || '/' || is_called AS value FROM ${relation.name}`);
        result[relation.name] = { sequence: rows[0]!.value };
        continue;
      }
      const { rows: keys } = await client.query<{ column: string }>(
        `SELECT quote_ident(a.attname) AS column FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
         WHERE i.indrelid = $1 AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
        [relation.oid],
      );
      const order = [...keys.map((key) => `t.${key.column}`), 't::text'].join(', ');
      const { rows } = await client.query<{ rows: number; checksum: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS checksum FROM ${relation.name} t`,
      );
      result[relation.name] = rows[0]!;
    }
    return result;
  } finally {
    await client.end();
  }
}

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => {
      if (error instanceof BackupError) return error.message;
      throw error;
    },
  );

describe('choosing the tools', () => {
  const tool = (major: number): ToolInstallation => ({ path: `/pg${major}/bin/tool`, version: `${major}.1`, major });

  it('dumps with the server\'s own major version, else the oldest later one, never an older one', () => {
    expect(chooseDumpTool([tool(15), tool(17), tool(18)], 17)).toEqual(tool(17));
    expect(chooseDumpTool([tool(15), tool(18), tool(17)], 16)).toEqual(tool(17));
    expect(chooseDumpTool([tool(15)], 18)).toBeNull();
  });

  it('restores with a pg_restore that reads the archive, preferably of the server\'s version', () => {
    expect(chooseRestoreTool([tool(15), tool(16), tool(18)], 15, 16)).toEqual(tool(16));
    expect(chooseRestoreTool([tool(15), tool(18)], 15, 16)).toEqual(tool(15));
    expect(chooseRestoreTool([tool(15)], 17, 18)).toBeNull();
  });

  it('hands the password to the tools outside the command line, and drops parameters libpq refuses', () => {
    expect(libpqConnection('postgresql://tracker:s%40cret@db.example.test:5433/tracker?schema=public&sslmode=require')).toEqual({
      uri: 'postgresql://tracker@db.example.test:5433/tracker?sslmode=require',
      password: 's@cret',
    });
  });

  it('names a default backup by the UTC time', () => {
    expect(defaultBackupFile(new Date('2026-12-01T10:15:00.123Z'))).toBe(join('backups', 'tracker-20261201T101500Z.dump'));
  });
});

describe.runIf(!dumpTool)(`without a pg_dump for PostgreSQL ${server.major}`, () => {
  it('says which version is needed and where it looked', async () => {
    const database = await createTestDatabase();
    try {
      const message = await refusal(backupDatabase({ ...search, databaseUrl: database.url, out: join(tmpdir(), `tracker-never-${process.pid}.dump`) }));
      expect(message).toContain(`only pg_dump ${server.major} or later can back it up`);
      expect(message).toMatch(/Found: |No pg_dump was found/);
      expect(message).toContain('PG_BIN_DIR');
    } finally {
      await database.drop();
    }
  });
});

describe.runIf(dumpTool)(`backup and restore (PostgreSQL ${server.version})`, () => {
  let source: Awaited<ReturnType<typeof createTestDatabase>>;
  let world: StatusWorld;
  let folder: string;
  let backupFile: string;
  let original: Fingerprint;
  const restored: { url: string; drop(): Promise<void> }[] = [];

  beforeAll(async () => {
    source = await createTestDatabase();
    const db = source.db;
    world = await createStatusWorld(db);
    const { focalMex, secretariat } = world.users;
    const form = (commitmentId: string, version: number, intent: 'save' | 'submit', narrative: string) => ({
      cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId, version, status: 'IN_PROGRESS' as const, narrative, asOf: null, intent,
    });
    // One report accepted (an accepted record, events, audit rows, notifications and e-mails), one
    // returned with a comment, one left as a draft with a web link as evidence; accents and CJK.
    const [first, second, third] = world.commitments as [string, string, string];
    let report = await saveStatusReport(db, focalMex, form(first, 0, 'save', '[TEST] Brouillon synthétique.'), on('06-02'));
    report = await saveStatusReport(db, focalMex, form(first, report.version, 'submit', '[TEST] 合成的叙述。'), on('06-03'));
    await reviewStatusReport(db, secretariat, { reportId: report.id, version: report.version, decision: 'accept', comment: '' }, on('06-04'));
    report = await saveStatusReport(db, focalMex, form(second, 0, 'submit', '[TEST] Submitted, to be returned.'), on('06-03'));
    await reviewStatusReport(db, secretariat, { reportId: report.id, version: report.version, decision: 'return', comment: '[TEST] Say more.' }, on('06-05'));
    report = await saveStatusReport(db, focalMex, form(third, 0, 'save', "[TEST] A draft with 'quotes', a tab\tand\na new line."), on('06-06'));
    await linkReportUrl(db, focalMex, { reportId: report.id, url: 'https://example.org/synthetic-evidence', title: '[TEST] Synthetic page', note: '' }, on('06-06'));
    // A stored file's bytes, every byte value included.
    const content = new Uint8Array(randomBytes(4096));
    content.set(Array.from({ length: 256 }, (_, index) => index));
    await db.storedFile.create({ data: { fileName: '[TEST] evidence.bin', contentType: 'application/octet-stream', size: content.length, sha256: 'synthetic', content } });
    await db.$transaction((tx) => recordAudit(tx, { actorId: world.users.admin.id, action: 'test.backup', entityType: 'Test', entityId: 'backup', after: { note: '[TEST] ✓' } }));

    folder = await mkdtemp(join(tmpdir(), 'tracker-backup-'));
    backupFile = join(folder, 'nested', 'tracker.dump');
    original = await fingerprint(source.url);
  });

  afterAll(async () => {
    for (const database of restored) await database.drop();
    await source?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  async function newEmptyDatabase() {
    const database = await createEmptyDatabase();
    restored.push(database);
    return database;
  }

  it('has data worth backing up, history included', () => {
    for (const table of ['"StatusReport"', '"StatusEvent"', '"AuditEvent"', '"AcceptedStatus"', '"StoredFile"', '"Notification"', '_prisma_migrations']) {
      expect(original[`public.${table}`], table).toMatchObject({ rows: expect.any(Number) });
      expect((original[`public.${table}`] as { rows: number }).rows, table).toBeGreaterThan(0);
    }
    expect(Object.keys(original).some((name) => name.startsWith('pgboss.'))).toBe(true);
  });

  it('writes a custom-format dump whose header names the server and pg_dump', async () => {
    const result = await backupDatabase({ ...search, databaseUrl: source.url, out: backupFile });
    expect(result.file).toBe(backupFile);
    expect(result.bytes).toBeGreaterThan(1000);
    expect(result.tool.major).toBeGreaterThanOrEqual(server.major);
    const header = await readDumpHeader(backupFile);
    expect(header).toMatchObject({ serverMajor: server.major, dumpMajor: result.tool.major, database: new URL(source.url).pathname.slice(1) });
    // Taking a backup changes nothing.
    expect(await fingerprint(source.url)).toEqual(original);
  });

  it('restores into a new database that matches the original table by table, row by row', async () => {
    const target = await newEmptyDatabase();
    const result = await restoreDatabase({ ...search, databaseUrl: target.url, file: backupFile });
    expect(result.replaced).toBe(false);
    const copy = await fingerprint(target.url);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    expect(copy).toEqual(original);
  });

  it('keeps the history tables append-only in the restored database (the triggers come back)', async () => {
    const target = restored[0]!;
    await expect(sql(target.url, 'UPDATE "AuditEvent" SET "action" = \'tampered\'')).rejects.toThrow();
    await expect(sql(target.url, 'DELETE FROM "StatusEvent"')).rejects.toThrow();
    await expect(sql(target.url, 'TRUNCATE "AuditEvent" CASCADE')).rejects.toThrow();
    expect(await fingerprint(target.url)).toEqual(original);
  });

  it('refuses, in words, to restore into a database that is not empty, and leaves it as it was', async () => {
    const message = await refusal(restoreDatabase({ ...search, databaseUrl: source.url, file: backupFile }));
    expect(message).toMatch(/^Refusing to restore: the database \S+ on [^ ]+ is not empty \(\d+ tables and other objects, such as public\."/);
    expect(message).toContain('--force');
    expect(message).not.toContain(source.url);
    expect(await fingerprint(source.url)).toEqual(original);
  });

  it('with --force, replaces everything in a database that is not empty', async () => {
    const target = await newEmptyDatabase();
    await sql(target.url, 'CREATE TABLE "Leftover" (id int PRIMARY KEY); INSERT INTO "Leftover" VALUES (1); CREATE SCHEMA other; CREATE TABLE other.t (x int)');
    const result = await restoreDatabase({ ...search, databaseUrl: target.url, file: backupFile, force: true });
    expect(result.replaced).toBe(true);
    expect(await fingerprint(target.url)).toEqual(original);
    expect(await databaseObjects(target.url)).not.toContain('public."Leftover"');
    expect(await databaseObjects(target.url)).not.toContain('other.t');
    // The comparison sees a single row of difference.
    await sql(target.url, `INSERT INTO "RateLimitCounter" ("key", "count", "windowStart") VALUES ('test', 1, now())`);
    expect(await fingerprint(target.url)).not.toEqual(original);
  });

  it('refuses a file that is not a backup, and a missing one, before touching the database', async () => {
    const target = await newEmptyDatabase();
    const notADump = join(folder, 'not-a-dump.sql');
    await writeFile(notADump, 'SELECT 1;\n');
    expect(await refusal(restoreDatabase({ ...search, databaseUrl: target.url, file: notADump }))).toContain('is not a backup made by db:backup');
    expect(await refusal(restoreDatabase({ ...search, databaseUrl: target.url, file: join(folder, 'missing.dump') }))).toContain('There is no file');
    expect(await databaseObjects(target.url)).toEqual([]);
  });

  it('leaves no half-written backup behind when pg_dump fails', async () => {
    const out = join(folder, 'failed.dump');
    const unreachable = 'postgresql://postgres:wrong@127.0.0.1:1/none';
    await expect(backupDatabase({ ...search, databaseUrl: unreachable, out })).rejects.toThrow(/Could not connect to database none on 127\.0\.0\.1:1/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);
  });
});
