// Structured export and import of the catalogue: the round trip (export, import into an empty
// database, export again) gives the same bytes, in JSON and CSV; bad files change nothing.
// All commitment wording here is synthetic (ARCHITECTURE.md, "Content provenance").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { DomainError } from '@/lib/errors';
import { exportCatalogueCsv, exportCatalogueJson } from '@/lib/exports/catalogue-export';
import { importCatalogueCsv, importCatalogueJson } from '@/lib/catalogue/catalogue-import';
import { CSV_COLUMNS, type Catalogue } from '@/lib/exports/catalogue-format';
import { seedReferenceData } from '@/prisma/seed/seed-reference';
import { createTestDatabase } from '../support/test-database';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const databases: TestDatabase[] = [];
async function database(): Promise<TestDatabase> {
  const created = await createTestDatabase();
  databases.push(created);
  return created;
}

afterAll(async () => {
  await Promise.all(databases.map((created) => created.drop()));
});

// Text that trips up CSV, JSON and spreadsheets: separators, quotes, line breaks of both kinds,
// a tab, Chinese punctuation, outer spaces, and starts that spreadsheets take for formulas.
const AWKWARD = {
  formula: '=SUM(A1:A9) Synthetic commitment text for round-trip testing, item 2, which starts like a formula',
  plus: '+ Synthetic commitment text for round-trip testing, item 3: commas, "double quotes", \'single quotes\'\r\nand a Windows line break,\ta tab and a trailing space ',
  minus: '-1 Synthetic commitment text for round-trip testing, item 4\nwith a Unix line break',
  at: '@ Synthetic commitment text for round-trip testing, item 5',
  apostrophe: "'Synthetic commitment text for round-trip testing, item 6', in single quotes",
  zh: '＝合成承诺文本，用于往返测试，第2项；含“引号”、（括号）、《书名号》和换行：\n第二行。',
  zhFormula: '=合成承诺文本，用于往返测试，第3项。',
};

const IMPORTED_AT = new Date('2026-01-15T10:20:30.123Z');

/** A small catalogue on top of the reference data: two real instruments, one demo instrument. */
async function buildCatalogue(db: Db) {
  const importer = await db.user.create({
    data: { email: 'importer@example.test', name: 'Synthetic Importer', passwordHash: 'not-a-hash', role: 'SECRETARIAT' },
    select: { id: true },
  });
  const area = async (code: string) => (await db.thematicArea.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  const instrument = async (code: string) => (await db.instrument.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  const ungass = await instrument('UNGASS2016');
  const resolution = await instrument('GA73/192');
  const demo = (await db.instrument.create({
    data: {
      code: 'DEMO', symbol: 'DEMO/1', title: { en: 'Synthetic demo instrument' }, adoptedYear: 2026,
      adoptedBy: { en: 'Synthetic body' }, order: 1000, isDemo: true,
    },
    select: { id: true },
  })).id;

  await db.instrumentChapter.createMany({
    data: [
      { instrumentId: ungass, number: 1, title: { en: 'Synthetic chapter one, "quoted"', zh: '合成章节一：测试' } },
      { instrumentId: ungass, number: 3, title: { en: 'Synthetic chapter three' } },
    ],
  });
  const provenance = (locale: string) => ({
    sourceName: `synthetic-${locale}.txt`,
    sourceChecksum: `checksum-${locale}`,
    importedById: importer.id,
    importedByEmail: 'importer@example.test',
    importedAt: IMPORTED_AT,
  });
  const commitment = async (data: {
    instrumentId: string; reference: string; kind: 'OPERATIONAL_RECOMMENDATION' | 'OPERATIVE_PARAGRAPH'; chapter: number | null;
    subheading?: Record<string, string>; order: number; area: string; texts: Record<string, string>;
  }) =>
    (await db.commitment.create({
      data: {
        instrumentId: data.instrumentId, reference: data.reference, kind: data.kind, chapter: data.chapter, subheading: data.subheading,
        order: data.order, thematicAreaId: await area(data.area),
        texts: { create: Object.entries(data.texts).map(([locale, text]) => ({ locale, text, ...provenance(locale) })) },
      },
      select: { id: true },
    })).id;

  const first = await commitment({
    instrumentId: ungass, reference: '1(a)', kind: 'OPERATIONAL_RECOMMENDATION', chapter: 1, order: 1, area: 'TA1',
    subheading: { en: 'Synthetic sub-heading, with a comma', zh: '合成小标题：预防' },
    texts: { en: 'Synthetic commitment text for round-trip testing, item 1', zh: '合成承诺文本，用于往返测试，第1项。' },
  });
  const second = await commitment({
    instrumentId: ungass, reference: '1(b)', kind: 'OPERATIONAL_RECOMMENDATION', chapter: 1, order: 2, area: 'TA1',
    subheading: { en: 'Synthetic sub-heading, with a comma' },
    texts: { en: AWKWARD.formula, zh: AWKWARD.zh },
  });
  await commitment({
    instrumentId: ungass, reference: '3(a)', kind: 'OPERATIONAL_RECOMMENDATION', chapter: 3, order: 3, area: 'TA3.2',
    texts: { en: AWKWARD.plus, zh: AWKWARD.zhFormula },
  });
  await commitment({
    instrumentId: ungass, reference: '3(b)', kind: 'OPERATIONAL_RECOMMENDATION', chapter: 3, order: 4, area: 'TA3.2',
    texts: { en: AWKWARD.minus, fr: AWKWARD.at, es: AWKWARD.apostrophe },
  });
  // An operative paragraph without chapter, whose text predates kept e-mails and has no
  // checksum, with a sub-heading in a language it has no text in.
  const paragraph = (await db.commitment.create({
    data: {
      instrumentId: resolution, reference: 'para. 5(b)', kind: 'OPERATIVE_PARAGRAPH', chapter: null, order: 10,
      thematicAreaId: await area('TA6'), subheading: { fr: 'Sous-titre synthétique' },
      texts: { create: { locale: 'en', text: 'Synthetic commitment text for round-trip testing, operative paragraph', sourceName: 'synthetic-resolution.txt', importedById: importer.id, importedAt: IMPORTED_AT } },
    },
    select: { id: true },
  })).id;
  // A commitment with no text at all yet.
  await db.commitment.create({
    data: { instrumentId: resolution, reference: 'para. 6', kind: 'OPERATIVE_PARAGRAPH', chapter: null, order: 11, thematicAreaId: await area('TA6') },
  });
  const demoItem = await commitment({
    instrumentId: demo, reference: '1(a)', kind: 'OPERATIONAL_RECOMMENDATION', chapter: 1, order: 1, area: 'TA2',
    texts: { en: '[DEMO] Synthetic commitment text for round-trip testing, demo item' },
  });
  // Stored with fromId < toId, as the application does.
  const relate = (a: string, b: string) => db.commitmentRelation.create({ data: { fromId: a < b ? a : b, toId: a < b ? b : a } });
  await relate(first, paragraph);
  await relate(second, demoItem);
}

/** Every table an import writes to. */
async function rowCounts(db: Db) {
  return {
    thematicArea: await db.thematicArea.count(),
    instrument: await db.instrument.count(),
    instrumentChapter: await db.instrumentChapter.count(),
    commitment: await db.commitment.count(),
    commitmentText: await db.commitmentText.count(),
    commitmentTextRevision: await db.commitmentTextRevision.count(),
    commitmentRelation: await db.commitmentRelation.count(),
    auditEvent: await db.auditEvent.count(),
  };
}

let source: TestDatabase;
let sourceJson: string;
let sourceCsv: string;

beforeAll(async () => {
  source = await database();
  await seedReferenceData(source.db);
  await buildCatalogue(source.db);
  sourceJson = await exportCatalogueJson(source.db);
  // The CSV carries no instruments; the target has the reference instruments but not DEMO.
  sourceCsv = await exportCatalogueCsv(source.db, { includeDemo: false });
});

describe('JSON export', () => {
  it('is pretty-printed, ends with a newline and carries areas, instruments, texts and relations', () => {
    expect(sourceJson.endsWith('}\n')).toBe(true);
    expect(sourceJson).toContain('\n  "thematicAreas": [\n    {\n      "code": "TA1",');
    const catalogue = JSON.parse(sourceJson) as Catalogue;
    expect(catalogue).toMatchObject({ format: 'drug-policy-tracker/catalogue', version: 1 });
    // Parents before their sub-areas.
    expect(catalogue.thematicAreas.map((area) => area.code).slice(0, 4)).toEqual(['TA1', 'TA2', 'TA3', 'TA3.1']);
    expect(catalogue.instruments.map((instrument) => instrument.code)).toEqual(['UNGASS2016', 'MD2019', 'PD2009', 'JMS2014', 'GA73/192', 'DEMO']);
    const ungass = catalogue.instruments[0];
    expect(ungass.commitments.map((commitment) => commitment.reference)).toEqual(['1(a)', '1(b)', '3(a)', '3(b)']);
    expect(Object.keys(ungass.commitments[3].texts)).toEqual(['en', 'es', 'fr']);
    expect(ungass.commitments[1].texts.en).toEqual({
      text: AWKWARD.formula, sourceName: 'synthetic-en.txt', sourceChecksum: 'checksum-en', importedByEmail: 'importer@example.test', importedAt: '2026-01-15T10:20:30.123Z',
    });
    expect(catalogue.instruments[4].commitments[0].texts.en.importedByEmail).toBe('importer@example.test');
    expect(catalogue.instruments[4].commitments[0].texts.en.sourceChecksum).toBeNull();
    expect(catalogue.relations).toEqual([['UNGASS2016 1(a)', 'GA73/192 para. 5(b)'], ['UNGASS2016 1(b)', 'DEMO 1(a)']]);
  });

  it('leaves out demo instruments and their relations when asked', async () => {
    const catalogue = JSON.parse(await exportCatalogueJson(source.db, { includeDemo: false })) as Catalogue;
    expect(catalogue.instruments.map((instrument) => instrument.code)).not.toContain('DEMO');
    expect(catalogue.relations).toEqual([['UNGASS2016 1(a)', 'GA73/192 para. 5(b)']]);
  });
});

describe('JSON round trip', () => {
  it('export, import into an empty database, export again: the same bytes', async () => {
    const target = await database();
    const result = await importCatalogueJson(target.db, null, sourceJson);
    expect(result).toMatchObject({
      thematicAreas: { created: 16, updated: 0, unchanged: 0 },
      instruments: { created: 6 },
      chapters: { created: 2 },
      commitments: { created: 7 },
      texts: { created: 11 },
      relations: { created: 2 },
      revisions: 0,
    });
    expect(await exportCatalogueJson(target.db)).toBe(sourceJson);
    const audit = await target.db.auditEvent.findMany({ select: { action: true, actorId: true } });
    expect(audit).toEqual([{ action: 'catalogue.import-structured', actorId: null }]);
  });

  it('importing the same file again changes nothing; a changed wording is kept in the history', async () => {
    const target = await database();
    await importCatalogueJson(target.db, null, sourceJson);
    const again = await importCatalogueJson(target.db, null, sourceJson);
    expect(again).toMatchObject({
      thematicAreas: { created: 0, updated: 0, unchanged: 16 },
      commitments: { created: 0, updated: 0, unchanged: 7 },
      texts: { created: 0, updated: 0, unchanged: 11 },
      relations: { created: 0, unchanged: 2 },
    });

    const changed = JSON.parse(sourceJson) as Catalogue;
    changed.instruments[0].commitments[0].texts.en.text = 'Synthetic commitment text for round-trip testing, item 1, revised';
    const result = await importCatalogueJson(target.db, null, JSON.stringify(changed));
    expect(result).toMatchObject({ texts: { updated: 1, unchanged: 10 }, revisions: 1 });
    const revision = await target.db.commitmentTextRevision.findFirstOrThrow({ select: { locale: true, text: true, reason: true } });
    expect(revision).toEqual({ locale: 'en', text: 'Synthetic commitment text for round-trip testing, item 1', reason: 'import' });
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM and CRLF line ends, one row per commitment and language', () => {
    expect(sourceCsv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(sourceCsv.endsWith('\r\n')).toBe(true);
    // Cells that a spreadsheet would run as formulas start with an apostrophe.
    expect(sourceCsv).toContain(`,en,"'=SUM(A1:A9) Synthetic commitment text for round-trip testing, item 2`);
    expect(sourceCsv).toContain(`,zh,'=合成承诺文本`);
    expect(sourceCsv).toContain(`,es,"''Synthetic commitment text for round-trip testing, item 6', in single quotes"`);
    // The text-less commitment has a row of its own; the French sub-heading without a text too.
    expect(sourceCsv).toContain('GA73/192,para. 6,OPERATIVE_PARAGRAPH,,11,TA6,,,,,,,\r\n');
    expect(sourceCsv).toContain('GA73/192,para. 5(b),OPERATIVE_PARAGRAPH,,10,TA6,Sous-titre synthétique,fr,,,,,\r\n');
    expect(sourceCsv).not.toContain('DEMO');
  });
});

describe('CSV round trip', () => {
  it('export, import into a database with only the reference data, export again: the same bytes', async () => {
    const target = await database();
    await seedReferenceData(target.db);
    const result = await importCatalogueCsv(target.db, null, sourceCsv);
    expect(result).toMatchObject({ commitments: { created: 6 }, texts: { created: 10 }, revisions: 0 });
    expect(await exportCatalogueCsv(target.db)).toBe(sourceCsv);
    const stored = await target.db.commitmentText.findFirstOrThrow({ where: { commitment: { reference: '3(a)' }, locale: 'en' }, select: { text: true } });
    expect(stored.text).toBe(AWKWARD.plus);
  });
});

describe('bad input', () => {
  let target: TestDatabase;

  beforeAll(async () => {
    target = await database();
    await seedReferenceData(target.db);
    await importCatalogueJson(target.db, null, sourceJson);
  });

  /** Imports the file, expects one DomainError, and checks that no row changed. */
  async function rejected(importFile: () => Promise<unknown>): Promise<string> {
    const before = await rowCounts(target.db);
    const exported = await exportCatalogueJson(target.db);
    const error = await importFile().then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(await rowCounts(target.db)).toEqual(before);
    expect(await exportCatalogueJson(target.db)).toBe(exported);
    return (error as DomainError).message;
  }

  const json = (change: (catalogue: Catalogue) => unknown) => {
    const catalogue = JSON.parse(sourceJson) as Catalogue;
    change(catalogue);
    return JSON.stringify(catalogue);
  };

  it('refuses a file that is not JSON', async () => {
    expect(await rejected(() => importCatalogueJson(target.db, null, '{"format": "drug-policy-tracker/catalogue",'))).toMatch(/The file cannot be imported:\nThe file is not valid JSON/);
  });

  it('refuses a file of another format or version', async () => {
    expect(await rejected(() => importCatalogueJson(target.db, null, '{"format": "something-else", "version": 1}'))).toContain('its "format" should be "drug-policy-tracker/catalogue"');
    expect(await rejected(() => importCatalogueJson(target.db, null, json((catalogue) => { (catalogue as { version: number }).version = 2; }))))
      .toContain('This catalogue file has version 2; this application reads version 1.');
  });

  it('refuses a commitment in an unknown thematic area, naming where it is', async () => {
    const message = await rejected(() => importCatalogueJson(target.db, null, json((catalogue) => { catalogue.instruments[0].commitments[2].thematicArea = 'TA99'; })));
    expect(message).toContain('instruments[0].commitments[2].thematicArea: thematic area TA99 is neither in the file nor in this database');
  });

  it('refuses a reference that appears twice in an instrument', async () => {
    const message = await rejected(() => importCatalogueJson(target.db, null, json((catalogue) => {
      const [first] = catalogue.instruments[0].commitments;
      catalogue.instruments[0].commitments.push({ ...first, order: 99 });
    })));
    expect(message).toContain('instruments[0].commitments[4].reference: UNGASS2016 1(a) appears twice (also commitments[0])');
  });

  it('reports every problem at once, at most twenty lines', async () => {
    const message = await rejected(() => importCatalogueJson(target.db, null, json((catalogue) => {
      const [ungass, declaration] = catalogue.instruments;
      ungass.commitments[0].kind = 'PROMISE' as never;
      ungass.commitments[1].texts.zh.importedAt = 'yesterday';
      ungass.commitments[2].order = 1.5;
      for (let index = 0; index < 30; index += 1) declaration.chapters.push({ number: 0, title: { en: 'Synthetic chapter' } });
    })));
    expect(message).toContain('33 problems, nothing was changed:');
    expect(message).toContain('instruments[0].commitments[0].kind: must be one of OPERATIONAL_RECOMMENDATION');
    expect(message).toContain('instruments[0].commitments[1].texts.zh.importedAt: must be a UTC date and time');
    expect(message).toContain('instruments[0].commitments[2].order: must be a whole number');
    expect(message).toContain('- … and 13 more.');
    expect(message.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(21);
  });

  it('refuses a CSV file that lacks a column', async () => {
    const lines = sourceCsv.replace(/^\uFEFF/, '').split('\r\n');
    const column = CSV_COLUMNS.indexOf('thematic_area');
    // No quoted comma comes before that column in these rows, so a plain split and join is enough.
    const withoutColumn = lines.map((line) => line.split(',').filter((_, index) => index !== column).join(',')).slice(0, 3).join('\r\n');
    const message = await rejected(() => importCatalogueCsv(target.db, null, withoutColumn));
    expect(message).toContain('the header row lacks the column thematic_area');
  });

  it('refuses CSV rows of an instrument that is not in the database, with their row numbers', async () => {
    const csv = `${CSV_COLUMNS.join(',')}\r\n`
      + 'UNGASS2016,9(z),OPERATIONAL_RECOMMENDATION,9,1,TA1,,en,Synthetic commitment text for round-trip testing,synthetic.txt,,,2026-01-15T10:20:30.123Z\r\n'
      + 'NOPE2030,1(a),OPERATIONAL_RECOMMENDATION,1,1,TA1,,en,Synthetic commitment text for round-trip testing,synthetic.txt,,,2026-01-15T10:20:30.123Z\r\n'
      + 'NOPE2030,1(a),OPERATIONAL_RECOMMENDATION,1,1,TA1,,zh,合成承诺文本,synthetic.txt,,,2026-01-15T10:20:30.123Z\r\n'
      + 'UNGASS2016,9(y),OPERATIONAL_RECOMMENDATION,x,1,TA1,,en,Synthetic commitment text for round-trip testing,,,,\r\n';
    const message = await rejected(() => importCatalogueCsv(target.db, null, csv));
    expect(message).toContain('row 5, column chapter: must be a whole number');
    // Every problem the file alone shows comes first; the database is asked only about a valid file.
    expect(message).not.toContain('NOPE2030');
    const valid = csv.split('\r\n').slice(0, 4).join('\r\n');
    expect(await rejected(() => importCatalogueCsv(target.db, null, valid)))
      .toContain('rows 3, 4: instrument NOPE2030 does not exist in this database. A CSV file does not carry instruments');
  });
});
