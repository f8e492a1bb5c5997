// Checks an e-mail and password, under growing delays per (account, address) pair and per
// address (lib/auth/rate-limit.ts). Every failed check is audited, without the password.
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword, verifyPassword } from './password';
import { normalizeEmail } from './email';
import { admitSignIn, settleSuccessfulSignIn, signInKeys } from './rate-limit';
import { verifySecondFactor } from '@/lib/mfa/mutations';

export type SignInFailure = 'invalid' | 'disabled' | 'rate-limited' | 'mfa-required' | 'mfa-invalid';

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number; locale: string } }
  | { ok: false; reason: SignInFailure; retryAfterSeconds?: number };

// Verified against when the account does not exist, so that a wrong e-mail costs as much
// time as a wrong password and does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;

const looksLikeEmail = z.email();

export async function authenticate(
  db: Db,
  input: {
    email: string; password: string; address: string; /** Demo accounts sign in only in demo mode. */ allowDemoAccounts: boolean;
    /** The second factor (an authenticator's code or a recovery code), for those who have it on. */
    code?: string;
  },
  now = new Date(),
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const keys = signInKeys(email, input.address);

  // An attempt that must wait is refused before any password check, and is not counted: only
  // checked passwords make the next wait longer.
  const admission = await admitSignIn(db, keys, now);
  if (!admission.admitted) return { ok: false, reason: 'rate-limited', retryAfterSeconds: admission.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabled: true, sessionVersion: true, isDemo: true, totpEnabledAt: true, locale: true },
  });
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const valid = await verifyPassword(user?.passwordHash || (await decoyHash), input.password);
  // A demo account found outside demo mode (a demo seed run on a real database) never lets anyone in.
  const refusedDemo = Boolean(user?.isDemo && !input.allowDemoAccounts);

  if (!user || !valid || refusedDemo) {
    await recordFailure(db, user?.id ?? null, email, input.address, !user ? 'unknown-account' : refusedDemo && valid ? 'demo-account' : 'wrong-password');
    return { ok: false, reason: 'invalid' };
  }
  // With two-step sign-in on, the right password is half the answer: until the second factor is
  // right too, the attempt counts like a wrong password (a guessed password gets no free codes).
  if (user.totpEnabledAt && !user.disabled) {
    if (!input.code?.trim()) return { ok: false, reason: 'mfa-required' };
    if (!(await verifySecondFactor(db, user.id, input.code, now))) {
      await recordFailure(db, user.id, email, input.address, 'wrong-code');
      return { ok: false, reason: 'mfa-invalid' };
    }
  }
  // The right password: not held against the pair or the address, even for a disabled account.
  await settleSuccessfulSignIn(db, keys, admission);
  if (user.disabled) {
    await recordFailure(db, user.id, email, input.address, 'disabled');
    return { ok: false, reason: 'disabled' };
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(tx, { actorId: user.id, action: 'user.sign-in', entityType: 'User', entityId: user.id, after: { address: input.address } });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, locale: user.locale } };
}

/**
 * The audit row of a failed sign-in: on the account when it exists. An attempt on no account is
 * filed under the address, with the e-mail only when it looks like one (people type their
 * password into the wrong field, and the audit trail is never rewritten).
 */
async function recordFailure(db: Db, userId: string | null, email: string, address: string, reason: string) {
  const typed = looksLikeEmail.safeParse(email).success ? email.slice(0, 320) : null;
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: null, action: 'user.sign-in-failed',
      entityType: userId ? 'User' : 'SignIn', entityId: userId ?? address.slice(0, 100),
      after: { email: userId ? email : typed, address, reason },
    });
  });
}
