// `npm run bench -- [--states N --agencies N --commitments N --cycles N] [--duration S]
// [--connections N] [--database NAME] [--out DIR] [--port P] [--lcp-runs N]`: issue 11's
// benchmark. Fills the bench database when it is missing or at another scale, builds and starts
// the production server on it, takes every measurement in one run, prints a table and writes
// <out>/<timestamp>.json. Missed goals are findings (exit 0); a measurement that could not be
// taken fails the run (exit 1), after the others and the file.
import './quiet-logs';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Request } from 'autocannon';
import { areaSummarySql, trendSql } from '@/lib/summaries/summary-sql';
import { reportPath } from '@/lib/status-reports/paths';
import { applyMigrations } from '@/lib/db/migrations';
import { benchDatabaseExists, openBenchServer, recreateBenchDatabase } from './database';
import { generateBenchData, readBenchStamp } from './data';
import { BENCH_PASSWORD, BENCH_SECRETARIAT, FULL_SCALE, type BenchDataStamp, type BenchScale } from './fixture';
import { measureHttp } from './http-load';
import { measureSql } from './sql-load';
import { measureSubmit } from './submit';
import { measureCsvExport } from './csv-export';
import { measureDocumentImport } from './document-import';
import { measureFirstLoadJs } from './first-load-js';
import { measureLcp } from './lcp';
import { actionRequest, actionSucceeded } from './action-request';
import { parseBenchOptions, USAGE, type BenchOptions } from './options';
import { signIn } from './session';
import { ensureBuild, serverProcesses, startServer, type BenchServer } from './server';
import { loadTargets, type BenchTargets } from './targets';
import {
  checkGoals, fileTimestamp, formatResults, goalsApply, machine, writeResults,
  type BenchResults, type FirstLoadJs, type Lcp, type Measurements,
} from './results';

const WARMUP_SECONDS = 1;
/** Terms the synthetic texts and A/74/129 contain: one English, one Chinese, in turn. */
const SEARCH_TERMS = ['treatment', '治疗'];

const log = (line: string) => console.error(`[bench] ${line}`);

/** Data at the scale asked for: the existing database when its stamp matches, else generated anew. */
async function ensureData(url: string, exists: boolean, asked: Partial<BenchScale>, recreate: () => Promise<void>): Promise<BenchDataStamp> {
  const stamp = exists ? await readBenchStamp(url).catch(() => null) : null;
  const scale: BenchScale = { ...(stamp?.scale ?? FULL_SCALE), ...asked };
  const same = stamp && (Object.keys(scale) as (keyof BenchScale)[]).every((key) => stamp.scale[key] === scale[key]);
  if (same) {
    // Data made before the latest migrations is brought up to them, as a deployment would be.
    const { applied } = await applyMigrations(url);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
    return stamp;
  }
  log(stamp ? `The bench data is at another scale (${JSON.stringify(stamp.scale)}): generating it anew.` : 'No bench data yet: generating it.');
  await recreate();
  return generateBenchData(url, scale, { log });
}

async function measureAll(options: BenchOptions, databaseUrl: string, server: BenchServer, targets: BenchTargets, failures: BenchResults['failures']) {
  const measurements: Measurements = {};
  const { cycle, focal } = targets;
  const common = { baseUrl: server.baseUrl, connections: options.connections, duration: options.duration, warmupSeconds: WARMUP_SECONDS };
  const secretariat = await signIn(server.baseUrl, BENCH_SECRETARIAT, BENCH_PASSWORD);
  const focalCookie = await signIn(server.baseUrl, focal.email, BENCH_PASSWORD);
  const get = (path: string, cookie: string) => ({ method: 'GET', path, headers: { cookie, accept: 'text/html' } });

  const take = async <T>(name: string, work: () => Promise<T>): Promise<T | null> => {
    if (options.only.length > 0 && !options.only.includes(name)) return null;
    log(`${name} …`);
    try {
      return await work();
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      failures.push({ name, error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };
  const record = async <K extends keyof Measurements>(name: K, work: () => Promise<NonNullable<Measurements[K]>>) => {
    const result = await take(name, work);
    if (!result) return;
    measurements[name] = result;
    // Figures of requests that all failed measure nothing: the run did not do its job.
    if (result.requests === 0 || result.errors >= result.requests) {
      failures.push({ name, error: `${result.errors} errors in ${result.requests} requests` });
    }
  };

  await record('raw_summary_sql', () => {
    // The figures and the trend over the cycles so far: every statement the page's summary needs.
    const area = { id: targets.area.id, isSubArea: false };
    const sql = [...Object.values(areaSummarySql(cycle.id, area)), trendSql(area, targets.trendCycleIds)];
    const statements = sql.map((statement) => ({ text: statement.text, values: statement.values }));
    return measureSql(databaseUrl, statements, { connections: options.connections, duration: options.duration, warmupSeconds: WARMUP_SECONDS });
  });
  // The live figures of the open cycle, as the secretariat reads them: the same SQL as the floor.
  await record('summary_page', () => measureHttp({ ...common, requests: [get(`/en/areas/${targets.area.code}/summary?cycle=${encodeURIComponent(cycle.code)}`, secretariat)] }));
  await record('summary_api', () => measureHttp({
    ...common, requests: [{ method: 'GET', path: `/api/v1/summaries/${targets.area.code}?cycle=${encodeURIComponent(cycle.code)}`, headers: { cookie: secretariat, accept: 'application/json' } }],
  }));
  await record('worklist_page', () => measureHttp({ ...common, requests: [get('/en/worklist', focalCookie)] }));
  await record('review_queue', () => measureHttp({ ...common, requests: [get('/en/reviews', secretariat)] }));
  await record('search', () => measureHttp({ ...common, requests: SEARCH_TERMS.map((term) => get(`/en/search?q=${encodeURIComponent(term)}`, secretariat)) }));
  await record('suggestions', async () => {
    const actionId = await server.actionId('suggestEvidenceAction');
    // The commitments in turn across all connections: a suggestion locks its commitment, and
    // connections all asking for the same one would measure the lock, not the work.
    let next = 0;
    const setupRequest = (request: Request): Request => {
      const commitmentId = targets.commitmentIds[next++ % targets.commitmentIds.length]!;
      return { ...request, ...actionRequest({ path: `/en/commitments/${commitmentId}`, actionId, origin: server.baseUrl, cookie: secretariat, fields: { commitmentId } }) };
    };
    return measureHttp({ ...common, verify: actionSucceeded, requests: [{ setupRequest }] });
  });

  // The focal point's pages: its dashboard, worklist, upload, a report form and notifications.
  const reportPage = `/en${reportPath(cycle.code, focal.code, targets.reportCommitmentId)}`;
  const firstLoadJs: FirstLoadJs | null = await take('first_load_js_kb', () => measureFirstLoadJs(server.baseUrl, focalCookie, [
    '/en/dashboard', '/en/worklist', '/en/worklist/upload', reportPage, '/en/notifications',
  ]));
  const lcp: Lcp | null = await take('lcp', () => measureLcp(server.baseUrl, focalCookie, options.lcpRuns));

  // Submissions last: they change what the worklist and the review queue show.
  await record('submit', () => measureSubmit({ server, databaseUrl, cycle, excludeEntityId: focal.id, connections: options.connections, duration: options.duration, warmupSeconds: WARMUP_SECONDS, log }));
  await record('csv_export', () => measureCsvExport({ baseUrl: server.baseUrl, pid: server.pid, cookie: secretariat, databaseUrl }));
  await record('document_import', () => measureDocumentImport(databaseUrl));
  return { measurements, firstLoadJs, lcp };
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    if (!(error instanceof Error && error.message.includes('Usage:'))) console.error(`\n${USAGE}`);
    return 2;
  }
  const startedAt = new Date();
  const database = await openBenchServer({ database: options.database, log });
  let server: BenchServer | null = null;
  const cleanup = async () => {
    await server?.stop().catch((error: unknown) => log(`Could not stop the server: ${String(error)}`));
    server = null;
    await database.stop().catch((error: unknown) => log(`Could not stop the database: ${String(error)}`));
  };
  // Ctrl-C: the server and an embedded database are stopped, not left running.
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const stamp = await ensureData(database.url, await benchDatabaseExists(database), options.scale, () => recreateBenchDatabase(database));
    log(`Data: ${database.description}, ${JSON.stringify(stamp.scale)}, ${stamp.statusReports.toLocaleString('en')} status reports.`);
    await ensureBuild(log);
    server = await startServer({ databaseUrl: database.url, port: options.port, log });
    log(`Server: ${server.baseUrl} (pid ${server.pid}); ${options.connections} connections, ${options.duration} s a measurement.`);
    const targets = await loadTargets(database.url);
    const failures: BenchResults['failures'] = [];
    const { measurements, firstLoadJs, lcp } = await measureAll(options, database.url, server, targets, failures);

    const scale = { ...stamp.scale, statusReports: stamp.statusReports, statusEvents: stamp.statusEvents, generatedAt: stamp.generatedAt };
    const results: BenchResults = {
      version: 1,
      timestamp: fileTimestamp(startedAt),
      machine: machine(),
      scale,
      options: { duration: options.duration, connections: options.connections, serverProcesses: serverProcesses() },
      goals_apply: goalsApply(scale, options.connections),
      measurements,
      first_load_js_kb: firstLoadJs,
      lcp,
      goals: checkGoals({ measurements, first_load_js_kb: firstLoadJs, lcp }),
      failures,
    };
    const file = await writeResults(options.out, results);
    console.log(formatResults(results));
    console.log(`\nWritten: ${file}`);
    return failures.length ? 1 : 0;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  // An explicit exit: a client library's idle timer must not keep a finished run alive.
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
