import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { E2E_STATE_FILE } from './fixtures';
import { e2eQuery } from './helpers';

// Two instances of the application on one database, as compose.yaml runs them behind a reverse
// proxy: two production servers (scripts/serve.mjs on the build that tests/e2e/server.ts made), on
// ports of their own, sharing the end-to-end database and one NEXTAUTH_SECRET, trusting one proxy
// hop (TRUST_PROXY_HOPS=1). Whatever one instance writes, the other reads; a session cookie issued
// by one opens the other; and the sign-in throttle, kept in PostgreSQL, counts attempts made on
// both. The accounts and the addresses are this file's own (CHL, 192.0.2.x: a documentation range
// written into X-Forwarded-For, never contacted).
test.describe.configure({ mode: 'serial' });

const root = fileURLToPath(new URL('../..', import.meta.url));
const secret = randomBytes(32).toString('base64url');
const servers: { name: string; url: string; process: ChildProcess; output: string[] }[] = [];
const focal = { email: 'e2e-two-servers-focal@example.test', password: 'two servers focal password', name: 'E2E Two-Server Focal Point' };
const throttled = ['e2e-two-servers-alone@example.test', 'e2e-two-servers-spread@example.test'];
const wrongPassword = 'not the password at all';
const rightPassword = 'two servers throttled password';

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function startServer(name: string, port: number, publicUrl: string, databaseUrl: string) {
  const output: string[] = [];
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production', DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: publicUrl, DEMO_MODE: '0',
      PORT: String(port), HOSTNAME_BIND: '127.0.0.1', TRUST_PROXY_HOPS: '1', JOBS: '1',
    },
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  servers.push({ name, url, process: child, output });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server ${name} exited (${child.exitCode}):\n${output.join('')}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return url;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`Server ${name} did not become healthy:\n${output.join('')}`);
}

let A = '';
let B = '';
let reportPath = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const { databaseUrl } = JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8')) as { databaseUrl: string };
  const [portA, portB] = [await freePort(), await freePort()];
  // One public address for both, as behind one proxy (links in e-mails, next-auth's redirects).
  const publicUrl = `http://127.0.0.1:${portA}`;

  const insertUser = async (email: string, name: string, password: string, entity: string | null) =>
    e2eQuery(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "entityId", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, (SELECT "id" FROM "ReportingEntity" WHERE "code" = $6), now()) ON CONFLICT ("email") DO NOTHING`,
      [`e2e-two-servers-${randomBytes(6).toString('hex')}`, email, name, await hash(password), entity ? 'FOCAL_POINT' : 'VIEWER', entity],
    );
  await insertUser(focal.email, focal.name, focal.password, 'CHL');
  for (const email of throttled) await insertUser(email, 'E2E Two-Server Viewer', rightPassword, null);

  const { rows } = await e2eQuery(
    `SELECT cy."code" AS cycle, c."id" AS commitment FROM "Commitment" c JOIN "Instrument" i ON i."id" = c."instrumentId",
       "ReportingCycle" cy WHERE i."code" = 'E2E' AND c."reference" = '1(c)' AND cy."state" = 'OPEN'`,
  );
  const { cycle, commitment } = rows[0] as { cycle: string; commitment: string };
  reportPath = `/en/reports/${encodeURIComponent(cycle)}/CHL/${encodeURIComponent(commitment)}`;

  [A, B] = await Promise.all([startServer('A', portA, publicUrl, databaseUrl), startServer('B', portB, publicUrl, databaseUrl)]);
});

test.afterAll(async () => {
  await Promise.all(servers.map(async (server) => {
    if (server.process.exitCode !== null) return;
    const exited = new Promise((done) => server.process.once('exit', done));
    server.process.kill('SIGTERM');
    await exited;
  }));
});

test('a draft saved through one instance is read through the other, with the same session cookie', async ({ page }) => {
  // Signed in through A: the cookie is the host's (127.0.0.1), so the browser sends it to B too.
  const csrf = (await (await page.request.get(`${A}/api/auth/csrf`)).json()) as { csrfToken: string };
  const signIn = await page.request.post(`${A}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email: focal.email, password: focal.password, json: 'true' },
  });
  expect(signIn.ok()).toBe(true);
  const sessionCookies = (await page.context().cookies()).filter((cookie) => cookie.name.includes('session-token'));
  expect(sessionCookies).toHaveLength(1);
  expect((await (await page.request.get(`${B}/api/auth/session`)).json()).user?.email).toBe(focal.email);

  await page.goto(`${A}${reportPath}`);
  await expect(page.getByTestId('report-heading')).toHaveText(/^1\(c\)/);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  await page.getByLabel('Narrative', { exact: true }).fill('[E2E] Written through server A.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();

  // B has never seen this browser or this report: it reads the draft from the database.
  await page.goto(`${B}${reportPath}`);
  await expect(page.getByTestId('signed-in-as')).toContainText(focal.name);
  await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue('[E2E] Written through server A.');
  await expect(page.getByTestId('state-badge').first()).toHaveText('Draft');

  // And the other way round: a revision saved through B (at the version B read) is what A shows.
  await page.getByLabel('Narrative', { exact: true }).fill('[E2E] Revised through server B.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await page.goto(`${A}${reportPath}`);
  await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue('[E2E] Revised through server B.');
  const { rows } = await e2eQuery(
    `SELECT count(*)::int AS saves FROM "StatusEvent" e JOIN "StatusReport" r ON r."id" = e."statusReportId"
     JOIN "User" u ON u."id" = e."byId" WHERE u."email" = $1`,
    [focal.email],
  );
  expect(rows[0]).toEqual({ saves: 2 });
});

type Outcome = 'signed-in' | 'invalid' | 'rate-limited';

/** One sign-in attempt through `server`, from `address` (as the trusted proxy reports it). */
async function attempt(server: string, email: string, password: string, address: string): Promise<Outcome> {
  const api: APIRequestContext = await request.newContext({ baseURL: server, extraHTTPHeaders: { 'x-forwarded-for': address } });
  try {
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await api.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
    const { url } = (await response.json()) as { url: string };
    const error = new URL(url).searchParams.get('error');
    if (!error) return 'signed-in';
    if (error === 'CredentialsSignin') return 'invalid';
    if (error.startsWith('RateLimited')) return 'rate-limited';
    throw new Error(`Unexpected sign-in error ${error}`);
  } finally {
    await api.dispose();
  }
}

/** Wrong passwords through the servers in turn until one is refused; the servers that counted a failure. */
async function failUntilRefused(order: string[], email: string, address: string): Promise<{ failures: string[]; refusedOn: string }> {
  const failures: string[] = [];
  for (let index = 0; index < 40; index += 1) {
    const server = order[index % order.length]!;
    const outcome = await attempt(server, email, wrongPassword, address);
    if (outcome === 'rate-limited') return { failures, refusedOn: server };
    expect(outcome).toBe('invalid');
    failures.push(server);
  }
  throw new Error(`40 wrong passwords were never refused (${email})`);
}

test('sign-in throttling counts the attempts made on both instances together', async () => {
  test.setTimeout(120_000);
  const suffix = () => `192.0.2.${1 + Math.floor(Math.random() * 250)}`;
  // How many wrong passwords one instance lets through before it refuses.
  const alone = await failUntilRefused([A], throttled[0]!, suffix());
  expect(alone.failures.length).toBeGreaterThanOrEqual(2);

  // The same number spread over both: each instance saw fewer failures than it allows alone, so
  // only a count shared through the database can refuse this attempt.
  const address = suffix();
  const spread = await failUntilRefused([A, B], throttled[1]!, address);
  expect(spread.failures.length).toBe(alone.failures.length);
  const onA = spread.failures.filter((server) => server === A).length;
  const onB = spread.failures.filter((server) => server === B).length;
  expect(onA).toBeGreaterThan(0);
  expect(onB).toBeGreaterThan(0);
  expect(Math.max(onA, onB)).toBeLessThan(alone.failures.length);

  // The next attempt is refused on either instance, even with the right password.
  for (const server of [A, B]) {
    expect(await attempt(server, throttled[1]!, wrongPassword, address)).toBe('rate-limited');
    expect(await attempt(server, throttled[1]!, rightPassword, address)).toBe('rate-limited');
  }
});

test('signing out through one instance ends the session on the other', async ({ page }) => {
  const csrf = (await (await page.request.get(`${B}/api/auth/csrf`)).json()) as { csrfToken: string };
  await page.request.post(`${B}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email: focal.email, password: focal.password, json: 'true' },
  });
  expect((await (await page.request.get(`${A}/api/auth/session`)).json()).user?.email).toBe(focal.email);
  const copied = (await page.context().cookies()).find((cookie) => cookie.name.includes('session-token'))!;
  const { csrfToken } = (await (await page.request.get(`${B}/api/auth/csrf`)).json()) as { csrfToken: string };
  await page.request.post(`${B}/api/auth/signout`, { form: { csrfToken, json: 'true' } });
  // The old cookie, replayed against the instance that did not sign anyone out.
  await page.context().addCookies([copied]);
  expect((await (await page.request.get(`${A}/api/auth/session`)).json()).user).toBeUndefined();
  await page.goto(`${A}/en/dashboard`);
  await expect(page).toHaveURL(/\/en\/sign-in/);
});
