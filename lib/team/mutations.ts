// The coordinator's team: a focal point invites contributors of the same entity, assigns them
// commitments of a cycle and decides whether they see the whole worklist. Each write, its
// history (AssignmentEvent) and audit row, and its notification and e-mail commit together.
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import { announce, recipientSelect } from '@/lib/notifications/announce';
import { sendInvitation as sendAccountInvitation } from '@/lib/users/invitations';
import type { AssignCommitmentsInput, ContributorSetting, InviteContributorInput } from './schemas';

type Tx = Prisma.TransactionClient;

export type TeamActor = { id: string; role: Role; entityId: string | null };

function assertManages(actor: TeamActor, entityId: string) {
  if (!can(actor, 'team.manage', { entityId })) throw new DomainError('team.notAllowed');
}

/** A contributor of the entity, locked, or "unknown" (another entity's people are not named). */
async function lockContributor(tx: Tx, entityId: string, userId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} AND "entityId" = ${entityId} AND "role" = 'CONTRIBUTOR' FOR UPDATE`;
  if (!rows[0]) throw new DomainError('team.unknownContributor');
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { ...recipientSelect, disabled: true, seesWholeWorklist: true, sessionVersion: true } });
}

/** Writes a fresh invitation (ending any earlier one) and puts its e-mail in the outbox (lib/users/invitations.ts). */
function sendInvitation(tx: Tx, actor: TeamActor, user: { id: string; email: string; name: string; locale: string }, now: Date) {
  return sendAccountInvitation(tx, actor.id, user, now);
}

/**
 * Invites a person to draft for the entity: an account without a password (nobody can sign in to
 * it) and a single-use link by e-mail, valid for a week, to choose one.
 */
export async function inviteContributor(db: Db, actor: TeamActor, input: InviteContributorInput, now = new Date()) {
  assertManages(actor, input.entityId);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new DomainError('userExists', { email: input.email });
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: 'CONTRIBUTOR', entityId: input.entityId, locale: input.locale, passwordHash: '', invitedById: actor.id },
      select: recipientSelect,
    }).catch((error: unknown) => {
      // Two invitations of one address at once: the unique index decides, in words.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DomainError('userExists', { email: input.email });
      throw error;
    });
    await sendInvitation(tx, actor, user, now);
    await recordAudit(tx, {
      actorId: actor.id, action: 'team.invite', entityType: 'User', entityId: user.id,
      after: { email: user.email, name: user.name, role: 'CONTRIBUTOR', entityId: input.entityId, locale: user.locale },
    });
    return { id: user.id };
  });
}

export type { ContributorSetting } from './schemas';

/** Shares or unshares the whole worklist, disables or enables the account, or sends a new invitation. */
export async function changeContributor(db: Db, actor: TeamActor, input: { userId: string; setting: ContributorSetting }, now = new Date()) {
  if (!actor.entityId && actor.role !== 'ADMIN') throw new DomainError('team.notAllowed');
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { entityId: true } });
    if (!target?.entityId) throw new DomainError('team.unknownContributor');
    assertManages(actor, target.entityId);
    const before = await lockContributor(tx, target.entityId, input.userId);
    const data: Prisma.UserUpdateInput =
      input.setting === 'share' ? { seesWholeWorklist: true }
      : input.setting === 'unshare' ? { seesWholeWorklist: false }
      // Disabling ends the person's sessions at their next request.
      : input.setting === 'disable' ? { disabled: true, sessionVersion: { increment: 1 } }
      : input.setting === 'enable' ? { disabled: false }
      : {};
    if (input.setting === 'reinvite') {
      if (before.disabled) throw new DomainError('team.reinviteDisabled');
      // Whoever has a password (an accepted invitation, or an account made otherwise) has joined:
      // a new link would let its holder choose another.
      const { passwordHash } = await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: { passwordHash: true } });
      if (passwordHash !== '') throw new DomainError('team.alreadyJoined');
      await sendInvitation(tx, actor, before, now);
    }
    const after = await tx.user.update({ where: { id: before.id }, data, select: { disabled: true, seesWholeWorklist: true } });
    await recordAudit(tx, {
      actorId: actor.id, action: `team.${input.setting}`, entityType: 'User', entityId: before.id,
      before: { disabled: before.disabled, seesWholeWorklist: before.seesWholeWorklist }, after,
    });
    return after;
  });
}

/**
 * Assigns commitments of a cycle to a contributor (or withdraws their assignment, with
 * `assigneeId` null). Only commitments the cycle covers, in a cycle not yet closed, to an active
 * contributor of the entity. The history records each change; the contributor is told once.
 */
export async function assignCommitments(db: Db, actor: TeamActor, input: AssignCommitmentsInput, now = new Date()) {
  assertManages(actor, input.entityId);
  const commitmentIds = [...new Set(input.commitmentId)];
  return db.$transaction(async (tx) => {
    // One assignment change of an entity's cycle at a time: two coordinators at once are ordered.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`assign:${input.cycleId}:${input.entityId}`}))`;
    const cycle = await tx.reportingCycle.findUnique({ where: { id: input.cycleId }, select: { id: true, state: true, name: true } });
    if (!cycle) throw new DomainError('statusReports.notFound');
    if (cycle.state === 'CLOSED') throw new DomainError('team.cycleClosed');
    const expected = await tx.cycleEntity.findUnique({ where: { cycleId_entityId: { cycleId: cycle.id, entityId: input.entityId } }, select: { entityId: true } });
    if (!expected) throw new DomainError('statusReports.notFound');
    const inScope = await tx.commitment.count({ where: { id: { in: commitmentIds }, instrument: { cycles: { some: { cycleId: cycle.id } } } } });
    if (inScope !== commitmentIds.length) throw new DomainError('team.commitmentsOutOfCycle');
    const assignee = input.assigneeId ? await lockContributor(tx, input.entityId, input.assigneeId) : null;
    if (assignee?.disabled) throw new DomainError('team.contributorDisabled');

    const current = await tx.assignment.findMany({
      where: { cycleId: cycle.id, entityId: input.entityId, commitmentId: { in: commitmentIds } },
      select: { commitmentId: true, assignee: { select: { id: true, email: true } } },
    });
    const currentOf = new Map(current.map((row) => [row.commitmentId, row.assignee]));
    const changed = commitmentIds.filter((id) => (currentOf.get(id)?.id ?? null) !== (assignee?.id ?? null));
    if (changed.length === 0) return { changed: 0 };

    const base = { cycleId: cycle.id, entityId: input.entityId, byId: actor.id, at: now };
    const events: Prisma.AssignmentEventCreateManyInput[] = [];
    for (const commitmentId of changed) {
      const previous = currentOf.get(commitmentId);
      if (previous) events.push({ ...base, commitmentId, type: 'UNASSIGNED', assigneeId: previous.id, assigneeEmail: previous.email });
      if (assignee) events.push({ ...base, commitmentId, type: 'ASSIGNED', assigneeId: assignee.id, assigneeEmail: assignee.email, at: new Date(now.getTime() + 1) });
    }
    await tx.assignment.deleteMany({ where: { cycleId: cycle.id, entityId: input.entityId, commitmentId: { in: changed } } });
    if (assignee) {
      await tx.assignment.createMany({
        data: changed.map((commitmentId) => ({ cycleId: cycle.id, entityId: input.entityId, commitmentId, assigneeId: assignee.id, assignedById: actor.id, assignedAt: now })),
      });
    }
    await tx.assignmentEvent.createMany({ data: events });
    await recordAudit(tx, {
      actorId: actor.id, action: assignee ? 'team.assign' : 'team.unassign', entityType: 'ReportingCycle', entityId: cycle.id,
      before: Object.fromEntries(changed.map((id) => [id, currentOf.get(id)?.email ?? null])),
      after: { entityId: input.entityId, assignee: assignee?.email ?? null, commitmentIds: changed },
    });
    if (assignee) {
      const [entity, by] = await Promise.all([
        tx.reportingEntity.findUniqueOrThrow({ where: { id: input.entityId }, select: { name: true } }),
        tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } }),
      ]);
      await announce(tx, [assignee], {
        type: 'ITEMS_ASSIGNED', href: '/worklist', group: `assigned:${cycle.id}:${assignee.id}`,
        data: { entity: entity.name as Record<string, string>, cycle: cycle.name as Record<string, string>, by: by.name, count: changed.length },
      });
    }
    return { changed: changed.length };
  });
}

// Accepting an invitation is the same for every account, whoever sent it.
export { acceptInvitation, invitationStatus, type InvitationState } from '@/lib/users/invitations';
