// An area's trend counts every accepted report of every cycle so far: at a dozen cycles and a
// million reports, the heaviest query of a summary, and one whose answer for a cycle changes only
// when something is accepted in it. So each cycle's counts are kept here, under the cycle's figures
// version: a number the database itself raises, in the same transaction, whenever what a cycle's
// figures are counted from changes (a report accepted in it, its expected entities changed; see the
// migration "summary_figures"). A version read before and after the counting proves that nothing
// changed in between; otherwise the counts are used once and not kept. Every server keeps its own
// copy, and all of them agree, since the version comes from the database.
import type { Db } from '@/lib/db/client';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { trendSql, type SummaryFilters } from './summary-sql';

export type TrendRow = { cycleId: string; status: ImplementationStatus; count: number };

/** Kept entries (an area × filters × cycle each: seven chapters, sub-areas and their filters fit many times over). */
const MAX_ENTRIES = 5000;
const kept = new Map<string, TrendRow[]>();

function keep(key: string, rows: TrendRow[]) {
  if (kept.size >= MAX_ENTRIES) kept.delete(kept.keys().next().value!);
  kept.set(key, rows);
}

async function figuresVersions(db: Db, cycleIds: string[]): Promise<Map<string, number>> {
  const rows = await db.cycleFiguresVersion.findMany({ where: { cycleId: { in: cycleIds } }, select: { cycleId: true, version: true } });
  return new Map(rows.map((row) => [row.cycleId, row.version]));
}

/** Accepted statuses per cycle and status of an area, for `cycleIds` (each up to its cutoff when given). */
export async function trendRows(
  db: Db, area: { id: string; isSubArea: boolean }, cycleIds: string[], filters: SummaryFilters, instrumentId: string | undefined, cutoffs?: Map<string, Date>,
): Promise<TrendRow[]> {
  const before = await figuresVersions(db, cycleIds);
  const keyOf = (cycleId: string) => JSON.stringify([
    cycleId, before.get(cycleId) ?? 0, area.id, area.isSubArea, instrumentId ?? null, filters.entityKind ?? null, filters.group ?? null,
    filters.acceptedUpTo?.toISOString() ?? null, cutoffs?.get(cycleId)?.toISOString() ?? null,
  ]);
  // Taken now: another request may push them out before this one is done.
  const hits = cycleIds.flatMap((cycleId) => kept.get(keyOf(cycleId)) ?? []);
  const missing = cycleIds.filter((cycleId) => !kept.has(keyOf(cycleId)));
  const counted = missing.length === 0 ? [] : await db.$queryRaw<TrendRow[]>(trendSql(area, missing, filters, instrumentId, cutoffs));
  if (missing.length > 0) {
    const after = await figuresVersions(db, missing);
    for (const cycleId of missing) {
      if ((after.get(cycleId) ?? 0) === (before.get(cycleId) ?? 0)) keep(keyOf(cycleId), counted.filter((row) => row.cycleId === cycleId));
    }
  }
  return [...counted, ...hits];
}

/** Forgets every kept count (tests that compare with and without). */
export function forgetTrendCounts() {
  kept.clear();
}
