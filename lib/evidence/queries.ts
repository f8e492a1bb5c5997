import 'server-only';
import { notFound } from 'next/navigation';
import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';
import type { EvidenceKind, EvidenceOrigin } from '@/lib/generated/prisma/enums';
import { isLocale } from '@/lib/i18n/routing';
import { slugOf } from '@/lib/slug';
import { paragraphPath } from '@/lib/documents/citation';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/auth/permissions';
import { reportResource } from '@/lib/status-reports/assignment';
import { displayReference } from '@/lib/catalogue/reference';
import { pickCommitmentText } from '@/lib/catalogue/commitment-text';
import { localized } from '@/lib/i18n/localized';
import { literalPattern } from '@/lib/search-pattern';
import { mayLinkEvidence, mayRemoveEvidence, mayRequestEvidenceRemoval, mayRestoreEvidence, mayReviewEvidence, UNDO_WINDOW_MS } from './mutations';
import { readFile, type ReadFile } from './file-storage';

// The evidence of a commitment. Commitments and their accepted, commitment-level evidence are
// public like the catalogue, with the entity each piece belongs to; who added a link (an e-mail
// address), the file downloads and the history of removals are for signed-in users; pending
// suggestions only for those who may link evidence. Evidence attached to a status report belongs
// to that report's pages, not to this list. Removed evidence stays in the table, out of every list.

function translator(locale: string, namespace: 'documents' | 'catalogue') {
  const messages = CATALOGUES[isLocale(locale) ? locale : 'en'];
  return createTranslator({ locale: isLocale(locale) ? locale : 'en', messages, namespace });
}

/** "A/74/129, para. 25" / "A/74/129，第25段", in the reader's language: the document reader's citation. */
export function paragraphCitation(locale: string, symbol: string, number: number): string {
  return translator(locale, 'documents')('citation', { symbol, number: String(number) });
}

/** "A/RES/S-30/1, 1(a)" / "A/RES/S-30/1，第10段": a commitment as the catalogue cites it. */
export function commitmentCitation(locale: string, symbol: string, reference: string): string {
  return translator(locale, 'catalogue')('citation', { symbol, reference: displayReference(reference, locale) });
}

export type EvidenceParagraph = { symbol: string; language: string; number: number; citation: string; url: string; text: string };

/** The reporting entity evidence belongs to; null when the secretariat added it. */
export type EvidenceEntity = { code: string; name: string } | null;

type EvidenceBase = {
  id: string;
  note: string;
  origin: EvidenceOrigin;
  /** E-mail of whoever linked it (or accepted the suggestion); null for anonymous readers or a removed account. */
  addedBy: string | null;
  addedAt: Date;
  entity: EvidenceEntity;
  /** Whether the paragraph's text changed (corrected document) after it was linked. */
  paragraphChanged: boolean;
  canRemove: boolean;
  /** A focal point's accepted evidence: they ask the secretariat to remove it. */
  canRequestRemoval: boolean;
  /** A focal point asked for its removal; shown to the secretariat and to the entity's focal points. */
  removalRequest: { by: string | null; at: Date; reason: string } | null;
};

export type EvidenceItem = EvidenceBase &
  (
    | { kind: 'PARAGRAPH'; paragraph: EvidenceParagraph }
    | { kind: 'URL'; url: string; title: string }
    | { kind: 'FILE'; file: { id: string; name: string; size: number; contentType: string; downloadUrl: string | null } }
  );

export type EvidenceSuggestion = { id: string; score: number; paragraph: EvidenceParagraph; suggestedAt: Date };

/** What happened to a commitment's evidence that its list no longer shows. */
export type EvidenceHistoryAction = 'removed' | 'restored' | 'declined' | 'removalRequested' | 'kept';

export type EvidenceHistoryEntry = {
  id: string;
  action: EvidenceHistoryAction;
  at: Date;
  /** E-mail of who did it. */
  by: string | null;
  /** The evidence: its citation, title or file name; and where it leads, when it is a paragraph or a page. */
  what: string;
  href: string | null;
  kind: EvidenceKind;
  entity: EvidenceEntity;
  /** The reviewer's comment, or the focal point's reason. */
  comment: string;
  /** Removed on a focal point's request. */
  onRequest: boolean;
  /** The link to restore, when this reader may restore it now (the entry is its latest removal). */
  restoreId: string | null;
};

export type CommitmentEvidence = {
  items: EvidenceItem[];
  /** Evidence proposed by focal points, waiting for the secretariat: all of it for reviewers, one's own entity's for the others. */
  pending: EvidenceItem[];
  /** Null when the reader may not decide suggestions. */
  suggestions: EvidenceSuggestion[] | null;
  /** Newest first; null for anonymous readers. */
  history: EvidenceHistoryEntry[] | null;
  canLink: boolean;
  canReview: boolean;
};

const paragraphSelect = {
  number: true, text: true, textChangedAt: true,
  document: { select: { symbol: true, language: true } },
} as const;

const entitySelect = { select: { code: true, name: true } } as const;

type ParagraphRecord = { number: number; text: string; document: { symbol: string; language: string } };

function toParagraph(paragraph: ParagraphRecord, locale: string): EvidenceParagraph {
  const { symbol, language } = paragraph.document;
  return {
    symbol, language, number: paragraph.number, text: paragraph.text,
    citation: paragraphCitation(locale, symbol, paragraph.number),
    url: paragraphPath({ slug: slugOf(symbol), language }, paragraph.number),
  };
}

function toEntity(entity: { code: string; name: unknown } | null, locale: string): EvidenceEntity {
  return entity ? { code: entity.code, name: localized(entity.name, locale) || entity.code } : null;
}

/** Whether a link is the reader's own or their entity's (they see its whole story). */
function isOwnLink(user: SessionUser | null, link: { createdById: string | null; entityId: string | null }): boolean {
  if (!user) return false;
  return link.createdById === user.id || (link.entityId !== null && link.entityId === user.entityId);
}

export async function listEvidence(user: SessionUser | null, commitmentId: string, locale: string): Promise<CommitmentEvidence> {
  const commitment = await db.commitment.findUnique({ where: { id: commitmentId }, select: { id: true } });
  if (!commitment) notFound();
  const canLink = mayLinkEvidence(user);
  const canReview = mayReviewEvidence(user);
  const visible: Prisma.EvidenceLinkWhereInput[] = [{ state: 'ACCEPTED' }];
  if (canReview) visible.push({ state: 'SUGGESTED' });
  else if (user) {
    visible.push({ state: 'SUGGESTED', origin: 'MANUAL', createdById: user.id });
    if (canLink && user.entityId) visible.push({ state: 'SUGGESTED', origin: 'MANUAL', entityId: user.entityId });
  }

  const [links, history] = await Promise.all([
    db.evidenceLink.findMany({
      where: { commitmentId, statusReportId: null, removedAt: null, OR: visible },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true, kind: true, state: true, origin: true, note: true, score: true, url: true, title: true,
        createdAt: true, createdById: true, createdBy: { select: { email: true } },
        decidedAt: true, decidedById: true, decidedBy: { select: { email: true } },
        entityId: true, entity: entitySelect,
        removalRequestedAt: true, removalReason: true, removalRequestedBy: { select: { email: true } },
        paragraph: { select: paragraphSelect },
        file: { select: { id: true, fileName: true, size: true, contentType: true } },
      },
    }),
    user ? listEvidenceHistory(user, commitmentId, locale) : Promise.resolve(null),
  ]);

  const items: EvidenceItem[] = [];
  const pending: EvidenceItem[] = [];
  const suggestions: EvidenceSuggestion[] = [];
  for (const link of links) {
    if (link.state === 'SUGGESTED' && link.origin === 'SUGGESTED') {
      if (link.paragraph) suggestions.push({ id: link.id, score: link.score ?? 0, paragraph: toParagraph(link.paragraph, locale), suggestedAt: link.createdAt });
      continue;
    }
    const list = link.state === 'SUGGESTED' ? pending : items;
    // An accepted suggestion was added when, and by whom, it was accepted.
    const fromSuggestion = link.origin === 'SUGGESTED';
    const addedAt = (fromSuggestion ? link.decidedAt : null) ?? link.createdAt;
    const addedById = fromSuggestion ? link.decidedById : link.createdById;
    const addedBy = fromSuggestion ? link.decidedBy : link.createdBy;
    const ownership = { addedById, entityId: link.entityId, state: link.state };
    const base: EvidenceBase = {
      id: link.id, note: link.note, origin: link.origin, addedAt,
      addedBy: user ? (addedBy?.email ?? null) : null,
      entity: toEntity(link.entity, locale),
      paragraphChanged: Boolean(link.paragraph?.textChangedAt && link.paragraph.textChangedAt > addedAt),
      canRemove: mayRemoveEvidence(user, ownership),
      canRequestRemoval: mayRequestEvidenceRemoval(user, ownership),
      removalRequest: link.removalRequestedAt && (canReview || isOwnLink(user, link))
        ? { by: link.removalRequestedBy?.email ?? null, at: link.removalRequestedAt, reason: link.removalReason }
        : null,
    };
    if (link.kind === 'PARAGRAPH' && link.paragraph) list.push({ ...base, kind: 'PARAGRAPH', paragraph: toParagraph(link.paragraph, locale) });
    else if (link.kind === 'URL' && link.url) list.push({ ...base, kind: 'URL', url: link.url, title: link.title ?? link.url });
    else if (link.kind === 'FILE' && link.file) {
      list.push({
        ...base, kind: 'FILE',
        file: {
          id: link.file.id, name: link.file.fileName, size: link.file.size, contentType: link.file.contentType,
          downloadUrl: user ? `/api/evidence/files/${link.file.id}` : null,
        },
      });
    }
  }
  suggestions.sort((a, b) => b.score - a.score || a.paragraph.symbol.localeCompare(b.paragraph.symbol) || a.paragraph.number - b.paragraph.number);
  return { items, pending, suggestions: canReview ? suggestions : null, history, canLink, canReview };
}

const HISTORY_ACTIONS: Record<string, EvidenceHistoryAction> = {
  'evidence.remove': 'removed',
  'evidence.restore': 'restored',
  'evidence.reject': 'declined',
  'evidence.request-removal': 'removalRequested',
  'evidence.keep': 'kept',
};

const HISTORY_LIMIT = 50;

const textOf = (value: unknown, key: string): string => {
  const field = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' ? field : '';
};

/**
 * What happened to the commitment's evidence, from the audit trail: removals and restorations,
 * declined proposals with the reviewer's comment, removal requests and their refusals (a removal
 * undone at once by whoever made it is left out). The
 * secretariat sees all of it; other signed-in readers the removals and restorations of public
 * evidence, and everything about their own (or their entity's) evidence, so that whoever proposed
 * something reads why it was declined. A suggestion declined without a comment is left out: the
 * machine proposed it, and nobody needs to read that it was not taken.
 */
export async function listEvidenceHistory(user: SessionUser, commitmentId: string, locale: string): Promise<EvidenceHistoryEntry[]> {
  const canReview = mayReviewEvidence(user);
  const links = await db.evidenceLink.findMany({
    where: { commitmentId, statusReportId: null },
    select: {
      id: true, kind: true, state: true, origin: true, url: true, title: true, createdById: true, entityId: true, entity: entitySelect,
      removedAt: true, removedById: true, decisionComment: true,
      paragraph: { select: { number: true, document: { select: { symbol: true, language: true } } } },
      file: { select: { fileName: true } },
    },
  });
  if (links.length === 0) return [];
  const byId = new Map(links.map((link) => [link.id, link]));
  const quietRejections = links.filter((link) => link.origin === 'SUGGESTED' && link.state === 'REJECTED' && !link.decisionComment).map((link) => link.id);
  // What this reader may see is chosen in the query, before the limit: filtered afterwards, the
  // latest events of other entities' evidence could leave a focal point with none of their own.
  const ownIds = links.filter((link) => isOwnLink(user, link)).map((link) => link.id);
  const visible: Prisma.AuditEventWhereInput = canReview ? {} : {
    OR: [
      { entityId: { in: ownIds } },
      { action: 'evidence.remove', before: { path: ['state'], equals: 'ACCEPTED' } },
      { action: 'evidence.restore', after: { path: ['state'], equals: 'ACCEPTED' } },
    ],
  };
  const events = await db.auditEvent.findMany({
    where: {
      entityType: 'EvidenceLink',
      entityId: { in: links.map((link) => link.id) },
      action: { in: Object.keys(HISTORY_ACTIONS) },
      NOT: { action: 'evidence.reject', entityId: { in: quietRejections } },
      ...visible,
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: HISTORY_LIMIT * 2,
    select: { id: true, action: true, at: true, actorId: true, actorEmail: true, entityId: true, before: true, after: true },
  });

  const latestRemoval = new Map<string, string>();
  for (const event of events) if (event.action === 'evidence.remove' && !latestRemoval.has(event.entityId)) latestRemoval.set(event.entityId, event.id);

  // A removal its author undid at once (the page's Undo) never took effect for anyone: the pair
  // stays in the audit trail, not in this history.
  const undone = new Set<string>();
  events.forEach((event, index) => {
    if (event.action !== 'evidence.restore') return;
    const removal = events.slice(index + 1).find((older) => older.entityId === event.entityId && older.action === 'evidence.remove');
    if (removal && removal.actorId === event.actorId && event.at.getTime() - removal.at.getTime() <= UNDO_WINDOW_MS) {
      undone.add(event.id).add(removal.id);
    }
  });

  const entries: EvidenceHistoryEntry[] = [];
  for (const event of events) {
    if (undone.has(event.id)) continue;
    const link = byId.get(event.entityId);
    const action = HISTORY_ACTIONS[event.action];
    if (!link || !action) continue;
    // Public evidence: its removal and its return are for every signed-in reader.
    const wasPublic =
      (action === 'removed' && textOf(event.before, 'state') === 'ACCEPTED') || (action === 'restored' && textOf(event.after, 'state') === 'ACCEPTED');
    if (!canReview && !isOwnLink(user, link) && !wasPublic) continue;
    const what = link.paragraph
      ? paragraphCitation(locale, link.paragraph.document.symbol, link.paragraph.number)
      : link.kind === 'FILE' ? (link.file?.fileName ?? link.title ?? '') : (link.title ?? link.url ?? '');
    const href = link.paragraph
      ? paragraphPath({ slug: slugOf(link.paragraph.document.symbol), language: link.paragraph.document.language }, link.paragraph.number)
      : link.kind === 'URL' ? link.url : null;
    entries.push({
      id: event.id, action, at: event.at, by: event.actorEmail, what, href, kind: link.kind, entity: toEntity(link.entity, locale),
      comment: action === 'removalRequested' ? textOf(event.after, 'reason') : textOf(event.after, 'comment'),
      onRequest: action === 'removed' && textOf(event.after, 'onRequestOf') !== '',
      restoreId: action === 'removed' && latestRemoval.get(link.id) === event.id && link.removedAt && mayRestoreEvidence(user, link) ? link.id : null,
    });
    if (entries.length === HISTORY_LIMIT) break;
  }
  return entries;
}

/** A commitment that cites a paragraph as evidence (any language version of it). */
export type CitingCommitment = { id: string; citation: string; area: string; pending: boolean };

/**
 * The commitments whose evidence is this paragraph, in whichever language it was linked: accepted
 * evidence for everyone; a proposal still waiting, to the secretariat and to the entity that made it.
 */
export async function listCitingCommitments(user: SessionUser | null, paragraph: { symbol: string; number: number }, locale: string): Promise<CitingCommitment[]> {
  const visible: Prisma.EvidenceLinkWhereInput[] = [{ state: 'ACCEPTED' }];
  if (mayReviewEvidence(user)) visible.push({ state: 'SUGGESTED', origin: 'MANUAL' });
  else if (user) {
    visible.push({ state: 'SUGGESTED', origin: 'MANUAL', createdById: user.id });
    if (user.entityId && mayLinkEvidence(user)) visible.push({ state: 'SUGGESTED', origin: 'MANUAL', entityId: user.entityId });
  }
  const links = await db.evidenceLink.findMany({
    where: {
      statusReportId: null, removedAt: null, kind: 'PARAGRAPH', OR: visible,
      paragraph: { number: paragraph.number, document: { symbol: paragraph.symbol } },
    },
    select: {
      state: true,
      commitment: {
        select: {
          id: true, reference: true, order: true,
          instrument: { select: { symbol: true, order: true } }, thematicArea: { select: { code: true } },
        },
      },
    },
  });
  const byCommitment = new Map<string, CitingCommitment & { order: [number, number] }>();
  for (const link of links) {
    const { commitment } = link;
    const known = byCommitment.get(commitment.id);
    if (known) {
      if (link.state === 'ACCEPTED') known.pending = false;
      continue;
    }
    byCommitment.set(commitment.id, {
      id: commitment.id, citation: commitmentCitation(locale, commitment.instrument.symbol, commitment.reference),
      area: commitment.thematicArea.code, pending: link.state !== 'ACCEPTED', order: [commitment.instrument.order, commitment.order],
    });
  }
  return [...byCommitment.values()]
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.citation.localeCompare(b.citation))
    .map(({ order: _order, ...row }) => row);
}

export type CommitmentToLink = {
  id: string;
  citation: string;
  area: string;
  text: string | null;
  textLocale: string | null;
  /** Whether this paragraph (in any language) is already this commitment's evidence, or waiting to be. */
  linked: 'accepted' | 'pending' | null;
};

const TO_LINK_LIMIT = 20;

/**
 * Commitments to link a paragraph to, found by the words of their wording (any language), their
 * reference ("1(a)", "para. 10", "第10段"), or their instrument's symbol and reference ("S-30/1 1(a)").
 */
export async function searchCommitmentsToLink(user: SessionUser, q: string, paragraphId: string, locale: string): Promise<{ hits: CommitmentToLink[]; total: number }> {
  const words = q.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const chineseParagraph = /^第\s*(\d+)\s*(\([a-z]+\))?\s*段$/.exec(words);
  const reference = chineseParagraph ? `para. ${chineseParagraph[1]}${chineseParagraph[2] ?? ''}` : words;
  const split = /^(.+?)[\s,]+(\S+)$/.exec(words);
  const where: Prisma.CommitmentWhereInput = {
    OR: [
      { texts: { some: { text: { contains: literalPattern(words), mode: 'insensitive' } } } },
      // Insensitive equality is a LIKE pattern in PostgreSQL: escaped, % and _ mean themselves.
      { reference: { equals: literalPattern(reference), mode: 'insensitive' } },
      { instrument: { symbol: { equals: literalPattern(words), mode: 'insensitive' } } },
      ...(split
        ? [{
            instrument: { symbol: { endsWith: literalPattern(split[1]!), mode: 'insensitive' as const } },
            reference: { equals: literalPattern(split[2]!), mode: 'insensitive' as const },
          }]
        : []),
    ],
  };
  const [rows, total, links] = await Promise.all([
    db.commitment.findMany({
      where, take: TO_LINK_LIMIT,
      orderBy: [{ instrument: { order: 'asc' } }, { order: 'asc' }, { id: 'asc' }],
      select: {
        id: true, reference: true,
        instrument: { select: { symbol: true } }, thematicArea: { select: { code: true } },
        texts: { select: { locale: true, text: true, importedAt: true } },
      },
    }),
    db.commitment.count({ where }),
    // The paragraph in any of its languages: it is one paragraph of one document.
    db.paragraph.findUnique({ where: { id: paragraphId }, select: { number: true, document: { select: { symbol: true } } } }).then((paragraph) =>
      paragraph
        ? db.evidenceLink.findMany({
            where: {
              statusReportId: null, removedAt: null,
              paragraph: { number: paragraph.number, document: { symbol: paragraph.document.symbol } },
              // Pending links as the commitment's evidence list shows them: all to reviewers; to anyone
              // else, only proposals of their own or of their entity.
              OR: [
                { state: 'ACCEPTED' },
                can(user, 'evidence.review')
                  ? { state: 'SUGGESTED' }
                  : { state: 'SUGGESTED', origin: 'MANUAL', OR: [{ createdById: user.id }, ...(user.entityId ? [{ entityId: user.entityId }] : [])] },
              ],
            },
            select: { commitmentId: true, state: true },
          })
        : []),
  ]);
  const linked = new Map<string, 'accepted' | 'pending'>();
  for (const link of links) if (linked.get(link.commitmentId) !== 'accepted') linked.set(link.commitmentId, link.state === 'ACCEPTED' ? 'accepted' : 'pending');
  return {
    hits: rows.map((row) => {
      const text = pickCommitmentText(row.texts, locale);
      return {
        id: row.id, citation: commitmentCitation(locale, row.instrument.symbol, row.reference), area: row.thematicArea.code,
        text: text?.text ?? null, textLocale: text?.locale ?? null, linked: linked.get(row.id) ?? null,
      };
    }),
    total,
  };
}

/**
 * An evidence file for download, or null when this reader may not have it (answered like one
 * that does not exist). A file attached to a status report is only for those who may read that
 * report. Commitment-level evidence is for every signed-in user once accepted; until then only
 * for whoever proposed it and those who decide. A file linked to nothing is not served.
 */
export async function getEvidenceFile(user: SessionUser, id: string): Promise<ReadFile | null> {
  // Ids are cuids: anything else (a NUL, which PostgreSQL refuses, or a percent sign) is no file.
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) return null;
  const links = await db.evidenceLink.findMany({
    where: { fileId: id },
    select: { state: true, createdById: true, removedAt: true, statusReport: { select: { entityId: true, cycleId: true, commitmentId: true } } },
  });
  // A contributor reads a report's files only when the report is assigned to them (or shared).
  const resources = await Promise.all(links.map((link) => (link.statusReport ? reportResource(db, link.statusReport) : null)));
  const visible = links.some((link, index) =>
    link.statusReport
      ? can(user, 'status-report.read', resources[index]!)
      : (link.state === 'ACCEPTED' && link.removedAt === null) || link.createdById === user.id || can(user, 'evidence.review'),
  );
  return visible ? readFile(db, id) : null;
}
