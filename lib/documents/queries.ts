import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { slugOf } from '@/lib/slug';
import { literalPattern } from '@/lib/search-pattern';
import { can, type Actor } from '@/lib/auth/permissions';
import { areaTitle, type AreaTitle } from '@/lib/catalogue/queries';

// Imported reports are public documents: these reads serve anonymous readers too. A document's
// title and text are in its `language`, whatever the page's: pages mark them with it.

export type DocumentSummary = {
  symbol: string;
  slug: string;
  language: string;
  title: string;
  publishedOn: Date | null;
  paragraphCount: number;
  importedAt: Date;
};

export async function listDocuments(): Promise<DocumentSummary[]> {
  const documents = await db.sourceDocument.findMany({
    orderBy: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { symbol: 'asc' }, { language: 'asc' }],
    select: { symbol: true, language: true, title: true, publishedOn: true, importedAt: true, _count: { select: { paragraphs: true } } },
  });
  return documents.map(({ _count, ...document }) => ({ ...document, slug: slugOf(document.symbol), paragraphCount: _count.paragraphs }));
}

async function findDocumentId(slug: string, language: string): Promise<string> {
  const candidates = await db.sourceDocument.findMany({ where: { language }, select: { id: true, symbol: true } });
  const match = candidates.find((candidate) => slugOf(candidate.symbol) === slug);
  if (!match) notFound();
  return match.id;
}

export type DocumentDetail = DocumentSummary & {
  /** The file it was imported from and who imported it: internal, so null unless the viewer imports documents. */
  staffProvenance: { sourceName: string; importedBy: string | null } | null;
  sections: { path: string; heading: string }[];
  paragraphs: { number: number; sectionPath: string; text: string; footnoteRefs: number[] }[];
  footnotes: { number: number; text: string }[];
};

export async function getDocument(slug: string, language: string, viewer: Actor = null): Promise<DocumentDetail> {
  const id = await findDocumentId(slug, language);
  const document = await db.sourceDocument.findUniqueOrThrow({
    where: { id },
    select: {
      symbol: true, language: true, title: true, publishedOn: true, importedAt: true, sourceName: true, importedByEmail: true,
      sections: { orderBy: { order: 'asc' }, select: { path: true, heading: true } },
      paragraphs: { orderBy: { number: 'asc' }, select: { number: true, sectionPath: true, text: true, footnoteRefs: true } },
      footnotes: { orderBy: { number: 'asc' }, select: { number: true, text: true } },
    },
  });
  const { importedByEmail, sourceName, ...rest } = document;
  return {
    ...rest,
    staffProvenance: can(viewer, 'document.import') ? { sourceName, importedBy: importedByEmail } : null,
    slug: slugOf(document.symbol),
    paragraphCount: document.paragraphs.length,
  };
}

export type ParagraphDetail = {
  id: string;
  document: { symbol: string; slug: string; language: string; title: string };
  number: number;
  sectionPath: string;
  heading: string | null;
  text: string;
  footnotes: { number: number; text: string }[];
  previous: number | null;
  next: number | null;
  /** The paragraph's thematic area, titled in the reader's language or else English (`titleLocale` says which). */
  area: AreaTitle | null;
  textChangedAt: Date | null;
};

export async function getParagraph(slug: string, language: string, number: number, locale: string): Promise<ParagraphDetail> {
  const documentId = await findDocumentId(slug, language);
  const paragraph = await db.paragraph.findUnique({
    where: { documentId_number: { documentId, number } },
    select: {
      id: true, number: true, sectionPath: true, heading: true, text: true, footnoteRefs: true, textChangedAt: true,
      thematicArea: { select: { code: true, title: true } },
      document: { select: { symbol: true, language: true, title: true } },
    },
  });
  if (!paragraph) notFound();
  const [previous, next, footnotes] = await Promise.all([
    db.paragraph.findFirst({ where: { documentId, number: { lt: number } }, orderBy: { number: 'desc' }, select: { number: true } }),
    db.paragraph.findFirst({ where: { documentId, number: { gt: number } }, orderBy: { number: 'asc' }, select: { number: true } }),
    db.footnote.findMany({ where: { documentId, number: { in: paragraph.footnoteRefs } }, orderBy: { number: 'asc' }, select: { number: true, text: true } }),
  ]);
  return {
    id: paragraph.id,
    document: { ...paragraph.document, slug: slugOf(paragraph.document.symbol) },
    number: paragraph.number,
    sectionPath: paragraph.sectionPath,
    heading: paragraph.heading,
    text: paragraph.text,
    footnotes,
    previous: previous?.number ?? null,
    next: next?.number ?? null,
    area: paragraph.thematicArea && areaTitle(paragraph.thematicArea, locale),
    textChangedAt: paragraph.textChangedAt,
  };
}

export type AreaEvidence = { symbol: string; slug: string; language: string; numbers: number[] }[];

/** The paragraphs of imported documents that belong to an area or its sub-areas, by document. */
export async function evidenceForArea(code: string): Promise<AreaEvidence> {
  const paragraphs = await db.paragraph.findMany({
    where: { thematicArea: { OR: [{ code }, { parent: { code } }] } },
    orderBy: [{ document: { symbol: 'asc' } }, { number: 'asc' }],
    select: { number: true, document: { select: { symbol: true, language: true } } },
  });
  const byDocument = new Map<string, AreaEvidence[number]>();
  for (const paragraph of paragraphs) {
    const key = `${paragraph.document.symbol}\u0000${paragraph.document.language}`;
    const entry = byDocument.get(key) ?? { ...paragraph.document, slug: slugOf(paragraph.document.symbol), numbers: [] };
    entry.numbers.push(paragraph.number);
    byDocument.set(key, entry);
  }
  return [...byDocument.values()];
}

export type SearchHit = { symbol: string; slug: string; language: string; number: number; text: string };

/** Paragraphs whose text contains the words (any language), in document order. */
export async function searchParagraphs(q: string, limit = 100, offset = 0): Promise<{ hits: SearchHit[]; total: number }> {
  const where = { text: { contains: literalPattern(q), mode: 'insensitive' as const } };
  const [rows, total] = await Promise.all([
    db.paragraph.findMany({
      where,
      orderBy: [{ document: { symbol: 'asc' } }, { number: 'asc' }, { id: 'asc' }],
      skip: offset,
      take: limit,
      select: { number: true, text: true, document: { select: { symbol: true, language: true } } },
    }),
    db.paragraph.count({ where }),
  ]);
  return { hits: rows.map((row) => ({ ...row.document, slug: slugOf(row.document.symbol), number: row.number, text: row.text })), total };
}
