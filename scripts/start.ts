// `npm start`: picks the database (DATABASE_URL, or an embedded PostgreSQL in ./.data with
// demo data), migrates and seeds it, builds the app when the sources changed, and serves it.
// Ctrl-C or SIGTERM stops the app and then the embedded database, cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/lib/db/embedded-postgres';
import { applyMigrations } from '@/lib/db/migrations';
import { createPrismaClient } from '@/lib/db/client';
import { seed } from '@/prisma/seed';
import { DEMO_PASSWORD } from '@/prisma/seed/seed-demo';
import { buildIsCurrent, recordBuild } from './build-stamp';

const root = resolve(import.meta.dirname, '..');
// Run as a program; imported (tests), it only defines.
const isProgram = Boolean(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1]!)).href;
if (isProgram && existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
// TRACKER_DATA_DIR lets a second instance (or CI's boot check) keep its own embedded database.
const dataDir = resolve(process.env.TRACKER_DATA_DIR ?? join(root, '.data'));
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const EMBEDDED_DATABASE = 'tracker';

/**
 * The interface to listen on: HOST when set; otherwise every interface, except in demo mode, whose
 * accounts share a published password (admin@demo.test / demo): this computer only.
 */
export function bindAddress({ demo, host }: { demo: boolean; host: string | undefined }): string {
  if (host?.trim()) return host.trim();
  return demo ? '127.0.0.1' : '0.0.0.0';
}

/** What the start says about where it listens. */
export function bindNotice({ demo, host, port }: { demo: boolean; host: string | undefined; port: number }): string {
  const address = bindAddress({ demo, host });
  if (demo && address === '127.0.0.1') {
    return `Demo mode listens on 127.0.0.1:${port} only (this computer): its accounts share a published password. Set HOST=0.0.0.0 to open it to the network.`;
  }
  if (demo) return `Demo mode listens on ${address}:${port} (HOST): anyone who reaches it can sign in with the published demo password.`;
  return `Listening on ${address}:${port}${host?.trim() ? ' (HOST)' : ''}.`;
}

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, not "${process.env.PORT}".`);

  let embedded: EmbeddedServer | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  const demo = !databaseUrl;
  if (!databaseUrl) {
    log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${join(dataDir, 'postgres')})…`);
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres') });
    await ensureDatabase(embedded.url(), EMBEDDED_DATABASE);
    databaseUrl = embedded.url(EMBEDDED_DATABASE);
  }

  let app: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((done) => app!.once('exit', done));
    }
    if (embedded) {
      await embedded.stop();
      log('Embedded PostgreSQL stopped.');
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const { applied } = await applyMigrations(databaseUrl);
    log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
    const db = createPrismaClient(databaseUrl);
    const seeded = await seed(db, { demo }).finally(() => db.$disconnect());

    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (await localAuthSecret(!demo)),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      DEMO_MODE: demo ? '1' : '0',
      PORT: String(port),
      HOSTNAME_BIND: bindAddress({ demo, host: process.env.HOST }),
      NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1',
    };

    if (!dev && !(await buildIsCurrent(root))) {
      log('Building the application (first start or changed sources)…');
      await run(['build'], env);
      await recordBuild(root);
    }

    app = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), ...(dev ? ['--dev'] : [])], { stdio: 'inherit', env, cwd: root });
    app.once('exit', (code) => void stop(code ?? 0));
    log(bindNotice({ demo, host: process.env.HOST, port }));
    printWelcome(seeded.demo?.accounts ?? []);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

async function ensureDatabase(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

// Without NEXTAUTH_SECRET, one is made and kept in ./.data, so sessions survive restarts.
async function localAuthSecret(warn: boolean): Promise<string> {
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  if (warn) log('NEXTAUTH_SECRET is not set: using a secret kept in ./.data/auth-secret. Set it when running more than one instance.');
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

// Children run directly (no npx or shell in between), so that signals reach them.
function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args], { stdio: 'inherit', env, cwd: root });
    child.once('exit', (code) => (code === 0 ? done() : reject(new Error(`next ${args.join(' ')} failed (exit ${code}).`))));
  });
}

function printWelcome(demoAccounts: { email: string; role: string; entity: string | null }[]) {
  log(`Drug Policy Commitments Tracker: http://localhost:${port}/en  (中文: http://localhost:${port}/zh)`);
  if (demoAccounts.length === 0) return;
  log(`Demo mode: synthetic data on the embedded database. Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const account of demoAccounts) {
    log(`  ${account.email.padEnd(24)} ${account.role}${account.entity ? ` (${account.entity})` : ''}`);
  }
}

function log(line: string) {
  console.log(`[tracker] ${line}`);
}

function fail(message: string): never {
  console.error(`[tracker] ${message}`);
  process.exit(1);
}

if (isProgram) void main();
