// The arithmetic of summaries, pure: a distribution of accepted statuses with "no report" for the
// expected items nobody reported on, and the progress index (ARCHITECTURE.md: the mean weight of
// the accepted statuses, not applicable and no report left out). The database does the counting
// (GROUP BY over AcceptedStatus); this adds counts up and derives the rest.
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { progressWeight, STATUS_SCALE } from '@/lib/status-reports/status-scale';

export const DISTRIBUTION_KEYS = [...STATUS_SCALE.map((entry) => entry.status), 'NO_REPORT'] as const;
export type DistributionKey = ImplementationStatus | 'NO_REPORT';
export type Distribution = Record<DistributionKey, number>;

export type StatusCount = { status: ImplementationStatus; count: number };

export function emptyDistribution(): Distribution {
  return { NOT_STARTED: 0, IN_PROGRESS: 0, SUBSTANTIALLY_IMPLEMENTED: 0, FULLY_IMPLEMENTED: 0, NOT_APPLICABLE: 0, NO_REPORT: 0 };
}

/**
 * Accepted counts per status, and NO_REPORT for the expected items left: never negative, even if
 * more was accepted than is now expected (an entity or a commitment left the scope later).
 */
export function distributionOf(counts: Iterable<StatusCount>, expectedItems: number): Distribution {
  const distribution = emptyDistribution();
  let accepted = 0;
  for (const { status, count } of counts) {
    distribution[status] += count;
    accepted += count;
  }
  distribution.NO_REPORT = Math.max(0, expectedItems - accepted);
  return distribution;
}

/** The mean weight of the statuses that count; null when none does. */
export function progressIndex(distribution: Distribution): number | null {
  let total = 0;
  let counted = 0;
  for (const { status } of STATUS_SCALE) {
    const weight = progressWeight(status);
    if (weight === null) continue;
    total += weight * distribution[status];
    counted += distribution[status];
  }
  return counted === 0 ? null : total / counted;
}

/** How many items a distribution holds, reported or not. */
export function itemsOf(distribution: Distribution): number {
  return DISTRIBUTION_KEYS.reduce((sum, key) => sum + distribution[key], 0);
}

/** Groups status counts by a key, each group a distribution against its own expected items. */
export function distributionsBy<K extends string>(
  rows: Iterable<StatusCount & { key: K }>,
  expectedItems: (key: K) => number,
  keys: Iterable<K> = [],
): Map<K, Distribution> {
  const counts = new Map<K, StatusCount[]>();
  for (const key of keys) counts.set(key, []);
  for (const row of rows) {
    const list = counts.get(row.key) ?? [];
    list.push(row);
    counts.set(row.key, list);
  }
  return new Map([...counts].map(([key, list]) => [key, distributionOf(list, expectedItems(key))]));
}
