// Publishing freezes a cycle's summaries: what the public reads is the record, a later acceptance
// shows only once the secretariat publishes again, a withdrawal needs a reason, and readers who
// may not see live figures never get them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback';
import type { Db } from '@/lib/db/client';
import { DomainError } from '@/lib/errors';
import { publishSummaries, unpublishSummaries } from '@/lib/summaries/mutations';
import type { SessionUser } from '@/lib/auth/session';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { createTestDatabase } from '../support/test-database';
import { acceptReport, createClosedCycleWithAcceptance, createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
let queries: typeof import('@/lib/summaries/queries');
const now = new Date('2026-06-10T00:00:00Z');

const errorKey = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof DomainError ? error.key : Promise.reject(error)));

const accept = (user: FixtureUser, entityId: string, commitmentId: string, status: ImplementationStatus, at = now) =>
  acceptReport(db, world, user, { entityId, commitmentId, status }, at);

/** A reader as the session gives it. */
const reader = (user: FixtureUser | null): SessionUser | null => user && { id: user.id, email: user.email, name: user.email, role: user.role, entityId: user.entityId, entity: null, locale: 'en', seesWholeWorklist: false };

const view = (user: FixtureUser | null, request: Partial<import('@/lib/summaries/queries').SummaryRequest> = {}) =>
  queries.getAreaSummaryView(reader(user), 'TA1', { filters: {}, ...request }, 'en');

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  queries = await import('@/lib/summaries/queries');
  world = await createStatusWorld(db);
  await accept(world.users.focalMex, world.entities.MEX, world.commitments[0]!, 'FULLY_IMPLEMENTED');
});

afterAll(async () => {
  const { db: appDb } = await import('@/lib/db');
  await appDb.$disconnect();
  await database.drop();
});

describe('before anything is published', () => {
  it('shows the public nothing, and the secretariat live figures', async () => {
    expect(await view(null)).toBeNull();
    expect(await view(world.users.viewer)).toBeNull();
    expect(await view(world.users.focalNga)).toBeNull();
    const live = (await view(world.users.secretariat))!;
    expect(live.live).toBe(true);
    expect(live.summary.distribution.FULLY_IMPLEMENTED).toBe(1);
  });

  it('answers a request for an unpublished cycle with a 404 to the public', async () => {
    const refusal = await view(null, { cycle: world.cycle.code }).then(() => null, (error: unknown) => error);
    expect(isHTTPAccessFallbackError(refusal)).toBe(true);
  });
});

describe('publishing', () => {
  it('is for the secretariat only', async () => {
    for (const user of [world.users.focalMex, world.users.viewer]) {
      expect(await errorKey(publishSummaries(db, user, { cycleCode: world.cycle.code }))).toBe('summaries.notAllowed');
    }
    expect(await db.summaryPublication.count()).toBe(0);
  });

  it('freezes the figures: a later acceptance shows to the public only when published again', async () => {
    const first = await publishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code });
    expect(first.version).toBe(1);
    const published = (await view(null))!;
    expect(published.live).toBe(false);
    expect(published.summary.distribution.FULLY_IMPLEMENTED).toBe(1);
    expect(published.summary.trend.map((point) => point.cycle)).toEqual([world.cycle.code]);

    await accept(world.users.focalNga, world.entities.NGA, world.commitments[0]!, 'IN_PROGRESS');
    expect((await view(null))!.summary.distribution.IN_PROGRESS).toBe(0);
    expect((await view(world.users.secretariat))!.summary.distribution.IN_PROGRESS).toBe(1);
    expect((await view(world.users.secretariat, { version: 'published' }))!.summary.distribution.IN_PROGRESS).toBe(0);

    const second = await publishSummaries(db, world.users.admin, { cycleCode: world.cycle.code });
    expect(second.version).toBe(2);
    expect((await view(null))!.summary.distribution.IN_PROGRESS).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'summary.publish' } })).toBe(2);
  });

  it('is withdrawn only with a reason; the record stays, and the public sees nothing again', async () => {
    expect(await errorKey(unpublishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code, reason: '  ' }))).toBe('summaries.reasonRequired');
    await unpublishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code, reason: '[TEST] A figure to check.' });
    expect(await view(null)).toBeNull();
    expect(await errorKey(unpublishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code, reason: 'again' }))).toBe('summaries.notPublished');
    const records = await db.summaryPublication.findMany({ orderBy: { version: 'asc' }, select: { version: true, action: true, reason: true, byEmail: true } });
    expect(records).toEqual([
      { version: 1, action: 'PUBLISH', reason: null, byEmail: world.users.secretariat.email },
      { version: 2, action: 'PUBLISH', reason: null, byEmail: world.users.admin.email },
      { version: 3, action: 'UNPUBLISH', reason: '[TEST] A figure to check.', byEmail: world.users.secretariat.email },
    ]);
    await expect(db.summaryPublication.updateMany({ data: { reason: 'rewritten' } })).rejects.toThrow();
  });
});

describe("an entity's profile", () => {
  it('shows the public what was published, and the entity and the secretariat everything accepted', async () => {
    const { getEntityProfile } = await import('@/lib/summaries/entity-profile');
    await publishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code });
    // Accepted after the publication (the clock of the publication is the database's): not public
    // until published again.
    await accept(world.users.focalMex, world.entities.MEX, world.commitments[1]!, 'NOT_STARTED', new Date(Date.now() + 1000));
    const cell = (profile: Awaited<ReturnType<typeof getEntityProfile>>) => profile.cells.TA1![world.cycle.code]!.distribution;

    const anonymous = await getEntityProfile(null, 'mex', undefined, 'en');
    expect(anonymous.live).toBe(false);
    expect(cell(anonymous)).toMatchObject({ FULLY_IMPLEMENTED: 1, NOT_STARTED: 0 });
    expect(anonymous.reports.map((report) => report.status)).toEqual(['FULLY_IMPLEMENTED']);
    expect(anonymous.reports[0]!.href).toBeNull();
    // Another entity's focal point reads it as the public does.
    expect(cell(await getEntityProfile(reader(world.users.focalNga), 'MEX', undefined, 'en'))).toEqual(cell(anonymous));

    for (const user of [world.users.focalMex, world.users.secretariat]) {
      const live = await getEntityProfile(reader(user), 'MEX', undefined, 'en');
      expect(live.live).toBe(true);
      expect(cell(live)).toMatchObject({ FULLY_IMPLEMENTED: 1, NOT_STARTED: 1 });
      expect(live.reports.every((report) => report.href?.startsWith('/reports/'))).toBe(true);
    }
  });
});

describe('the trend of a published summary', () => {
  it('takes earlier cycles only as they were published, and drops those withdrawn since', async () => {
    await createClosedCycleWithAcceptance(db, world, 2025, { commitmentId: world.commitments[0]!, status: 'NOT_STARTED' });
    const trendCycles = async () => (await view(null, { cycle: world.cycle.code }))!.summary.trend.map((point) => point.cycle);

    // 2025 never published: the secretariat sees its live point, the public does not.
    await publishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code });
    expect(await trendCycles()).toEqual([world.cycle.code]);
    expect((await view(world.users.secretariat, { cycle: world.cycle.code }))!.summary.trend.map((point) => point.cycle)).toEqual(['2025', world.cycle.code]);

    // Published afterwards, 2025 enters the trend of 2026 when 2026 is published again.
    await publishSummaries(db, world.users.secretariat, { cycleCode: '2025' });
    expect(await trendCycles()).toEqual([world.cycle.code]);
    await publishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code });
    expect((await view(null, { cycle: world.cycle.code }))!.summary.trend).toEqual([{ cycle: '2025', progressIndex: 0 }, { cycle: world.cycle.code, progressIndex: expect.any(Number) }]);

    // Withdrawn, it leaves the public trend at once.
    await unpublishSummaries(db, world.users.secretariat, { cycleCode: '2025', reason: '[TEST] Under correction.' });
    expect(await trendCycles()).toEqual([world.cycle.code]);
  });
});

describe('the reports behind a number', () => {
  it('are those the summary counted, also after their commitment moved to another area', async () => {
    const { listReviewQueue } = await import('@/lib/status-reports/queries');
    const behind = async () => (await listReviewQueue(reader(world.users.secretariat)!, { cycle: world.cycle.code, state: 'ACCEPTED', area: 'TA1', status: 'FULLY_IMPLEMENTED' }, 'en')).total;
    const counted = (await view(world.users.secretariat, { cycle: world.cycle.code }))!.summary.distribution.FULLY_IMPLEMENTED;
    expect(counted).toBeGreaterThan(0);
    expect(await behind()).toBe(counted);
    const elsewhere = await db.thematicArea.findUniqueOrThrow({ where: { code: 'TA4' }, select: { id: true } });
    const original = await db.commitment.findUniqueOrThrow({ where: { id: world.commitments[0]! }, select: { thematicAreaId: true } });
    await db.commitment.update({ where: { id: world.commitments[0]! }, data: { thematicAreaId: elsewhere.id } });
    try {
      expect(await behind()).toBe(counted);
    } finally {
      await db.commitment.update({ where: { id: world.commitments[0]! }, data: { thematicAreaId: original.thematicAreaId } });
    }
  });
});

describe('an acceptance and a publication', () => {
  it('are ordered by the database: an acceptance the publication did not count is never public with it', async () => {
    const { getEntityProfile } = await import('@/lib/summaries/entity-profile');
    await publishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code });
    const publicReports = async () => (await getEntityProfile(null, 'NGA', world.cycle.code, 'en')).reports.length;
    const before = await publicReports();
    // A request whose clock reads June (a batch started then, or a server whose clock lags) accepts
    // after the publication: it must not count as published.
    await accept(world.users.focalNga, world.entities.NGA, world.commitments[2]!, 'IN_PROGRESS', new Date('2026-06-20T00:00:00Z'));
    expect(await publicReports()).toBe(before);
    const accepted = await db.acceptedStatus.findFirstOrThrow({ where: { entityId: world.entities.NGA, commitmentId: world.commitments[2]!, cycleId: world.cycle.id }, select: { acceptedAt: true } });
    const publication = await db.summaryPublication.findFirstOrThrow({ where: { cycleId: world.cycle.id }, orderBy: { version: 'desc' }, select: { at: true } });
    expect(accepted.acceptedAt.getTime()).toBeGreaterThan(publication.at.getTime());
    await publishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code });
    expect(await publicReports()).toBe(before + 1);
  });
});

describe('the reports behind a number of a filtered summary', () => {
  it('are narrowed by entity kind too, as the summary counted them', async () => {
    const { listReviewQueue } = await import('@/lib/status-reports/queries');
    for (const kind of ['MEMBER_STATE', 'OTHER'] as const) {
      const summary = (await queries.getAreaSummaryView(reader(world.users.secretariat), 'TA1', { cycle: world.cycle.code, filters: { entityKind: kind } }, 'en'))!.summary;
      for (const status of ['NOT_STARTED', 'IN_PROGRESS', 'FULLY_IMPLEMENTED'] as const) {
        const listed = await listReviewQueue(reader(world.users.secretariat)!, { cycle: world.cycle.code, state: 'ACCEPTED', area: 'TA1', status, kind }, 'en');
        expect(listed.total).toBe(summary.distribution[status]);
      }
    }
  });
});

describe('a filtered view of published figures', () => {
  it('is counted from what the publication covered, never from later acceptances', async () => {
    await publishSummaries(db, world.users.secretariat, { cycleCode: world.cycle.code });
    const filtered = async (user: FixtureUser | null) =>
      (await queries.getAreaSummaryView(reader(user), 'TA1', { cycle: world.cycle.code, filters: { entityKind: 'MEMBER_STATE' } }, 'en'))!;
    const before = await filtered(null);
    expect(before.live).toBe(false);
    // Unfiltered, the public reads the stored figures: the filtered view of every entity kind adds up to them.
    const stored = (await view(null, { cycle: world.cycle.code }))!.summary.distribution;
    const others = (await queries.getAreaSummaryView(null, 'TA1', { cycle: world.cycle.code, filters: { entityKind: 'OTHER' } }, 'en'))!.summary.distribution;
    expect(before.summary.distribution.FULLY_IMPLEMENTED + others.FULLY_IMPLEMENTED).toBe(stored.FULLY_IMPLEMENTED);

    await accept(world.users.focalMex, world.entities.MEX, world.commitments[2]!, 'FULLY_IMPLEMENTED', new Date(Date.now() + 1000));
    expect((await filtered(null)).summary.distribution).toEqual(before.summary.distribution);
    expect((await filtered(world.users.secretariat)).summary.distribution.FULLY_IMPLEMENTED).toBe(before.summary.distribution.FULLY_IMPLEMENTED + 1);
    expect((await filtered(null)).summary.trend.map((point) => point.cycle)).toEqual([world.cycle.code]);
  });
});

describe('a narrative draft', () => {
  it('is for those who may read unpublished figures only', async () => {
    const input = { cycleCode: world.cycle.code, areaCode: 'TA1', locale: 'en' as const };
    for (const user of [null, world.users.viewer, world.users.focalMex]) {
      expect(await queries.getNarrativeDraftData(reader(user), input)).toBeNull();
    }
    const draft = await queries.getNarrativeDraftData(reader(world.users.secretariat), input);
    expect(draft?.area.code).toBe('TA1');
    expect(await queries.getNarrativeDraftData(reader(world.users.secretariat), { ...input, areaCode: 'X'.repeat(21) })).toBeNull();
  });
});
