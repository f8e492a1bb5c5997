// The migration runner (lib/db/migrations.ts) against a real PostgreSQL, and the committed
// migrations against prisma/schema.prisma.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, createMigration, diffSchemas } from '@/lib/db/migrations';
import { createEmptyDatabase } from '@/tests/support/test-database';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function withEmptyDatabase(work: (url: string) => Promise<void>) {
  const database = await createEmptyDatabase();
  try {
    await work(database.url);
  } finally {
    await database.drop();
  }
}

async function withTemporaryFolder(work: (folder: string) => Promise<void>) {
  const folder = await mkdtemp(join(tmpdir(), 'tracker-migrations-'));
  try {
    await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Writes migration folders ({ '001_a': 'SQL' }) in the layout of prisma/migrations. */
async function writeMigrations(folder: string, migrations: Record<string, string>) {
  await writeFile(join(folder, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(join(folder, name), { recursive: true });
    await writeFile(join(folder, name, 'migration.sql'), sql);
  }
}

describe('applyMigrations', () => {
  it('brings an empty database to the committed schema once, then finds nothing to do', async () => {
    const committed = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(committed.some((name) => /^\d{14}_init$/.test(name))).toBe(true);

    await withEmptyDatabase(async (url) => {
      expect(await applyMigrations(url)).toEqual({ applied: committed });

      const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['User', 'ReportingEntity', 'Commitment', 'StatusReport', 'StatusEvent', 'AuditEvent', '_prisma_migrations']),
      );
      const history = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
        url,
        'SELECT migration_name, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(history.map((row) => row.migration_name)).toEqual(committed);
      for (const row of history) {
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }

      expect(await applyMigrations(url)).toEqual({ applied: [] });
    });
  });

  it('runs each migration whole: semicolons inside strings survive, and a failing one leaves nothing behind', async () => {
    await withTemporaryFolder(async (folder) => {
      await writeMigrations(folder, {
        '001_notes': `CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL DEFAULT 'a; b');
DO $$ BEGIN INSERT INTO "Note" ("id") VALUES (1); END $$;`,
        '002_broken': 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT no_such_function();',
      });
      await withEmptyDatabase(async (url) => {
        await expect(applyMigrations(url, { migrationsDir: folder })).rejects.toThrow(/002_broken[\s\S]*no_such_function/);

        expect(await query(url, 'SELECT "id", "text" FROM "Note"')).toEqual([{ id: 1, text: 'a; b' }]);
        expect(await query(url, `SELECT to_regclass('"Half"') AS half`)).toEqual([{ half: null }]);
        // Recorded as failed, as Prisma does, and nothing more is applied until someone resolves it.
        const [failed] = await query<{ finished_at: Date | null; logs: string }>(url, "SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '002_broken'");
        expect(failed.finished_at).toBeNull();
        expect(failed.logs).toContain('no_such_function');
        await expect(applyMigrations(url, { migrationsDir: folder })).rejects.toThrow(/P3009/);
      });
    });
  });

  it('refuses to run when an applied migration was edited', async () => {
    await withTemporaryFolder(async (folder) => {
      await writeMigrations(folder, { '001_a': 'CREATE TABLE "A" ("id" INTEGER);' });
      await withEmptyDatabase(async (url) => {
        await applyMigrations(url, { migrationsDir: folder });
        await writeMigrations(folder, { '001_a': 'CREATE TABLE "A" ("id" BIGINT);', '002_b': 'CREATE TABLE "B" ("id" INTEGER);' });

        await expect(applyMigrations(url, { migrationsDir: folder })).rejects.toThrow(/001_a was edited/);
        expect(await query(url, `SELECT to_regclass('"B"') AS b`)).toEqual([{ b: null }]);
      });
    });
  });
});

describe('createMigration and diffSchemas', () => {
  it('finds the committed migrations in step with prisma/schema.prisma', async () => {
    expect(await createMigration({ name: 'nothing_to_do' })).toEqual({ directory: null, sql: '' });
  });

  it('diffs two schemas without a database', async () => {
    const schema = await readFile(schemaPath, 'utf8');
    expect(await diffSchemas(schema, schema)).toBe('');

    const sql = await diffSchemas(schema, `${schema}\nmodel Extra {\n  id Int @id\n}\n`);
    expect(sql).toContain('CREATE TABLE "Extra"');
    expect(sql).not.toContain('DROP');
  });

  it('writes a migration with the schema it was made from, and starts the next one from that copy', async () => {
    await withTemporaryFolder(async (folder) => {
      const migrations = join(folder, 'migrations');
      const schemaFile = join(folder, 'schema.prisma');
      const base = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel Tag {\n  id Int @id\n}\n';
      await writeFile(schemaFile, base);

      await expect(createMigration({ name: 'bad-name', schemaPath: schemaFile, migrationsDir: migrations })).rejects.toThrow(/Invalid migration name/);

      const first = await createMigration({ name: 'tags', schemaPath: schemaFile, migrationsDir: migrations, now: new Date('2025-03-04T05:06:07Z') });
      expect(first.directory).toBe(join(migrations, '20250304050607_tags'));
      expect(first.sql).toContain('CREATE TABLE "Tag"');
      expect(first.sql).not.toContain('CREATE SCHEMA');
      expect(await readFile(join(migrations, '20250304050607_tags', 'migration.sql'), 'utf8')).toBe(first.sql);
      expect(await readFile(join(migrations, '20250304050607_tags', 'schema.prisma'), 'utf8')).toBe(base);
      expect(await readFile(join(migrations, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');

      await writeFile(schemaFile, base.replace('id Int @id', 'id Int @id\n  label String?'));
      const second = await createMigration({ name: 'tag_label', schemaPath: schemaFile, migrationsDir: migrations, now: new Date('2025-03-05T00:00:00Z') });
      expect(second.sql).toContain('ALTER TABLE "Tag" ADD COLUMN     "label" TEXT');
      expect(second.sql).not.toContain('CREATE TABLE');

      const again = await createMigration({ name: 'again', schemaPath: schemaFile, migrationsDir: migrations, now: new Date('2025-03-06T00:00:00Z') });
      expect(again).toEqual({ directory: null, sql: '' });
    });
  });
});
