// The evidence-suggestion index (lib/evidence/suggestion-index.ts) against real PostgreSQL: kept by
// the document import in the same transaction, caught up when paragraphs were written otherwise,
// and ranking exactly as the reference, rankParagraphs, ranks the same paragraphs. The commitments'
// wordings and the English report are invented; the Chinese report is the real A/74/129.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '@/lib/documents/import-document';
import { rankIndexedParagraphs } from '@/lib/evidence/indexed-ranking';
import { suggestEvidence, MIN_SUGGESTION_SCORE, SUGGESTION_COUNT, type EvidenceActor } from '@/lib/evidence/mutations';
import {
  inverseDocumentFrequency, rankParagraphs, termCounts, termFrequencyWeight, tokenize, type CommitmentTextInput,
} from '@/lib/evidence/similarity';
import { catchUpSuggestionIndex, paragraphTerms } from '@/lib/evidence/suggestion-index';
import { createTestDatabase } from '../support/test-database';

const REPORT = readFileSync(new URL('../../prisma/seed/documents/A-74-129.zh.txt', import.meta.url), 'utf8');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let officer: EvidenceActor & { email: string };

// Invented wordings: one in both languages, one in English only (Chinese paragraphs fall back to it).
const BILINGUAL: CommitmentTextInput[] = [
  { locale: 'en', text: 'Invented States shall strengthen the monitoring of gadget precursors and prevent their diversion to illicit gadget markets.' },
  { locale: 'zh', text: '虚构国家应加强对芬太尼类似物的监测，并与邻国合作打击其非法贩运。' },
];
const ENGLISH_ONLY: CommitmentTextInput[] = [
  { locale: 'en', text: 'Invented customs services shall share gadget seizure data, FUBINACA included, and train officers in widget calibration.' },
];

/** An invented report in the layout the parser reads; `paragraphs` by number. */
function inventedReport(paragraphs: Record<number, string>): string {
  const lines = ['United Nations  X/99/301', '', 'General Assembly', '', 'Report of the Secretary-General on invented gadget affairs', '', ' I. Invented gadget matters', ''];
  for (const [number, text] of Object.entries(paragraphs)) lines.push(`${number}. ${text}`, '');
  return lines.join('\n');
}

const INVENTED: Record<number, string> = {
  1: 'The invented gadget office monitored gadget precursors in three fictional regions.',
  2: 'Invented customs services seized gadget precursors and shared seizure data with one another.',
  3: 'A workshop on rural livelihoods took place in an imaginary valley.',
  4: 'Illicit gadget markets grew, and the diversion of precursors to them was not prevented.',
  5: 'Officers were trained in widget calibration by the fictional widget council.',
  6: 'The invented secretariat held its annual meeting on budget matters.',
  7: 'Invented States strengthened the monitoring of gadget precursors and of illicit markets.',
  8: 'Widget calibration data were shared between invented customs services and the gadget office.',
  9: 'Gadget, gadget, gadget: the word occurs three times in this invented paragraph about gadgets.',
  10: 'The invented councils did not report.',
};

// The corrected version: paragraph 4 changed, 9 removed, 11 and 12 added.
const CORRECTED: Record<number, string> = {
  ...Object.fromEntries(Object.entries(INVENTED).filter(([number]) => number !== '9')),
  4: 'Illicit gadget markets shrank after the diversion of gadget precursors was prevented by invented States.',
  11: 'Invented States shared seizure data on gadget precursors with invented customs services.',
  12: 'An invented paragraph on nothing in particular.',
};

async function importInvented(paragraphs: Record<number, string>) {
  return importDocument(database.db, officer, { text: inventedReport(paragraphs), symbol: 'X/99/301', language: 'en', sourceName: 'invented.txt' });
}

/** rankParagraphs over every paragraph in the database, as suggestEvidence ranked before the index. */
async function reference(texts: CommitmentTextInput[]) {
  const paragraphs = await database.db.paragraph.findMany({ select: { id: true, text: true, document: { select: { language: true } } } });
  return rankParagraphs(texts, paragraphs.map((p) => ({ id: p.id, text: p.text, language: p.document.language })), paragraphs.length);
}

/** Ranked from the index; says whether the index had to catch up (after an import it never should). */
async function fromIndex(texts: CommitmentTextInput[], options: { limit?: number; exclude?: string[] } = {}) {
  let caughtUp = false;
  const { ranked } = await rankIndexedParagraphs(database.db, texts, {
    limit: options.limit ?? Number.MAX_SAFE_INTEGER,
    exclude: options.exclude,
    catchUp: async () => {
      caughtUp = true;
      await catchUpSuggestionIndex(database.db, officer.id);
    },
  });
  return { ranked, caughtUp };
}

/** The index describes every paragraph's text as it is, with the norms rankParagraphs would compute, to the bit. */
async function expectIndexMatchesText() {
  const paragraphs = await database.db.paragraph.findMany({
    select: {
      id: true, text: true, document: { select: { language: true } },
      vector: { select: { language: true, termCount: true, norm: true } }, terms: { select: { term: true, count: true, position: true } },
    },
  });
  const counts = paragraphs.map((paragraph) => termCounts(tokenize(paragraph.text)));
  const frequency = new Map<string, number>();
  for (const paragraphCounts of counts) for (const term of paragraphCounts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const idf = (df: number) => inverseDocumentFrequency(paragraphs.length, df);
  paragraphs.forEach((paragraph, index) => {
    const expected = paragraphTerms(paragraph.text);
    expect([...paragraph.terms].sort((a, b) => a.position - b.position)).toEqual(expected.terms.map((term, position) => ({ term, count: expected.counts[position], position })));
    // The norm as similarity.ts weigh() computes it: same terms, same order, same operations.
    let norm = 0;
    for (const [term, count] of counts[index]!) {
      const weight = termFrequencyWeight(count) * idf(frequency.get(term)!);
      norm += weight * weight;
    }
    expect(paragraph.vector).toEqual({ language: paragraph.document.language, termCount: expected.terms.length, norm: Math.sqrt(norm) });
  });
  const maxCount = Math.max(0, ...paragraphs.flatMap((paragraph) => paragraph.terms.map((row) => row.count)));
  expect(await database.db.suggestionIndex.findUniqueOrThrow({ where: { id: 1 }, select: { stale: true, paragraphs: true, termFrequencyWeights: true, inverseDocumentFrequencies: true } })).toEqual({
    stale: false,
    paragraphs: paragraphs.length,
    termFrequencyWeights: Array.from({ length: maxCount }, (_, c) => termFrequencyWeight(c + 1)),
    inverseDocumentFrequencies: Array.from({ length: paragraphs.length + 1 }, (_, df) => idf(df)),
  });
}

/** The whole ranking, and the best few with some paragraphs left out (as suggestEvidence asks), are the reference's. */
async function expectSameRanking() {
  for (const texts of [BILINGUAL, ENGLISH_ONLY]) {
    const expected = await reference(texts);
    const { ranked, caughtUp } = await fromIndex(texts);
    expect(caughtUp).toBe(false);
    expect(ranked).toEqual(expected);
    const exclude = expected.slice(0, 10).filter((_, index) => index % 3 === 0).map((entry) => entry.id);
    for (const limit of [1, 5, 12]) {
      expect((await fromIndex(texts, { limit, exclude })).ranked).toEqual(expected.filter((entry) => !exclude.includes(entry.id)).slice(0, limit));
    }
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  officer = await database.db.user.create({
    data: { email: 'officer@example.test', name: 'Officer', role: 'SECRETARIAT', passwordHash: 'x' },
    select: { id: true, email: true, role: true, entityId: true },
  });
});

afterAll(() => database.drop());

describe('the suggestion index kept by the import', () => {
  it('ranks A/74/129 exactly as rankParagraphs does', async () => {
    const result = await importDocument(database.db, officer, { text: REPORT, symbol: 'A/74/129', language: 'zh', sourceName: 'A-74-129.zh.txt' });
    expect(result.paragraphCount).toBe(102);
    await expectIndexMatchesText();
    const { ranked } = await fromIndex(BILINGUAL);
    // Not trivially equal: most paragraphs share a word with the wording, with distinct scores.
    expect(ranked.length).toBeGreaterThan(20);
    expect(new Set(ranked.map((entry) => entry.score)).size).toBeGreaterThan(10);
    await expectSameRanking();
  });

  it('ranks both documents together exactly after a second document is imported', async () => {
    const result = await importInvented(INVENTED);
    expect(result).toMatchObject({ mode: 'new', paragraphCount: 10 });
    await expectIndexMatchesText();
    const { ranked } = await fromIndex(ENGLISH_ONLY);
    // English and Chinese paragraphs both rank against the English wording (A/74/129 names FUBINACA).
    const languages = await database.db.paragraph.findMany({ where: { id: { in: ranked.map((entry) => entry.id) } }, select: { document: { select: { language: true } } } });
    expect(new Set(languages.map((paragraph) => paragraph.document.language))).toEqual(new Set(['en', 'zh']));
    await expectSameRanking();
  });

  it('follows a corrected import that changes, adds and removes paragraphs', async () => {
    const before = await database.db.paragraph.findFirstOrThrow({ where: { number: 9, document: { symbol: 'X/99/301' } }, select: { id: true } });
    const result = await importInvented(CORRECTED);
    expect(result).toMatchObject({ mode: 'corrected', changed: [4], added: [11, 12], removed: [9], keptWithEvidence: [] });
    // The removed paragraph's words went with it.
    expect(await database.db.paragraphTerm.count({ where: { paragraphId: before.id } })).toBe(0);
    const changed = await database.db.paragraph.findFirstOrThrow({ where: { number: 4, document: { symbol: 'X/99/301' } }, select: { terms: { select: { term: true } } } });
    expect(changed.terms.map((row) => row.term)).toContain('shrank');
    await expectIndexMatchesText();
    await expectSameRanking();
  });

  it('breaks ties by paragraph id where the best few are cut off, as the reference does', async () => {
    // Four paragraphs with the same words score the same, at the top of the English-only ranking.
    const same = 'Invented customs services share gadget seizure data and train officers in widget calibration.';
    await importDocument(database.db, officer, {
      text: inventedReport({ 1: same, 2: `${same} `, 3: same.replace('Invented', 'invented'), 4: same, 5: 'An unrelated invented sentence.' }).replace(/X\/99\/301/g, 'X/99/302'),
      symbol: 'X/99/302', language: 'en', sourceName: 'ties.txt',
    });
    const expected = await reference(ENGLISH_ONLY);
    expect(new Set(expected.slice(0, 4).map((entry) => entry.score)).size).toBe(1);
    for (const limit of [1, 2, 3, 4, 5]) expect((await fromIndex(ENGLISH_ONLY, { limit })).ranked).toEqual(expected.slice(0, limit));
    expect((await fromIndex(ENGLISH_ONLY, { limit: 2, exclude: [expected[0]!.id] })).ranked).toEqual(expected.slice(1, 3));
    await expectSameRanking();
  });

  it('follows a corrected A/74/129 and keeps a removed paragraph that evidence points at, indexed', async () => {
    const commitment = await createCommitment(BILINGUAL);
    const p30 = await database.db.paragraph.findFirstOrThrow({ where: { number: 30, document: { symbol: 'A/74/129' } }, select: { id: true, text: true } });
    const p102 = await database.db.paragraph.findFirstOrThrow({ where: { number: 102, document: { symbol: 'A/74/129' } }, select: { id: true } });
    await database.db.evidenceLink.create({ data: { commitmentId: commitment, kind: 'PARAGRAPH', paragraphId: p102.id } });
    // Paragraph 30 changes; the last paragraph is cut from the text (and stays, for its evidence).
    const corrected = REPORT.slice(0, REPORT.lastIndexOf('\n102. ')).replace(p30.text.slice(0, 12), `${p30.text.slice(0, 12)}芬太尼监测`);
    const result = await importDocument(database.db, officer, { text: corrected, symbol: 'A/74/129', language: 'zh', sourceName: 'corrected.txt' });
    expect(result).toMatchObject({ mode: 'corrected', changed: [30], removed: [102], keptWithEvidence: [102] });
    await expectIndexMatchesText();
    await expectSameRanking();
  });

  it('stores the reference ranking\'s best paragraphs as suggestions', async () => {
    const commitment = await createCommitment(BILINGUAL);
    await expect(suggestEvidence(database.db, officer, { commitmentId: commitment })).resolves.toEqual({ suggested: SUGGESTION_COUNT });
    const expected = (await reference(BILINGUAL)).filter((entry) => entry.score >= MIN_SUGGESTION_SCORE).slice(0, SUGGESTION_COUNT);
    const stored = await database.db.evidenceLink.findMany({ where: { commitmentId: commitment, origin: 'SUGGESTED' }, select: { paragraphId: true, score: true } });
    expect(stored.map((link) => ({ id: link.paragraphId, score: link.score })).sort((a, b) => b.score! - a.score! || (a.id! < b.id! ? -1 : 1))).toEqual(expected);
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'evidence.suggest', entityId: commitment } });
    expect(audit.after).toMatchObject({ candidates: await database.db.paragraph.count(), withdrawn: 0 });

    // Asked again, nothing changes but the audit trail, which records every request.
    const links = await database.db.evidenceLink.findMany({ where: { commitmentId: commitment }, orderBy: { id: 'asc' } });
    await suggestEvidence(database.db, officer, { commitmentId: commitment });
    expect(await database.db.evidenceLink.findMany({ where: { commitmentId: commitment }, orderBy: { id: 'asc' } })).toEqual(links);
    expect(await database.db.auditEvent.count({ where: { action: 'evidence.suggest', entityId: commitment } })).toBe(2);
  });
});

describe('paragraphs the import did not index', () => {
  it('are indexed before ranking: older than the index, as the migration leaves them', async () => {
    // What the migration leaves: no words, no vectors, the index stale.
    await database.db.paragraphTerm.deleteMany();
    await database.db.paragraphVector.deleteMany();
    await database.db.suggestionIndex.update({ where: { id: 1 }, data: { stale: true, paragraphs: 0, termFrequencyWeights: [], inverseDocumentFrequencies: [] } });
    const expected = await reference(BILINGUAL);
    const { ranked, caughtUp } = await fromIndex(BILINGUAL);
    expect(caughtUp).toBe(true);
    expect(ranked).toEqual(expected);
    await expectIndexMatchesText();
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'evidence.index' }, orderBy: { at: 'desc' } });
    expect(audit).toMatchObject({ actorId: officer.id, entityType: 'SuggestionIndex', after: { indexed: await database.db.paragraph.count(), recomputed: true } });
  });

  it('are indexed before ranking: written directly, changed directly, or deleted directly', async () => {
    const document = await database.db.sourceDocument.findFirstOrThrow({ where: { symbol: 'X/99/301' }, select: { id: true } });
    await database.db.paragraph.create({ data: { documentId: document.id, number: 50, sectionPath: 'I', text: 'Invented customs services calibrated gadget seizure scales.' } });
    const { ranked, caughtUp } = await fromIndex(ENGLISH_ONLY);
    expect(caughtUp).toBe(true);
    expect(ranked).toEqual(await reference(ENGLISH_ONLY));

    // A trigger forgets a changed text's words and marks the index stale, whoever changes it.
    const where = { documentId_number: { documentId: document.id, number: 50 } };
    const changed = await database.db.paragraph.update({ where, data: { text: 'Widget calibration, once more, by invented officers.' }, select: { id: true, vector: true } });
    expect(changed.vector).toBeNull();
    expect(await database.db.paragraphTerm.count({ where: { paragraphId: changed.id } })).toBe(0);
    expect(await database.db.suggestionIndex.findUniqueOrThrow({ where: { id: 1 }, select: { stale: true } })).toEqual({ stale: true });
    await catchUpSuggestionIndex(database.db, officer.id);
    // The same text again is no change: the words stay.
    const same = await database.db.paragraph.update({ where, data: { text: 'Widget calibration, once more, by invented officers.' }, select: { vector: true } });
    expect(same.vector).not.toBeNull();
    await database.db.paragraph.update({ where, data: { text: 'Gadget precursors, monitored by invented States.' } });
    expect(await fromIndex(BILINGUAL)).toEqual({ ranked: await reference(BILINGUAL), caughtUp: true });

    // Every norm depends on the number of paragraphs: a deletion outside an import is noticed too.
    await database.db.paragraph.delete({ where });
    expect(await fromIndex(ENGLISH_ONLY)).toEqual({ ranked: await reference(ENGLISH_ONLY), caughtUp: true });
    await expectIndexMatchesText();
    await expectSameRanking();
  });

  it('are indexed once when several requests find the index stale at the same time', async () => {
    await database.db.paragraphVector.deleteMany();
    await database.db.suggestionIndex.update({ where: { id: 1 }, data: { stale: true } });
    const before = await database.db.auditEvent.count({ where: { action: 'evidence.index' } });
    const rankings = await Promise.all(Array.from({ length: 4 }, () => fromIndex(BILINGUAL)));
    const expected = await reference(BILINGUAL);
    for (const { ranked } of rankings) expect(ranked).toEqual(expected);
    expect(await database.db.auditEvent.count({ where: { action: 'evidence.index' } })).toBe(before + 1);
    await expectIndexMatchesText();
  });
});

let commitments = 0;
async function createCommitment(texts: CommitmentTextInput[]): Promise<string> {
  const instrument = await database.db.instrument.upsert({
    where: { code: 'TEST-INDEX' },
    create: { code: 'TEST-INDEX', symbol: 'X/RES/1', title: { en: 'Invented instrument' }, adoptedYear: 2000, adoptedBy: { en: 'Invented body' }, isDemo: true },
    update: {},
  });
  const area = await database.db.thematicArea.upsert({ where: { code: 'TX9' }, create: { code: 'TX9', title: { en: 'Invented area' }, order: 9 }, update: {} });
  commitments += 1;
  const commitment = await database.db.commitment.create({
    data: {
      instrumentId: instrument.id, thematicAreaId: area.id, reference: `${commitments}(a)`, kind: 'COMMITMENT', order: commitments,
      texts: { create: texts.map((text) => ({ ...text, sourceName: 'invented' })) },
    },
    select: { id: true },
  });
  return commitment.id;
}
