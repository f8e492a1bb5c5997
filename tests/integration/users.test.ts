// Accounts, against real PostgreSQL: created from the command line, and managed in the
// application by an administrator (invited with a role, disabled, enabled, given another role or
// entity), every change audited and taking effect at the person's very next request.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback';
import { createUser, disableUser, changeUser, changeUserRole, inviteUser, type UserActor } from '@/lib/users/mutations';
import { acceptInvitation, invitationStatus } from '@/lib/users/invitations';
import { inviteContributor, assignCommitments } from '@/lib/team/mutations';
import { inviteUserSchema, type InviteUserInput } from '@/lib/users/schemas';
import { authenticate } from '@/lib/auth/authenticate';
import { verifyPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import type { Db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { message, signInAs } from '../support/action-context';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createAppTestDatabase } from '../support/test-database';

// Pages and actions read a session and translations from the request: only those parts of Next
// are supplied (tests/support/action-context.ts); the database is real.
vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

let database: Awaited<ReturnType<typeof createAppTestDatabase>>;
let db: Db;
let world: StatusWorld;
let session: typeof import('@/lib/auth/session');
let queries: typeof import('@/lib/users/queries');
let actions: typeof import('@/lib/users/actions');

const NOW = new Date('2026-06-01T12:00:00Z');
const PASSWORD = '[TEST] a synthetic password';
let counter = 0;
const unique = () => ++counter;

const errorKey = (promise: Promise<unknown>) =>
  promise.then(() => 'resolved', (error: unknown) => {
    if (error instanceof DomainError) return error.key;
    throw error;
  });

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then((value) => ({ resolved: value }), (caught: unknown) => caught);
  expect(isHTTPAccessFallbackError(error)).toBe(true);
  expect(getAccessFallbackHTTPStatus(error as never)).toBe(404);
}

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const invite = (actor: UserActor, fields: Partial<Record<keyof InviteUserInput, string>>) =>
  inviteUser(db, actor, inviteUserSchema.parse({ name: '[TEST] Invitee', locale: 'en', role: 'VIEWER', email: `invitee-${unique()}@example.test`, ...fields }), NOW);

/** A user of the given role who has signed in (a password), and their actor. */
async function person(role: Role, entityId: string | null = null) {
  const email = `person-${unique()}@example.test`;
  const { id } = await inviteUser(db, world.users.admin, { email, name: `[TEST] ${role} ${counter}`, role, entityId, locale: 'en' }, NOW);
  await acceptInvitation(db, { token: await invitationToken(id), name: `[TEST] ${role} ${counter}`, password: PASSWORD }, NOW);
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } });
  return { id, email, role, entityId, sessionVersion };
}

async function invitationToken(userId: string): Promise<string> {
  const email = await db.outboxEmail.findFirstOrThrow({ where: { userId, template: 'INVITATION' }, orderBy: { createdAt: 'desc' }, select: { body: true } });
  return /\/(?:en|zh)\/invitations\/([A-Za-z0-9_-]+)/.exec(email.body)![1]!;
}

const audit = (action: string, entityId: string) =>
  db.auditEvent.findMany({ where: { action, entityId }, orderBy: { at: 'asc' }, select: { actorId: true, before: true, after: true } });

beforeAll(async () => {
  database = await createAppTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  session = await import('@/lib/auth/session');
  queries = await import('@/lib/users/queries');
  actions = await import('@/lib/users/actions');
});

beforeEach(() => signInAs(null));

afterAll(() => database.drop());

describe('createUser (command line)', () => {
  it('creates a focal point of an entity, with a hashed password and an audit row', async () => {
    const user = await createUser(db, null, {
      email: ' Focal.Point@Example.TEST ', name: 'Focal Point', role: 'FOCAL_POINT', entityCode: 'mex', password: 'a long enough password',
    });
    expect(user).toMatchObject({ email: 'focal.point@example.test', role: 'FOCAL_POINT' });
    const stored = await db.user.findUniqueOrThrow({
      where: { id: user.id }, select: { passwordHash: true, entity: { select: { code: true } } },
    });
    expect(stored.entity?.code).toBe('MEX');
    expect(stored.passwordHash).not.toContain('a long enough password');
    expect(await verifyPassword(stored.passwordHash, 'a long enough password')).toBe(true);
    const row = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.create' } });
    expect(JSON.stringify(row.after)).not.toContain('passwordHash');
  });

  it('never returns the password hash from ordinary queries', async () => {
    const user = await db.user.findFirstOrThrow();
    expect(user).not.toHaveProperty('passwordHash');
  });

  it('refuses a duplicate e-mail and an unknown entity, writing nothing', async () => {
    const before = await db.user.count();
    await expect(createUser(db, null, {
      email: 'focal.point@example.test', name: 'Again', role: 'VIEWER', password: 'a long enough password',
    })).rejects.toThrow(DomainError);
    await expect(createUser(db, null, {
      email: 'other@example.test', name: 'Other', role: 'FOCAL_POINT', entityCode: 'ZZZ', password: 'a long enough password',
    })).rejects.toThrow('No reporting entity has the code ZZZ.');
    expect(await db.user.count()).toBe(before);
  });

  it('returns every problem of bad input at once', async () => {
    const error = await createUser(db, null, {
      email: 'not an address', name: '', role: 'FOCAL_POINT', password: 'short',
    }).catch((caught: unknown) => caught);
    const messages = (error as { issues: { message: string }[] }).issues.map((issue) => issue.message);
    expect(messages).toEqual(expect.arrayContaining([
      'Enter a valid e-mail address.', 'Enter a name.', 'The password must have at least 10 characters.',
    ]));
  });
});

describe('disableUser (command line)', () => {
  it('disables the account and bumps its session version, with the change audited', async () => {
    const result = await disableUser(db, null, 'FOCAL.POINT@example.test');
    expect(result).toMatchObject({ disabled: true, sessionVersion: 1 });
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.disable' } });
    expect(row.before).toMatchObject({ disabled: false, sessionVersion: 0 });
    expect(row.after).toMatchObject({ disabled: true, sessionVersion: 1 });
  });

  it('says clearly when there is no such account', async () => {
    await expect(disableUser(db, null, 'nobody@example.test')).rejects.toThrow('No account has the e-mail address nobody@example.test.');
  });

  it('never disables the last active administrator', async () => {
    const { admin } = world.users;
    expect(await db.user.count({ where: { role: 'ADMIN', disabled: false } })).toBe(1);
    expect(await errorKey(disableUser(db, null, admin.email))).toBe('users.lastAdmin');
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { disabled: true } })).toEqual({ disabled: false });
  });
});

describe('inviting a person with a role', () => {
  it('creates an account nobody can sign in to, an e-mail that names the role, and an audit row', async () => {
    const { admin } = world.users;
    const { id } = await invite(admin, { role: 'SECRETARIAT', email: 'new-reviewer@example.test', locale: 'zh' });
    const user = await db.user.findUniqueOrThrow({ where: { id }, select: { role: true, entityId: true, locale: true, invitedById: true, disabled: true } });
    expect(user).toEqual({ role: 'SECRETARIAT', entityId: null, locale: 'zh', invitedById: admin.id, disabled: false });
    expect(await authenticate(db, { email: 'new-reviewer@example.test', password: '', address: '192.0.2.1', allowDemoAccounts: false }, NOW)).toEqual({ ok: false, reason: 'invalid' });

    const email = await db.outboxEmail.findFirstOrThrow({ where: { userId: id, template: 'INVITATION' }, select: { subject: true, body: true, locale: true } });
    expect(email.locale).toBe('zh');
    expect(email.subject).toBe('邀请您使用禁毒政策承诺履行跟踪系统');
    expect(email.body).toContain('以秘书处身份');
    expect(await audit('user.invite', id)).toEqual([
      { actorId: admin.id, before: null, after: { email: 'new-reviewer@example.test', name: '[TEST] Invitee', role: 'SECRETARIAT', entityId: null, locale: 'zh' } },
    ]);

    // The invitation is accepted like a contributor's: the person chooses a password and signs in.
    const token = await invitationToken(id);
    expect((await invitationStatus(db, token, NOW)).user).toMatchObject({ role: 'SECRETARIAT', entity: null });
    await acceptInvitation(db, { token, name: '[TEST] New reviewer', password: PASSWORD }, NOW);
    expect(await authenticate(db, { email: 'new-reviewer@example.test', password: PASSWORD, address: '192.0.2.1', allowDemoAccounts: false }, NOW)).toMatchObject({ ok: true });
  });

  it('gives a focal point its entity, and says so in the e-mail', async () => {
    const { id } = await invite(world.users.admin, { role: 'FOCAL_POINT', entityId: world.entities.NGA });
    expect(await db.user.findUniqueOrThrow({ where: { id }, select: { role: true, entityId: true } })).toEqual({ role: 'FOCAL_POINT', entityId: world.entities.NGA });
    const email = await db.outboxEmail.findFirstOrThrow({ where: { userId: id }, select: { subject: true, body: true } });
    expect(email.subject).toMatch(/^Invitation to coordinate the reporting of Nigeria/);
    expect(email.body).toContain('as its focal point');
  });

  it('asks a focal point or contributor for an entity, and drops the entity of other roles', () => {
    const base = { email: 'x@example.test', name: 'X', locale: 'en' };
    const missing = inviteUserSchema.safeParse({ ...base, role: 'CONTRIBUTOR' });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues).toEqual([expect.objectContaining({ path: ['entityId'], message: 'validation.entityRequired' })]);
    expect(inviteUserSchema.parse({ ...base, role: 'VIEWER', entityId: world.entities.MEX }).entityId).toBeNull();
  });

  it('is refused to anyone but an active administrator, writing nothing', async () => {
    const before = await db.user.count();
    for (const actor of [world.users.secretariat, world.users.focalMex, world.users.viewer]) {
      expect(await errorKey(invite(actor, {}))).toBe('users.notAllowed');
    }
    // An administrator disabled since their page was loaded.
    const gone = await person('ADMIN');
    await changeUser(db, world.users.admin, { userId: gone.id, setting: 'disable' }, NOW);
    expect(await errorKey(invite({ id: gone.id, role: 'ADMIN', entityId: null }, {}))).toBe('users.notAllowed');
    expect(await db.user.count()).toBe(before + 1);
  });

  it('refuses an address that has an account', async () => {
    expect(await errorKey(invite(world.users.admin, { email: world.users.viewer.email }))).toBe('userExists');
  });
});

describe('disabling and enabling an account', () => {
  it('signs the person out at their very next request, audited; enabling lets them sign in again', async () => {
    const { admin } = world.users;
    const viewer = await person('VIEWER');
    signInAs(viewer);
    expect(await session.getOptionalUser()).toMatchObject({ id: viewer.id });

    await changeUser(db, admin, { userId: viewer.id, setting: 'disable' }, NOW);
    expect(await session.getOptionalUser()).toBeNull();
    expect(await authenticate(db, { email: viewer.email, password: PASSWORD, address: '192.0.2.2', allowDemoAccounts: false }, NOW)).toEqual({ ok: false, reason: 'disabled' });
    expect(await audit('user.disable', viewer.id)).toEqual([{
      actorId: admin.id, before: { disabled: false, sessionVersion: viewer.sessionVersion }, after: { disabled: true, sessionVersion: viewer.sessionVersion + 1 },
    }]);

    await changeUser(db, admin, { userId: viewer.id, setting: 'enable' }, NOW);
    expect(await audit('user.enable', viewer.id)).toHaveLength(1);
    // The old session stays over; a new sign-in works.
    expect(await session.getOptionalUser()).toBeNull();
    expect(await authenticate(db, { email: viewer.email, password: PASSWORD, address: '192.0.2.2', allowDemoAccounts: false }, NOW)).toMatchObject({ ok: true });
  });

  it('never disables or demotes the administrator who asks', async () => {
    const { admin } = world.users;
    expect(await errorKey(changeUser(db, admin, { userId: admin.id, setting: 'disable' }, NOW))).toBe('users.notSelf');
    expect(await errorKey(changeUserRole(db, admin, { userId: admin.id, role: 'VIEWER', entityId: null }, NOW))).toBe('users.notSelf');
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, disabled: true } })).toEqual({ role: 'ADMIN', disabled: false });
  });

  it('keeps an active administrator when two demote each other at once', async () => {
    const first = await person('ADMIN');
    const second = await person('ADMIN');
    // Only these two administrators are active for this test.
    await db.user.update({ where: { id: world.users.admin.id }, data: { disabled: true } });
    try {
      const outcomes = await Promise.all([
        errorKey(changeUserRole(db, first, { userId: second.id, role: 'VIEWER', entityId: null }, NOW)),
        errorKey(changeUser(db, second, { userId: first.id, setting: 'disable' }, NOW)),
      ]);
      expect(outcomes.sort()).toEqual(['resolved', 'users.notAllowed']);
      expect(await db.user.count({ where: { role: 'ADMIN', disabled: false } })).toBe(1);
    } finally {
      await db.user.update({ where: { id: world.users.admin.id }, data: { disabled: false } });
    }
  });

  it('sends a new invitation only to someone who has not joined', async () => {
    const { admin } = world.users;
    const { id } = await invite(admin, {});
    const first = await invitationToken(id);
    await changeUser(db, admin, { userId: id, setting: 'reinvite' }, NOW);
    const second = await invitationToken(id);
    expect(second).not.toBe(first);
    expect((await invitationStatus(db, first, NOW)).state).toBe('expired');
    expect(await audit('user.reinvite', id)).toHaveLength(1);
    const joined = await person('VIEWER');
    expect(await errorKey(changeUser(db, admin, { userId: joined.id, setting: 'reinvite' }, NOW))).toBe('team.alreadyJoined');
  });
});

describe('changing a role', () => {
  it('signs a demoted person out at their very next request, with the change audited', async () => {
    const { admin } = world.users;
    const reviewer = await person('SECRETARIAT');
    signInAs(reviewer);
    expect(await session.getOptionalUser()).toMatchObject({ role: 'SECRETARIAT' });

    await changeUserRole(db, admin, { userId: reviewer.id, role: 'FOCAL_POINT', entityId: world.entities.MEX }, NOW);
    expect(await session.getOptionalUser()).toBeNull();
    expect(await audit('user.change-role', reviewer.id)).toEqual([{
      actorId: admin.id,
      before: { role: 'SECRETARIAT', entityId: null, sessionVersion: reviewer.sessionVersion },
      after: { role: 'FOCAL_POINT', entityId: world.entities.MEX, sessionVersion: reviewer.sessionVersion + 1 },
    }]);
    // Signed in again, the person has the new role.
    signInAs({ id: reviewer.id, sessionVersion: reviewer.sessionVersion + 1 });
    expect(await session.getOptionalUser()).toMatchObject({ role: 'FOCAL_POINT', entityId: world.entities.MEX });
  });

  it('changes nothing, and audits nothing, when the role and entity stay the same', async () => {
    const viewer = await person('VIEWER');
    await changeUserRole(db, world.users.admin, { userId: viewer.id, role: 'VIEWER', entityId: null }, NOW);
    expect(await audit('user.change-role', viewer.id)).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { sessionVersion: true } })).sessionVersion).toBe(viewer.sessionVersion);
  });

  it('takes back the assignments of a contributor moved to another entity, in their history', async () => {
    const { id } = await inviteContributor(db, world.users.focalMex, { entityId: world.entities.MEX, email: `moving-${unique()}@example.test`, name: '[TEST] Moving', locale: 'en' }, NOW);
    await assignCommitments(db, world.users.focalMex, { entityId: world.entities.MEX, cycleId: world.cycle.id, commitmentId: world.commitments.slice(0, 2), assigneeId: id }, NOW);
    expect(await db.assignment.count({ where: { assigneeId: id } })).toBe(2);

    await changeUserRole(db, world.users.admin, { userId: id, role: 'CONTRIBUTOR', entityId: world.entities.NGA }, NOW);
    expect(await db.assignment.count({ where: { assigneeId: id } })).toBe(0);
    const events = await db.assignmentEvent.findMany({ where: { assigneeId: id, type: 'UNASSIGNED' }, select: { commitmentId: true, byId: true, entityId: true } });
    expect(events).toHaveLength(2);
    expect(events.every((event) => event.byId === world.users.admin.id && event.entityId === world.entities.MEX)).toBe(true);
  });

  it('refuses an entity that does not exist', async () => {
    const viewer = await person('VIEWER');
    expect(await errorKey(changeUserRole(db, world.users.admin, { userId: viewer.id, role: 'FOCAL_POINT', entityId: 'no-such-entity' }, NOW))).toBe('users.unknownEntity');
  });
});

describe('the users page', () => {
  it('hides the disabled demo accounts of the story unless asked, and says how many', async () => {
    await db.user.createMany({
      data: [1, 2, 3].map((n) => ({ email: `demo-story-${n}@demo.test`, name: `[TEST] Demo story ${n}`, role: 'FOCAL_POINT' as const, entityId: world.entities.NGA, passwordHash: '', isDemo: true, disabled: true })),
    });
    await db.user.create({ data: { email: 'demo-active@demo.test', name: '[TEST] Demo active', role: 'VIEWER', passwordHash: '', isDemo: true } });
    const sessionUser = { ...world.users.admin, name: 'admin', locale: 'en', entity: null, seesWholeWorklist: false };

    const shown = await queries.listUsers(sessionUser, 'en', {});
    expect(shown.hiddenDemo).toBe(3);
    expect(shown.users.map((row) => row.email)).not.toContain('demo-story-1@demo.test');
    expect(shown.users.map((row) => row.email)).toContain('demo-active@demo.test');

    const all = await queries.listUsers(sessionUser, 'en', { demo: '1' });
    expect(all.hiddenDemo).toBe(0);
    expect(all.users.filter((row) => row.email.startsWith('demo-story-'))).toHaveLength(3);

    const disabled = await queries.listUsers(sessionUser, 'en', { demo: '1', state: 'disabled' });
    expect(disabled.users.every((row) => row.state === 'disabled')).toBe(true);
    const invited = await queries.listUsers(sessionUser, 'en', { state: 'invited' }, NOW);
    expect(invited.users.length).toBeGreaterThan(0);
    expect(invited.users.every((row) => row.state === 'invited')).toBe(true);
  });

  it('is a 404 for anyone but an administrator', async () => {
    for (const fixture of [world.users.secretariat, world.users.focalMex, world.users.viewer]) {
      const user = { ...fixture, name: fixture.email, locale: 'en', entity: null, seesWholeWorklist: false };
      await expectNotFound(queries.listUsers(user, 'en'));
      await expectNotFound(queries.getUser(user, world.users.admin.id, 'en'));
    }
  });

  it('shows one account with its audited history, failed sign-ins included', async () => {
    const viewer = await person('VIEWER');
    await authenticate(db, { email: viewer.email, password: 'wrong', address: '192.0.2.99', allowDemoAccounts: false }, NOW);
    const sessionUser = { ...world.users.admin, name: 'admin', locale: 'en', entity: null, seesWholeWorklist: false };
    const account = await queries.getUser(sessionUser, viewer.id, 'en', NOW);
    expect(account).toMatchObject({ id: viewer.id, state: 'active', role: 'VIEWER', self: false });
    expect(account.history.map((event) => event.action)).toEqual(expect.arrayContaining(['user.invite', 'user.accept-invitation', 'user.sign-in-failed']));
    await expectNotFound(queries.getUser(sessionUser, 'no-such-user', 'en'));
  });
});

describe('the actions', () => {
  it('invite for an administrator, return every field error, and refuse everyone else', async () => {
    signInAs(world.users.admin);
    const ok = await actions.inviteUserAction(null, formData({ name: '[TEST] By form', email: `form-${unique()}@example.test`, role: 'CONTRIBUTOR', entityId: world.entities.MEX, locale: 'en' }));
    expect(ok).toMatchObject({ ok: true });

    const invalid = await actions.inviteUserAction(null, formData({ name: '', email: 'nope', role: 'FOCAL_POINT', entityId: '', locale: 'en' }));
    expect(invalid).toMatchObject({ ok: false, message: message('actions', 'invalid') });
    expect(invalid && !invalid.ok && invalid.fieldErrors).toMatchObject({
      name: [message('validation', 'required')], email: [message('validation', 'email')],
    });

    for (const fixture of [world.users.secretariat, world.users.focalMex]) {
      signInAs(fixture);
      const refused = await actions.changeUserAction(null, formData({ userId: world.users.viewer.id, setting: 'disable' }));
      expect(refused).toMatchObject({ ok: false, message: message('actions', 'forbidden') });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: world.users.viewer.id }, select: { disabled: true } })).toEqual({ disabled: false });
  });

  it('say in words why an administrator cannot demote themself', async () => {
    signInAs(world.users.admin);
    const refused = await actions.changeUserRoleAction(null, formData({ userId: world.users.admin.id, role: 'VIEWER' }));
    expect(refused).toMatchObject({ ok: false, message: message('errors', 'users.notSelf') });
  });
});
