// What the measurements are run on, read from the bench database: the open cycle, the thematic
// area of the summaries, the focal point whose pages are measured, commitments of the synthetic
// instrument, and draft reports to submit (each can be submitted once).
import pg from 'pg';
import { BENCH_INSTRUMENT, benchFocalPoint, PREFERRED_FOCAL_ENTITY } from './fixture';

export const SUMMARY_AREA = 'TA1';

export type Entity = { id: string; code: string };
export type DraftReport = { id: string; entityId: string; entityCode: string; commitmentId: string; version: number };

export type BenchTargets = {
  cycle: { id: string; code: string };
  /** The open and closed cycles up to the open one, oldest first: the summary's trend. */
  trendCycleIds: string[];
  area: { id: string; code: string };
  /** The focal point's entity: the worklist, its pages and LCP are measured as its focal point. */
  focal: Entity & { email: string };
  /** A commitment of the synthetic instrument, for the report form page. */
  reportCommitmentId: string;
  /** Commitments of the synthetic instrument, for suggestions. */
  commitmentIds: string[];
};

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Entities of the open cycle whose bench focal point exists and may sign in, by code. */
async function focalEntities(client: pg.Client, cycleId: string): Promise<(Entity & { email: string; userId: string })[]> {
  const { rows } = await client.query<Entity & { email: string; userId: string }>(`
    SELECT e."id", e."code", u."email", u."id" AS "userId"
    FROM "CycleEntity" ce JOIN "ReportingEntity" e ON e."id" = ce."entityId"
    JOIN "User" u ON u."entityId" = e."id" AND u."role" = 'FOCAL_POINT' AND NOT u."disabled"
    WHERE ce."cycleId" = $1 ORDER BY e."code"`, [cycleId]);
  return rows.filter((row) => row.email === benchFocalPoint(row.code));
}

export async function loadTargets(url: string): Promise<BenchTargets> {
  return withClient(url, async (client) => {
    const cycle = (await client.query<{ id: string; code: string }>(
      `SELECT "id", "code" FROM "ReportingCycle" WHERE "state" = 'OPEN' ORDER BY "opensAt" DESC LIMIT 1`)).rows[0];
    if (!cycle) throw new Error('The bench database has no open reporting cycle.');
    const area = (await client.query<{ id: string; code: string }>(
      `SELECT "id", "code" FROM "ThematicArea" WHERE "code" = $1 AND "parentId" IS NULL`, [SUMMARY_AREA])).rows[0];
    if (!area) throw new Error(`The bench database has no thematic area ${SUMMARY_AREA}.`);
    const entities = await focalEntities(client, cycle.id);
    const focal = entities.find((entity) => entity.code === PREFERRED_FOCAL_ENTITY) ?? entities[0];
    if (!focal) throw new Error('No entity of the open cycle has a bench focal point.');
    const commitmentIds = (await client.query<{ id: string }>(`
      SELECT c."id" FROM "Commitment" c JOIN "Instrument" i ON i."id" = c."instrumentId"
      WHERE i."code" = $1 ORDER BY c."order", c."id" LIMIT 50`, [BENCH_INSTRUMENT])).rows.map((row) => row.id);
    if (commitmentIds.length === 0) throw new Error(`The bench database has no commitments of the ${BENCH_INSTRUMENT} instrument.`);
    const trendCycleIds = (await client.query<{ id: string }>(
      `SELECT "id" FROM "ReportingCycle" WHERE "state" IN ('OPEN', 'CLOSED') ORDER BY "opensAt"`)).rows.map((row) => row.id);
    return { cycle, trendCycleIds, area, focal: { id: focal.id, code: focal.code, email: focal.email }, reportCommitmentId: commitmentIds[0]!, commitmentIds };
  });
}

export type DraftPool = { entities: (Entity & { email: string; userId: string })[]; reports: DraftReport[] };

/**
 * At least `size` draft reports of the open cycle that can be submitted (fewer when the data has
 * no more), from entities other than the measured focal point's (whose pages should stay as
 * generated): at least `minEntities` of them, more when their drafts run short (earlier runs
 * submitted them). Interleaved entity by entity, so that concurrent submissions come from
 * different people, as they would.
 */
export async function loadDraftPool(url: string, cycleId: string, exclude: string, minEntities: number, size: number): Promise<DraftPool> {
  return withClient(url, async (client) => {
    const candidates = (await focalEntities(client, cycleId)).filter((entity) => entity.id !== exclude);
    const counts = new Map((await client.query<{ entityId: string; drafts: number }>(`
      SELECT "entityId", count(*)::int AS "drafts" FROM "StatusReport"
      WHERE "cycleId" = $1 AND "state" = 'DRAFT' GROUP BY 1`, [cycleId])).rows.map((row) => [row.entityId, row.drafts]));
    const entities: typeof candidates = [];
    let total = 0;
    for (const entity of candidates.filter((candidate) => counts.get(candidate.id))) {
      if (entities.length >= minEntities && total >= size) break;
      entities.push(entity);
      total += counts.get(entity.id)!;
    }
    const { rows } = await client.query<DraftReport & { rank: number }>(`
      SELECT r."id", r."entityId", e."code" AS "entityCode", r."commitmentId", r."version",
        row_number() OVER (PARTITION BY r."entityId" ORDER BY r."commitmentId")::int AS "rank"
      FROM "StatusReport" r JOIN "ReportingEntity" e ON e."id" = r."entityId"
      WHERE r."cycleId" = $1 AND r."state" = 'DRAFT' AND r."entityId" = ANY($2::text[])
      ORDER BY "rank", "entityCode"`, [cycleId, entities.map((entity) => entity.id)]);
    return { entities, reports: rows.slice(0, size).map(({ rank: _rank, ...report }) => report) };
  });
}
