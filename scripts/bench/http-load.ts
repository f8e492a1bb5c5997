// One HTTP measurement with autocannon: a short warm-up (not counted), then `duration` seconds on
// `connections` connections. Errors are every non-2xx answer, connection error and timeout, and
// every answer `verify` refuses (a server action answers 200 even when it refused the work).
import autocannon, { type Request, type Result } from 'autocannon';
import { round, type Latency } from './results';

export type HttpLoad = {
  baseUrl: string;
  connections: number;
  duration: number;
  /** Seconds of warm-up at the same concurrency; 0: none. */
  warmupSeconds: number;
  /** The requests each connection sends in turn (a `setupRequest` may vary them). */
  requests: Request[];
  /** The answer did what was asked; called with every response. */
  verify?: (status: number, body: string) => boolean;
  /** One-time work (a report is submitted once): how many requests the pool can still feed. */
  remaining?: () => number;
};

export async function measureHttp(load: HttpLoad): Promise<Latency> {
  // A pool of one-time work spends a tenth of itself on the warm-up, at most.
  const warmupAmount = load.remaining && Math.floor(load.remaining() / 10);
  if (load.warmupSeconds > 0 && warmupAmount !== 0) await run(load, load.warmupSeconds, warmupAmount);
  const measured = await run(load, load.duration, load.remaining?.());
  const { result, refused, connections, seconds } = measured;
  return {
    p50: round(result.latency.p50, 2),
    p97_5: round(result.latency.p97_5, 2),
    p99: round(result.latency.p99, 2),
    requests_per_second: seconds > 0 ? round(result.latency.totalCount / seconds, 1) : 0,
    connections,
    errors: result.non2xx + result.errors + result.timeouts + result.mismatches + refused,
    requests: result.latency.totalCount,
  };
}

async function run(load: HttpLoad, seconds: number, amount: number | undefined): Promise<{ result: Result; refused: number; connections: number; seconds: number }> {
  let refused = 0;
  let firstRefusal: string | null = null;
  const requests = load.requests.map((request): Request => (load.verify ? {
    ...request,
    onResponse: (status, body) => {
      if (status >= 200 && status < 300 && !load.verify!(status, body)) {
        refused++;
        // The ActionState line of the RSC answer says why; the page re-rendered around it does not.
        firstRefusal ??= (/\{"ok":false[^\n]*/.exec(body)?.[0] ?? body).slice(0, 500);
      }
    },
  } : request));
  // A pool smaller than the connections runs on fewer connections (autocannon refuses otherwise).
  const connections = amount === undefined ? load.connections : Math.max(1, Math.min(load.connections, amount));
  if (amount !== undefined && amount < 1) throw new Error('No work left in the pool for this measurement.');
  const instance = autocannon({ url: load.baseUrl, connections, duration: seconds, amount, timeout: 30, requests });
  // The rate over the time requests were answered: autocannon's own averages whole-second samples,
  // which a pool that runs out mid-second would drag down.
  const started = performance.now();
  let answered = started;
  instance.on('response', () => (answered = performance.now()));
  // With `amount` autocannon ignores the duration: the pool ends the run, or the clock does.
  const timer = amount === undefined ? undefined : setTimeout(() => instance.stop(), seconds * 1000);
  try {
    const result = await instance;
    if (firstRefusal) console.error(`  ${refused} answer(s) refused the work; the first: ${firstRefusal}`);
    const codes = Object.keys(result.statusCodeStats).filter((code) => !code.startsWith('2'));
    if (codes.length) console.error(`  answers other than 2xx: ${codes.map((code) => `${code} x${result.statusCodeStats[code]!.count}`).join(', ')}`);
    return { result, refused, connections, seconds: (answered - started) / 1000 };
  } finally {
    clearTimeout(timer);
  }
}
