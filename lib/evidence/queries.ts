import 'server-only';
import { notFound } from 'next/navigation';
import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';
import type { EvidenceOrigin } from '@/lib/generated/prisma/enums';
import { isLocale } from '@/lib/i18n/routing';
import { slugOf } from '@/lib/slug';
import { paragraphPath } from '@/lib/documents/citation';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/auth/permissions';
import { reportResource } from '@/lib/status-reports/assignment';
import { mayLinkEvidence, mayRemoveEvidence, mayReviewEvidence } from './mutations';
import { readFile, type ReadFile } from './file-storage';

// The evidence of a commitment. Commitments and their accepted, commitment-level evidence are
// public like the catalogue; who added a link (an e-mail address) and the file downloads are for
// signed-in users; pending suggestions only for those who may link evidence. Evidence attached to
// a status report belongs to that report's pages, not to this list.

const catalogues = { en, zh } as const;

/** "A/74/129, para. 25" / "A/74/129，第25段", in the reader's language: the document reader's citation. */
export function paragraphCitation(locale: string, symbol: string, number: number): string {
  const messages = (isLocale(locale) ? catalogues[locale] : en) as typeof en;
  const t = createTranslator({ locale: isLocale(locale) ? locale : 'en', messages, namespace: 'documents' });
  return t('citation', { symbol, number: String(number) });
}

export type EvidenceParagraph = { symbol: string; language: string; number: number; citation: string; url: string; text: string };

type EvidenceBase = {
  id: string;
  note: string;
  origin: EvidenceOrigin;
  /** E-mail of whoever linked it (or accepted the suggestion); null for anonymous readers or a removed account. */
  addedBy: string | null;
  addedAt: Date;
  /** Whether the paragraph's text changed (corrected document) after it was linked. */
  paragraphChanged: boolean;
  canRemove: boolean;
};

export type EvidenceItem = EvidenceBase &
  (
    | { kind: 'PARAGRAPH'; paragraph: EvidenceParagraph }
    | { kind: 'URL'; url: string; title: string }
    | { kind: 'FILE'; file: { id: string; name: string; size: number; contentType: string; downloadUrl: string | null } }
  );

export type EvidenceSuggestion = { id: string; score: number; paragraph: EvidenceParagraph; suggestedAt: Date };

export type CommitmentEvidence = {
  items: EvidenceItem[];
  /** Evidence proposed by focal points, waiting for the secretariat: all of it for reviewers, one's own for the others. */
  pending: EvidenceItem[];
  /** Null when the reader may not decide suggestions. */
  suggestions: EvidenceSuggestion[] | null;
  canLink: boolean;
  canReview: boolean;
};

const paragraphSelect = {
  number: true, text: true, textChangedAt: true,
  document: { select: { symbol: true, language: true } },
} as const;

type ParagraphRecord = { number: number; text: string; document: { symbol: string; language: string } };

function toParagraph(paragraph: ParagraphRecord, locale: string): EvidenceParagraph {
  const { symbol, language } = paragraph.document;
  return {
    symbol, language, number: paragraph.number, text: paragraph.text,
    citation: paragraphCitation(locale, symbol, paragraph.number),
    url: paragraphPath({ slug: slugOf(symbol), language }, paragraph.number),
  };
}

export async function listEvidence(user: SessionUser | null, commitmentId: string, locale: string): Promise<CommitmentEvidence> {
  const commitment = await db.commitment.findUnique({ where: { id: commitmentId }, select: { id: true } });
  if (!commitment) notFound();
  const canLink = mayLinkEvidence(user);
  const canReview = mayReviewEvidence(user);
  const visible: Prisma.EvidenceLinkWhereInput[] = [{ state: 'ACCEPTED' }];
  if (canReview) visible.push({ state: 'SUGGESTED' });
  else if (user) visible.push({ state: 'SUGGESTED', origin: 'MANUAL', createdById: user.id });

  const links = await db.evidenceLink.findMany({
    where: { commitmentId, statusReportId: null, OR: visible },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true, kind: true, state: true, origin: true, note: true, score: true, url: true, title: true,
      createdAt: true, createdById: true, createdBy: { select: { email: true } },
      decidedAt: true, decidedById: true, decidedBy: { select: { email: true } },
      paragraph: { select: paragraphSelect },
      file: { select: { id: true, fileName: true, size: true, contentType: true } },
    },
  });

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
    const base: EvidenceBase = {
      id: link.id, note: link.note, origin: link.origin, addedAt,
      addedBy: user ? (addedBy?.email ?? null) : null,
      paragraphChanged: Boolean(link.paragraph?.textChangedAt && link.paragraph.textChangedAt > addedAt),
      canRemove: mayRemoveEvidence(user, addedById),
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
  return { items, pending, suggestions: canReview ? suggestions : null, canLink, canReview };
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
    select: { state: true, createdById: true, statusReport: { select: { entityId: true, cycleId: true, commitmentId: true } } },
  });
  // A contributor reads a report's files only when the report is assigned to them (or shared).
  const resources = await Promise.all(links.map((link) => (link.statusReport ? reportResource(db, link.statusReport) : null)));
  const visible = links.some((link, index) =>
    link.statusReport
      ? can(user, 'status-report.read', resources[index]!)
      : link.state === 'ACCEPTED' || link.createdById === user.id || can(user, 'evidence.review'),
  );
  return visible ? readFile(db, id) : null;
}
