// The commitments of a cycle each server keeps for the worklist (lib/catalogue/cycle-commitments.ts),
// against real PostgreSQL: kept while the catalogue is unchanged, and never served once the
// database has replaced the catalogue's version, which it does with every statement that changes
// an instrument, an area, a commitment, its wording or a cycle's instruments, whoever writes.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { saveStatusReport } from '@/lib/status-reports/mutations';
import { createAppTestDatabase } from '../support/test-database';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';

let database: Awaited<ReturnType<typeof createAppTestDatabase>>;
let db: Db;
let world: StatusWorld;
let kept: typeof import('@/lib/catalogue/cycle-commitments');

const version = async () => (await db.catalogueVersion.findUniqueOrThrow({ where: { id: 1 }, select: { version: true } })).version;

beforeAll(async () => {
  database = await createAppTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  // lib/db reads DATABASE_URL on first use: imported once it names this database.
  kept = await import('@/lib/catalogue/cycle-commitments');
  kept.forgetCycleCommitments();
});

afterAll(() => database.drop());

it('replaces the catalogue version with every statement that changes the catalogue, and only those', async () => {
  const changes: [string, () => Promise<unknown>][] = [
    ['a commitment', () => db.commitment.update({ where: { id: world.commitments[0]! }, data: { order: 7 } })],
    ['its wording', () => db.commitmentText.updateMany({ where: { commitmentId: world.commitments[0]! }, data: { text: '[TEST] Reworded.' } })],
    ['an instrument', () => db.instrument.updateMany({ where: { code: 'TEST' }, data: { adoptedYear: 2025 } })],
    ['an area', () => db.thematicArea.updateMany({ where: { code: 'TA1' }, data: { order: 1 } })],
    ['a cycle\'s instruments', () => db.cycleInstrument.deleteMany({ where: { cycleId: world.cycle.id, instrument: { code: { not: 'TEST' } } } })],
  ];
  for (const [what, change] of changes) {
    const before = await version();
    await change();
    expect(await version(), what).not.toBe(before);
  }
  // A report saved is not a change of the catalogue.
  const before = await version();
  await saveStatusReport(db, world.users.focalMex, {
    cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: world.commitments[1]!, version: 0, status: 'IN_PROGRESS', narrative: '[TEST] Draft.', asOf: null, intent: 'save',
  }, new Date('2026-06-10T00:00:00Z'));
  expect(await version()).toBe(before);
});

it('keeps a cycle\'s commitments while the catalogue is unchanged, and reads them anew after a change', async () => {
  const first = await kept.cycleCommitments(world.cycle.id);
  expect(first.map((commitment) => commitment.id)).toEqual(expect.arrayContaining(world.commitments));
  // Nothing changed: the very list kept is served again.
  expect(await kept.cycleCommitments(world.cycle.id)).toBe(first);

  await db.commitmentText.updateMany({ where: { commitmentId: world.commitments[2]! }, data: { text: '[TEST] Wording after a new import.' } });
  const second = await kept.cycleCommitments(world.cycle.id);
  expect(second).not.toBe(first);
  expect(second.find((commitment) => commitment.id === world.commitments[2])!.texts.map((text) => text.text)).toEqual(['[TEST] Wording after a new import.']);

  // A commitment added to the cycle's instrument is listed at once.
  const instrumentId = (await db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } })).id;
  const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
  const added = await db.commitment.create({
    data: { instrumentId, thematicAreaId: area.id, reference: '1(d)', kind: 'OPERATIONAL_RECOMMENDATION', order: 9, texts: { create: [{ locale: 'en', text: '[TEST] Synthetic commitment d.', sourceName: 'test fixture' }] } },
    select: { id: true },
  });
  expect((await kept.cycleCommitments(world.cycle.id)).map((commitment) => commitment.id)).toContain(added.id);
});

it('replaces the version when a transaction commits, so that a long one holds up no other change of the catalogue', async () => {
  const long = new pg.Client({ connectionString: database.url });
  const other = new pg.Client({ connectionString: database.url });
  await Promise.all([long.connect(), other.connect()]);
  try {
    // A document import, say: a transaction that changes the catalogue and goes on for a while.
    await long.query('BEGIN');
    await long.query('UPDATE "Commitment" SET "order" = "order" WHERE "id" = $1', [world.commitments[0]]);
    const before = await version();
    // Meanwhile an entity is edited: it neither waits for the long one nor fails.
    await other.query(`SET statement_timeout = '3s'`);
    await other.query('UPDATE "ReportingEntity" SET "name" = "name" WHERE "id" = $1', [world.entities.MEX]);
    const edited = await version();
    expect(edited).not.toBe(before);
    // The long one's change counts when it commits.
    await long.query('COMMIT');
    expect(await version()).not.toBe(edited);
  } finally {
    await long.query('ROLLBACK').catch(() => undefined);
    await Promise.all([long.end(), other.end()]);
  }
});
