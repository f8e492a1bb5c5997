// Checks an e-mail and password, under per-account and per-address rate limits.
import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword, verifyPassword } from './password';
import { normalizeEmail } from './email';
import { SIGN_IN_LIMITS, hitRateLimit, releaseRateLimit, resetRateLimit } from './rate-limit';

export type SignInFailure = 'invalid' | 'disabled' | 'rate-limited';

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: SignInFailure; retryAfterSeconds?: number };

// Verified against when the account does not exist, so that a wrong e-mail costs as much
// time as a wrong password and does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;

export async function authenticate(
  db: Db,
  input: { email: string; password: string; address: string; /** Demo accounts sign in only in demo mode. */ allowDemoAccounts: boolean },
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const accountKey = `sign-in:account:${email}`;
  const addressKey = `sign-in:address:${input.address}`;

  const [account, address] = await Promise.all([
    hitRateLimit(db, accountKey, SIGN_IN_LIMITS.account),
    hitRateLimit(db, addressKey, SIGN_IN_LIMITS.address),
  ]);
  if (account.blocked || address.blocked) {
    return {
      ok: false,
      reason: 'rate-limited',
      retryAfterSeconds: Math.max(account.blocked ? account.retryAfterSeconds : 0, address.blocked ? address.retryAfterSeconds : 0),
    };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabled: true, sessionVersion: true, isDemo: true },
  });
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  // A demo account found outside demo mode (a demo seed run on a real database) never lets anyone in.
  if (!user || !valid || (user.isDemo && !input.allowDemoAccounts)) return { ok: false, reason: 'invalid' };
  if (user.disabled) return { ok: false, reason: 'disabled' };

  await Promise.all([resetRateLimit(db, accountKey), releaseRateLimit(db, addressKey)]);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: 'user.sign-in', entityType: 'User', entityId: user.id });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
