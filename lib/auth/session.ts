// The signed-in user of this request, re-read from the database every time so that a
// disabled account, a changed role or a bumped session version takes effect at once, and the
// session's idle and absolute limits are checked (lib/auth/session-policy.ts).
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Role } from '@/lib/generated/prisma/enums';
import { authOptions } from './config';
import { idleSeconds, judgeSession, touchSession, type SessionClaims } from './session-policy';
import { requestSessionClaims } from './session-token';
import { mfaRequiredFor } from '@/lib/mfa/mutations';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  entityId: string | null;
  entity: { code: string; name: unknown } | null;
  locale: string;
  /** A contributor who sees the entity's whole worklist (lib/auth/permissions.ts). */
  seesWholeWorklist: boolean;
};

/**
 * The signed-in user, or null. Someone whose role requires two-step sign-in and who has not set
 * it up yet is not signed in anywhere but where they set it up (getEnrollingUser).
 */
export const getOptionalUser = cache(async (): Promise<SessionUser | null> => {
  const user = await getEnrollingUser();
  return user && !user.mustEnrolMfa ? withoutEnrolment(user) : null;
});

function withoutEnrolment({ mustEnrolMfa: _mustEnrol, ...user }: SessionUser & { mustEnrolMfa: boolean }): SessionUser {
  return user;
}

type SessionUserRow = {
  id: string; email: string; name: string; role: Role; entityId: string | null; locale: string; disabled: boolean;
  sessionVersion: number; seesWholeWorklist: boolean; totpEnabledAt: Date | null; isDemo: boolean;
  entityCode: string | null; entityName: unknown; sessionUserId: string | null; lastSeenAt: Date | null;
};

/**
 * The account and the session's row in one statement: this runs on every page, action and API
 * request, and each round trip to the database costs more than the statement itself.
 */
async function sessionUserRow(uid: string, sid: string | undefined): Promise<SessionUserRow | null> {
  const rows = await db.$queryRaw<SessionUserRow[]>`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."entityId", u."locale", u."disabled", u."sessionVersion",
      u."seesWholeWorklist", u."totpEnabledAt", u."isDemo", e."code" AS "entityCode", e."name" AS "entityName",
      s."userId" AS "sessionUserId", s."lastSeenAt"
    FROM "User" u
    LEFT JOIN "ReportingEntity" e ON e."id" = u."entityId"
    LEFT JOIN "UserSession" s ON s."id" = ${sid ?? null}
    WHERE u."id" = ${uid}`;
  return rows[0] ?? null;
}

/** The session's claims: read from the cookie directly, or by next-auth for a token split over several cookies. */
async function sessionClaims(): Promise<SessionClaims | null> {
  const claims = await requestSessionClaims();
  if (claims !== 'chunked') return claims;
  const session = await getServerSession(authOptions());
  return session?.uid ? { uid: session.uid, sv: session.sv, sid: session.sid, sat: session.sat } : null;
}

/** The session's user, even one who must still set up two-step sign-in (the security page, its actions). */
export const getEnrollingUser = cache(async (): Promise<(SessionUser & { mustEnrolMfa: boolean }) | null> => {
  const claims = await sessionClaims();
  if (!claims?.uid) return null;
  const now = new Date();
  const row = await sessionUserRow(claims.uid, claims.sid);
  const session = row?.sessionUserId && row.lastSeenAt ? { userId: row.sessionUserId, lastSeenAt: row.lastSeenAt } : null;
  const verdict = judgeSession(claims, row, session, now, idleSeconds(env().SESSION_IDLE_HOURS));
  if (!verdict.ok || !row) return null;
  if (verdict.touch) await touchSession(db, claims.sid!, now);
  const { entityCode, entityName, role, totpEnabledAt, isDemo } = row;
  const user: SessionUser = {
    id: row.id, email: row.email, name: row.name, role, entityId: row.entityId, locale: row.locale, seesWholeWorklist: row.seesWholeWorklist,
    entity: entityCode === null ? null : { code: entityCode, name: entityName },
  };
  // Demo accounts (synthetic data, demo mode only) are spared, so that the demo can be walked.
  return { ...user, mustEnrolMfa: !totpEnabledAt && !isDemo && mfaRequiredFor(role) };
});

/** The signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getOptionalUser();
  if (user) return user;
  const locale = await getLocale();
  if (await getEnrollingUser()) redirect(`/${locale}/account/security`);
  const query = returnTo ? `?callbackUrl=${encodeURIComponent(`/${locale}${returnTo}`)}` : '';
  redirect(`/${locale}/sign-in${query}`);
}
