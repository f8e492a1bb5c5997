// Evidence for a commitment: paragraphs of imported documents, web pages and uploaded files,
// linked by people or suggested by text similarity and then accepted or rejected. Every change
// and its audit row commit in one transaction. These links are commitment-level (no status
// report); each write locks the commitment row so that two people linking at once cannot
// create the same link twice.
import type { Db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import { literalPattern } from '@/lib/search-pattern';
import { saveFile } from './file-storage';
import { rankIndexedParagraphs } from './indexed-ranking';
import type { RankedParagraph } from './similarity';
import { catchUpSuggestionIndex } from './suggestion-index';
import { isWebUrl } from './schemas';

export type EvidenceActor = { id: string; role: Role; entityId: string | null };

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** How many suggestions a commitment gets, and the least similarity worth a person's time. */
export const SUGGESTION_COUNT = 5;
export const MIN_SUGGESTION_SCORE = 0.05;

/** Commitment-level evidence is open to the secretariat and to every focal point of an entity. */
export function mayLinkEvidence(actor: EvidenceActor | null): boolean {
  return actor !== null && can(actor, 'evidence.link', { entityId: actor.entityId });
}

/** Who may remove a link: whoever added it, and the secretariat. */
export function mayRemoveEvidence(actor: EvidenceActor | null, addedById: string | null): boolean {
  if (!actor || !mayLinkEvidence(actor)) return false;
  return actor.role === 'ADMIN' || actor.role === 'SECRETARIAT' || (addedById !== null && addedById === actor.id);
}

function assertMayLink(actor: EvidenceActor) {
  if (!mayLinkEvidence(actor)) throw new DomainError('evidence.notAllowed');
}

/** Suggestions, and the evidence focal points propose, are decided by the secretariat. */
export function mayReviewEvidence(actor: EvidenceActor | null): boolean {
  return actor !== null && can(actor, 'evidence.review');
}

function assertMayReview(actor: EvidenceActor) {
  if (!mayReviewEvidence(actor)) throw new DomainError('evidence.notAllowed');
}

/** A reviewer's link is evidence at once; anyone else's waits for a reviewer's decision. */
function initialState(actor: EvidenceActor) {
  return mayReviewEvidence(actor) ? ('ACCEPTED' as const) : ('SUGGESTED' as const);
}

/** Locks the commitment for this transaction (and checks it exists). */
async function lockCommitment(tx: Tx, commitmentId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Commitment" WHERE "id" = ${commitmentId} FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new DomainError('unknownCommitment');
}

export type LinkParagraphInput = { commitmentId: string; symbol: string; number: number; note: string; preferredLanguage?: string };

/**
 * Links paragraph `number` of document `symbol`. When the document was imported in several
 * languages, the reader's language is taken, else English, else the first imported. A pending
 * suggestion of the same paragraph becomes the link (it keeps its score), so nothing is listed twice.
 */
export async function linkParagraph(db: Db, actor: EvidenceActor, input: LinkParagraphInput) {
  assertMayLink(actor);
  return db.$transaction(async (tx) => {
    await lockCommitment(tx, input.commitmentId);
    const documents = await tx.sourceDocument.findMany({
      where: { symbol: { equals: literalPattern(input.symbol.trim()), mode: 'insensitive' } },
      orderBy: [{ importedAt: 'asc' }, { language: 'asc' }],
      select: { id: true, symbol: true, language: true },
    });
    const document =
      documents.find((candidate) => candidate.language === input.preferredLanguage) ??
      documents.find((candidate) => candidate.language === 'en') ??
      documents[0];
    if (!document) throw new DomainError('evidence.unknownDocument', { symbol: input.symbol.trim() });
    const paragraph = await tx.paragraph.findUnique({
      where: { documentId_number: { documentId: document.id, number: input.number } },
      select: { id: true },
    });
    if (!paragraph) throw new DomainError('evidence.unknownParagraph', { symbol: document.symbol, number: input.number });

    const existing = await tx.evidenceLink.findFirst({
      where: { commitmentId: input.commitmentId, statusReportId: null, paragraphId: paragraph.id, state: { in: ['ACCEPTED', 'SUGGESTED'] } },
      select: { id: true, state: true, score: true },
    });
    // A focal point cannot turn a pending suggestion into evidence: only a reviewer decides.
    if (existing && (existing.state === 'ACCEPTED' || !mayReviewEvidence(actor))) throw new DomainError('evidence.alreadyLinked');

    const target = { kind: 'PARAGRAPH', symbol: document.symbol, language: document.language, number: input.number, paragraphId: paragraph.id };
    const link = existing
      ? await tx.evidenceLink.update({
          where: { id: existing.id },
          data: { state: 'ACCEPTED', note: input.note, decidedById: actor.id, decidedAt: new Date() },
          select: { id: true },
        })
      : await tx.evidenceLink.create({
          data: { commitmentId: input.commitmentId, kind: 'PARAGRAPH', paragraphId: paragraph.id, note: input.note, createdById: actor.id, state: initialState(actor) },
          select: { id: true },
        });
    await recordAudit(tx, {
      actorId: actor.id, action: 'evidence.link', entityType: 'EvidenceLink', entityId: link.id,
      after: { commitmentId: input.commitmentId, ...target, note: input.note, fromSuggestion: Boolean(existing) },
    });
    return link;
  });
}

export type LinkUrlInput = { commitmentId: string; url: string; title: string; note: string };

/**
 * A web page as it is linked: checked here as well as in the form (a javascript: or data: link
 * must never reach a page), its address normalised, its title trimmed and required.
 */
export function webLink(input: { url: string; title: string }): { url: string; title: string } {
  if (!isWebUrl(input.url.trim())) throw new DomainError('evidence.invalidUrl');
  const title = input.title.trim();
  if (!title) throw new DomainError('evidence.titleRequired');
  return { url: new URL(input.url.trim()).toString(), title };
}

/** Deletes a link, and its file when nothing else links to it; says whether the file went. */
export async function deleteLink(tx: Tx, link: { id: string; fileId: string | null }): Promise<boolean> {
  await tx.evidenceLink.delete({ where: { id: link.id } });
  if (!link.fileId || (await tx.evidenceLink.count({ where: { fileId: link.fileId } })) > 0) return false;
  await tx.storedFile.delete({ where: { id: link.fileId } });
  return true;
}

export async function linkUrl(db: Db, actor: EvidenceActor, input: LinkUrlInput) {
  assertMayLink(actor);
  const { url, title } = webLink(input);
  return db.$transaction(async (tx) => {
    await lockCommitment(tx, input.commitmentId);
    const duplicate = await tx.evidenceLink.count({ where: { commitmentId: input.commitmentId, statusReportId: null, kind: 'URL', url, state: { in: ['ACCEPTED', 'SUGGESTED'] } } });
    if (duplicate > 0) throw new DomainError('evidence.alreadyLinked');
    const link = await tx.evidenceLink.create({
      data: { commitmentId: input.commitmentId, kind: 'URL', url, title, note: input.note, createdById: actor.id, state: initialState(actor) },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id, action: 'evidence.link', entityType: 'EvidenceLink', entityId: link.id,
      after: { commitmentId: input.commitmentId, kind: 'URL', url, title, note: input.note },
    });
    return link;
  });
}

export type LinkFileInput = { commitmentId: string; fileName: string; bytes: Uint8Array; note: string };

/** Stores the file and links it; a refused file (size, type, name) stores nothing. */
export async function linkFile(db: Db, actor: EvidenceActor, input: LinkFileInput) {
  assertMayLink(actor);
  return db.$transaction(
    async (tx) => {
      await lockCommitment(tx, input.commitmentId);
      const file = await saveFile(tx, { name: input.fileName, bytes: input.bytes, uploadedById: actor.id });
      const link = await tx.evidenceLink.create({
        data: { commitmentId: input.commitmentId, kind: 'FILE', fileId: file.id, title: file.fileName, note: input.note, createdById: actor.id, state: initialState(actor) },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id, action: 'evidence.link', entityType: 'EvidenceLink', entityId: link.id,
        after: {
          commitmentId: input.commitmentId, kind: 'FILE', fileId: file.id, fileName: file.fileName,
          contentType: file.contentType, size: file.size, sha256: file.sha256, note: input.note,
        },
      });
      return link;
    },
    // Writing 10 MB takes longer than the default five seconds on a slow database.
    { timeout: 30_000 },
  );
}

/** Removes a link (and its file, which nothing else uses). */
export async function removeEvidence(db: Db, actor: EvidenceActor, input: { evidenceId: string }) {
  return db.$transaction(async (tx) => {
    // Only commitment-level evidence: what is attached to a status report changes through the
    // report's own guarded path (lib/status-reports/evidence-mutations.ts), or not at all.
    const link = await tx.evidenceLink.findFirst({
      where: { id: input.evidenceId, statusReportId: null },
      select: {
        id: true, commitmentId: true, kind: true, origin: true, state: true, paragraphId: true, url: true, title: true, fileId: true,
        note: true, createdById: true, decidedById: true, createdAt: true,
      },
    });
    if (!link) throw new DomainError('evidence.unknown');
    // An accepted suggestion was added by the person who accepted it.
    const addedById = link.origin === 'SUGGESTED' ? link.decidedById : link.createdById;
    if (!mayRemoveEvidence(actor, addedById)) throw new DomainError('evidence.removeNotAllowed');
    await lockCommitment(tx, link.commitmentId);
    const fileRemoved = await deleteLink(tx, link);
    await recordAudit(tx, {
      actorId: actor.id, action: 'evidence.remove', entityType: 'EvidenceLink', entityId: link.id,
      before: { ...link, createdAt: link.createdAt.toISOString() }, after: { fileRemoved },
    });
    return { removed: true };
  });
}

/**
 * Ranks every paragraph of the imported documents against the commitment's wording and keeps
 * the best five that are not already linked or rejected as pending suggestions. Pending
 * suggestions that fell out of the five are withdrawn; those still in it keep their id and get
 * the new score. Returns how many suggestions are pending.
 */
export async function suggestEvidence(db: Db, actor: EvidenceActor, input: { commitmentId: string }) {
  assertMayReview(actor);
  // The wordings alone (a read of the commitment with its texts costs this process three times as
  // much, and suggestions are asked for often and at once), and the links as they are now.
  const [texts, links] = await Promise.all([
    db.commitmentText.findMany({ where: { commitmentId: input.commitmentId }, orderBy: { locale: 'asc' }, select: { locale: true, text: true } }),
    commitmentParagraphLinks(db, input.commitmentId),
  ]);
  if (texts.length === 0) {
    throw new DomainError((await db.commitment.count({ where: { id: input.commitmentId } })) === 0 ? 'unknownCommitment' : 'evidence.noWording');
  }
  // Ranked from the stored index, outside the transaction: it reads only (unless the index must
  // catch up first). Decided paragraphs are left out, and as many more are ranked as there are
  // pending suggestions, which someone may decide before the transaction below reads the links again.
  const { decided, pending } = classifyLinks(links);
  const { ranked, paragraphs } = await rankIndexedParagraphs(db, texts, {
    limit: SUGGESTION_COUNT + pending.size,
    exclude: [...decided].filter((id): id is string => id !== null),
    catchUp: () => catchUpSuggestionIndex(db, actor.id),
  });

  const audit = (plan: SuggestionPlan) => ({
    actorId: actor.id, action: 'evidence.suggest', entityType: 'Commitment', entityId: input.commitmentId,
    after: { suggestions: plan.best.map((entry) => ({ paragraphId: entry.id, score: entry.score })), withdrawn: plan.withdrawn.length, candidates: paragraphs },
  });

  // Asked again with nothing imported since, the suggestions are already what they should be:
  // then only the audit row is written (one statement, atomic by itself), and the commitment is
  // not locked, so that requests for it do not queue behind one another.
  const current = planSuggestions(links, ranked);
  if (current.withdrawn.length === 0 && current.created.length === 0 && current.rescored.length === 0) {
    await recordAudit(db, audit(current));
    return { suggested: current.best.length };
  }

  return db.$transaction(async (tx) => {
    await lockCommitment(tx, input.commitmentId);
    const plan = planSuggestions(await commitmentParagraphLinks(tx, input.commitmentId), ranked);
    if (plan.withdrawn.length > 0) await tx.evidenceLink.deleteMany({ where: { id: { in: plan.withdrawn } } });
    for (const entry of plan.rescored) await tx.evidenceLink.update({ where: { id: entry.linkId }, data: { score: entry.score } });
    for (const entry of plan.created) {
      await tx.evidenceLink.create({
        data: {
          commitmentId: input.commitmentId, kind: 'PARAGRAPH', paragraphId: entry.id, origin: 'SUGGESTED', state: 'SUGGESTED',
          score: entry.score, createdById: actor.id,
        },
      });
    }
    await recordAudit(tx, audit(plan));
    return { suggested: plan.best.length };
  });
}

type ParagraphLink = { id: string; paragraphId: string | null; state: string; origin: string; score: number | null };

function commitmentParagraphLinks(db: Db | Tx, commitmentId: string): Promise<ParagraphLink[]> {
  return db.evidenceLink.findMany({
    where: { commitmentId, statusReportId: null, kind: 'PARAGRAPH' },
    select: { id: true, paragraphId: true, state: true, origin: true, score: true },
  });
}

/**
 * Only the machine's own pending suggestions are re-ranked or withdrawn; what a person linked or
 * proposed, and what was decided, stays as it is (and its paragraph is not suggested).
 */
function classifyLinks(links: ParagraphLink[]) {
  const isMachinePending = (link: ParagraphLink) => link.state === 'SUGGESTED' && link.origin === 'SUGGESTED';
  return {
    decided: new Set(links.filter((link) => !isMachinePending(link)).map((link) => link.paragraphId)),
    pending: new Map(links.filter(isMachinePending).map((link) => [link.paragraphId, link])),
  };
}

type SuggestionPlan = {
  best: RankedParagraph[];
  withdrawn: string[];
  rescored: { linkId: string; score: number }[];
  created: RankedParagraph[];
};

/**
 * The best suggestions not already linked or decided, and what changes to make them the pending
 * ones: pending suggestions that fell out are withdrawn; those still in keep their id and get the
 * new score (written only when it changed).
 */
function planSuggestions(links: ParagraphLink[], ranked: RankedParagraph[]): SuggestionPlan {
  const { decided, pending } = classifyLinks(links);
  const best = ranked.filter((entry) => entry.score >= MIN_SUGGESTION_SCORE && !decided.has(entry.id)).slice(0, SUGGESTION_COUNT);
  const kept = new Set(best.map((entry) => entry.id));
  return {
    best,
    withdrawn: [...pending].filter(([paragraphId]) => !kept.has(paragraphId!)).map(([, link]) => link.id),
    rescored: best.flatMap((entry) => {
      const link = pending.get(entry.id);
      return link && link.score !== entry.score ? [{ linkId: link.id, score: entry.score }] : [];
    }),
    created: best.filter((entry) => !pending.has(entry.id)),
  };
}

/** Accepts or rejects a pending suggestion; who decided and when are kept on the link. */
export async function decideSuggestion(db: Db, actor: EvidenceActor, input: { evidenceId: string; decision: 'accept' | 'reject' }) {
  assertMayReview(actor);
  return db.$transaction(async (tx) => {
    const link = await tx.evidenceLink.findFirst({
      where: { id: input.evidenceId, statusReportId: null },
      select: { id: true, commitmentId: true, paragraphId: true, score: true, state: true },
    });
    if (!link) throw new DomainError('evidence.unknown');
    const state = input.decision === 'accept' ? 'ACCEPTED' : 'REJECTED';
    const decidedAt = new Date();
    // Conditional on the state: of two people deciding at once, the second is told.
    const { count } = await tx.evidenceLink.updateMany({
      where: { id: link.id, statusReportId: null, state: 'SUGGESTED' },
      data: { state, decidedById: actor.id, decidedAt },
    });
    if (count === 0) throw new DomainError('evidence.alreadyDecided');
    await recordAudit(tx, {
      actorId: actor.id, action: input.decision === 'accept' ? 'evidence.accept' : 'evidence.reject', entityType: 'EvidenceLink', entityId: link.id,
      before: { state: 'SUGGESTED' },
      after: { state, commitmentId: link.commitmentId, paragraphId: link.paragraphId, score: link.score, decidedAt: decidedAt.toISOString() },
    });
    return { state };
  });
}
