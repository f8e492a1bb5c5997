import { describe, expect, it } from 'vitest';
import { distributionOf, distributionsBy, emptyDistribution, itemsOf, progressIndex } from '@/lib/summaries/figures';

describe('a distribution', () => {
  it('counts the accepted statuses and the expected items nobody reported on', () => {
    const distribution = distributionOf([
      { status: 'NOT_STARTED', count: 2 }, { status: 'FULLY_IMPLEMENTED', count: 3 }, { status: 'NOT_STARTED', count: 1 }, { status: 'NOT_APPLICABLE', count: 1 },
    ], 10);
    expect(distribution).toEqual({ NOT_STARTED: 3, IN_PROGRESS: 0, SUBSTANTIALLY_IMPLEMENTED: 0, FULLY_IMPLEMENTED: 3, NOT_APPLICABLE: 1, NO_REPORT: 3 });
    expect(itemsOf(distribution)).toBe(10);
  });

  it('never has a negative number of items without a report', () => {
    expect(distributionOf([{ status: 'IN_PROGRESS', count: 5 }], 3).NO_REPORT).toBe(0);
  });

  it('groups by a key, each group against its own expected items', () => {
    const groups = distributionsBy(
      [{ key: 'AFRICAN', status: 'IN_PROGRESS', count: 2 }, { key: 'ASIA_PACIFIC', status: 'FULLY_IMPLEMENTED', count: 1 }],
      (key) => ({ AFRICAN: 4, ASIA_PACIFIC: 2, EASTERN_EUROPEAN: 6 })[key],
      ['AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN'] as const,
    );
    expect(groups.get('AFRICAN')).toMatchObject({ IN_PROGRESS: 2, NO_REPORT: 2 });
    expect(groups.get('ASIA_PACIFIC')).toMatchObject({ FULLY_IMPLEMENTED: 1, NO_REPORT: 1 });
    expect(groups.get('EASTERN_EUROPEAN')).toMatchObject({ NO_REPORT: 6 });
  });
});

describe('the progress index', () => {
  it('is the mean weight of the accepted statuses, leaving out not applicable and no report', () => {
    const distribution = { ...emptyDistribution(), NOT_STARTED: 1, IN_PROGRESS: 1, SUBSTANTIALLY_IMPLEMENTED: 1, FULLY_IMPLEMENTED: 1, NOT_APPLICABLE: 7, NO_REPORT: 20 };
    expect(progressIndex(distribution)).toBeCloseTo((0 + 1 / 3 + 2 / 3 + 1) / 4);
  });

  it('is null when nothing counts', () => {
    expect(progressIndex({ ...emptyDistribution(), NOT_APPLICABLE: 3, NO_REPORT: 9 })).toBeNull();
    expect(progressIndex(emptyDistribution())).toBeNull();
  });
});
