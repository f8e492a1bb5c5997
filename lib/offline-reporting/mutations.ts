// The two steps of an upload. Preview: read the workbook, compare it with the reports, and keep
// the rows on the server (StagedImport, kind "worklist-xlsx") so that confirming neither sends
// the file again over a slow link nor trusts a preview sent back by the browser. Confirm: in one
// transaction, lock the reports, compare again, and save the changes as drafts (never submitted),
// each with its StatusEvent and AuditEvent as a save from the report's page writes them; if
// anything differs from the preview, nothing is saved and the new preview is shown instead.
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record';
import { lockReportByKey, shareCycle, writeFields, type LockedReport } from '@/lib/status-reports/mutations';
import { NARRATIVE_MAX } from '@/lib/status-reports/schemas';
import { assigneeOf } from '@/lib/status-reports/assignment';
import { decide } from '@/lib/status-reports/workflow';
import { localized } from '@/lib/i18n/localized';
import { loadPlanContext, planFingerprint, planUpload, type UploadActor, type UploadPlan, type UploadRefusal } from './plan';
import { readWorklistWorkbook, type FileProblem, type SheetRow } from './read-workbook';

export const STAGED_KIND = 'worklist-xlsx';
const LIFETIME_MS = 24 * 60 * 60 * 1000;

type Tx = Prisma.TransactionClient;

/** What is kept between preview and confirmation. */
type StagedOptions = { entityId: string; cycleId: string; fingerprint: string; fileName: string };

export type StagedPreview = {
  stagedId: string;
  fileName: string;
  entity: { code: string; name: string };
  cycle: { code: string };
  plan: UploadPlan;
};

export type PreviewOutcome =
  | { kind: 'preview'; preview: StagedPreview }
  | { kind: 'file'; problem: FileProblem; column?: string }
  | { kind: 'refused'; refusal: UploadRefusal };

export type ConfirmOutcome =
  | { kind: 'saved'; saved: number; refused: number; entityCode: string }
  | { kind: 'stale'; preview: StagedPreview }
  | { kind: 'expired' }
  | { kind: 'refused'; refusal: UploadRefusal };

/** What is kept of a row: a narrative too long to save is kept only as long as it must be to say so. */
function keptRow(row: SheetRow): SheetRow {
  if ('text' in row.narrative && row.narrative.text.length > NARRATIVE_MAX + 1) {
    return { ...row, narrative: { text: row.narrative.text.slice(0, NARRATIVE_MAX + 1), length: row.narrative.length } };
  }
  return row;
}

/** Reads the upload, plans it against the database, and keeps it for the confirmation. */
export async function previewWorklistUpload(db: Db, actor: UploadActor, file: { name: string; bytes: Uint8Array }, locale: string, now = new Date()): Promise<PreviewOutcome> {
  const read = await readWorklistWorkbook(file.bytes);
  if (!read.ok) return { kind: 'file', problem: read.problem, column: read.column };
  const rows = read.rows.map(keptRow);
  const loaded = await loadPlanContext(db, actor, rows, locale, now);
  if (!loaded.ok) return { kind: 'refused', refusal: loaded.refusal };
  const { context } = loaded;
  const plan = planUpload(rows, context);
  const fileName = file.name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'worklist.xlsx';
  const options: StagedOptions = { entityId: context.entity.id, cycleId: context.cycle.id, fingerprint: planFingerprint(plan), fileName };
  const text = JSON.stringify(rows);
  const stagedId = await db.$transaction(async (tx) => {
    await tx.stagedImport.deleteMany({ where: { kind: STAGED_KIND, createdAt: { lt: new Date(Date.now() - LIFETIME_MS) } } });
    const staged = await tx.stagedImport.create({
      data: {
        kind: STAGED_KIND, createdById: actor.id, target: context.entity.code, language: locale, sourceName: fileName, text,
        checksum: createHash('sha256').update(text).digest('hex'), options,
      },
      select: { id: true },
    });
    return staged.id;
  });
  return { kind: 'preview', preview: { stagedId, fileName, entity: { code: context.entity.code, name: context.entity.name }, cycle: { code: context.cycle.code }, plan } };
}

/** Thrown inside the transaction to roll it back when the rows no longer plan as previewed. */
class StalePlan extends Error {
  constructor(readonly plan: UploadPlan | null) {
    super('The upload no longer plans as previewed');
  }
}

class Expired extends Error {
  constructor() {
    super('The preview has expired or was already confirmed');
  }
}

class Refused extends Error {
  constructor(readonly refusal: UploadRefusal) {
    super(`Upload refused: ${refusal.code}`);
  }
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * Saves what the preview showed, as drafts, in one transaction; or nothing at all. A preview is
 * its uploader's, used once (a second confirmation finds it gone), and forgotten after a day.
 */
export async function confirmWorklistUpload(db: Db, actor: UploadActor, stagedId: string, locale: string, now = new Date()): Promise<ConfirmOutcome> {
  const fresh = { id: stagedId, kind: STAGED_KIND, createdById: actor.id, createdAt: { gte: new Date(Date.now() - LIFETIME_MS) } };
  const staged = await db.stagedImport.findFirst({ where: fresh, select: { id: true, text: true, options: true, target: true } });
  if (!staged) return { kind: 'expired' };
  const options = staged.options as StagedOptions;
  const rows = JSON.parse(staged.text) as SheetRow[];
  // The person's entity may have changed since the preview (an administrator moved them).
  if (options.entityId !== actor.entityId) return { kind: 'expired' };

  try {
    const saved = await db.$transaction(async (tx) => {
      // Claimed first: two confirmations of one preview cannot both save it.
      const claimed = await tx.stagedImport.deleteMany({ where: fresh });
      if (claimed.count === 0) throw new Expired();
      const cycle = await shareCycle(tx, options.cycleId);
      if (!cycle) throw new Refused({ code: 'noOpenCycle', values: {} });

      // The reports this upload would change, locked in one order (two uploads never deadlock).
      const previewed = await loadAndPlan(tx, actor, rows, locale, now, options.cycleId);
      const locked = new Map<string, LockedReport>();
      for (const change of [...previewed.changes].sort((a, b) => a.commitmentId.localeCompare(b.commitmentId))) {
        const report = await lockReportByKey(tx, { cycleId: options.cycleId, entityId: options.entityId, commitmentId: change.commitmentId });
        if (report) locked.set(change.commitmentId, report);
      }
      // Compared again now that nothing can change under us.
      const plan = await loadAndPlan(tx, actor, rows, locale, now, options.cycleId);
      if (planFingerprint(plan) !== options.fingerprint) throw new StalePlan(plan);

      // Written in the same order as locked: two uploads creating the same reports wait, never deadlock.
      for (const change of [...plan.changes].sort((a, b) => a.commitmentId.localeCompare(b.commitmentId))) {
        const key = { cycleId: options.cycleId, entityId: options.entityId, commitmentId: change.commitmentId };
        let report = locked.get(change.commitmentId) ?? null;
        let created = false;
        if (!report) {
          // Someone else's first save of the same report in between: the row is taken, nothing is saved.
          const { count } = await tx.statusReport.createMany({ data: [{ ...key, narrative: '' }], skipDuplicates: true });
          report = await lockReportByKey(tx, key);
          if (count === 0 || !report) throw new StalePlan(null);
          created = true;
        }
        if (report.version !== (created ? 1 : change.version)) throw new StalePlan(null);
        const assigneeId = await assigneeOf(tx, key);
        const decision = decide('save', { actor, now, cycle, report: { entityId: key.entityId, state: created ? null : report.state, assigneeId } });
        if (!decision.ok) throw new StalePlan(null);
        await writeFields(tx, actor, report, { ...change.after, asOf: day(report.asOf) }, decision, 'save', now, created);
      }
      // The upload itself, beside each report's own audit row (when it saved anything at all).
      if (plan.changes.length > 0) await recordAudit(tx, {
        actorId: actor.id, action: 'status-report.upload', entityType: 'ReportingEntity', entityId: options.entityId,
        after: { fileName: options.fileName, cycleId: options.cycleId, saved: plan.changes.length, refusedRows: plan.problems.map((problem) => problem.row) },
      });
      return { saved: plan.changes.length, refused: plan.problems.length };
    }, { maxWait: 10_000, timeout: 120_000 });
    return { kind: 'saved', ...saved, entityCode: staged.target };
  } catch (error) {
    if (error instanceof Refused) return { kind: 'refused', refusal: error.refusal };
    if (error instanceof Expired) return { kind: 'expired' };
    if (!(error instanceof StalePlan)) throw error;
    // Nothing was saved. The rows are kept with what they would do now, for the person to check.
    let plan = error.plan;
    if (!plan) {
      const loaded = await loadPlanContext(db, actor, rows, locale, now, options.cycleId);
      if (!loaded.ok) return { kind: 'refused', refusal: loaded.refusal };
      plan = planUpload(rows, loaded.context);
    }
    const restaged = await db.stagedImport.upsert({
      where: { id: staged.id },
      create: {
        id: staged.id, kind: STAGED_KIND, createdById: actor.id, target: staged.target, language: locale, sourceName: options.fileName,
        text: staged.text, checksum: createHash('sha256').update(staged.text).digest('hex'), options: { ...options, fingerprint: planFingerprint(plan) },
      },
      update: { options: { ...options, fingerprint: planFingerprint(plan) } },
      select: { id: true },
    });
    const entity = await db.reportingEntity.findUniqueOrThrow({ where: { id: options.entityId }, select: { code: true, name: true } });
    const cycle = await db.reportingCycle.findUniqueOrThrow({ where: { id: options.cycleId }, select: { code: true } });
    return {
      kind: 'stale',
      preview: { stagedId: restaged.id, fileName: options.fileName, entity: { code: entity.code, name: localized(entity.name, locale) }, cycle, plan },
    };
  }
}

async function loadAndPlan(tx: Tx, actor: UploadActor, rows: SheetRow[], locale: string, now: Date, cycleId: string): Promise<UploadPlan> {
  const loaded = await loadPlanContext(tx, actor, rows, locale, now, cycleId);
  if (!loaded.ok) throw new Refused(loaded.refusal);
  return planUpload(rows, loaded.context);
}
