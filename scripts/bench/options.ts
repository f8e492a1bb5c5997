// The command line of `npm run bench`.
import { parseArgs } from 'node:util';
import { DEFAULT_BENCH_DATABASE } from './database';
import type { BenchScale } from './fixture';

export type BenchOptions = {
  /** The scale asked for, field by field; empty: whatever the database holds (full scale when nothing). */
  scale: Partial<BenchScale>;
  duration: number;
  connections: number;
  database: string;
  out: string;
  port: number;
  /** Cold loads of the worklist whose median LCP is reported. */
  lcpRuns: number;
  /** Only these measurements (while working on one); empty: all of them. */
  only: string[];
};

export const USAGE = `Usage: npm run bench -- [--states N --agencies N --commitments N --cycles N]
  [--duration SECONDS (10)] [--connections N (10)] [--database NAME (${DEFAULT_BENCH_DATABASE})]
  [--out DIR (bench/results)] [--port P (3400)] [--lcp-runs N (3)] [--only NAME,NAME (all)]`;

const whole = (name: string, value: string | undefined, fallback: number, min: number): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new Error(`--${name} takes a whole number of at least ${min}, not "${value}".\n\n${USAGE}`);
  return Number(value);
};

export function parseBenchOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      states: { type: 'string' }, agencies: { type: 'string' }, commitments: { type: 'string' }, cycles: { type: 'string' },
      duration: { type: 'string' }, connections: { type: 'string' }, database: { type: 'string' }, out: { type: 'string' },
      port: { type: 'string' }, 'lcp-runs': { type: 'string' }, only: { type: 'string' },
    },
  });
  const scale: Partial<BenchScale> = {};
  for (const key of ['states', 'agencies', 'commitments', 'cycles'] as const) {
    // Zero organizations is a real choice (States only); the rest needs at least one.
    if (values[key] !== undefined) scale[key] = whole(key, values[key], 0, key === 'agencies' ? 0 : 1);
  }
  return {
    scale,
    duration: whole('duration', values.duration, 10, 1),
    connections: whole('connections', values.connections, 10, 1),
    database: values.database ?? DEFAULT_BENCH_DATABASE,
    out: values.out ?? 'bench/results',
    port: whole('port', values.port, 3400, 1),
    lcpRuns: whole('lcp-runs', values['lcp-runs'], 3, 1),
    only: values.only ? values.only.split(',').map((name) => name.trim()).filter(Boolean) : [],
  };
}
