// The import screens, against real PostgreSQL: refusals worded in the reader's language (not
// the parser's English), a document dry run that lists paragraphs, footnotes and the lines not
// read as they look (cut for a long text), and a document's internal file name for staff only.
import { readFileSync } from 'node:fs';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageInstrumentImport } from '@/lib/catalogue/staged-import';
import { stageDocumentImport } from '@/lib/documents/staged-import';
import { importDocument } from '@/lib/documents/import-document';
import { DRY_RUN_LIMITS } from '@/lib/import/dry-run';
import { DomainError } from '@/lib/errors';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { seedReferenceData } from '@/prisma/seed/seed-reference';
import { createAppTestDatabase } from '../support/test-database';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const REPORT = fixture('reports/report.en.txt');

let database: Awaited<ReturnType<typeof createAppTestDatabase>>;
let queries: typeof import('@/lib/documents/queries');
let officer: { id: string; email: string };

beforeAll(async () => {
  database = await createAppTestDatabase();
  queries = await import('@/lib/documents/queries');
  await seedReferenceData(database.db);
  officer = await database.db.user.create({
    data: { email: 'imports-officer@example.test', name: 'Officer', role: 'SECRETARIAT', passwordHash: 'x' },
    select: { id: true, email: true },
  });
});

afterAll(() => database.drop());

/** The refusal as the action shows it (lib/action-state.ts): the error's key and values, in `locale`. */
async function refusal(work: Promise<unknown>, locale: 'en' | 'zh'): Promise<{ key: string; message: string }> {
  const error = await work.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  const { key, values } = error as DomainError;
  const t = createTranslator({ locale, messages: locale === 'zh' ? zh : en, namespace: 'errors' });
  return { key, message: t(key as never, values as never) };
}

/** English words (three Latin letters or more): none may show in a Chinese message. */
const ENGLISH_WORD = /[A-Za-z]{3,}/;

describe('a refused text is said in the language of the page', () => {
  it('an instrument in the wrong script', async () => {
    const stage = () => stageInstrumentImport(database.db, officer.id, {
      text: fixture('instruments/outcome-document.en.txt'), instrumentCode: 'MD2019', language: 'zh', sourceName: 'x.txt',
    });
    const chinese = await refusal(stage(), 'zh');
    expect(chinese.key).toBe('import.language-mismatch');
    expect(chinese.message).toContain('文本声明为中文（zh），但其中大部分文字是拉丁字母。');
    expect(chinese.message).not.toMatch(ENGLISH_WORD);
    expect((await refusal(stage(), 'en')).message).toContain('The text was declared as Chinese (zh), but most of its letters are Latin.');
  });

  it('an instrument that mixes languages', async () => {
    const chinese = await refusal(stageInstrumentImport(database.db, officer.id, {
      text: fixture('instruments/mixed-languages.en.txt'), instrumentCode: 'MD2019', language: 'en', sourceName: 'x.txt',
    }), 'zh');
    expect(chinese.key).toBe('import.mixed-languages');
    expect(chinese.message).toMatch(/^文本混合了多种语文：\d+个项目中有\d+个不是英文（1\(b\), 1\(d\)）。/);
    expect(chinese.message).not.toMatch(ENGLISH_WORD);
  });

  it('a report in the wrong script', async () => {
    const chinese = await refusal(stageDocumentImport(database.db, officer.id, {
      text: REPORT, symbol: 'X/IMPORTS/0', language: 'zh', sourceName: 'x.txt', publishedOn: null,
    }), 'zh');
    expect(chinese.key).toBe('documentImport.language-mismatch');
    expect(chinese.message).toBe('文本声明为中文（zh），但其中大部分文字是拉丁字母。请选择正确的语文。');
  });
});

describe('the dry run of a document', () => {
  it('lists every paragraph with its section and first words, and the footnotes', async () => {
    const { preview } = await stageDocumentImport(database.db, officer.id, {
      text: REPORT, symbol: 'X/IMPORTS/1', language: 'en', sourceName: 'report.en.txt', publishedOn: null,
    });
    expect(preview.paragraphs).toHaveLength(preview.paragraphCount);
    expect(preview.paragraphs.map((paragraph) => paragraph.number)).toEqual(Array.from({ length: preview.paragraphCount }, (_, i) => i + 1));
    for (const paragraph of preview.paragraphs) {
      expect(paragraph.excerpt.length).toBeGreaterThan(0);
      expect(paragraph.excerpt.length).toBeLessThanOrEqual(91);
    }
    expect(preview.paragraphs.some((paragraph) => paragraph.footnoteRefs.length > 0)).toBe(true);
    expect(preview.footnotes.map((footnote) => footnote.number)).toEqual([1, 2, 3]);
    expect(preview.footnoteCount).toBe(3);
    expect(preview.lineNotes).toEqual([]);
  });

  it('says where a footnote line went when it was not read as a footnote', async () => {
    const withoutRules = REPORT.split('\n').filter((line) => !/^_{5,}\s*$/.test(line.trim())).join('\n');
    const { preview } = await stageDocumentImport(database.db, officer.id, {
      text: withoutRules, symbol: 'X/IMPORTS/2', language: 'en', sourceName: 'report.en.txt', publishedOn: null,
    });
    expect(preview.footnoteCount).toBe(0);
    expect(preview.lineNoteCount).toBeGreaterThan(0);
    expect(preview.lineNotes[0]).toMatchObject({ reason: 'footnote-outside-block', placement: { kind: 'paragraph' } });
    expect(preview.lineNotes[0]!.text).toMatch(/^1 /);
  });

  it('cuts the lists of a long document and counts the rest', async () => {
    const paragraphs = Array.from({ length: 450 }, (_, i) => `${i + 1}. Invented paragraph ${i + 1} of a long synthetic report for the dry run, ${'with filler words '.repeat(20)}end.`);
    const text = `X/IMPORTS/3\n\nInvented long report\n\nI. Introduction\n\n${paragraphs.join('\n\n')}\n`;
    const { preview } = await stageDocumentImport(database.db, officer.id, {
      text, symbol: 'X/IMPORTS/3', language: 'en', sourceName: 'long.txt', publishedOn: null,
    });
    expect(preview.paragraphCount).toBe(450);
    expect(preview.paragraphs).toHaveLength(DRY_RUN_LIMITS.paragraphs);
    expect(preview.paragraphs.at(-1)!.number).toBe(DRY_RUN_LIMITS.paragraphs);
    // What goes to the browser stays small, whatever the length of the text.
    expect(JSON.stringify(preview).length).toBeLessThan(50_000);
  });
});

describe("a document's provenance", () => {
  it('names the internal file only to staff', async () => {
    await importDocument(database.db, officer, { text: REPORT, symbol: 'X/IMPORTS/4', language: 'en', sourceName: 'X-IMPORTS-4.en.txt' });
    const as = (role: 'ADMIN' | 'SECRETARIAT' | 'FOCAL_POINT' | 'VIEWER' | null) => queries.getDocument('x-imports-4', 'en', role ? { role, entityId: null } : null);
    expect((await as(null)).staffProvenance).toBeNull();
    expect((await as('FOCAL_POINT')).staffProvenance).toBeNull();
    expect((await as('VIEWER')).staffProvenance).toBeNull();
    expect((await as('SECRETARIAT')).staffProvenance).toEqual({ sourceName: 'X-IMPORTS-4.en.txt', importedBy: officer.email });
    expect((await as('ADMIN')).staffProvenance).toEqual({ sourceName: 'X-IMPORTS-4.en.txt', importedBy: officer.email });
    const anonymous = await as(null);
    expect(JSON.stringify(anonymous)).not.toContain('X-IMPORTS-4.en.txt');
    expect(JSON.stringify(anonymous)).not.toContain(officer.email);
  });
});

describe("a commitment's provenance", () => {
  it('names the imported file and the importer only to staff who import; others read the symbol', async () => {
    const catalogue = await import('@/lib/catalogue/queries');
    const instrument = await database.db.instrument.create({
      data: { code: 'XPROV', symbol: 'X/PROV/1', title: { en: 'Provenance test (synthetic)' }, adoptedYear: 2026, adoptedBy: { en: 'Tests' } }, select: { id: true },
    });
    const area = await database.db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
    const { id } = await database.db.commitment.create({
      data: {
        instrumentId: instrument.id, thematicAreaId: area.id, reference: '1(a)', kind: 'OPERATIONAL_RECOMMENDATION', order: 1,
        texts: { create: [{ locale: 'en', text: '[TEST] Synthetic wording.', sourceName: 'X-PROV-1.en.txt', importedByEmail: officer.email }] },
      },
      select: { id: true },
    });
    const as = (role: 'ADMIN' | 'SECRETARIAT' | 'FOCAL_POINT' | null) =>
      catalogue.getCommitment(role ? ({ id: 'reader', email: 'r@example.test', name: 'R', role, entityId: null, entity: null, locale: 'en', seesWholeWorklist: false }) : null, id, 'en');
    for (const reader of [null, 'FOCAL_POINT'] as const) {
      const detail = await as(reader);
      expect(detail.provenance).toMatchObject([{ sourceName: 'X/PROV/1', importedBy: null }]);
      expect(JSON.stringify(detail)).not.toContain('X-PROV-1.en.txt');
      expect(JSON.stringify(detail)).not.toContain(officer.email);
    }
    expect((await as('SECRETARIAT')).provenance).toMatchObject([{ sourceName: 'X-PROV-1.en.txt', importedBy: officer.email }]);
  });
});
