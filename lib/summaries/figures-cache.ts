// An area's figures in a cycle (computeAreaSummary: six statements, the heaviest of them over a
// million accepted reports) kept by each server under two values the database itself changes in
// the same transaction as what they guard: the cycle's figures version (a report accepted in it,
// its expected entities, evidence of its reports) and the catalogue version (commitments, areas,
// instruments, cycles and their scope, entities, documents; see the migration "catalogue_version").
// Both are read before and after the counting: figures counted while either changed are used once
// and not kept. Every server keeps its own copy, and all agree, since the versions come from the
// database. What is returned is shared between requests: never to be changed by the caller.
import type { Db } from '@/lib/db/client';
import { computeAreaSummary, type AreaSummary, type SummaryFilters } from './compute';

/** Kept figures per cycle, for the versions they were counted at; a cycle's are dropped when its versions change. */
const kept = new Map<string, { versions: string; summaries: Map<string, AreaSummary> }>();
/** Figures kept per cycle (areas × filters: seven chapters, sub-areas and their filters fit many times over). */
const MAX_PER_CYCLE = 2000;
/** Cycles with figures kept. */
const MAX_CYCLES = 24;

async function versionsOf(db: Db, cycleId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ figures: number | null; catalogue: string | null }[]>`
    SELECT (SELECT "version" FROM "CycleFiguresVersion" WHERE "cycleId" = ${cycleId}) AS "figures",
      (SELECT "version" FROM "CatalogueVersion" WHERE "id" = 1) AS "catalogue"`;
  // No catalogue version (a database emptied by hand): nothing can be vouched for, nothing kept.
  return row?.catalogue ? `${row.figures ?? 0}:${row.catalogue}` : null;
}

function keep(cycleId: string, versions: string, key: string, summary: AreaSummary) {
  let cycle = kept.get(cycleId);
  if (!cycle || cycle.versions !== versions) {
    kept.delete(cycleId);
    if (kept.size >= MAX_CYCLES) kept.delete(kept.keys().next().value!);
    cycle = { versions, summaries: new Map() };
    kept.set(cycleId, cycle);
  }
  if (cycle.summaries.size >= MAX_PER_CYCLE) cycle.summaries.delete(cycle.summaries.keys().next().value!);
  cycle.summaries.set(key, summary);
}

/** computeAreaSummary, kept while nothing it counts from has changed. */
export async function keptAreaSummary(db: Db, cycleId: string, areaCode: string, filters: SummaryFilters = {}): Promise<AreaSummary | null> {
  const before = await versionsOf(db, cycleId);
  const key = JSON.stringify([areaCode, filters.instrument ?? null, filters.entityKind ?? null, filters.group ?? null, filters.acceptedUpTo?.toISOString() ?? null]);
  const cycle = kept.get(cycleId);
  if (before !== null && cycle?.versions === before && cycle.summaries.has(key)) return cycle.summaries.get(key)!;
  const summary = await computeAreaSummary(db, cycleId, areaCode, filters);
  // Nothing found (an unknown area or instrument) is not kept: asking for made-up codes fills nothing.
  if (summary && before !== null && (await versionsOf(db, cycleId)) === before) keep(cycleId, before, key, summary);
  return summary;
}

/** Forgets every kept summary (tests that compare with and without). */
export function forgetAreaSummaries() {
  kept.clear();
}
