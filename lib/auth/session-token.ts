// The claims of the request's session cookie, read directly rather than through next-auth's
// getServerSession: that one derives the key, decrypts the token, runs the jwt callback (two more
// queries) and encrypts a renewed token that a page cannot even set, on every request. The
// account and the session's row are then checked by the caller (lib/auth/session.ts), as before.
import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { appUrl, env } from '@/lib/env';
import type { SessionClaims } from './session-policy';

/** next-auth's cookie name: `__Secure-` on an https site (its defaultCookies). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}

type Decoded = { secret: string; claims: SessionClaims; expiresAt: number };

/**
 * Tokens already decrypted, by their text: a token is immutable and authenticated, so the same
 * text always holds the same claims. Kept until the token expires; bounded, oldest first out.
 */
const decoded = new Map<string, Decoded>();
const MAX_DECODED = 5_000;
/** jose's leeway for the expiry, as next-auth decodes with it. */
const CLOCK_TOLERANCE_SECONDS = 15;

/** The claims of a session token, or null for one that is forged, damaged or expired. */
export async function claimsOfToken(token: string, secret: string, now = Date.now()): Promise<SessionClaims | null> {
  const known = decoded.get(token);
  if (known && known.secret === secret) return known.expiresAt > now ? known.claims : null;
  const payload = await decode({ token, secret }).catch(() => null);
  if (!payload) return null;
  const { uid, sv, sid, sat } = payload as SessionClaims;
  const claims: SessionClaims = { uid, sv, sid, sat };
  const expiresAt = typeof payload.exp === 'number' ? (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 : now;
  if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { secret, claims, expiresAt });
  return claims;
}

/**
 * The session claims of this request, or null for no valid cookie. 'chunked': a token too large
 * for one cookie, which only next-auth's own reader puts together (ours never are).
 */
export async function requestSessionClaims(now = Date.now()): Promise<SessionClaims | null | 'chunked'> {
  const store = await cookies();
  const name = sessionCookieName(appUrl('/').startsWith('https://'));
  const token = store.get(name)?.value;
  if (!token) return store.has(`${name}.0`) ? 'chunked' : null;
  return claimsOfToken(token, env().NEXTAUTH_SECRET, now);
}
