// Invitation tokens: 32 random bytes in the link, and only their SHA-256 in the invitation. The
// e-mail in the outbox holds the link until it is sent (without SMTP, an administrator passes it
// on from there); once sent, the outbox keeps it without the token (redactSentEmail).
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

/** The e-mail's text as the outbox keeps it once sent: the link without its token. */
export function redactSentEmail(body: string): string {
  return body.replace(/(\/invitations\/)[A-Za-z0-9_-]+/g, '$1…');
}
