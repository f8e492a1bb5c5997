// Who a report is assigned to decides what a contributor may do with it (lib/auth/permissions.ts):
// every check of a report's permissions asks here first, with the report's key.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import type { Resource } from '@/lib/auth/permissions';

type Client = Db | Prisma.TransactionClient;

export type ReportKey = { cycleId: string; entityId: string; commitmentId: string };

/**
 * The contributor the report is assigned to, or null. Inside a transaction the assignment row is
 * held (FOR SHARE) until it ends, so that a write allowed by it cannot commit after the
 * coordinator withdrew it: the withdrawal waits for the write, or the write sees the withdrawal.
 */
export async function assigneeOf(client: Client, key: ReportKey): Promise<string | null> {
  const rows = await client.$queryRaw<{ assigneeId: string }[]>`
    SELECT "assigneeId" FROM "Assignment"
    WHERE "cycleId" = ${key.cycleId} AND "entityId" = ${key.entityId} AND "commitmentId" = ${key.commitmentId} FOR SHARE`;
  return rows[0]?.assigneeId ?? null;
}

/** The report as a permission check sees it: its entity and its assignee. */
export async function reportResource(client: Client, key: ReportKey): Promise<Required<Resource>> {
  return { entityId: key.entityId, assigneeId: await assigneeOf(client, key) };
}
