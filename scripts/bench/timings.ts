// Latencies of work timed in this process (raw SQL, document import), summarised the way autocannon
// summarises HTTP: an HDR histogram (the same library), read at p50, p97.5 and p99. Values are kept
// in microseconds, so that sub-millisecond queries keep their precision.
import * as hdr from 'hdr-histogram-js';
import { round, type Latency } from './results';

export class Timings {
  private readonly histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
  errors = 0;

  record(milliseconds: number) {
    this.histogram.recordValue(Math.max(1, Math.round(milliseconds * 1000)));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  /** `seconds`: the measured period, for the rate. */
  latency(seconds: number, connections: number): Latency {
    const at = (percentile: number) => (this.count ? round(this.histogram.getValueAtPercentile(percentile) / 1000, 2) : 0);
    return {
      p50: at(50), p97_5: at(97.5), p99: at(99),
      requests_per_second: seconds > 0 ? round(this.count / seconds, 1) : 0,
      connections, errors: this.errors, requests: this.count,
    };
  }
}

/** Milliseconds since `start` (from performance.now()). */
export const since = (start: number) => performance.now() - start;
