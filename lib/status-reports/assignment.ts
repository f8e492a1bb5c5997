// Who a report is assigned to decides what a contributor may do with it (lib/auth/permissions.ts):
// every check of a report's permissions asks here first, with the report's key.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import type { Resource } from '@/lib/auth/permissions';

type Client = Db | Prisma.TransactionClient;

export type ReportKey = { cycleId: string; entityId: string; commitmentId: string };

/** The contributor the report is assigned to, or null. */
export async function assigneeOf(client: Client, key: ReportKey): Promise<string | null> {
  const row = await client.assignment.findUnique({
    where: { cycleId_entityId_commitmentId: { cycleId: key.cycleId, entityId: key.entityId, commitmentId: key.commitmentId } },
    select: { assigneeId: true },
  });
  return row?.assigneeId ?? null;
}

/** The report as a permission check sees it: its entity and its assignee. */
export async function reportResource(client: Client, key: ReportKey): Promise<Required<Resource>> {
  return { entityId: key.entityId, assigneeId: await assigneeOf(client, key) };
}
