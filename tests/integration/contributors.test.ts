// Several people behind one focal point, against real PostgreSQL: a focal point (the
// coordinator) invites contributors of its own entity, who choose a password through a
// single-use link; it assigns them commitments of the open cycle; a contributor drafts only what
// is assigned to them, hands a draft over as ready, and never submits, withdraws or reviews.
// Every text here is synthetic; dates are inside the open 2026 cycle, so nothing depends on the clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback';
import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { DomainError } from '@/lib/errors';
import { authenticate } from '@/lib/auth/authenticate';
import { appUrl } from '@/lib/env';
import { parseWorklistFilters } from '@/lib/status-reports/filters';
import { reportPath } from '@/lib/status-reports/paths';
import { assigneeOf } from '@/lib/status-reports/assignment';
import {
  acceptStatusReports, markStatusReportReady, reviewStatusReport, saveStatusReport, withdrawStatusReport, type ReportActor,
} from '@/lib/status-reports/mutations';
import type { SaveReportInput } from '@/lib/status-reports/schemas';
import { linkReportFile } from '@/lib/status-reports/evidence-mutations';
import { hashInvitationToken, INVITATION_DAYS } from '@/lib/team/invitations';
import { acceptInvitation, assignCommitments, changeContributor, invitationStatus, inviteContributor, type TeamActor } from '@/lib/team/mutations';
import { message, signInAs } from '../support/action-context';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createAppTestDatabase } from '../support/test-database';

// The queries read the app's own client (lib/db.ts); the team's actions read a session. Only the
// request-scoped parts of Next are supplied (tests/support/action-context.ts).
vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

type StatusQueries = typeof import('@/lib/status-reports/queries');
type TeamQueries = typeof import('@/lib/team/queries');
type TeamActions = typeof import('@/lib/team/actions');

let database: Awaited<ReturnType<typeof createAppTestDatabase>>;
let db: Db;
let world: StatusWorld;
let statusQueries: StatusQueries;
let teamQueries: TeamQueries;
let teamActions: TeamActions;

/** A moment inside the open cycle (2026), so that no test depends on the clock. */
const on = (day: string) => new Date(`2026-${day}T12:00:00Z`);
const NOW = on('06-01');
const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = '[TEST] a synthetic password';
const NO_FILTERS = parseWorklistFilters({});

/** The key of a rejected promise, or 'resolved'; an unexpected error is rethrown. */
const errorKey = (promise: Promise<unknown>) =>
  promise.then(() => 'resolved', (error: unknown) => {
    if (error instanceof DomainError) return error.key;
    throw error;
  });

/** The 404 of `notFound()`, as the page would render it. */
async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then((value) => ({ resolved: value }), (caught: unknown) => caught);
  expect(isHTTPAccessFallbackError(error)).toBe(true);
  expect(getAccessFallbackHTTPStatus(error as never)).toBe(404);
}

let counter = 0;
const unique = () => {
  counter += 1;
  return counter;
};

/** A fresh commitment in the open cycle's scope, so that each test has reports of its own. */
async function newCommitment(): Promise<string> {
  const n = unique();
  const instrument = await db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } });
  const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
  const commitment = await db.commitment.create({
    data: {
      instrumentId: instrument.id, thematicAreaId: area.id, reference: `7(${n})`, kind: 'OPERATIONAL_RECOMMENDATION', order: 200 + n,
      texts: { create: [{ locale: 'en', text: `[TEST] Synthetic commitment ${n}.`, sourceName: 'test fixture' }] },
    },
    select: { id: true },
  });
  return commitment.id;
}

/** A save of Mexico's report on `commitmentId`, as the form sends it. */
function form(commitmentId: string, overrides: Partial<SaveReportInput> = {}): SaveReportInput {
  return {
    cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId, version: 0,
    status: 'IN_PROGRESS', narrative: '[TEST] Synthetic narrative.', asOf: null, intent: 'save', ...overrides,
  };
}

type Contributor = { id: string; email: string; name: string; actor: ReportActor & TeamActor };

/** Invites a contributor of `entity` as that entity's focal point; `join` also accepts the invitation. */
async function newContributor(options: { entity?: 'MEX' | 'NGA'; locale?: 'en' | 'zh'; join?: boolean } = {}): Promise<Contributor> {
  const entity = options.entity ?? 'MEX';
  const n = unique();
  const email = `contributor-${n}@example.test`;
  const name = `[TEST] Contributor ${n}`;
  const coordinator = entity === 'MEX' ? world.users.focalMex : world.users.focalNga;
  const { id } = await inviteContributor(db, coordinator, { entityId: world.entities[entity], email, name, locale: options.locale ?? 'en' }, NOW);
  if (options.join ?? true) await acceptInvitation(db, { token: await invitationToken(id), name, password: PASSWORD }, NOW);
  return { id, email, name, actor: { id, role: 'CONTRIBUTOR', entityId: world.entities[entity], seesWholeWorklist: false } };
}

/** The invitation e-mails of a user, oldest first. */
const invitationEmails = (userId: string) =>
  db.outboxEmail.findMany({ where: { userId, template: 'INVITATION' }, orderBy: { createdAt: 'asc' }, select: { id: true, toEmail: true, locale: true, subject: true, body: true, state: true } });

/** The token of the latest invitation e-mail, read from its link (the only place the token is). */
async function invitationToken(userId: string): Promise<string> {
  const emails = await invitationEmails(userId);
  const body = emails.at(-1)!.body;
  const match = /\/(?:en|zh)\/invitations\/([A-Za-z0-9_-]+)/.exec(body);
  expect(match, body).not.toBeNull();
  return match![1]!;
}

/** A sign-in attempt, each from an address of its own (the per-address limit is not under test). */
const signIn = (email: string, password: string) =>
  authenticate(db, { email, password, address: `198.51.100.${unique() % 250}`, allowDemoAccounts: false });

/** A reader as the session gives it (lib/auth/session.ts). */
function sessionOf(user: { id: string; email: string; name?: string; role: SessionUser['role']; entityId: string | null }, seesWholeWorklist = false): SessionUser {
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role, entityId: user.entityId, entity: null, locale: 'en', seesWholeWorklist };
}
const contributorSession = (contributor: Contributor, seesWholeWorklist = false) =>
  sessionOf({ ...contributor, role: 'CONTRIBUTOR', entityId: world.entities.MEX }, seesWholeWorklist);

const assign = (actor: TeamActor, commitmentIds: string[], assigneeId: string | null, over: Partial<{ entityId: string; cycleId: string }> = {}, now = NOW) =>
  assignCommitments(db, actor, { entityId: world.entities.MEX, cycleId: world.cycle.id, commitmentId: commitmentIds, assigneeId, ...over }, now);

const auditRows = (action: string, entityId?: string) =>
  db.auditEvent.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { at: 'asc' }, select: { actorId: true, entityType: true, entityId: true, before: true, after: true } });

const assignmentEvents = (commitmentId: string) =>
  db.assignmentEvent.findMany({
    where: { cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId },
    orderBy: { at: 'asc' },
    select: { type: true, assigneeId: true, assigneeEmail: true, byId: true, byEmail: true, at: true },
  });

/** Everything assigning may write. */
const teamTotals = async () => ({
  assignments: await db.assignment.count(),
  events: await db.assignmentEvent.count(),
  notifications: await db.notification.count(),
  emails: await db.outboxEmail.count(),
  audit: await db.auditEvent.count(),
  users: await db.user.count(),
  invitations: await db.invitation.count(),
});

function formData(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return data;
}

beforeAll(async () => {
  database = await createAppTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  statusQueries = await import('@/lib/status-reports/queries');
  teamQueries = await import('@/lib/team/queries');
  teamActions = await import('@/lib/team/actions');
});

beforeEach(() => signInAs(null));

afterAll(() => database.drop());

// ---------------------------------------------------------------------------------------------

describe('inviting a contributor', () => {
  it('creates a contributor of the entity that nobody can sign in to, a hashed single-use link, a localized e-mail and an audit row', async () => {
    const { focalMex } = world.users;
    const email = 'invitee-zh@example.test';
    const { id } = await inviteContributor(db, focalMex, { entityId: world.entities.MEX, email, name: '[TEST] Invitee', locale: 'zh' }, NOW);

    const user = await db.user.findUniqueOrThrow({ where: { id }, select: { email: true, name: true, role: true, entityId: true, locale: true, passwordHash: true, invitedById: true, disabled: true } });
    expect(user).toMatchObject({ email, name: '[TEST] Invitee', role: 'CONTRIBUTOR', entityId: world.entities.MEX, locale: 'zh', invitedById: focalMex.id, disabled: false });
    // No password: signing in fails whatever is tried, and says no more than a wrong password would.
    for (const password of ['', PASSWORD, 'not a real hash']) expect(await signIn(email, password)).toEqual({ ok: false, reason: 'invalid' });

    // The e-mail, in the invitee's language, holds the only copy of the token.
    const emails = await invitationEmails(id);
    expect(emails).toHaveLength(1);
    const mexico = (await db.reportingEntity.findUniqueOrThrow({ where: { id: world.entities.MEX }, select: { name: true } })).name as Record<string, string>;
    expect(emails[0]).toMatchObject({ toEmail: email, locale: 'zh', state: 'PENDING' });
    expect(emails[0]!.subject).toBe(`邀请您为${mexico.zh}参与报告`);
    expect(emails[0]!.body).toContain('focal-mex');
    const token = await invitationToken(id);
    expect(emails[0]!.body).toContain(appUrl(`/zh/invitations/${token}`));

    // The invitation keeps only the token's hash, and expires in a week.
    const invitations = await db.invitation.findMany({ where: { userId: id } });
    expect(invitations).toHaveLength(1);
    expect(invitations[0]).toMatchObject({ tokenHash: hashInvitationToken(token), invitedById: focalMex.id, usedAt: null, expiresAt: new Date(NOW.getTime() + INVITATION_DAYS * DAY) });
    expect(JSON.stringify(invitations[0])).not.toContain(token);
    expect(invitations[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const audit = await auditRows('team.invite', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: focalMex.id, entityType: 'User', after: { email, role: 'CONTRIBUTOR', entityId: world.entities.MEX, locale: 'zh' } });
    expect(JSON.stringify(audit[0])).not.toContain(token);
  });

  it('writes an English e-mail for an English invitee', async () => {
    const contributor = await newContributor({ join: false });
    const [email] = await invitationEmails(contributor.id);
    expect(email).toMatchObject({ locale: 'en', subject: expect.stringMatching(/^Invitation to report for /) });
    expect(email!.body).toContain(appUrl('/en/invitations/'));
  });

  it("is refused to another entity's focal point, a contributor, the secretariat and a viewer, and writes nothing", async () => {
    const contributor = await newContributor();
    const { focalNga, secretariat, viewer } = world.users;
    const before = await teamTotals();
    for (const actor of [focalNga, contributor.actor, secretariat, viewer]) {
      const input = { entityId: world.entities.MEX, email: `refused-${unique()}@example.test`, name: '[TEST] Refused', locale: 'en' as const };
      expect(await errorKey(inviteContributor(db, actor, input, NOW))).toBe('team.notAllowed');
    }
    expect(await teamTotals()).toEqual(before);
  });

  it('refuses an e-mail address that already has an account', async () => {
    const before = await teamTotals();
    expect(await errorKey(inviteContributor(db, world.users.focalMex, { entityId: world.entities.MEX, email: world.users.focalNga.email, name: '[TEST] Taken', locale: 'en' }, NOW)))
      .toBe('userExists');
    expect(await teamTotals()).toEqual(before);
  });

  describe('through the action', () => {
    const fields = (email: string, entity: 'MEX' | 'NGA' = 'MEX') => formData({ entityId: world.entities[entity], email, name: '[TEST] By form', locale: 'zh' });

    it('lets the focal point invite to its own entity (the address as typed is normalized)', async () => {
      signInAs(world.users.focalMex);
      const state = await teamActions.inviteContributorAction(null, fields('  By-Form@Example.TEST '));
      expect(state).toMatchObject({ ok: true, data: { id: expect.any(String) } });
      const id = (state as { data: { id: string } }).data.id;
      expect(await db.user.findUniqueOrThrow({ where: { id }, select: { email: true, role: true, entityId: true } }))
        .toEqual({ email: 'by-form@example.test', role: 'CONTRIBUTOR', entityId: world.entities.MEX });
      expect(await invitationEmails(id)).toHaveLength(1);
    });

    it('refuses the others, and an address already taken whatever its case', async () => {
      const contributor = await newContributor();
      const before = await teamTotals();
      const forbidden = { ok: false, message: message('actions', 'forbidden'), fieldErrors: {} };
      for (const user of [world.users.focalNga, world.users.secretariat, world.users.viewer, { id: contributor.id, sessionVersion: 1 }] as { id: string; sessionVersion?: number }[]) {
        signInAs(user);
        expect(await teamActions.inviteContributorAction(null, fields(`refused-${unique()}@example.test`))).toStrictEqual(forbidden);
      }
      signInAs(world.users.focalMex);
      expect(await teamActions.inviteContributorAction(null, fields('FOCAL-NGA@example.test')))
        .toStrictEqual({ ok: false, message: message('errors', 'userExists', { email: 'focal-nga@example.test' }), fieldErrors: {} });
      expect(await teamTotals()).toEqual(before);
    });

    it('refuses a name holding a NUL character in words, and writes nothing', async () => {
      const before = await teamTotals();
      signInAs(world.users.focalMex);
      const state = await teamActions.inviteContributorAction(null, formData({ entityId: world.entities.MEX, email: `nul-${unique()}@example.test`, name: '[TEST] a\u0000b', locale: 'en' }));
      expect(state).toStrictEqual({ ok: false, message: message('actions', 'invalid'), fieldErrors: { name: [message('validation', 'nulCharacter')] } });
      expect(await teamTotals()).toEqual(before);
    });
  });

  it('a team page for an entity code of another shape is a 404, not an error', async () => {
    await expectNotFound(teamQueries.getTeam(sessionOf(world.users.admin), '\u0000', 'en'));
    await expectNotFound(teamQueries.getTeam(sessionOf(world.users.admin), "MEX' OR 1=1", 'en'));
  });
});

describe('accepting an invitation', () => {
  it('sets the password once: the person can sign in, and the link is spent', async () => {
    const contributor = await newContributor({ join: false });
    const token = await invitationToken(contributor.id);
    expect(await invitationStatus(db, token, NOW)).toEqual({
      state: 'valid', user: expect.objectContaining({ email: contributor.email, disabled: false }),
    });
    const versionBefore = (await db.user.findUniqueOrThrow({ where: { id: contributor.id }, select: { sessionVersion: true } })).sessionVersion;

    const later = on('06-03');
    expect(await acceptInvitation(db, { token, name: '[TEST] Chosen name', password: PASSWORD }, later)).toEqual({ email: contributor.email });

    expect(await signIn(contributor.email, PASSWORD)).toMatchObject({ ok: true, user: { id: contributor.id, name: '[TEST] Chosen name' } });
    expect(await signIn(contributor.email, 'another synthetic password')).toEqual({ ok: false, reason: 'invalid' });
    expect(await db.invitation.findFirstOrThrow({ where: { userId: contributor.id }, select: { usedAt: true } })).toEqual({ usedAt: later });
    expect((await db.user.findUniqueOrThrow({ where: { id: contributor.id }, select: { sessionVersion: true } })).sessionVersion).toBe(versionBefore + 1);
    expect(await auditRows('user.accept-invitation', contributor.id)).toEqual([expect.objectContaining({ actorId: contributor.id, after: { name: '[TEST] Chosen name' } })]);

    // A second use of the link, even within the week, changes nothing.
    const hashBefore = (await db.user.findUniqueOrThrow({ where: { id: contributor.id }, select: { passwordHash: true } })).passwordHash;
    expect(await errorKey(acceptInvitation(db, { token, name: '[TEST] Intruder', password: 'an intruder password' }, on('06-04')))).toBe('team.invitationUsed');
    expect(await db.user.findUniqueOrThrow({ where: { id: contributor.id }, select: { passwordHash: true, name: true } })).toEqual({ passwordHash: hashBefore, name: '[TEST] Chosen name' });
    expect(await invitationStatus(db, token, on('06-04'))).toEqual({ state: 'used', user: null });
  });

  it('refuses a link after its week, and a made-up one', async () => {
    const contributor = await newContributor({ join: false });
    const token = await invitationToken(contributor.id);
    const expiry = new Date(NOW.getTime() + INVITATION_DAYS * DAY);
    expect((await invitationStatus(db, token, new Date(expiry.getTime() - 1))).state).toBe('valid');
    for (const when of [expiry, new Date(expiry.getTime() + DAY)]) {
      expect(await errorKey(acceptInvitation(db, { token, name: '[TEST] Late', password: PASSWORD }, when))).toBe('team.invitationExpired');
      expect(await invitationStatus(db, token, when)).toEqual({ state: 'expired', user: null });
    }
    expect(await signIn(contributor.email, PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    expect(await db.invitation.findFirstOrThrow({ where: { userId: contributor.id }, select: { usedAt: true } })).toEqual({ usedAt: null });

    const madeUp = 'A'.repeat(43);
    expect(await errorKey(acceptInvitation(db, { token: madeUp, name: '[TEST] Guess', password: PASSWORD }, NOW))).toBe('team.invitationUnknown');
    expect(await invitationStatus(db, madeUp, NOW)).toEqual({ state: 'unknown', user: null });
    // The hash itself is not a token either.
    const stored = (await db.invitation.findFirstOrThrow({ where: { userId: contributor.id }, select: { tokenHash: true } })).tokenHash;
    expect(await errorKey(acceptInvitation(db, { token: stored, name: '[TEST] Guess', password: PASSWORD }, NOW))).toBe('team.invitationUnknown');
  });

  it('re-inviting ends the earlier link and sends a new one; refused once the person has joined', async () => {
    const contributor = await newContributor({ join: false });
    const first = await invitationToken(contributor.id);
    const reinvitedAt = on('06-02');

    await changeContributor(db, world.users.focalMex2, { userId: contributor.id, setting: 'reinvite' }, reinvitedAt);
    const emails = await invitationEmails(contributor.id);
    expect(emails).toHaveLength(2);
    const second = await invitationToken(contributor.id);
    expect(second).not.toBe(first);
    expect(await invitationStatus(db, first, reinvitedAt)).toEqual({ state: 'expired', user: null });
    expect((await invitationStatus(db, second, reinvitedAt)).state).toBe('valid');
    expect(await errorKey(acceptInvitation(db, { token: first, name: '[TEST] Old link', password: PASSWORD }, on('06-03')))).toBe('team.invitationExpired');
    expect(await auditRows('team.reinvite', contributor.id)).toEqual([expect.objectContaining({ actorId: world.users.focalMex2.id, entityType: 'User' })]);
    // The new link runs a week from the re-invitation.
    expect(await db.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(second) }, select: { expiresAt: true, invitedById: true } }))
      .toEqual({ expiresAt: new Date(reinvitedAt.getTime() + INVITATION_DAYS * DAY), invitedById: world.users.focalMex2.id });

    await acceptInvitation(db, { token: second, name: '[TEST] Joined', password: PASSWORD }, on('06-03'));
    const before = await teamTotals();
    expect(await errorKey(changeContributor(db, world.users.focalMex, { userId: contributor.id, setting: 'reinvite' }, on('06-04')))).toBe('team.alreadyJoined');
    expect(await teamTotals()).toEqual(before);
    expect(await invitationEmails(contributor.id)).toHaveLength(2);
  });

  it('refuses a new invitation to a disabled person, and two invitations of one address at once give one account', async () => {
    const contributor = await newContributor({ join: false });
    await changeContributor(db, world.users.focalMex, { userId: contributor.id, setting: 'disable' }, NOW);
    expect(await errorKey(changeContributor(db, world.users.focalMex, { userId: contributor.id, setting: 'reinvite' }, NOW))).toBe('team.reinviteDisabled');

    const email = `contributor-race-${unique()}@example.test`;
    const invite = () => inviteContributor(db, world.users.focalMex, { entityId: world.entities.MEX, email, name: '[TEST] Twice', locale: 'en' }, NOW);
    const outcomes = await Promise.all([errorKey(invite()), errorKey(invite())]);
    expect(outcomes.sort()).toEqual(['resolved', 'userExists']);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('refuses a new invitation to someone who already has a password, invited or not', async () => {
    const made = await db.user.create({
      data: { email: `made-${unique()}@example.test`, name: '[TEST] Made from the command line', role: 'CONTRIBUTOR', entityId: world.entities.MEX, passwordHash: 'a hash of some password' },
      select: { id: true },
    });
    expect(await errorKey(changeContributor(db, world.users.focalMex, { userId: made.id, setting: 'reinvite' }, NOW))).toBe('team.alreadyJoined');
    expect(await db.invitation.count({ where: { userId: made.id } })).toBe(0);
  });

  it("a disabled person's link leads nowhere", async () => {
    const contributor = await newContributor({ join: false });
    const token = await invitationToken(contributor.id);
    await changeContributor(db, world.users.focalMex, { userId: contributor.id, setting: 'disable' }, NOW);
    expect(await invitationStatus(db, token, NOW)).toEqual({ state: 'unknown', user: null });
    expect(await errorKey(acceptInvitation(db, { token, name: '[TEST] Disabled', password: PASSWORD }, NOW))).toBe('team.invitationUnknown');
  });
});

describe('assigning commitments', () => {
  it('assigns two commitments: rows, history, one audit row, and one notification and e-mail saying 2', async () => {
    const contributor = await newContributor();
    const [a, b] = [await newCommitment(), await newCommitment()];
    const auditBefore = (await auditRows('team.assign')).length;

    expect(await assign(world.users.focalMex, [a, b, a], contributor.id)).toEqual({ changed: 2 });

    const rows = await db.assignment.findMany({ where: { commitmentId: { in: [a, b] } }, orderBy: { commitmentId: 'asc' }, select: { commitmentId: true, assigneeId: true, assignedById: true, entityId: true, cycleId: true, assignedAt: true } });
    expect(rows).toEqual([a, b].sort().map((commitmentId) => ({
      commitmentId, assigneeId: contributor.id, assignedById: world.users.focalMex.id, entityId: world.entities.MEX, cycleId: world.cycle.id, assignedAt: NOW,
    })));
    for (const commitmentId of [a, b]) {
      // Who acted is written down by the database itself.
      expect(await assignmentEvents(commitmentId)).toEqual([{
        type: 'ASSIGNED', assigneeId: contributor.id, assigneeEmail: contributor.email, byId: world.users.focalMex.id, byEmail: world.users.focalMex.email, at: expect.any(Date),
      }]);
    }
    const audit = await auditRows('team.assign');
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({ actorId: world.users.focalMex.id, entityType: 'ReportingCycle', entityId: world.cycle.id, after: { entityId: world.entities.MEX, assignee: contributor.email } });
    expect((audit.at(-1)!.after as { commitmentIds: string[] }).commitmentIds.sort()).toEqual([a, b].sort());

    const notifications = await db.notification.findMany({ where: { userId: contributor.id }, select: { type: true, data: true, href: true, readAt: true } });
    expect(notifications).toEqual([{ type: 'ITEMS_ASSIGNED', data: expect.objectContaining({ count: 2, by: 'focal-mex' }), href: '/worklist', readAt: null }]);
    const emails = await db.outboxEmail.findMany({ where: { userId: contributor.id, template: 'ITEMS_ASSIGNED' }, select: { subject: true, body: true, toEmail: true } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.toEmail).toBe(contributor.email);
    expect(emails[0]!.subject).toMatch(/^2 commitments assigned to you/);
    expect(emails[0]!.body).toContain(appUrl('/en/worklist'));
    // No one else is told.
    expect(await db.notification.count({ where: { type: 'ITEMS_ASSIGNED', userId: { not: contributor.id } } })).toBe(0);
  });

  it('assigning the same again changes nothing', async () => {
    const contributor = await newContributor();
    const a = await newCommitment();
    await assign(world.users.focalMex, [a], contributor.id);
    const before = await teamTotals();
    expect(await assign(world.users.focalMex2, [a], contributor.id, {}, on('06-02'))).toEqual({ changed: 0 });
    expect(await teamTotals()).toEqual(before);
  });

  it('reassigning writes UNASSIGNED then ASSIGNED; a null assignee withdraws', async () => {
    const [first, second] = [await newContributor(), await newContributor()];
    const [a, b] = [await newCommitment(), await newCommitment()];
    await assign(world.users.focalMex, [a, b], first.id, {}, on('06-01'));

    expect(await assign(world.users.focalMex, [a], second.id, {}, on('06-02'))).toEqual({ changed: 1 });
    expect((await assignmentEvents(a)).map((event) => [event.type, event.assigneeEmail])).toEqual([
      ['ASSIGNED', first.email], ['UNASSIGNED', first.email], ['ASSIGNED', second.email],
    ]);
    expect(await db.assignment.findMany({ where: { commitmentId: { in: [a, b] } }, orderBy: { assigneeId: 'asc' }, select: { commitmentId: true, assigneeId: true } }))
      .toEqual([{ commitmentId: a, assigneeId: second.id }, { commitmentId: b, assigneeId: first.id }].sort((x, y) => x.assigneeId.localeCompare(y.assigneeId)));
    expect(await db.notification.findFirstOrThrow({ where: { userId: second.id, type: 'ITEMS_ASSIGNED' }, select: { data: true } })).toMatchObject({ data: { count: 1 } });

    const unassignAudit = (await auditRows('team.unassign')).length;
    expect(await assign(world.users.focalMex, [b], null, {}, on('06-03'))).toEqual({ changed: 1 });
    expect(await db.assignment.findMany({ where: { commitmentId: b } })).toEqual([]);
    expect((await assignmentEvents(b)).map((event) => [event.type, event.assigneeEmail])).toEqual([['ASSIGNED', first.email], ['UNASSIGNED', first.email]]);
    const audit = await auditRows('team.unassign');
    expect(audit).toHaveLength(unassignAudit + 1);
    expect(audit.at(-1)).toMatchObject({ before: { [b]: first.email }, after: { assignee: null, commitmentIds: [b] } });
    // Withdrawing what is not assigned is nothing.
    expect(await assign(world.users.focalMex, [b], null, {}, on('06-04'))).toEqual({ changed: 0 });
  });

  it('refuses commitments outside the cycle, strangers, disabled contributors, closed cycles and other coordinators, writing nothing', async () => {
    const contributor = await newContributor();
    const disabled = await newContributor();
    await changeContributor(db, world.users.focalMex, { userId: disabled.id, setting: 'disable' }, NOW);
    const ngaContributor = await newContributor({ entity: 'NGA' });
    const a = await newCommitment();

    // A commitment of an instrument the cycle does not cover.
    const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
    await db.reportingCycle.update({ where: { id: world.cycle.id }, data: { allInstruments: false } });
    const outside = await db.instrument.create({
      data: { code: 'OUTSIDE', symbol: 'OUTSIDE/1', title: { en: '[TEST] Instrument outside the cycle' }, adoptedYear: 2026, adoptedBy: { en: 'Tests' } },
      select: { id: true },
    });
    await db.cycleInstrument.deleteMany({ where: { cycleId: world.cycle.id, instrumentId: outside.id } });
    const outOfCycle = await db.commitment.create({
      data: { instrumentId: outside.id, thematicAreaId: area.id, reference: '1', kind: 'OPERATIONAL_RECOMMENDATION', order: 1 },
      select: { id: true },
    });
    const closed = await db.reportingCycle.create({
      data: {
        code: '2024', name: { en: '[TEST] 2024' }, periodStart: new Date('2024-01-01'), periodEnd: new Date('2024-12-31'),
        opensAt: new Date('2024-01-01T00:00:00Z'), closesAt: new Date('2024-12-31T23:59:59Z'), state: 'CLOSED',
      },
      select: { id: true },
    });
    await db.cycleEntity.create({ data: { cycleId: closed.id, entityId: world.entities.MEX } });
    await db.cycleInstrument.createMany({ data: (await db.instrument.findMany({ select: { id: true } })).map((row) => ({ cycleId: closed.id, instrumentId: row.id })) });

    const before = await teamTotals();
    const { focalMex, focalMex2, focalNga, secretariat, viewer } = world.users;
    expect(await errorKey(assign(focalMex, [a, outOfCycle.id], contributor.id))).toBe('team.commitmentsOutOfCycle');
    expect(await errorKey(assign(focalMex, ['no-such-commitment'], contributor.id))).toBe('team.commitmentsOutOfCycle');
    expect(await errorKey(assign(focalMex, [a], ngaContributor.id))).toBe('team.unknownContributor');
    // A focal point is not a contributor.
    expect(await errorKey(assign(focalMex, [a], focalMex2.id))).toBe('team.unknownContributor');
    expect(await errorKey(assign(focalMex, [a], disabled.id))).toBe('team.contributorDisabled');
    expect(await errorKey(assign(focalMex, [a], contributor.id, { cycleId: closed.id }))).toBe('team.cycleClosed');
    for (const actor of [focalNga, secretariat, viewer, contributor.actor]) {
      expect(await errorKey(assign(actor, [a], contributor.id))).toBe('team.notAllowed');
    }
    expect(await teamTotals()).toEqual(before);
  });

  it('keeps its history append-only: the database refuses to change or delete it', async () => {
    const contributor = await newContributor();
    const a = await newCommitment();
    await assign(world.users.focalMex, [a], contributor.id);
    const before = await assignmentEvents(a);
    await expect(db.$executeRaw`UPDATE "AssignmentEvent" SET "assigneeEmail" = 'someone-else@example.test' WHERE "commitmentId" = ${a}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AssignmentEvent" WHERE "commitmentId" = ${a}`).rejects.toThrow(/append-only/);
    await expect(db.assignmentEvent.deleteMany({ where: { commitmentId: a } })).rejects.toThrow(/append-only/);
    expect(await assignmentEvents(a)).toEqual(before);
  });
});

describe("a contributor's rights", () => {
  it('drafts an assigned commitment; an unassigned one is "not found"; never submits, withdraws or reviews', async () => {
    const contributor = await newContributor();
    const [assigned, unassigned, handedIn] = [await newCommitment(), await newCommitment(), await newCommitment()];
    await assign(world.users.focalMex, [assigned, handedIn], contributor.id);
    const { actor } = contributor;

    const draft = await saveStatusReport(db, actor, form(assigned, { narrative: '[TEST] Drafted by a contributor.' }), on('06-02'));
    expect(draft).toMatchObject({ state: 'DRAFT', version: 1 });
    expect(await db.statusReport.findUniqueOrThrow({ where: { id: draft.id }, select: { updatedById: true, narrative: true } }))
      .toEqual({ updatedById: contributor.id, narrative: '[TEST] Drafted by a contributor.' });

    const reportsBefore = await db.statusReport.count();
    expect(await errorKey(saveStatusReport(db, actor, form(unassigned), on('06-02')))).toBe('statusReports.notFound');
    // Exactly what a commitment that does not exist gets.
    expect(await errorKey(saveStatusReport(db, actor, form('no-such-commitment'), on('06-02')))).toBe('statusReports.notFound');
    // Also once a focal point has written that report.
    const focalDraft = await saveStatusReport(db, world.users.focalMex, form(unassigned), on('06-02'));
    expect(await errorKey(saveStatusReport(db, actor, form(unassigned, { version: focalDraft.version }), on('06-03')))).toBe('statusReports.notFound');
    expect(await errorKey(markStatusReportReady(db, actor, { reportId: focalDraft.id, version: focalDraft.version }, on('06-03')))).toBe('statusReports.notFound');
    expect(await db.statusReport.count()).toBe(reportsBefore + 1);

    // Submitting, whether a new report or an existing draft.
    expect(await errorKey(saveStatusReport(db, actor, form(assigned, { version: draft.version, intent: 'submit' }), on('06-03')))).toBe('statusReports.refused.role');
    expect(await db.statusReport.findUniqueOrThrow({ where: { id: draft.id }, select: { state: true, version: true } })).toEqual({ state: 'DRAFT', version: 1 });

    // A submission the coordinator made of an assigned commitment: no withdrawing, no reviewing.
    const submitted = await saveStatusReport(db, world.users.focalMex, form(handedIn, { intent: 'submit' }), on('06-03'));
    expect(await errorKey(withdrawStatusReport(db, actor, { reportId: submitted.id, version: submitted.version }, on('06-04')))).toBe('statusReports.refused.role');
    expect(await errorKey(reviewStatusReport(db, actor, { reportId: submitted.id, version: submitted.version, decision: 'accept', comment: '' }, on('06-04')))).toBe('statusReports.refused.role');
    expect(await errorKey(reviewStatusReport(db, actor, { reportId: submitted.id, version: submitted.version, decision: 'return', comment: '[TEST] No.' }, on('06-04')))).toBe('statusReports.refused.role');
    expect(await errorKey(acceptStatusReports(db, actor, [{ reportId: submitted.id, version: submitted.version }], on('06-04')))).toBe('statusReports.refused.role');
    expect(await db.statusReport.findUniqueOrThrow({ where: { id: submitted.id }, select: { state: true, version: true } })).toEqual({ state: 'SUBMITTED', version: submitted.version });
  });

  it('a withdrawal of the assignment waits for a write that the assignment allowed', async () => {
    const contributor = await newContributor();
    const commitment = await newCommitment();
    await assign(world.users.focalMex, [commitment], contributor.id);
    const key = { cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: commitment };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => { entered = resolve; });
    // A write under way: it has read the assignment, and has not committed yet.
    const write = db.$transaction(async (tx) => {
      const assignee = await assigneeOf(tx, key);
      entered();
      await gate;
      return assignee;
    }, { timeout: 20_000 });
    await inside;
    let withdrawn = false;
    const withdrawal = assign(world.users.focalMex, [commitment], null).then(() => { withdrawn = true; });
    // The withdrawal is seen waiting for a lock, and has not happened.
    const waiting = async () => (await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`)[0]!.n;
    for (let tries = 0; tries < 100 && (await waiting()) === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await waiting()).toBeGreaterThan(0);
    expect(withdrawn).toBe(false);
    release();
    expect(await write).toBe(contributor.id);
    await withdrawal;
    expect(await assigneeOf(db, key)).toBeNull();
  });

  it("attaches a file to an assigned report and downloads it; a colleague who is not assigned cannot", async () => {
    const [contributor, colleague] = [await newContributor(), await newContributor()];
    const commitment = await newCommitment();
    await assign(world.users.focalMex, [commitment], contributor.id);
    const draft = await saveStatusReport(db, contributor.actor, form(commitment), on('06-02'));
    const link = await linkReportFile(db, contributor.actor, { reportId: draft.id, fileName: 'ministry-note.txt', bytes: new TextEncoder().encode('[TEST] a note'), note: '' }, on('06-02'));
    const { fileId } = await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id }, select: { fileId: true } });
    const { getEvidenceFile } = await import('@/lib/evidence/queries');
    expect(await getEvidenceFile(contributorSession(contributor), fileId!)).not.toBeNull();
    expect(await getEvidenceFile(contributorSession(colleague), fileId!)).toBeNull();
    expect(await getEvidenceFile(contributorSession(colleague, true), fileId!)).not.toBeNull();
    expect(await getEvidenceFile(sessionOf(world.users.focalNga), fileId!)).toBeNull();
  });

  it('marks a saved draft ready: timeline event, readyAt, and a notification to each focal point of the entity only; saving clears it; the coordinator submits', async () => {
    const contributor = await newContributor();
    const commitmentId = await newCommitment();
    await assign(world.users.focalMex, [commitmentId], contributor.id);
    const { actor } = contributor;
    // Nothing saved yet: nothing to hand over.
    const draft = await saveStatusReport(db, actor, form(commitmentId), on('06-02'));
    const notificationsBefore = new Set((await db.notification.findMany({ select: { id: true } })).map((row) => row.id));

    // The coordinator may not mark ready; only the contributor it is assigned to hands over.
    expect(await errorKey(markStatusReportReady(db, world.users.focalMex, { reportId: draft.id, version: draft.version }, on('06-03')))).toBe('statusReports.refused.role');
    const ready = await markStatusReportReady(db, actor, { reportId: draft.id, version: draft.version }, on('06-03'));
    expect(ready).toEqual({ id: draft.id, version: draft.version + 1, state: 'DRAFT' });
    expect(await db.statusReport.findUniqueOrThrow({ where: { id: draft.id }, select: { readyAt: true, readyById: true, state: true } }))
      .toEqual({ readyAt: on('06-03'), readyById: contributor.id, state: 'DRAFT' });
    const events = await db.statusEvent.findMany({ where: { statusReportId: draft.id }, orderBy: { at: 'asc' }, select: { type: true, byId: true, at: true } });
    expect(events).toEqual([
      { type: 'SAVED', byId: contributor.id, at: on('06-02') },
      { type: 'MARKED_READY', byId: contributor.id, at: on('06-03') },
    ]);
    expect(await auditRows('status-report.mark-ready', draft.id)).toHaveLength(1);

    const told = (await db.notification.findMany({ select: { id: true, userId: true, type: true, href: true, data: true } })).filter((row) => !notificationsBefore.has(row.id));
    expect(told.map((row) => row.userId).sort()).toEqual([world.users.focalMex.id, world.users.focalMex2.id].sort());
    const path = reportPath(world.cycle.code, 'MEX', commitmentId);
    for (const row of told) expect(row).toMatchObject({ type: 'REPORT_READY', href: path, data: { by: contributor.name } });
    expect(await db.outboxEmail.count({ where: { template: 'REPORT_READY', body: { contains: path } } })).toBe(2);

    // A stale version is a conflict, not a second hand-over; the current one, once is enough.
    expect(await errorKey(markStatusReportReady(db, actor, { reportId: draft.id, version: draft.version }, on('06-03')))).toBe('statusReports.conflict');
    const toldBefore = await db.notification.count({ where: { type: 'REPORT_READY' } });
    expect(await errorKey(markStatusReportReady(db, actor, { reportId: draft.id, version: ready.version }, on('06-03')))).toBe('statusReports.alreadyReady');
    expect(await db.notification.count({ where: { type: 'REPORT_READY' } })).toBe(toldBefore);

    // Changing the draft afterwards takes the hand-over back.
    const saved = await saveStatusReport(db, actor, form(commitmentId, { version: ready.version, narrative: '[TEST] Changed after ready.' }), on('06-04'));
    expect(await db.statusReport.findUniqueOrThrow({ where: { id: draft.id }, select: { readyAt: true, readyById: true } })).toEqual({ readyAt: null, readyById: null });

    // Ready again; the coordinator submits it.
    const again = await markStatusReportReady(db, actor, { reportId: draft.id, version: saved.version }, on('06-05'));
    const submitted = await saveStatusReport(db, world.users.focalMex2, form(commitmentId, { version: again.version, intent: 'submit', narrative: '[TEST] Changed after ready.' }), on('06-06'));
    expect(submitted).toMatchObject({ state: 'SUBMITTED' });
    expect(await db.statusReport.findUniqueOrThrow({ where: { id: draft.id }, select: { readyAt: true, state: true, submittedById: true } }))
      .toEqual({ readyAt: null, state: 'SUBMITTED', submittedById: world.users.focalMex2.id });
  });

  it("reads a worklist of its assignments only (the whole one when shared, still editing only its own); another entity's is a 404", async () => {
    const contributor = await newContributor();
    const other = await newContributor();
    const [mine1, mine2, theirs, nobodys] = [await newCommitment(), await newCommitment(), await newCommitment(), await newCommitment()];
    await assign(world.users.focalMex, [mine1, mine2], contributor.id);
    await assign(world.users.focalMex, [theirs], other.id);

    const worklist = await statusQueries.getWorklist(contributorSession(contributor), 'MEX', NO_FILTERS, 'en', NOW);
    expect(worklist.scope).toBe('assigned');
    expect(worklist.rows.map((row) => row.commitmentId).sort()).toEqual([mine1, mine2].sort());
    expect(worklist.counts.total).toBe(2);
    for (const row of worklist.rows) expect(row.assignee).toEqual({ id: contributor.id, name: contributor.name });

    // The coordinator shares the whole worklist.
    await changeContributor(db, world.users.focalMex, { userId: contributor.id, setting: 'share' }, NOW);
    const shared = await statusQueries.getWorklist(contributorSession(contributor, true), 'MEX', NO_FILTERS, 'en', NOW);
    const all = await db.commitment.count({ where: { instrument: { cycles: { some: { cycleId: world.cycle.id } } } } });
    expect(shared.scope).toBe('all');
    expect(shared.rows).toHaveLength(all);
    expect(shared.rows.map((row) => row.commitmentId)).toEqual(expect.arrayContaining([mine1, mine2, theirs, nobodys]));
    const coordinatorView = await statusQueries.getWorklist(sessionOf(world.users.focalMex), 'MEX', NO_FILTERS, 'en', NOW);
    expect(shared.rows.map((row) => row.commitmentId)).toEqual(coordinatorView.rows.map((row) => row.commitmentId));

    // Seeing is not editing.
    const sharedActor = { ...contributor.actor, seesWholeWorklist: true };
    for (const commitmentId of [theirs, nobodys]) {
      expect(await errorKey(saveStatusReport(db, sharedActor, form(commitmentId), on('06-02')))).toBe('statusReports.refused.role');
    }
    expect(await db.statusReport.count({ where: { commitmentId: { in: [theirs, nobodys] } } })).toBe(0);

    await expectNotFound(statusQueries.getWorklist(contributorSession(contributor), 'NGA', NO_FILTERS, 'en', NOW));
    await expectNotFound(statusQueries.getWorklist(contributorSession(contributor, true), 'NGA', NO_FILTERS, 'en', NOW));
  });

  it('reads the report page of an assigned commitment (assignee, ready flag, timeline) and gets a 404 for another', async () => {
    const contributor = await newContributor();
    const [assigned, unassigned] = [await newCommitment(), await newCommitment()];
    await assign(world.users.focalMex, [assigned], contributor.id, {}, on('06-01'));
    const draft = await saveStatusReport(db, contributor.actor, form(assigned), on('06-02'));
    await markStatusReportReady(db, contributor.actor, { reportId: draft.id, version: draft.version }, on('06-03'));
    await saveStatusReport(db, world.users.focalMex, form(unassigned), on('06-02'));

    const key = (commitmentId: string) => ({ cycleCode: world.cycle.code, entityCode: 'MEX', commitmentId });
    const view = await statusQueries.getReportView(contributorSession(contributor), key(assigned), 'en', on('06-04'));
    expect(view.assignee).toEqual({ id: contributor.id, name: contributor.name });
    expect(view.ready).toEqual({ at: on('06-03'), by: contributor.name });
    expect(view.timeline.map((event) => event.type)).toEqual(['ASSIGNED', 'SAVED', 'MARKED_READY']);
    expect(view.timeline[0]).toMatchObject({ assignee: contributor.name, by: 'focal-mex', at: expect.any(Date) });
    // What the page offers the contributor: to save and to mark ready, never to submit.
    expect(view.allowed.sort()).toEqual(['mark-ready', 'save']);
    // The imported file's name is for the staff who import: others read the instrument's symbol.
    expect(view.commitment.provenance.map((entry) => entry.sourceName)).toEqual(['TEST/1']);
    const staffView = await statusQueries.getReportView(sessionOf(world.users.admin), key(assigned), 'en', on('06-04'));
    expect(staffView.commitment.provenance.map((entry) => entry.sourceName)).toEqual(['test fixture']);

    await expectNotFound(statusQueries.getReportView(contributorSession(contributor), key(unassigned), 'en', on('06-04')));
    await expectNotFound(statusQueries.getReportView(contributorSession(contributor), { ...key(assigned), entityCode: 'NGA' }, 'en', on('06-04')));
    // Shared, the contributor reads it but may do nothing with it.
    const sharedView = await statusQueries.getReportView(contributorSession(contributor, true), key(unassigned), 'en', on('06-04'));
    expect(sharedView.assignee).toBeNull();
    expect(sharedView.allowed).toEqual([]);
  });
});

describe("the coordinator's settings", () => {
  it('disabling ends the sessions; sharing toggles the whole worklist; each change is audited', async () => {
    const contributor = await newContributor();
    const settings = () => db.user.findUniqueOrThrow({ where: { id: contributor.id }, select: { disabled: true, seesWholeWorklist: true, sessionVersion: true } });
    const start = await settings();
    expect(start).toMatchObject({ disabled: false, seesWholeWorklist: false });

    expect(await changeContributor(db, world.users.focalMex, { userId: contributor.id, setting: 'share' }, NOW)).toEqual({ disabled: false, seesWholeWorklist: true });
    expect(await settings()).toEqual({ ...start, seesWholeWorklist: true });
    await changeContributor(db, world.users.focalMex, { userId: contributor.id, setting: 'unshare' }, NOW);
    expect(await settings()).toEqual(start);

    await changeContributor(db, world.users.focalMex2, { userId: contributor.id, setting: 'disable' }, NOW);
    expect(await settings()).toEqual({ ...start, disabled: true, sessionVersion: start.sessionVersion + 1 });
    // A disabled account cannot sign in, even with the password it chose.
    expect(await signIn(contributor.email, PASSWORD)).toEqual({ ok: false, reason: 'disabled' });
    await changeContributor(db, world.users.focalMex, { userId: contributor.id, setting: 'enable' }, NOW);
    expect(await settings()).toMatchObject({ disabled: false, sessionVersion: start.sessionVersion + 1 });

    for (const [action, actorId, before, after] of [
      ['team.share', world.users.focalMex.id, { seesWholeWorklist: false }, { seesWholeWorklist: true }],
      ['team.unshare', world.users.focalMex.id, { seesWholeWorklist: true }, { seesWholeWorklist: false }],
      ['team.disable', world.users.focalMex2.id, { disabled: false }, { disabled: true }],
      ['team.enable', world.users.focalMex.id, { disabled: true }, { disabled: false }],
    ] as const) {
      const rows = await auditRows(action, contributor.id);
      expect(rows, action).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorId, entityType: 'User', before, after });
    }
  });

  it("is refused to another entity's focal point, the secretariat and the contributor itself, and for someone who is not a contributor", async () => {
    const contributor = await newContributor();
    const before = await teamTotals();
    for (const actor of [world.users.focalNga, world.users.secretariat, world.users.viewer, contributor.actor]) {
      for (const setting of ['share', 'disable', 'reinvite'] as const) {
        expect(await errorKey(changeContributor(db, actor, { userId: contributor.id, setting }, NOW)), `${actor.role} ${setting}`).toBe('team.notAllowed');
      }
    }
    // A colleague focal point is not the coordinator's to manage.
    expect(await errorKey(changeContributor(db, world.users.focalMex, { userId: world.users.focalMex2.id, setting: 'disable' }, NOW))).toBe('team.unknownContributor');
    expect(await errorKey(changeContributor(db, world.users.focalMex, { userId: 'no-such-user', setting: 'disable' }, NOW))).toBe('team.unknownContributor');
    expect(await teamTotals()).toEqual(before);
    expect(await db.user.findUniqueOrThrow({ where: { id: world.users.focalMex2.id }, select: { disabled: true } })).toEqual({ disabled: false });
  });

  it("lists the entity's contributors with their state and assignments for the coordinator only", async () => {
    const invited = await newContributor({ join: false });
    const active = await newContributor();
    const commitmentId = await newCommitment();
    await assign(world.users.focalMex, [commitmentId], active.id);
    const draft = await saveStatusReport(db, active.actor, form(commitmentId), on('06-02'));
    await markStatusReportReady(db, active.actor, { reportId: draft.id, version: draft.version }, on('06-03'));

    const team = await teamQueries.getTeam(sessionOf(world.users.focalMex), 'MEX', 'en', NOW);
    const row = (id: string) => team.contributors.find((contributor) => contributor.id === id);
    expect(row(invited.id)).toMatchObject({ state: 'invited', assigned: 0, ready: 0 });
    expect(row(active.id)).toMatchObject({ state: 'active', assigned: 1, ready: 1, email: active.email });
    const expiredLater = await teamQueries.getTeam(sessionOf(world.users.focalMex), 'MEX', 'en', new Date(NOW.getTime() + (INVITATION_DAYS + 1) * DAY));
    expect(expiredLater.contributors.find((contributor) => contributor.id === invited.id)).toMatchObject({ state: 'expired' });
    // No other entity's contributors.
    const ngaContributor = await newContributor({ entity: 'NGA', join: false });
    expect((await teamQueries.getTeam(sessionOf(world.users.focalMex), 'MEX', 'en', NOW)).contributors.map((c) => c.id)).not.toContain(ngaContributor.id);

    for (const user of [world.users.focalNga, world.users.secretariat, world.users.viewer]) {
      await expectNotFound(teamQueries.getTeam(sessionOf(user), 'MEX', 'en', NOW));
    }
    await expectNotFound(teamQueries.getTeam(contributorSession(active), 'MEX', 'en', NOW));
    expect(await teamQueries.assignableContributors(contributorSession(active), world.entities.MEX)).toBeNull();
    expect((await teamQueries.assignableContributors(sessionOf(world.users.focalMex), world.entities.MEX))!.map((c) => c.id)).toEqual(expect.arrayContaining([invited.id, active.id]));
  });
});
