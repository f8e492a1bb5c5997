// Single sign-on: an OpenID Connect profile signs in to an existing, active account found by an
// e-mail address the provider verified, and to nothing else; it never creates an account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { accountForOidcProfile } from '@/lib/auth/single-sign-on';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  Object.assign(process.env, {
    DATABASE_URL: database.url, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'a test secret of at least thirty-two bytes long',
    OIDC_ISSUER: 'https://login.example.test/tenant/v2.0', OIDC_CLIENT_ID: 'tracker', OIDC_CLIENT_SECRET: 'not a real secret', OIDC_NAME: 'Example ID',
  });
  world = await createStatusWorld(db);
});

afterAll(async () => {
  await database?.drop();
});

const profile = (email: string | undefined, verified = true) => ({ sub: `sub-${email}`, email, email_verified: verified, name: '[TEST] Someone' });
const users = () => db.user.count();

describe('single sign-on', () => {
  it('signs in to the account of a verified address, whatever its case, and audits it', async () => {
    const before = await users();
    const result = await accountForOidcProfile(db, profile(world.users.focalNga.email.toUpperCase()), { enforcesMfa: false });
    expect(result).toMatchObject({ ok: true, user: { id: world.users.focalNga.id } });
    expect(await users()).toBe(before);
    expect(await db.auditEvent.count({ where: { actorId: world.users.focalNga.id, action: 'user.sign-in' } })).toBe(1);
  });

  it('never creates an account, nor signs in an unverified, unknown, disabled or half-invited one', async () => {
    const before = await users();
    expect(await accountForOidcProfile(db, profile('stranger@example.test'), { enforcesMfa: false })).toEqual({ ok: false, reason: 'no-account' });
    expect(await accountForOidcProfile(db, profile(world.users.focalMex.email, false), { enforcesMfa: false })).toEqual({ ok: false, reason: 'unverified' });
    expect(await accountForOidcProfile(db, profile(undefined), { enforcesMfa: false })).toEqual({ ok: false, reason: 'unverified' });
    await db.user.update({ where: { id: world.users.focalMex2.id }, data: { disabled: true } });
    expect(await accountForOidcProfile(db, profile(world.users.focalMex2.email), { enforcesMfa: false })).toEqual({ ok: false, reason: 'disabled' });
    const invited = await db.user.create({ data: { email: 'invited-sso@example.test', name: '[TEST] Invited', role: 'VIEWER', passwordHash: '' }, select: { id: true } });
    expect(await accountForOidcProfile(db, profile('invited-sso@example.test'), { enforcesMfa: false })).toEqual({ ok: false, reason: 'no-account' });
    expect(await users()).toBe(before + 1);
    expect(await db.auditEvent.count({ where: { action: 'user.sign-in-failed', OR: [{ entityId: invited.id }, { entityId: 'single-sign-on' }] } })).toBe(4);
  });

  it('does not stand for two-step sign-in unless the provider enforces a second factor', async () => {
    process.env.MFA_REQUIRED_ROLES = 'ADMIN,SECRETARIAT';
    try {
      expect(await accountForOidcProfile(db, profile(world.users.admin.email), { enforcesMfa: false })).toEqual({ ok: false, reason: 'needs-second-factor' });
      expect(await accountForOidcProfile(db, profile(world.users.admin.email), { enforcesMfa: true })).toMatchObject({ ok: true, user: { id: world.users.admin.id } });
    } finally {
      process.env.MFA_REQUIRED_ROLES = '';
    }
  });

  it('is offered by next-auth when configured', async () => {
    const { authOptions } = await import('@/lib/auth/config');
    const providers = authOptions().providers.map((provider) => ({ id: provider.id, name: provider.name }));
    expect(providers).toContainEqual({ id: 'oidc', name: 'Example ID' });
    const oidc = authOptions().providers.find((provider) => provider.id === 'oidc') as unknown as { wellKnown: string; checks: string[] };
    expect(oidc.wellKnown).toBe('https://login.example.test/tenant/v2.0/.well-known/openid-configuration');
    expect(oidc.checks).toEqual(['pkce', 'state', 'nonce']);
  });
});
