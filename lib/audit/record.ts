// Appends to the audit trail inside the caller's transaction, so that a change and its
// audit row commit together or not at all; and logs one line per audited change once it has
// committed (a change rolled back is not logged as made).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Prisma } from '@/lib/generated/prisma/client';
import { log } from '@/lib/log';

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
  const pending = uncommitted.getStore();
  if (pending) pending.push(entry);
  else logAudit(entry);
}

/** The audited changes of the transaction under way (lib/db/client.ts runs each in one). */
const uncommitted = new AsyncLocalStorage<AuditEntry[]>();

/**
 * Runs a transaction, and logs its audited changes only once it has committed. What was changed
 * is named (action, record, who), never the values: they may hold what people wrote.
 */
export async function withAuditLog<T>(transaction: () => Promise<T>): Promise<T> {
  const entries: AuditEntry[] = [];
  const result = await uncommitted.run(entries, transaction);
  for (const entry of entries) logAudit(entry);
  return result;
}

function logAudit(entry: AuditEntry) {
  log.info({ audit: entry.action, entityType: entry.entityType, entityId: entry.entityId, actorId: entry.actorId }, 'audited change');
}
