import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInstrument } from '@/lib/catalogue/import-instrument';
import { seedReferenceData } from '@/prisma/seed/seed-reference';
import { createTestDatabase } from '../support/test-database';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/instruments/${name}`, import.meta.url), 'utf8');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let queries: typeof import('@/lib/catalogue/queries');

beforeAll(async () => {
  database = await createTestDatabase();
  // The queries use the application's client, configured from the environment.
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  queries = await import('@/lib/catalogue/queries');
  await seedReferenceData(database.db);
  const base = { instrumentCode: 'UNGASS2016', sourceName: 'fixture' };
  await importInstrument(database.db, null, { ...base, text: fixture('outcome-document.en.txt'), language: 'en' });
  await importInstrument(database.db, null, { ...base, text: fixture('outcome-document.zh.txt'), language: 'zh' });
  const areas = { 'para. 1': 'TA6', 'para. 2': 'TA3.2', 'para. 2(a)': 'TA3.2', 'para. 2(b)': 'TA3.2', 'para. 3': 'TA6', 'para. 4': 'TA6', 'para. 5': 'TA6' };
  await importInstrument(database.db, null, { instrumentCode: 'GA73/192', sourceName: 'fixture', text: fixture('resolution.en.txt'), language: 'en', areas });
});

afterAll(() => database.drop());

const references = (rows: { instrument: { code: string }; reference: string }[]) => rows.map((row) => `${row.instrument.code} ${row.reference}`);

describe('searchCommitments', () => {
  it('finds words in English, whatever their case', async () => {
    const { rows, total } = await queries.searchCommitments({ q: 'GADGET AVAILABILITY' }, 'en');
    expect(total).toBe(rows.length);
    expect(references(rows)).toEqual(expect.arrayContaining(['UNGASS2016 2(a)', 'UNGASS2016 2(b)']));
    expect(rows.every((row) => /gadget availability/i.test(row.text!.text))).toBe(true);
  });

  it('takes % and _ as themselves, not as wildcards', async () => {
    expect((await queries.searchCommitments({ q: '%' }, 'en')).total).toBe(0);
    expect((await queries.searchCommitments({ q: '_' }, 'en')).total).toBe(0);
  });

  it('finds Chinese words, and shows each hit in the reader language when it exists', async () => {
    const { rows } = await queries.searchCommitments({ q: '部件协调' }, 'zh');
    expect(references(rows)).toEqual(['UNGASS2016 1(a)']);
    expect(rows[0]!.text).toMatchObject({ locale: 'zh', isFallback: false });
  });

  it('filters by instrument, and by thematic area including its sub-areas', async () => {
    expect((await queries.searchCommitments({ instrument: 'GA73/192' }, 'en')).total).toBe(7);
    const ta3 = await queries.searchCommitments({ area: 'TA3' }, 'en');
    expect(references(ta3.rows)).toEqual(expect.arrayContaining(['UNGASS2016 3(a)', 'GA73/192 para. 2']));
    const subArea = await queries.searchCommitments({ area: 'TA3.2' }, 'en');
    expect(references(subArea.rows).sort()).toEqual(['GA73/192 para. 2', 'GA73/192 para. 2(a)', 'GA73/192 para. 2(b)']);
  });

  it('falls back to English, and says so, where the reader language is missing', async () => {
    const { rows } = await queries.searchCommitments({ instrument: 'UNGASS2016', q: '2(aa)' }, 'zh');
    expect(rows).toEqual([]);
    const all = await queries.searchCommitments({ instrument: 'UNGASS2016' }, 'zh');
    const untranslated = all.rows.find((row) => row.reference === '2(aa)')!;
    expect(untranslated.text).toMatchObject({ locale: 'en', isFallback: true });
  });
});

describe('thematic area and instrument pages', () => {
  it('lists the commitments of every instrument in an area', async () => {
    const area = await queries.getThematicArea('ta6', 'en');
    expect(area.code).toBe('TA6');
    expect(new Set(area.commitments.map((row) => row.instrument.code))).toEqual(new Set(['GA73/192']));
  });

  it('gives an instrument by its slug, with its chapters and languages', async () => {
    const instrument = await queries.getInstrument('ungass2016', 'zh');
    expect(instrument.chapters.map((chapter) => chapter.number)).toEqual([1, 2, 3]);
    expect(instrument.chapters[0]!.title).toMatch(/^关于虚构部件协调/);
    expect(instrument.languages).toEqual(['en', 'zh']);
    expect(instrument.commitments).toHaveLength(38);
  });
});
