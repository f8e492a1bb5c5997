// The overview's counts (lib/dashboard/queries.ts), against real PostgreSQL: each role gets its
// own numbers, and every number equals the length of the list it links to (the review queue, the
// worklist filtered by state, the users page filtered by role, the evidence awaiting review).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback';
import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import type { WorkflowState } from '@/lib/generated/prisma/enums';
import { parseReviewFilters, parseWorklistFilters } from '@/lib/status-reports/filters';
import { createClosedCycleWithAcceptance, createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';
import { createAppTestDatabase } from '../support/test-database';

vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));

let database: Awaited<ReturnType<typeof createAppTestDatabase>>;
let db: Db;
let world: StatusWorld;
let dashboard: typeof import('@/lib/dashboard/queries');
let reports: typeof import('@/lib/status-reports/queries');
let users: typeof import('@/lib/users/queries');
let closed: { id: string; code: string };
let emptyClosed: { id: string; code: string };
let paragraphs: string[];

const NOW = new Date('2026-06-01T12:00:00Z');

async function sessionUser(user: FixtureUser): Promise<SessionUser> {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { id: true, email: true, name: true, role: true, entityId: true, locale: true, seesWholeWorklist: true, entity: { select: { code: true, name: true } } },
  });
  return row;
}

/** A report in a workflow state, written as the workflow would have left it. */
async function report(cycleId: string, entityId: string, commitmentId: string, state: WorkflowState) {
  const by = world.users.focalMex.id;
  await db.statusReport.create({
    data: {
      cycleId, entityId, commitmentId, state, status: state === 'DRAFT' ? null : 'IN_PROGRESS', narrative: `[TEST] ${state}.`,
      ...(state === 'DRAFT' ? {} : { submittedAt: NOW, submittedById: by }),
      ...(state === 'RETURNED' || state === 'ACCEPTED' ? { reviewedAt: NOW, reviewedById: world.users.secretariat.id } : {}),
    },
  });
}

async function notFoundStatus(promise: Promise<unknown>): Promise<number | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (isHTTPAccessFallbackError(error)) return getAccessFallbackHTTPStatus(error);
    throw error;
  }
}

beforeAll(async () => {
  database = await createAppTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  dashboard = await import('@/lib/dashboard/queries');
  reports = await import('@/lib/status-reports/queries');
  users = await import('@/lib/users/queries');
  const [a, b, c] = world.commitments as [string, string, string];
  const { MEX, NGA, UNODC } = world.entities;
  const open = world.cycle.id;
  // Mexico: one report in each of three states, one commitment not reported.
  await report(open, MEX, a, 'DRAFT');
  await report(open, MEX, b, 'SUBMITTED');
  await report(open, MEX, c, 'RETURNED');
  // Nigeria: two submissions, one accepted; UNODC: one submitted.
  await report(open, NGA, a, 'SUBMITTED');
  await report(open, NGA, b, 'SUBMITTED');
  await report(open, NGA, c, 'ACCEPTED');
  await report(open, UNODC, a, 'SUBMITTED');
  // A closed cycle with a submission still waiting, and one with none.
  closed = await createClosedCycleWithAcceptance(db, world, 2024, { commitmentId: a, status: 'FULLY_IMPLEMENTED' });
  await report(closed.id, NGA, b, 'SUBMITTED');
  emptyClosed = await createClosedCycleWithAcceptance(db, world, 2023, { commitmentId: a, status: 'NOT_STARTED' });

  const document = await db.sourceDocument.create({
    data: { symbol: 'TEST/DOC/1', title: '[TEST] Document', language: 'en', kind: 'OTHER', checksum: 'test' },
    select: { id: true },
  });
  paragraphs = [];
  for (const number of [1, 2, 3, 4]) {
    paragraphs.push((await db.paragraph.create({ data: { documentId: document.id, number, sectionPath: '', text: `[TEST] Paragraph ${number}.`, footnoteRefs: [] }, select: { id: true } })).id);
  }
  const proposal = (createdById: string, entityId: string | null, commitmentId: string, extra: object = {}) => db.evidenceLink.create({
    data: { commitmentId, kind: 'URL', url: `https://example.test/${createdById}/${commitmentId}`, title: '[TEST] Proposed page', origin: 'MANUAL', state: 'SUGGESTED', createdById, entityId, ...extra },
  });
  // Proposals: two of Mexico's (by both of its focal points), one of Nigeria's; one removed, one decided.
  await proposal(world.users.focalMex.id, MEX, a);
  await proposal(world.users.focalMex2.id, MEX, b);
  await proposal(world.users.focalNga.id, NGA, a);
  await proposal(world.users.focalNga.id, NGA, b, { removedAt: NOW, removedById: world.users.secretariat.id });
  await proposal(world.users.focalMex.id, MEX, c, { state: 'ACCEPTED', decidedAt: NOW, decidedById: world.users.secretariat.id });
  // Accepted evidence Mexico asked to remove.
  await proposal(world.users.focalMex.id, MEX, a, {
    url: 'https://example.test/to-remove', state: 'ACCEPTED', removalRequestedAt: NOW, removalRequestedById: world.users.focalMex.id, removalReason: '[TEST] Outdated.',
  });
  // Suggestions by text similarity: two on a, one on b; a rejected one does not count.
  const suggestion = (commitmentId: string, paragraphId: string, state: 'SUGGESTED' | 'REJECTED' = 'SUGGESTED') => db.evidenceLink.create({
    data: { commitmentId, kind: 'PARAGRAPH', paragraphId, origin: 'SUGGESTED', state, score: 0.5, createdById: world.users.secretariat.id },
  });
  await suggestion(a, paragraphs[0]!);
  await suggestion(a, paragraphs[1]!);
  await suggestion(b, paragraphs[2]!);
  await suggestion(c, paragraphs[3]!, 'REJECTED');
  await db.user.update({ where: { id: world.users.viewer.id }, data: { disabled: true } });
});

afterAll(() => database.drop());

describe('a focal point', () => {
  it('counts its entity’s reports of the open cycle by state, and each count is the worklist filtered by that state', async () => {
    const focal = await sessionUser(world.users.focalMex);
    const { entity, review, admin, ownProposals } = await dashboard.getDashboard(focal, 'en');
    expect(entity).toMatchObject({ entityCode: 'MEX', expected: true, total: 3, cycle: { code: world.cycle.code } });
    expect(entity!.byState).toEqual({ NOT_REPORTED: 0, DRAFT: 1, SUBMITTED: 1, RETURNED: 1, ACCEPTED: 0 });
    expect(review).toBeNull();
    expect(admin).toBeNull();
    for (const [state, count] of Object.entries(entity!.byState)) {
      const list = await reports.getWorklist(focal, 'MEX', parseWorklistFilters({ state }), 'en', NOW);
      expect(list.matching, state).toBe(count);
    }
    // Mexico's two pending proposals (its own, its colleague's); not Nigeria's, not the removed or decided ones.
    expect(ownProposals).toBe(2);
    const pending = await dashboard.listPendingEvidence(focal, 'en');
    expect(pending).toMatchObject({ scope: 'own', proposals: { total: 2 }, removals: null, suggestions: null });
    expect(pending.proposals.rows.map((row) => row.entityCode)).toEqual(['MEX', 'MEX']);
  });

  it('counts another entity’s own, including what is not reported yet', async () => {
    const focal = await sessionUser(world.users.focalNga);
    const { entity, ownProposals } = await dashboard.getDashboard(focal, 'en');
    expect(entity!.byState).toEqual({ NOT_REPORTED: 0, DRAFT: 0, SUBMITTED: 2, RETURNED: 0, ACCEPTED: 1 });
    expect(ownProposals).toBe(1);
    await db.statusReport.deleteMany({ where: { cycleId: world.cycle.id, entityId: world.entities.NGA, state: 'SUBMITTED', commitmentId: world.commitments[0] } });
    try {
      expect((await dashboard.getDashboard(focal, 'en')).entity!.byState).toEqual({ NOT_REPORTED: 1, DRAFT: 0, SUBMITTED: 1, RETURNED: 0, ACCEPTED: 1 });
    } finally {
      await report(world.cycle.id, world.entities.NGA, world.commitments[0]!, 'SUBMITTED');
    }
  });
});

describe('the secretariat', () => {
  it('counts submissions waiting per cycle, each the review queue of that cycle', async () => {
    const reviewer = await sessionUser(world.users.secretariat);
    const { review, entity, admin, ownProposals } = await dashboard.getDashboard(reviewer, 'en');
    expect(entity).toBeNull();
    expect(admin).toBeNull();
    expect(ownProposals).toBeNull();
    // The open cycle first (the queue's order), the closed one with a submission; not the one without.
    expect(review!.cycles.map((row) => [row.code, row.submitted])).toEqual([[world.cycle.code, 4], [closed.code, 1]]);
    expect(review!.cycles.some((row) => row.code === emptyClosed.code)).toBe(false);
    for (const row of review!.cycles) {
      const queue = await reports.listReviewQueue(reviewer, parseReviewFilters({ cycle: row.code, state: 'SUBMITTED' }), 'en');
      expect(queue.total, row.code).toBe(row.submitted);
    }
  });

  it('counts evidence awaiting review, each the list it links to', async () => {
    const reviewer = await sessionUser(world.users.secretariat);
    const { review } = await dashboard.getDashboard(reviewer, 'en');
    expect(review).toMatchObject({ proposals: 3, removals: 1, suggestions: { paragraphs: 3, commitments: 2 } });
    const pending = await dashboard.listPendingEvidence(reviewer, 'en');
    expect(pending.scope).toBe('all');
    expect(pending.proposals.total).toBe(3);
    expect(pending.proposals.rows).toHaveLength(3);
    expect(pending.proposals.rows.map((row) => row.by)).toEqual([world.users.focalMex.email, world.users.focalMex2.email, world.users.focalNga.email]);
    expect(pending.removals!.rows).toEqual([expect.objectContaining({ label: '[TEST] Proposed page', by: world.users.focalMex.email, reason: '[TEST] Outdated.', entityCode: 'MEX' })]);
    expect(pending.suggestions!.map((row) => [row.commitment.id, row.count])).toEqual([[world.commitments[0], 2], [world.commitments[1], 1]]);
    expect(pending.suggestions![0]!.commitment.citation).toBe('TEST/1, 1(a)');
  });
});

describe('an administrator', () => {
  it('counts accounts by role and the disabled ones, each the users page so filtered', async () => {
    const admin = await sessionUser(world.users.admin);
    const counts = (await dashboard.getDashboard(admin, 'en')).admin!;
    for (const role of dashboard.DASHBOARD_ROLES) {
      const { users: listed } = await users.listUsers(admin, 'en', { role });
      expect(counts.accounts[role], role).toBe(listed.length);
    }
    expect(counts.accounts).toMatchObject({ ADMIN: 1, SECRETARIAT: 1, FOCAL_POINT: 3, VIEWER: 1 });
    expect(counts.disabled).toBe(1);
    expect((await users.listUsers(admin, 'en', { state: 'disabled' })).users).toHaveLength(counts.disabled);
    expect(counts.cycles).toEqual({ OPEN: 1, PLANNED: 0, CLOSED: 2 });
  });

  it('reviews too', async () => {
    const admin = await sessionUser(world.users.admin);
    expect((await dashboard.getDashboard(admin, 'en')).review?.proposals).toBe(3);
  });
});

describe('anyone else', () => {
  it('gets no counts of others’ work, and a 404 for the evidence awaiting review', async () => {
    const viewer = await sessionUser(world.users.viewer);
    expect(await dashboard.getDashboard(viewer, 'en')).toMatchObject({ review: null, entity: null, assigned: null, ownProposals: null, admin: null });
    expect(await notFoundStatus(dashboard.listPendingEvidence(viewer, 'en'))).toBe(404);
  });
});
