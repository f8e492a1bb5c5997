// Every number of a thematic area's summary, on a set of reports built for the purpose: the
// distribution with "no report", coverage, the progress index, the regional breakdown, the
// sub-areas rolled up, the trend, and what one more acceptance or a reclassification moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { computeAreaSummary, computeTrend } from '@/lib/summaries/compute';
import { emptyDistribution } from '@/lib/summaries/figures';
import { reviewStatusReport, saveStatusReport } from '@/lib/status-reports/mutations';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { createTestDatabase } from '../support/test-database';
import { acceptReport, createClosedCycleWithAcceptance, createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
/** TA3 commitments: one in TA3.1, two in TA3.2. */
let c31a: string;
let c32a: string;
let c32b: string;
let expected: { all: number; memberStates: number; african: number; latinAmerican: number };
const now = new Date('2026-06-10T00:00:00Z');

const accept = (user: FixtureUser, entityId: string, commitmentId: string, status: ImplementationStatus) =>
  acceptReport(db, world, user, { entityId, commitmentId, status }, now);

async function commitmentIn(areaCode: string, reference: string) {
  const [instrument, area] = await Promise.all([
    db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } }),
    db.thematicArea.findUniqueOrThrow({ where: { code: areaCode }, select: { id: true } }),
  ]);
  const created = await db.commitment.create({
    data: { instrumentId: instrument.id, thematicAreaId: area.id, reference, kind: 'OPERATIONAL_RECOMMENDATION', order: 10 },
    select: { id: true },
  });
  return created.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  c31a = await commitmentIn('TA3.1', '3(a)');
  c32a = await commitmentIn('TA3.2', '3(b)');
  c32b = await commitmentIn('TA3.2', '3(c)');
  const scope = await db.cycleEntity.findMany({ where: { cycleId: world.cycle.id }, select: { entity: { select: { kind: true, regionalGroup: true } } } });
  expected = {
    all: scope.length,
    memberStates: scope.filter((row) => row.entity.kind === 'MEMBER_STATE').length,
    african: scope.filter((row) => row.entity.regionalGroup === 'AFRICAN').length,
    latinAmerican: scope.filter((row) => row.entity.regionalGroup === 'LATIN_AMERICAN_CARIBBEAN').length,
  };

  const { focalMex, focalNga } = world.users;
  const unodcFocal = await db.user.create({ data: { email: 'focal-unodc@example.test', name: 'focal-unodc', role: 'FOCAL_POINT', entityId: world.entities.UNODC, passwordHash: 'x' }, select: { id: true } });
  const focalUnodc = { id: unodcFocal.id, email: 'focal-unodc@example.test', role: 'FOCAL_POINT' as const, entityId: world.entities.UNODC };
  await accept(focalMex, world.entities.MEX, c31a, 'FULLY_IMPLEMENTED');
  await accept(focalNga, world.entities.NGA, c31a, 'NOT_STARTED');
  await accept(focalNga, world.entities.NGA, c32a, 'IN_PROGRESS');
  await accept(focalUnodc, world.entities.UNODC, c32b, 'NOT_APPLICABLE');
  // Reported but not accepted: never counted.
  await saveStatusReport(db, focalMex, { cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: c32a, version: 0, status: 'FULLY_IMPLEMENTED', narrative: '[TEST] Submitted only.', asOf: null, intent: 'submit' }, now);
  await saveStatusReport(db, focalMex, { cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: c32b, version: 0, status: 'FULLY_IMPLEMENTED', narrative: '[TEST] Draft only.', asOf: null, intent: 'save' }, now);
});

afterAll(() => database.drop());

describe('the summary of a chapter with sub-areas', () => {
  it('counts the accepted statuses, and no report for every other expected item', async () => {
    const summary = (await computeAreaSummary(db, world.cycle.id, 'TA3'))!;
    expect(summary.distribution).toEqual({
      NOT_STARTED: 1, IN_PROGRESS: 1, SUBSTANTIALLY_IMPLEMENTED: 0, FULLY_IMPLEMENTED: 1, NOT_APPLICABLE: 1, NO_REPORT: expected.all * 3 - 4,
    });
    expect(summary.progressIndex).toBeCloseTo((0 + 1 / 3 + 1) / 3);
    expect(summary.entities).toEqual({ expected: expected.all, reporting: 3, memberStatesExpected: expected.memberStates, memberStatesReporting: 2 });
  });

  it('breaks the figures down by regional group, each against its own expected items', async () => {
    const summary = (await computeAreaSummary(db, world.cycle.id, 'TA3'))!;
    const group = (code: string) => summary.byRegionalGroup.find((row) => row.group === code)!;
    expect(summary.byRegionalGroup.map((row) => row.group)).toEqual(['AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_CARIBBEAN', 'WESTERN_EUROPEAN_OTHERS']);
    expect(group('AFRICAN').distribution).toEqual({ ...emptyDistribution(), NOT_STARTED: 1, IN_PROGRESS: 1, NO_REPORT: expected.african * 3 - 2 });
    expect(group('AFRICAN').progressIndex).toBeCloseTo(1 / 6);
    expect(group('LATIN_AMERICAN_CARIBBEAN').distribution).toEqual({ ...emptyDistribution(), FULLY_IMPLEMENTED: 1, NO_REPORT: expected.latinAmerican * 3 - 1 });
    expect(group('ASIA_PACIFIC').progressIndex).toBeNull();
    // UNODC belongs to no regional group: its report counts in the area, in no group.
    expect(summary.byRegionalGroup.reduce((sum, row) => sum + row.distribution.NOT_APPLICABLE, 0)).toBe(0);
    expect(summary.byRegion.find((row) => row.region === '002')!.distribution).toMatchObject({ NOT_STARTED: 1, IN_PROGRESS: 1 });
  });

  it('rolls its sub-areas up, and gives each its own figures and each commitment its own', async () => {
    const summary = (await computeAreaSummary(db, world.cycle.id, 'TA3'))!;
    const sub = (code: string) => summary.subAreas.find((row) => row.code === code)!;
    expect(sub('TA3.1').distribution).toEqual({ ...emptyDistribution(), FULLY_IMPLEMENTED: 1, NOT_STARTED: 1, NO_REPORT: expected.all - 2 });
    expect(sub('TA3.2').distribution).toEqual({ ...emptyDistribution(), IN_PROGRESS: 1, NOT_APPLICABLE: 1, NO_REPORT: expected.all * 2 - 2 });
    expect(sub('TA3.3').distribution).toEqual(emptyDistribution());
    expect(summary.commitments.map((row) => [row.reference, row.area, row.distribution.NO_REPORT])).toEqual([
      ['3(a)', 'TA3.1', expected.all - 2], ['3(b)', 'TA3.2', expected.all - 1], ['3(c)', 'TA3.2', expected.all - 1],
    ]);
    // A sub-area's own summary is the same as its row in the chapter's.
    expect((await computeAreaSummary(db, world.cycle.id, 'TA3.2'))!.distribution).toEqual(sub('TA3.2').distribution);
  });

  it('narrows to Member States, or to one group', async () => {
    const states = (await computeAreaSummary(db, world.cycle.id, 'TA3', { entityKind: 'MEMBER_STATE' }))!;
    expect(states.distribution).toMatchObject({ NOT_APPLICABLE: 0, FULLY_IMPLEMENTED: 1, NO_REPORT: expected.memberStates * 3 - 3 });
    expect(states.entities).toMatchObject({ expected: expected.memberStates, reporting: 2 });
    const african = (await computeAreaSummary(db, world.cycle.id, 'TA3', { group: 'AFRICAN' }))!;
    expect(african.entities).toMatchObject({ expected: expected.african, reporting: 1 });
    expect(african.byRegionalGroup.map((row) => row.group)).toEqual(['AFRICAN']);
  });

  it('moves exactly the right counts when one more report is accepted', async () => {
    const before = (await computeAreaSummary(db, world.cycle.id, 'TA3'))!;
    const unodc = await db.user.findUniqueOrThrow({ where: { email: 'focal-unodc@example.test' }, select: { id: true, email: true, role: true, entityId: true } });
    await accept(unodc, world.entities.UNODC, c31a, 'IN_PROGRESS');
    const after = (await computeAreaSummary(db, world.cycle.id, 'TA3'))!;
    expect(after.distribution).toEqual({ ...before.distribution, IN_PROGRESS: before.distribution.IN_PROGRESS + 1, NO_REPORT: before.distribution.NO_REPORT - 1 });
    expect(after.entities).toEqual(before.entities);
    expect(after.byRegionalGroup).toEqual(before.byRegionalGroup);
    expect(after.subAreas.find((row) => row.code === 'TA3.1')!.distribution.IN_PROGRESS).toBe(1);
  });

  it('keeps an accepted report under the area it had when accepted, after the commitment is reclassified', async () => {
    const before = (await computeAreaSummary(db, world.cycle.id, 'TA3.1'))!;
    const elsewhere = await db.thematicArea.findUniqueOrThrow({ where: { code: 'TA4.1' }, select: { id: true } });
    const original = await db.commitment.findUniqueOrThrow({ where: { id: c31a }, select: { thematicAreaId: true } });
    await db.commitment.update({ where: { id: c31a }, data: { thematicAreaId: elsewhere.id } });
    try {
      const after = (await computeAreaSummary(db, world.cycle.id, 'TA3.1'))!;
      const accepted = (d: typeof before.distribution) => ({ ...d, NO_REPORT: 0 });
      expect(accepted(after.distribution)).toEqual(accepted(before.distribution));
      expect((await computeAreaSummary(db, world.cycle.id, 'TA4'))!.distribution.FULLY_IMPLEMENTED).toBe(0);
    } finally {
      await db.commitment.update({ where: { id: c31a }, data: { thematicAreaId: original.thematicAreaId } });
    }
  });

  it('lists the paragraphs most cited by the accepted reports', async () => {
    const document = await db.sourceDocument.create({ data: { symbol: 'X/TEST/9', title: '[TEST] Report', language: 'en', kind: 'OTHER', checksum: 'x' }, select: { id: true } });
    const paragraph = await db.paragraph.create({ data: { documentId: document.id, number: 7, sectionPath: '1', text: '[TEST] A paragraph.', footnoteRefs: [] }, select: { id: true } });
    const saved = await saveStatusReport(db, world.users.focalNga, { cycleId: world.cycle.id, entityId: world.entities.NGA, commitmentId: c32b, version: 0, status: 'IN_PROGRESS', narrative: '[TEST] With evidence.', asOf: null, intent: 'save' }, now);
    const { linkReportParagraph } = await import('@/lib/status-reports/evidence-mutations');
    await linkReportParagraph(db, world.users.focalNga, { reportId: saved.id, paragraphId: paragraph.id, note: '' }, now);
    const submitted = await saveStatusReport(db, world.users.focalNga, { cycleId: world.cycle.id, entityId: world.entities.NGA, commitmentId: c32b, version: saved.version, status: 'IN_PROGRESS', narrative: '[TEST] With evidence.', asOf: null, intent: 'submit' }, now);
    expect((await computeAreaSummary(db, world.cycle.id, 'TA3'))!.evidence).toEqual([]);
    await reviewStatusReport(db, world.users.secretariat, { reportId: saved.id, version: submitted.version, decision: 'accept', comment: '' }, now);
    expect((await computeAreaSummary(db, world.cycle.id, 'TA3'))!.evidence).toEqual([{ symbol: 'X/TEST/9', language: 'en', number: 7, reports: 1 }]);
    expect((await computeAreaSummary(db, world.cycle.id, 'TA3.1'))!.evidence).toEqual([]);
  });

  it('is null for an unknown area or instrument', async () => {
    expect(await computeAreaSummary(db, world.cycle.id, 'TA9')).toBeNull();
    expect(await computeAreaSummary(db, world.cycle.id, 'TA3', { instrument: 'NOPE' })).toBeNull();
  });
});

describe('the trend', () => {
  it('gives the progress index of every open or closed cycle, oldest first', async () => {
    await createClosedCycleWithAcceptance(db, world, 2025, { commitmentId: c32a, status: 'SUBSTANTIALLY_IMPLEMENTED' });
    const trend = await computeTrend(db, 'TA3');
    expect(trend.map((row) => row.cycle)).toEqual(['2025', world.cycle.code]);
    expect(trend[0]!.progressIndex).toBeCloseTo(2 / 3);
    expect(trend[1]!.progressIndex).toBeCloseTo((await computeAreaSummary(db, world.cycle.id, 'TA3'))!.progressIndex!);
  });
});

describe('a closed cycle', () => {
  it('keeps its expected items, in the areas they had when it closed, after the catalogue changes', async () => {
    const past = await createClosedCycleWithAcceptance(db, world, 2024, { commitmentId: c31a, status: 'IN_PROGRESS' });
    const before = (await computeAreaSummary(db, past.id, 'TA3'))!;
    expect(before.commitments.map((row) => [row.reference, row.area])).toEqual([['3(a)', 'TA3.1'], ['3(b)', 'TA3.2'], ['3(c)', 'TA3.2']]);
    const beforeTa4 = (await computeAreaSummary(db, past.id, 'TA4'))!;
    const elsewhere = await db.thematicArea.findUniqueOrThrow({ where: { code: 'TA4.1' }, select: { id: true } });
    const original = await db.commitment.findUniqueOrThrow({ where: { id: c31a }, select: { thematicAreaId: true } });
    await db.commitment.update({ where: { id: c31a }, data: { thematicAreaId: elsewhere.id } });
    const added = await commitmentIn('TA3.3', '3(z)');
    try {
      expect(await computeAreaSummary(db, past.id, 'TA3')).toEqual(before);
      // Nor does the area it moved to gain expected items in the past.
      expect(await computeAreaSummary(db, past.id, 'TA4')).toEqual(beforeTa4);
      // The open cycle follows the catalogue.
      const open = (await computeAreaSummary(db, world.cycle.id, 'TA3'))!;
      expect(open.commitments.map((row) => row.reference)).toEqual(['3(b)', '3(c)', '3(z)']);
    } finally {
      await db.commitment.update({ where: { id: c31a }, data: { thematicAreaId: original.thematicAreaId } });
      await db.commitment.update({ where: { id: added }, data: { thematicAreaId: (await db.thematicArea.findUniqueOrThrow({ where: { code: 'TA7' }, select: { id: true } })).id } });
    }
  });
});
