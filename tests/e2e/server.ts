// The end-to-end server: a fresh database (TEST_DATABASE_URL's server, else an embedded one),
// migrated and seeded with reference data and the tests' own users; a production build (made
// when the sources changed); `next start` on E2E_PORT. SIGTERM tears everything down.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { applyMigrations } from '@/lib/db/migrations';
import { createPrismaClient } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { seed } from '@/prisma/seed';
import { buildIsCurrent, recordBuild } from '@/scripts/build-stamp';
import { adminQuery, databaseUrl, dropDatabase } from '../support/postgres';
import { E2E_PORT, E2E_STATE_FILE, USERS } from './fixtures';

const root = resolve(import.meta.dirname, '../..');

async function main() {
  const cleanups: (() => Promise<void>)[] = [];
  let serverUrl = process.env.TEST_DATABASE_URL;
  const shared = Boolean(serverUrl);
  if (!serverUrl) {
    const folder = await mkdtemp(join(tmpdir(), 'tracker-e2e-pg-'));
    const server = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), ephemeral: true, fast: true });
    serverUrl = server.url();
    cleanups.push(async () => {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    });
  }
  const name = `tracker_e2e_${Date.now().toString(36)}_${process.pid}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(serverUrl, name);
  // On a shared server the database is dropped; an embedded one is thrown away whole.
  if (shared) cleanups.unshift(() => dropDatabase(serverUrl!, name));

  await applyMigrations(url);
  const db = createPrismaClient(url);
  await seed(db, { demo: false });
  const entities = new Map((await db.reportingEntity.findMany({ select: { id: true, code: true } })).map((e) => [e.code, e.id]));
  for (const user of Object.values(USERS)) {
    await db.user.create({
      data: {
        email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password),
        entityId: user.entity ? entities.get(user.entity) : null,
      },
    });
  }
  await createSyntheticCommitments(db);
  await db.$disconnect();
  await writeFile(E2E_STATE_FILE, JSON.stringify({ databaseUrl: url }), { mode: 0o600 });

  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: `http://127.0.0.1:${E2E_PORT}`,
    DEMO_MODE: '0',
    // The tests' administrators and reviewers sign in without a second factor; two-step sign-in
    // has tests of its own (tests/integration/mfa.test.ts, tests/e2e/mfa.spec.ts).
    MFA_REQUIRED_ROLES: '',
    // A line per request would bury a failure's cause in the test report; warnings and errors stay.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    NODE_ENV: 'production' as const,
  };
  if (!(await buildIsCurrent(root))) {
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { cwd: root, stdio: 'inherit', env });
    if (build.status !== 0) throw new Error('next build failed');
    await recordBuild(root);
  }

  const app = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs')], {
    cwd: root, stdio: 'inherit', env: { ...env, PORT: String(E2E_PORT), HOSTNAME_BIND: '127.0.0.1' },
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    app.kill('SIGTERM');
    await new Promise((done) => (app.exitCode === null ? app.once('exit', done) : done(null)));
    for (const cleanup of cleanups) await cleanup().catch((error) => console.error(error));
    await rm(E2E_STATE_FILE, { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  app.once('exit', () => void stop());
}

/** An instrument of three plainly synthetic commitments in the open cycle's scope, to report on. */
async function createSyntheticCommitments(db: ReturnType<typeof createPrismaClient>) {
  const cycle = await db.reportingCycle.findFirstOrThrow({ where: { state: 'OPEN' }, select: { id: true } });
  const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
  const instrument = await db.instrument.create({
    data: { code: 'E2E', symbol: 'E2E/1', title: { en: 'End-to-end test instrument (synthetic)' }, adoptedYear: 2026, adoptedBy: { en: 'Tests' }, order: 900 },
    select: { id: true },
  });
  // The open cycle covers all instruments: a trigger adds this one to its scope.
  await db.cycleInstrument.findUniqueOrThrow({ where: { cycleId_instrumentId: { cycleId: cycle.id, instrumentId: instrument.id } } });
  for (const [index, letter] of ['a', 'b', 'c'].entries()) {
    await db.commitment.create({
      data: {
        instrumentId: instrument.id, thematicAreaId: area.id, reference: `1(${letter})`, kind: 'OPERATIONAL_RECOMMENDATION', order: index + 1,
        texts: { create: [
          { locale: 'en', text: `[E2E] Synthetic commitment ${letter} for end-to-end tests.`, sourceName: 'e2e fixture' },
          { locale: 'zh', text: `【测试】端到端测试用的合成承诺 ${letter}。`, sourceName: 'e2e fixture' },
        ] },
      },
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
