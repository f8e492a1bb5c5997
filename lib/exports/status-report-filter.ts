// Which status reports a download holds, as the SQL condition its batches read them with
// (lib/exports/status-report-batches.ts): what the caller may read, narrowed by the filters. In
// that SQL `r` is the StatusReport and `a` its AcceptedStatus record (LEFT JOINed: null columns
// when there is none).
//
// The batches are one raw query each, so the rules are written in SQL here. Who may read what is
// the rule of `visibleReportsWhere`, which the screens use as a Prisma filter; its SQL twin
// `visibleReportsSql` stands beside it in lib/summaries/publication.ts.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ImplementationStatus, RegionalGroup, WorkflowState } from '@/lib/generated/prisma/enums';
import type { Actor } from '@/lib/auth/permissions';
import { literalPattern } from '@/lib/search-pattern';
import { publishedCycles, visibleReportsSql } from '@/lib/summaries/publication';

/** Every workflow state in one file. */
export const ALL_STATES = 'ALL';

export type StatusReportExportFilters = {
  cycle?: string;
  /** Member States only, or the other entities only (as a summary's entity filter). */
  kind?: 'MEMBER_STATE' | 'OTHER';
  /** One implementation status: the reports behind one number of a summary. */
  status?: ImplementationStatus;
  /** One commitment, by its id. */
  commitment?: string;
  /** A thematic area code; a chapter includes its sub-areas. */
  area?: string;
  entity?: string;
  group?: RegionalGroup;
  instrument?: string;
  state: WorkflowState | typeof ALL_STATES;
};

export type FilterDb = Pick<Db, 'summaryPublication' | 'reportingCycle' | 'reportingEntity' | 'instrument' | 'thematicArea' | '$queryRaw'>;


/**
 * What the caller may read, narrowed by the filters; null when a filter names nothing that exists
 * (the file then has no rows). Codes are turned into ids once here, so that each batch filters on
 * the report's own columns rather than joining the same look-ups again.
 */
export async function exportFilterSql(db: FilterDb, user: Actor, filters: StatusReportExportFilters): Promise<Prisma.Sql | null> {
  // Codes are compared case-insensitively, literally (an escaped ILIKE: % and _ are not wildcards).
  const byCode = (code: string) => ({ code: { equals: literalPattern(code), mode: 'insensitive' as const } });
  const [published, cycle, entity, instrument, areas] = await Promise.all([
    publishedCycles(db),
    filters.cycle ? db.reportingCycle.findFirst({ where: byCode(filters.cycle), select: { id: true } }) : undefined,
    filters.entity ? db.reportingEntity.findFirst({ where: byCode(filters.entity), select: { id: true } }) : undefined,
    filters.instrument ? db.instrument.findFirst({ where: byCode(filters.instrument), select: { id: true } }) : undefined,
    filters.area ? db.thematicArea.findMany({ where: { OR: [{ code: filters.area }, { parent: { code: filters.area } }] }, select: { id: true } }) : undefined,
  ]);
  if (cycle === null || entity === null || instrument === null || areas?.length === 0) return null;

  const { state } = filters;
  const grouped = (asAccepted: Prisma.Sql, asNow: Prisma.Sql) => groupedAs(state, asAccepted, asNow);
  const and: Prisma.Sql[] = [visibleReportsSql(user, published)];
  if (state !== ALL_STATES) and.push(Prisma.sql`r."state" = ${state}::"WorkflowState"`);
  if (cycle) and.push(Prisma.sql`r."cycleId" = ${cycle.id}`);
  if (entity) and.push(Prisma.sql`r."entityId" = ${entity.id}`);
  if (instrument) and.push(Prisma.sql`r."commitmentId" IN (SELECT "id" FROM "Commitment" WHERE "instrumentId" = ${instrument.id})`);
  if (areas) {
    const areaIds = areas.map((area) => area.id);
    and.push(grouped(
      Prisma.sql`a."thematicAreaId" = ANY(${areaIds}::text[])`,
      Prisma.sql`r."commitmentId" IN (SELECT "id" FROM "Commitment" WHERE "thematicAreaId" = ANY(${areaIds}::text[]))`,
    ));
  }
  if (filters.group) {
    and.push(grouped(
      Prisma.sql`a."regionalGroup" = ${filters.group}::"RegionalGroup"`,
      Prisma.sql`r."entityId" IN (SELECT "id" FROM "ReportingEntity" WHERE "regionalGroup" = ${filters.group}::"RegionalGroup")`,
    ));
  }
  if (filters.status) and.push(Prisma.sql`r."status" = ${filters.status}::"ImplementationStatus"`);
  if (filters.commitment) and.push(Prisma.sql`r."commitmentId" = ${filters.commitment}`);
  if (filters.kind) {
    const is = filters.kind === 'MEMBER_STATE' ? Prisma.sql`=` : Prisma.sql`<>`;
    and.push(grouped(
      Prisma.sql`a."entityKind" ${is} 'MEMBER_STATE'`,
      Prisma.sql`r."entityId" IN (SELECT "id" FROM "ReportingEntity" WHERE "kind" ${is} 'MEMBER_STATE')`,
    ));
  }
  return Prisma.join(and, ' AND ');
}

/**
 * History does not move: an accepted report is filtered by how it was grouped when it was accepted
 * (its AcceptedStatus record), as the summaries count it; a report in another state by its
 * commitment's and entity's grouping now. A file of every state decides report by report.
 */
function groupedAs(state: StatusReportExportFilters['state'], asAccepted: Prisma.Sql, asNow: Prisma.Sql): Prisma.Sql {
  if (state === 'ACCEPTED') return asAccepted;
  if (state !== ALL_STATES) return asNow;
  return Prisma.sql`(CASE WHEN r."state" = 'ACCEPTED' THEN ${asAccepted} ELSE ${asNow} END)`;
}
