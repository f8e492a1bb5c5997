// Two-step sign-in against real PostgreSQL: enrolling an authenticator, signing in with a code or
// a recovery code (each accepted once), the secret sealed at rest and left out of every query,
// and the roles that require it kept out of everything until they have set it up.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generate } from 'otplib';
import type { Db } from '@/lib/db/client';
import { authenticate } from '@/lib/auth/authenticate';
import { hashPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import { confirmMfaEnrolment, disableMfa, renewRecoveryCodes, startMfaEnrolment } from '@/lib/mfa/mutations';
import { signInAs } from '../support/action-context';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createAppTestDatabase } from '../support/test-database';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

let database: Awaited<ReturnType<typeof createAppTestDatabase>>;
let db: Db;
let world: StatusWorld;
let session: typeof import('@/lib/auth/session');

const PASSWORD = '[TEST] a long enough password';
const at = (time: string) => new Date(`2026-06-01T${time}Z`);
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });
const errorKey = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof DomainError ? error.key : Promise.reject(error)));
let counter = 0;
const address = () => `198.51.100.${(counter += 1)}`;

beforeAll(async () => {
  database = await createAppTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  await db.user.updateMany({ data: { passwordHash: await hashPassword(PASSWORD) } });
  session = await import('@/lib/auth/session');
});

afterEach(() => {
  process.env.MFA_REQUIRED_ROLES = '';
});

afterAll(async () => {
  await database?.drop();
});

async function enrol(userId: string, when = at('10:00:00')) {
  const { secret } = await startMfaEnrolment(db, userId);
  const { recoveryCodes } = await confirmMfaEnrolment(db, userId, await codeAt(secret, when), when);
  return { secret, recoveryCodes };
}

describe('enrolling', () => {
  it('keeps the secret sealed, out of every query by default, and on only once a code confirms it', async () => {
    const user = world.users.focalNga;
    const { secret } = await startMfaEnrolment(db, user.id);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
    expect(stored.totpSecret).toMatch(/^v1\./);
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpEnabledAt).toBeNull();
    expect(Object.keys(await db.user.findUniqueOrThrow({ where: { id: user.id } }))).not.toContain('totpSecret');

    expect(await errorKey(confirmMfaEnrolment(db, user.id, '000000', at('10:00:00')))).toBe('mfa.wrongCode');
    const { recoveryCodes } = await confirmMfaEnrolment(db, user.id, await codeAt(secret, at('10:00:00')), at('10:00:00'));
    expect(recoveryCodes).toHaveLength(10);
    const codes = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(codes).toHaveLength(10);
    for (const plain of recoveryCodes) expect(JSON.stringify(codes)).not.toContain(plain);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: { in: ['mfa.enrol-start', 'mfa.enable'] } } })).toBe(2);
  });
});

describe('signing in', () => {
  it('asks for the code after the right password, accepts it once, and takes a recovery code once', async () => {
    const user = world.users.focalMex2;
    const { secret, recoveryCodes } = await enrol(user.id);
    const signIn = (code: string | undefined, when: Date) => authenticate(db, { email: user.email, password: PASSWORD, address: address(), allowDemoAccounts: false, code }, when);

    expect(await signIn(undefined, at('10:05:00'))).toEqual({ ok: false, reason: 'mfa-required' });
    const code = await codeAt(secret, at('10:05:00'));
    expect((await signIn(code, at('10:05:00'))).ok).toBe(true);
    expect(await signIn(code, at('10:05:10'))).toEqual({ ok: false, reason: 'mfa-invalid' });
    expect(await signIn('123456', at('10:06:00'))).toEqual({ ok: false, reason: 'mfa-invalid' });
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: 'user.sign-in-failed' } })).toBe(2);

    expect((await signIn(recoveryCodes[0]!.toLowerCase(), at('10:07:00'))).ok).toBe(true);
    expect(await signIn(recoveryCodes[0], at('10:08:00'))).toEqual({ ok: false, reason: 'mfa-invalid' });
    // A wrong password is still just a wrong password.
    expect(await authenticate(db, { email: user.email, password: 'wrong password', address: address(), allowDemoAccounts: false, code }, at('10:09:00'))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('renews recovery codes and turns off only with a current code, and never for a role that requires it', async () => {
    const user = world.users.viewer;
    const { secret, recoveryCodes } = await enrol(user.id);
    expect(await errorKey(renewRecoveryCodes(db, user.id, '000000', at('11:00:00')))).toBe('mfa.wrongCode');
    const renewed = await renewRecoveryCodes(db, user.id, await codeAt(secret, at('11:00:00')), at('11:00:00'));
    expect(renewed.recoveryCodes).not.toEqual(recoveryCodes);
    expect(await authenticate(db, { email: user.email, password: PASSWORD, address: address(), allowDemoAccounts: false, code: recoveryCodes[1] }, at('11:01:00'))).toEqual({ ok: false, reason: 'mfa-invalid' });

    process.env.MFA_REQUIRED_ROLES = 'VIEWER';
    expect(await errorKey(disableMfa(db, user.id, await codeAt(secret, at('11:02:00')), at('11:02:00')))).toBe('mfa.required');
    process.env.MFA_REQUIRED_ROLES = '';
    await disableMfa(db, user.id, await codeAt(secret, at('11:03:00')), at('11:03:00'));
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true, totpSecret: true } })).toEqual({ totpEnabledAt: null, totpSecret: null });
    expect(await authenticate(db, { email: user.email, password: PASSWORD, address: address(), allowDemoAccounts: false }, at('11:04:00'))).toMatchObject({ ok: true });
  });
});

describe('roles that require it', () => {
  it('an administrator without it is signed in nowhere but where it is set up; with it, everywhere', async () => {
    process.env.MFA_REQUIRED_ROLES = 'ADMIN,SECRETARIAT';
    const admin = world.users.admin;
    signInAs(admin);
    expect(await session.getOptionalUser()).toBeNull();
    expect(await session.getEnrollingUser()).toMatchObject({ id: admin.id, mustEnrolMfa: true });
    const actions = await import('@/lib/cycles/actions');
    const refused = await actions.createCycleAction(null, new FormData());
    expect(refused).toMatchObject({ ok: false });
    // The enrolment's own actions are open.
    const mfa = await import('@/lib/mfa/actions');
    expect(await mfa.startMfaEnrolmentAction(null, new FormData())).toMatchObject({ ok: true });

    const pending = await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { totpSecret: true } });
    expect(pending.totpSecret).toBeTruthy();
    const { pendingMfaSecret } = await import('@/lib/mfa/mutations');
    const secret = (await pendingMfaSecret(db, admin.id))!.secret;
    const form = new FormData();
    form.set('code', await codeAt(secret, new Date()));
    expect(await mfa.confirmMfaEnrolmentAction(null, form)).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    expect(await session.getOptionalUser()).toMatchObject({ id: admin.id });
    // A viewer is not asked.
    signInAs(world.users.secretariat);
    expect(await session.getOptionalUser()).toBeNull();
    signInAs(world.users.viewer);
    expect(await session.getOptionalUser()).toMatchObject({ id: world.users.viewer.id });
  });
});
