// What is published, and who may read which status reports. A cycle is published when its latest
// SummaryPublication publishes (rather than withdraws); what the public reads of it is frozen at
// that moment: the figures stored with it, and the reports accepted up to then.
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/auth/permissions';
import type { PublishedFigures } from './mutations';

export type Publication = { cycleId: string; version: number; at: Date };

type Client = Pick<Db, 'summaryPublication' | '$queryRaw'>;

/**
 * The standing publication of each published cycle (cycles whose latest record withdraws are left
 * out): one row per cycle, read by PostgreSQL, without the stored figures (large), which
 * `publishedFigures` reads for the one cycle shown.
 */
export async function publishedCycles(db: Client): Promise<Map<string, Publication>> {
  const rows = await db.$queryRaw<(Publication & { action: string })[]>`
    SELECT DISTINCT ON ("cycleId") "cycleId", "version", "at", "action"::text AS "action"
    FROM "SummaryPublication" ORDER BY "cycleId", "version" DESC`;
  return new Map(rows.filter((row) => row.action === 'PUBLISH').map((row) => [row.cycleId, { cycleId: row.cycleId, version: row.version, at: row.at }]));
}

/** The figures stored with a publication. */
export async function publishedFigures(db: Client, publication: Publication): Promise<PublishedFigures> {
  const row = await db.summaryPublication.findUniqueOrThrow({
    where: { cycleId_version: { cycleId: publication.cycleId, version: publication.version } },
    select: { figures: true },
  });
  return row.figures as unknown as PublishedFigures;
}

/**
 * A published trend as the public may read it now: only the cycles still published. (Each point
 * was taken from that cycle's own publication when this one was made.)
 */
export function publicTrend<T extends { cycle: string }>(trend: T[], publishedCodes: ReadonlySet<string>): T[] {
  return trend.filter((point) => publishedCodes.has(point.cycle));
}

/**
 * The status reports `user` may read: the secretariat every one, a focal point its own entity's,
 * and everyone the reports of published cycles that were accepted when the cycle was published
 * (a later acceptance appears when the secretariat publishes again).
 */
export function visibleReportsWhere(user: Actor, published: Map<string, Publication>): Prisma.StatusReportWhereInput {
  if (can(user, 'status-report.review')) return {};
  const publishedReports: Prisma.StatusReportWhereInput[] = [...published.values()].map((publication) => ({
    cycleId: publication.cycleId, state: 'ACCEPTED', accepted: { acceptedAt: { lte: publication.at } },
  }));
  const own: Prisma.StatusReportWhereInput[] = user?.entityId && can(user, 'status-report.read', { entityId: user.entityId }) ? [{ entityId: user.entityId }] : [];
  const anyOf = [...own, ...publishedReports];
  // No condition at all would mean every report: an empty OR must mean none.
  return anyOf.length > 0 ? { OR: anyOf } : { id: { in: [] } };
}

/**
 * The same rule in SQL, over a report `r` and its accepted record `a` (the export reads in SQL):
 * the twin of `visibleReportsWhere`, kept beside it; tests/integration/status-reports-export.test.ts
 * checks that both select the same reports for every kind of reader.
 */
export function visibleReportsSql(user: Actor, published: Map<string, Publication>): Prisma.Sql {
  if (can(user, 'status-report.review')) return Prisma.sql`TRUE`;
  const publishedReports = [...published.values()].map((publication) =>
    Prisma.sql`(r."cycleId" = ${publication.cycleId} AND r."state" = 'ACCEPTED' AND a."acceptedAt" <= ${publication.at})`);
  const own = user?.entityId && can(user, 'status-report.read', { entityId: user.entityId }) ? [Prisma.sql`r."entityId" = ${user.entityId}`] : [];
  const anyOf = [...own, ...publishedReports];
  return anyOf.length > 0 ? Prisma.sql`(${Prisma.join(anyOf, ' OR ')})` : Prisma.sql`FALSE`;
}
