// The narrative draft against real PostgreSQL: only accepted narratives, with the evidence of
// their reports cited, the figures of the summary, and a Word file that holds the citation.
// Everything here is synthetic: the instrument, the document and its paragraph, the narratives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Db } from '@/lib/db/client';
import { reviewStatusReport, saveStatusReport, type ReportActor } from '@/lib/status-reports/mutations';
import { linkReportParagraph, linkReportUrl } from '@/lib/status-reports/evidence-mutations';
import { buildNarrativeDraft, draftTranslator, loadNarrativeDraft } from '@/lib/summaries/narrative-draft';
import { narrativeDraftDocx } from '@/lib/summaries/narrative-docx';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import { createTestDatabase } from '../support/test-database';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;
let paragraphId: string;
let subAreaCommitment: string;
let focalUnodc: ReportActor;
const now = new Date('2026-06-10T00:00:00Z');

type Evidence = { paragraph?: boolean; page?: string };

/** Saves a report, links its evidence while it is a draft, submits it, and accepts or returns it. */
async function report(user: ReportActor, entityId: string, commitmentId: string, narrative: string, status: ImplementationStatus, end: 'accept' | 'return' | 'submit' | 'draft', evidence: Evidence = {}) {
  const base = { cycleId: world.cycle.id, entityId, commitmentId, status, narrative, asOf: null };
  const draft = await saveStatusReport(db, user, { ...base, version: 0, intent: 'save' }, now);
  if (evidence.paragraph) await linkReportParagraph(db, user, { reportId: draft.id, paragraphId, note: '' }, now);
  if (evidence.page) await linkReportUrl(db, user, { reportId: draft.id, url: 'https://example.test/evidence', title: evidence.page, note: '' }, now);
  if (end === 'draft') return;
  const submitted = await saveStatusReport(db, user, { ...base, version: draft.version, intent: 'submit' }, now);
  if (end === 'submit') return;
  await reviewStatusReport(db, world.users.secretariat, { reportId: submitted.id, version: submitted.version, decision: end, comment: end === 'return' ? '[TEST] Please complete.' : '' }, now);
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  const document = await db.sourceDocument.create({
    data: { symbol: 'X/TEST/1', title: '[TEST] Synthetic document', language: 'en', kind: 'OTHER', checksum: 'synthetic-narrative-draft' },
  });
  paragraphId = (await db.paragraph.create({ data: { documentId: document.id, number: 1, sectionPath: 'I', text: '[TEST] Synthetic paragraph.' } })).id;
  const [instrument, subArea] = await Promise.all([
    db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } }),
    db.thematicArea.findUniqueOrThrow({ where: { code: 'TA3.2' }, select: { id: true } }),
  ]);
  subAreaCommitment = (await db.commitment.create({
    data: { instrumentId: instrument.id, thematicAreaId: subArea.id, reference: '3(b)', kind: 'OPERATIONAL_RECOMMENDATION', order: 10 },
    select: { id: true },
  })).id;
  const unodc = await db.user.create({ data: { email: 'focal-unodc@example.test', name: 'focal-unodc', role: 'FOCAL_POINT', entityId: world.entities.UNODC, passwordHash: 'x' }, select: { id: true } });
  focalUnodc = { id: unodc.id, role: 'FOCAL_POINT', entityId: world.entities.UNODC };

  const { focalMex, focalNga } = world.users;
  const [first, second, third] = world.commitments as [string, string, string];
  await report(focalUnodc, world.entities.UNODC, first, '[TEST] UNODC accepted narrative.', 'NOT_APPLICABLE', 'accept');
  await report(focalNga, world.entities.NGA, first, '[TEST] Nigeria accepted narrative.', 'IN_PROGRESS', 'accept', { paragraph: true, page: '[TEST] A web page' });
  await report(focalMex, world.entities.MEX, first, '[TEST] Mexico accepted narrative.', 'FULLY_IMPLEMENTED', 'accept', { paragraph: true });
  // Never in a draft: submitted, returned, or saved only.
  await report(focalNga, world.entities.NGA, second, '[TEST] Submitted only.', 'FULLY_IMPLEMENTED', 'submit', { paragraph: true });
  await report(focalMex, world.entities.MEX, second, '[TEST] Returned only.', 'FULLY_IMPLEMENTED', 'return');
  await report(focalMex, world.entities.MEX, third, '[TEST] Draft only.', 'NOT_STARTED', 'draft');
  await report(focalMex, world.entities.MEX, subAreaCommitment, '[TEST] Sub-area narrative', 'SUBSTANTIALLY_IMPLEMENTED', 'accept');
});

afterAll(() => database.drop());

describe('loading a narrative draft', () => {
  it('holds only the accepted narratives, grouped by commitment in the summary order, with their evidence', async () => {
    const data = (await loadNarrativeDraft(db, { cycleCode: world.cycle.code, areaCode: 'TA1', locale: 'en' }))!;
    expect(data.area.code).toBe('TA1');
    expect(data.cycle).toEqual({ code: world.cycle.code, name: `${world.cycle.code} reporting cycle` });
    expect(data.commitments.map((commitment) => commitment.id)).toEqual(world.commitments);
    expect(data.commitments.map((commitment) => commitment.reference)).toEqual(['1(a)', '1(b)', '1(c)']);
    const [first, second, third] = data.commitments;
    expect(first!.symbol).toBe('TEST/1');
    expect(first!.text).toEqual({ text: '[TEST] Synthetic commitment a.', locale: 'en', isFallback: false });
    const byEntity = Object.fromEntries(first!.reports.map((row) => [row.entity.code, row]));
    expect(Object.keys(byEntity).sort()).toEqual(['MEX', 'NGA', 'UNODC']);
    expect(byEntity.MEX).toEqual({
      entity: { code: 'MEX', name: 'Mexico', memberState: true }, status: 'FULLY_IMPLEMENTED',
      narrative: '[TEST] Mexico accepted narrative.', evidence: [{ kind: 'PARAGRAPH', symbol: 'X/TEST/1', number: 1 }],
    });
    expect(byEntity.NGA!.evidence).toEqual([
      { kind: 'PARAGRAPH', symbol: 'X/TEST/1', number: 1 },
      { kind: 'URL', url: 'https://example.test/evidence', title: '[TEST] A web page' },
    ]);
    expect(byEntity.UNODC!.entity.memberState).toBe(false);
    expect(second!.reports).toEqual([]);
    expect(third!.reports).toEqual([]);
    const text = JSON.stringify(data);
    for (const hidden of ['Submitted only', 'Returned only', 'Draft only', 'Sub-area narrative']) expect(text).not.toContain(hidden);
  });

  it('carries the figures of the summary into its sentences', async () => {
    const data = (await loadNarrativeDraft(db, { cycleCode: world.cycle.code, areaCode: 'TA1', locale: 'en' }))!;
    const scope = await db.cycleEntity.findMany({ where: { cycleId: world.cycle.id }, select: { entity: { select: { kind: true } } } });
    const states = scope.filter((row) => row.entity.kind === 'MEMBER_STATE').length;
    expect(data.figures.entities).toEqual({ expected: scope.length, reporting: 3, memberStatesExpected: states, memberStatesReporting: 2 });
    const draft = buildNarrativeDraft(data, draftTranslator('en'));
    const number = new Intl.NumberFormat('en');
    expect(draft.figures[0]).toContain(`Of the ${number.format(scope.length)} entities expected to report, 3 (including 2 of the ${number.format(states)} Member States) reported on this area.`);
    expect(draft.figures[0]).toContain(`Of ${number.format(scope.length * 3)} expected items, 3 have an accepted report: 0 not started, 1 in progress, 0 substantially implemented, 1 fully implemented, 1 not applicable.`);
    expect(draft.figures[0]).toContain('The progress index is 67 per cent.');
  });

  it('includes the sub-areas of a chapter, and nothing of another area', async () => {
    const data = (await loadNarrativeDraft(db, { cycleCode: world.cycle.code, areaCode: 'TA3', locale: 'zh' }))!;
    expect(data.commitments.map((commitment) => [commitment.id, commitment.reports.map((row) => row.entity.code)])).toEqual([[subAreaCommitment, ['MEX']]]);
    expect(data.figures.subAreas.map((sub) => sub.code)).toEqual(['TA3.1', 'TA3.2', 'TA3.3']);
    expect(data.commitments[0]!.reports[0]!.entity.name).toBe('墨西哥');
    const draft = buildNarrativeDraft(data, draftTranslator('zh'));
    expect(draft.sections[0]!.heading).toBe('TEST/1，3(b)');
    expect(draft.sections[0]!.textNote).toBe('尚未导入本承诺的措辞。');
  });

  it('finds nothing for an unknown area or cycle', async () => {
    expect(await loadNarrativeDraft(db, { cycleCode: world.cycle.code, areaCode: 'TA9', locale: 'en' })).toBeNull();
    expect(await loadNarrativeDraft(db, { cycleCode: '1999', areaCode: 'TA1', locale: 'en' })).toBeNull();
    // Without a code: the open cycle.
    expect((await loadNarrativeDraft(db, { areaCode: 'TA1', locale: 'en' }))!.cycle.code).toBe(world.cycle.code);
  });
});

describe('the draft as text and as a Word file', () => {
  it('cites the evidence the UN way, Member States first, in English and in Chinese', async () => {
    const english = buildNarrativeDraft((await loadNarrativeDraft(db, { cycleCode: world.cycle.code, areaCode: 'TA1', locale: 'en' }))!, draftTranslator('en'));
    expect(english.sections[0]!.entries.map((entry) => [entry.lead, entry.body])).toEqual([
      ['Mexico (fully implemented):', '[TEST] Mexico accepted narrative (X/TEST/1, para. 1).'],
      ['Nigeria (in progress):', '[TEST] Nigeria accepted narrative (X/TEST/1, para. 1; [TEST] A web page).'],
      ['United Nations Office on Drugs and Crime (not applicable):', '[TEST] UNODC accepted narrative.'],
    ]);
    const chinese = buildNarrativeDraft((await loadNarrativeDraft(db, { cycleCode: world.cycle.code, areaCode: 'TA1', locale: 'zh' }))!, draftTranslator('zh'));
    expect(chinese.sections[0]!.entries[0]!.body).toBe('[TEST] Mexico accepted narrative（X/TEST/1，第1段）.');
    expect(chinese.sections[0]!.textNote).toBe('本承诺尚无中文措辞，现以英语列出。');
  });

  it('writes a valid DOCX whose document holds the notice, the headings and the citation', async () => {
    const draft = buildNarrativeDraft((await loadNarrativeDraft(db, { cycleCode: world.cycle.code, areaCode: 'TA1', locale: 'en' }))!, draftTranslator('en'));
    const buffer = await narrativeDraftDocx(draft);
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const zip = await JSZip.loadAsync(buffer);
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('(X/TEST/1, para. 1)');
    expect(xml).toContain('DRAFT — for the secretariat to edit, not an official text');
    expect(xml).toContain('TEST/1, 1(a)');
    expect(xml).toContain(`Draft: TA1 `);
    expect(xml).not.toContain('Submitted only');
    expect(draft.fileName).toBe(`draft-TA1-${world.cycle.code}-en.docx`);
  });

  it('writes an Arabic draft right to left, and a French one in French, citing as each language does', async () => {
    const arabic = buildNarrativeDraft((await loadNarrativeDraft(db, { cycleCode: world.cycle.code, areaCode: 'TA1', locale: 'ar' }))!, draftTranslator('ar'));
    expect(arabic.sections[0]!.entries[0]!.body).toContain('X/TEST/1، الفقرة 1');
    const arabicXml = await (await JSZip.loadAsync(await narrativeDraftDocx(arabic))).file('word/document.xml')!.async('string');
    const paragraphs = arabicXml.match(/<w:p>|<w:p [^>]*>/g) ?? [];
    expect(paragraphs.length).toBeGreaterThan(3);
    // Every paragraph of the body reads right to left.
    expect(arabicXml.match(/<w:bidi\/>/g)?.length).toBe(paragraphs.length);

    const french = buildNarrativeDraft((await loadNarrativeDraft(db, { cycleCode: world.cycle.code, areaCode: 'TA1', locale: 'fr' }))!, draftTranslator('fr'));
    expect(french.sections[0]!.entries[0]!.body).toContain('X/TEST/1, par. 1');
    const frenchXml = await (await JSZip.loadAsync(await narrativeDraftDocx(french))).file('word/document.xml')!.async('string');
    expect(frenchXml).not.toContain('<w:bidi/>');
    expect(french.fileName).toBe(`draft-TA1-${world.cycle.code}-fr.docx`);
  });
});
