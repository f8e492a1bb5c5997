// Titles in several languages, against real PostgreSQL: thematic areas, instruments and chapters
// have titles in English and Chinese only (until another language is imported), so a French or
// Arabic reader gets the English title, and the queries say which language each title is in for
// the page to mark it. Reporting cycles, named in the application's own words, have a name in all
// six languages. Organisations (UNODC, WHO …) are named in English and Chinese only, States in all six.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInstrument } from '@/lib/catalogue/import-instrument';
import { importDocument } from '@/lib/documents/import-document';
import { createCycle } from '@/lib/cycles/mutations';
import { createCycleSchema } from '@/lib/cycles/schemas';
import { localized } from '@/lib/i18n/localized';
import type { SessionUser } from '@/lib/auth/session';
import { seedReferenceData } from '@/prisma/seed/seed-reference';
import { createTestDatabase } from '../support/test-database';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const REPORT = readFileSync(new URL('../../prisma/seed/documents/A-74-129.zh.txt', import.meta.url), 'utf8');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let catalogue: typeof import('@/lib/catalogue/queries');
let summaries: typeof import('@/lib/summaries/queries');
let documents: typeof import('@/lib/documents/queries');
let statusReports: typeof import('@/lib/status-reports/queries');
let profiles: typeof import('@/lib/summaries/entity-profile');
let entities: typeof import('@/lib/entities/queries');
let admin: SessionUser;
let commitmentId: string;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  database = await createTestDatabase();
  // The queries use the application's client, configured from the environment.
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  [catalogue, summaries, documents, statusReports, profiles, entities] = await Promise.all([
    import('@/lib/catalogue/queries'), import('@/lib/summaries/queries'), import('@/lib/documents/queries'),
    import('@/lib/status-reports/queries'), import('@/lib/summaries/entity-profile'), import('@/lib/entities/queries'),
  ]);
  await seedReferenceData(database.db);
  const base = { instrumentCode: 'UNGASS2016', sourceName: 'fixture' };
  await importInstrument(database.db, null, { ...base, text: fixture('instruments/outcome-document.en.txt'), language: 'en' });
  await importInstrument(database.db, null, { ...base, text: fixture('instruments/outcome-document.zh.txt'), language: 'zh' });
  const user = await database.db.user.create({
    data: { email: 'titles-admin@example.test', name: 'Titles Admin', role: 'ADMIN', passwordHash: 'x' },
    select: { id: true, email: true, name: true },
  });
  admin = { ...user, role: 'ADMIN', entityId: null, entity: null, locale: 'en', seesWholeWorklist: false };
  await importDocument(database.db, user, { text: REPORT, symbol: 'A/74/129', language: 'zh', sourceName: 'A-74-129.zh.txt', publishedOn: null });
  commitmentId = (await database.db.commitment.findFirstOrThrow({
    where: { instrument: { code: 'UNGASS2016' }, chapter: 1 }, orderBy: { order: 'asc' }, select: { id: true },
  })).id;
});

afterAll(() => database.drop());

describe('thematic area titles', () => {
  it('are English, marked as English, for a French reader; Chinese for a Chinese reader', async () => {
    const french = await catalogue.listThematicAreas('fr');
    expect(french).toHaveLength(7);
    expect(french[0]).toMatchObject({ code: 'TA1', title: expect.stringMatching(/^Demand reduction/), titleLocale: 'en' });
    expect(french.flatMap((area) => [area, ...area.subAreas]).every((area) => area.titleLocale === 'en')).toBe(true);

    const chinese = await catalogue.listThematicAreas('zh');
    expect(chinese[0]).toMatchObject({ code: 'TA1', title: expect.stringMatching(/^减少需求/), titleLocale: 'zh' });
    expect(chinese.flatMap((area) => [area, ...area.subAreas]).every((area) => area.titleLocale === 'zh')).toBe(true);
  });

  it('on an area page, with its parent and sub-areas, and on each of its commitments', async () => {
    const area = await catalogue.getThematicArea('TA3', 'ar');
    expect(area).toMatchObject({ code: 'TA3', titleLocale: 'en', subAreas: expect.arrayContaining([expect.objectContaining({ code: 'TA3.2', titleLocale: 'en' })]) });
    const sub = await catalogue.getThematicArea('TA3.2', 'fr');
    expect(sub.parent).toMatchObject({ code: 'TA3', title: expect.stringMatching(/^Supply reduction/), titleLocale: 'en' });
    const { commitments } = await catalogue.getThematicArea('TA1', 'fr');
    expect(commitments.length).toBeGreaterThan(0);
    expect(commitments.every((row) => row.area.titleLocale === 'en')).toBe(true);
    expect((await catalogue.getThematicArea('TA3.2', 'zh')).parent).toMatchObject({ titleLocale: 'zh' });
  });

  it('in the summaries, with the cycle named in the reader’s language', async () => {
    const overview = await summaries.getSummariesOverview(admin, { filters: {} }, 'fr');
    expect(overview.cycle?.name).toBe(`Cycle de rapport ${year}`);
    expect(overview.areas.map((area) => [area.code, area.titleLocale])).toEqual(
      ['TA1', 'TA2', 'TA3', 'TA4', 'TA5', 'TA6', 'TA7'].map((code) => [code, 'en']),
    );
    const view = await summaries.getAreaSummaryView(admin, 'TA3', { filters: {} }, 'ru');
    expect(view?.cycle.name).toBe(`Отчетный цикл ${year} года`);
    expect(view?.area).toMatchObject({ code: 'TA3', titleLocale: 'en', subAreas: expect.arrayContaining([expect.objectContaining({ titleLocale: 'en' })]) });
    expect((await summaries.getAreaSummaryView(admin, 'TA3', { filters: {} }, 'zh'))?.area).toMatchObject({ titleLocale: 'zh', title: expect.stringMatching(/^减少供应/) });
  });

  it('on a paragraph of an imported document', async () => {
    const number = (await database.db.paragraph.findFirstOrThrow({ where: { sectionPath: 'IV.C.2' }, select: { number: true } })).number;
    const paragraph = await documents.getParagraph('a-74-129', 'zh', number, 'es');
    expect(paragraph.document).toMatchObject({ language: 'zh', title: '国际合作对付世界毒品问题' });
    expect(paragraph.area).toMatchObject({ code: 'TA3.2', title: expect.stringMatching(/^Countering illicit trafficking/), titleLocale: 'en' });
    expect((await documents.getParagraph('a-74-129', 'zh', number, 'zh')).area).toMatchObject({ titleLocale: 'zh' });
  });
});

describe('instrument and chapter titles', () => {
  it('are English, marked as English, in the instruments list for an Arabic reader', async () => {
    const arabic = await catalogue.listInstruments('ar');
    expect(arabic.length).toBeGreaterThanOrEqual(5);
    expect(arabic.every((instrument) => instrument.titleLocale === 'en' && instrument.adoptedByLocale === 'en')).toBe(true);
    expect(arabic.find((instrument) => instrument.code === 'UNGASS2016')?.title).toMatch(/^Our joint commitment/);
    expect((await catalogue.listInstruments('zh')).every((instrument) => instrument.titleLocale === 'zh' && instrument.adoptedByLocale === 'zh')).toBe(true);
  });

  it('on an instrument page, its chapters in the languages they were imported in', async () => {
    const french = await catalogue.getInstrument('ungass2016', 'fr');
    expect(french.titleLocale).toBe('en');
    expect(french.chapters.map((chapter) => chapter.titleLocale)).toEqual(['en', 'en', 'en']);
    const chinese = await catalogue.getInstrument('ungass2016', 'zh');
    expect(chinese.chapters.map((chapter) => chapter.titleLocale)).toEqual(['zh', 'zh', 'zh']);
  });

  it("on a commitment's page: its instrument, chapter and area", async () => {
    const french = await catalogue.getCommitment(null, commitmentId, 'fr');
    expect(french).toMatchObject({ instrumentTitleLocale: 'en', chapterTitleLocale: 'en', area: { titleLocale: 'en' } });
    expect(french.instrumentTitle).toMatch(/^Our joint commitment/);
    const chinese = await catalogue.getCommitment(null, commitmentId, 'zh');
    expect(chinese).toMatchObject({ instrumentTitleLocale: 'zh', chapterTitleLocale: 'zh', area: { titleLocale: 'zh' } });
  });
});

describe('in the signed-in workspace', () => {
  it("a worklist: the organisation's name and every area title are English, marked, for a French reader", async () => {
    const french = await statusReports.getWorklist(admin, 'UNODC', {}, 'fr');
    expect(french.entity).toMatchObject({ code: 'UNODC', name: 'United Nations Office on Drugs and Crime', nameLocale: 'en' });
    expect(french.rows.length).toBeGreaterThan(0);
    expect(french.rows[0]!.area).toMatchObject({ title: expect.stringMatching(/^Demand reduction/), titleLocale: 'en' });
    expect(french.rows.every((row) => row.area.titleLocale === 'en')).toBe(true);
    expect(french.areas.length).toBeGreaterThan(0);
    expect(french.areas.every((area) => area.titleLocale === 'en')).toBe(true);

    const chinese = await statusReports.getWorklist(admin, 'UNODC', {}, 'zh');
    expect(chinese.entity).toMatchObject({ name: '联合国毒品和犯罪问题办公室', nameLocale: 'zh' });
    expect(chinese.rows.every((row) => row.area.titleLocale === 'zh')).toBe(true);
    expect(chinese.areas[0]).toMatchObject({ title: expect.stringMatching(/^减少需求/), titleLocale: 'zh' });
    // A State has a name in each language.
    expect((await statusReports.getWorklist(admin, 'MEX', {}, 'fr')).entity).toMatchObject({ name: 'Mexique', nameLocale: 'fr' });
  });

  it("a report page: its commitment's area and instrument", async () => {
    const key = { cycleCode: String(year), entityCode: 'UNODC', commitmentId };
    const french = await statusReports.getReportView(admin, key, 'fr');
    expect(french.commitment.area).toMatchObject({ title: expect.stringMatching(/^Demand reduction/), titleLocale: 'en' });
    expect(french.commitment.instrument).toMatchObject({ title: expect.stringMatching(/^Our joint commitment/), titleLocale: 'en' });
    const chinese = await statusReports.getReportView(admin, key, 'zh');
    expect(chinese.commitment.area.titleLocale).toBe('zh');
    expect(chinese.commitment.instrument.titleLocale).toBe('zh');
  });

  it("the review queue's area filter", async () => {
    const arabic = await statusReports.listReviewQueue(admin, {}, 'ar');
    expect(arabic.areas.map((area) => [area.code, area.titleLocale])).toEqual(['TA1', 'TA2', 'TA3', 'TA4', 'TA5', 'TA6', 'TA7'].map((code) => [code, 'en']));
    expect((await statusReports.listReviewQueue(admin, {}, 'zh')).areas.every((area) => area.titleLocale === 'zh')).toBe(true);
  });

  it("an entity's profile and private page: the organisation's name and the area titles", async () => {
    const french = await profiles.getEntityProfile(admin, 'UNODC', undefined, 'fr');
    expect(french.entity).toMatchObject({ name: 'United Nations Office on Drugs and Crime', nameLocale: 'en' });
    expect(french.areas).toHaveLength(7);
    expect(french.areas.every((area) => area.titleLocale === 'en')).toBe(true);
    const chinese = await profiles.getEntityProfile(admin, 'UNODC', undefined, 'zh');
    expect(chinese.entity.nameLocale).toBe('zh');
    expect(chinese.areas.every((area) => area.titleLocale === 'zh')).toBe(true);

    expect(await entities.getEntityDetail(admin, 'unodc', 'ru')).toMatchObject({ name: 'United Nations Office on Drugs and Crime', nameLocale: 'en' });
    expect(await entities.getEntityDetail(admin, 'MEX', 'es')).toMatchObject({ name: 'México', nameLocale: 'es' });
  });
});

describe('reporting cycle names', () => {
  it('the seeded cycle has a name in each of the six languages', async () => {
    const cycle = await database.db.reportingCycle.findUniqueOrThrow({ where: { code: String(year) }, select: { name: true } });
    expect(cycle.name).toEqual({
      ar: `دورة الإبلاغ لعام ${year}`, zh: `${year}年报告周期`, en: `${year} reporting cycle`,
      fr: `Cycle de rapport ${year}`, ru: `Отчетный цикл ${year} года`, es: `Ciclo de presentación de informes ${year}`,
    });
  });

  it('a new cycle takes a name in each language, English required, the others where given', async () => {
    const form = {
      code: 'titles-2031', periodStart: '2031-01-01', periodEnd: '2031-12-31', opensOn: '2031-01-01', deadline: '2031-12-31',
      nameEn: '[TEST] Synthetic cycle', nameZh: '', nameFr: '[TEST] Cycle synthétique', nameRu: '  ', nameEs: '[TEST] Ciclo sintético', nameAr: '[TEST] دورة اصطناعية',
    };
    await createCycle(database.db, admin, createCycleSchema.parse(form));
    const { name } = await database.db.reportingCycle.findUniqueOrThrow({ where: { code: 'titles-2031' }, select: { name: true } });
    expect(name).toEqual({ en: '[TEST] Synthetic cycle', fr: '[TEST] Cycle synthétique', es: '[TEST] Ciclo sintético', ar: '[TEST] دورة اصطناعية' });
    // A page in a language without a name shows the English one.
    expect(localized(name, 'ru')).toBe('[TEST] Synthetic cycle');
    expect(createCycleSchema.safeParse({ ...form, nameEn: '' }).success).toBe(false);
    expect(createCycleSchema.safeParse({ ...form, code: 'x', nameFr: 'x'.repeat(201) }).error?.issues.map((issue) => [issue.path, issue.message]))
      .toEqual([[['nameFr'], 'validation.tooLong']]);
  });
});
