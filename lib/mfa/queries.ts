import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';
import { mfaRequiredFor, pendingMfaSecret } from './mutations';

// The signed-in person's own two-step sign-in: the session's user is the only resource read.

export type MfaStatus = {
  enabledAt: Date | null;
  /** The secret being enrolled (shown as a QR code) until a first code confirms it. */
  pending: { secret: string; uri: string } | null;
  unusedRecoveryCodes: number;
  required: boolean;
};

export async function getMfaStatus(user: Pick<SessionUser, 'id' | 'role'>): Promise<MfaStatus> {
  const [account, pending, unusedRecoveryCodes] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } }),
    pendingMfaSecret(db, user.id),
    db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  return { enabledAt: account.totpEnabledAt, pending, unusedRecoveryCodes, required: mfaRequiredFor(user.role) };
}
