// next-auth: e-mail and password, JWT sessions. The JWT only names the user and the session
// version; lib/auth/session.ts re-reads the user on every request.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '@/lib/db';
import { env, isDemoMode } from '@/lib/env';
import { authenticate } from './authenticate';
import { recordAudit } from '@/lib/audit/record';
import { clientAddress } from './client-address';

/** Error codes next-auth hands back to the sign-in form; the form maps them to messages. */
export const SIGN_IN_ERRORS = {
  invalid: 'CredentialsSignin',
  disabled: 'AccountDisabled',
  'rate-limited': 'RateLimited',
} as const;

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/en/sign-in', error: '/en/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'email',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, request) {
          const email = typeof credentials?.email === 'string' ? credentials.email : '';
          const password = typeof credentials?.password === 'string' ? credentials.password : '';
          if (!email || !password || email.length > 320 || password.length > 1024) return null;
          const result = await authenticate(db, {
            email, password, address: clientAddress(request.headers ?? {}), allowDemoAccounts: isDemoMode(),
          });
          if (!result.ok) {
            if (result.reason === 'invalid') return null;
            // The wait travels with the code ("RateLimited:7") so the form can say how long.
            const minutes = result.retryAfterSeconds ? `:${Math.ceil(result.retryAfterSeconds / 60)}` : '';
            throw new Error(`${SIGN_IN_ERRORS[result.reason]}${result.reason === 'rate-limited' ? minutes : ''}`);
          }
          return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
        },
      }),
    ],
    events: {
      // A signed-out token must not work again, even if someone copied the cookie: bumping the
      // session version ends it (and the user's other sessions) at their next request.
      async signOut({ token }) {
        if (!token?.uid) return;
        await db.$transaction(async (tx) => {
          const updated = await tx.user.updateMany({ where: { id: token.uid }, data: { sessionVersion: { increment: 1 } } });
          if (updated.count > 0) await recordAudit(tx, { actorId: token.uid!, action: 'user.sign-out', entityType: 'User', entityId: token.uid! });
        });
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
}
