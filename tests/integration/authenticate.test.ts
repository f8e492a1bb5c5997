import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/authenticate';
import { SIGN_IN_THROTTLES, throttleState } from '@/lib/auth/rate-limit';
import { hashPassword } from '@/lib/auth/password';
import { createTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const PASSWORD = 'correct horse battery';
const T0 = new Date('2027-03-01T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await database.db.user.createMany({
    data: [
      { email: 'ana@example.test', name: 'Ana', role: 'SECRETARIAT', passwordHash },
      { email: 'ben@example.test', name: 'Ben', role: 'VIEWER', passwordHash },
      { email: 'gone@example.test', name: 'Gone', role: 'VIEWER', passwordHash, disabled: true },
      { email: 'cara@example.test', name: 'Cara', role: 'VIEWER', passwordHash },
      { email: 'dan@example.test', name: 'Dan', role: 'VIEWER', passwordHash },
      { email: 'eve@example.test', name: 'Eve', role: 'VIEWER', passwordHash },
      { email: 'fay@example.test', name: 'Fay', role: 'VIEWER', passwordHash },
      { email: 'gil@example.test', name: 'Gil', role: 'VIEWER', passwordHash },
      { email: 'invited@example.test', name: 'Invited', role: 'VIEWER', passwordHash: '' },
      { email: 'demo@demo.test', name: 'Demo', role: 'ADMIN', passwordHash, isDemo: true },
    ],
  });
});

afterAll(() => database.drop());

const attempt = (email: string, password: string, address = '198.51.100.1', now = T0, allowDemoAccounts = false) =>
  authenticate(database.db, { email, password, address, allowDemoAccounts }, now);

const counter = (key: string) => database.db.rateLimitCounter.findUnique({ where: { key } });

describe('authenticate', () => {
  it('accepts the right password, whatever the case and spaces of the e-mail', async () => {
    const result = await attempt('  ANA@example.test ', PASSWORD);
    expect(result).toMatchObject({ ok: true, user: { email: 'ana@example.test', name: 'Ana', sessionVersion: 0 } });
    const audit = await database.db.auditEvent.findMany({ where: { action: 'user.sign-in' } });
    expect(audit).toHaveLength(1);
    const user = await database.db.user.findUniqueOrThrow({ where: { email: 'ana@example.test' } });
    expect(user.lastSignInAt).toEqual(T0);
  });

  it('rejects a wrong password, an unknown account and an invited account without a password alike', async () => {
    expect(await attempt('ben@example.test', 'wrong', '198.51.100.2')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('nobody@example.test', PASSWORD, '198.51.100.2')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('invited@example.test', '', '198.51.100.2')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('lets a demo account in only in demo mode', async () => {
    expect(await attempt('demo@demo.test', PASSWORD, '198.51.100.3')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('demo@demo.test', PASSWORD, '198.51.100.3', T0, true)).toMatchObject({ ok: true });
  });

  it('tells a disabled account apart only when its password is right', async () => {
    expect(await attempt('gone@example.test', 'wrong', '198.51.100.4')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('gone@example.test', PASSWORD, '198.51.100.4')).toEqual({ ok: false, reason: 'disabled' });
  });

  it('audits every failed sign-in, on the account when there is one, never with the password', async () => {
    const secret = 'hunter2 typed by mistake';
    await attempt('ben@example.test', secret, '198.51.100.5');
    await attempt(secret, secret, '198.51.100.5');
    await attempt('nobody-at-all@example.test', secret, '198.51.100.5');
    const rows = await database.db.auditEvent.findMany({ where: { action: 'user.sign-in-failed' }, orderBy: { at: 'asc' } });
    const ben = await database.db.user.findUniqueOrThrow({ where: { email: 'ben@example.test' }, select: { id: true } });
    expect(rows.filter((row) => row.entityType === 'User' && row.entityId === ben.id).map((row) => row.after))
      .toContainEqual({ email: 'ben@example.test', address: '198.51.100.5', reason: 'wrong-password' });
    expect(rows.map((row) => row.after)).toContainEqual({ email: null, address: '198.51.100.5', reason: 'unknown-account' });
    expect(rows.map((row) => row.after)).toContainEqual({ email: 'nobody-at-all@example.test', address: '198.51.100.5', reason: 'unknown-account' });
    expect(rows.every((row) => row.actorId === null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('hunter2');
    // A disabled account with its right password is a failed sign-in too.
    const gone = await database.db.user.findUniqueOrThrow({ where: { email: 'gone@example.test' }, select: { id: true } });
    expect(rows.filter((row) => row.entityId === gone.id).map((row) => (row.after as { reason: string }).reason)).toEqual(['wrong-password', 'disabled']);
  });
});

describe('growing delays instead of a lock', () => {
  it('never keeps the owner out from another address, however many failures come from elsewhere', async () => {
    for (let i = 0; i < 40; i++) {
      await attempt('cara@example.test', `guess ${i}`, `203.0.113.${i % 4}`, at(i));
    }
    expect(await attempt('cara@example.test', PASSWORD, '192.0.2.10', at(41))).toMatchObject({ ok: true });
  });

  it('makes one address wait longer and longer on one account, saying how long', async () => {
    const address = '203.0.113.50';
    const { free, baseDelaySeconds } = SIGN_IN_THROTTLES.pair;
    let now = 0;
    for (let i = 0; i < free; i++) expect(await attempt('dan@example.test', `guess ${i}`, address, at(now))).toEqual({ ok: false, reason: 'invalid' });
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await attempt('dan@example.test', PASSWORD, address, at(now));
      expect(refused).toMatchObject({ ok: false, reason: 'rate-limited' });
      const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
      waits.push(wait);
      now += wait;
      expect(await attempt('dan@example.test', `late guess ${round}`, address, at(now))).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(waits).toEqual([baseDelaySeconds, baseDelaySeconds * 2, baseDelaySeconds * 4, baseDelaySeconds * 8]);
    // The right password, once the wait is over, lets the owner in and clears the pair's failures.
    const last = await attempt('dan@example.test', PASSWORD, address, at(now));
    now += (last as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(await attempt('dan@example.test', PASSWORD, address, at(now))).toMatchObject({ ok: true });
    expect(await counter(`sign-in:pair:dan@example.test|${address}`)).toBeNull();
  });

  it('does not count attempts refused while waiting', async () => {
    const address = '203.0.113.60';
    const { free } = SIGN_IN_THROTTLES.pair;
    for (let i = 0; i < free; i++) await attempt('eve@example.test', `guess ${i}`, address, at(i));
    const key = `sign-in:pair:eve@example.test|${address}`;
    expect((await counter(key))?.count).toBe(free);
    for (let i = 0; i < 50; i++) expect(await attempt('eve@example.test', PASSWORD, address, at(free + 1))).toMatchObject({ reason: 'rate-limited' });
    expect((await counter(key))?.count).toBe(free);
    expect((await counter(`sign-in:address:${address}`))?.count).toBe(free);
    // Nothing was audited for the refused attempts: no password was checked.
    const eve = await database.db.user.findUniqueOrThrow({ where: { email: 'eve@example.test' }, select: { id: true } });
    expect(await database.db.auditEvent.count({ where: { action: 'user.sign-in-failed', entityId: eve.id } })).toBe(free);
    // The first wait is the base delay after the last counted failure, not a growing one.
    const refused = await attempt('eve@example.test', PASSWORD, address, at(free - 1));
    expect(refused).toMatchObject({ reason: 'rate-limited', retryAfterSeconds: SIGN_IN_THROTTLES.pair.baseDelaySeconds });
  });

  it('slows one address trying many accounts, and its successes do not reset the count', async () => {
    const address = '192.0.2.77';
    const { free, baseDelaySeconds } = SIGN_IN_THROTTLES.address;
    for (let i = 0; i < free; i++) {
      // Signing in to an account of its own between guesses gives nothing back.
      expect(await attempt('fay@example.test', PASSWORD, address, at(0))).toMatchObject({ ok: true });
      expect(await attempt(`someone-${i}@example.test`, 'guess', address, at(0))).toEqual({ ok: false, reason: 'invalid' });
    }
    expect((await counter(`sign-in:address:${address}`))?.count).toBe(free);
    expect(await attempt('someone-else@example.test', 'guess', address, at(0))).toMatchObject({ reason: 'rate-limited', retryAfterSeconds: baseDelaySeconds });
    expect(await attempt('fay@example.test', PASSWORD, address, at(0))).toMatchObject({ reason: 'rate-limited' });
    // Other addresses are not slowed.
    expect(await attempt('fay@example.test', PASSWORD, '192.0.2.78', at(0))).toMatchObject({ ok: true });
    // Once the wait is over, the address is let in again.
    expect(await attempt('fay@example.test', PASSWORD, address, at(baseDelaySeconds))).toMatchObject({ ok: true });
  });

  it('forgives failures with time', async () => {
    const address = '203.0.113.70';
    const { free, leakSeconds } = SIGN_IN_THROTTLES.pair;
    for (let i = 0; i < free + 3; i++) {
      const result = await attempt('gil@example.test', `guess ${i}`, address, at(i * 3600));
      expect(result).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(throttleState(SIGN_IN_THROTTLES.pair, { count: free + 3, lastAt: T0 }, new Date(T0.getTime() + 4 * leakSeconds * 1000))).toEqual({ failures: free - 1, waitSeconds: 0 });
  });

  it('gives a burst of concurrent attempts no more password checks than the allowance, counted exactly', async () => {
    const address = '198.51.100.99';
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('race@example.test', `guess ${i}`, address, at(0))));
    const { free } = SIGN_IN_THROTTLES.pair;
    expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(free);
    expect(results.filter((result) => !result.ok && result.reason === 'rate-limited')).toHaveLength(20 - free);
    expect((await counter(`sign-in:pair:race@example.test|${address}`))?.count).toBe(free);
    expect(await database.db.auditEvent.count({ where: { action: 'user.sign-in-failed', entityId: address } })).toBe(free);
  });

  it('counts attempts from many addresses on one account exactly (no lost updates)', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('race2@example.test', `guess ${i}`, '198.51.100.200', at(i * 10_000))));
    await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`race-${i}@example.test`, 'guess', '198.51.100.201', at(0))));
    expect((await counter('sign-in:address:198.51.100.201'))?.count).toBe(20);
  });
});
