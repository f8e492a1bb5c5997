// Deadline reminders: 14 and 3 days before the open cycle's deadline, the focal points of the
// entities that still have commitments to submit are told how many. Run every hour by the job
// queue; each reminder is given once per person, deadline and threshold (a DeadlineReminder
// row, inserted ON CONFLICT DO NOTHING in the transaction that writes its notification and
// e-mail), so two runs at once or a run every hour never repeat one, and a moved deadline
// gets its own. Free of Next imports, as the queue's workers run it.
import type { Db } from '@/lib/db/client';
import { daysLeft } from '@/lib/status-reports/workflow';
import { routing } from '@/lib/i18n/routing';
import { formatDate } from '@/lib/i18n/dates';
import { requestOutboxDelivery } from '@/lib/jobs/queue';
import { announce, type Recipient } from './announce';

/** Days before the deadline at which focal points are reminded, largest first. */
export const REMINDER_THRESHOLDS = [14, 3] as const;

/** The reminder due `days` before the deadline: the smallest threshold reached, or null. */
export function reminderThreshold(days: number): number | null {
  const reached = REMINDER_THRESHOLDS.filter((threshold) => days <= threshold);
  return reached.length ? Math.min(...reached) : null;
}

/** How the Organization writes a date in each language: "19 April 2026", "2026年4月19日" (UTC). */
export function unDate(date: Date): Record<string, string> {
  return Object.fromEntries(routing.locales.map((locale) => [locale, formatDate(date, locale)]));
}

type Behind = { entityId: string; name: unknown; unreported: number };

/**
 * Gives the reminders due at `now` and returns how many people were reminded. Unreported means
 * a commitment of the cycle's instruments without a SUBMITTED or ACCEPTED report of the entity
 * (a draft or a returned report still has to be submitted).
 */
export async function runDeadlineReminders(db: Db, now: Date): Promise<number> {
  const cycle = await db.reportingCycle.findFirst({ where: { state: 'OPEN' }, select: { id: true, name: true, closesAt: true } });
  if (!cycle || now >= cycle.closesAt) return 0;
  const days = daysLeft(cycle.closesAt, now);
  const threshold = reminderThreshold(days);
  if (threshold === null) return 0;

  const reminded = await db.$transaction(async (tx) => {
    // Expected items less submitted or accepted ones, per expected entity: two GROUP BYs.
    const behind = await tx.$queryRaw<Behind[]>`
      WITH expected AS (
        SELECT COUNT(*)::int AS n
        FROM "CycleInstrument" ci JOIN "Commitment" c ON c."instrumentId" = ci."instrumentId"
        WHERE ci."cycleId" = ${cycle.id}
      ), reported AS (
        SELECT r."entityId", COUNT(*)::int AS n
        FROM "StatusReport" r
        JOIN "Commitment" c ON c."id" = r."commitmentId"
        JOIN "CycleInstrument" ci ON ci."cycleId" = r."cycleId" AND ci."instrumentId" = c."instrumentId"
        WHERE r."cycleId" = ${cycle.id} AND r."state" IN ('SUBMITTED', 'ACCEPTED')
        GROUP BY r."entityId"
      )
      SELECT ce."entityId", e."name", (x.n - COALESCE(rp.n, 0))::int AS "unreported"
      FROM "CycleEntity" ce
      JOIN "ReportingEntity" e ON e."id" = ce."entityId"
      CROSS JOIN expected x
      LEFT JOIN reported rp ON rp."entityId" = ce."entityId"
      WHERE ce."cycleId" = ${cycle.id} AND x.n - COALESCE(rp.n, 0) > 0`;
    if (behind.length === 0) return 0;

    // Only the rows this run inserts are announced: a concurrent run waits on them and skips them.
    const inserted = await tx.$queryRaw<(Recipient & { entityId: string })[]>`
      WITH given AS (
        INSERT INTO "DeadlineReminder" ("cycleId", "userId", "deadline", "daysBefore", "sentAt")
        SELECT ${cycle.id}, u."id", ${cycle.closesAt}, ${threshold}, ${now}
        FROM "User" u
        WHERE u."role" = 'FOCAL_POINT' AND NOT u."disabled" AND u."entityId" = ANY(${behind.map((row) => row.entityId)}::text[])
        ON CONFLICT DO NOTHING
        RETURNING "userId"
      )
      SELECT u."id", u."email", u."name", u."locale", u."entityId"
      FROM given g JOIN "User" u ON u."id" = g."userId"`;

    const deadline = unDate(cycle.closesAt);
    for (const entity of behind) {
      const recipients = inserted.filter((user) => user.entityId === entity.entityId).map(({ entityId: _entity, ...recipient }) => recipient);
      if (recipients.length === 0) continue;
      await announce(tx, recipients, {
        type: 'DEADLINE_NEAR',
        href: '/worklist',
        data: { days, cycle: cycle.name as Record<string, string>, deadline, entity: entity.name as Record<string, string>, unreported: entity.unreported },
      });
    }
    return inserted.length;
  });
  if (reminded > 0) await requestOutboxDelivery();
  return reminded;
}
