// Invitation tokens: 32 random bytes in the link, only their SHA-256 in the database, so that a
// copy of the database lets nobody in.
import { createHash, randomBytes } from 'node:crypto';

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
