// The part of autocannon 9's programmatic API the benchmark uses: the package ships no types, and
// @types/autocannon describes version 7.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Called before each request is built; a falsy answer restarts the sequence. */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null | undefined;
    /** Called with every response (its body is kept only when this is set). */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    requests?: Request[];
    initialContext?: Record<string, unknown>;
  };

  /** hdr-histogram-percentiles-obj: the percentiles autocannon reports. */
  export type Histogram = {
    average: number; mean: number; stddev: number; min: number; max: number; total: number;
    p2_5: number; p50: number; p75: number; p90: number; p97_5: number; p99: number; p99_9: number;
  };

  export type Result = {
    latency: Histogram & { totalCount: number };
    requests: Histogram & { sent: number };
    throughput: Histogram;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    duration: number;
    connections: number;
    statusCodeStats: Record<string, { count: number }>;
  };

  export type Instance = EventEmitter & PromiseLike<Result> & { stop(): void };

  function autocannon(options: Options): Instance;
  export default autocannon;
}
