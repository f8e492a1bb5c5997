// Parse + import of the real Secretary-General's report A/74/129 (Chinese), in-process with
// lib/documents/import-document.ts, as `npm run cli -- import-document` does it. Each iteration
// imports the whole text as a new document under a symbol of its own (BENCH/IMPORT/<run>/<n>):
// the A/74/129 already in the database keeps its paragraphs and the evidence linked to them. The
// copies are deleted afterwards (their paragraphs and sections go with them); one untimed
// iteration first loads the code paths.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createPrismaClient } from '@/lib/db/client';
import { importDocument } from '@/lib/documents/import-document';
import type { Latency } from './results';
import { since, Timings } from './timings';

const REPORT = resolve(import.meta.dirname, '../../prisma/seed/documents/A-74-129.zh.txt');
export const IMPORT_PREFIX = 'BENCH/IMPORT/';

export async function measureDocumentImport(databaseUrl: string, iterations = 5): Promise<Latency & { paragraphs: number }> {
  const text = await readFile(REPORT, 'utf8');
  const db = createPrismaClient(databaseUrl);
  const run = Date.now().toString(36);
  const timings = new Timings();
  let paragraphs = 0;
  let measured = 0;
  try {
    for (let index = 0; index <= iterations; index++) {
      const start = performance.now();
      const result = await importDocument(db, null, { text, symbol: `${IMPORT_PREFIX}${run}/${index}`, language: 'zh', sourceName: 'A-74-129.zh.txt' });
      const ms = since(start);
      if (result.mode !== 'new') throw new Error(`The import of copy ${index} was "${result.mode}", not a new document.`);
      paragraphs = result.paragraphCount;
      if (index === 0) continue;
      timings.record(ms);
      measured += ms;
    }
  } finally {
    await db.sourceDocument.deleteMany({ where: { symbol: { startsWith: `${IMPORT_PREFIX}${run}/` } } });
    await db.$disconnect();
  }
  return { ...timings.latency(measured / 1000, 1), paragraphs };
}
