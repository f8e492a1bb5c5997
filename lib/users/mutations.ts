// Writes to user accounts: each change and its audit row in one transaction.
import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import { normalizeEmail } from '@/lib/auth/email';
import { Prisma } from '@/lib/generated/prisma/client';
import { newUserSchema, type NewUser } from './schemas';

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

/** Disables an account and ends its sessions at their next request. */
export async function disableUser(db: Db, actorId: string | null, email: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, disabled: true, sessionVersion: true } });
    if (!before) throw new DomainError('unknownUser', { email });
    const after = await tx.user.update({
      where: { id: before.id },
      data: { disabled: true, sessionVersion: { increment: 1 } },
      select: { id: true, disabled: true, sessionVersion: true },
    });
    await recordAudit(tx, { actorId, action: 'user.disable', entityType: 'User', entityId: before.id, before, after });
    return after;
  });
}
