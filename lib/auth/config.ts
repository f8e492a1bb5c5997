// next-auth: e-mail and password, JWT sessions. The JWT names the user, the session version, the
// session and the sign-in time; every read of it (the session endpoint, getServerSession) checks
// them against the database (lib/auth/session-policy.ts), and lib/auth/session.ts re-reads the user
// on every request.
import 'server-only';
import type { NextAuthOptions, Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '@/lib/db';
import { env, isDemoMode } from '@/lib/env';
import { log } from '@/lib/log';
import { recordAudit } from '@/lib/audit/record';
import { authenticate } from './authenticate';
import { clientAddress } from './client-address';
import { safeRedirectUrl } from './callback-url';
import { checkSession, idleSeconds, SESSION_MAX_SECONDS, startSession } from './session-policy';
import { accountForOidcProfile, oidcProvider, type OidcProfile } from './single-sign-on';

/** Error codes next-auth hands back to the sign-in form; the form maps them to messages. */
export const SIGN_IN_ERRORS = {
  invalid: 'CredentialsSignin',
  disabled: 'AccountDisabled',
  'rate-limited': 'RateLimited',
  'mfa-required': 'MfaRequired',
  'mfa-invalid': 'MfaInvalid',
} as const;

let warnedAboutProxy = false;

/**
 * Behind a reverse proxy that the server does not trust (TRUST_PROXY_HOPS=0), every request seems
 * to come from the proxy, and the sign-in delays per address fall on everyone at once: say so.
 * Next itself fills X-Forwarded-For with the socket's address when a request has none, so only
 * one that names another address tells of a proxy.
 */
function warnAboutUntrustedProxy(headers: Record<string, unknown>) {
  if (warnedAboutProxy || env().TRUST_PROXY_HOPS > 0) return;
  const forwarded = typeof headers['x-forwarded-for'] === 'string' ? headers['x-forwarded-for'].split(',').map((part) => part.trim()) : [];
  if (forwarded.length === 0 || forwarded.every((address) => address === clientAddress(headers))) return;
  warnedAboutProxy = true;
  log.warn('A sign-in request carries X-Forwarded-For but TRUST_PROXY_HOPS is 0: behind a reverse proxy, every client seems to come from the proxy and shares its sign-in delays. Set TRUST_PROXY_HOPS to the number of proxies.');
}

/** A token that opens nothing: what a signed-out, disabled or expired session's token becomes. */
const ended = (): JWT => ({});

export function authOptions(): NextAuthOptions {
  const idle = idleSeconds(env().SESSION_IDLE_HOURS);
  const sso = oidcProvider();
  return {
    secret: env().NEXTAUTH_SECRET,
    // The cookie may live as long as the longest session; the idle limit is checked on every read.
    session: { strategy: 'jwt', maxAge: SESSION_MAX_SECONDS },
    pages: { signIn: '/en/sign-in', error: '/en/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'email',
        credentials: { email: { type: 'email' }, password: { type: 'password' }, code: { type: 'text' } },
        async authorize(credentials, request) {
          const email = typeof credentials?.email === 'string' ? credentials.email : '';
          const password = typeof credentials?.password === 'string' ? credentials.password : '';
          if (!email || !password || email.length > 320 || password.length > 1024) return null;
          const headers = (request.headers ?? {}) as Record<string, unknown>;
          warnAboutUntrustedProxy(headers);
          const code = typeof credentials?.code === 'string' ? credentials.code.slice(0, 40) : '';
          const result = await authenticate(db, { email, password, code, address: clientAddress(headers), allowDemoAccounts: isDemoMode() });
          if (!result.ok) {
            if (result.reason === 'invalid') return null;
            // The wait travels with the code ("RateLimited:90", in seconds) so the form can say how long.
            const wait = result.reason === 'rate-limited' ? `:${Math.max(1, result.retryAfterSeconds ?? 60)}` : '';
            throw new Error(`${SIGN_IN_ERRORS[result.reason]}${wait}`);
          }
          return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion, locale: result.user.locale };
        },
      }),
      ...(sso ? [sso] : []),
    ],
    events: {
      // A signed-out token must not work again, even if someone copied the cookie: bumping the
      // session version ends it (and the user's other sessions) at their next request. A token
      // already over (a copy replayed after its sign-out) ends nothing: it cannot sign its owner
      // out of a newer session.
      async signOut({ token }) {
        if (!token?.uid) return;
        const verdict = await checkSession(db, token, new Date(), idle);
        if (!verdict.ok) return;
        await db.$transaction(async (tx) => {
          const updated = await tx.user.updateMany({ where: { id: token.uid, sessionVersion: token.sv }, data: { sessionVersion: { increment: 1 } } });
          await tx.userSession.deleteMany({ where: { userId: token.uid } });
          if (updated.count > 0) await recordAudit(tx, { actorId: token.uid!, action: 'user.sign-out', entityType: 'User', entityId: token.uid! });
        });
      },
    },
    callbacks: {
      // Single sign-on signs in to an existing account only (lib/auth/single-sign-on.ts); the
      // account's own id and session version then travel in the token, as for a password.
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const result = await accountForOidcProfile(db, (profile ?? {}) as OidcProfile);
        if (!result.ok) return `/en/sign-in?error=SsoRefused`;
        Object.assign(user, { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion });
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const now = new Date();
          const { sid, sat } = await startSession(db, user.id, now);
          // The profile's language as it was at sign-in: where the sign-in form lands (sign-in-form.tsx).
          const { sessionVersion, locale } = user as { sessionVersion?: number; locale?: string };
          return { ...token, uid: user.id, sv: sessionVersion ?? 0, sid, sat, ...(locale ? { lc: locale } : {}) };
        }
        if (!token.uid) return ended();
        const verdict = await checkSession(db, token, new Date(), idle);
        return verdict.ok ? token : ended();
      },
      session({ session, token }) {
        // An ended token names nobody: the endpoint answers {} as for no cookie at all.
        if (!token?.uid) return {} as Session;
        return { ...session, uid: token.uid, sv: token.sv, sid: token.sid, sat: token.sat, ...(token.lc ? { locale: token.lc } : {}) };
      },
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
    },
  };
}
