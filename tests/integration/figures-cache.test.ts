// An area's figures each server keeps (lib/summaries/figures-cache.ts), against real PostgreSQL:
// the same figures as counting afresh, kept while nothing they are counted from changes, and
// never served once the database has changed the cycle's figures version or the catalogue
// version (an acceptance, evidence, an entity's regional group, a commitment), whoever writes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { computeAreaSummary } from '@/lib/summaries/compute';
import { forgetAreaSummaries, keptAreaSummary } from '@/lib/summaries/figures-cache';
import { reviewStatusReport, saveStatusReport } from '@/lib/status-reports/mutations';
import { linkReportUrl } from '@/lib/status-reports/evidence-mutations';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { createTestDatabase } from '../support/test-database';
import { acceptReport, createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
const now = new Date('2026-06-10T00:00:00Z');

const accept = (user: FixtureUser, entityId: string, commitmentId: string, status: ImplementationStatus) =>
  acceptReport(db, world, user, { entityId, commitmentId, status }, now);

const figuresVersion = async () => (await db.cycleFiguresVersion.findUnique({ where: { cycleId: world.cycle.id }, select: { version: true } }))?.version ?? 0;

/** The kept figures, checked against figures counted afresh. */
async function kept(filters = {}) {
  const summary = await keptAreaSummary(db, world.cycle.id, 'TA1', filters);
  expect(summary).toEqual(await computeAreaSummary(db, world.cycle.id, 'TA1', filters));
  return summary!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  forgetAreaSummaries();
});

afterAll(() => database.drop());

it('keeps an area\'s figures while nothing changes, per set of filters', async () => {
  await accept(world.users.focalMex, world.entities.MEX, world.commitments[0]!, 'IN_PROGRESS');
  const first = await kept();
  expect(await kept()).toBe(first);
  const states = await kept({ entityKind: 'MEMBER_STATE' });
  expect(states).not.toBe(first);
  expect(await kept({ entityKind: 'MEMBER_STATE' })).toBe(states);
  // A submission is not an acceptance: the same figures.
  await saveStatusReport(db, world.users.focalNga, { cycleId: world.cycle.id, entityId: world.entities.NGA, commitmentId: world.commitments[0]!, version: 0, status: 'NOT_STARTED', narrative: '[TEST] Submitted.', asOf: null, intent: 'submit' }, now);
  expect(await kept()).toBe(first);
});

it('counts afresh after an acceptance', async () => {
  const before = await kept();
  await accept(world.users.focalNga, world.entities.NGA, world.commitments[1]!, 'FULLY_IMPLEMENTED');
  const after = await kept();
  expect(after).not.toBe(before);
  expect(after.entities.reporting).toBe(before.entities.reporting + 1);
});

it('counts afresh when the evidence of an accepted report changes, and not for a draft\'s', async () => {
  const key = { cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: world.commitments[2]! };
  const version = await figuresVersion();
  const draft = await saveStatusReport(db, world.users.focalMex, { ...key, version: 0, status: 'IN_PROGRESS', narrative: '[TEST] Draft.', asOf: null, intent: 'save' }, now);
  const before = await kept();
  // Evidence of a draft is counted nowhere yet: the figures stand.
  await linkReportUrl(db, world.users.focalMex, { reportId: draft.id, url: 'https://example.test/evidence', title: '[TEST] Page', note: '' }, now);
  expect(await figuresVersion()).toBe(version);
  expect(await kept()).toBe(before);

  const submitted = await saveStatusReport(db, world.users.focalMex, { ...key, version: draft.version, status: 'IN_PROGRESS', narrative: '[TEST] Submitted.', asOf: null, intent: 'submit' }, now);
  await reviewStatusReport(db, world.users.secretariat, { reportId: draft.id, version: submitted.version, decision: 'accept', comment: '' }, now);
  const accepted = await kept();
  expect(accepted).not.toBe(before);
  // Once the report is accepted, a change of its evidence changes what the figures count.
  const raised = await figuresVersion();
  await db.evidenceLink.updateMany({ where: { statusReportId: draft.id }, data: { state: 'REJECTED' } });
  expect(await figuresVersion()).toBe(raised + 1);
  expect(await kept()).not.toBe(accepted);
});

it('counts afresh after an entity changes regional group, or the catalogue changes', async () => {
  const before = await kept({ group: 'AFRICAN' });
  const nigeria = await db.reportingEntity.findUniqueOrThrow({ where: { id: world.entities.NGA }, select: { regionalGroup: true } });
  expect(nigeria.regionalGroup).toBe('AFRICAN');
  await db.reportingEntity.update({ where: { id: world.entities.NGA }, data: { regionalGroup: 'ASIA_PACIFIC' } });
  const moved = await kept({ group: 'AFRICAN' });
  expect(moved).not.toBe(before);
  expect(moved.entities.expected).toBe(before.entities.expected - 1);

  const all = await kept();
  await db.commitment.update({ where: { id: world.commitments[2]! }, data: { reference: '1(z)' } });
  const renamed = await kept();
  expect(renamed).not.toBe(all);
  expect(renamed.commitments.map((row) => row.reference)).toContain('1(z)');
});
