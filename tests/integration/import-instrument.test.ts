import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInstrument, previewInstrumentImport } from '@/lib/catalogue/import-instrument';
import { stageInstrumentImport, confirmStagedImport } from '@/lib/catalogue/staged-import';
import { editCommitmentText, relateCommitments, unrelateCommitments } from '@/lib/catalogue/mutations';
import { checksumOf } from '@/lib/catalogue/checksum';
import { DomainError } from '@/lib/errors';
import { seedReferenceData } from '@/prisma/seed/seed-reference';
import { createTestDatabase } from '../support/test-database';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/instruments/${name}`, import.meta.url), 'utf8');
const OUTCOME_EN = fixture('outcome-document.en.txt');
const OUTCOME_ZH = fixture('outcome-document.zh.txt');
const RESOLUTION_EN = fixture('resolution.en.txt');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let secretariat: { id: string; email: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  secretariat = await database.db.user.create({
    data: { email: 'officer@example.test', name: 'Officer', role: 'SECRETARIAT', passwordHash: 'x' },
    select: { id: true, email: true },
  });
});

afterAll(() => database.drop());

const counts = async () => ({
  commitments: await database.db.commitment.count(),
  texts: await database.db.commitmentText.count(),
  chapters: await database.db.instrumentChapter.count(),
  audit: await database.db.auditEvent.count(),
});

const textOf = async (reference: string, locale: string) =>
  (await database.db.commitmentText.findFirst({ where: { locale, commitment: { reference, instrument: { code: 'UNGASS2016' } } } }))?.text;

describe('importing an outcome document', () => {
  it('creates every item with its chapter area, provenance and one audit row', async () => {
    const result = await importInstrument(database.db, secretariat.id, {
      text: OUTCOME_EN, instrumentCode: 'UNGASS2016', language: 'en', sourceName: 'outcome-document.en.txt',
    });
    expect(result).toMatchObject({ mode: 'new', created: 38, translated: 0, updated: 0, unmatched: [] });

    const item = await database.db.commitment.findFirstOrThrow({
      where: { reference: '2(aa)', instrument: { code: 'UNGASS2016' } },
      select: { kind: true, chapter: true, thematicArea: { select: { code: true } }, texts: true },
    });
    expect(item).toMatchObject({ kind: 'OPERATIONAL_RECOMMENDATION', chapter: 2, thematicArea: { code: 'TA2' } });
    expect(item.texts[0]).toMatchObject({
      locale: 'en', sourceName: 'outcome-document.en.txt', sourceChecksum: checksumOf(OUTCOME_EN),
      importedById: secretariat.id, importedByEmail: 'officer@example.test',
    });
    const chapters = await database.db.instrumentChapter.findMany({ orderBy: { number: 'asc' } });
    expect(chapters.map((chapter) => chapter.number)).toEqual([1, 2, 3]);
    expect((chapters[1]!.title as Record<string, string>).en).toMatch(/^Operational recommendations on invented gadget availability/);
    const audit = await database.db.auditEvent.findMany({ where: { action: 'catalogue.import' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ instrument: 'UNGASS2016', language: 'en', created: 38 });
  });

  it('says "already imported" for the same text and changes nothing', async () => {
    const before = await counts();
    const result = await importInstrument(database.db, secretariat.id, {
      text: OUTCOME_EN, instrumentCode: 'UNGASS2016', language: 'en', sourceName: 'again.txt',
    });
    expect(result).toMatchObject({ alreadyImported: true, created: 0, updated: 0, unchanged: 38 });
    expect(await counts()).toEqual(before);
  });

  it('attaches a second language by reference and reports what does not match', async () => {
    const preview = await previewInstrumentImport(database.db, { text: OUTCOME_ZH, instrumentCode: 'UNGASS2016', language: 'zh' });
    expect(preview.mode).toBe('translation');
    const result = await importInstrument(database.db, secretariat.id, {
      text: OUTCOME_ZH, instrumentCode: 'UNGASS2016', language: 'zh', sourceName: 'outcome-document.zh.txt',
    });
    expect(result).toMatchObject({ mode: 'translation', created: 0, translated: 6, unmatched: [] });
    expect(result.missingFromText).toContain('2(aa)');
    expect(result.missingFromText).toHaveLength(32);
    expect(await textOf('1(a)', 'zh')).toBe('虚构条目文本，涉及部件协调，仅用于解析器测试；');
    const chapter = await database.db.instrumentChapter.findFirstOrThrow({ where: { number: 1 } });
    expect(Object.keys(chapter.title as object).sort()).toEqual(['en', 'zh']);
  });

  it('imports a corrected text, keeping the replaced wording', async () => {
    const corrected = OUTCOME_EN.replace('Invented item text number two about gadget availability;', 'Corrected invented item text number two;');
    const result = await importInstrument(database.db, secretariat.id, {
      text: corrected, instrumentCode: 'UNGASS2016', language: 'en', sourceName: 'corrected.txt',
    });
    expect(result).toMatchObject({ mode: 'update', updated: 1, unchanged: 37, created: 0 });
    expect(await textOf('2(b)', 'en')).toBe('Corrected invented item text number two;');
    const revision = await database.db.commitmentTextRevision.findFirstOrThrow({ where: { reason: 'import' } });
    expect(revision).toMatchObject({ locale: 'en', text: 'Invented item text number two about gadget availability;', sourceName: 'outcome-document.en.txt' });
  });

  it.each([
    ['empty', '   \n  ', 'import.empty'],
    ['prose', fixture('prose.en.txt'), 'import.not-an-instrument'],
    ['mixed languages', fixture('mixed-languages.en.txt'), 'import.mixed-languages'],
    ['over 5 MB', `1. Title\n(a) ${'x'.repeat(5 * 1024 * 1024)};`, 'import.too-large'],
  ])('refuses %s with a clear message and stores nothing', async (_name, text, key) => {
    const before = await counts();
    const error = await stageInstrumentImport(database.db, secretariat.id, {
      text, instrumentCode: 'MD2019', language: 'en', sourceName: 'bad.txt',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).key).toBe(key);
    expect(await counts()).toEqual(before);
    expect(await database.db.stagedImport.count()).toBe(0);
  });

  it('refuses an unknown instrument', async () => {
    await expect(previewInstrumentImport(database.db, { text: OUTCOME_EN, instrumentCode: 'NOPE', language: 'en' }))
      .rejects.toMatchObject({ key: 'unknownInstrument' });
  });
});

describe('importing a resolution through the staged preview', () => {
  it('proposes areas, takes the ones a person chose, and imports operative paragraphs', async () => {
    const { stagedId, preview } = await stageInstrumentImport(database.db, secretariat.id, {
      text: RESOLUTION_EN, instrumentCode: 'GA73/192', language: 'en', sourceName: 'resolution.en.txt',
    });
    expect(preview.items.map((item) => item.reference)).toEqual(['para. 1', 'para. 2', 'para. 2(a)', 'para. 2(b)', 'para. 3', 'para. 4', 'para. 5']);
    expect(preview.items.every((item) => item.areaSource !== 'chapter')).toBe(true);
    const chosen = Object.fromEntries(preview.items.map((item) => [item.reference, 'TA6']));
    chosen['para. 3'] = 'TA3.2';

    // Someone else cannot confirm this preview.
    const other = await database.db.user.create({ data: { email: 'other@example.test', name: 'Other', role: 'SECRETARIAT', passwordHash: 'x' } });
    await expect(confirmStagedImport(database.db, other.id, stagedId, chosen)).rejects.toMatchObject({ key: 'importExpired' });

    const progress: number[] = [];
    const result = await confirmStagedImport(database.db, secretariat.id, stagedId, chosen, (done) => progress.push(done));
    expect(result).toMatchObject({ created: 7, instrumentCode: 'GA73/192' });
    expect(progress.at(-1)).toBe(7);
    const paragraph = await database.db.commitment.findFirstOrThrow({
      where: { reference: 'para. 3', instrument: { code: 'GA73/192' } },
      select: { kind: true, chapter: true, thematicArea: { select: { code: true } } },
    });
    expect(paragraph).toEqual({ kind: 'OPERATIVE_PARAGRAPH', chapter: null, thematicArea: { code: 'TA3.2' } });
    // A preview is used once.
    await expect(confirmStagedImport(database.db, secretariat.id, stagedId, chosen)).rejects.toMatchObject({ key: 'importExpired' });
  });
});

describe('secretariat changes to the catalogue', () => {
  const idOf = async (instrument: string, reference: string) =>
    (await database.db.commitment.findFirstOrThrow({ where: { reference, instrument: { code: instrument } }, select: { id: true } })).id;

  it('corrects a wording, keeps the old one, and refuses a stale edit', async () => {
    const id = await idOf('UNGASS2016', '1(a)');
    const current = (await textOf('1(a)', 'en'))!;
    await expect(editCommitmentText(database.db, secretariat, { commitmentId: id, locale: 'en', text: 'Edited synthetic text;', baseChecksum: checksumOf(current) }))
      .resolves.toEqual({ changed: true });
    await expect(editCommitmentText(database.db, secretariat, { commitmentId: id, locale: 'en', text: 'A second, stale edit;', baseChecksum: checksumOf(current) }))
      .rejects.toMatchObject({ key: 'staleText' });
    expect(await textOf('1(a)', 'en')).toBe('Edited synthetic text;');
    const revision = await database.db.commitmentTextRevision.findFirstOrThrow({ where: { commitmentId: id, reason: 'edit' } });
    expect(revision.text).toBe(current);
    expect(await database.db.auditEvent.count({ where: { action: 'commitment.edit-text', entityId: id } })).toBe(1);
  });

  it('relates commitments of different instruments once, in either direction, and unrelates them', async () => {
    const a = await idOf('UNGASS2016', '3(a)');
    const b = await idOf('GA73/192', 'para. 3');
    await relateCommitments(database.db, secretariat.id, a, { instrumentCode: 'GA73/192', reference: 'para. 3' });
    await relateCommitments(database.db, secretariat.id, b, { instrumentCode: 'UNGASS2016', reference: '3(a)' });
    expect(await database.db.commitmentRelation.count()).toBe(1);
    await expect(relateCommitments(database.db, secretariat.id, a, { instrumentCode: 'UNGASS2016', reference: '3(b)' }))
      .rejects.toMatchObject({ key: 'sameInstrument' });
    await expect(relateCommitments(database.db, secretariat.id, a, { instrumentCode: 'GA73/192', reference: 'para. 99' }))
      .rejects.toMatchObject({ key: 'unknownReference' });
    await expect(unrelateCommitments(database.db, secretariat.id, b, a)).resolves.toEqual({ removed: true });
    expect(await database.db.commitmentRelation.count()).toBe(0);
    expect(await database.db.auditEvent.count({ where: { action: { in: ['commitment.relate', 'commitment.unrelate'] } } })).toBe(3);
  });
});

describe('confirming a preview', () => {
  it('imports once when the same preview is confirmed twice at the same moment', async () => {
    const text = fixture('outcome-document.en.txt');
    const { stagedId } = await stageInstrumentImport(database.db, secretariat.id, { text, instrumentCode: 'JMS2014', language: 'en', sourceName: 'twice.txt' });
    const areas = {};
    const outcomes = await Promise.allSettled([
      confirmStagedImport(database.db, secretariat.id, stagedId, areas),
      confirmStagedImport(database.db, secretariat.id, stagedId, areas),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { key: 'importExpired' } });
    expect(await database.db.commitment.count({ where: { instrument: { code: 'JMS2014' } } })).toBe(38);
  });

  it('keeps the preview when the import fails, so that the person can try again', async () => {
    const { stagedId } = await stageInstrumentImport(database.db, secretariat.id, {
      text: fixture('resolution.en.txt'), instrumentCode: 'PD2009', language: 'en', sourceName: 'retry.txt',
    });
    const areas = Object.fromEntries(['para. 1', 'para. 2', 'para. 2(a)', 'para. 2(b)', 'para. 3', 'para. 4', 'para. 5'].map((reference) => [reference, 'TA6']));
    await expect(confirmStagedImport(database.db, secretariat.id, stagedId, { ...areas, 'para. 1': 'TA9.9' })).rejects.toMatchObject({ key: 'unknownArea' });
    await expect(confirmStagedImport(database.db, secretariat.id, stagedId, areas)).resolves.toMatchObject({ created: 7 });
  });

  it('refuses a text in which one reference is used twice, with the references named', async () => {
    const text = fixture('outcome-document.en.txt').replace('(b) Invented item text number two about gadget availability;', '(a) Invented item text number two about gadget availability;');
    await expect(previewInstrumentImport(database.db, { text, instrumentCode: 'MD2019', language: 'en' }))
      .rejects.toMatchObject({ key: 'repeatedReferences', values: { references: '2(a)' } });
  });
});

describe('the public catalogue export', () => {
  it('names who imported each text only when asked to (the secretariat and the command line)', async () => {
    const { exportCatalogueJson } = await import('@/lib/exports/catalogue-export');
    expect(await exportCatalogueJson(database.db)).toContain('officer@example.test');
    expect(await exportCatalogueJson(database.db, { includeImporters: false })).not.toContain('@example.test');
  });
});
