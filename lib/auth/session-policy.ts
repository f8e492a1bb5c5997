// When a session token still opens the application. A token names the user, the session version it
// was issued under, its session (a row of UserSession) and the moment of sign-in. It works while
// the account is enabled and its session version unchanged (signing out, disabling or a new role
// bump it), for at most SESSION_IDLE_HOURS after the session's last request, and never longer than
// 30 days after sign-in, whatever the activity. Checked by next-auth's callbacks (lib/auth/config.ts,
// the session endpoint) and by getOptionalUser (lib/auth/session.ts, every page and action).
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';

/** Sessions end this long after sign-in, however active. */
export const SESSION_MAX_SECONDS = 30 * 24 * 60 * 60;

/** A session's last request is written down at most this often (one write a minute, not one a request). */
const TOUCH_AFTER_SECONDS = 60;

/** What the application puts in a session token (and in the session next-auth derives from it). */
export type SessionClaims = { uid?: string; sv?: number; sid?: string; sat?: number };

export type SessionVerdict =
  | { ok: true; touch: boolean }
  | { ok: false; reason: 'incomplete' | 'unknown-user' | 'disabled' | 'signed-out' | 'expired' | 'idle' };

/**
 * Pure: whether the claims still open a session, given the account and the session's row as
 * stored (a missing row counts as last used at sign-in, so it can only end a session sooner), and
 * whether its last request is due to be written down.
 */
export function judgeSession(
  claims: SessionClaims,
  user: { disabled: boolean; sessionVersion: number } | null,
  session: { userId: string; lastSeenAt: Date } | null,
  now: Date,
  idleSeconds: number,
): SessionVerdict {
  const { uid, sv, sid, sat } = claims;
  // Tokens issued before sessions had an id and a sign-in time are over: their owners sign in again.
  if (!uid || typeof sv !== 'number' || !sid || typeof sat !== 'number') return { ok: false, reason: 'incomplete' };
  if (!user) return { ok: false, reason: 'unknown-user' };
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if (user.sessionVersion !== sv) return { ok: false, reason: 'signed-out' };
  if (session && session.userId !== uid) return { ok: false, reason: 'incomplete' };
  const nowSeconds = now.getTime() / 1000;
  if (nowSeconds - sat > SESSION_MAX_SECONDS) return { ok: false, reason: 'expired' };
  const lastSeen = Math.max(sat, session ? session.lastSeenAt.getTime() / 1000 : sat);
  if (nowSeconds - lastSeen > idleSeconds) return { ok: false, reason: 'idle' };
  return { ok: true, touch: Boolean(session) && nowSeconds - lastSeen >= TOUCH_AFTER_SECONDS };
}

export function idleSeconds(hours: number): number {
  return Math.round(hours * 60 * 60);
}

/** The session's row, for judgeSession. */
export function sessionRow(db: Db, sid: string | undefined) {
  if (!sid) return Promise.resolve(null);
  return db.userSession.findUnique({ where: { id: sid }, select: { userId: true, lastSeenAt: true } });
}

/** A new session at sign-in: its id and sign-in time go into the token. */
export async function startSession(db: Db, userId: string, now: Date): Promise<{ sid: string; sat: number }> {
  const sid = randomBytes(24).toString('base64url');
  await db.userSession.create({ data: { id: sid, userId, signedInAt: now, lastSeenAt: now } });
  // Rows of sessions over for good would pile up: now and then, clear those past the longest life.
  if (Math.random() < 0.02) {
    await db.userSession.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - SESSION_MAX_SECONDS * 1000) } } });
  }
  return { sid, sat: Math.floor(now.getTime() / 1000) };
}

/**
 * Writes down the session's latest request (never moving it back). Only a session begun by a
 * sign-in has a row; without one, the session counts as last used at sign-in.
 */
export async function touchSession(db: Db, sid: string, now: Date): Promise<void> {
  await db.userSession.updateMany({ where: { id: sid, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
}

/** Reads what judgeSession needs, judges, and writes down the request when due. */
export async function checkSession(db: Db, claims: SessionClaims, now: Date, idle: number): Promise<SessionVerdict> {
  if (!claims.uid) return { ok: false, reason: 'incomplete' };
  const [user, session] = await Promise.all([
    db.user.findUnique({ where: { id: claims.uid }, select: { disabled: true, sessionVersion: true } }),
    sessionRow(db, claims.sid),
  ]);
  const verdict = judgeSession(claims, user, session, now, idle);
  if (verdict.ok && verdict.touch) await touchSession(db, claims.sid!, now);
  return verdict;
}
