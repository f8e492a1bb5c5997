// What the worklist workbook holds, read for the person downloading it: the open cycle's
// commitments for one entity, each with its report as it stands, and only the rows the person
// may read (a contributor: their assignments, unless the whole worklist is shared with them).
// Another entity's worklist, or an unknown one, is "not found".
import 'server-only';
import type { Db } from '@/lib/db/client';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized } from '@/lib/i18n/localized';
import { pickCommitmentText } from '@/lib/catalogue/commitment-text';
import { displayReference } from '@/lib/catalogue/reference';
import { literalPattern } from '@/lib/search-pattern';
import { decide } from '@/lib/status-reports/workflow';
import type { ImplementationStatus, WorkflowState } from '@/lib/generated/prisma/enums';

export type WorkbookRow = {
  commitmentId: string;
  instrument: string;
  reference: string;
  text: { text: string; locale: string } | null;
  area: string;
  state: WorkflowState | 'NOT_REPORTED';
  status: ImplementationStatus | null;
  narrative: string;
  /** The report's version as downloaded; 0 when there was none. */
  version: number;
  /** Whether this person may save it now (a draft or returned report they may edit). */
  editable: boolean;
};

export type WorkbookData = {
  entity: { code: string; name: string };
  cycle: { code: string; name: string };
  downloadedBy: string;
  rows: WorkbookRow[];
};

export type WorkbookLookup =
  | { ok: true; data: WorkbookData }
  | { ok: false; reason: 'not-found' | 'no-open-cycle' | 'not-expected'; entityName?: string };

/** The worklist of `entityCode` in the open cycle, as a workbook shows it, for `user`. */
export async function getWorkbookData(db: Db, user: SessionUser, entityCode: string, locale: string, now = new Date()): Promise<WorkbookLookup> {
  const entity = await db.reportingEntity.findFirst({
    where: { code: { equals: literalPattern(entityCode), mode: 'insensitive' } },
    select: { id: true, code: true, name: true },
  });
  if (!entity || !can(user, 'worklist.read', { entityId: entity.id })) return { ok: false, reason: 'not-found' };
  const entityName = localized(entity.name, locale);
  const cycle = await db.reportingCycle.findFirst({ where: { state: 'OPEN' }, select: { id: true, code: true, name: true, state: true, opensAt: true, closesAt: true } });
  if (!cycle) return { ok: false, reason: 'no-open-cycle', entityName };
  const expected = await db.cycleEntity.findUnique({ where: { cycleId_entityId: { cycleId: cycle.id, entityId: entity.id } }, select: { entityId: true } });
  if (!expected) return { ok: false, reason: 'not-expected', entityName };

  const [commitments, reports, assignments] = await Promise.all([
    db.commitment.findMany({
      where: { instrument: { cycles: { some: { cycleId: cycle.id } } } },
      orderBy: [{ instrument: { order: 'asc' } }, { order: 'asc' }],
      select: {
        id: true, reference: true,
        instrument: { select: { symbol: true } },
        thematicArea: { select: { code: true, title: true } },
        texts: { select: { locale: true, text: true, importedAt: true } },
      },
    }),
    db.statusReport.findMany({
      where: { entityId: entity.id, cycleId: cycle.id },
      select: { commitmentId: true, state: true, status: true, narrative: true, version: true },
    }),
    db.assignment.findMany({ where: { cycleId: cycle.id, entityId: entity.id }, select: { commitmentId: true, assigneeId: true } }),
  ]);
  const reportOf = new Map(reports.map((report) => [report.commitmentId, report]));
  const assigneeOf = new Map(assignments.map((row) => [row.commitmentId, row.assigneeId]));

  const rows: WorkbookRow[] = [];
  for (const commitment of commitments) {
    const resource = { entityId: entity.id, assigneeId: assigneeOf.get(commitment.id) ?? null };
    if (!can(user, 'status-report.read', resource)) continue;
    const report = reportOf.get(commitment.id);
    const text = pickCommitmentText(commitment.texts, locale);
    rows.push({
      commitmentId: commitment.id,
      instrument: commitment.instrument.symbol,
      reference: displayReference(commitment.reference, locale),
      text: text && { text: text.text, locale: text.locale },
      area: `${commitment.thematicArea.code} ${localized(commitment.thematicArea.title, locale)}`,
      state: report?.state ?? 'NOT_REPORTED',
      status: report?.status ?? null,
      narrative: report?.narrative ?? '',
      version: report?.version ?? 0,
      editable: decide('save', { actor: user, report: { ...resource, state: report?.state ?? null }, cycle, now }).ok,
    });
  }
  return {
    ok: true,
    data: { entity: { code: entity.code, name: entityName }, cycle: { code: cycle.code, name: localized(cycle.name, locale) }, downloadedBy: user.name, rows },
  };
}

/**
 * Whether the person may upload a filled-in worklist: someone who edits reports of their own
 * entity (a focal point, or a contributor for what is assigned to them). Each row is checked
 * again on its own (plan.ts).
 */
export function mayUploadWorklist(user: Pick<SessionUser, 'id' | 'role' | 'entityId' | 'seesWholeWorklist'>): boolean {
  return Boolean(user.entityId) && can(user, 'status-report.edit', { entityId: user.entityId, assigneeId: user.id });
}
