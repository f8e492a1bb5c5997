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
import { idleSeconds, judgeSession, sessionRow, touchSession } from './session-policy';
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

/** The session's user, even one who must still set up two-step sign-in (the security page, its actions). */
export const getEnrollingUser = cache(async (): Promise<(SessionUser & { mustEnrolMfa: boolean }) | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.uid) return null;
  const now = new Date();
  const [user, row] = await Promise.all([
    db.user.findUnique({
      where: { id: session.uid },
      select: {
        id: true, email: true, name: true, role: true, entityId: true, locale: true, disabled: true, sessionVersion: true, seesWholeWorklist: true,
        entity: { select: { code: true, name: true } }, totpEnabledAt: true, isDemo: true,
      },
    }),
    sessionRow(db, session.sid),
  ]);
  const verdict = judgeSession(session, user, row, now, idleSeconds(env().SESSION_IDLE_HOURS));
  if (!verdict.ok || !user) return null;
  if (verdict.touch) await touchSession(db, session.sid!, now);
  const { disabled: _disabled, sessionVersion: _version, totpEnabledAt, isDemo, ...current } = user;
  // Demo accounts (synthetic data, demo mode only) are spared, so that the demo can be walked.
  return { ...current, mustEnrolMfa: !totpEnabledAt && !isDemo && mfaRequiredFor(user.role) };
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
