// The trend counts each server keeps per cycle (lib/summaries/trend-cache.ts), against real
// PostgreSQL: kept while nothing changes, and never served once the database has raised the
// cycle's figures version (an acceptance, a change of the expected entities), whoever writes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { computeTrend } from '@/lib/summaries/compute';
import { forgetTrendCounts, trendRows } from '@/lib/summaries/trend-cache';
import { saveStatusReport } from '@/lib/status-reports/mutations';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { createTestDatabase } from '../support/test-database';
import { acceptReport, createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
let ta1: string;
const now = new Date('2026-06-10T00:00:00Z');

const accept = (user: FixtureUser, entityId: string, commitmentId: string, status: ImplementationStatus) =>
  acceptReport(db, world, user, { entityId, commitmentId, status }, now);

const version = async () => (await db.cycleFiguresVersion.findUnique({ where: { cycleId: world.cycle.id }, select: { version: true } }))?.version ?? 0;

/** The same client, counting the statements it sends through $queryRaw (the counting itself). */
function counting(target: Db): { db: Db; queries: () => number } {
  let queries = 0;
  const proxy = new Proxy(target, {
    get(object, property, receiver) {
      if (property === '$queryRaw') return (...args: Parameters<Db['$queryRaw']>) => { queries += 1; return object.$queryRaw(...args); };
      return Reflect.get(object, property, receiver);
    },
  });
  return { db: proxy, queries: () => queries };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  ta1 = (await db.thematicArea.findUniqueOrThrow({ where: { code: 'TA1' }, select: { id: true } })).id;
  forgetTrendCounts();
});

afterAll(() => database.drop());

it('raises a cycle\'s figures version with every statement that accepts a report in it', async () => {
  const before = await version();
  await accept(world.users.focalMex, world.entities.MEX, world.commitments[0]!, 'IN_PROGRESS');
  expect(await version()).toBe(before + 1);
  // A save or a submission is not an acceptance: the figures do not move.
  await saveStatusReport(db, world.users.focalNga, { cycleId: world.cycle.id, entityId: world.entities.NGA, commitmentId: world.commitments[0]!, version: 0, status: 'NOT_STARTED', narrative: '[TEST] Submitted.', asOf: null, intent: 'submit' }, now);
  expect(await version()).toBe(before + 1);
});

it('counts a cycle once while nothing changes, and again after an acceptance', async () => {
  const area = { id: ta1, isSubArea: false };
  const { db: watched, queries } = counting(db);
  const first = await trendRows(watched, area, [world.cycle.id], {}, undefined);
  const again = await trendRows(watched, area, [world.cycle.id], {}, undefined);
  expect(queries()).toBe(1);
  expect(again).toEqual(first);
  expect(first).toEqual([{ cycleId: world.cycle.id, status: 'IN_PROGRESS', count: 1 }]);

  await accept(world.users.focalNga, world.entities.NGA, world.commitments[1]!, 'FULLY_IMPLEMENTED');
  const after = await trendRows(watched, area, [world.cycle.id], {}, undefined);
  expect(queries()).toBe(2);
  expect(after.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
    { cycleId: world.cycle.id, status: 'FULLY_IMPLEMENTED', count: 1 },
    { cycleId: world.cycle.id, status: 'IN_PROGRESS', count: 1 },
  ]);
  // Other filters are counted, and kept, apart.
  expect(await trendRows(watched, area, [world.cycle.id], { entityKind: 'MEMBER_STATE' }, undefined)).toHaveLength(2);
  expect(queries()).toBe(3);
});

it('gives the trend a fresh count would give, and moves when the expected entities change', async () => {
  const kept = await computeTrend(db, 'TA1');
  forgetTrendCounts();
  expect(await computeTrend(db, 'TA1')).toEqual(kept);

  const before = await version();
  // NGA no longer expected: its acceptance drops out of the figures, at once.
  await db.cycleEntity.delete({ where: { cycleId_entityId: { cycleId: world.cycle.id, entityId: world.entities.NGA } } });
  expect(await version()).toBe(before + 1);
  const narrowed = await computeTrend(db, 'TA1');
  expect(narrowed.find((point) => point.cycle === '2026')!.progressIndex).not.toEqual(kept.find((point) => point.cycle === '2026')!.progressIndex);
  await db.cycleEntity.create({ data: { cycleId: world.cycle.id, entityId: world.entities.NGA } });
  expect(await version()).toBe(before + 2);
  expect(await computeTrend(db, 'TA1')).toEqual(kept);
});
