// Writing status reports: save, submit, mark ready (a contributor's hand-over), withdraw, return, accept. Each write, in one transaction:
// locks the report (and shares the cycle's lock, so closing a cycle waits for writes under way),
// checks that the actor may see the report at all (a foreign or unknown report is "not found"),
// asks the pure guard (role, cycle, state), checks the version the form was loaded at, then
// writes the change, its StatusEvent and its AuditEvent together.
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CycleState, ImplementationStatus, Role, WorkflowState } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import { decide, type Refusal, type Transition } from './workflow';
import type { SaveReportInput } from './schemas';
import { assigneeOf, type ReportKey } from './assignment';
import { announceReady, announceReview } from './report-announcements';
import { log } from '@/lib/log';

type Tx = Prisma.TransactionClient;

export type ReportActor = { id: string; role: Role; entityId: string | null; seesWholeWorklist?: boolean };

export type ReportFields = { status: ImplementationStatus | null; narrative: string; asOf: string | null };

/** The report as a conflict shows it: what the other person saved. */
export type ReportVersion = ReportFields & { version: number; state: WorkflowState; updatedBy: string | null; updatedAt: string };

export type LockedReport = {
  id: string; entityId: string; commitmentId: string; cycleId: string; state: WorkflowState; version: number;
  status: ImplementationStatus | null; narrative: string; asOf: Date | null; submittedById: string | null;
  updatedById: string | null; updatedByEmail: string | null; updatedAt: Date;
};

export type LockedCycle = { id: string; state: CycleState; opensAt: Date; closesAt: Date };

/** Locks one report row (and reads who last saved it), found by `where`. */
async function lockReport(tx: Tx, where: Prisma.Sql): Promise<LockedReport | null> {
  const rows = await tx.$queryRaw<LockedReport[]>`
    SELECT r."id", r."entityId", r."commitmentId", r."cycleId", r."state"::text AS "state", r."version", r."status"::text AS "status",
      r."narrative", r."asOf", r."submittedById", r."updatedById", u."email" AS "updatedByEmail", r."updatedAt"
    FROM "StatusReport" r LEFT JOIN "User" u ON u."id" = r."updatedById"
    WHERE ${where} FOR UPDATE OF r`;
  return rows[0] ?? null;
}

const lockReportById = (tx: Tx, reportId: string) => lockReport(tx, Prisma.sql`r."id" = ${reportId}`);

export const lockReportByKey = (tx: Tx, key: ReportKey) =>
  lockReport(tx, Prisma.sql`r."entityId" = ${key.entityId} AND r."commitmentId" = ${key.commitmentId} AND r."cycleId" = ${key.cycleId}`);

/** Shares the cycle's row lock: a cycle cannot close while a write to one of its reports runs. */
export async function shareCycle(tx: Tx, cycleId: string): Promise<LockedCycle | null> {
  const rows = await tx.$queryRaw<LockedCycle[]>`
    SELECT "id", "state"::text AS "state", "opensAt", "closesAt" FROM "ReportingCycle" WHERE "id" = ${cycleId} FOR SHARE`;
  return rows[0] ?? null;
}

/**
 * A report the actor may not read is answered exactly like one that does not exist. A
 * contributor reads only what is assigned to them (or the whole worklist, when shared).
 */
function assertVisible(actor: ReportActor, entityId: string | undefined, assigneeId: string | null): asserts entityId is string {
  if (!entityId || !can(actor, 'status-report.read', { entityId, assigneeId })) throw new DomainError('statusReports.notFound');
}

function assertAllowed(
  action: Transition, actor: ReportActor, report: { entityId: string; state: WorkflowState | null; assigneeId: string | null }, cycle: LockedCycle, now: Date,
) {
  const result = decide(action, { actor, report, cycle, now });
  if (!result.ok) throw refusal(action, result.reason, report.state, cycle);
  return result;
}

function refusal(action: Transition, reason: Refusal, state: WorkflowState | null, cycle: LockedCycle): DomainError {
  switch (reason) {
    case 'not-allowed-for-role': return new DomainError('statusReports.refused.role');
    case 'cycle-not-open': return new DomainError('statusReports.refused.cycleNotOpen', { state: cycle.state });
    case 'cycle-not-started': return new DomainError('statusReports.refused.cycleNotStarted', { opens: cycle.opensAt.toISOString().slice(0, 10) });
    case 'not-allowed-from-state': return new DomainError(`statusReports.refused.fromState.${action}`, { state: state ?? 'NONE' });
  }
}

function versionOf(report: LockedReport): ReportVersion {
  return {
    version: report.version, state: report.state, status: report.status, narrative: report.narrative,
    asOf: report.asOf ? report.asOf.toISOString().slice(0, 10) : null,
    updatedBy: report.updatedByEmail, updatedAt: report.updatedAt.toISOString(),
  };
}

function conflict(report: LockedReport): DomainError {
  return new DomainError('statusReports.conflict', {}, { conflict: versionOf(report) });
}

const sameFields = (report: LockedReport, fields: ReportFields) => {
  const stored = versionOf(report);
  return stored.status === fields.status && stored.narrative === fields.narrative && stored.asOf === fields.asOf;
};

function snapshotOf(fields: ReportFields & { state: WorkflowState; version: number }, extra: Record<string, Prisma.InputJsonValue> = {}): Prisma.InputJsonObject {
  return { status: fields.status, narrative: fields.narrative, asOf: fields.asOf, state: fields.state, version: fields.version, ...extra };
}

export type { ReportKey };

export type WriteResult = { id: string; version: number; state: WorkflowState; late?: boolean; repeated?: boolean };

/**
 * Saves the form, as a draft or as a submission. `version` is the one the form was loaded at
 * (0: the report did not exist); a newer one in the database is a conflict, answered with what
 * the other person saved. The same person sending the same thing twice (a double click) is
 * one write, and both answers say it worked.
 */
export async function saveStatusReport(db: Db, actor: ReportActor, input: SaveReportInput, now = new Date()): Promise<WriteResult> {
  const fields: ReportFields = { status: input.status, narrative: input.narrative, asOf: input.asOf };
  const key: ReportKey = { cycleId: input.cycleId, entityId: input.entityId, commitmentId: input.commitmentId };
  if (input.intent === 'submit' && !fields.status) throw new DomainError('statusReports.statusRequired');

  return db.$transaction(async (tx) => {
    const assigneeId = await assigneeOf(tx, key);
    assertVisible(actor, key.entityId, assigneeId);
    const cycle = await shareCycle(tx, key.cycleId);
    if (!cycle) throw new DomainError('statusReports.notFound');
    await assertInScope(tx, key);
    let report = await lockReportByKey(tx, key);

    if (!report) {
      const decision = assertAllowed(input.intent, actor, { entityId: key.entityId, state: null, assigneeId }, cycle, now);
      if (input.version !== 0) throw new DomainError('statusReports.notFound');
      // Two first saves at once: the second finds the row taken and is a conflict.
      const { count } = await tx.statusReport.createMany({ data: [{ ...key, narrative: '' }], skipDuplicates: true });
      report = await lockReportByKey(tx, key);
      if (count === 0 || !report) {
        if (report && repeatedBy(report, actor, fields, input.version, decision.state)) return repeated(report);
        throw report ? conflict(report) : new DomainError('statusReports.notFound');
      }
      return writeFields(tx, actor, report, fields, decision, input.intent, now, true);
    }

    if (report.version !== input.version) {
      if (repeatedBy(report, actor, fields, input.version, input.intent === 'submit' ? 'SUBMITTED' : report.state)) return repeated(report);
      // Whoever may not write gets the refusal, not the other person's text.
      assertAllowed(input.intent, actor, { ...report, assigneeId }, cycle, now);
      throw conflict(report);
    }
    const decision = assertAllowed(input.intent, actor, { ...report, assigneeId }, cycle, now);
    return writeFields(tx, actor, report, fields, decision, input.intent, now);
  });
}

/** The write just before this one was the same person's, with the same fields and outcome. */
function repeatedBy(report: LockedReport, actor: ReportActor, fields: ReportFields, version: number, state: WorkflowState): boolean {
  return report.version === version + 1 && report.updatedById === actor.id && report.state === state && sameFields(report, fields);
}

function repeated(report: LockedReport): WriteResult {
  return { id: report.id, version: report.version, state: report.state, repeated: true };
}

export async function writeFields(
  tx: Tx, actor: ReportActor, report: LockedReport, fields: ReportFields,
  decision: { state: WorkflowState; event: 'SAVED' | 'SUBMITTED' | string; late: boolean }, intent: 'save' | 'submit', now: Date,
  created = false,
): Promise<WriteResult> {
  // The row just inserted (at version 1, empty) is not a version anyone saw: the first save is
  // version 1, so that a repeated first save (loaded at 0) recognises itself as 0 + 1.
  const version = created ? report.version : report.version + 1;
  const submitting = intent === 'submit';
  const { count } = await tx.statusReport.updateMany({
    where: { id: report.id, version: report.version },
    data: {
      status: fields.status, narrative: fields.narrative, asOf: fields.asOf ? new Date(`${fields.asOf}T00:00:00Z`) : null,
      state: decision.state, version, updatedById: actor.id,
      // A draft changed after it was marked ready is not ready any more; a submission is past it.
      readyAt: null, readyById: null,
      ...(submitting ? { submittedAt: now, submittedById: actor.id } : {}),
    },
  });
  if (count !== 1) throw conflict(report);
  const evidence = await evidenceSnapshot(tx, report.id);
  await tx.statusEvent.create({
    data: {
      statusReportId: report.id, type: submitting ? 'SUBMITTED' : 'SAVED', byId: actor.id, at: now,
      snapshot: snapshotOf({ ...fields, state: decision.state, version }, { evidence, ...(submitting ? { late: decision.late } : {}) }),
    },
  });
  await recordAudit(tx, {
    actorId: actor.id, action: submitting ? 'status-report.submit' : 'status-report.save', entityType: 'StatusReport', entityId: report.id,
    before: created ? undefined : snapshotOf({ ...versionOf(report), state: report.state, version: report.version }),
    after: snapshotOf({ ...fields, state: decision.state, version }),
  });
  return { id: report.id, version, state: decision.state, ...(submitting ? { late: decision.late } : {}) };
}

/**
 * The evidence of a report as it stands, for its timeline: what a submission or an acceptance
 * rested on stays readable even if a document or a link changes later.
 */
async function evidenceSnapshot(tx: Tx, reportId: string): Promise<Prisma.InputJsonArray> {
  const links = await tx.evidenceLink.findMany({
    where: { statusReportId: reportId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true, kind: true, url: true, title: true, note: true,
      paragraph: { select: { number: true, document: { select: { symbol: true, language: true } } } },
      file: { select: { fileName: true, sha256: true } },
    },
  });
  return links.map((link) => ({
    id: link.id, kind: link.kind, note: link.note,
    ...(link.paragraph ? { symbol: link.paragraph.document.symbol, language: link.paragraph.document.language, number: link.paragraph.number } : {}),
    ...(link.kind === 'URL' ? { url: link.url, title: link.title } : {}),
    ...(link.file ? { fileName: link.file.fileName, sha256: link.file.sha256 } : {}),
  }));
}

/** The commitment's instrument is one the cycle covers, and the entity is one it expects. */
async function assertInScope(tx: Tx, key: ReportKey) {
  const [commitment, entity] = await Promise.all([
    tx.commitment.findFirst({ where: { id: key.commitmentId, instrument: { cycles: { some: { cycleId: key.cycleId } } } }, select: { id: true } }),
    tx.cycleEntity.findUnique({ where: { cycleId_entityId: { cycleId: key.cycleId, entityId: key.entityId } }, select: { entityId: true } }),
  ]);
  if (!commitment || !entity) throw new DomainError('statusReports.notFound');
}

/** Takes back a submission nobody has reviewed yet; the report becomes a draft again. */
export async function withdrawStatusReport(db: Db, actor: ReportActor, input: { reportId: string; version: number }, now = new Date()): Promise<WriteResult> {
  return transitionReport(db, actor, 'withdraw', input, now, async (tx, report, decision) => {
    await tx.statusReport.update({ where: { id: report.id }, data: { state: decision.state, version: report.version + 1, updatedById: actor.id, submittedAt: null, submittedById: null } });
    return {};
  });
}

/** A contributor hands the draft to the coordinator, who is told (and alone may submit it). */
export async function markStatusReportReady(db: Db, actor: ReportActor, input: { reportId: string; version: number }, now = new Date()): Promise<WriteResult> {
  return transitionReport(db, actor, 'mark-ready', input, now, async (tx, report, decision) => {
    // Once is enough: marking it again would only tell the focal points again.
    const { readyAt } = await tx.statusReport.findUniqueOrThrow({ where: { id: report.id }, select: { readyAt: true } });
    if (readyAt) throw new DomainError('statusReports.alreadyReady');
    await tx.statusReport.update({ where: { id: report.id }, data: { state: decision.state, version: report.version + 1, readyAt: now, readyById: actor.id } });
    await announceReady(tx, report, actor.id);
    return {};
  });
}

export type ReviewInput = { reportId: string; version: number; decision: 'accept' | 'return'; comment: string };

/**
 * Accepts a submission, or returns it with a comment. An acceptance's timeline event keeps the
 * evidence it rested on; the database records what summaries group by (AcceptedStatus).
 */
export async function reviewStatusReport(db: Db, actor: ReportActor, input: ReviewInput, now = new Date()): Promise<WriteResult> {
  const comment = input.comment.trim();
  if (input.decision === 'return' && !comment) throw new DomainError('statusReports.commentRequired');
  return transitionReport(db, actor, input.decision, input, now, async (tx, report, decision): Promise<Record<string, Prisma.InputJsonValue>> => {
    // Four eyes: whoever submitted a report (a focal point since made a reviewer) never reviews it.
    if (report.submittedById === actor.id) throw new DomainError('statusReports.refused.ownSubmission');
    const reviewedAt = input.decision === 'accept' ? await acceptanceTime(tx, report.cycleId, now) : now;
    await announceReview(tx, report, input.decision, comment);
    await tx.statusReport.update({
      where: { id: report.id },
      data: {
        state: decision.state, version: report.version + 1, reviewedAt, reviewedById: actor.id,
        reviewComment: input.decision === 'return' ? comment : comment || null,
      },
    });
    // What summaries group by is written by the database itself (AcceptedStatus, a trigger).
    return input.decision === 'return' ? {} : { evidence: await evidenceSnapshot(tx, report.id) };
  }, comment || null);
}

/**
 * When an acceptance counts (its AcceptedStatus.acceptedAt is the report's reviewedAt): never at
 * or before the cycle's latest publication, which did not count it. The cycle's row lock, shared
 * here and taken by publishing, orders the two; the clock of the request (taken before it waited
 * for that lock, and the same for a whole batch) does not.
 */
async function acceptanceTime(tx: Tx, cycleId: string, now: Date): Promise<Date> {
  const rows = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT max("at") AS "at" FROM "SummaryPublication" WHERE "cycleId" = ${cycleId} AND "action" = 'PUBLISH'`;
  const published = rows[0]?.at;
  return published && now <= published ? new Date(published.getTime() + 1) : now;
}

type Transitioner = (
  tx: Tx, report: LockedReport, decision: { state: WorkflowState; event: string },
) => Promise<Record<string, Prisma.InputJsonValue>>;

/** The shared path of mark-ready, withdraw, return and accept: lock, check, change, event, audit. */
async function transitionReport(
  db: Db, actor: ReportActor, action: Exclude<Transition, 'save' | 'submit'>, input: { reportId: string; version: number },
  now: Date, change: Transitioner, comment: string | null = null,
): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const peek = await tx.statusReport.findUnique({ where: { id: input.reportId }, select: { entityId: true, cycleId: true, commitmentId: true } });
    const assigneeId = peek ? await assigneeOf(tx, peek) : null;
    assertVisible(actor, peek?.entityId, assigneeId);
    const cycle = await shareCycle(tx, peek!.cycleId);
    const report = await lockReportById(tx, input.reportId);
    if (!report || !cycle) throw new DomainError('statusReports.notFound');
    const decision = assertAllowed(action, actor, { ...report, assigneeId }, cycle, now);
    if (report.version !== input.version) throw conflict(report);
    const extra = await change(tx, report, decision);
    const version = report.version + 1;
    const after = snapshotOf({ ...versionOf(report), state: decision.state, version }, extra);
    await tx.statusEvent.create({
      data: { statusReportId: report.id, type: decision.event, byId: actor.id, at: now, comment, snapshot: after },
    });
    await recordAudit(tx, {
      actorId: actor.id, action: `status-report.${action}`, entityType: 'StatusReport', entityId: report.id,
      before: { state: report.state, version: report.version }, after: { state: decision.state, version, ...(comment ? { comment } : {}) },
    });
    return { id: report.id, version, state: decision.state };
  });
}

export type AcceptManyResult = { accepted: number; skipped: { reportId: string; error: DomainError }[] };

/**
 * Accepts several submissions, each in its own transaction at the version the reviewer saw:
 * one changed meanwhile is skipped and named, the others are accepted.
 */
export async function acceptStatusReports(db: Db, actor: ReportActor, items: { reportId: string; version: number }[], now = new Date()): Promise<AcceptManyResult> {
  if (!can(actor, 'status-report.review')) throw new DomainError('statusReports.refused.role');
  const result: AcceptManyResult = { accepted: 0, skipped: [] };
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.reportId)) continue;
    seen.add(item.reportId);
    try {
      await reviewStatusReport(db, actor, { ...item, decision: 'accept', comment: '' }, now);
      result.accepted += 1;
    } catch (error) {
      // Those accepted so far stay accepted; an unexpected failure of one is reported with it
      // (and logged) rather than hiding how far the batch went.
      if (!(error instanceof DomainError)) log.error({ err: error, reportId: item.reportId }, 'Accepting a report of a batch failed');
      result.skipped.push({ reportId: item.reportId, error: error instanceof DomainError ? error : new DomainError('statusReports.acceptFailed') });
    }
  }
  return result;
}
