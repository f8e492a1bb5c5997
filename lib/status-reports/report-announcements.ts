// Who hears of a report's review or hand-over, written in the same transaction as the change
// (lib/notifications/announce.ts): the entity's focal points, and the contributor it is assigned to.
import type { Prisma } from '@/lib/generated/prisma/client';
import { announce, focalPointsOf, recipientSelect, type Recipient } from '@/lib/notifications/announce';
import { displayReference } from '@/lib/catalogue/reference';
import { locales } from '@/lib/i18n/routing';
import { reportPath } from './paths';
import type { ReportKey } from './assignment';

type Tx = Prisma.TransactionClient;

/** The names a message about the report uses, in every language. */
async function reportNames(tx: Tx, key: ReportKey) {
  const [entity, cycle, commitment, assignment] = await Promise.all([
    tx.reportingEntity.findUniqueOrThrow({ where: { id: key.entityId }, select: { code: true, name: true } }),
    tx.reportingCycle.findUniqueOrThrow({ where: { id: key.cycleId }, select: { code: true, name: true } }),
    tx.commitment.findUniqueOrThrow({ where: { id: key.commitmentId }, select: { reference: true, instrument: { select: { symbol: true } } } }),
    tx.assignment.findUnique({
      where: { cycleId_entityId_commitmentId: { cycleId: key.cycleId, entityId: key.entityId, commitmentId: key.commitmentId } },
      select: { assignee: { select: { ...recipientSelect, disabled: true } } },
    }),
  ]);
  const reference = Object.fromEntries(locales.map((locale) => [locale, `${commitment.instrument.symbol} ${displayReference(commitment.reference, locale)}`]));
  const assignee: Recipient[] = assignment && !assignment.assignee.disabled
    ? [{ id: assignment.assignee.id, email: assignment.assignee.email, name: assignment.assignee.name, locale: assignment.assignee.locale }]
    : [];
  return {
    data: { entity: entity.name as Record<string, string>, cycle: cycle.name as Record<string, string>, reference },
    href: reportPath(cycle.code, entity.code, key.commitmentId),
    assignee,
  };
}

/** A return tells why, on the report; acceptances of an entity's reports in a cycle add up in one message. */
export async function announceReview(tx: Tx, report: ReportKey, decision: 'accept' | 'return', comment: string): Promise<void> {
  const [names, focalPoints] = await Promise.all([reportNames(tx, report), focalPointsOf(tx, report.entityId)]);
  const recipients = [...focalPoints, ...names.assignee];
  if (decision === 'return') {
    await announce(tx, recipients, { type: 'REPORT_RETURNED', data: { ...names.data, comment }, href: names.href });
    return;
  }
  await announce(tx, recipients, {
    type: 'REPORT_ACCEPTED', data: { entity: names.data.entity, cycle: names.data.cycle, count: 1 },
    href: '/worklist?state=ACCEPTED', group: `accepted:${report.cycleId}:${report.entityId}`,
  });
}

/** The coordinators hear that a contributor's draft is ready for them to submit. */
export async function announceReady(tx: Tx, report: ReportKey, byId: string): Promise<void> {
  const [names, focalPoints, by] = await Promise.all([
    reportNames(tx, report), focalPointsOf(tx, report.entityId), tx.user.findUniqueOrThrow({ where: { id: byId }, select: { name: true } }),
  ]);
  await announce(tx, focalPoints, { type: 'REPORT_READY', data: { ...names.data, by: by.name }, href: names.href });
}
