// What the benchmark's data holds, for the generator (data.ts) and the runner (run.ts) alike.
// Everything is synthetic and says so: "[BENCH]" texts, accounts at bench.test.

export type BenchScale = {
  /** Member States in every cycle's scope (the first N by code). */
  states: number;
  /** UN entities and other organizations in every cycle's scope (the first N by code). */
  agencies: number;
  /** Commitments of the synthetic BENCH instrument. */
  commitments: number;
  /** Reporting cycles: the last one open, the others closed. */
  cycles: number;
};

export const FULL_SCALE: BenchScale = { states: 193, agencies: 20, commitments: 400, cycles: 12 };

/** The password of every bench account. */
export const BENCH_PASSWORD = 'bench';
export const BENCH_INSTRUMENT = 'BENCH';
export const BENCH_ADMIN = 'bench-admin@bench.test';
export const BENCH_SECRETARIAT = 'bench-secretariat@bench.test';

/** The focal point of an entity in scope (one per entity). */
export const benchFocalPoint = (entityCode: string) => `bench-focal-${entityCode.toLowerCase()}@bench.test`;

/** The entity whose focal point the single-user pages (worklist, LCP) are measured as, when in scope. */
export const PREFERRED_FOCAL_ENTITY = 'MEX';

/** Kept in the database (table BenchMeta is not used: a comment on the database says it). */
export type BenchDataStamp = { scale: BenchScale; generatedAt: string; seconds: number; statusReports: number; statusEvents: number };
