// What one run of the benchmark found: the JSON file under bench/results/, the table printed, and
// the goals of issue 11 (point 3) checked against this run's own figures.
import { cpus, totalmem } from 'node:os';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchDataStamp } from './fixture';
import { FULL_SCALE } from './fixture';

/** One measurement: latency in milliseconds, throughput, and what went wrong. */
export type Latency = {
  p50: number;
  p97_5: number;
  p99: number;
  requests_per_second: number;
  connections: number;
  /** Non-2xx answers, connection errors, timeouts and answers that say the work was not done. */
  errors: number;
  /** Requests completed in the measured period (warm-up not counted). */
  requests: number;
};

export const MEASUREMENTS = [
  'raw_summary_sql', 'summary_page', 'summary_api', 'worklist_page', 'review_queue',
  'submit', 'search', 'suggestions', 'csv_export', 'document_import',
] as const;
export type MeasurementName = (typeof MEASUREMENTS)[number];

export type SubmitMeasurement = Latency & {
  /** Share of the in-process write time spent inserting the audit row (0..1). */
  audit_share: number;
  audit_sample: { writes: number; write_ms_mean: number; audit_ms_mean: number };
};

export type CsvMeasurement = Latency & {
  seconds: number;
  rss_growth_mb: number;
  bytes: number;
  rows: number;
  expected_rows: number;
  downloads: { state: string; rows: number; bytes: number; seconds: number }[];
};

export type Measurements = Partial<Record<MeasurementName, Latency>> & {
  submit?: SubmitMeasurement;
  csv_export?: CsvMeasurement;
};

export type FirstLoadJs = { pages: Record<string, number>; max: number };
export type Lcp = { worklist_ms: number; runs_ms: number[]; conditions: string };
export type Goal = { name: string; target: string; actual: number | null; met: boolean };

export type BenchResults = {
  version: 1;
  timestamp: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  scale: BenchDataStamp['scale'] & { statusReports: number; statusEvents: number; generatedAt: string };
  options: { duration: number; connections: number; /** Processes of the server (WEB_CONCURRENCY). */ serverProcesses: number };
  /** The goals are stated for full scale and 10 connections: elsewhere they are indicative only. */
  goals_apply: boolean;
  measurements: Measurements;
  first_load_js_kb: FirstLoadJs | null;
  lcp: Lcp | null;
  goals: Goal[];
  /** Measurements that could not be taken, with why (the run then exits non-zero). */
  failures: { name: string; error: string }[];
};

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** 2026-11-29T20-15-00Z: an ISO instant a file name can hold. */
export const fileTimestamp = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

export function machine(): BenchResults['machine'] {
  const cores = cpus();
  return { cpus: cores.length, cpuModel: cores[0]?.model.trim() ?? 'unknown', memoryGb: round(totalmem() / 1024 ** 3), node: process.version };
}

export function checkGoals(results: Pick<BenchResults, 'measurements' | 'first_load_js_kb' | 'lcp'>): Goal[] {
  const m = results.measurements;
  const goal = (name: string, target: string, actual: number | undefined | null, met: (value: number) => boolean): Goal => {
    const value = actual === undefined || actual === null || Number.isNaN(actual) ? null : round(actual, 3);
    return { name, target, actual: value, met: value !== null && met(value) };
  };
  const rawFloor = m.raw_summary_sql ? 3 * m.raw_summary_sql.p97_5 + 30 : undefined;
  return [
    goal('summary_page p97.5 (ms)', `<= 3 x raw_summary_sql p97.5 + 30 ms${rawFloor === undefined ? '' : ` = ${round(rawFloor)} ms`}`,
      m.summary_page?.p97_5, (value) => rawFloor !== undefined && value <= rawFloor),
    goal('summary_page requests/s', '>= 100', m.summary_page?.requests_per_second, (value) => value >= 100),
    goal('worklist_page p97.5 (ms)', '<= 100', m.worklist_page?.p97_5, (value) => value <= 100),
    goal('submit p97.5 (ms)', '<= 150', m.submit?.p97_5, (value) => value <= 150),
    goal('submit audit row share', '<= 0.2', m.submit?.audit_share, (value) => value <= 0.2),
    goal('search p97.5 (ms)', '<= 100', m.search?.p97_5, (value) => value <= 100),
    goal('suggestions p97.5 (ms)', '<= 100', m.suggestions?.p97_5, (value) => value <= 100),
    goal('csv_export seconds (every row)', '<= 15', m.csv_export?.seconds, (value) => value <= 15),
    goal('csv_export server memory growth (MB)', '<= 100', m.csv_export?.rss_growth_mb, (value) => value <= 100),
    goal('document_import slowest (ms)', '< 1000', m.document_import?.p99, (value) => value < 1000),
    goal('focal-point pages first-load JS (kB gzip, largest page)', '<= 150', results.first_load_js_kb?.max, (value) => value <= 150),
    goal('worklist LCP, slow 4G + 4x CPU (ms)', '<= 2500', results.lcp?.worklist_ms, (value) => value <= 2500),
  ];
}

export function goalsApply(scale: BenchResults['scale'], connections: number): boolean {
  return connections === 10 && (Object.keys(FULL_SCALE) as (keyof typeof FULL_SCALE)[]).every((key) => scale[key] === FULL_SCALE[key]);
}

/** Written whole or not at all: a `.tmp` file renamed into place. */
export async function writeResults(dir: string, results: BenchResults): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${results.timestamp}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(results, null, 2) + '\n');
  await rename(`${file}.tmp`, file);
  return file;
}

export function formatResults(results: BenchResults): string {
  const header = ['measurement', 'p50 ms', 'p97.5 ms', 'p99 ms', 'req/s', 'errors', 'requests'];
  const rows = MEASUREMENTS.map((name) => {
    const m = results.measurements[name];
    return m ? [name, m.p50, m.p97_5, m.p99, m.requests_per_second, m.errors, m.requests].map(String) : [name, 'failed', '', '', '', '', ''];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const { csv_export: csv, submit } = results.measurements;
  const lines = [
    line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line), '',
    csv ? `csv_export: ${csv.rows} of ${csv.expected_rows} rows, ${round(csv.bytes / 1024 ** 2)} MB in ${csv.seconds} s, server memory +${csv.rss_growth_mb} MB` : '',
    submit ? `submit: audit row ${round(submit.audit_share * 100)}% of the write (${submit.audit_sample.writes} writes in-process)` : '',
    results.first_load_js_kb ? `first-load JS (kB gzip): ${Object.entries(results.first_load_js_kb.pages).map(([page, kb]) => `${page} ${kb}`).join(', ')}` : '',
    results.lcp ? `worklist LCP: ${results.lcp.worklist_ms} ms (runs ${results.lcp.runs_ms.join(', ')}; ${results.lcp.conditions})` : '',
    '',
    results.goals_apply ? 'Goals (full scale, 10 connections):' : 'Goals (stated for full scale and 10 connections; indicative only here):',
    ...results.goals.map((goal) => `  ${goal.met ? 'met   ' : 'MISSED'}  ${goal.name}: ${goal.actual ?? 'n/a'} (target ${goal.target})`),
    ...results.failures.map((failure) => `FAILED ${failure.name}: ${failure.error}`),
  ];
  return lines.filter((text, index, all) => text !== '' || all[index - 1] !== '').join('\n');
}
