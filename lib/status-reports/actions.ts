'use server';

// Thin server actions for status reports. Each authorizes on the resource as stored (its
// entity, loaded from the database), and the mutation checks again inside its transaction.
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { formAction } from '@/lib/action-state';
import { requestOutboxDelivery } from '@/lib/jobs/queue';
import { DomainError } from '@/lib/errors';
import { localized } from '@/lib/i18n/localized';
import { displayReference } from '@/lib/catalogue/reference';
import { acceptStatusReports, markStatusReportReady, reviewStatusReport, saveStatusReport, withdrawStatusReport } from './mutations';
import { reportResource, type ReportKey } from './assignment';
import { linkReportFile, linkReportParagraph, linkReportUrl, removeReportEvidence } from './evidence-mutations';
import { searchParagraphsForReport } from './queries';
import {
  acceptManySchema, linkReportFileSchema, linkReportParagraphSchema, linkReportUrlSchema, removeReportEvidenceSchema,
  markReadySchema, reviewReportSchema, saveReportSchema, searchParagraphsSchema, withdrawReportSchema,
} from './schemas';

/**
 * The stored report's entity and assignee decide; an unknown or foreign report is "not found",
 * never "forbidden".
 */
async function mayOnReport(user: SessionUser, reportId: string, permission: ReportPermission) {
  const report = await db.statusReport.findUnique({ where: { id: reportId }, select: { entityId: true, cycleId: true, commitmentId: true } });
  return mayOnKey(user, report, permission);
}

async function mayOnKey(user: SessionUser, key: ReportKey | null, permission: ReportPermission) {
  const resource = key && (await reportResource(db, key));
  if (!resource || !can(user, 'status-report.read', resource)) throw new DomainError('statusReports.notFound');
  return can(user, permission, resource);
}

type ReportPermission = 'status-report.submit' | 'status-report.edit' | 'status-report.mark-ready' | 'status-report.review' | 'status-report.read';

/** After a change commits: pages show it, and the e-mails it wrote go out. */
async function refresh() {
  revalidatePath('/', 'layout');
  await requestOutboxDelivery();
}

export const saveStatusReportAction = formAction(
  saveReportSchema,
  async (user, input) => {
    const entity = await db.reportingEntity.findUnique({ where: { id: input.entityId }, select: { id: true } });
    const key = entity && { entityId: entity.id, cycleId: input.cycleId, commitmentId: input.commitmentId };
    return mayOnKey(user, key, input.intent === 'submit' ? 'status-report.submit' : 'status-report.edit');
  },
  async (input, user) => {
    const result = await saveStatusReport(db, user, input);
    await refresh();
    return result;
  },
);

export const withdrawStatusReportAction = formAction(
  withdrawReportSchema,
  (user, input) => mayOnReport(user, input.reportId, 'status-report.submit'),
  async (input, user) => {
    const result = await withdrawStatusReport(db, user, input);
    await refresh();
    return result;
  },
);

export const markStatusReportReadyAction = formAction(
  markReadySchema,
  (user, input) => mayOnReport(user, input.reportId, 'status-report.mark-ready'),
  async (input, user) => {
    const result = await markStatusReportReady(db, user, input);
    await refresh();
    return result;
  },
);

export const reviewStatusReportAction = formAction(
  reviewReportSchema,
  (user, input) => mayOnReport(user, input.reportId, 'status-report.review'),
  async (input, user) => {
    const result = await reviewStatusReport(db, user, input);
    await refresh();
    return result;
  },
);

export const acceptStatusReportsAction = formAction(
  acceptManySchema,
  (user) => can(user, 'status-report.review'),
  async (input, user) => {
    const { accepted, skipped } = await acceptStatusReports(db, user, input.reports);
    await refresh();
    const t = await getTranslations('errors');
    // Named as people know them: a skipped row is usually gone from the refreshed queue.
    const names = await db.statusReport.findMany({
      where: { id: { in: skipped.map((skip) => skip.reportId) } },
      select: { id: true, entity: { select: { name: true } }, commitment: { select: { reference: true } } },
    });
    const locale = await getLocale();
    const nameOf = (id: string) => {
      const row = names.find((candidate) => candidate.id === id);
      return row ? `${localized(row.entity.name, locale)} ${displayReference(row.commitment.reference, locale)}` : id;
    };
    return { accepted, skipped: skipped.map(({ reportId, error }) => ({ reportId, report: nameOf(reportId), reason: t(error.key, error.values) })) };
  },
);

export const linkReportParagraphAction = formAction(
  linkReportParagraphSchema,
  (user, input) => mayOnReport(user, input.reportId, 'status-report.edit'),
  async (input, user) => {
    const link = await linkReportParagraph(db, user, input);
    await refresh();
    return { id: link.id };
  },
);

export const linkReportUrlAction = formAction(
  linkReportUrlSchema,
  (user, input) => mayOnReport(user, input.reportId, 'status-report.edit'),
  async (input, user) => {
    const link = await linkReportUrl(db, user, input);
    await refresh();
    return { id: link.id };
  },
);

export const linkReportFileAction = formAction(
  linkReportFileSchema,
  (user, input) => mayOnReport(user, input.reportId, 'status-report.edit'),
  async (input, user) => {
    const link = await linkReportFile(db, user, {
      reportId: input.reportId, fileName: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()), note: input.note,
    });
    await refresh();
    return { id: link.id };
  },
);

export const removeReportEvidenceAction = formAction(
  removeReportEvidenceSchema,
  (user, input) => mayOnReport(user, input.reportId, 'status-report.edit'),
  async (input, user) => {
    const result = await removeReportEvidence(db, user, input);
    await refresh();
    return result;
  },
);

/** A read, as an action so the report form keeps its unsaved text while the focal point searches. */
export const searchReportParagraphsAction = formAction(
  searchParagraphsSchema,
  (user, input) => mayOnReport(user, input.reportId, 'status-report.edit'),
  async (input) => searchParagraphsForReport(input.q, await getLocale()),
);
