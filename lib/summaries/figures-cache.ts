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

/** Kept entries (an area × filters × cycle each). */
const MAX_ENTRIES = 2000;
const kept = new Map<string, AreaSummary | null>();

async function versionsOf(db: Db, cycleId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ figures: number | null; catalogue: string | null }[]>`
    SELECT (SELECT "version" FROM "CycleFiguresVersion" WHERE "cycleId" = ${cycleId}) AS "figures",
      (SELECT "version" FROM "CatalogueVersion" WHERE "id" = 1) AS "catalogue"`;
  // No catalogue version (a database emptied by hand): nothing can be vouched for, nothing kept.
  return row?.catalogue ? `${row.figures ?? 0}:${row.catalogue}` : null;
}

/** computeAreaSummary, kept while nothing it counts from has changed. */
export async function keptAreaSummary(db: Db, cycleId: string, areaCode: string, filters: SummaryFilters = {}): Promise<AreaSummary | null> {
  const before = await versionsOf(db, cycleId);
  const key = JSON.stringify([cycleId, before, areaCode, filters.instrument ?? null, filters.entityKind ?? null, filters.group ?? null, filters.acceptedUpTo?.toISOString() ?? null]);
  if (before !== null && kept.has(key)) return kept.get(key)!;
  const summary = await computeAreaSummary(db, cycleId, areaCode, filters);
  if (before !== null && (await versionsOf(db, cycleId)) === before) {
    if (kept.size >= MAX_ENTRIES) kept.delete(kept.keys().next().value!);
    kept.set(key, summary);
  }
  return summary;
}

/** Forgets every kept summary (tests that compare with and without). */
export function forgetAreaSummaries() {
  kept.clear();
}
