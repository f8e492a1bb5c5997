// How many processes `node scripts/serve.mjs` runs (WEB_CONCURRENCY): one unless told, and a
// value that is not a number of processes is refused in words rather than taken as one.
import { describe, expect, it } from 'vitest';
import { workerCount } from '@/scripts/serve.mjs';

describe('WEB_CONCURRENCY', () => {
  it('is one process when unset or empty', () => {
    expect(workerCount(undefined)).toBe(1);
    expect(workerCount(' ')).toBe(1);
  });
  it('takes a whole number of processes', () => {
    expect(workerCount('2')).toBe(2);
    expect(workerCount('64')).toBe(64);
  });
  it.each(['0', '-1', '1.5', 'two', '65'])('refuses "%s" in words', (value) => {
    expect(() => workerCount(value)).toThrow(/WEB_CONCURRENCY must be a whole number of processes from 1 to 64/);
  });
});
