// Reports the application ships with, imported through the same code as any other import: the
// Secretary-General's report A/74/129 in Chinese (the real text, extracted from the PDF).
import { readFile } from 'node:fs/promises';
import type { Db } from '@/lib/db/client';
import { importDocument } from '@/lib/documents/import-document';

const DOCUMENTS = [
  { file: 'A-74-129.zh.txt', symbol: 'A/74/129', language: 'zh', publishedOn: new Date('2019-06-17T00:00:00Z') },
];

export async function seedDocuments(db: Db): Promise<{ symbol: string; language: string; mode: string }[]> {
  const results = [];
  for (const document of DOCUMENTS) {
    const text = await readFile(new URL(`./documents/${document.file}`, import.meta.url), 'utf8');
    const result = await importDocument(db, null, { text, symbol: document.symbol, language: document.language, sourceName: document.file, publishedOn: document.publishedOn });
    results.push({ symbol: document.symbol, language: document.language, mode: result.mode });
  }
  return results;
}
