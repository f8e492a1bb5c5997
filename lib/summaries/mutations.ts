// Publishing a cycle's summaries freezes them: the figures of every thematic area (chapters and
// sub-areas, with their trend up to this cycle) are computed once and stored with the
// publication, which the public pages and the open-data API then read. Withdrawing needs a
// reason. Both append a record (never overwrite one) and an audit row, in one transaction.
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import { computeAreaSummary, type AreaSummary } from './compute';
import { publishedCycles, publishedFigures } from './publication';

export type PublishActor = NonNullable<Actor> & { id: string };

export type PublishedFigures = { areas: Record<string, AreaSummary & { trend: { cycle: string; progressIndex: number | null }[] }> };

function assertMayPublish(actor: PublishActor) {
  if (!can(actor, 'summary.publish')) throw new DomainError('summaries.notAllowed');
}

async function lockCycle(tx: Prisma.TransactionClient, code: string) {
  const rows = await tx.$queryRaw<{ id: string; code: string; state: string; opensAt: Date }[]>`
    SELECT "id", "code", "state"::text AS "state", "opensAt" FROM "ReportingCycle" WHERE "code" = ${code} FOR UPDATE`;
  if (!rows[0]) throw new DomainError('cycles.unknown', { code });
  return rows[0];
}

async function latestVersion(tx: Prisma.TransactionClient, cycleId: string) {
  return tx.summaryPublication.findFirst({ where: { cycleId }, orderBy: { version: 'desc' }, select: { version: true, action: true } });
}

/** Publishes (again) the summaries of a cycle that is open or closed, as they stand now. */
export async function publishSummaries(db: Db, actor: PublishActor, input: { cycleCode: string }) {
  assertMayPublish(actor);
  return db.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, input.cycleCode);
    if (cycle.state === 'PLANNED') throw new DomainError('summaries.plannedCycle', { code: input.cycleCode });
    // The publication's moment, taken under the cycle's lock: every acceptance it counts is at or
    // before it (even one whose request clock ran ahead), every later one after it.
    const [{ at }] = await tx.$queryRaw<{ at: Date }[]>`
      SELECT GREATEST(clock_timestamp(), (SELECT max("acceptedAt") FROM "AcceptedStatus" WHERE "cycleId" = ${cycle.id})) AS "at"`;
    const areas = await tx.thematicArea.findMany({ orderBy: [{ parentId: { sort: 'asc', nulls: 'first' } }, { order: 'asc' }], select: { code: true } });
    // The trend's earlier points are what each earlier cycle published, never its live figures:
    // a cycle never published, or withdrawn, has no point.
    const standing = await publishedCycles(tx);
    const earlier = await tx.reportingCycle.findMany({
      where: { opensAt: { lt: cycle.opensAt }, id: { in: [...standing.keys()] } }, orderBy: { opensAt: 'asc' }, select: { id: true, code: true },
    });
    const earlierFigures = await Promise.all(earlier.map(async (row) => ({ code: row.code, figures: await publishedFigures(tx, standing.get(row.id)!) })));
    const figures: PublishedFigures = { areas: {} };
    for (const { code } of areas) {
      // The transaction's own client: the figures are those of the moment the cycle is locked.
      const summary = await computeAreaSummary(tx as unknown as Db, cycle.id, code);
      if (!summary) continue;
      const trend = [
        ...earlierFigures.flatMap((row) => (row.figures.areas?.[code] ? [{ cycle: row.code, progressIndex: row.figures.areas[code]!.progressIndex }] : [])),
        { cycle: cycle.code, progressIndex: summary.progressIndex },
      ];
      figures.areas[code] = { ...summary, trend };
    }
    const version = ((await latestVersion(tx, cycle.id))?.version ?? 0) + 1;
    const publication = await tx.summaryPublication.create({
      data: { cycleId: cycle.id, version, action: 'PUBLISH', figures: figures as unknown as Prisma.InputJsonObject, byId: actor.id, at },
      select: { id: true, version: true, at: true },
    });
    await recordAudit(tx, {
      actorId: actor.id, action: 'summary.publish', entityType: 'ReportingCycle', entityId: cycle.id,
      after: { cycle: input.cycleCode, version, publicationId: publication.id },
    });
    return publication;
  }, { timeout: 60_000 });
}

/** Withdraws a published cycle's summaries from the public, with a reason; the record stays. */
export async function unpublishSummaries(db: Db, actor: PublishActor, input: { cycleCode: string; reason: string }) {
  assertMayPublish(actor);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('summaries.reasonRequired');
  return db.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, input.cycleCode);
    const latest = await latestVersion(tx, cycle.id);
    if (!latest || latest.action !== 'PUBLISH') throw new DomainError('summaries.notPublished', { code: input.cycleCode });
    const version = latest.version + 1;
    const record = await tx.summaryPublication.create({
      data: { cycleId: cycle.id, version, action: 'UNPUBLISH', reason, byId: actor.id },
      select: { id: true, version: true, at: true },
    });
    await recordAudit(tx, {
      actorId: actor.id, action: 'summary.unpublish', entityType: 'ReportingCycle', entityId: cycle.id,
      after: { cycle: input.cycleCode, version, reason },
    });
    return record;
  });
}
