// Removing commitment evidence, and linking it from a paragraph, against real PostgreSQL: a
// removal is kept in the commitment's history and can be undone (a real restore, authorized and
// audited); a focal point cannot remove evidence the secretariat accepted, only ask for it; a
// declined proposal carries a comment its author reads; a paragraph lists the commitments citing
// it. Every text here is invented: the commitments, the documents and their paragraphs.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  decideRemovalRequest, decideSuggestion, linkParagraph, linkParagraphToCommitment, linkUrl, removeEvidence, requestEvidenceRemoval,
  restoreEvidence, suggestEvidence, UNDO_WINDOW_MS, type EvidenceActor,
} from '@/lib/evidence/mutations';
import type { SessionUser } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import type { Db } from '@/lib/db/client';
import { message, signInAs } from '../support/action-context';
import { createAppTestDatabase } from '../support/test-database';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

let database: Awaited<ReturnType<typeof createAppTestDatabase>>;
let db: Db;
let queries: typeof import('@/lib/evidence/queries');
let actions: typeof import('@/lib/evidence/actions');

type TestUser = EvidenceActor & { email: string };
let secretariat: TestUser;
let focalA: TestUser;
let colleagueA: TestUser;
let focalB: TestUser;
let viewer: TestUser;
let entityA: { id: string };
let makeCommitment: (reference: string) => Promise<string>;
const paragraphIds = new Map<number, string>();
let chineseParagraph7: string;

const SYMBOL = 'X/00/2';

function user(person: TestUser): SessionUser {
  return { id: person.id, email: person.email, name: person.email, role: person.role, entityId: person.entityId, entity: null, locale: 'en', seesWholeWorklist: false };
}

const errorKey = (promise: Promise<unknown>) =>
  promise.then(() => 'resolved', (error: unknown) => {
    if (error instanceof DomainError) return error.key;
    throw error;
  });

const list = (person: TestUser | null, commitmentId: string) => queries.listEvidence(person ? user(person) : null, commitmentId, 'en');

const fingerprint = async () => ({
  links: await db.evidenceLink.findMany({ orderBy: { id: 'asc' } }),
  audit: await db.auditEvent.count(),
});

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const mfaRoles = process.env.MFA_REQUIRED_ROLES;

beforeAll(async () => {
  // Two-step sign-in is not what these tests are about: the secretariat's sessions need none here.
  process.env.MFA_REQUIRED_ROLES = '';
  database = await createAppTestDatabase();
  db = database.db;
  queries = await import('@/lib/evidence/queries');
  actions = await import('@/lib/evidence/actions');

  entityA = await db.reportingEntity.create({ data: { kind: 'MEMBER_STATE', code: 'XRA', name: { en: 'Invented State XRA', zh: '虚构国XRA' } } });
  const entityB = await db.reportingEntity.create({ data: { kind: 'MEMBER_STATE', code: 'XRB', name: { en: 'Invented State XRB' } } });
  const person = async (email: string, role: EvidenceActor['role'], entityId: string | null): Promise<TestUser> =>
    db.user.create({
      data: { email, name: email, role, entityId, passwordHash: 'x' },
      select: { id: true, email: true, role: true, entityId: true },
    });
  secretariat = await person('removal.officer@example.test', 'SECRETARIAT', null);
  focalA = await person('removal.focal.a@example.test', 'FOCAL_POINT', entityA.id);
  colleagueA = await person('removal.colleague.a@example.test', 'FOCAL_POINT', entityA.id);
  focalB = await person('removal.focal.b@example.test', 'FOCAL_POINT', entityB.id);
  viewer = await person('removal.viewer@example.test', 'VIEWER', null);

  const instrument = await db.instrument.create({
    data: { code: 'TEST-REMOVAL', symbol: 'X/RES/9', title: { en: 'Invented instrument' }, adoptedYear: 2000, adoptedBy: { en: 'Invented body' }, isDemo: true, order: 1 },
  });
  const area = await db.thematicArea.create({ data: { code: 'TR1', title: { en: 'Invented area' }, order: 1 } });
  let order = 0;
  makeCommitment = async (reference) =>
    (await db.commitment.create({
      data: {
        instrumentId: instrument.id, thematicAreaId: area.id, reference, kind: 'COMMITMENT', order: (order += 1),
        texts: { create: [{ locale: 'en', text: `Invented commitment ${reference} about the calibration of imaginary widgets.`, sourceName: 'test' }] },
      },
      select: { id: true },
    })).id;

  const document = await db.sourceDocument.create({ data: { symbol: SYMBOL, title: 'Invented report', language: 'en', kind: 'OTHER', checksum: 'r' } });
  for (let number = 1; number <= 9; number += 1) {
    const paragraph = await db.paragraph.create({ data: { documentId: document.id, number, sectionPath: 'I', text: `Invented paragraph ${number} about imaginary widgets.` } });
    paragraphIds.set(number, paragraph.id);
  }
  const chinese = await db.sourceDocument.create({ data: { symbol: SYMBOL, title: '虚构报告', language: 'zh', kind: 'OTHER', checksum: 's' } });
  chineseParagraph7 = (await db.paragraph.create({ data: { documentId: chinese.id, number: 7, sectionPath: 'I', text: '关于虚构小部件的第七段。' } })).id;
});

afterAll(async () => {
  if (mfaRoles === undefined) delete process.env.MFA_REQUIRED_ROLES;
  else process.env.MFA_REQUIRED_ROLES = mfaRoles;
  await database.drop();
});

beforeEach(() => signInAs(null));

describe('a focal point and accepted evidence', () => {
  it('cannot remove it directly, even their own: the refusal says to ask, and nothing changes', async () => {
    const commitmentId = await makeCommitment('1');
    const { id } = await linkUrl(db, focalA, { commitmentId, url: 'https://example.test/accepted', title: 'Invented page', note: '' });
    await decideSuggestion(db, secretariat, { evidenceId: id, decision: 'accept' });
    const before = await fingerprint();
    for (const person of [focalA, colleagueA]) expect(await errorKey(removeEvidence(db, person, { evidenceId: id }))).toBe('evidence.removeNeedsReview');
    expect(await errorKey(removeEvidence(db, focalB, { evidenceId: id }))).toBe('evidence.removeNotAllowed');
    expect(await errorKey(removeEvidence(db, viewer, { evidenceId: id }))).toBe('evidence.removeNotAllowed');
    expect(await fingerprint()).toEqual(before);

    // Through the action too: a clear message, not a crash.
    signInAs(focalA);
    const refused = await actions.removeEvidenceAction(null, formData({ evidenceId: id }));
    expect(refused).toEqual({ ok: false, message: message('errors', 'evidence.removeNeedsReview'), fieldErrors: {} });
    expect(await fingerprint()).toEqual(before);

    const shown = (await list(focalA, commitmentId)).items.find((item) => item.id === id);
    expect(shown).toMatchObject({ canRemove: false, canRequestRemoval: true, removalRequest: null });
    expect((await list(focalB, commitmentId)).items.find((item) => item.id === id)).toMatchObject({ canRemove: false, canRequestRemoval: false });
  });

  it('asks for its removal; the secretariat keeps it with a comment the entity reads, or removes it', async () => {
    const commitmentId = await makeCommitment('2');
    const { id } = await linkUrl(db, focalA, { commitmentId, url: 'https://example.test/to-go', title: 'Invented outdated page', note: '' });
    await decideSuggestion(db, secretariat, { evidenceId: id, decision: 'accept' });

    expect(await errorKey(requestEvidenceRemoval(db, focalB, { evidenceId: id, reason: '' }))).toBe('evidence.removeNotAllowed');
    expect(await errorKey(requestEvidenceRemoval(db, secretariat, { evidenceId: id, reason: '' }))).toBe('evidence.removeDirectly');
    await expect(requestEvidenceRemoval(db, focalA, { evidenceId: id, reason: 'Invented reason: superseded.' })).resolves.toEqual({ requested: true });
    expect(await errorKey(requestEvidenceRemoval(db, colleagueA, { evidenceId: id, reason: '' }))).toBe('evidence.removalAlreadyRequested');
    // Still evidence until the secretariat decides; the request shows to it and to the entity only.
    expect((await list(null, commitmentId)).items.map((item) => item.id)).toContain(id);
    for (const person of [secretariat, focalA, colleagueA]) {
      expect((await list(person, commitmentId)).items.find((item) => item.id === id)?.removalRequest)
        .toMatchObject({ by: focalA.email, reason: 'Invented reason: superseded.' });
    }
    for (const person of [focalB, viewer, null]) expect((await list(person, commitmentId)).items.find((item) => item.id === id)?.removalRequest).toBeNull();
    expect(await errorKey(decideRemovalRequest(db, focalA, { evidenceId: id, decision: 'remove', comment: '' }))).toBe('evidence.notAllowed');

    await expect(decideRemovalRequest(db, secretariat, { evidenceId: id, decision: 'keep', comment: 'Invented comment: still current.' }))
      .resolves.toMatchObject({ decision: 'keep' });
    expect(await errorKey(decideRemovalRequest(db, secretariat, { evidenceId: id, decision: 'keep', comment: '' }))).toBe('evidence.noRemovalRequest');
    const ownHistory = (await list(colleagueA, commitmentId)).history!;
    expect(ownHistory.map((entry) => [entry.action, entry.by, entry.comment])).toEqual([
      ['kept', secretariat.email, 'Invented comment: still current.'],
      ['removalRequested', focalA.email, 'Invented reason: superseded.'],
    ]);
    // Another entity's request and its answer are not another entity's business.
    expect((await list(focalB, commitmentId)).history).toEqual([]);

    await requestEvidenceRemoval(db, focalA, { evidenceId: id, reason: '' });
    await expect(decideRemovalRequest(db, secretariat, { evidenceId: id, decision: 'remove', comment: '' })).resolves.toMatchObject({ decision: 'remove' });
    expect((await list(null, commitmentId)).items).toEqual([]);
    const stored = await db.evidenceLink.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ removedById: secretariat.id, removalRequestedAt: null, state: 'ACCEPTED' });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'evidence.remove', entityId: id } });
    expect(audit.after).toMatchObject({ onRequestOf: focalA.id });
    // Public evidence removed: every signed-in reader sees who removed what, and when.
    const publicHistory = (await list(focalB, commitmentId)).history!;
    expect(publicHistory).toHaveLength(1);
    expect(publicHistory[0]).toMatchObject({ action: 'removed', onRequest: true, by: secretariat.email, what: 'Invented outdated page', entity: { code: 'XRA' } });
  });
});

describe('the history of removals', () => {
  it('says who removed what and when, to signed-in readers, and to nobody anonymous', async () => {
    const commitmentId = await makeCommitment('3');
    const started = Date.now();
    const { id } = await linkParagraph(db, secretariat, { commitmentId, symbol: SYMBOL, number: 3, note: '' });
    await removeEvidence(db, secretariat, { evidenceId: id });
    for (const person of [viewer, focalB, focalA, secretariat]) {
      const [entry] = (await list(person, commitmentId)).history!;
      expect(entry).toMatchObject({
        action: 'removed', by: secretariat.email, what: 'X/00/2, para. 3', href: '/documents/x-00-2/en/paragraphs/3', kind: 'PARAGRAPH', entity: null, onRequest: false,
      });
      expect(entry!.at.getTime()).toBeGreaterThanOrEqual(started - 1000);
    }
    const anonymous = await list(null, commitmentId);
    expect(anonymous.history).toBeNull();
    expect(anonymous.items).toEqual([]);
    // Only the secretariat is offered to restore it from the history.
    expect((await list(secretariat, commitmentId)).history![0]!.restoreId).toBe(id);
    expect((await list(focalA, commitmentId)).history![0]!.restoreId).toBeNull();
  });

  it("keeps a focal point's withdrawn proposal in the entity's history only", async () => {
    const commitmentId = await makeCommitment('4');
    const { id } = await linkUrl(db, focalA, { commitmentId, url: 'https://example.test/withdrawn', title: 'Invented withdrawn page', note: '' });
    // A colleague of the same entity may withdraw it too: the evidence is the entity's.
    await removeEvidence(db, colleagueA, { evidenceId: id });
    for (const person of [secretariat, focalA, colleagueA]) {
      expect((await list(person, commitmentId)).history!.map((entry) => [entry.action, entry.by])).toEqual([['removed', colleagueA.email]]);
    }
    for (const person of [focalB, viewer]) expect((await list(person, commitmentId)).history).toEqual([]);
  });
});

describe('a long history', () => {
  it("still shows a focal point their own entries when many newer ones concern another entity's evidence", async () => {
    const commitmentId = await makeCommitment('12');
    const own = await linkUrl(db, focalA, { commitmentId, url: 'https://example.test/own-old', title: 'Invented own page', note: '' });
    await removeEvidence(db, focalA, { evidenceId: own.id });
    const other = await linkUrl(db, focalB, { commitmentId, url: 'https://example.test/other', title: 'Invented page of another entity', note: '' });
    // 150 newer entries about the other entity's evidence, which focal point A may not read.
    await db.auditEvent.createMany({
      data: Array.from({ length: 150 }, (_, index) => ({
        actorId: secretariat.id, actorEmail: secretariat.email, action: 'evidence.keep', entityType: 'EvidenceLink', entityId: other.id,
        after: { comment: `[TEST] kept ${index}` }, at: new Date(Date.now() + 60_000 + index),
      })),
    });
    const history = (await list(focalA, commitmentId)).history!;
    expect(history.map((entry) => [entry.action, entry.what])).toEqual([['removed', 'Invented own page']]);
    expect((await list(secretariat, commitmentId)).history!.length).toBe(50);
  });
});

describe('undoing a removal', () => {
  it('restores the link as it was, for whoever removed it and for a short while, audited', async () => {
    const commitmentId = await makeCommitment('5');
    const { id } = await linkUrl(db, focalA, { commitmentId, url: 'https://example.test/undo', title: 'Invented page to undo', note: 'Invented note.' });
    const removed = await removeEvidence(db, focalA, { evidenceId: id });
    expect(removed.undoUntil.getTime() - Date.now()).toBeGreaterThan(UNDO_WINDOW_MS - 5000);
    expect((await list(focalA, commitmentId)).pending).toEqual([]);

    const before = await fingerprint();
    expect(await errorKey(restoreEvidence(db, colleagueA, { evidenceId: id }))).toBe('evidence.restoreNotAllowed');
    expect(await errorKey(restoreEvidence(db, focalB, { evidenceId: id }))).toBe('evidence.restoreNotAllowed');
    expect(await errorKey(restoreEvidence(db, viewer, { evidenceId: id }))).toBe('evidence.restoreNotAllowed');
    const late = new Date(Date.now() + UNDO_WINDOW_MS + 60_000);
    expect(await errorKey(restoreEvidence(db, focalA, { evidenceId: id }, late))).toBe('evidence.undoExpired');
    expect(await fingerprint()).toEqual(before);

    // Through the action, as the page's Undo button sends it.
    signInAs(focalA);
    expect(await actions.restoreEvidenceAction(null, formData({ evidenceId: id }))).toEqual({ ok: true, data: { restored: true, evidenceId: id } });
    expect((await list(focalA, commitmentId)).pending).toMatchObject([{ id, note: 'Invented note.', kind: 'URL' }]);
    expect(await db.evidenceLink.findUniqueOrThrow({ where: { id } })).toMatchObject({ removedAt: null, removedById: null, state: 'SUGGESTED' });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'evidence.restore', entityId: id } });
    expect(audit).toMatchObject({ actorId: focalA.id, after: { commitmentId, state: 'SUGGESTED' } });
    expect(await errorKey(restoreEvidence(db, focalA, { evidenceId: id }))).toBe('evidence.notRemoved');
    // Undone at once by whoever removed it, the removal never took effect: the audit trail keeps it, the history does not.
    expect(await db.auditEvent.count({ where: { entityId: id, action: { in: ['evidence.remove', 'evidence.restore'] } } })).toBe(2);
    expect((await list(focalA, commitmentId)).history).toEqual([]);
  });

  it('keeps a removal and its restoration by someone else in the history', async () => {
    const commitmentId = await makeCommitment('5b');
    const { id } = await linkUrl(db, focalA, { commitmentId, url: 'https://example.test/restored', title: 'Invented restored page', note: '' });
    await removeEvidence(db, focalA, { evidenceId: id });
    await restoreEvidence(db, secretariat, { evidenceId: id });
    expect((await list(colleagueA, commitmentId)).history!.map((entry) => [entry.action, entry.by])).toEqual([
      ['restored', secretariat.email], ['removed', focalA.email],
    ]);
  });

  it('lets the secretariat restore at any time, unless the same page was linked again since', async () => {
    const commitmentId = await makeCommitment('6');
    const { id } = await linkUrl(db, secretariat, { commitmentId, url: 'https://example.test/again', title: 'Invented page', note: '' });
    await removeEvidence(db, secretariat, { evidenceId: id });
    const later = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const again = await linkUrl(db, secretariat, { commitmentId, url: 'https://example.test/again', title: 'Invented page again', note: '' });
    expect(await errorKey(restoreEvidence(db, secretariat, { evidenceId: id }, later))).toBe('evidence.alreadyLinked');
    await removeEvidence(db, secretariat, { evidenceId: again.id });
    await expect(restoreEvidence(db, secretariat, { evidenceId: id }, later)).resolves.toEqual({ restored: true, evidenceId: id });
    expect((await list(null, commitmentId)).items.map((item) => item.id)).toEqual([id]);
  });

  it('refuses evidence that is not removed, or unknown, in words', async () => {
    signInAs(secretariat);
    expect(await actions.restoreEvidenceAction(null, formData({ evidenceId: 'no-such-link' }))).toEqual({
      ok: false, message: message('errors', 'evidence.notRemoved'), fieldErrors: {},
    });
    expect(await actions.restoreEvidenceAction(null, formData({ evidenceId: '' }))).toMatchObject({ ok: false, message: message('actions', 'invalid') });
  });
});

describe('declining with a comment', () => {
  it("shows the reviewer's comment on a declined proposal to its author's entity, and to nobody else", async () => {
    const commitmentId = await makeCommitment('7');
    const { id } = await linkParagraph(db, focalA, { commitmentId, symbol: SYMBOL, number: 5, note: '' });
    signInAs(secretariat);
    expect(await actions.decideSuggestionAction(null, formData({ evidenceId: id, decision: 'reject', comment: ' Invented comment: not about this commitment. ' })))
      .toEqual({ ok: true, data: { state: 'REJECTED' } });
    expect(await db.evidenceLink.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'REJECTED', decisionComment: 'Invented comment: not about this commitment.' });
    for (const person of [focalA, colleagueA, secretariat]) {
      expect((await list(person, commitmentId)).history).toMatchObject([
        { action: 'declined', by: secretariat.email, what: 'X/00/2, para. 5', comment: 'Invented comment: not about this commitment.' },
      ]);
    }
    for (const person of [focalB, viewer]) expect((await list(person, commitmentId)).history).toEqual([]);
    // A comment longer than the limit is refused in words, and nothing is decided.
    const other = await linkParagraph(db, focalA, { commitmentId, symbol: SYMBOL, number: 6, note: '' });
    const tooLong = await actions.decideSuggestionAction(null, formData({ evidenceId: other.id, decision: 'reject', comment: 'x'.repeat(2001) }));
    expect(tooLong).toMatchObject({ ok: false, fieldErrors: { comment: [expect.stringContaining('2,000')] } });
    expect(await db.evidenceLink.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ state: 'SUGGESTED' });
  });

  it('leaves quietly rejected suggestions out of the history, and keeps commented ones for the secretariat', async () => {
    const commitmentId = await makeCommitment('8');
    await suggestEvidence(db, secretariat, { commitmentId });
    const suggestions = await db.evidenceLink.findMany({ where: { commitmentId, origin: 'SUGGESTED', state: 'SUGGESTED' }, orderBy: { id: 'asc' } });
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    await decideSuggestion(db, secretariat, { evidenceId: suggestions[0]!.id, decision: 'reject' });
    await decideSuggestion(db, secretariat, { evidenceId: suggestions[1]!.id, decision: 'reject', comment: 'Invented comment: too general.' });
    expect((await list(secretariat, commitmentId)).history!.map((entry) => [entry.action, entry.comment])).toEqual([['declined', 'Invented comment: too general.']]);
    expect((await list(focalA, commitmentId)).history).toEqual([]);
  });
});

describe('the paragraph and its commitments', () => {
  it('links a paragraph from its own page, in its own language, and lists the commitments citing it both ways', async () => {
    const first = await makeCommitment('9');
    const second = await makeCommitment('10');
    // The Chinese paragraph 7, linked from its page by the secretariat: evidence at once.
    const accepted = await linkParagraphToCommitment(db, secretariat, { commitmentId: first, paragraphId: chineseParagraph7, note: '' });
    expect(accepted).toMatchObject({ state: 'ACCEPTED', symbol: SYMBOL, number: 7 });
    expect((await list(null, first)).items).toMatchObject([{ kind: 'PARAGRAPH', paragraph: { language: 'zh', number: 7 } }]);
    // A focal point's link waits for review, and shows on the paragraph to its entity and the secretariat only.
    signInAs(focalA);
    expect(await actions.linkParagraphToCommitmentAction(null, formData({ commitmentId: second, paragraphId: paragraphIds.get(7)!, note: '' })))
      .toMatchObject({ ok: true, data: { state: 'SUGGESTED' } });

    const citing = (person: TestUser | null) => queries.listCitingCommitments(person ? user(person) : null, { symbol: SYMBOL, number: 7 }, 'en');
    // Both language versions of paragraph 7 count: it is one paragraph of one document.
    expect(await citing(null)).toEqual([{ id: first, citation: 'X/RES/9, 9', area: 'TR1', pending: false }]);
    expect(await citing(focalB)).toEqual([{ id: first, citation: 'X/RES/9, 9', area: 'TR1', pending: false }]);
    for (const person of [focalA, colleagueA, secretariat]) {
      expect(await citing(person)).toEqual([
        { id: first, citation: 'X/RES/9, 9', area: 'TR1', pending: false },
        { id: second, citation: 'X/RES/9, 10', area: 'TR1', pending: true },
      ]);
    }

    // Linking it again is refused in words; a paragraph or commitment that does not exist too.
    const before = await fingerprint();
    expect(await errorKey(linkParagraphToCommitment(db, focalB, { commitmentId: second, paragraphId: paragraphIds.get(7)!, note: '' }))).toBe('evidence.alreadyLinked');
    expect(await errorKey(linkParagraphToCommitment(db, focalB, { commitmentId: second, paragraphId: 'no-such-paragraph', note: '' }))).toBe('evidence.paragraphGone');
    expect(await errorKey(linkParagraphToCommitment(db, focalB, { commitmentId: 'no-such-commitment', paragraphId: paragraphIds.get(7)!, note: '' }))).toBe('unknownCommitment');
    expect(await errorKey(linkParagraphToCommitment(db, viewer, { commitmentId: second, paragraphId: paragraphIds.get(8)!, note: '' }))).toBe('evidence.notAllowed');
    expect(await fingerprint()).toEqual(before);
  });

  it('finds commitments to link by words, reference, or symbol and reference, and says which are linked', async () => {
    const signedIn = async (q: string) => {
      signInAs(focalA);
      const result = await actions.searchCommitmentsToLinkAction(null, formData({ paragraphId: paragraphIds.get(7)!, q }));
      if (!result?.ok) throw new Error(JSON.stringify(result));
      return result.data;
    };
    const byReference = await signedIn('10');
    expect(byReference.hits.map((hit) => [hit.citation, hit.linked])).toEqual([['X/RES/9, 10', 'pending']]);
    expect((await signedIn('X/RES/9 9')).hits.map((hit) => hit.citation)).toEqual(['X/RES/9, 9']);
    const byWords = await signedIn('IMAGINARY widgets');
    expect(byWords.total).toBeGreaterThanOrEqual(10);
    expect(byWords.hits.find((hit) => hit.citation === 'X/RES/9, 9')).toMatchObject({ linked: 'accepted', text: expect.stringContaining('imaginary widgets') });
    expect(await signedIn('%_')).toMatchObject({ total: 0, hits: [] });
    // Another entity's focal point does not learn of focal point A's pending proposal.
    signInAs(focalB);
    const asOther = await actions.searchCommitmentsToLinkAction(null, formData({ paragraphId: paragraphIds.get(7)!, q: '10' }));
    expect(asOther?.ok && asOther.data.hits.map((hit) => [hit.citation, hit.linked])).toEqual([['X/RES/9, 10', null]]);
    // Too short a search is refused in words; a viewer may not search to link at all.
    expect(await actions.searchCommitmentsToLinkAction(null, formData({ paragraphId: paragraphIds.get(7)!, q: 'x' })))
      .toMatchObject({ ok: false, fieldErrors: { q: [message('validation', 'searchTooShort')] } });
    signInAs(viewer);
    expect(await actions.searchCommitmentsToLinkAction(null, formData({ paragraphId: paragraphIds.get(7)!, q: 'widgets' })))
      .toMatchObject({ ok: false, message: message('actions', 'forbidden') });
  });

  it('shows the entity evidence belongs to, and the secretariat for its own', async () => {
    const commitmentId = await makeCommitment('11');
    const proposal = await linkUrl(db, focalA, { commitmentId, url: 'https://example.test/entity', title: 'Invented page of XRA', note: '' });
    await decideSuggestion(db, secretariat, { evidenceId: proposal.id, decision: 'accept' });
    const own = await linkUrl(db, secretariat, { commitmentId, url: 'https://example.test/secretariat', title: 'Invented page of the secretariat', note: '' });
    const items = (await list(null, commitmentId)).items;
    expect(items.find((item) => item.id === proposal.id)?.entity).toEqual({ code: 'XRA', name: 'Invented State XRA' });
    expect(items.find((item) => item.id === own.id)?.entity).toBeNull();
    expect((await queries.listEvidence(null, commitmentId, 'zh')).items.find((item) => item.id === proposal.id)?.entity).toEqual({ code: 'XRA', name: '虚构国XRA' });
  });
});

describe('a paragraph typed with its citation', () => {
  it('is understood in English and Chinese forms, and the understood citation comes back', async () => {
    signInAs(focalA);
    for (const [symbol, number] of [['X/00/2, para. 1', ''], ['x/00/2 para 2', ''], ['X/00/2，第3段', ''], ['X/00/2', '第4段']] as const) {
      const commitmentId = await makeCommitment(`c-${symbol}`);
      const result = await actions.linkParagraphAction(null, formData({ commitmentId, symbol, number, note: '' }));
      expect(result, symbol).toMatchObject({ ok: true, data: { state: 'SUGGESTED', citation: expect.stringMatching(/^X\/00\/2, para\. [1-4]$/) } });
    }
  });

  it('is refused in words that say what to type, on the field to change, and nothing is stored', async () => {
    signInAs(focalA);
    const commitmentId = await makeCommitment('refused');
    const before = await fingerprint();
    const cases = [
      [{ symbol: 'X/00/2', number: '' }, 'number', 'paragraphMissingNumber'],
      [{ symbol: 'para. 27', number: '' }, 'symbol', 'paragraphMissingSymbol'],
      [{ symbol: 'X/00/2, paras. 2-3', number: '' }, 'symbol', 'paragraphRange'],
      [{ symbol: 'X/00/2, para. 2', number: '3' }, 'number', 'paragraphConflict'],
      [{ symbol: 'X/00/2', number: 'two' }, 'number', 'paragraphBadNumber'],
    ] as const;
    for (const [fields, field, key] of cases) {
      const result = await actions.linkParagraphAction(null, formData({ commitmentId, ...fields, note: '' }));
      expect(result, JSON.stringify(fields)).toEqual({ ok: false, message: message('actions', 'invalid'), fieldErrors: { [field]: [message('validation', key)] } });
    }
    expect(await fingerprint()).toEqual(before);
  });
});
