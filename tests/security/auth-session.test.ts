// next-auth's own endpoints (/api/auth/*), driven through its request handler with the
// application's options and a real database: the session endpoint names nobody for a token that
// was signed out, whose account was disabled, or whose session has expired.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { createTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let options: () => import('next-auth').AuthOptions;
const PASSWORD = '[TEST] a synthetic password';
const BASE = 'http://localhost:3000';

// The handler behind app/api/auth/[...nextauth]/route.ts (NextAuth() adds only the reading of
// Next's request); next-auth does not export it, so it is loaded by its file.
type Response = { status?: number; body?: unknown; redirect?: string; cookies?: { name: string; value: string; options?: { maxAge?: number } }[] };
const { AuthHandler } = createRequire(import.meta.url)(fileURLToPath(new URL('../../node_modules/next-auth/core/index.js', import.meta.url))) as {
  AuthHandler(params: { req: Request; options: unknown }): Promise<Response>;
};

/** One browser: its cookies, kept across calls as a browser would. */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly address = '198.51.100.40', readonly extraHeaders: Record<string, string> = {}) {}

  async call(method: 'GET' | 'POST', action: string, body?: Record<string, string>): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const request = new Request(`${BASE}/api/auth/${action}`, {
      method,
      headers: { cookie, host: 'localhost:3000', 'content-type': 'application/json', 'x-client-address': this.address, ...this.extraHeaders },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const response = await AuthHandler({ req: request, options: options() });
    for (const set of response.cookies ?? []) {
      if (set.value === '' || (set.options?.maxAge ?? 1) <= 0) this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    return response;
  }

  async signIn(email: string, password = PASSWORD) {
    const csrf = await this.call('GET', 'csrf');
    const { csrfToken } = csrf.body as { csrfToken: string };
    return this.call('POST', 'callback/credentials', { csrfToken, email, password, json: 'true' });
  }

  async signOut() {
    const { csrfToken } = (await this.call('GET', 'csrf')).body as { csrfToken: string };
    return this.call('POST', 'signout', { csrfToken, json: 'true' });
  }

  async session(): Promise<{ user?: { email?: string }; uid?: string }> {
    return (await this.call('GET', 'session')).body as { user?: { email?: string } };
  }

  sessionCookie(): string {
    const entry = [...this.cookies].find(([name]) => name.endsWith('next-auth.session-token'));
    if (!entry) throw new Error('no session cookie');
    return entry[1];
  }
}

/** Another browser holding a copy of `from`'s session cookie (someone who copied it). */
function copyOf(from: Browser): Browser {
  const copy = new Browser('203.0.113.99');
  copy.cookies.set('next-auth.session-token', from.sessionCookie());
  return copy;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET = 'a test secret of sufficient length, 32+ bytes';
  process.env.NEXTAUTH_URL = BASE;
  ({ authOptions: options } = await import('@/lib/auth/config'));
  const passwordHash = await hashPassword(PASSWORD);
  await database.db.user.createMany({
    data: ['leaving', 'disabled', 'staying'].map((name) => ({ email: `${name}@example.test`, name: `[TEST] ${name}`, role: 'VIEWER' as const, passwordHash })),
  });
});

afterAll(() => database.drop());

describe('the session endpoint', () => {
  it('names the signed-in user', async () => {
    const browser = new Browser();
    await browser.signIn('staying@example.test');
    expect((await browser.session()).user?.email).toBe('staying@example.test');
  });

  it('names nobody for a copy of a cookie that was signed out', async () => {
    const browser = new Browser();
    await browser.signIn('leaving@example.test');
    expect((await browser.session()).user?.email).toBe('leaving@example.test');
    const copy = copyOf(browser);
    await browser.signOut();
    expect(await browser.session()).toEqual({});
    const replayed = await copy.session();
    expect(replayed.user).toBeUndefined();
    expect(replayed.uid).toBeUndefined();
    expect(replayed).toEqual({});
  });

  it('names nobody once the account is disabled', async () => {
    const browser = new Browser();
    await browser.signIn('disabled@example.test');
    await database.db.user.update({ where: { email: 'disabled@example.test' }, data: { disabled: true } });
    expect(await browser.session()).toEqual({});
  });

  it('does not let a replayed stale cookie sign its owner out of their current session', async () => {
    const browser = new Browser();
    await browser.signIn('staying@example.test');
    const stale = copyOf(browser);
    await browser.signOut();
    const again = new Browser();
    await again.signIn('staying@example.test');
    // The old cookie's holder posts a sign-out: it ends nothing, since the old session is over.
    await stale.signOut();
    expect((await again.session()).user?.email).toBe('staying@example.test');
  });
});

describe('session limits at the session endpoint', () => {
  it('names nobody after 8 idle hours, and nobody 30 days after sign-in however active', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const start = new Date('2027-05-03T08:00:00Z');
      const later = (hours: number) => vi.setSystemTime(new Date(start.getTime() + hours * 60 * 60 * 1000));
      later(0);
      const idle = new Browser('198.51.100.41');
      await idle.signIn('staying@example.test');
      later(8.01);
      expect(await idle.session()).toEqual({});

      later(0);
      const active = new Browser('198.51.100.42');
      await active.signIn('staying@example.test');
      for (let hours = 7; hours < 30 * 24; hours += 7) {
        later(hours);
        expect((await active.session()).user?.email).toBe('staying@example.test');
      }
      later(30 * 24 + 0.01);
      expect(await active.session()).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('an untrusted proxy', () => {
  it('is named in a warning, once, when a sign-in says it was forwarded from another address', async () => {
    const { log } = await import('@/lib/log');
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    try {
      // Next fills X-Forwarded-For with the socket's own address: that is no proxy.
      await new Browser('198.51.100.50', { 'x-forwarded-for': '198.51.100.50' }).signIn('staying@example.test');
      expect(warn).not.toHaveBeenCalled();
      await new Browser('10.0.0.2', { 'x-forwarded-for': '203.0.113.7' }).signIn('staying@example.test');
      await new Browser('10.0.0.2', { 'x-forwarded-for': '203.0.113.8' }).signIn('staying@example.test');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/TRUST_PROXY_HOPS/);
    } finally {
      warn.mockRestore();
    }
  });
});
