// Invitation tokens live with every other invitation in lib/users/invitations.ts; re-exported
// here for the team's callers.
export { hashInvitationToken, INVITATION_DAYS, invitationPath, newInvitationToken, redactSentEmail } from '@/lib/users/invitations';
