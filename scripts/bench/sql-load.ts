// The floor the summary page is measured against: the SQL of a thematic-area summary
// (lib/summaries/summary-sql.ts) sent straight through `pg`, with no Prisma, no
// rendering and no HTTP. One "request" is the six statements sent at once on a pool of
// `connections` clients and awaited together, as computeAreaSummary does through Prisma's pool;
// `connections` loops run for the same duration as an autocannon measurement.
import pg from 'pg';
import type { Latency } from './results';
import { since, Timings } from './timings';

export type SqlStatement = { text: string; values: unknown[] };

export async function measureSql(
  url: string, statements: SqlStatement[], options: { connections: number; duration: number; warmupSeconds: number },
): Promise<Latency> {
  const pool = new pg.Pool({ connectionString: url, max: options.connections });
  try {
    const once = () => Promise.all(statements.map((statement) => pool.query(statement.text, statement.values)));
    // Warm-up: connections opened and plans cached, not counted.
    await loop(options.connections, options.warmupSeconds, once, null);
    const timings = new Timings();
    const started = performance.now();
    await loop(options.connections, options.duration, once, timings);
    return timings.latency(since(started) / 1000, options.connections);
  } finally {
    await pool.end();
  }
}

async function loop(workers: number, seconds: number, once: () => Promise<unknown>, timings: Timings | null) {
  const until = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (performance.now() < until) {
      const start = performance.now();
      try {
        await once();
        timings?.record(since(start));
      } catch (error) {
        // A failing statement would fail every time: count it, and say why once.
        if (!timings) throw error;
        if (timings.errors++ === 0) console.error('raw_summary_sql:', error);
      }
    }
  }));
}
