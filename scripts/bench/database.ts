// The benchmark's own database: `tracker_bench` (or --database NAME) on the server of
// BENCH_SERVER_URL, else of DATABASE_URL, else an embedded PostgreSQL with its data in
// .data/bench-postgres, so that `npm run bench:data` and `npm run bench` work on a fresh clone
// with no configuration. Never the demo database, nor the one DATABASE_URL names: the bench
// fills and empties its database at will.
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/lib/db/embedded-postgres';

export const DEFAULT_BENCH_DATABASE = 'tracker_bench';
const root = resolve(import.meta.dirname, '../..');

export type BenchDatabase = {
  /** Connection string of the bench database. */
  url: string;
  /** Connection string of the server's maintenance database (to create or drop the bench one). */
  serverUrl: string;
  /** Where it runs, for messages. */
  description: string;
  stop(): Promise<void>;
};

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A name PostgreSQL takes as is, and not the database of the configured application. */
export function checkBenchDatabaseName(name: string, configuredUrl: string | undefined): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`The bench database name "${name}" must be lower-case letters, digits and underscores.`);
  if (!name.includes('bench')) throw new Error(`The bench database name "${name}" must contain "bench", so that it is never mistaken for a real one.`);
  if (configuredUrl && decodeURIComponent(new URL(configuredUrl).pathname.slice(1)) === name) {
    throw new Error(`"${name}" is the database DATABASE_URL names: the bench needs a database of its own.`);
  }
  return name;
}

/** Starts (embedded) or reaches the server; the database itself is made by `createBenchDatabase`. */
export async function openBenchServer(options: { database?: string; log?: (line: string) => void } = {}): Promise<BenchDatabase> {
  const configured = process.env.BENCH_SERVER_URL ?? process.env.DATABASE_URL;
  const name = checkBenchDatabaseName(options.database ?? DEFAULT_BENCH_DATABASE, process.env.DATABASE_URL);
  if (configured) {
    const serverUrl = withDatabase(configured, 'postgres');
    const host = new URL(configured).host;
    return { url: withDatabase(configured, name), serverUrl, description: `database ${name} on ${host}`, stop: async () => {} };
  }
  const dataDir = resolve(process.env.BENCH_DATA_DIR ?? join(root, '.data', 'bench-postgres'));
  options.log?.(`No DATABASE_URL: the embedded PostgreSQL with its data in ${dataDir}.`);
  const server: EmbeddedServer = await startEmbeddedPostgres({ dataDir });
  return { url: server.url(name), serverUrl: server.url('postgres'), description: `database ${name} on the embedded PostgreSQL (${dataDir})`, stop: () => server.stop() };
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function benchDatabaseExists(database: BenchDatabase): Promise<boolean> {
  const name = decodeURIComponent(new URL(database.url).pathname.slice(1));
  return admin(database.serverUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

/** Drops the bench database when it exists and creates it empty. */
export async function recreateBenchDatabase(database: BenchDatabase): Promise<void> {
  const name = decodeURIComponent(new URL(database.url).pathname.slice(1));
  await admin(database.serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

export async function dropBenchDatabase(database: BenchDatabase): Promise<void> {
  const name = decodeURIComponent(new URL(database.url).pathname.slice(1));
  await admin(database.serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}
