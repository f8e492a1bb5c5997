// Evidence of one status report: paragraphs of imported documents, web pages and files that the
// focal point attaches to support the status claimed. It is part of the report the secretariat
// reviews, so it changes only while the report may be saved (draft or returned, open cycle),
// and only by those who may save it. Changing evidence does not change the report's version:
// a focal point editing the narrative in another tab must not get a conflict from it.
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CycleState, WorkflowState } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import { saveFile } from '@/lib/evidence/file-storage';
import { deleteLink, webLink } from '@/lib/evidence/mutations';
import { decide } from './workflow';
import { assigneeOf } from './assignment';
import type { ReportActor } from './mutations';

type Tx = Prisma.TransactionClient;

/** Locks the report and checks that the actor may change its evidence now. */
async function lockEditableReport(tx: Tx, actor: ReportActor, reportId: string, now: Date) {
  // The enums come back as text (::text below), spelt as Prisma's enums are.
  const rows = await tx.$queryRaw<{ id: string; entityId: string; commitmentId: string; cycleId: string; state: WorkflowState; cycleState: CycleState; opensAt: Date; closesAt: Date }[]>`
    SELECT r."id", r."entityId", r."commitmentId", r."cycleId", r."state"::text AS "state", c."state"::text AS "cycleState", c."opensAt", c."closesAt"
    FROM "StatusReport" r JOIN "ReportingCycle" c ON c."id" = r."cycleId"
    WHERE r."id" = ${reportId} FOR UPDATE OF r FOR SHARE OF c`;
  const report = rows[0];
  const assigneeId = report ? await assigneeOf(tx, report) : null;
  if (!report || !can(actor, 'status-report.read', { entityId: report.entityId, assigneeId })) throw new DomainError('statusReports.notFound');
  const decision = decide('save', {
    actor, now,
    report: { entityId: report.entityId, state: report.state, assigneeId },
    cycle: { state: report.cycleState, opensAt: report.opensAt, closesAt: report.closesAt },
  });
  if (!decision.ok) throw new DomainError(decision.reason === 'not-allowed-for-role' ? 'statusReports.refused.role' : 'statusReports.evidenceLocked');
  return report;
}

async function audit(tx: Tx, actor: ReportActor, action: string, linkId: string, after: Prisma.InputJsonObject) {
  await recordAudit(tx, { actorId: actor.id, action, entityType: 'EvidenceLink', entityId: linkId, after });
}

export async function linkReportParagraph(db: Db, actor: ReportActor, input: { reportId: string; paragraphId: string; note: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const report = await lockEditableReport(tx, actor, input.reportId, now);
    const paragraph = await tx.paragraph.findUnique({
      where: { id: input.paragraphId }, select: { id: true, number: true, document: { select: { symbol: true, language: true } } },
    });
    if (!paragraph) throw new DomainError('statusReports.unknownParagraph');
    const existing = await tx.evidenceLink.count({ where: { statusReportId: report.id, paragraphId: paragraph.id } });
    if (existing > 0) throw new DomainError('evidence.alreadyLinked');
    const link = await tx.evidenceLink.create({
      data: { commitmentId: report.commitmentId, statusReportId: report.id, kind: 'PARAGRAPH', paragraphId: paragraph.id, note: input.note, createdById: actor.id },
      select: { id: true },
    });
    await audit(tx, actor, 'status-report.evidence.link', link.id, {
      statusReportId: report.id, kind: 'PARAGRAPH', symbol: paragraph.document.symbol, language: paragraph.document.language, number: paragraph.number, note: input.note,
    });
    return link;
  });
}

export async function linkReportUrl(db: Db, actor: ReportActor, input: { reportId: string; url: string; title: string; note: string }, now = new Date()) {
  const { url, title } = webLink(input);
  return db.$transaction(async (tx) => {
    const report = await lockEditableReport(tx, actor, input.reportId, now);
    if ((await tx.evidenceLink.count({ where: { statusReportId: report.id, kind: 'URL', url } })) > 0) throw new DomainError('evidence.alreadyLinked');
    const link = await tx.evidenceLink.create({
      data: { commitmentId: report.commitmentId, statusReportId: report.id, kind: 'URL', url, title, note: input.note, createdById: actor.id },
      select: { id: true },
    });
    await audit(tx, actor, 'status-report.evidence.link', link.id, { statusReportId: report.id, kind: 'URL', url, title, note: input.note });
    return link;
  });
}

export async function linkReportFile(db: Db, actor: ReportActor, input: { reportId: string; fileName: string; bytes: Uint8Array; note: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const report = await lockEditableReport(tx, actor, input.reportId, now);
    const file = await saveFile(tx, { name: input.fileName, bytes: input.bytes, uploadedById: actor.id });
    const link = await tx.evidenceLink.create({
      data: { commitmentId: report.commitmentId, statusReportId: report.id, kind: 'FILE', fileId: file.id, title: file.fileName, note: input.note, createdById: actor.id },
      select: { id: true },
    });
    await audit(tx, actor, 'status-report.evidence.link', link.id, {
      statusReportId: report.id, kind: 'FILE', fileId: file.id, fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256, note: input.note,
    });
    return link;
  }, { timeout: 30_000 });
}

export async function removeReportEvidence(db: Db, actor: ReportActor, input: { reportId: string; evidenceId: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const report = await lockEditableReport(tx, actor, input.reportId, now);
    const link = await tx.evidenceLink.findFirst({
      where: { id: input.evidenceId, statusReportId: report.id },
      select: { id: true, kind: true, paragraphId: true, url: true, title: true, fileId: true, note: true },
    });
    if (!link) throw new DomainError('evidence.unknown');
    const fileRemoved = await deleteLink(tx, link);
    await recordAudit(tx, {
      actorId: actor.id, action: 'status-report.evidence.remove', entityType: 'EvidenceLink', entityId: link.id,
      before: { statusReportId: report.id, ...link }, after: { fileRemoved },
    });
    return { removed: true };
  });
}
