import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/tests/support/test-database';
import type { Db } from '@/lib/db/client';
import { authenticate } from '@/lib/auth/authenticate';
import { seed, type SeedResult } from '@/prisma/seed';
import { hiddenFocalPointEmail } from '@/prisma/seed/seed-demo-history';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const OWN = ['MEX', 'NGA', 'UNODC'];
const LADDER = ['NOT_STARTED', 'IN_PROGRESS', 'SUBSTANTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED'];

async function countRows(db: Db) {
  const [reports, events, users, cycles, scope, audit] = await Promise.all([
    db.statusReport.count(),
    db.statusEvent.count(),
    db.user.count(),
    db.reportingCycle.count(),
    db.cycleInstrument.count(),
    db.auditEvent.count(),
  ]);
  return { reports, events, users, cycles, scope, audit };
}

describe('demo history', () => {
  let database: TestDatabase;
  let result: SeedResult;
  let year: number;
  let firstRunMs: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const started = performance.now();
    result = await seed(database.db, { demo: true });
    firstRunMs = performance.now() - started;
    const open = await database.db.reportingCycle.findFirstOrThrow({ where: { state: 'OPEN' }, select: { periodStart: true } });
    year = open.periodStart.getUTCFullYear();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('adds two closed cycles for the two years before the open one, each scoped like a new cycle', async () => {
    const cycles = await database.db.reportingCycle.findMany({
      orderBy: { opensAt: 'asc' },
      select: {
        code: true, name: true, state: true, periodStart: true, periodEnd: true, opensAt: true, closesAt: true,
        instruments: { select: { instrument: { select: { code: true } } } },
        _count: { select: { entities: true } },
      },
    });
    expect(cycles.map((cycle) => [cycle.code, cycle.state])).toEqual([
      [String(year - 2), 'CLOSED'],
      [String(year - 1), 'CLOSED'],
      [String(year), 'OPEN'],
    ]);
    const expectedEntities = await database.db.reportingEntity.count({ where: { active: true, kind: { in: ['MEMBER_STATE', 'UN_ENTITY'] } } });
    const instruments = (await database.db.instrument.findMany({ select: { code: true } })).map((row) => row.code).sort();
    expect(instruments).toContain('DEMO');
    for (const cycle of cycles) {
      expect(cycle.instruments.map((row) => row.instrument.code).sort()).toEqual(instruments);
      expect(cycle._count.entities).toBe(expectedEntities);
    }
    const y = year - 1;
    expect(cycles[1]).toMatchObject({
      name: { en: `${y} reporting cycle`, zh: `${y}年报告周期` },
      periodStart: new Date(Date.UTC(y, 0, 1)),
      periodEnd: new Date(Date.UTC(y, 11, 31)),
      opensAt: new Date(Date.UTC(y, 0, 1)),
      closesAt: new Date(Date.UTC(y, 11, 31, 23, 59, 59)),
    });
    expect(result.demo?.history).toMatchObject({ created: true, cycles: [String(year - 2), String(year - 1)] });
  });

  it('has accepted reports from at least 55 States and five UN entities in each closed cycle', async () => {
    for (const code of [String(year - 2), String(year - 1)]) {
      const reporters = await database.db.reportingEntity.findMany({
        where: { statusReports: { some: { cycle: { code }, state: 'ACCEPTED' } } },
        select: { code: true, kind: true, regionalGroup: true },
      });
      const states = reporters.filter((entity) => entity.kind === 'MEMBER_STATE');
      expect(states.length).toBeGreaterThanOrEqual(55);
      expect(new Set(states.map((state) => state.regionalGroup)).size).toBe(5);
      expect(reporters.filter((entity) => entity.kind === 'UN_ENTITY').map((entity) => entity.code).sort())
        .toEqual(['OHCHR', 'UNAIDS', 'UNDP', 'UNODC', 'WHO']);
      // The demo focal points find a last accepted status from earlier cycles.
      expect(reporters.map((entity) => entity.code)).toEqual(expect.arrayContaining(OWN));
      expect(await database.db.statusReport.count({ where: { cycle: { code }, state: { not: 'ACCEPTED' } } })).toBe(0);
    }
  });

  it('gives every accepted report a submission and then an acceptance, inside its cycle, by plausible people', async () => {
    const reviewer = await database.db.user.findUniqueOrThrow({ where: { email: 'reviewer@demo.test' }, select: { id: true } });
    const reports = await database.db.statusReport.findMany({
      where: { state: 'ACCEPTED' },
      select: {
        status: true, version: true, submittedAt: true, reviewedAt: true, reviewedById: true,
        entity: { select: { id: true, kind: true, regionalGroup: true } },
        commitment: { select: { thematicAreaId: true } },
        accepted: { select: { status: true, thematicAreaId: true, entityKind: true, regionalGroup: true } },
        submittedBy: { select: { entityId: true, role: true, disabled: true, isDemo: true } },
        cycle: { select: { opensAt: true, closesAt: true } },
        events: { orderBy: { at: 'asc' }, select: { type: true, at: true, byId: true, byEmail: true, snapshot: true } },
      },
    });
    expect(reports.length).toBeGreaterThan(1000);
    for (const report of reports) {
      expect(report.events.map((event) => event.type)).toEqual(['SUBMITTED', 'ACCEPTED']);
      const [submitted, accepted] = report.events;
      expect(submitted.at.getTime()).toBeLessThan(accepted.at.getTime());
      expect(submitted.at.getTime()).toBeGreaterThanOrEqual(report.cycle.opensAt.getTime());
      expect(accepted.at.getTime()).toBeLessThanOrEqual(report.cycle.closesAt.getTime());
      expect(report.submittedAt).toEqual(submitted.at);
      expect(report.reviewedAt).toEqual(accepted.at);
      expect(report.submittedBy).toEqual({ entityId: report.entity.id, role: 'FOCAL_POINT', disabled: true, isDemo: true });
      expect(report.reviewedById).toBe(reviewer.id);
      expect(accepted.byId).toBe(reviewer.id);
      expect(accepted.byEmail).toBe('reviewer@demo.test');
      expect(submitted.byEmail).toMatch(/^demo-focal-.+@demo\.test$/);
      // Versions counted as saveStatusReport counts them: the submission is version 1.
      expect(report.version).toBe(2);
      expect(submitted.snapshot).toMatchObject({ status: report.status, state: 'SUBMITTED', version: 1, late: false });
      expect(accepted.snapshot).toMatchObject({ status: report.status, state: 'ACCEPTED', version: 2 });
      // What summaries group by is the database's record of the acceptance.
      expect(report.accepted).toMatchObject({
        status: report.status, thematicAreaId: report.commitment.thematicAreaId, entityKind: report.entity.kind, regionalGroup: report.entity.regionalGroup,
      });
    }
  });

  it('moves statuses along plausibly: never more than one step down, mostly the same or up', async () => {
    const reports = await database.db.statusReport.findMany({
      where: { state: 'ACCEPTED' },
      select: { entityId: true, commitmentId: true, status: true, cycle: { select: { code: true } } },
    });
    const older = new Map(
      reports.filter((r) => r.cycle.code === String(year - 2)).map((r) => [`${r.entityId}:${r.commitmentId}`, r.status]),
    );
    let pairs = 0;
    let sameOrUp = 0;
    for (const report of reports.filter((r) => r.cycle.code === String(year - 1))) {
      const before = older.get(`${report.entityId}:${report.commitmentId}`);
      if (!before) continue;
      pairs += 1;
      if (before === 'NOT_APPLICABLE' || report.status === 'NOT_APPLICABLE') {
        expect(report.status).toBe(before);
        sameOrUp += 1;
        continue;
      }
      const step = LADDER.indexOf(report.status!) - LADDER.indexOf(before!);
      expect(step).toBeGreaterThanOrEqual(-1);
      expect(step).toBeLessThanOrEqual(1);
      if (step >= 0) sameOrUp += 1;
    }
    expect(pairs).toBeGreaterThan(500);
    expect(sameOrUp / pairs).toBeGreaterThan(0.85);
  });

  it('leaves a review queue in the open cycle, and nothing for the demo focal points’ own entities', async () => {
    const reports = await database.db.statusReport.findMany({
      where: { cycle: { code: String(year) } },
      select: {
        state: true, status: true, submittedAt: true, submittedById: true, reviewComment: true, reviewedById: true,
        entity: { select: { code: true } },
        events: { orderBy: { at: 'asc' }, select: { type: true, comment: true } },
      },
    });
    const byState = (state: string) => reports.filter((report) => report.state === state);
    expect(byState('SUBMITTED').length).toBeGreaterThanOrEqual(36);
    expect(byState('DRAFT').length).toBeGreaterThan(0);
    expect(byState('RETURNED').length).toBeGreaterThanOrEqual(3);
    expect(byState('ACCEPTED')).toHaveLength(0);
    expect(reports.filter((report) => OWN.includes(report.entity.code))).toEqual([]);
    // "Oldest first" is meaningful: submissions on many different days.
    const days = new Set(byState('SUBMITTED').map((report) => report.submittedAt!.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThan(10);
    for (const report of byState('RETURNED')) {
      expect(report.reviewComment).toMatch(/^\[DEMO\]/);
      expect(report.events.map((event) => event.type)).toEqual(['SUBMITTED', 'RETURNED']);
      expect(report.events[1].comment).toBe(report.reviewComment);
    }
    for (const report of byState('SUBMITTED')) expect(report.events.map((event) => event.type)).toEqual(['SUBMITTED']);
    for (const report of byState('DRAFT')) expect(report.events.map((event) => event.type)).toEqual(['SAVED']);
  });

  it('writes only plainly synthetic narratives, and no audit rows but those of publishing and assigning', async () => {
    expect(await database.db.statusReport.count({ where: { NOT: { narrative: { startsWith: '[DEMO]' } } } })).toBe(0);
    // The seed's document import is audited; the seeded history is not a change anyone made.
    expect(await database.db.auditEvent.count({ where: { entityType: { in: ['StatusReport', 'User'] } } })).toBe(0);
    // The demo reviewer publishes the two closed cycles, and Mexico's focal point assigns its
    // contributor three commitments, as people would (and it is audited).
    const audits = await database.db.auditEvent.findMany({ where: { entityType: 'ReportingCycle' }, orderBy: { at: 'asc' }, select: { action: true } });
    expect(audits.map((row) => row.action).sort()).toEqual(['summary.publish', 'summary.publish', 'team.assign']);
  });

  it('publishes the summaries of the two closed cycles, so that visitors see figures', async () => {
    const publications = await database.db.summaryPublication.findMany({ select: { action: true, version: true, cycle: { select: { state: true } }, figures: true } });
    expect(publications).toHaveLength(2);
    expect(publications.every((row) => row.action === 'PUBLISH' && row.version === 1 && row.cycle.state === 'CLOSED')).toBe(true);
    const figures = publications[0]!.figures as { areas: Record<string, { entities: { reporting: number } }> };
    expect(Object.keys(figures.areas)).toHaveLength(16);
    expect(figures.areas.TA1!.entities.reporting).toBeGreaterThan(40);
  });

  it('keeps the story’s focal points out of reach: disabled demo accounts that cannot sign in', async () => {
    const hidden = await database.db.user.findMany({ where: { email: { startsWith: 'demo-focal-' } }, select: { email: true, disabled: true, isDemo: true, role: true } });
    expect(hidden.length).toBeGreaterThanOrEqual(60);
    expect(hidden.every((user) => user.disabled && user.isDemo && user.role === 'FOCAL_POINT')).toBe(true);
    expect(result.demo?.accounts.map((account) => account.email)).not.toContain(hiddenFocalPointEmail('BRA'));
    const attempt = await authenticate(database.db, { email: hidden[0].email, password: 'demo', address: '192.0.2.1', allowDemoAccounts: true });
    // The placeholder hash never verifies, so the refusal comes before `disabled` is looked at.
    expect(attempt).toEqual({ ok: false, reason: 'invalid' });
  });

  it('a second run writes nothing, quickly', async () => {
    const before = await countRows(database.db);
    const started = performance.now();
    const second = await seed(database.db, { demo: true });
    const secondRunMs = performance.now() - started;
    expect(second.demo?.history.created).toBe(false);
    expect(await countRows(database.db)).toEqual(before);
    console.info(`demo seed: first run ${Math.round(firstRunMs)} ms, second run ${Math.round(secondRunMs)} ms`, result.demo?.history);
  });
});

describe('seed without demo data', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('creates no status reports and no earlier cycles', async () => {
    await seed(database.db, { demo: false });
    expect(await database.db.statusReport.count()).toBe(0);
    expect(await database.db.statusEvent.count()).toBe(0);
    expect(await database.db.reportingCycle.count()).toBe(1);
  });
});
