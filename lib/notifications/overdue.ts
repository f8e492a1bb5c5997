// Who is behind in a reporting cycle, for the secretariat: per expected entity, its commitments
// not reported, in draft and returned, its focal points' addresses and the last deadline
// reminder they were given. Before the deadline it shows who is behind; after it, who is overdue.
import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CycleState } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized } from '@/lib/i18n/localized';
import { daysLeft } from '@/lib/status-reports/workflow';

const filtersSchema = z.object({
  cycle: z.string().trim().max(40).optional().catch(undefined).transform((value) => value || undefined),
});

export type OverdueFilters = Partial<z.infer<typeof filtersSchema>>;

type Query = Record<string, string | string[] | undefined>;
export const parseOverdueFilters = (query: Query): OverdueFilters =>
  filtersSchema.parse({ cycle: Array.isArray(query.cycle) ? query.cycle[0] : query.cycle });

export type OverdueRow = {
  code: string;
  name: string;
  /** Commitments without any report. */
  notReported: number;
  draft: number;
  returned: number;
  /** Everything not yet submitted or accepted (the three above). */
  unreported: number;
  focalPoints: string[];
  lastReminder: Date | null;
};

export type OverdueList = {
  cycles: { code: string; name: string }[];
  cycle: {
    code: string; name: string; state: CycleState; closesAt: Date;
    /** The deadline has passed: the entities listed are overdue. */
    passed: boolean; daysLeft: number;
    /** Commitments the cycle asks about, and entities it expects a report from. */
    items: number; expectedEntities: number;
  } | null;
  rows: OverdueRow[];
};

type CountRow = { entityId: string; code: string; name: unknown; notReported: number; draft: number; returned: number; unreported: number };

/** The open cycle's list (or that of the cycle chosen), for those who review reports; anyone else gets a 404. */
export async function getOverdueList(user: SessionUser, filters: OverdueFilters, locale: string, now = new Date()): Promise<OverdueList> {
  if (!can(user, 'status-report.review')) notFound();
  const cycles = await db.reportingCycle.findMany({
    where: { state: { in: ['OPEN', 'CLOSED'] } },
    orderBy: { opensAt: 'desc' },
    select: { id: true, code: true, name: true, state: true, closesAt: true },
  });
  const cycle = filters.cycle ? cycles.find((candidate) => candidate.code === filters.cycle) : cycles.find((candidate) => candidate.state === 'OPEN') ?? cycles[0];
  const choices = cycles.map((candidate) => ({ code: candidate.code, name: localized(candidate.name, locale) }));
  if (!cycle) return { cycles: choices, cycle: null, rows: [] };

  // A closed cycle's items are frozen (CycleCommitment); an open one follows the catalogue.
  const frozen = (await db.cycleCommitment.count({ where: { cycleId: cycle.id } })) > 0;
  const items = frozen
    ? Prisma.sql`SELECT "commitmentId" AS "id" FROM "CycleCommitment" WHERE "cycleId" = ${cycle.id}`
    : Prisma.sql`SELECT c."id" FROM "CycleInstrument" ci JOIN "Commitment" c ON c."instrumentId" = ci."instrumentId" WHERE ci."cycleId" = ${cycle.id}`;
  const [counts, [{ total, expectedEntities }]] = await Promise.all([
    db.$queryRaw<CountRow[]>`
      WITH items AS (${items}),
      reports AS (
        SELECT r."entityId",
          COUNT(*) FILTER (WHERE r."state" IN ('SUBMITTED', 'ACCEPTED'))::int AS "reported",
          COUNT(*) FILTER (WHERE r."state" = 'DRAFT')::int AS "draft",
          COUNT(*) FILTER (WHERE r."state" = 'RETURNED')::int AS "returned"
        FROM "StatusReport" r JOIN items i ON i."id" = r."commitmentId"
        WHERE r."cycleId" = ${cycle.id}
        GROUP BY r."entityId"
      ),
      total AS (SELECT COUNT(*)::int AS n FROM items)
      SELECT e."id" AS "entityId", e."code", e."name",
        (t.n - COALESCE(r."reported", 0) - COALESCE(r."draft", 0) - COALESCE(r."returned", 0))::int AS "notReported",
        COALESCE(r."draft", 0) AS "draft", COALESCE(r."returned", 0) AS "returned",
        (t.n - COALESCE(r."reported", 0))::int AS "unreported"
      FROM "CycleEntity" ce
      JOIN "ReportingEntity" e ON e."id" = ce."entityId"
      CROSS JOIN total t
      LEFT JOIN reports r ON r."entityId" = ce."entityId"
      WHERE ce."cycleId" = ${cycle.id} AND t.n - COALESCE(r."reported", 0) > 0
      ORDER BY "unreported" DESC, e."code"`,
    db.$queryRaw<{ total: number; expectedEntities: number }[]>`
      SELECT (SELECT COUNT(*)::int FROM (${items}) i) AS "total",
        (SELECT COUNT(*)::int FROM "CycleEntity" WHERE "cycleId" = ${cycle.id}) AS "expectedEntities"`,
  ]);

  const entityIds = counts.map((row) => row.entityId);
  const [focalPoints, reminders] = await Promise.all([
    db.user.findMany({
      where: { entityId: { in: entityIds }, role: 'FOCAL_POINT', disabled: false },
      orderBy: { email: 'asc' },
      select: { entityId: true, email: true },
    }),
    db.$queryRaw<{ entityId: string; last: Date }[]>`
      SELECT u."entityId", MAX(d."sentAt") AS "last"
      FROM "DeadlineReminder" d JOIN "User" u ON u."id" = d."userId"
      WHERE d."cycleId" = ${cycle.id} AND u."entityId" = ANY(${entityIds}::text[])
      GROUP BY u."entityId"`,
  ]);
  const lastReminder = new Map(reminders.map((row) => [row.entityId, row.last]));
  const addresses = new Map<string, string[]>();
  for (const person of focalPoints) addresses.set(person.entityId!, [...(addresses.get(person.entityId!) ?? []), person.email]);

  return {
    cycles: choices,
    cycle: {
      code: cycle.code, name: localized(cycle.name, locale), state: cycle.state, closesAt: cycle.closesAt,
      passed: now > cycle.closesAt, daysLeft: daysLeft(cycle.closesAt, now), items: total, expectedEntities,
    },
    rows: counts.map((row) => ({
      code: row.code,
      name: localized(row.name, locale),
      notReported: row.notReported,
      draft: row.draft,
      returned: row.returned,
      unreported: row.unreported,
      focalPoints: addresses.get(row.entityId) ?? [],
      lastReminder: lastReminder.get(row.entityId) ?? null,
    })),
  };
}
