// Importing an instrument's French, Russian and Arabic texts (synthetic fixtures lettered "a)",
// "а)" and "(أ)" as those languages' official texts are): the first creates the commitments, the
// others attach to the same ones by reference, item for item.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInstrument, previewInstrumentImport } from '@/lib/catalogue/import-instrument';
import { seedReferenceData } from '@/prisma/seed/seed-reference';
import { createTestDatabase } from '../support/test-database';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/instruments/${name}`, import.meta.url), 'utf8');
const LETTERS = [...'abcdefghij'];
const REFERENCES = [...LETTERS.slice(0, 6).map((letter) => `1(${letter})`), ...LETTERS.map((letter) => `2(${letter})`)];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let secretariat: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  secretariat = await database.db.user.create({
    data: { email: 'officer@example.test', name: 'Officer', role: 'SECRETARIAT', passwordHash: 'x' },
    select: { id: true },
  });
});

afterAll(() => database.drop());

const textOf = async (reference: string, locale: string) =>
  (await database.db.commitmentText.findFirst({ where: { locale, commitment: { reference, instrument: { code: 'UNGASS2016' } } } }))?.text;

describe('importing an outcome document in French, Russian and Arabic', () => {
  it('creates every item from the French text, cited by chapter and letter, with its chapter\'s area', async () => {
    const result = await importInstrument(database.db, secretariat.id, {
      text: fixture('outcome-document.fr.txt'), instrumentCode: 'UNGASS2016', language: 'fr', sourceName: 'outcome-document.fr.txt',
    });
    expect(result).toMatchObject({ mode: 'new', created: 16, translated: 0, unmatched: [] });
    const commitments = await database.db.commitment.findMany({
      where: { instrument: { code: 'UNGASS2016' } },
      orderBy: { order: 'asc' },
      select: { reference: true, chapter: true, thematicArea: { select: { code: true } } },
    });
    expect(commitments.map((commitment) => commitment.reference)).toEqual(REFERENCES);
    expect(commitments.map((commitment) => commitment.thematicArea.code)).toEqual([...Array<string>(6).fill('TA1'), ...Array<string>(10).fill('TA2')]);
    expect(await textOf('1(b)', 'fr')).toBe(
      'Texte synthétique d’un élément sur l’étalonnage des gadgets, assez long pour continuer sur une deuxième ligne, comme le fait souvent un texte copié ;',
    );
  });

  it.each([
    ['ru', {
      '1(b)': 'Синтетический текст элемента о калибровке гаджетов, достаточно длинный, чтобы продолжиться на второй строке, как это часто бывает со скопированным текстом;',
      '2(i)': 'Синтетический текст номер девять о доступе к гаджетам;',
    }],
    ['ar', {
      '1(e)': 'نص اصطناعي لبند عن معايير الأجهزة الوهمية؛',
      '2(i)': 'نص اصطناعي رقم تسعة عن الحصول على الأجهزة؛',
    }],
  ])('attaches the %s text to the same commitments, item for item', async (language, texts) => {
    const text = fixture(`outcome-document.${language}.txt`);
    const preview = await previewInstrumentImport(database.db, { text, instrumentCode: 'UNGASS2016', language });
    expect(preview.mode).toBe('translation');
    expect(preview.items.map((entry) => [entry.reference, entry.change])).toEqual(REFERENCES.map((key) => [key, 'translate']));
    const result = await importInstrument(database.db, secretariat.id, {
      text, instrumentCode: 'UNGASS2016', language, sourceName: `outcome-document.${language}.txt`,
    });
    expect(result).toMatchObject({ mode: 'translation', created: 0, translated: 16, unmatched: [], missingFromText: [] });
    for (const [reference, wording] of Object.entries(texts)) expect(await textOf(reference, language)).toBe(wording);
  });

  it('keeps one commitment per item, each with its three texts, and each chapter\'s title in the three languages', async () => {
    const commitments = await database.db.commitment.findMany({
      where: { instrument: { code: 'UNGASS2016' } },
      select: { reference: true, texts: { select: { locale: true } } },
    });
    expect(commitments).toHaveLength(16);
    for (const commitment of commitments) expect(commitment.texts.map((text) => text.locale).sort()).toEqual(['ar', 'fr', 'ru']);
    const chapters = await database.db.instrumentChapter.findMany({ orderBy: { number: 'asc' } });
    expect(chapters.map((chapter) => Object.keys(chapter.title as object).sort())).toEqual([['ar', 'fr', 'ru'], ['ar', 'fr', 'ru']]);
    expect((chapters[1]!.title as Record<string, string>).ar).toBe('توصيات تنفيذية وهمية بشأن توافر الأجهزة المتخيلة');
  });
});
