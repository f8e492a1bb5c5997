// A tiny-scale run of `npm run bench`: it generates its data, builds and starts the server, takes
// every measurement and writes valid JSON. Never a timing assertion: this machine's speed during
// a test run says nothing about the application's.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { dropBenchDatabase, openBenchServer } from '@/scripts/bench/database';
import { MEASUREMENTS, type BenchResults } from '@/scripts/bench/results';

const root = resolve(import.meta.dirname, '../..');
const DATABASE = 'tracker_bench_smoke';
let folder: string | undefined;

/** The bench's environment: TEST_DATABASE_URL's server when set, else an embedded PostgreSQL in the test's folder. */
function benchEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The run must not reach the application's own database, nor write to .data/.
  delete env.DATABASE_URL;
  if (process.env.TEST_DATABASE_URL) env.BENCH_SERVER_URL = process.env.TEST_DATABASE_URL;
  else {
    delete env.BENCH_SERVER_URL;
    env.BENCH_DATA_DIR = join(dir, 'pg');
  }
  return env;
}

function runBench(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'bench', '--', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

afterAll(async () => {
  if (!folder) return;
  // An embedded server's data goes with the folder; on a shared server the database is dropped.
  const shared = process.env.TEST_DATABASE_URL;
  if (shared) {
    const saved = process.env.BENCH_SERVER_URL;
    process.env.BENCH_SERVER_URL = shared;
    try {
      const server = await openBenchServer({ database: DATABASE });
      await dropBenchDatabase(server);
      await server.stop();
    } finally {
      if (saved === undefined) delete process.env.BENCH_SERVER_URL;
      else process.env.BENCH_SERVER_URL = saved;
    }
  }
  await rm(folder, { recursive: true, force: true });
});

test('npm run bench at a tiny scale writes every measurement as JSON', async () => {
  folder = await mkdtemp(join(tmpdir(), 'tracker-bench-smoke-'));
  const out = join(folder, 'results');
  const { code, output } = await runBench([
    '--states', '3', '--agencies', '1', '--commitments', '12', '--cycles', '2', '--duration', '1', '--connections', '2',
    '--database', DATABASE, '--out', out, '--port', '3471', '--lcp-runs', '1',
  ], benchEnv(folder));
  expect(code, output).toBe(0);

  const files = (await readdir(out)).filter((name) => name.endsWith('.json'));
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.json$/);
  const results = JSON.parse(await readFile(join(out, files[0]!), 'utf8')) as BenchResults;

  expect(results.version).toBe(1);
  expect(results.scale).toMatchObject({ states: 3, agencies: 1, commitments: 12, cycles: 2 });
  expect(results.options).toMatchObject({ duration: 1, connections: 2 });
  expect(results.options.serverProcesses).toBeGreaterThanOrEqual(1);
  for (const name of MEASUREMENTS) {
    const measurement = results.measurements[name];
    expect(measurement, name).toBeDefined();
    for (const field of ['p50', 'p97_5', 'p99', 'requests_per_second', 'connections', 'errors'] as const) {
      expect(typeof measurement![field], `${name}.${field}`).toBe('number');
    }
  }
  expect(typeof results.measurements.csv_export!.seconds).toBe('number');
  expect(typeof results.measurements.csv_export!.rss_growth_mb).toBe('number');
  expect(typeof results.measurements.submit!.audit_share).toBe('number');
  expect(Object.keys(results.first_load_js_kb!.pages).length).toBeGreaterThan(0);
  expect(typeof results.first_load_js_kb!.max).toBe('number');
  expect(typeof results.lcp!.worklist_ms).toBe('number');
  expect(results.goals.length).toBeGreaterThan(0);
  expect(results.failures).toEqual([]);
});
