// Single sign-on through an OpenID Connect provider, as an option (OIDC_ISSUER, OIDC_CLIENT_ID,
// OIDC_CLIENT_SECRET). It signs in people who already have an account here, found by the e-mail
// address the provider has verified; it never creates an account, and so never a privileged one.
// Where two-step sign-in is required or on, the provider stands for it only when it enforces a
// second factor itself (OIDC_ENFORCES_MFA=1); otherwise those people sign in with their password
// and code.
import type { Db } from '@/lib/db/client';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { recordAudit } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { mfaRequiredFor } from '@/lib/mfa/mutations';
import { normalizeEmail } from './email';

export type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

export function oidcConfigured(): boolean {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = env();
  return Boolean(OIDC_ISSUER && OIDC_CLIENT_ID && OIDC_CLIENT_SECRET);
}

export function oidcProvider(): OAuthConfig<OidcProfile> | null {
  if (!oidcConfigured()) return null;
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  return {
    id: 'oidc',
    name: OIDC_NAME,
    type: 'oauth',
    wellKnown: `${OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? null }),
  };
}

export type SsoRefusal = 'unverified' | 'no-account' | 'disabled' | 'needs-second-factor';

/**
 * The account a provider's profile signs in to, or why none: the e-mail must be verified by the
 * provider and belong to an active account. Every refusal is audited.
 */
export async function accountForOidcProfile(
  db: Db, profile: OidcProfile, options: { enforcesMfa: boolean } = { enforcesMfa: env().OIDC_ENFORCES_MFA === '1' },
): Promise<{ ok: true; user: { id: string; email: string; name: string; sessionVersion: number } } | { ok: false; reason: SsoRefusal }> {
  const email = profile.email ? normalizeEmail(profile.email) : '';
  const refuse = async (reason: SsoRefusal, userId: string | null) => {
    await db.$transaction((tx) => recordAudit(tx, {
      actorId: null, action: 'user.sign-in-failed', entityType: userId ? 'User' : 'SignIn', entityId: userId ?? 'single-sign-on',
      after: { via: 'oidc', reason, ...(userId ? {} : { subject: profile.sub.slice(0, 200) }) },
    }));
    return { ok: false as const, reason };
  };
  if (!email || profile.email_verified !== true) return refuse('unverified', null);
  const user = await db.user.findUnique({
    where: { email }, select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, totpEnabledAt: true, passwordHash: true, isDemo: true },
  });
  // Demo accounts and invitations not yet accepted are not for single sign-on either.
  if (!user || user.isDemo || user.passwordHash === '') return refuse('no-account', user?.id ?? null);
  if (user.disabled) return refuse('disabled', user.id);
  if (!options.enforcesMfa && (user.totpEnabledAt || mfaRequiredFor(user.role))) return refuse('needs-second-factor', user.id);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: 'user.sign-in', entityType: 'User', entityId: user.id, after: { via: 'oidc' } });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
