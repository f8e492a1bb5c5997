import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/authenticate';
import { SIGN_IN_LIMITS } from '@/lib/auth/rate-limit';
import { hashPassword } from '@/lib/auth/password';
import { createTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword('correct horse battery');
  await database.db.user.createMany({
    data: [
      { email: 'ana@example.test', name: 'Ana', role: 'SECRETARIAT', passwordHash },
      { email: 'ben@example.test', name: 'Ben', role: 'VIEWER', passwordHash },
      { email: 'gone@example.test', name: 'Gone', role: 'VIEWER', passwordHash, disabled: true },
      { email: 'cara@example.test', name: 'Cara', role: 'VIEWER', passwordHash },
      { email: 'demo@demo.test', name: 'Demo', role: 'ADMIN', passwordHash, isDemo: true },
    ],
  });
});

afterAll(() => database.drop());

const attempt = (email: string, password: string, address = '198.51.100.1', allowDemoAccounts = false) =>
  authenticate(database.db, { email, password, address, allowDemoAccounts });

describe('authenticate', () => {
  it('accepts the right password, whatever the case and spaces of the e-mail', async () => {
    const result = await attempt('  ANA@example.test ', 'correct horse battery');
    expect(result).toMatchObject({ ok: true, user: { email: 'ana@example.test', name: 'Ana', sessionVersion: 0 } });
    const audit = await database.db.auditEvent.findMany({ where: { action: 'user.sign-in' } });
    expect(audit).toHaveLength(1);
    const user = await database.db.user.findUniqueOrThrow({ where: { email: 'ana@example.test' } });
    expect(user.lastSignInAt).toBeInstanceOf(Date);
  });

  it('rejects a wrong password and an unknown account alike', async () => {
    expect(await attempt('ben@example.test', 'wrong')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('nobody@example.test', 'correct horse battery')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('lets a demo account in only in demo mode', async () => {
    expect(await attempt('demo@demo.test', 'correct horse battery')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('demo@demo.test', 'correct horse battery', '198.51.100.2', true)).toMatchObject({ ok: true });
  });

  it('tells a disabled account apart only when its password is right', async () => {
    expect(await attempt('gone@example.test', 'wrong')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('gone@example.test', 'correct horse battery')).toEqual({ ok: false, reason: 'disabled' });
  });

  it('locks an account after repeated failures, even with the right password, from any address', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.account.max; i++) {
      expect(await attempt('cara@example.test', `guess ${i}`, `203.0.113.${i}`)).toMatchObject({ reason: 'invalid' });
    }
    const locked = await attempt('cara@example.test', 'correct horse battery', '203.0.113.200');
    expect(locked).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(locked.ok === false && locked.retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts are not affected.
    expect(await attempt('ana@example.test', 'correct horse battery', '203.0.113.201')).toMatchObject({ ok: true });
  });

  it('limits one address trying many accounts, but does not count its successes', async () => {
    const address = '192.0.2.77';
    for (let i = 0; i < 3; i++) expect(await attempt('ana@example.test', 'correct horse battery', address)).toMatchObject({ ok: true });
    for (let i = 0; i < SIGN_IN_LIMITS.address.max; i++) {
      await attempt(`someone-${i}@example.test`, 'guess', address);
    }
    expect(await attempt('ana@example.test', 'correct horse battery', address)).toMatchObject({ ok: false, reason: 'rate-limited' });
  });

  it('counts concurrent attempts exactly (no lost updates)', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('race@example.test', `guess ${i}`, `198.51.100.${i + 10}`)));
    const counter = await database.db.rateLimitCounter.findUniqueOrThrow({ where: { key: 'sign-in:account:race@example.test' } });
    expect(counter.count).toBe(20);
  });
});
