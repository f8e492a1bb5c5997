// Multi-factor sign-in for one person: enrolling an authenticator (a sealed secret, confirmed by
// a first code, then ten recovery codes shown once), checking a second factor at sign-in, turning
// it off (only where it is optional) and renewing the recovery codes. Each change audited.
import type { Db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { recordAudit } from '@/lib/audit/record';
import { mfaRequiredRoles, mfaSealingKey } from '@/lib/env';
import { DomainError } from '@/lib/errors';
import { checkTotp, newTotpSecret, totpUri } from './totp';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { openSecret, sealSecret } from './secret-box';

export function mfaRequiredFor(role: Role): boolean {
  return mfaRequiredRoles().includes(role);
}

async function sealedSecretOf(db: Db, userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, role: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
}

/** A new secret for the person's authenticator, kept sealed until a first code confirms it. */
export async function startMfaEnrolment(db: Db, userId: string): Promise<{ secret: string; uri: string }> {
  const user = await sealedSecretOf(db, userId);
  if (user.totpEnabledAt) throw new DomainError('mfa.alreadyOn');
  const secret = newTotpSecret();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: sealSecret(secret, mfaSealingKey()), totpLastStep: null } });
    await recordAudit(tx, { actorId: userId, action: 'mfa.enrol-start', entityType: 'User', entityId: userId });
  });
  return { secret, uri: totpUri(secret, user.email) };
}

/** The secret being enrolled, for showing its QR code again (null: none pending). */
export async function pendingMfaSecret(db: Db, userId: string): Promise<{ secret: string; uri: string } | null> {
  const user = await sealedSecretOf(db, userId);
  if (user.totpEnabledAt || !user.totpSecret) return null;
  const secret = openSecret(user.totpSecret, mfaSealingKey());
  return secret ? { secret, uri: totpUri(secret, user.email) } : null;
}

/** Confirms the authenticator with its first code: multi-factor sign-in is on; the recovery codes, once. */
export async function confirmMfaEnrolment(db: Db, userId: string, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const user = await sealedSecretOf(db, userId);
  if (user.totpEnabledAt) throw new DomainError('mfa.alreadyOn');
  const secret = user.totpSecret && openSecret(user.totpSecret, mfaSealingKey());
  if (!secret) throw new DomainError('mfa.noEnrolment');
  const checked = await checkTotp(secret, code, now, null);
  if (!checked.valid) throw new DomainError('mfa.wrongCode');
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpEnabledAt: now, totpLastStep: checked.step } });
    if (count !== 1) throw new DomainError('mfa.alreadyOn');
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((plain) => ({ userId, codeHash: hashRecoveryCode(plain) })) });
    await recordAudit(tx, { actorId: userId, action: 'mfa.enable', entityType: 'User', entityId: userId });
  });
  return { recoveryCodes };
}

/**
 * Checks a second factor: a code of the authenticator (never one already used) or an unused
 * recovery code (spent by this). Only for a person who has multi-factor sign-in on.
 */
export async function verifySecondFactor(db: Db, userId: string, code: string, now = new Date()): Promise<'totp' | 'recovery' | null> {
  const user = await sealedSecretOf(db, userId);
  if (!user.totpEnabledAt || !user.totpSecret) return null;
  if (looksLikeRecoveryCode(code) && !/^\d+$/.test(code.replace(/[\s-]/g, ''))) {
    return db.$transaction(async (tx) => {
      const { count } = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now } });
      if (count !== 1) return null;
      await recordAudit(tx, { actorId: userId, action: 'mfa.recovery-code-used', entityType: 'User', entityId: userId });
      return 'recovery' as const;
    });
  }
  const secret = openSecret(user.totpSecret, mfaSealingKey());
  if (!secret) return null;
  const checked = await checkTotp(secret, code, now, user.totpLastStep);
  if (!checked.valid) return null;
  // Two sign-ins with one code at once: only the first moves the step on.
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: checked.step } }] },
    data: { totpLastStep: checked.step },
  });
  return count === 1 ? 'totp' : null;
}

/** Turns multi-factor sign-in off, with a current code; never for a role that requires it. */
export async function disableMfa(db: Db, userId: string, code: string, now = new Date()): Promise<void> {
  const user = await sealedSecretOf(db, userId);
  if (mfaRequiredFor(user.role)) throw new DomainError('mfa.required');
  if (!user.totpEnabledAt) return;
  if (!(await verifySecondFactor(db, userId, code, now))) throw new DomainError('mfa.wrongCode');
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordAudit(tx, { actorId: userId, action: 'mfa.disable', entityType: 'User', entityId: userId });
  });
}

/** Ten new recovery codes (the old ones stop working), with a current code. */
export async function renewRecoveryCodes(db: Db, userId: string, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  if (!(await verifySecondFactor(db, userId, code, now))) throw new DomainError('mfa.wrongCode');
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((plain) => ({ userId, codeHash: hashRecoveryCode(plain) })) });
    await recordAudit(tx, { actorId: userId, action: 'mfa.recovery-codes-renewed', entityType: 'User', entityId: userId });
  });
  return { recoveryCodes };
}
