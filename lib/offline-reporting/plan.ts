// What an uploaded worklist would change: each row compared with the report as it stands now.
// `planUpload` is pure (given the rows and what the database holds); `loadPlanContext` reads
// that from the database, with the application's client for a preview or inside the confirming
// transaction (after the reports are locked) for the save.
//
// A row is refused, in words, when it cannot be saved: a status that is not one, a narrative too
// long, a formula, a row of another entity or cycle, a commitment the cycle does not ask about,
// the same commitment twice, a report the person may not edit or that is no longer a draft, and
// a report saved by someone since the download (never overwritten). A row whose status and
// narrative are as downloaded was not touched, and nothing is done with it.
import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import type { CycleState, ImplementationStatus, Role, WorkflowState } from '@/lib/generated/prisma/enums';
import { displayReference } from '@/lib/catalogue/reference';
import { localized } from '@/lib/i18n/localized';
import { NARRATIVE_MAX } from '@/lib/status-reports/schemas';
import { decide } from '@/lib/status-reports/workflow';
import { contentChecksum } from './format';
import type { SheetRow } from './read-workbook';

type Client = Db | Prisma.TransactionClient;

export type UploadActor = { id: string; role: Role; entityId: string | null; seesWholeWorklist?: boolean };

/** Why a row is refused; each has a message `offline.problems.*`. */
export type ProblemCode =
  | 'missingKey' | 'otherEntity' | 'otherCycle' | 'notInCycle' | 'duplicate' | 'formula' | 'unknownStatus' | 'narrativeTooLong'
  | 'notAssigned' | 'notAllowed' | 'notEditable' | 'changedSinceDownload';

export type RowProblem = { row: number; label: string; code: ProblemCode; values: Record<string, string | number> };

export type ReportContent = { status: ImplementationStatus | null; narrative: string };

export type PlannedChange = {
  row: number;
  label: string;
  commitmentId: string;
  /** The report's version now, which is the one downloaded; 0: no report yet. */
  version: number;
  state: WorkflowState | null;
  before: ReportContent;
  after: ReportContent;
};

export type UploadPlan = { changes: PlannedChange[]; problems: RowProblem[]; unchanged: number };

export type CurrentReport = ReportContent & { version: number; state: WorkflowState; updatedBy: string | null; updatedAt: Date };

export type PlanContext = {
  actor: UploadActor;
  /** The entity the person reports for: every row must be its own. */
  entity: { id: string; code: string; name: string };
  cycle: { id: string; code: string; state: CycleState; opensAt: Date; closesAt: Date };
  now: Date;
  /** The commitments of the rows that the cycle asks about, with how to name them. */
  commitments: ReadonlyMap<string, { label: string }>;
  reports: ReadonlyMap<string, CurrentReport>;
  assignees: ReadonlyMap<string, string>;
  /** Names of the other entities rows mention, by code (upper case). */
  entityNames: ReadonlyMap<string, string>;
};

/** Why no row can be saved at all; each has a message `offline.refusals.*`. */
export type UploadRefusal = { code: 'noEntity' | 'noOpenCycle' | 'cycleClosed' | 'cycleNotStarted' | 'notExpected'; values: Record<string, string> };

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Compares every row with the reports as they stand; pure. */
export function planUpload(rows: readonly SheetRow[], context: PlanContext): UploadPlan {
  const { actor, entity, cycle, now } = context;
  const changes: PlannedChange[] = [];
  const problems: RowProblem[] = [];
  let unchanged = 0;

  // The same report twice: which row to believe is anybody's guess, so neither is.
  const isKeyed = (row: SheetRow) => ID.test(row.commitmentId) && row.version !== null && Boolean(row.entityCode) && Boolean(row.cycleCode);
  const isOurs = (row: SheetRow) => row.entityCode.toUpperCase() === entity.code.toUpperCase() && row.cycleCode === cycle.code;
  const rowsOf = new Map<string, number[]>();
  for (const row of rows) {
    if (isKeyed(row) && isOurs(row)) rowsOf.set(row.commitmentId, [...(rowsOf.get(row.commitmentId) ?? []), row.row]);
  }

  for (const row of rows) {
    const known = context.commitments.get(row.commitmentId);
    const label = known?.label ?? row.label;
    const refuse = (code: ProblemCode, values: Record<string, string | number> = {}) => problems.push({ row: row.row, label, code, values });

    // What the row is: every row, touched or not, must be one of this worklist's, once.
    if (!isKeyed(row)) { refuse('missingKey'); continue; }
    if (row.entityCode.toUpperCase() !== entity.code.toUpperCase()) {
      refuse('otherEntity', { entity: context.entityNames.get(row.entityCode.toUpperCase()) ?? row.entityCode, own: entity.name });
      continue;
    }
    if (row.cycleCode !== cycle.code) { refuse('otherCycle', { cycle: row.cycleCode, open: cycle.code }); continue; }
    if (!known) { refuse('notInCycle', { cycle: cycle.code }); continue; }
    const others = (rowsOf.get(row.commitmentId) ?? []).filter((other) => other !== row.row);
    if (others.length > 0) { refuse('duplicate', { rows: others.join(', ') }); continue; }

    // What it says.
    if ('formula' in row.status) { refuse('formula', { column: 'status' }); continue; }
    if ('formula' in row.narrative) { refuse('formula', { column: 'narrative' }); continue; }
    if ('unknown' in row.status) { refuse('unknownStatus', { value: row.status.unknown.slice(0, 100) }); continue; }
    const after: ReportContent = { status: row.status.value, narrative: row.narrative.text };
    if (row.checksum === contentChecksum(after.status, after.narrative)) { unchanged += 1; continue; }
    if (row.narrative.length > NARRATIVE_MAX) { refuse('narrativeTooLong', { length: row.narrative.length, max: NARRATIVE_MAX }); continue; }

    // Whether it may be saved, now.
    const report = context.reports.get(row.commitmentId) ?? null;
    const decision = decide('save', {
      actor, now, cycle,
      report: { entityId: entity.id, state: report?.state ?? null, assigneeId: context.assignees.get(row.commitmentId) ?? null },
    });
    if (!decision.ok) {
      if (decision.reason === 'not-allowed-from-state') refuse('notEditable', { state: report?.state ?? 'NONE' });
      else refuse(actor.role === 'CONTRIBUTOR' && decision.reason === 'not-allowed-for-role' ? 'notAssigned' : 'notAllowed');
      continue;
    }
    const before: ReportContent = { status: report?.status ?? null, narrative: report?.narrative ?? '' };
    if (before.status === after.status && before.narrative === after.narrative) { unchanged += 1; continue; }
    if ((report?.version ?? 0) !== row.version) {
      refuse('changedSinceDownload', {
        by: report?.updatedBy ?? '', at: report ? report.updatedAt.toISOString().slice(0, 16).replace('T', ' ') : '',
      });
      continue;
    }
    changes.push({ row: row.row, label, commitmentId: row.commitmentId, version: report?.version ?? 0, state: report?.state ?? null, before, after });
  }
  problems.sort((a, b) => a.row - b.row);
  return { changes, problems, unchanged };
}

/**
 * What a preview promised, in a few characters: the confirmation saves only if the same rows
 * would change in the same way, with the same rows refused.
 */
export function planFingerprint(plan: UploadPlan): string {
  const shape = {
    changes: plan.changes.map((change) => [change.commitmentId, change.version, change.after.status, change.after.narrative]),
    problems: plan.problems.map((problem) => [problem.row, problem.code]),
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex');
}

/**
 * Reads what `planUpload` needs for these rows. `cycleId` is the cycle of a preview being
 * confirmed (locked by the caller); without it, the open cycle.
 */
export async function loadPlanContext(
  client: Client, actor: UploadActor, rows: readonly SheetRow[], locale: string, now: Date, cycleId?: string,
): Promise<{ ok: true; context: PlanContext } | { ok: false; refusal: UploadRefusal }> {
  if (!actor.entityId) return { ok: false, refusal: { code: 'noEntity', values: {} } };
  const entity = await client.reportingEntity.findUnique({ where: { id: actor.entityId }, select: { id: true, code: true, name: true } });
  if (!entity) return { ok: false, refusal: { code: 'noEntity', values: {} } };
  const cycleSelect = { id: true, code: true, name: true, state: true, opensAt: true, closesAt: true } as const;
  const cycle = cycleId
    ? await client.reportingCycle.findUnique({ where: { id: cycleId }, select: cycleSelect })
    : await client.reportingCycle.findFirst({ where: { state: 'OPEN' }, select: cycleSelect });
  if (!cycle) return { ok: false, refusal: { code: 'noOpenCycle', values: {} } };
  const cycleName = localized(cycle.name, locale);
  if (cycle.state !== 'OPEN') return { ok: false, refusal: { code: 'cycleClosed', values: { cycle: cycleName } } };
  if (now < cycle.opensAt) return { ok: false, refusal: { code: 'cycleNotStarted', values: { opens: cycle.opensAt.toISOString().slice(0, 10) } } };
  const entityName = localized(entity.name, locale);
  const expected = await client.cycleEntity.findUnique({ where: { cycleId_entityId: { cycleId: cycle.id, entityId: entity.id } }, select: { entityId: true } });
  if (!expected) return { ok: false, refusal: { code: 'notExpected', values: { entity: entityName, cycle: cycleName } } };

  const ids = [...new Set(rows.map((row) => row.commitmentId).filter((id) => ID.test(id)))];
  const otherCodes = [...new Set(rows.map((row) => row.entityCode.toUpperCase()).filter((code) => code && code !== entity.code.toUpperCase()))].slice(0, 500);
  const [commitments, reports, assignments, others] = await Promise.all([
    client.commitment.findMany({
      where: { id: { in: ids }, instrument: { cycles: { some: { cycleId: cycle.id } } } },
      select: { id: true, reference: true, instrument: { select: { symbol: true } } },
    }),
    client.statusReport.findMany({
      where: { entityId: entity.id, cycleId: cycle.id, commitmentId: { in: ids } },
      select: { commitmentId: true, version: true, state: true, status: true, narrative: true, updatedAt: true, updatedBy: { select: { name: true } } },
    }),
    client.assignment.findMany({ where: { cycleId: cycle.id, entityId: entity.id, commitmentId: { in: ids } }, select: { commitmentId: true, assigneeId: true } }),
    client.reportingEntity.findMany({ where: { code: { in: otherCodes } }, select: { code: true, name: true } }),
  ]);
  return {
    ok: true,
    context: {
      actor, now,
      entity: { id: entity.id, code: entity.code, name: entityName },
      cycle: { id: cycle.id, code: cycle.code, state: cycle.state, opensAt: cycle.opensAt, closesAt: cycle.closesAt },
      commitments: new Map(commitments.map((row) => [row.id, { label: `${row.instrument.symbol} ${displayReference(row.reference, locale)}` }])),
      reports: new Map(reports.map((row) => [row.commitmentId, {
        version: row.version, state: row.state, status: row.status, narrative: row.narrative, updatedAt: row.updatedAt, updatedBy: row.updatedBy?.name ?? null,
      }])),
      assignees: new Map(assignments.map((row) => [row.commitmentId, row.assigneeId])),
      entityNames: new Map(others.map((row) => [row.code.toUpperCase(), localized(row.name, locale)])),
    },
  };
}
