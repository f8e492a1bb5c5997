// /api/health's route handler against a real database: healthy and current; the code newer than
// the schema ("behind", 503); the database migrated further than the code ("ahead", during a
// rolling upgrade: still 200); a database never migrated; a database that cannot be reached, or
// that accepts connections and never answers. No answer contains the address or its secrets.
import { createServer, type Server, type Socket } from 'node:net';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findFreePort } from '@/lib/db/embedded-postgres';
import { createEmptyDatabase, createTestDatabase } from '../support/test-database';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let shipped: string[];
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const saved = { DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET };

type Body = {
  status: string;
  checkedAt: string;
  database: { reachable: boolean; latencyMs: number | null };
  migrations: { state: string; latestApplied: string | null; latestInCode: string | null; pending: number };
};

/** GET /api/health as the application would answer it with DATABASE_URL=url (a fresh module graph: env() is read once). */
async function health(url: string): Promise<{ status: number; body: Body; text: string; cacheControl: string | null }> {
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET = 'a test secret of more than thirty-two characters';
  vi.resetModules();
  const { GET } = await import('@/app/api/health/route');
  const response = await GET();
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Body, text, cacheControl: response.headers.get('cache-control') };
}

async function sql(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Nothing about the connection: no address, port, user or password. */
function expectNoSecrets(text: string, url: string) {
  const parsed = new URL(url);
  for (const secret of [url, parsed.host, `:${parsed.port}`, parsed.password, decodeURIComponent(parsed.password), parsed.pathname.slice(1)]) {
    if (secret) expect(text).not.toContain(secret);
  }
  if (parsed.username) expect(text).not.toContain(`"${parsed.username}"`);
}

beforeAll(async () => {
  shipped = (await readdir(migrationsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  database = await createTestDatabase();
});

afterEach(async () => {
  // The route's Prisma client lives on globalThis (lib/db.ts).
  await (globalThis as { db?: { client: { $disconnect(): Promise<void> } } }).db?.client.$disconnect();
  (globalThis as { db?: unknown }).db = undefined;
});

afterAll(async () => {
  process.env.DATABASE_URL = saved.DATABASE_URL;
  process.env.NEXTAUTH_SECRET = saved.NEXTAUTH_SECRET;
  if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
  if (saved.NEXTAUTH_SECRET === undefined) delete process.env.NEXTAUTH_SECRET;
  await database.drop();
});

describe('GET /api/health', () => {
  it('answers 200 with the latency and the migrations\' level when the database is current', async () => {
    const answer = await health(database.url);
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).toBe('no-store');
    expect(answer.body).toEqual({
      status: 'ok',
      checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      database: { reachable: true, latencyMs: expect.any(Number) },
      migrations: { state: 'current', latestApplied: shipped.at(-1), latestInCode: shipped.at(-1), pending: 0 },
    });
    expect(answer.body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(answer.body.database.latencyMs).toBeLessThan(3000);
    expectNoSecrets(answer.text, database.url);
  });

  it('answers 503 "behind" when the code has a migration the database lacks', async () => {
    const latest = shipped.at(-1)!;
    const { rows } = await sql(database.url, 'DELETE FROM _prisma_migrations WHERE migration_name = $1 RETURNING *', [latest]);
    try {
      const answer = await health(database.url);
      expect(answer.status).toBe(503);
      expect(answer.body.status).toBe('migrations behind');
      expect(answer.body.migrations).toEqual({ state: 'behind', latestApplied: shipped.at(-2), latestInCode: latest, pending: 1 });
      expect(answer.body.database.reachable).toBe(true);
    } finally {
      const row = rows[0] as Record<string, unknown>;
      const columns = Object.keys(row);
      await sql(database.url, `INSERT INTO _prisma_migrations (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
    }
  });

  it('counts a migration that is still running or failed (not finished) as not applied', async () => {
    const latest = shipped.at(-1)!;
    await sql(database.url, 'UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1', [latest]);
    try {
      const answer = await health(database.url);
      expect(answer.status).toBe(503);
      expect(answer.body.migrations).toMatchObject({ state: 'behind', pending: 1 });
    } finally {
      await sql(database.url, 'UPDATE _prisma_migrations SET finished_at = started_at WHERE migration_name = $1', [latest]);
    }
  });

  it('stays healthy ("ahead") when the database was migrated for a newer version of the code', async () => {
    const newer = '29991231235959_from_a_newer_version';
    await sql(
      database.url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ('test-newer', 'synthetic', $1, now(), now(), 1)`,
      [newer],
    );
    try {
      const answer = await health(database.url);
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('ok');
      expect(answer.body.migrations).toEqual({ state: 'ahead', latestApplied: newer, latestInCode: shipped.at(-1), pending: 0 });
    } finally {
      await sql(database.url, "DELETE FROM _prisma_migrations WHERE id = 'test-newer'");
    }
    expect((await health(database.url)).body.migrations.state).toBe('current');
  });

  it('answers 503 "behind" with every migration pending on a database never migrated', async () => {
    const empty = await createEmptyDatabase();
    try {
      const answer = await health(empty.url);
      expect(answer.status).toBe(503);
      expect(answer.body.database.reachable).toBe(true);
      expect(answer.body.migrations).toEqual({ state: 'behind', latestApplied: null, latestInCode: shipped.at(-1), pending: shipped.length });
    } finally {
      await empty.drop();
    }
  });

  it('answers 503 "database unreachable" when nothing listens at DATABASE_URL, without a word of the address', async () => {
    const port = await findFreePort();
    const url = `postgresql://tracker_app:a-secret-password@127.0.0.1:${port}/tracker_production`;
    const answer = await health(url);
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({
      status: 'database unreachable',
      checkedAt: expect.any(String),
      database: { reachable: false, latencyMs: null },
      migrations: { state: 'unknown', latestApplied: null, latestInCode: shipped.at(-1), pending: shipped.length },
    });
    expectNoSecrets(answer.text, url);
    expect(answer.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  describe('a database that accepts connections and never answers', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    });

    it('gives up after a few seconds and answers 503', async () => {
      const address = silent.address() as { port: number };
      const started = Date.now();
      const answer = await health(`postgresql://tracker_app:a-secret-password@127.0.0.1:${address.port}/tracker`);
      expect(answer.status).toBe(503);
      expect(answer.body.database.reachable).toBe(false);
      expect(Date.now() - started).toBeLessThan(10_000);
      // The client's connection attempt is still waiting: end it, so that the client can close.
      for (const socket of sockets) socket.destroy();
    });
  });
});
