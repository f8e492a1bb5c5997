// Calling server actions directly, outside a Next request. What this supplies, and why:
//
// - `cookies` (next/headers): the current request's cookies, which do not exist here. They hold a
//   real session token (encrypted with NEXTAUTH_SECRET) of the user the test signed in with
//   `signInAs`, or none: nobody signed in. The application decrypts and checks it for real.
// - `getServerSession` (next-auth): next-auth's own reader of that cookie, which the application
//   still asks for tokens split over several cookies. It returns the same session.
// - `getTranslations` / `getLocale` (next-intl/server): read the request's locale, which does not
//   exist here. They return translators over the real messages/en.json (`createTranslator`), in
//   English, so tests read exactly the messages a user would.
// - `revalidatePath` (next/cache): needs the request's static-generation store and throws
//   without one. Here it does nothing (it is a spy, so a test may look at its calls).
//
// Nothing that touches the database is mocked: the actions, their `authorize` checks, the
// mutations and `getOptionalUser` (lib/auth/session.ts) run for real against PostgreSQL, so
// the signed-in account is re-read on every call (a disabled account or a bumped session
// version is signed out at once, as in production).
//
// React's `cache` (around getOptionalUser) needs no help: outside a React Server Components
// render there is no request cache, and `cache(fn)` calls `fn` every time (the `react` build
// that Node and Vitest load makes it a pass-through), so no call sees the previous call's user.
// The matrix checks this, so a harness change that made it memoize would fail loudly.
//
// vi.mock is hoisted to the top of each test file, before its imports, so a test file wires
// these in with a dynamic import of this module inside each factory:
//
//   vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
//   vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
//   vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
//   vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));
//
// and imports the actions dynamically once DATABASE_URL and NEXTAUTH_SECRET are set (lib/db.ts
// and lib/env.ts read them on first use). This module imports none of the mocked modules,
// so the factories never import themselves.
import { vi } from 'vitest';
import { createTranslator } from 'next-intl';
import { encode } from 'next-auth/jwt';
import en from '@/messages/en.json';

/** The locale every supplied translator and `getLocale` use. */
export const LOCALE = 'en';

/**
 * What the app's next-auth `session` callback puts in a session: the user's id and session
 * version, the session's id and its sign-in time (seconds), as lib/auth/session-policy.ts checks them.
 */
type SessionPayload = { uid: string; sv: number; sid: string; sat: number; expires: string };

let session: SessionPayload | null = null;

/**
 * The user whose session cookie the next calls carry, or null for an anonymous visitor.
 * `sessionVersion` is the one the token was issued with (the account's at sign-in; fixture
 * accounts start at 0); bumping the account's version afterwards makes the session stale.
 */
export function signInAs(user: { id: string; sessionVersion?: number } | null): void {
  session = user
    ? {
      uid: user.id, sv: user.sessionVersion ?? 0, sid: `test-${user.id}-${Math.random().toString(36).slice(2)}`, sat: Math.floor(Date.now() / 1000),
      expires: new Date(Date.now() + 12 * 60 * 60 * 1000).toISOString(),
    }
    : null;
}

/** The replacement of next-auth's getServerSession: the session `signInAs` set, whatever the options. */
export const getServerSession = vi.fn(async (..._args: unknown[]) => (session ? { ...session } : null));

/** Translators over messages/en.json, as `getTranslations(namespace)` or `getTranslations({ namespace })` give them. */
export const getTranslations = vi.fn(async (options?: string | { locale?: string; namespace?: string }) => {
  const namespace = typeof options === 'string' ? options : options?.namespace;
  return createTranslator({ locale: LOCALE, messages: en, namespace: namespace as never });
});

export const getLocale = vi.fn(async () => LOCALE);

export const revalidatePath = vi.fn((..._args: unknown[]) => undefined);

/** For `vi.mock('next-auth', ...)`: the real module, but the session comes from `signInAs`. */
export function nextAuthModule<M extends object>(original: M): M {
  return { ...original, getServerSession };
}

/**
 * The cookies of a request that carries `claims` as its session: a real token, encrypted with
 * NEXTAUTH_SECRET as next-auth writes it and living until `expires` (30 days when not given, as
 * next-auth's), under next-auth's cookie name for NEXTAUTH_URL (`__Secure-` on https), so that
 * the application finds, decrypts and checks it as in production (lib/auth/session-token.ts).
 */
export async function sessionCookieStore(claims: { uid: string; sv?: number; sid?: string; sat?: number; expires?: string } | null) {
  const { expires, ...payload } = claims ?? {};
  const until = expires === undefined ? Date.now() + 30 * 24 * 60 * 60 * 1000 : new Date(expires).getTime();
  if (!Number.isFinite(until)) throw new Error(`A test session's expiry must be a date, not "${expires}".`);
  const value = claims ? await encode({ token: payload, secret: process.env.NEXTAUTH_SECRET!, maxAge: Math.max(1, Math.round((until - Date.now()) / 1000)) }) : null;
  const name = `${process.env.NEXTAUTH_URL?.startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`;
  return {
    get: (asked: string) => (value !== null && asked === name ? { name, value } : undefined),
    has: (asked: string) => value !== null && asked === name,
    getAll: () => (value === null ? [] : [{ name, value }]),
  };
}

/** For `vi.mock('next/headers', ...)`: the request's cookies hold the session `signInAs` set. */
export function nextHeadersModule<M extends object>(original: M): M {
  return { ...original, cookies: async () => sessionCookieStore(session) };
}

/** For `vi.mock('next-intl/server', ...)`: translations and locale without a request. */
export function nextIntlServerModule<M extends object>(original: M): M {
  return { ...original, getTranslations, getLocale };
}

/** For `vi.mock('next/cache', ...)`: revalidation is a no-op outside a request. */
export function nextCacheModule<M extends object>(original: M): M {
  return { ...original, revalidatePath };
}

/** The English text of a message of the catalogue, e.g. `message('errors', 'statusReports.notFound')`. */
export function message(namespace: keyof typeof en, key: string, values?: Record<string, string | number>): string {
  return createTranslator({ locale: LOCALE, messages: en, namespace: namespace as never })(key as never, values as never);
}
