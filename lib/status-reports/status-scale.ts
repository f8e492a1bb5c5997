// The implementation status scale, in one place: its order and the weight each status
// carries in progress summaries. NOT_APPLICABLE is excluded from progress; "no report" is
// derived from the absence of an accepted report and never stored.
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';

export const STATUS_SCALE: readonly { status: ImplementationStatus; weight: number | null }[] = [
  { status: 'NOT_STARTED', weight: 0 },
  { status: 'IN_PROGRESS', weight: 1 / 3 },
  { status: 'SUBSTANTIALLY_IMPLEMENTED', weight: 2 / 3 },
  { status: 'FULLY_IMPLEMENTED', weight: 1 },
  { status: 'NOT_APPLICABLE', weight: null },
];

const WEIGHTS = new Map(STATUS_SCALE.map(({ status, weight }) => [status, weight]));

export function progressWeight(status: ImplementationStatus): number | null {
  return WEIGHTS.get(status) ?? null;
}

/** Mean progress of the statuses that count (0..1), or null when none counts. */
export function progress(statuses: Iterable<ImplementationStatus>): number | null {
  let total = 0;
  let counted = 0;
  for (const status of statuses) {
    const weight = progressWeight(status);
    if (weight === null) continue;
    total += weight;
    counted += 1;
  }
  return counted === 0 ? null : total / counted;
}
