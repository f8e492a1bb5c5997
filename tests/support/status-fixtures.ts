// A small world for status-report tests: reference data (193 States, the open cycle), a
// synthetic instrument of three commitments in the cycle's scope, and one user per role.
import type { Db } from '@/lib/db/client';
import type { ImplementationStatus, Role } from '@/lib/generated/prisma/enums';
import { setDefaultScope, snapshotCycleCommitments } from '@/lib/cycles/mutations';
import { reviewStatusReport, saveStatusReport } from '@/lib/status-reports/mutations';
import { seedReferenceData } from '@/prisma/seed/seed-reference';

export type FixtureUser = { id: string; email: string; role: Role; entityId: string | null };

export type StatusWorld = {
  cycle: { id: string; code: string };
  entities: { MEX: string; NGA: string; UNODC: string };
  commitments: string[];
  users: { admin: FixtureUser; secretariat: FixtureUser; focalMex: FixtureUser; focalMex2: FixtureUser; focalNga: FixtureUser; viewer: FixtureUser };
};

export async function createStatusWorld(db: Db, now = new Date('2026-06-01T00:00:00Z')): Promise<StatusWorld> {
  await seedReferenceData(db, { now });
  const cycle = await db.reportingCycle.findFirstOrThrow({ where: { state: 'OPEN' }, select: { id: true, code: true } });
  const entityIds = Object.fromEntries(
    (await db.reportingEntity.findMany({ where: { code: { in: ['MEX', 'NGA', 'UNODC'] } }, select: { id: true, code: true } })).map((row) => [row.code, row.id]),
  ) as StatusWorld['entities'];
  const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
  const instrument = await db.instrument.create({
    data: { code: 'TEST', symbol: 'TEST/1', title: { en: 'Test instrument (synthetic)' }, adoptedYear: 2026, adoptedBy: { en: 'Tests' } },
    select: { id: true },
  });
  // The open cycle covers all instruments: a trigger has added this one to its scope.
  await db.cycleInstrument.findUniqueOrThrow({ where: { cycleId_instrumentId: { cycleId: cycle.id, instrumentId: instrument.id } } });
  const commitments: string[] = [];
  for (const [index, letter] of ['a', 'b', 'c'].entries()) {
    const commitment = await db.commitment.create({
      data: {
        instrumentId: instrument.id, thematicAreaId: area.id, reference: `1(${letter})`, kind: 'OPERATIONAL_RECOMMENDATION', order: index + 1,
        texts: { create: [{ locale: 'en', text: `[TEST] Synthetic commitment ${letter}.`, sourceName: 'test fixture' }] },
      },
      select: { id: true },
    });
    commitments.push(commitment.id);
  }
  const user = async (key: string, role: Role, entityId: string | null): Promise<FixtureUser> => {
    const email = `${key}@example.test`;
    const created = await db.user.create({ data: { email, name: key, role, entityId, passwordHash: 'not a real hash' }, select: { id: true } });
    return { id: created.id, email, role, entityId };
  };
  return {
    cycle,
    entities: entityIds,
    commitments,
    users: {
      admin: await user('admin', 'ADMIN', null),
      secretariat: await user('secretariat', 'SECRETARIAT', null),
      focalMex: await user('focal-mex', 'FOCAL_POINT', entityIds.MEX),
      focalMex2: await user('focal-mex-2', 'FOCAL_POINT', entityIds.MEX),
      focalNga: await user('focal-nga', 'FOCAL_POINT', entityIds.NGA),
      viewer: await user('viewer', 'VIEWER', null),
    },
  };
}

/**
 * A closed earlier cycle (the whole of `year`, scoped as usual) with one accepted report of
 * Mexico, written as a seed would: the database records the acceptance itself.
 */
export async function createClosedCycleWithAcceptance(
  db: Db, world: StatusWorld, year: number, accepted: { commitmentId: string; status: ImplementationStatus },
): Promise<{ id: string; code: string }> {
  const cycle = await db.reportingCycle.create({
    data: {
      code: String(year), name: { en: `[TEST] ${year}` }, periodStart: new Date(`${year}-01-01`), periodEnd: new Date(`${year}-12-31`),
      opensAt: new Date(`${year}-01-01T00:00:00Z`), closesAt: new Date(`${year}-12-31T23:59:59Z`), state: 'CLOSED',
    },
    select: { id: true, code: true },
  });
  await db.$transaction(async (tx) => {
    await setDefaultScope(tx, cycle.id, null);
    await snapshotCycleCommitments(tx, cycle.id);
  });
  await db.statusReport.create({
    data: {
      cycleId: cycle.id, entityId: world.entities.MEX, commitmentId: accepted.commitmentId, status: accepted.status, narrative: `[TEST] ${year}.`,
      state: 'ACCEPTED', reviewedAt: new Date(`${year}-11-01T00:00:00Z`), reviewedById: world.users.secretariat.id,
    },
  });
  return cycle;
}

/** A report of the open cycle submitted by `user` and accepted by the secretariat at `at`, with `status`. */
export async function acceptReport(
  db: Db, world: StatusWorld, user: FixtureUser, report: { entityId: string; commitmentId: string; status: ImplementationStatus }, at: Date,
) {
  const saved = await saveStatusReport(db, user, { cycleId: world.cycle.id, ...report, version: 0, narrative: '[TEST] Accepted.', asOf: null, intent: 'submit' }, at);
  return reviewStatusReport(db, world.users.secretariat, { reportId: saved.id, version: saved.version, decision: 'accept', comment: '' }, at);
}
