// Invitations to an account, whoever sends them: an administrator inviting anyone with a role
// (lib/users/mutations.ts), or a focal point inviting a contributor (lib/team/mutations.ts). An
// invited account has no password, so nobody can sign in to it, until its single-use link, valid
// for a week, is followed and a password chosen.
//
// Tokens: 32 random bytes in the link, and only their SHA-256 in the invitation. The e-mail in the
// outbox holds the link until it is sent (without SMTP, an administrator passes it on from there);
// once sent, the outbox keeps it without the token (redactSentEmail).
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import { queueEmail, type Recipient } from '@/lib/notifications/announce';
import { unDate } from '@/lib/notifications/reminders';
import { routing } from '@/lib/i18n/routing';
import { CATALOGUES } from '@/lib/i18n/catalogues';

type Tx = Prisma.TransactionClient;

export const INVITATION_DAYS = 7;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function invitationPath(token: string): string {
  return `/invitations/${token}`;
}

/** The e-mail's text as the outbox keeps it once sent: the link without its token. */
export function redactSentEmail(body: string): string {
  return body.replace(/(\/invitations\/)[A-Za-z0-9_-]+/g, '$1…');
}

/** What the invitation says the person is invited to be (its e-mail and its page choose their words by it). */
export type InvitationKind = 'contributor' | 'focalPoint' | 'other';

export function invitationKind(role: Role): InvitationKind {
  return role === 'CONTRIBUTOR' ? 'contributor' : role === 'FOCAL_POINT' ? 'focalPoint' : 'other';
}

/** A role's name in every language, for a message rendered in the recipient's. */
function roleNames(role: Role): Record<string, string> {
  return Object.fromEntries(routing.locales.map((locale) => [locale, CATALOGUES[locale].roles[role]]));
}

/**
 * Writes a fresh invitation for an account without a password (ending any earlier one) and puts
 * its e-mail, in the account's language, in the outbox. Called inside the inviter's transaction.
 */
export async function sendInvitation(tx: Tx, invitedById: string, user: Recipient, now: Date): Promise<void> {
  await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: now } });
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await tx.invitation.create({ data: { tokenHash, userId: user.id, invitedById, expiresAt } });
  const [account, by] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true, entity: { select: { name: true } } } }),
    tx.user.findUniqueOrThrow({ where: { id: invitedById }, select: { name: true } }),
  ]);
  await queueEmail(tx, user, 'INVITATION', {
    kind: invitationKind(account.role),
    entity: (account.entity?.name as Record<string, string> | undefined) ?? '',
    role: roleNames(account.role),
    by: by.name,
    expires: unDate(expiresAt),
  }, invitationPath(token));
}

export type InvitationState = 'valid' | 'expired' | 'used' | 'unknown';

/** What the invitation link leads to, for its page. */
export async function invitationStatus(db: Db, token: string, now = new Date()) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, name: true, role: true, disabled: true, entity: { select: { name: true } } } } },
  });
  const state: InvitationState = !invitation || invitation.user.disabled ? 'unknown' : invitation.usedAt ? 'used' : invitation.expiresAt <= now ? 'expired' : 'valid';
  return { state, user: state === 'valid' ? invitation!.user : null };
}

/** Sets the password of an invited account, once: the link is spent, and the person may sign in. */
export async function acceptInvitation(db: Db, input: { token: string; name: string; password: string }, now = new Date()) {
  // The slow hash only for a link that works: a made-up token costs a lookup, not an Argon2 run.
  const { state } = await invitationStatus(db, input.token, now);
  if (state !== 'valid') throw new DomainError(state === 'used' ? 'team.invitationUsed' : state === 'expired' ? 'team.invitationExpired' : 'team.invitationUnknown');
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; userId: string; usedAt: Date | null; expiresAt: Date }[]>`
      SELECT "id", "userId", "usedAt", "expiresAt" FROM "Invitation" WHERE "tokenHash" = ${hashInvitationToken(input.token)} FOR UPDATE`;
    const invitation = rows[0];
    const user = invitation && (await tx.user.findUnique({ where: { id: invitation.userId }, select: { id: true, email: true, disabled: true } }));
    if (!invitation || !user || user.disabled) throw new DomainError('team.invitationUnknown');
    if (invitation.usedAt) throw new DomainError('team.invitationUsed');
    if (invitation.expiresAt <= now) throw new DomainError('team.invitationExpired');
    await tx.invitation.update({ where: { id: invitation.id }, data: { usedAt: now } });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, name: input.name, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: user.id, action: 'user.accept-invitation', entityType: 'User', entityId: user.id, after: { name: input.name } });
    return { email: user.email };
  });
}
