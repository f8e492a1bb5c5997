// Evidence links, focal points' proposals and suggestions against real PostgreSQL. Every text
// here is invented: the commitment, the document and its paragraphs.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideSuggestion, linkFile, linkParagraph, linkUrl, mayReviewEvidence, removeEvidence, suggestEvidence, type EvidenceActor,
} from '@/lib/evidence/mutations';
import { contentDisposition, MAX_FILE_BYTES, readFile } from '@/lib/evidence/file-storage';
import type { SessionUser } from '@/lib/auth/session';
import type { DomainError } from '@/lib/errors';
import { createTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let queries: typeof import('@/lib/evidence/queries');

type TestUser = EvidenceActor & { email: string };
let secretariat: TestUser;
let focalA: TestUser;
let focalB: TestUser;
let viewer: TestUser;
let commitmentId: string;
let otherCommitmentId: string;
let makeCommitment: (reference: string, texts: { locale: string; text: string }[]) => Promise<{ id: string }>;
const paragraphIds = new Map<number, string>();

const SYMBOL = 'X/00/1';

// The commitment's invented wording, and paragraphs more or less about the same invented matter.
const COMMITMENT_EN = 'Invented States shall strengthen the monitoring of gadget precursors and prevent their diversion to illicit gadget markets.';
const COMMITMENT_ZH = '虚构国家应加强对小部件前体的监测，并防止其转入非法小部件市场。';
const PARAGRAPHS: Record<number, string> = {
  1: 'The invented secretariat held its annual meeting on budget matters.',
  2: 'Several invented States strengthened the monitoring of gadget precursors.',
  3: 'Diversion of gadget precursors to illicit gadget markets was prevented in three invented regions.',
  4: 'Invented States reported seizures of gadget precursors.',
  5: 'Monitoring systems for precursors were set up by invented customs services.',
  6: 'Illicit gadget markets remained active in one invented region.',
  7: 'A workshop on rural livelihoods took place.',
  8: 'Gadget precursors were discussed by an invented working group.',
  9: 'The prevention of diversion remained a challenge for invented States.',
};

function user(person: TestUser): SessionUser {
  return { id: person.id, email: person.email, name: person.email, role: person.role, entityId: person.entityId, entity: null, locale: 'en', seesWholeWorklist: false };
}

const errorKey = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: DomainError) => error.key ?? String(error));

const counts = async () => ({
  links: await database.db.evidenceLink.count(),
  files: await database.db.storedFile.count(),
  audit: await database.db.auditEvent.count(),
});

// A 1x1 PNG image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  queries = await import('@/lib/evidence/queries');
  const db = database.db;

  const [entityA, entityB] = await Promise.all(
    ['XAA', 'XBB'].map((code) => db.reportingEntity.create({ data: { kind: 'MEMBER_STATE', code, name: { en: `Invented State ${code}` } } })),
  );
  const person = async (email: string, role: EvidenceActor['role'], entityId: string | null): Promise<TestUser> =>
    db.user.create({ data: { email, name: email, role, entityId, passwordHash: 'x' }, select: { id: true, email: true, role: true, entityId: true } });
  secretariat = await person('officer@example.test', 'SECRETARIAT', null);
  focalA = await person('focal.a@example.test', 'FOCAL_POINT', entityA!.id);
  focalB = await person('focal.b@example.test', 'FOCAL_POINT', entityB!.id);
  viewer = await person('viewer@example.test', 'VIEWER', null);

  const instrument = await db.instrument.create({
    data: { code: 'TEST-EVIDENCE', symbol: 'X/RES/0', title: { en: 'Invented instrument' }, adoptedYear: 2000, adoptedBy: { en: 'Invented body' }, isDemo: true },
  });
  const area = await db.thematicArea.create({ data: { code: 'TX1', title: { en: 'Invented area' }, order: 1 } });
  makeCommitment = (reference, texts) =>
    db.commitment.create({
      data: {
        instrumentId: instrument.id, thematicAreaId: area.id, reference, kind: 'COMMITMENT', order: 1,
        texts: { create: texts.map((text) => ({ ...text, sourceName: 'demo' })) },
      },
      select: { id: true },
    });
  commitmentId = (await makeCommitment('1(a)', [{ locale: 'en', text: COMMITMENT_EN }, { locale: 'zh', text: COMMITMENT_ZH }])).id;
  otherCommitmentId = (await makeCommitment('1(b)', [])).id;

  const document = await db.sourceDocument.create({
    data: { symbol: SYMBOL, title: 'Invented report', language: 'en', kind: 'OTHER', checksum: 'x' },
  });
  for (const [number, text] of Object.entries(PARAGRAPHS)) {
    const paragraph = await db.paragraph.create({ data: { documentId: document.id, number: Number(number), sectionPath: 'I', text } });
    paragraphIds.set(Number(number), paragraph.id);
  }
  // The same symbol in Chinese: a person reading in Chinese gets this one.
  const chinese = await db.sourceDocument.create({
    data: { symbol: SYMBOL, title: '虚构报告', language: 'zh', kind: 'OTHER', checksum: 'y' },
  });
  await db.paragraph.create({ data: { documentId: chinese.id, number: 1, sectionPath: 'I', text: '虚构秘书处召开了关于预算的年度会议。' } });
});

afterAll(() => database.drop());

describe('linking a paragraph', () => {
  it('lets the secretariat, and only it, review evidence', () => {
    expect(mayReviewEvidence(secretariat)).toBe(true);
    expect(mayReviewEvidence({ ...secretariat, role: 'ADMIN' })).toBe(true);
    for (const person of [focalA, focalB, viewer, null]) expect(mayReviewEvidence(person)).toBe(false);
  });

  it('resolves a symbol and number, keeps the note and who added it, and audits the link', async () => {
    // The secretariat's link is evidence at once.
    const link = await linkParagraph(database.db, secretariat, { commitmentId, symbol: 'x/00/1', number: 2, note: 'Invented note.' });
    const stored = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored).toMatchObject({
      kind: 'PARAGRAPH', paragraphId: paragraphIds.get(2), note: 'Invented note.', origin: 'MANUAL', state: 'ACCEPTED', createdById: secretariat.id,
    });
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'evidence.link', entityId: link.id } });
    expect(audit).toMatchObject({ actorId: secretariat.id, entityType: 'EvidenceLink' });
    expect(audit.after).toMatchObject({ commitmentId, kind: 'PARAGRAPH', symbol: SYMBOL, language: 'en', number: 2 });
  });

  it('lists it with its citation and stable address in the reader language', async () => {
    const english = await queries.listEvidence(user(secretariat), commitmentId, 'en');
    const item = english.items.find((entry) => entry.kind === 'PARAGRAPH');
    expect(item).toMatchObject({
      kind: 'PARAGRAPH', note: 'Invented note.', addedBy: 'officer@example.test', paragraphChanged: false, canRemove: true,
      paragraph: { symbol: SYMBOL, number: 2, citation: 'X/00/1, para. 2', url: '/documents/x-00-1/en/paragraphs/2', text: PARAGRAPHS[2] },
    });
    const chinese = await queries.listEvidence(null, commitmentId, 'zh');
    expect(chinese.items[0]).toMatchObject({ addedBy: null, canRemove: false, paragraph: { citation: 'X/00/1，第2段' } });
    expect(chinese.suggestions).toBeNull();
    expect(chinese.pending).toEqual([]);
    expect(chinese.canLink).toBe(false);
    expect(chinese.canReview).toBe(false);
    // A focal point sees it too, but may not remove what the secretariat added.
    const focal = await queries.listEvidence(user(focalA), commitmentId, 'en');
    expect(focal.items.find((entry) => entry.id === item!.id)).toMatchObject({ addedBy: 'officer@example.test', canRemove: false });
  });

  it('takes the document in the reader language when the symbol exists in several', async () => {
    const link = await linkParagraph(database.db, secretariat, { commitmentId, symbol: SYMBOL, number: 1, note: '', preferredLanguage: 'zh' });
    const stored = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: link.id }, select: { paragraph: { select: { document: { select: { language: true } } } } } });
    expect(stored.paragraph?.document.language).toBe('zh');
    await removeEvidence(database.db, secretariat, { evidenceId: link.id });
  });

  it('says clearly when the document or the paragraph is unknown, or already linked, and stores nothing', async () => {
    const before = await counts();
    expect(await errorKey(linkParagraph(database.db, focalA, { commitmentId, symbol: 'X/99/9', number: 2, note: '' }))).toBe('evidence.unknownDocument');
    expect(await errorKey(linkParagraph(database.db, focalA, { commitmentId, symbol: SYMBOL, number: 99, note: '' }))).toBe('evidence.unknownParagraph');
    expect(await errorKey(linkParagraph(database.db, focalB, { commitmentId, symbol: SYMBOL, number: 2, note: '' }))).toBe('evidence.alreadyLinked');
    expect(await errorKey(linkParagraph(database.db, focalA, { commitmentId: 'nope', symbol: SYMBOL, number: 2, note: '' }))).toBe('unknownCommitment');
    expect(await counts()).toEqual(before);
  });

  it('refuses people who may not link evidence', async () => {
    const before = await counts();
    const orphan = { ...focalA, entityId: null };
    expect(await errorKey(linkParagraph(database.db, viewer, { commitmentId, symbol: SYMBOL, number: 3, note: '' }))).toBe('evidence.notAllowed');
    expect(await errorKey(linkParagraph(database.db, orphan, { commitmentId, symbol: SYMBOL, number: 3, note: '' }))).toBe('evidence.notAllowed');
    expect(await counts()).toEqual(before);
  });

  it('flags a paragraph whose text changed after it was linked', async () => {
    const link = await database.db.evidenceLink.findFirstOrThrow({ where: { commitmentId, paragraphId: paragraphIds.get(2) } });
    await database.db.paragraph.update({ where: { id: paragraphIds.get(2) }, data: { textChangedAt: new Date(link.createdAt.getTime() + 60_000) } });
    const { items } = await queries.listEvidence(null, commitmentId, 'en');
    expect(items.find((item) => item.id === link.id)?.paragraphChanged).toBe(true);
    // A change before the link does not count.
    await database.db.paragraph.update({ where: { id: paragraphIds.get(2) }, data: { textChangedAt: new Date(link.createdAt.getTime() - 60_000) } });
    expect((await queries.listEvidence(null, commitmentId, 'en')).items.find((item) => item.id === link.id)?.paragraphChanged).toBe(false);
  });

  it('is not found for an unknown commitment', async () => {
    await expect(queries.listEvidence(null, 'nope', 'en')).rejects.toThrow();
  });
});

describe('linking a web page', () => {
  it('takes http and https only', async () => {
    const before = await counts();
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.test/file', 'not a url']) {
      expect(await errorKey(linkUrl(database.db, focalA, { commitmentId, url, title: 'Invented page', note: '' }))).toBe('evidence.invalidUrl');
    }
    expect(await counts()).toEqual(before);
  });

  it('links a page with its title and lists it', async () => {
    const link = await linkUrl(database.db, secretariat, { commitmentId, url: 'https://example.test/invented-page', title: 'Invented page', note: 'Seen.' });
    expect(await database.db.auditEvent.count({ where: { action: 'evidence.link', entityId: link.id } })).toBe(1);
    const { items } = await queries.listEvidence(user(focalB), commitmentId, 'en');
    expect(items.find((item) => item.id === link.id)).toMatchObject({
      kind: 'URL', url: 'https://example.test/invented-page', title: 'Invented page', note: 'Seen.', addedBy: 'officer@example.test',
    });
    expect(await errorKey(linkUrl(database.db, focalA, { commitmentId, url: 'https://example.test/invented-page', title: 'Again', note: '' })))
      .toBe('evidence.alreadyLinked');
  });
});

describe('linking a file', () => {
  it('stores an allowed file in the database with its checksum and lists a download', async () => {
    const link = await linkFile(database.db, secretariat, { commitmentId, fileName: 'invented chart.png', bytes: PNG, note: '' });
    const stored = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: link.id }, select: { fileId: true } });
    const file = await readFile(database.db, stored.fileId!);
    expect(file).toMatchObject({ fileName: 'invented chart.png', contentType: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex') });
    expect(Buffer.from(file!.content).equals(PNG)).toBe(true);
    expect(await readFile(database.db, 'nope')).toBeNull();

    const signedIn = await queries.listEvidence(user(focalB), commitmentId, 'en');
    expect(signedIn.items.find((item) => item.id === link.id)).toMatchObject({
      kind: 'FILE', file: { name: 'invented chart.png', size: PNG.length, downloadUrl: `/api/evidence/files/${stored.fileId}` }, canRemove: false,
    });
    const anonymous = await queries.listEvidence(null, commitmentId, 'en');
    expect(anonymous.items.find((item) => item.id === link.id)).toMatchObject({ file: { downloadUrl: null } });
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'evidence.link', entityId: link.id } });
    expect(audit.after).toMatchObject({ kind: 'FILE', fileName: 'invented chart.png', contentType: 'image/png', sha256: file!.sha256 });
  });

  it('accepts PDF, text and CSV by their content', async () => {
    for (const [fileName, bytes, contentType] of [
      ['invented.pdf', PDF, 'application/pdf'],
      ['invented notes.txt', Buffer.from('虚构说明。\nInvented notes.\n'), 'text/plain; charset=utf-8'],
      ['invented.csv', Buffer.from('year,seizures\n2000,3\n'), 'text/csv; charset=utf-8'],
    ] as const) {
      const link = await linkFile(database.db, secretariat, { commitmentId: otherCommitmentId, fileName, bytes, note: '' });
      const stored = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: link.id }, select: { file: { select: { contentType: true } } } });
      expect(stored.file?.contentType).toBe(contentType);
    }
  });

  it.each([
    ['a PNG renamed .pdf', 'invented.pdf', PNG, 'evidence.fileNameMismatch'],
    ['a PDF without an extension', 'invented', PDF, 'evidence.fileNameMismatch'],
    ['text named .pdf', 'invented.pdf', Buffer.from('plain text'), 'evidence.fileNameMismatch'],
    ['a type outside the list (GIF)', 'invented.gif', Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1'), 'evidence.fileTypeNotAllowed'],
    ['binary that is not UTF-8 text', 'invented.txt', Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x00, 0x9f]), 'evidence.fileTypeNotAllowed'],
    ['an empty file', 'invented.txt', Buffer.alloc(0), 'evidence.fileEmpty'],
    ['10 MB and one byte', 'invented.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES + 1 - PDF.length)]), 'evidence.fileTooLarge'],
  ])('refuses %s and stores nothing', async (_name, fileName, bytes, key) => {
    const before = await counts();
    expect(await errorKey(linkFile(database.db, focalA, { commitmentId, fileName, bytes, note: '' }))).toBe(key);
    expect(await counts()).toEqual(before);
  });

  it('names the file in downloads exactly, with an ASCII fallback', () => {
    expect(contentDisposition('报告 "v2".pdf')).toBe(`attachment; filename="__ _v2_.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%22v2%22.pdf`);
  });
});

describe('removing evidence', () => {
  it('lets whoever proposed it, or the secretariat, remove it, keeps it out of every list, and audits it', async () => {
    // Focal points' links are proposals; whoever proposed one may withdraw it while it waits.
    const mine = await linkUrl(database.db, focalA, { commitmentId, url: 'https://example.test/a', title: 'A', note: '' });
    const theirs = await linkUrl(database.db, focalB, { commitmentId, url: 'https://example.test/b', title: 'B', note: '' });
    const official = await linkUrl(database.db, secretariat, { commitmentId, url: 'https://example.test/c', title: 'C', note: '' });
    expect(await errorKey(removeEvidence(database.db, focalA, { evidenceId: official.id }))).toBe('evidence.removeNotAllowed');
    await removeEvidence(database.db, secretariat, { evidenceId: official.id });
    expect(await errorKey(removeEvidence(database.db, focalA, { evidenceId: theirs.id }))).toBe('evidence.removeNotAllowed');
    expect(await errorKey(removeEvidence(database.db, viewer, { evidenceId: mine.id }))).toBe('evidence.removeNotAllowed');
    await expect(removeEvidence(database.db, focalA, { evidenceId: mine.id })).resolves.toMatchObject({ removed: true, evidenceId: mine.id });
    await expect(removeEvidence(database.db, secretariat, { evidenceId: theirs.id })).resolves.toMatchObject({ removed: true });
    // Kept, marked removed, for the history and the undo; in nobody's list.
    const kept = await database.db.evidenceLink.findMany({ where: { id: { in: [mine.id, theirs.id] } }, orderBy: { url: 'asc' } });
    expect(kept.map((link) => [link.url, link.removedById])).toEqual([['https://example.test/a', focalA.id], ['https://example.test/b', secretariat.id]]);
    for (const person of [null, focalA, focalB, secretariat]) {
      const listed = await queries.listEvidence(person ? user(person) : null, commitmentId, 'en');
      for (const id of [mine.id, theirs.id, official.id]) expect([...listed.items, ...listed.pending].map((item) => item.id)).not.toContain(id);
    }
    expect(await errorKey(removeEvidence(database.db, secretariat, { evidenceId: mine.id }))).toBe('evidence.unknown');
    const audit = await database.db.auditEvent.findMany({ where: { action: 'evidence.remove', entityId: { in: [mine.id, theirs.id] } }, orderBy: { at: 'asc' } });
    expect(audit.map((row) => row.actorId)).toEqual([focalA.id, secretariat.id]);
    expect(audit[1]!.before).toMatchObject({ kind: 'URL', url: 'https://example.test/b', createdById: focalB.id, state: 'SUGGESTED' });
    // The same page may be linked again once removed.
    const again = await linkUrl(database.db, focalA, { commitmentId, url: 'https://example.test/a', title: 'A again', note: '' });
    await removeEvidence(database.db, focalA, { evidenceId: again.id });
  });

  it('keeps the stored file of removed evidence, to restore it, and serves it only to its author and the secretariat', async () => {
    const link = await linkFile(database.db, focalB, { commitmentId, fileName: 'to-remove.png', bytes: PNG, note: '' });
    const { fileId } = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: link.id }, select: { fileId: true } });
    await removeEvidence(database.db, focalB, { evidenceId: link.id });
    expect(await database.db.storedFile.count({ where: { id: fileId! } })).toBe(1);
    expect(await queries.getEvidenceFile(user(focalB), fileId!)).not.toBeNull();
    expect(await queries.getEvidenceFile(user(secretariat), fileId!)).not.toBeNull();
    expect(await queries.getEvidenceFile(user(focalA), fileId!)).toBeNull();
  });
});

describe('proposals by focal points', () => {
  const ids = { paragraph: '', url: '', file: '' };
  const idsOf = (list: { id: string }[]) => list.map((entry) => entry.id);
  const listFor = (person: TestUser | null) => queries.listEvidence(person ? user(person) : null, commitmentId, 'en');

  it('keeps a paragraph, page or file a focal point links pending, out of the public evidence', async () => {
    ids.paragraph = (await linkParagraph(database.db, focalA, { commitmentId, symbol: SYMBOL, number: 7, note: 'Invented proposal.' })).id;
    ids.url = (await linkUrl(database.db, focalA, { commitmentId, url: 'https://example.test/proposed', title: 'Invented proposed page', note: '' })).id;
    ids.file = (await linkFile(database.db, focalA, { commitmentId, fileName: 'invented proposal.png', bytes: PNG, note: '' })).id;
    const all = Object.values(ids);

    const stored = await database.db.evidenceLink.findMany({ where: { id: { in: all } } });
    expect(stored).toHaveLength(3);
    for (const link of stored) {
      expect(link).toMatchObject({ origin: 'MANUAL', state: 'SUGGESTED', createdById: focalA.id, decidedById: null, decidedAt: null, score: null });
    }
    expect(await database.db.auditEvent.count({ where: { action: 'evidence.link', actorId: focalA.id, entityId: { in: all } } })).toBe(3);

    // Nobody but the proposer and the secretariat sees a proposal, and it is nobody's evidence yet.
    for (const person of [null, focalB, viewer, focalA, secretariat]) {
      const listed = await listFor(person);
      for (const id of all) expect(idsOf(listed.items)).not.toContain(id);
    }
    const anonymous = await listFor(null);
    expect(anonymous.pending).toEqual([]);
    expect(anonymous.suggestions).toBeNull();
    const other = await listFor(focalB);
    for (const id of all) expect(idsOf(other.pending)).not.toContain(id);
    expect(other).toMatchObject({ suggestions: null, canLink: true, canReview: false });
    expect((await listFor(viewer)).pending).toEqual([]);

    const own = await listFor(focalA);
    expect(idsOf(own.pending)).toEqual(all);
    expect(own).toMatchObject({ suggestions: null, canLink: true, canReview: false });
    expect(own.pending.find((item) => item.id === ids.paragraph)).toMatchObject({
      kind: 'PARAGRAPH', origin: 'MANUAL', note: 'Invented proposal.', addedBy: 'focal.a@example.test', canRemove: true,
      paragraph: { symbol: SYMBOL, number: 7, citation: 'X/00/1, para. 7' },
    });
    expect(own.pending.find((item) => item.id === ids.url)).toMatchObject({ kind: 'URL', url: 'https://example.test/proposed', title: 'Invented proposed page' });
    expect(own.pending.find((item) => item.id === ids.file)).toMatchObject({ kind: 'FILE', file: { name: 'invented proposal.png' } });

    const officer = await listFor(secretariat);
    expect(idsOf(officer.pending)).toEqual(all);
    expect(officer).toMatchObject({ canLink: true, canReview: true });
    expect(officer.suggestions).toEqual([]);
    expect(officer.pending.find((item) => item.id === ids.url)).toMatchObject({ addedBy: 'focal.a@example.test', canRemove: true });
  });

  it('tells a focal point that a pending paragraph or page is already linked, and stores nothing', async () => {
    const before = await counts();
    for (const person of [focalA, focalB]) {
      expect(await errorKey(linkParagraph(database.db, person, { commitmentId, symbol: SYMBOL, number: 7, note: '' }))).toBe('evidence.alreadyLinked');
      expect(await errorKey(linkUrl(database.db, person, { commitmentId, url: 'https://example.test/proposed', title: 'Again', note: '' })))
        .toBe('evidence.alreadyLinked');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses suggesting and deciding to focal points, and changes nothing', async () => {
    const before = await counts();
    const links = await database.db.evidenceLink.findMany({ where: { commitmentId }, orderBy: { id: 'asc' } });
    for (const person of [focalA, focalB, viewer]) {
      expect(await errorKey(suggestEvidence(database.db, person, { commitmentId }))).toBe('evidence.notAllowed');
      for (const decision of ['accept', 'reject'] as const) {
        // Not even the proposer may decide her own proposal.
        expect(await errorKey(decideSuggestion(database.db, person, { evidenceId: ids.paragraph, decision }))).toBe('evidence.notAllowed');
      }
    }
    expect(await counts()).toEqual(before);
    expect(await database.db.evidenceLink.findMany({ where: { commitmentId }, orderBy: { id: 'asc' } })).toEqual(links);
  });

  it('lets the secretariat accept a proposal into the evidence and reject another out of every list', async () => {
    const started = Date.now();
    await expect(decideSuggestion(database.db, secretariat, { evidenceId: ids.paragraph, decision: 'accept' })).resolves.toEqual({ state: 'ACCEPTED' });
    await expect(decideSuggestion(database.db, secretariat, { evidenceId: ids.url, decision: 'reject' })).resolves.toEqual({ state: 'REJECTED' });
    const accepted = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: ids.paragraph } });
    const rejected = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: ids.url } });
    expect(accepted).toMatchObject({ state: 'ACCEPTED', origin: 'MANUAL', createdById: focalA.id, decidedById: secretariat.id, note: 'Invented proposal.' });
    expect(rejected).toMatchObject({ state: 'REJECTED', origin: 'MANUAL', createdById: focalA.id, decidedById: secretariat.id });
    for (const link of [accepted, rejected]) {
      expect(link.decidedAt!.getTime()).toBeGreaterThanOrEqual(started - 1000);
      expect(link.decidedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    const acceptAudit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'evidence.accept', entityId: ids.paragraph } });
    expect(acceptAudit).toMatchObject({ actorId: secretariat.id, entityType: 'EvidenceLink', before: { state: 'SUGGESTED' } });
    expect(acceptAudit.after).toMatchObject({ state: 'ACCEPTED', commitmentId, paragraphId: paragraphIds.get(7) });
    expect(await database.db.auditEvent.count({ where: { action: 'evidence.reject', entityId: ids.url, actorId: secretariat.id } })).toBe(1);
    expect(await errorKey(decideSuggestion(database.db, secretariat, { evidenceId: ids.url, decision: 'accept' }))).toBe('evidence.alreadyDecided');

    // The accepted proposal is public evidence, still added by the focal point who proposed it.
    const anonymous = await listFor(null);
    expect(anonymous.items.find((item) => item.id === ids.paragraph)).toMatchObject({ kind: 'PARAGRAPH', origin: 'MANUAL', addedBy: null, canRemove: false });
    expect((await listFor(focalB)).items.find((item) => item.id === ids.paragraph)).toMatchObject({ addedBy: 'focal.a@example.test', canRemove: false });
    const own = await listFor(focalA);
    // Accepted, it is removed by the secretariat only: its focal point asks for that.
    expect(own.items.find((item) => item.id === ids.paragraph)).toMatchObject({
      addedBy: 'focal.a@example.test', addedAt: accepted.createdAt, canRemove: false, canRequestRemoval: true, entity: { code: 'XAA', name: 'Invented State XAA' },
    });
    const officer = await listFor(secretariat);
    expect(officer.items.find((item) => item.id === ids.paragraph)).toMatchObject({ addedBy: 'focal.a@example.test', canRemove: true });
    for (const listed of [own, officer]) {
      expect(idsOf(listed.pending)).toEqual([ids.file]);
    }

    // The rejected one is in nobody's list.
    for (const person of [null, focalA, focalB, secretariat]) {
      const listed = await listFor(person);
      expect(idsOf(listed.items)).not.toContain(ids.url);
      expect(idsOf(listed.pending)).not.toContain(ids.url);
      expect(idsOf(listed.suggestions ?? [])).not.toContain(ids.url);
    }
  });
});

describe('suggestions', () => {
  const pendingSuggestions = () =>
    database.db.evidenceLink.findMany({
      where: { commitmentId, state: 'SUGGESTED', origin: 'SUGGESTED' },
      orderBy: { score: 'desc' },
      select: { id: true, paragraphId: true, score: true, origin: true, createdById: true },
    });
  const numberOf = (paragraphId: string | null) => [...paragraphIds].find(([, id]) => id === paragraphId)?.[0];

  it('stores the five most similar paragraphs not already linked, ranked, with their scores', async () => {
    // Paragraph 2 is linked (above); paragraph 3, the closest, is linked here too.
    await linkParagraph(database.db, secretariat, { commitmentId, symbol: SYMBOL, number: 3, note: '' });
    await expect(suggestEvidence(database.db, secretariat, { commitmentId })).resolves.toEqual({ suggested: 5 });
    const suggestions = await pendingSuggestions();
    expect(suggestions).toHaveLength(5);
    const numbers = suggestions.map((suggestion) => numberOf(suggestion.paragraphId));
    expect(numbers).not.toContain(2);
    expect(numbers).not.toContain(3);
    // Unrelated paragraphs (the budget meeting, the workshop) are not among them.
    expect(numbers).not.toContain(1);
    expect(numbers).not.toContain(7);
    for (const suggestion of suggestions) {
      expect(suggestion).toMatchObject({ origin: 'SUGGESTED', createdById: secretariat.id });
      expect(suggestion.score).toBeGreaterThan(0);
      expect(suggestion.score).toBeLessThanOrEqual(1);
    }
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'evidence.suggest', entityId: commitmentId } });
    expect((audit.after as { suggestions: unknown[] }).suggestions).toHaveLength(5);

    const { suggestions: listed } = await queries.listEvidence(user(secretariat), commitmentId, 'en');
    expect(listed!.map((suggestion) => suggestion.id)).toEqual(suggestions.map((suggestion) => suggestion.id));
    expect(listed![0]!.paragraph.citation).toMatch(/^X\/00\/1, para\. \d$/);
    // Machine suggestions are for the secretariat only; focal points see none of them.
    const focal = await queries.listEvidence(user(focalA), commitmentId, 'en');
    expect(focal.suggestions).toBeNull();
    for (const suggestion of suggestions) {
      expect(focal.items.map((item) => item.id)).not.toContain(suggestion.id);
      expect(focal.pending.map((item) => item.id)).not.toContain(suggestion.id);
    }
  });

  it('keeps the same suggestions when asked again', async () => {
    const before = (await pendingSuggestions()).map((suggestion) => suggestion.id).sort();
    await suggestEvidence(database.db, secretariat, { commitmentId });
    expect((await pendingSuggestions()).map((suggestion) => suggestion.id).sort()).toEqual(before);
  });

  it('records who accepted or rejected a suggestion and when, once', async () => {
    const [first, second] = await pendingSuggestions();
    const started = Date.now();
    expect(await errorKey(decideSuggestion(database.db, focalA, { evidenceId: first!.id, decision: 'accept' }))).toBe('evidence.notAllowed');
    await expect(decideSuggestion(database.db, secretariat, { evidenceId: first!.id, decision: 'accept' })).resolves.toEqual({ state: 'ACCEPTED' });
    await expect(decideSuggestion(database.db, secretariat, { evidenceId: second!.id, decision: 'reject' })).resolves.toEqual({ state: 'REJECTED' });
    const accepted = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: first!.id } });
    const rejected = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: second!.id } });
    expect(accepted).toMatchObject({ state: 'ACCEPTED', origin: 'SUGGESTED', decidedById: secretariat.id });
    expect(rejected).toMatchObject({ state: 'REJECTED', decidedById: secretariat.id });
    expect(accepted.decidedAt!.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(await errorKey(decideSuggestion(database.db, secretariat, { evidenceId: second!.id, decision: 'accept' }))).toBe('evidence.alreadyDecided');
    expect(await errorKey(decideSuggestion(database.db, focalB, { evidenceId: second!.id, decision: 'accept' }))).toBe('evidence.notAllowed');
    expect(await errorKey(decideSuggestion(database.db, viewer, { evidenceId: first!.id, decision: 'reject' }))).toBe('evidence.notAllowed');
    expect(await database.db.auditEvent.count({ where: { action: 'evidence.accept', entityId: first!.id, actorId: secretariat.id } })).toBe(1);
    expect(await database.db.auditEvent.count({ where: { action: 'evidence.reject', entityId: second!.id, actorId: secretariat.id } })).toBe(1);

    const { items } = await queries.listEvidence(user(focalB), commitmentId, 'en');
    expect(items.find((item) => item.id === first!.id)).toMatchObject({ origin: 'SUGGESTED', addedBy: 'officer@example.test', canRemove: false });
    expect(items.find((item) => item.id === second!.id)).toBeUndefined();
    const { suggestions } = await queries.listEvidence(user(secretariat), commitmentId, 'en');
    expect(suggestions!.map((suggestion) => suggestion.id)).not.toContain(first!.id);
    expect(suggestions!.map((suggestion) => suggestion.id)).not.toContain(second!.id);

    // Neither the accepted nor the rejected paragraph is suggested again.
    await suggestEvidence(database.db, secretariat, { commitmentId });
    const again = (await pendingSuggestions()).map((suggestion) => suggestion.paragraphId);
    expect(again).not.toContain(first!.paragraphId);
    expect(again).not.toContain(second!.paragraphId);
  });

  it('turns a pending suggestion into the link when the secretariat links the same paragraph', async () => {
    const [pending] = await pendingSuggestions();
    const number = numberOf(pending!.paragraphId)!;
    // A focal point cannot: the paragraph is already pending.
    const before = await counts();
    expect(await errorKey(linkParagraph(database.db, focalB, { commitmentId, symbol: SYMBOL, number, note: 'Typed in.' }))).toBe('evidence.alreadyLinked');
    expect(await counts()).toEqual(before);
    expect(await database.db.evidenceLink.findUniqueOrThrow({ where: { id: pending!.id } })).toMatchObject({ state: 'SUGGESTED', decidedById: null });

    const link = await linkParagraph(database.db, secretariat, { commitmentId, symbol: SYMBOL, number, note: 'Typed in.' });
    expect(link.id).toBe(pending!.id);
    expect(await database.db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({
      state: 'ACCEPTED', origin: 'SUGGESTED', decidedById: secretariat.id, note: 'Typed in.',
    });
    expect(await database.db.evidenceLink.count({ where: { commitmentId, paragraphId: pending!.paragraphId } })).toBe(1);
  });

  it('leaves a focal point\'s pending proposal in place and does not suggest its paragraph', async () => {
    const fresh = (await makeCommitment('1(c)', [{ locale: 'en', text: COMMITMENT_EN }])).id;
    // Paragraph 3, the closest to the wording, is proposed before any suggestion is made.
    const proposal = await linkParagraph(database.db, focalA, { commitmentId: fresh, symbol: SYMBOL, number: 3, note: 'Invented proposal.' });
    const before = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(before).toMatchObject({ origin: 'MANUAL', state: 'SUGGESTED', createdById: focalA.id });

    await expect(suggestEvidence(database.db, secretariat, { commitmentId: fresh })).resolves.toEqual({ suggested: 5 });
    // Asked again, the machine's suggestions are re-ranked; the proposal is neither withdrawn nor changed.
    await suggestEvidence(database.db, secretariat, { commitmentId: fresh });
    expect(await database.db.evidenceLink.findUniqueOrThrow({ where: { id: proposal.id } })).toEqual(before);
    const machine = await database.db.evidenceLink.findMany({ where: { commitmentId: fresh, origin: 'SUGGESTED' }, select: { paragraphId: true } });
    expect(machine).toHaveLength(5);
    expect(machine.map((suggestion) => suggestion.paragraphId)).not.toContain(paragraphIds.get(3));
    expect(await database.db.evidenceLink.count({ where: { commitmentId: fresh, paragraphId: paragraphIds.get(3) } })).toBe(1);

    const officer = await queries.listEvidence(user(secretariat), fresh, 'en');
    expect(officer.pending.map((item) => item.id)).toEqual([proposal.id]);
    expect(officer.suggestions!.map((suggestion) => suggestion.paragraph.number)).not.toContain(3);
    expect((await queries.listEvidence(user(focalA), fresh, 'en')).pending.map((item) => item.id)).toEqual([proposal.id]);
    expect((await queries.listEvidence(null, fresh, 'en')).items).toEqual([]);
  });

  it('says so when the commitment has no wording to compare', async () => {
    expect(await errorKey(suggestEvidence(database.db, secretariat, { commitmentId: otherCommitmentId }))).toBe('evidence.noWording');
  });
});
