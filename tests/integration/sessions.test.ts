// Sessions end after SESSION_IDLE_HOURS without a request (8 by default), and 30 days after
// sign-in whatever the activity: where the application reads the session (getOptionalUser, on
// every page and action) and in next-auth's callbacks (the session endpoint). The clock is fixed
// (only Date is faked: the database driver's timers run as usual).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { createTestDatabase } from '../support/test-database';

// The request's cookies, which a test has not, hold a real token of the session under test (the
// application decrypts it); getServerSession, next-auth's own reader, returns that session as
// next-auth's session callback makes it. Nothing of the database is replaced.
let current: Session | null = null;
vi.mock('next-auth', async (original) => ({ ...(await original<object>()), getServerSession: vi.fn(async () => current) }));
vi.mock('next/headers', async (original) => ({
  ...(await original<object>()),
  cookies: async () => (await import('../support/action-context')).sessionCookieStore(current as Parameters<typeof import('../support/action-context').sessionCookieStore>[0]),
}));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sessionModule: typeof import('@/lib/auth/session');
let policy: typeof import('@/lib/auth/session-policy');
let userId: string;

const T0 = new Date('2027-05-03T08:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function at(time: Date | number) {
  vi.setSystemTime(typeof time === 'number' ? new Date(T0.getTime() + time) : time);
}

/** Signs in at T0 + `offset`: a session row, and the session the token gives. */
async function signIn(offset = 0): Promise<Session> {
  at(offset);
  const now = new Date();
  const { sid, sat } = await policy.startSession(database.db, userId, now);
  return { uid: userId, sv: 0, sid, sat, expires: new Date(now.getTime() + 30 * DAY).toISOString() } as Session;
}

/** The signed-in user of a request made at T0 + `offset` with `session`, as pages and actions see it. */
async function requestAt(session: Session, offset: number) {
  at(offset);
  current = session;
  return sessionModule.getOptionalUser();
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  delete process.env.SESSION_IDLE_HOURS;
  vi.useFakeTimers({ toFake: ['Date'] });
  sessionModule = await import('@/lib/auth/session');
  policy = await import('@/lib/auth/session-policy');
  userId = (await database.db.user.create({ data: { email: 'session@example.test', name: '[TEST] Session', role: 'VIEWER', passwordHash: '' } })).id;
});

afterEach(() => {
  current = null;
});

afterAll(async () => {
  vi.useRealTimers();
  await database.drop();
});

describe('idle sessions', () => {
  it('end after 8 hours without a request', async () => {
    const session = await signIn();
    expect(await requestAt(session, 8 * HOUR)).toMatchObject({ id: userId });
    const quiet = await signIn();
    expect(await requestAt(quiet, 8 * HOUR + 1000)).toBeNull();
  });

  it('stay open while they are used, each request moving the limit', async () => {
    const session = await signIn();
    for (let hour = 7; hour <= 7 * 10; hour += 7) expect(await requestAt(session, hour * HOUR)).toMatchObject({ id: userId });
    expect(await requestAt(session, 70 * HOUR + 8 * HOUR + 1000)).toBeNull();
  });

  it('are judged per session: using one does not keep another open', async () => {
    const used = await signIn();
    const forgotten = await signIn();
    for (let hour = 4; hour <= 12; hour += 4) expect(await requestAt(used, hour * HOUR)).not.toBeNull();
    expect(await requestAt(forgotten, 12 * HOUR)).toBeNull();
  });

  it('write down the last request at most once a minute', async () => {
    const session = await signIn();
    const lastSeen = () => database.db.userSession.findUniqueOrThrow({ where: { id: session.sid! }, select: { lastSeenAt: true } });
    await requestAt(session, 30 * 1000);
    expect((await lastSeen()).lastSeenAt).toEqual(T0);
    await requestAt(session, 90 * 1000);
    expect((await lastSeen()).lastSeenAt).toEqual(new Date(T0.getTime() + 90 * 1000));
  });

  it('follow SESSION_IDLE_HOURS', async () => {
    process.env.SESSION_IDLE_HOURS = '1.5';
    vi.resetModules();
    const configured = await import('@/lib/auth/session');
    try {
      const session = await signIn();
      at(1.5 * HOUR - 1000);
      current = session;
      expect(await configured.getOptionalUser()).not.toBeNull();
      at(1.5 * HOUR - 1000 + 1.5 * HOUR + 1000);
      expect(await configured.getOptionalUser()).toBeNull();
    } finally {
      delete process.env.SESSION_IDLE_HOURS;
      vi.resetModules();
    }
  });
});

describe('the 30-day limit', () => {
  it('ends a session 30 days after sign-in, however active', async () => {
    const session = await signIn();
    for (let hours = 6; hours < 30 * 24; hours += 6) {
      expect(await requestAt(session, hours * HOUR)).not.toBeNull();
    }
    expect(await requestAt(session, 30 * DAY - 1000)).not.toBeNull();
    expect(await requestAt(session, 30 * DAY + 1000)).toBeNull();
  });
});

describe('tokens', () => {
  it('refuses a token without a session or a sign-in time (issued before sessions had them)', async () => {
    at(0);
    expect(await requestAt({ uid: userId, sv: 0 } as Session, 0)).toBeNull();
    const session = await signIn();
    expect(await requestAt({ ...session, sat: undefined } as Session, 0)).toBeNull();
    expect(await requestAt({ ...session, sid: undefined } as Session, 0)).toBeNull();
  });

  it('refuses a session row that belongs to someone else', async () => {
    const other = await database.db.user.create({ data: { email: 'other-session@example.test', name: '[TEST] Other', role: 'VIEWER', passwordHash: '' }, select: { id: true } });
    at(0);
    const { sid, sat } = await policy.startSession(database.db, other.id, new Date());
    // The same session opens for the row's own account: what refuses the other is the row's owner.
    expect(await requestAt({ uid: other.id, sv: 0, sid, sat } as Session, 0)).not.toBeNull();
    expect(await requestAt({ uid: userId, sv: 0, sid, sat } as Session, 0)).toBeNull();
  });
});

describe("next-auth's callbacks", () => {
  type Callbacks = { jwt(params: { token: JWT }): Promise<JWT>; session(params: { session: Session; token: JWT }): Session };
  const callbacks = async () => {
    const { authOptions } = await import('@/lib/auth/config');
    return authOptions().callbacks as unknown as Callbacks;
  };

  it('end an idle or too old token, so that the session endpoint names nobody', async () => {
    const { jwt, session } = await callbacks();
    const idle = await signIn();
    const idleToken: JWT = { uid: idle.uid, sv: 0, sid: idle.sid, sat: idle.sat, email: 'session@example.test' };
    at(8 * HOUR - 1000);
    expect(await jwt({ token: idleToken })).toMatchObject({ uid: userId });
    at(8 * HOUR - 1000 + 8 * HOUR + 1000);
    const ended = await jwt({ token: idleToken });
    expect(ended).toEqual({});
    expect(session({ session: { user: { email: 'session@example.test' }, expires: '' }, token: ended })).toEqual({});

    const old = await signIn();
    const oldToken: JWT = { uid: old.uid, sv: 0, sid: old.sid, sat: old.sat };
    for (let hours = 6; hours < 30 * 24; hours += 6) {
      at(hours * HOUR);
      expect(await jwt({ token: oldToken })).toMatchObject({ uid: userId });
    }
    at(30 * DAY + 1000);
    expect(await jwt({ token: oldToken })).toEqual({});
  });
});
