// The CSV export of every status report, as the secretariat, one connection: one download of
// every workflow state (`state=all`) with no other filter. Measured: the time, the rows (counted in
// the stream, quotes respected: narratives hold line breaks) against the database's count, and the
// server's memory growth: its resident size sampled every 50 ms from /proc during the download,
// peak minus the size just before.
import { readFile, readdir } from 'node:fs/promises';
import http from 'node:http';
import { withClient } from './targets';
import { round, type CsvMeasurement } from './results';
import { since } from './timings';

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
  let total = kb * 1024;
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const child of children.split(/\s+/).filter(Boolean)) total += await residentBytes(Number(child));
  }
  return total;
}

/** Newlines in chunk[from, to): native searches, so that a 500 MB file costs the client little CPU. */
function newlines(chunk: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = chunk.indexOf(0x0a, from); at !== -1 && at < to; at = chunk.indexOf(0x0a, at + 1)) count++;
  return count;
}

/** Streams one download, counting bytes and CSV records (newlines outside quotes) without keeping the file. */
function download(url: string, cookie: string): Promise<{ status: number; bytes: number; records: number }> {
  return new Promise((done, fail) => {
    http.get(url, { headers: { cookie } }, (response) => {
      let bytes = 0;
      let records = 0;
      let quoted = false;
      let last = 0x0a;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // A doubled quote inside a quoted field closes and reopens it: still quoted, as it should be.
        for (let at = 0; at < chunk.length;) {
          const quote = chunk.indexOf(0x22, at);
          const end = quote === -1 ? chunk.length : quote;
          if (!quoted) records += newlines(chunk, at, end);
          if (quote === -1) break;
          quoted = !quoted;
          at = quote + 1;
        }
        if (chunk.length) last = chunk[chunk.length - 1]!;
      });
      response.on('end', () => done({ status: response.statusCode ?? 0, bytes, records: records + (last !== 0x0a ? 1 : 0) }));
      response.on('error', fail);
    }).on('error', fail);
  });
}

export async function measureCsvExport(options: { baseUrl: string; pid: number; cookie: string; databaseUrl: string }): Promise<CsvMeasurement> {
  const expected = await withClient(options.databaseUrl, async (client) =>
    (await client.query<{ count: number }>(`SELECT count(*)::int AS "count" FROM "StatusReport"`)).rows[0]!.count);
  const before = await residentBytes(options.pid);
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await residentBytes(options.pid));
      await new Promise((done) => setTimeout(done, 50));
    }
  })();

  const started = performance.now();
  let file: Awaited<ReturnType<typeof download>>;
  try {
    file = await download(`${options.baseUrl}/api/exports/status-reports?format=csv&lang=en&state=all`, options.cookie);
  } finally {
    sampling = false;
    await sampler;
  }
  const ms = since(started);
  // Every file starts with its header row.
  const rows = Math.max(0, file.records - 1);
  const errors = file.status !== 200 || rows !== expected ? 1 : 0;
  return {
    p50: round(ms, 2), p97_5: round(ms, 2), p99: round(ms, 2), requests_per_second: round(1000 / ms, 3), connections: 1, errors, requests: 1,
    seconds: round(ms / 1000, 3),
    rss_growth_mb: round((peak - before) / 1024 ** 2),
    bytes: file.bytes,
    rows,
    expected_rows: expected,
    downloads: [{ state: 'ALL', rows, bytes: file.bytes, seconds: round(ms / 1000, 3) }],
  };
}
