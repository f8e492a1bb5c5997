// Appends to the audit trail inside the caller's transaction, so that a change and its
// audit row commit together or not at all.
import type { Prisma } from '@/lib/generated/prisma/client';

type AuditClient = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

export async function recordAudit(tx: AuditClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: entry });
}
