// Writes to user accounts: each change and its audit row in one transaction.
import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import { normalizeEmail } from '@/lib/auth/email';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/auth/permissions';
import { recipientSelect } from '@/lib/notifications/announce';
import { sendInvitation } from './invitations';
import { newUserSchema, type ChangeRoleInput, type InviteUserInput, type NewUser, type UserSettingInput } from './schemas';

export async function createUser(db: Db, actorId: string | null, input: NewUser) {
  const user = newUserSchema.parse(input);
  const entity = user.entityCode
    ? await db.reportingEntity.findUnique({ where: { code: user.entityCode }, select: { id: true } })
    : null;
  if (user.entityCode && !entity) throw new DomainError('unknownEntity', { code: user.entityCode });
  const passwordHash = await hashPassword(user.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: user.email }, select: { id: true } })) {
      throw new DomainError('userExists', { email: user.email });
    }
    const created = await tx.user
      .create({
        data: { email: user.email, name: user.name, role: user.role, entityId: entity?.id ?? null, passwordHash },
        select: { id: true, email: true, name: true, role: true, entityId: true },
      })
      .catch((error: unknown) => {
        // Two creations of the same address at once: the unique index decides, in words.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DomainError('userExists', { email: user.email });
        throw error;
      });
    await recordAudit(tx, { actorId, action: 'user.create', entityType: 'User', entityId: created.id, after: created });
    return created;
  });
}

/** Disables an account and ends its sessions at their next request; never the last active administrator's. */
export async function disableUser(db: Db, actorId: string | null, email: string) {
  return db.$transaction(async (tx) => {
    const administrators = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabled" = false ORDER BY "id" FOR UPDATE`;
    const before = await tx.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, role: true, disabled: true, sessionVersion: true } });
    if (!before) throw new DomainError('unknownUser', { email });
    keepAnAdministrator(administrators.map((row) => row.id), before);
    const after = await tx.user.update({
      where: { id: before.id },
      data: { disabled: true, sessionVersion: { increment: 1 } },
      select: { id: true, disabled: true, sessionVersion: true },
    });
    await tx.userSession.deleteMany({ where: { userId: before.id } });
    await recordAudit(tx, {
      actorId, action: 'user.disable', entityType: 'User', entityId: before.id,
      before: { disabled: before.disabled, sessionVersion: before.sessionVersion }, after,
    });
    return after;
  });
}

// Accounts managed in the application by an administrator (the users page): invitations, role
// and entity changes, disabling and enabling. Each change and its audit row commit together; a
// disabled or changed account is signed out at its next request (its session version is bumped).
// The administrators are locked while one of them changes an account, so that two who demote or
// disable each other at once cannot leave the application without an active administrator.

type Tx = Prisma.TransactionClient;

export type UserActor = { id: string; role: Role; entityId: string | null };

/** Locks the active administrators' rows, and checks the actor is still one of them. */
async function lockAdministrators(tx: Tx, actor: UserActor): Promise<string[]> {
  if (!can(actor, 'user.manage')) throw new DomainError('users.notAllowed');
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabled" = false ORDER BY "id" FOR UPDATE`;
  const ids = rows.map((row) => row.id);
  if (!ids.includes(actor.id)) throw new DomainError('users.notAllowed');
  return ids;
}

/** The account to change, locked; never the actor's own. */
async function lockTarget(tx: Tx, actor: UserActor, userId: string) {
  if (userId === actor.id) throw new DomainError('users.notSelf');
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  if (!rows[0]) throw new DomainError('users.unknown');
  return tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { ...recipientSelect, role: true, entityId: true, disabled: true, sessionVersion: true, seesWholeWorklist: true },
  });
}

/** Refuses a change that would leave no active administrator. */
function keepAnAdministrator(administrators: string[], target: { id: string; role: Role; disabled: boolean }) {
  const remaining = administrators.filter((id) => id !== target.id);
  if (target.role === 'ADMIN' && !target.disabled && remaining.length === 0) throw new DomainError('users.lastAdmin');
}

async function assertEntity(tx: Tx, entityId: string | null) {
  if (entityId && !(await tx.reportingEntity.findUnique({ where: { id: entityId }, select: { id: true } }))) {
    throw new DomainError('users.unknownEntity');
  }
}

/**
 * Invites a person with a role (and, for a focal point or contributor, an entity): an account
 * without a password and a single-use link by e-mail to choose one (lib/users/invitations.ts).
 */
export async function inviteUser(db: Db, actor: UserActor, input: InviteUserInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    await lockAdministrators(tx, actor);
    await assertEntity(tx, input.entityId);
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new DomainError('userExists', { email: input.email });
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, entityId: input.entityId, locale: input.locale, passwordHash: '', invitedById: actor.id },
      select: recipientSelect,
    }).catch((error: unknown) => {
      // Two invitations of one address at once: the unique index decides, in words.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DomainError('userExists', { email: input.email });
      throw error;
    });
    await sendInvitation(tx, actor.id, user, now);
    await recordAudit(tx, {
      actorId: actor.id, action: 'user.invite', entityType: 'User', entityId: user.id,
      after: { email: user.email, name: user.name, role: input.role, entityId: input.entityId, locale: user.locale },
    });
    return { id: user.id };
  });
}

/** Disables or enables an account, or sends a new invitation to one that has not joined yet. */
export async function changeUser(db: Db, actor: UserActor, input: UserSettingInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const administrators = await lockAdministrators(tx, actor);
    const target = await lockTarget(tx, actor, input.userId);
    const before = { disabled: target.disabled, sessionVersion: target.sessionVersion };
    if (input.setting === 'reinvite') {
      if (target.disabled) throw new DomainError('users.reinviteDisabled');
      // Whoever has a password has joined: a new link would let its holder choose another.
      const { passwordHash } = await tx.user.findUniqueOrThrow({ where: { id: target.id }, select: { passwordHash: true } });
      if (passwordHash !== '') throw new DomainError('team.alreadyJoined');
      await sendInvitation(tx, actor.id, target, now);
      await recordAudit(tx, { actorId: actor.id, action: 'user.reinvite', entityType: 'User', entityId: target.id });
      return before;
    }
    const disabled = input.setting === 'disable';
    if (disabled === target.disabled) return before;
    if (disabled) keepAnAdministrator(administrators, target);
    const after = await tx.user.update({
      where: { id: target.id },
      // Disabling ends the account's sessions at their next request.
      data: disabled ? { disabled: true, sessionVersion: { increment: 1 } } : { disabled: false },
      select: { disabled: true, sessionVersion: true },
    });
    if (disabled) await tx.userSession.deleteMany({ where: { userId: target.id } });
    await recordAudit(tx, { actorId: actor.id, action: disabled ? 'user.disable' : 'user.enable', entityType: 'User', entityId: target.id, before, after });
    return after;
  });
}

/**
 * Gives an account another role, or moves a focal point or contributor to another entity. The
 * account is signed out at its next request. A contributor who stops being one of the entity
 * gives back their assignments (recorded in the assignments' history).
 */
export async function changeUserRole(db: Db, actor: UserActor, input: ChangeRoleInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const administrators = await lockAdministrators(tx, actor);
    const target = await lockTarget(tx, actor, input.userId);
    const before = { role: target.role, entityId: target.entityId, sessionVersion: target.sessionVersion };
    if (target.role === input.role && target.entityId === input.entityId) return before;
    if (input.role !== 'ADMIN') keepAnAdministrator(administrators, target);
    await assertEntity(tx, input.entityId);
    if (target.role === 'CONTRIBUTOR') await withdrawAssignments(tx, actor, target, now);
    const after = await tx.user.update({
      where: { id: target.id },
      data: {
        role: input.role, entityId: input.entityId, sessionVersion: { increment: 1 },
        ...(input.role === 'CONTRIBUTOR' && target.entityId === input.entityId ? {} : { seesWholeWorklist: false }),
      },
      select: { role: true, entityId: true, sessionVersion: true },
    });
    await tx.userSession.deleteMany({ where: { userId: target.id } });
    await recordAudit(tx, { actorId: actor.id, action: 'user.change-role', entityType: 'User', entityId: target.id, before, after });
    return after;
  });
}

/** Ends every assignment of a contributor, each with its UNASSIGNED event. */
async function withdrawAssignments(tx: Tx, actor: UserActor, contributor: { id: string; email: string }, now: Date) {
  const assignments = await tx.assignment.findMany({
    where: { assigneeId: contributor.id },
    select: { cycleId: true, entityId: true, commitmentId: true },
  });
  if (assignments.length === 0) return;
  await tx.assignmentEvent.createMany({
    data: assignments.map((row) => ({ ...row, type: 'UNASSIGNED' as const, assigneeId: contributor.id, assigneeEmail: contributor.email, byId: actor.id, at: now })),
  });
  await tx.assignment.deleteMany({ where: { assigneeId: contributor.id } });
}
