// Evidence for a commitment: paragraphs of imported documents, web pages and uploaded files,
// linked by people or suggested by text similarity and then accepted or rejected. Every change
// and its audit row commit in one transaction. These links are commitment-level (no status
// report); each write locks the commitment row so that two people linking at once cannot
// create the same link twice.
import type { Db } from '@/lib/db/client';
import type { EvidenceState, Role } from '@/lib/generated/prisma/enums';
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

/** What decides who may remove a link, or ask for its removal. */
export type EvidenceOwnership = {
  /** Whoever linked it (or accepted the suggestion it came from). */
  addedById: string | null;
  /** The entity whose focal point linked it; null for the secretariat's. */
  entityId: string | null;
  state: EvidenceState;
};

/**
 * Whether the link is the actor's own: they linked it, or a focal point of their entity did (the
 * evidence belongs to the entity, and a colleague may look after it).
 */
function ownsEvidence(actor: EvidenceActor, link: EvidenceOwnership): boolean {
  return (link.addedById !== null && link.addedById === actor.id) || (link.entityId !== null && can(actor, 'evidence.link', { entityId: link.entityId }));
}

/**
 * Who may remove a link at once: the secretariat, any link; a focal point, a proposal of their
 * own (or their entity's) while it waits for review. Evidence the secretariat accepted is removed
 * by the secretariat only: a focal point asks for it (mayRequestEvidenceRemoval).
 */
export function mayRemoveEvidence(actor: EvidenceActor | null, link: EvidenceOwnership): boolean {
  if (!actor || !mayLinkEvidence(actor)) return false;
  if (mayReviewEvidence(actor)) return true;
  return link.state === 'SUGGESTED' && ownsEvidence(actor, link);
}

/** A focal point asks the secretariat to remove accepted evidence of their own or their entity's. */
export function mayRequestEvidenceRemoval(actor: EvidenceActor | null, link: EvidenceOwnership): boolean {
  if (!actor || !mayLinkEvidence(actor) || mayReviewEvidence(actor)) return false;
  return link.state === 'ACCEPTED' && ownsEvidence(actor, link);
}

/** How long whoever removed evidence may undo it themselves (the page offers it for a few seconds; this allows for a slow network). */
export const UNDO_WINDOW_MS = 2 * 60 * 1000;

/** Who may restore removed evidence: the secretariat at any time, whoever removed it just after. */
export function mayRestoreEvidence(actor: EvidenceActor | null, link: { removedById: string | null; removedAt: Date | null }, now = new Date()): boolean {
  if (!actor || !link.removedAt || !mayLinkEvidence(actor)) return false;
  if (mayReviewEvidence(actor)) return true;
  return link.removedById === actor.id && now.getTime() - link.removedAt.getTime() <= UNDO_WINDOW_MS;
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

type ResolvedParagraph = { id: string; number: number; document: { symbol: string; language: string } };

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
    return linkResolvedParagraph(tx, actor, input, { id: paragraph.id, number: input.number, document });
  });
}

/** Links one paragraph, by its id, as the paragraph's own page does ("Link to a commitment"). */
export async function linkParagraphToCommitment(db: Db, actor: EvidenceActor, input: { commitmentId: string; paragraphId: string; note: string }) {
  assertMayLink(actor);
  return db.$transaction(async (tx) => {
    await lockCommitment(tx, input.commitmentId);
    const paragraph = await tx.paragraph.findUnique({
      where: { id: input.paragraphId },
      select: { id: true, number: true, document: { select: { symbol: true, language: true } } },
    });
    if (!paragraph) throw new DomainError('evidence.paragraphGone');
    return linkResolvedParagraph(tx, actor, input, paragraph);
  });
}

async function linkResolvedParagraph(tx: Tx, actor: EvidenceActor, input: { commitmentId: string; note: string }, paragraph: ResolvedParagraph) {
  const existing = await tx.evidenceLink.findFirst({
    where: { commitmentId: input.commitmentId, statusReportId: null, paragraphId: paragraph.id, state: { in: ['ACCEPTED', 'SUGGESTED'] }, removedAt: null },
    select: { id: true, state: true, score: true, origin: true },
  });
  // A focal point cannot turn a pending suggestion into evidence: only a reviewer decides.
  if (existing && (existing.state === 'ACCEPTED' || !mayReviewEvidence(actor))) throw new DomainError('evidence.alreadyLinked');

  const { symbol, language } = paragraph.document;
  const target = { kind: 'PARAGRAPH', symbol, language, number: paragraph.number, paragraphId: paragraph.id };
  const link = existing
    ? await tx.evidenceLink.update({
        where: { id: existing.id },
        data: { state: 'ACCEPTED', note: input.note, decidedById: actor.id, decidedAt: new Date() },
        select: { id: true, state: true },
      })
    : await tx.evidenceLink.create({
        data: {
          commitmentId: input.commitmentId, kind: 'PARAGRAPH', paragraphId: paragraph.id, note: input.note, createdById: actor.id,
          entityId: actor.entityId, state: initialState(actor),
        },
        select: { id: true, state: true },
      });
  await recordAudit(tx, {
    actorId: actor.id, action: 'evidence.link', entityType: 'EvidenceLink', entityId: link.id,
    after: { commitmentId: input.commitmentId, ...target, note: input.note, entityId: actor.entityId, fromSuggestion: Boolean(existing) },
  });
  return { id: link.id, state: link.state, symbol, number: paragraph.number };
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
    const duplicate = await tx.evidenceLink.count({
      where: { commitmentId: input.commitmentId, statusReportId: null, kind: 'URL', url, state: { in: ['ACCEPTED', 'SUGGESTED'] }, removedAt: null },
    });
    if (duplicate > 0) throw new DomainError('evidence.alreadyLinked');
    const link = await tx.evidenceLink.create({
      data: { commitmentId: input.commitmentId, kind: 'URL', url, title, note: input.note, createdById: actor.id, entityId: actor.entityId, state: initialState(actor) },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id, action: 'evidence.link', entityType: 'EvidenceLink', entityId: link.id,
      after: { commitmentId: input.commitmentId, kind: 'URL', url, title, note: input.note, entityId: actor.entityId },
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
        data: {
          commitmentId: input.commitmentId, kind: 'FILE', fileId: file.id, title: file.fileName, note: input.note, createdById: actor.id,
          entityId: actor.entityId, state: initialState(actor),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id, action: 'evidence.link', entityType: 'EvidenceLink', entityId: link.id,
        after: {
          commitmentId: input.commitmentId, kind: 'FILE', fileId: file.id, fileName: file.fileName,
          contentType: file.contentType, size: file.size, sha256: file.sha256, note: input.note, entityId: actor.entityId,
        },
      });
      return link;
    },
    // Writing 10 MB takes longer than the default five seconds on a slow database.
    { timeout: 30_000 },
  );
}

const removableSelect = {
  id: true, commitmentId: true, kind: true, origin: true, state: true, paragraphId: true, url: true, title: true, fileId: true,
  note: true, createdById: true, decidedById: true, createdAt: true, entityId: true,
  removalRequestedAt: true, removalRequestedById: true, removalReason: true,
} as const;

/** Commitment-level evidence still listed; what is attached to a status report changes only through the report. */
async function findListedLink(tx: Tx, evidenceId: string) {
  const link = await tx.evidenceLink.findFirst({ where: { id: evidenceId, statusReportId: null, removedAt: null }, select: removableSelect });
  if (!link) throw new DomainError('evidence.unknown');
  return link;
}

type ListedLink = Awaited<ReturnType<typeof findListedLink>>;

/** An accepted suggestion was added by the person who accepted it. */
function ownershipOf(link: Pick<ListedLink, 'origin' | 'createdById' | 'decidedById' | 'entityId' | 'state'>): EvidenceOwnership {
  return { addedById: link.origin === 'SUGGESTED' ? link.decidedById : link.createdById, entityId: link.entityId, state: link.state };
}

/**
 * Marks a link removed (it and its file stay, out of every list, for the history and the undo),
 * conditionally on its still being listed: of two people removing at once, the second is told.
 */
async function markRemoved(tx: Tx, actor: EvidenceActor, link: ListedLink, after: Record<string, string | null>) {
  const removedAt = new Date();
  const { count } = await tx.evidenceLink.updateMany({
    where: { id: link.id, removedAt: null },
    data: { removedAt, removedById: actor.id, removalRequestedAt: null, removalRequestedById: null, removalReason: '' },
  });
  if (count === 0) throw new DomainError('evidence.unknown');
  await recordAudit(tx, {
    actorId: actor.id, action: 'evidence.remove', entityType: 'EvidenceLink', entityId: link.id,
    before: {
      ...link, createdAt: link.createdAt.toISOString(), removalRequestedAt: link.removalRequestedAt?.toISOString() ?? null,
    },
    after: { removedAt: removedAt.toISOString(), ...after },
  });
  return { removed: true as const, evidenceId: link.id, undoUntil: new Date(removedAt.getTime() + UNDO_WINDOW_MS) };
}

/**
 * Removes a link at once, where the actor may (mayRemoveEvidence): it is kept, marked removed,
 * for the commitment's history and to be restored. A focal point's accepted evidence is refused
 * with words that point to asking the secretariat.
 */
export async function removeEvidence(db: Db, actor: EvidenceActor, input: { evidenceId: string }) {
  return db.$transaction(async (tx) => {
    const link = await findListedLink(tx, input.evidenceId);
    const ownership = ownershipOf(link);
    if (!mayRemoveEvidence(actor, ownership)) {
      throw new DomainError(mayRequestEvidenceRemoval(actor, ownership) ? 'evidence.removeNeedsReview' : 'evidence.removeNotAllowed');
    }
    await lockCommitment(tx, link.commitmentId);
    return markRemoved(tx, actor, link, { reason: null });
  });
}

/**
 * Puts removed evidence back as it was (accepted, or still waiting for review): whoever removed it,
 * within UNDO_WINDOW_MS, or the secretariat at any time. Refused when the same paragraph or page
 * has been linked again since.
 */
export async function restoreEvidence(db: Db, actor: EvidenceActor, input: { evidenceId: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const link = await tx.evidenceLink.findFirst({
      where: { id: input.evidenceId, statusReportId: null },
      select: { id: true, commitmentId: true, kind: true, paragraphId: true, url: true, state: true, removedAt: true, removedById: true },
    });
    if (!link || !link.removedAt) throw new DomainError('evidence.notRemoved');
    if (!mayRestoreEvidence(actor, link, now)) {
      throw new DomainError(link.removedById === actor.id && mayLinkEvidence(actor) ? 'evidence.undoExpired' : 'evidence.restoreNotAllowed');
    }
    await lockCommitment(tx, link.commitmentId);
    if (link.kind !== 'FILE') {
      const again = await tx.evidenceLink.count({
        where: {
          commitmentId: link.commitmentId, statusReportId: null, removedAt: null, state: { in: ['ACCEPTED', 'SUGGESTED'] }, id: { not: link.id },
          ...(link.kind === 'PARAGRAPH' ? { paragraphId: link.paragraphId } : { kind: 'URL', url: link.url }),
        },
      });
      if (again > 0) throw new DomainError('evidence.alreadyLinked');
    }
    const { count } = await tx.evidenceLink.updateMany({ where: { id: link.id, removedAt: link.removedAt }, data: { removedAt: null, removedById: null } });
    if (count === 0) throw new DomainError('evidence.notRemoved');
    await recordAudit(tx, {
      actorId: actor.id, action: 'evidence.restore', entityType: 'EvidenceLink', entityId: link.id,
      before: { removedAt: link.removedAt.toISOString(), removedById: link.removedById },
      after: { commitmentId: link.commitmentId, state: link.state },
    });
    return { restored: true as const, evidenceId: link.id };
  });
}

/**
 * A focal point asks the secretariat to remove accepted evidence of their own or their entity's;
 * it stays listed, marked, until the secretariat decides (decideRemovalRequest).
 */
export async function requestEvidenceRemoval(db: Db, actor: EvidenceActor, input: { evidenceId: string; reason: string }) {
  return db.$transaction(async (tx) => {
    const link = await findListedLink(tx, input.evidenceId);
    if (!mayRequestEvidenceRemoval(actor, ownershipOf(link))) {
      throw new DomainError(mayRemoveEvidence(actor, ownershipOf(link)) ? 'evidence.removeDirectly' : 'evidence.removeNotAllowed');
    }
    const requestedAt = new Date();
    const { count } = await tx.evidenceLink.updateMany({
      where: { id: link.id, removedAt: null, removalRequestedAt: null },
      data: { removalRequestedAt: requestedAt, removalRequestedById: actor.id, removalReason: input.reason },
    });
    if (count === 0) throw new DomainError('evidence.removalAlreadyRequested');
    await recordAudit(tx, {
      actorId: actor.id, action: 'evidence.request-removal', entityType: 'EvidenceLink', entityId: link.id,
      after: { commitmentId: link.commitmentId, reason: input.reason, requestedAt: requestedAt.toISOString() },
    });
    return { requested: true as const };
  });
}

/** The secretariat removes evidence a focal point asked to remove, or keeps it, with a comment the focal point reads. */
export async function decideRemovalRequest(db: Db, actor: EvidenceActor, input: { evidenceId: string; decision: 'remove' | 'keep'; comment: string }) {
  assertMayReview(actor);
  return db.$transaction(async (tx) => {
    const link = await findListedLink(tx, input.evidenceId);
    if (!link.removalRequestedAt) throw new DomainError('evidence.noRemovalRequest');
    await lockCommitment(tx, link.commitmentId);
    if (input.decision === 'remove') {
      const result = await markRemoved(tx, actor, link, { onRequestOf: link.removalRequestedById, comment: input.comment });
      return { decision: 'remove' as const, undoUntil: result.undoUntil };
    }
    const { count } = await tx.evidenceLink.updateMany({
      where: { id: link.id, removedAt: null, removalRequestedAt: link.removalRequestedAt },
      data: { removalRequestedAt: null, removalRequestedById: null, removalReason: '' },
    });
    if (count === 0) throw new DomainError('evidence.noRemovalRequest');
    await recordAudit(tx, {
      actorId: actor.id, action: 'evidence.keep', entityType: 'EvidenceLink', entityId: link.id,
      before: { removalRequestedAt: link.removalRequestedAt.toISOString(), removalRequestedById: link.removalRequestedById, removalReason: link.removalReason },
      after: { commitmentId: link.commitmentId, comment: input.comment },
    });
    return { decision: 'keep' as const, undoUntil: null };
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

type ParagraphLink = { id: string; paragraphId: string | null; state: string; origin: string; score: number | null; removedAt: Date | null };

function commitmentParagraphLinks(db: Db | Tx, commitmentId: string): Promise<ParagraphLink[]> {
  return db.evidenceLink.findMany({
    where: { commitmentId, statusReportId: null, kind: 'PARAGRAPH' },
    select: { id: true, paragraphId: true, state: true, origin: true, score: true, removedAt: true },
  });
}

/**
 * Only the machine's own pending suggestions are re-ranked or withdrawn; what a person linked or
 * proposed, and what was decided or removed, stays as it is (and its paragraph is not suggested).
 */
function classifyLinks(links: ParagraphLink[]) {
  // A removed link was decided by whoever removed it: its paragraph is not suggested again.
  const isMachinePending = (link: ParagraphLink) => link.state === 'SUGGESTED' && link.origin === 'SUGGESTED' && link.removedAt === null;
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

/**
 * Accepts or rejects a pending suggestion or a focal point's proposal; who decided and when are
 * kept on the link, with the comment for its author (why it was declined).
 */
export async function decideSuggestion(db: Db, actor: EvidenceActor, input: { evidenceId: string; decision: 'accept' | 'reject'; comment?: string }) {
  assertMayReview(actor);
  const comment = input.comment?.trim() ?? '';
  return db.$transaction(async (tx) => {
    const link = await tx.evidenceLink.findFirst({
      where: { id: input.evidenceId, statusReportId: null, removedAt: null },
      select: { id: true, commitmentId: true, paragraphId: true, score: true, state: true, origin: true, createdById: true },
    });
    if (!link) throw new DomainError('evidence.unknown');
    const state = input.decision === 'accept' ? 'ACCEPTED' : 'REJECTED';
    const decidedAt = new Date();
    // Conditional on the state: of two people deciding at once, the second is told.
    const { count } = await tx.evidenceLink.updateMany({
      where: { id: link.id, statusReportId: null, state: 'SUGGESTED', removedAt: null },
      data: { state, decidedById: actor.id, decidedAt, decisionComment: comment },
    });
    if (count === 0) throw new DomainError('evidence.alreadyDecided');
    await recordAudit(tx, {
      actorId: actor.id, action: input.decision === 'accept' ? 'evidence.accept' : 'evidence.reject', entityType: 'EvidenceLink', entityId: link.id,
      before: { state: 'SUGGESTED' },
      after: {
        state, commitmentId: link.commitmentId, paragraphId: link.paragraphId, score: link.score, decidedAt: decidedAt.toISOString(),
        origin: link.origin, authorId: link.origin === 'MANUAL' ? link.createdById : null, comment,
      },
    });
    return { state };
  });
}
