// The production server the benchmark measures: `next build` when the sources changed since the
// last build (scripts/build-stamp.ts), then `node scripts/serve.mjs`, as `npm start` runs it, on
// the bench database, with one process per core (WEB_CONCURRENCY). The child's pid is the server
// whose memory the CSV export measures, with its worker processes (csv-export.ts reads the tree).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { buildIsCurrent, recordBuild } from '@/scripts/build-stamp';

const root = resolve(import.meta.dirname, '../..');

export type BenchServer = {
  baseUrl: string;
  pid: number;
  /** The id Next gave a server action in this build. */
  actionId(exportedName: string): Promise<string>;
  stop(): Promise<void>;
};

export async function ensureBuild(log: (line: string) => void): Promise<void> {
  if (await buildIsCurrent(root)) return;
  log('The sources changed since the last production build: next build …');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('next build failed');
  await recordBuild(root);
}

/** Nothing else listens there: otherwise the health check could be answered by another server. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', () => fail(new Error(`Port ${port} is taken: give another with --port.`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done()));
  });
}

/** One server process per core, as a production machine runs it (scripts/serve.mjs), unless WEB_CONCURRENCY says otherwise. */
export const serverProcesses = () => Number(process.env.WEB_CONCURRENCY ?? availableParallelism());

export async function startServer(options: { databaseUrl: string; port: number; log: (line: string) => void }): Promise<BenchServer> {
  await assertPortFree(options.port);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: baseUrl,
      DEMO_MODE: '1',
      // The bench's secretariat signs in with a password alone.
      MFA_REQUIRED_ROLES: '',
      // The open-data API's limit per account (600 a minute) would answer most of the summary API's
      // measured requests with 429: the benchmark measures the work, not the limiter.
      OPEN_DATA_REQUESTS_PER_MINUTE: '1000000',
      // A log line per request would cost the server time the benchmark measures.
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOSTNAME_BIND: '127.0.0.1',
      WEB_CONCURRENCY: String(serverProcesses()),
    },
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      // Warnings and errors of the server are worth seeing as they happen.
      if (!line.startsWith('> Ready')) options.log(`[server] ${line}`);
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const stop = () => stopChild(child);
  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.join('\n')}`);
  }
  let manifest: Promise<{ node: Record<string, { exportedName?: string }> }> | undefined;
  return {
    baseUrl,
    pid: child.pid!,
    async actionId(exportedName) {
      manifest ??= readFile(join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8').then(JSON.parse);
      const found = Object.entries((await manifest).node).find(([, action]) => action.exportedName === exportedName);
      if (!found) throw new Error(`No server action ${exportedName} in the build`);
      return found[0];
    },
    stop,
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}) before it was healthy.`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`The server was not healthy within 2 minutes: ${last}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  // serve.mjs lets requests under way finish; a server that hangs is not waited for long.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
