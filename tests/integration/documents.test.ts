import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '@/lib/documents/import-document';
import { stageDocumentImport, confirmStagedDocument } from '@/lib/documents/staged-import';
import { numberRanges } from '@/lib/documents/citation';
import { DomainError } from '@/lib/errors';
import { seedReferenceData } from '@/prisma/seed/seed-reference';
import { createTestDatabase } from '../support/test-database';

const REPORT = readFileSync(new URL('../../prisma/seed/documents/A-74-129.zh.txt', import.meta.url), 'utf8');
const SYNTHETIC = readFileSync(new URL('../fixtures/reports/report.en.txt', import.meta.url), 'utf8');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let queries: typeof import('@/lib/documents/queries');
let officer: { id: string; email: string };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  queries = await import('@/lib/documents/queries');
  await seedReferenceData(database.db);
  officer = await database.db.user.create({
    data: { email: 'officer@example.test', name: 'Officer', role: 'SECRETARIAT', passwordHash: 'x' },
    select: { id: true, email: true },
  });
});

afterAll(() => database.drop());

const counts = async () => ({
  documents: await database.db.sourceDocument.count(),
  paragraphs: await database.db.paragraph.count(),
  sections: await database.db.documentSection.count(),
  footnotes: await database.db.footnote.count(),
  audit: await database.db.auditEvent.count(),
});

describe('importing A/74/129', () => {
  it('stores its 102 paragraphs, sections and 3 footnotes, with provenance and thematic areas', async () => {
    const result = await importDocument(database.db, officer, {
      text: REPORT, symbol: 'A/74/129', language: 'zh', sourceName: 'A-74-129.zh.txt', publishedOn: new Date('2019-06-17T00:00:00Z'),
    });
    expect(result).toMatchObject({ mode: 'new', paragraphCount: 102, footnoteCount: 3, title: '国际合作对付世界毒品问题' });
    const document = await database.db.sourceDocument.findUniqueOrThrow({
      where: { symbol_language: { symbol: 'A/74/129', language: 'zh' } },
      select: { importedByEmail: true, sourceName: true, publishedOn: true, _count: { select: { paragraphs: true, footnotes: true, sections: true } } },
    });
    expect(document).toMatchObject({ importedByEmail: 'officer@example.test', sourceName: 'A-74-129.zh.txt', _count: { paragraphs: 102, footnotes: 3 } });
    expect(document._count.sections).toBe(result.sections.length);

    const area = async (number: number) =>
      (await database.db.paragraph.findFirstOrThrow({ where: { number }, select: { sectionPath: true, thematicArea: { select: { code: true } } } }));
    const first = await database.db.paragraph.findMany({ where: { sectionPath: 'IV.C.2' }, select: { number: true, thematicArea: { select: { code: true } } } });
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((paragraph) => paragraph.thematicArea?.code === 'TA3.2')).toBe(true);
    expect((await area(1)).thematicArea).toBeNull(); // the introduction is in no thematic area
    expect(await database.db.auditEvent.count({ where: { action: 'document.import' } })).toBe(1);
  });

  it('shows each thematic area its evidence as ranges of paragraphs', async () => {
    const ta1 = await queries.evidenceForArea('TA1');
    expect(ta1).toHaveLength(1);
    const sectionA = await database.db.paragraph.findMany({ where: { sectionPath: { startsWith: 'IV.A' } }, select: { number: true } });
    expect(ta1[0]).toMatchObject({ symbol: 'A/74/129', language: 'zh', numbers: sectionA.map((p) => p.number).sort((a, b) => a - b) });
    expect(numberRanges(ta1[0]!.numbers)).toMatch(/^\d+-\d+$/);
    // An area includes its sub-areas.
    const ta3 = await queries.evidenceForArea('TA3');
    const sectionC = await database.db.paragraph.count({ where: { sectionPath: { startsWith: 'IV.C' } } });
    expect(ta3[0]!.numbers).toHaveLength(sectionC);
  });

  it('says "already imported" for the same file and changes nothing', async () => {
    const before = await counts();
    const result = await importDocument(database.db, officer, { text: REPORT, symbol: 'A/74/129', language: 'zh', sourceName: 'again.txt' });
    expect(result.mode).toBe('already-imported');
    expect(await counts()).toEqual(before);
  });

  it('finds 芬太尼 in paragraphs 7, 13 and 67 and no other', async () => {
    const { hits, total } = await queries.searchParagraphs('芬太尼');
    expect(total).toBe(3);
    expect(hits.map((hit) => hit.number)).toEqual([7, 13, 67]);
  });

  it('imports a corrected version: unchanged paragraphs keep their evidence, changed ones are listed', async () => {
    const commitment = await createCommitment();
    const paragraph = async (number: number) => database.db.paragraph.findFirstOrThrow({ where: { number }, select: { id: true, text: true } });
    const p25 = await paragraph(25);
    const p30 = await paragraph(30);
    await database.db.evidenceLink.createMany({
      data: [25, 30].map((number) => ({ commitmentId: commitment, kind: 'PARAGRAPH' as const, paragraphId: number === 25 ? p25.id : p30.id })),
    });
    const corrected = REPORT.replace(p30.text.slice(0, 12), `${p30.text.slice(0, 12)}（更正）`);
    expect(corrected).not.toBe(REPORT);

    const result = await importDocument(database.db, officer, { text: corrected, symbol: 'A/74/129', language: 'zh', sourceName: 'corrected.txt' });
    expect(result).toMatchObject({ mode: 'corrected', changed: [30], added: [], removed: [], paragraphCount: 102 });
    expect((await paragraph(25)).id).toBe(p25.id);
    const updated = await database.db.paragraph.findFirstOrThrow({ where: { number: 30 }, select: { id: true, text: true, textChangedAt: true } });
    expect(updated).toMatchObject({ id: p30.id });
    expect(updated.text).toContain('（更正）');
    expect(updated.textChangedAt).toBeInstanceOf(Date);
    expect(await database.db.evidenceLink.count({ where: { commitmentId: commitment } })).toBe(2);
    const untouched = await database.db.paragraph.findFirstOrThrow({ where: { number: 25 }, select: { textChangedAt: true } });
    expect(untouched.textChangedAt).toBeNull();
  });
});

describe('the import screen', () => {
  it('previews a dry run, then imports exactly what was previewed', async () => {
    const { stagedId, preview } = await stageDocumentImport(database.db, officer.id, {
      text: SYNTHETIC, symbol: 'X/INVENTED/1', language: 'en', sourceName: 'report.en.txt', publishedOn: null,
    });
    expect(preview).toMatchObject({ mode: 'new', paragraphCount: 18 });
    expect(await database.db.sourceDocument.count({ where: { symbol: 'X/INVENTED/1' } })).toBe(0);
    const result = await confirmStagedDocument(database.db, officer, stagedId);
    expect(result).toMatchObject({ mode: 'new', paragraphCount: 18 });
    await expect(confirmStagedDocument(database.db, officer, stagedId)).rejects.toMatchObject({ key: 'importExpired' });
  });

  it.each([
    ['empty', '  \n ', 'en', 'documentImport.empty'],
    ['not a report', readFileSync(new URL('../fixtures/reports/prose.en.txt', import.meta.url), 'utf8'), 'en', 'documentImport.not-a-report'],
    ['over 20 MB', `1. ${'x'.repeat(20 * 1024 * 1024)}`, 'en', 'documentImport.too-large'],
    ['an unknown language', SYNTHETIC, 'de', 'documentImport.unsupported-language'],
    ['the wrong language', REPORT, 'en', 'documentImport.language-mismatch'],
    ['repeated paragraph numbers', readFileSync(new URL('../fixtures/reports/irregular.en.txt', import.meta.url), 'utf8'), 'en', 'documentImport.repeatedParagraphs'],
  ])('refuses %s with a clear message and stores nothing', async (_name, text, language, key) => {
    const before = await counts();
    const error = await stageDocumentImport(database.db, officer.id, { text, symbol: 'X/BAD/1', language, sourceName: 'bad.txt' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).key).toBe(key);
    expect(await counts()).toEqual(before);
  });
});

async function createCommitment(): Promise<string> {
  const [instrument, area] = await Promise.all([
    database.db.instrument.findUniqueOrThrow({ where: { code: 'UNGASS2016' }, select: { id: true } }),
    database.db.thematicArea.findUniqueOrThrow({ where: { code: 'TA1' }, select: { id: true } }),
  ]);
  const commitment = await database.db.commitment.create({
    data: { instrumentId: instrument.id, thematicAreaId: area.id, reference: '1(a)', kind: 'OPERATIONAL_RECOMMENDATION', chapter: 1, order: 1 },
    select: { id: true },
  });
  return commitment.id;
}
