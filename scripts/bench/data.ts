// `npm run bench:data -- --states 193 --agencies 20 --commitments 400 --cycles 12`: fills the
// benchmark's own database (scripts/bench/database.ts) with synthetic data at that scale: the
// reference data and A/74/129 as `npm start` seeds them, bench accounts, the BENCH instrument,
// the cycles, about a million status reports in every workflow state with their timelines, and
// evidence. The database is made anew each time. Its scale is kept as a comment on the database.
import './quiet-logs';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { applyMigrations } from '@/lib/db/migrations';
import { createPrismaClient } from '@/lib/db/client';
import { seed } from '@/prisma/seed';
import { publishSummaries } from '@/lib/summaries/mutations';
import { openBenchServer, recreateBenchDatabase } from './database';
import { createAccounts, createCycles, createInstrument, entitiesInScope, importSyntheticReports } from './data-catalogue';
import { insertEvents, insertEvidence, insertReports } from './data-reports';
import { BENCH_SECRETARIAT, FULL_SCALE, type BenchDataStamp, type BenchScale } from './fixture';
import { progressBar } from './progress';

/** Synthetic reports imported beside A/74/129: a few hundred paragraphs in all. */
const SYNTHETIC_REPORTS = 2;
const PARAGRAPHS_PER_REPORT = 150;

type Log = (line: string) => void;

export async function generateBenchData(url: string, scale: BenchScale, { log = () => {} }: { log?: Log } = {}): Promise<BenchDataStamp> {
  const started = Date.now();
  const steps = 6 + scale.cycles;
  const progress = progressBar(steps, log);
  await applyMigrations(url);
  const db = createPrismaClient(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    progress.step('reference data and A/74/129');
    await seed(db, { demo: false });
    const entities = await entitiesInScope(db, scale);
    progress.step(`accounts for ${entities.length} entities`);
    await createAccounts(db, entities);
    progress.step(`${scale.commitments} commitments`);
    await createInstrument(db, scale.commitments);
    await importSyntheticReports(db, SYNTHETIC_REPORTS, PARAGRAPHS_PER_REPORT);
    const cycles = await createCycles(db, scale.cycles, entities.map((entity) => entity.id));

    let statusReports = 0;
    let statusEvents = 0;
    const now = new Date();
    for (const [position, cycle] of cycles.entries()) {
      progress.step(`cycle ${cycle.code}: reports and their timelines`);
      await client.query('BEGIN');
      statusReports += await insertReports(client, cycle, position, cycles.length, now);
      statusEvents += await insertEvents(client, cycle.id);
      await client.query('COMMIT');
    }
    progress.step('evidence');
    await insertEvidence(client);
    progress.step('publishing the closed cycles');
    const secretariat = await db.user.findUniqueOrThrow({ where: { email: BENCH_SECRETARIAT }, select: { id: true, role: true, entityId: true } });
    for (const cycle of cycles.filter((row) => !row.open)) await publishSummaries(db, secretariat, { cycleCode: cycle.code });
    progress.step('statistics (VACUUM ANALYZE)');
    await client.query('VACUUM (ANALYZE)');

    const stamp: BenchDataStamp = { scale, generatedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000), statusReports, statusEvents };
    await client.query(`COMMENT ON DATABASE ${client.escapeIdentifier(await currentDatabase(client))} IS ${client.escapeLiteral(JSON.stringify(stamp))}`);
    progress.done();
    return stamp;
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

async function currentDatabase(client: pg.ClientBase): Promise<string> {
  return (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
}

/** The scale the bench database was filled at, or null when it was not (or not to the end). */
export async function readBenchStamp(url: string): Promise<BenchDataStamp | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`);
    const comment = rows[0]?.comment;
    return comment ? (JSON.parse(comment) as BenchDataStamp) : null;
  } finally {
    await client.end();
  }
}

export function parseScale(argv: string[]): { scale: BenchScale; database?: string; given: boolean } {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: { states: { type: 'string' }, agencies: { type: 'string' }, commitments: { type: 'string' }, cycles: { type: 'string' }, database: { type: 'string' } },
  });
  const number = (name: keyof BenchScale, min: number, max: number) => {
    const raw = values[name];
    if (raw === undefined) return FULL_SCALE[name];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
    return value;
  };
  const scale = { states: number('states', 1, 193), agencies: number('agencies', 0, 30), commitments: number('commitments', 1, 5000), cycles: number('cycles', 1, 50) };
  const given = (['states', 'agencies', 'commitments', 'cycles'] as const).some((name) => values[name] !== undefined);
  return { scale, database: values.database, given };
}

async function main(argv: string[]) {
  const { scale, database } = parseScale(argv);
  const log = (line: string) => console.log(`[bench:data] ${line}`);
  const server = await openBenchServer({ database, log });
  try {
    log(`Filling ${server.description} at ${scale.states} States, ${scale.agencies} organizations, ${scale.commitments} commitments, ${scale.cycles} cycles.`);
    await recreateBenchDatabase(server);
    const stamp = await generateBenchData(server.url, scale, { log });
    log(`Done in ${stamp.seconds} s: ${stamp.statusReports.toLocaleString('en')} status reports, ${stamp.statusEvents.toLocaleString('en')} events.`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`[bench:data] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
