// The SQL a thematic area's summary is counted with: the figures of a cycle and the trend over
// cycles, over AcceptedStatus (the accepted record, grouped as it stood when accepted). Built here
// once for compute.ts and for the benchmark, which runs the same statements through `pg` directly
// as the floor the summary page is measured against.
import { Prisma } from '@/lib/generated/prisma/client';
import type { RegionalGroup } from '@/lib/generated/prisma/enums';

export type SummaryFilters = {
  /** An instrument code. */
  instrument?: string;
  /** Member States only, or the other expected entities only. */
  entityKind?: 'MEMBER_STATE' | 'OTHER';
  group?: RegionalGroup;
  /** Count only what was accepted by then (a publication's moment: what the public may read). */
  acceptedUpTo?: Date;
};

export const MOST_CITED = 10;

function entityFilter(filters: SummaryFilters, alias: 'e' | 'a'): Prisma.Sql {
  const kind = alias === 'e' ? Prisma.sql`e."kind"` : Prisma.sql`a."entityKind"`;
  const group = alias === 'e' ? Prisma.sql`e."regionalGroup"` : Prisma.sql`a."regionalGroup"`;
  return Prisma.sql`
    ${filters.entityKind === 'MEMBER_STATE' ? Prisma.sql`AND ${kind} = 'MEMBER_STATE'` : filters.entityKind === 'OTHER' ? Prisma.sql`AND ${kind} <> 'MEMBER_STATE'` : Prisma.empty}
    ${filters.group ? Prisma.sql`AND ${group} = ${filters.group}::"RegionalGroup"` : Prisma.empty}
    ${filters.acceptedUpTo && alias === 'a' ? Prisma.sql`AND a."acceptedAt" <= ${filters.acceptedUpTo}` : Prisma.empty}`;
}

/**
 * The SQL of an area's figures in a cycle: what PostgreSQL counts for a summary, and what the
 * benchmark runs through `pg` directly as the floor the summary page is measured against.
 */
export function areaSummarySql(cycleId: string, area: { id: string; isSubArea: boolean }, filters: SummaryFilters = {}, instrumentId?: string) {
  const accepted = area.isSubArea ? Prisma.sql`a."thematicAreaId" = ${area.id}` : Prisma.sql`a."topAreaId" = ${area.id}`;
  const byInstrument = instrumentId ? Prisma.sql`AND a."instrumentId" = ${instrumentId}` : Prisma.empty;
  const expectedEntity = Prisma.sql`JOIN "CycleEntity" ce ON ce."cycleId" = a."cycleId" AND ce."entityId" = a."entityId"`;

  return {
    expected: Prisma.sql`
      SELECT (e."kind" = 'MEMBER_STATE') AS "memberState", e."regionalGroup"::text AS "group", e."m49RegionCode" AS "region", count(*)::int AS "count"
      FROM "CycleEntity" ce JOIN "ReportingEntity" e ON e."id" = ce."entityId"
      WHERE ce."cycleId" = ${cycleId} ${entityFilter(filters, 'e')}
      GROUP BY 1, 2, 3`,
    perCommitment: Prisma.sql`
      SELECT a."commitmentId", a."thematicAreaId" AS "areaId", a."status"::text AS "status", count(*)::int AS "count"
      FROM "AcceptedStatus" a ${expectedEntity}
      WHERE a."cycleId" = ${cycleId} AND ${accepted} ${byInstrument} ${entityFilter(filters, 'a')}
      GROUP BY 1, 2, 3`,
    perPlace: Prisma.sql`
      SELECT a."regionalGroup"::text AS "group", a."m49RegionCode" AS "region", a."status"::text AS "status", count(*)::int AS "count"
      FROM "AcceptedStatus" a ${expectedEntity}
      WHERE a."cycleId" = ${cycleId} AND ${accepted} ${byInstrument} ${entityFilter(filters, 'a')}
      GROUP BY 1, 2, 3`,
    reporting: Prisma.sql`
      SELECT (a."entityKind" = 'MEMBER_STATE') AS "memberState", count(DISTINCT a."entityId")::int AS "count"
      FROM "AcceptedStatus" a ${expectedEntity}
      WHERE a."cycleId" = ${cycleId} AND ${accepted} ${byInstrument} ${entityFilter(filters, 'a')}
      GROUP BY 1`,
    evidence: Prisma.sql`
      SELECT d."symbol", d."language", p."number", count(DISTINCT l."statusReportId")::int AS "reports"
      FROM "AcceptedStatus" a ${expectedEntity}
      JOIN "EvidenceLink" l ON l."statusReportId" = a."statusReportId" AND l."kind" = 'PARAGRAPH' AND l."state" = 'ACCEPTED'
      JOIN "Paragraph" p ON p."id" = l."paragraphId"
      JOIN "SourceDocument" d ON d."id" = p."documentId"
      WHERE a."cycleId" = ${cycleId} AND ${accepted} ${byInstrument} ${entityFilter(filters, 'a')}
      GROUP BY 1, 2, 3
      ORDER BY 4 DESC, 1, 3
      LIMIT ${MOST_CITED}`,
  };

}

/** The SQL of an area's trend: accepted statuses per cycle and status, for the cycles given (each up to its cutoff, when given). */
export function trendSql(area: { id: string; isSubArea: boolean }, cycleIds: string[], filters: SummaryFilters = {}, instrumentId?: string, cutoffs?: Map<string, Date>) {
  const accepted = area.isSubArea ? Prisma.sql`a."thematicAreaId" = ${area.id}` : Prisma.sql`a."topAreaId" = ${area.id}`;
  return Prisma.sql`
    SELECT a."cycleId", a."status"::text AS "status", count(*)::int AS "count"
    FROM "AcceptedStatus" a JOIN "CycleEntity" ce ON ce."cycleId" = a."cycleId" AND ce."entityId" = a."entityId"
    WHERE a."cycleId" IN (${Prisma.join(cycleIds)}) AND ${accepted}
      ${instrumentId ? Prisma.sql`AND a."instrumentId" = ${instrumentId}` : Prisma.empty} ${entityFilter(filters, 'a')}
      ${cutoffs ? Prisma.sql`AND (${Prisma.join(cycleIds.map((id) => Prisma.sql`(a."cycleId" = ${id} AND a."acceptedAt" <= ${cutoffs.get(id)!})`), ' OR ')})` : Prisma.empty}
    GROUP BY 1, 2`;
}
