// Imports a report (extracted text) as numbered paragraphs, sections and footnotes. The same file
// twice is "already imported"; a corrected version keeps the paragraphs whose text did not change
// (and so their evidence links), updates the others and says which. The evidence-suggestion
// index follows in the same transaction.
import type { Db } from '@/lib/db/client';
import type { Prisma, SourceDocumentKind } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record';
import { lockSuggestionIndex, tokenizeTexts, updateSuggestionIndex } from '@/lib/evidence/suggestion-index';
import { DomainError } from '@/lib/errors';
import { checksumOf } from '@/lib/catalogue/checksum';
import { repeatedValues } from '@/lib/import/repeats';
import { DRY_RUN_LIMITS, firstWords } from '@/lib/import/dry-run';
import { mapSectionsToThematicAreas, parseReport, ReportParseError, thematicAreaOfSection, type ParsedReport } from '@/lib/import/report-parser';

export type DocumentImportInput = {
  text: string;
  symbol: string;
  language: string;
  sourceName: string;
  publishedOn?: Date | null;
  kind?: SourceDocumentKind;
};

export type DocumentPreview = {
  symbol: string;
  language: string;
  title: string | null;
  checksum: string;
  mode: 'new' | 'already-imported' | 'corrected';
  sections: ParsedReport['sections'];
  paragraphCount: number;
  footnoteCount: number;
  warnings: ParsedReport['warnings'];
  /** Section path -> thematic area code, found by matching headings. */
  areas: Record<string, string>;
  changed: number[];
  added: number[];
  removed: number[];
  /**
   * What the dry run lists, cut to DRY_RUN_LIMITS (the counts above count everything): each
   * paragraph's first words, the footnotes, and lines read otherwise than they look.
   */
  paragraphs: { number: number; sectionPath: string; excerpt: string; footnoteRefs: number[] }[];
  footnotes: { number: number; excerpt: string }[];
  lineNotes: ParsedReport['lineNotes'];
  lineNoteCount: number;
};

export type DocumentImportResult = DocumentPreview & { documentId: string; keptWithEvidence: number[] };

/** Parses a report for import; parse errors are the person's to fix, said in words in their language. */
export function parseDocumentText(input: Pick<DocumentImportInput, 'text' | 'symbol' | 'language'>): ParsedReport {
  try {
    return parseReport(input.text, { symbol: input.symbol, language: input.language });
  } catch (error) {
    if (error instanceof ReportParseError) throw new DomainError(`documentImport.${error.code}`, error.values);
    throw error;
  }
}

async function thematicAreas(db: Db) {
  const rows = await db.thematicArea.findMany({ select: { id: true, code: true, title: true, parent: { select: { code: true } } } });
  return rows.map((row) => ({ id: row.id, code: row.code, parentCode: row.parent?.code ?? null, titles: row.title as Record<string, string> }));
}

export async function previewDocumentImport(db: Db, input: DocumentImportInput): Promise<DocumentPreview> {
  return (await plan(db, input)).preview;
}

/** What an import would do, and the parsed text it would do it with. */
async function plan(db: Db, input: DocumentImportInput): Promise<{ preview: DocumentPreview; parsed: ParsedReport }> {
  const parsed = parseDocumentText(input);
  // Each paragraph and footnote needs its own number: it is how people cite it and how evidence points at it.
  const repeated = repeatedValues(parsed.paragraphs.map((paragraph) => paragraph.number));
  if (repeated.length > 0) throw new DomainError('documentImport.repeatedParagraphs', { numbers: repeated.join(', ') });
  const repeatedFootnotes = repeatedValues(parsed.footnotes.map((footnote) => footnote.number));
  if (repeatedFootnotes.length > 0) throw new DomainError('documentImport.repeatedFootnotes', { numbers: repeatedFootnotes.join(', ') });
  const symbol = input.symbol.trim();
  const checksum = checksumOf(input.text);
  const [existing, areaRows] = await Promise.all([
    db.sourceDocument.findUnique({
      where: { symbol_language: { symbol, language: input.language } },
      select: { checksum: true, paragraphs: { select: { number: true, text: true } } },
    }),
    thematicAreas(db),
  ]);
  const current = new Map(existing?.paragraphs.map((paragraph) => [paragraph.number, paragraph.text]) ?? []);
  const incoming = new Set(parsed.paragraphs.map((paragraph) => paragraph.number));
  const preview: DocumentPreview = {
    symbol,
    language: input.language,
    title: parsed.title,
    checksum,
    mode: !existing ? 'new' : existing.checksum === checksum ? 'already-imported' : 'corrected',
    sections: parsed.sections,
    paragraphCount: parsed.paragraphs.length,
    footnoteCount: parsed.footnotes.length,
    warnings: parsed.warnings,
    areas: mapSectionsToThematicAreas(parsed.sections, areaRows),
    changed: existing ? parsed.paragraphs.filter((p) => current.has(p.number) && current.get(p.number) !== p.text).map((p) => p.number) : [],
    added: existing ? parsed.paragraphs.filter((p) => !current.has(p.number)).map((p) => p.number) : [],
    removed: existing ? [...current.keys()].filter((number) => !incoming.has(number)).sort((a, b) => a - b) : [],
    paragraphs: parsed.paragraphs.slice(0, DRY_RUN_LIMITS.paragraphs).map((paragraph) => ({
      number: paragraph.number, sectionPath: paragraph.sectionPath, excerpt: firstWords(paragraph.text), footnoteRefs: paragraph.footnoteRefs,
    })),
    footnotes: parsed.footnotes.slice(0, DRY_RUN_LIMITS.footnotes).map((footnote) => ({ number: footnote.number, excerpt: firstWords(footnote.text, 140) })),
    lineNotes: parsed.lineNotes.slice(0, DRY_RUN_LIMITS.lineNotes),
    lineNoteCount: parsed.lineNotes.length,
  };
  return { preview, parsed };
}

export async function importDocument(
  db: Db,
  actor: { id: string; email: string } | null,
  input: DocumentImportInput,
): Promise<DocumentImportResult> {
  const { preview, parsed } = await plan(db, input);
  const areaIds = new Map((await thematicAreas(db)).map((area) => [area.code, area.id]));
  const areaIdOf = (sectionPath: string) => {
    const code = thematicAreaOfSection(sectionPath, preview.areas);
    return code ? (areaIds.get(code) ?? null) : null;
  };
  const headingOf = new Map(parsed.sections.map((section) => [section.path, section.heading]));

  if (preview.mode === 'already-imported') {
    const document = await db.sourceDocument.findUniqueOrThrow({
      where: { symbol_language: { symbol: preview.symbol, language: preview.language } },
      select: { id: true },
    });
    return { ...preview, documentId: document.id, keptWithEvidence: [] };
  }

  // The words of every text the index has not seen, found before the transaction: jieba takes a
  // while, and the transaction holds the index's lock throughout.
  const fresh = preview.mode === 'new' ? null : new Set([...preview.changed, ...preview.added]);
  const tokenized = tokenizeTexts(parsed.paragraphs.filter((paragraph) => !fresh || fresh.has(paragraph.number)).map((paragraph) => paragraph.text));

  return db.$transaction(
    async (tx) => {
      // Before any paragraph is written (see lockSuggestionIndex).
      await lockSuggestionIndex(tx);
      const metadata = {
        title: parsed.title ?? preview.symbol,
        checksum: preview.checksum,
        sourceName: input.sourceName,
        importedById: actor?.id ?? null,
        importedByEmail: actor?.email ?? null,
        ...(input.publishedOn !== undefined ? { publishedOn: input.publishedOn } : {}),
      };
      const document = await tx.sourceDocument.upsert({
        where: { symbol_language: { symbol: preview.symbol, language: preview.language } },
        create: { symbol: preview.symbol, language: preview.language, kind: input.kind ?? 'SECRETARY_GENERAL_REPORT', ...metadata },
        update: { ...metadata, importedAt: new Date() },
        select: { id: true },
      });

      await tx.documentSection.deleteMany({ where: { documentId: document.id } });
      await tx.documentSection.createMany({
        data: parsed.sections.map((section, order) => ({ documentId: document.id, path: section.path, heading: section.heading, order })),
      });
      await tx.footnote.deleteMany({ where: { documentId: document.id } });
      await tx.footnote.createMany({ data: parsed.footnotes.map((footnote) => ({ documentId: document.id, ...footnote })) });

      const keptWithEvidence = await writeParagraphs(tx, document.id, parsed, preview, { areaIdOf, headingOf });
      // New and changed paragraphs are not indexed yet (a trigger forgets a changed text's words);
      // indexed in this transaction, so that suggestions never rank from an index behind the text.
      await updateSuggestionIndex(tx, tokenized);
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        action: 'document.import',
        entityType: 'SourceDocument',
        entityId: document.id,
        after: {
          symbol: preview.symbol, language: preview.language, source: input.sourceName, checksum: preview.checksum, mode: preview.mode,
          paragraphs: preview.paragraphCount, changed: preview.changed, added: preview.added, removed: preview.removed, keptWithEvidence,
        },
      });
      return { ...preview, documentId: document.id, keptWithEvidence };
    },
    { timeout: 120_000 },
  );
}

type Tx = Prisma.TransactionClient;
type Placement = { areaIdOf: (path: string) => string | null; headingOf: Map<string, string> };

/** Returns the removed paragraphs that were kept because evidence points at them. */
async function writeParagraphs(tx: Tx, documentId: string, parsed: ParsedReport, preview: DocumentPreview, place: Placement): Promise<number[]> {
  const row = (paragraph: ParsedReport['paragraphs'][number]) => ({
    sectionPath: paragraph.sectionPath,
    heading: place.headingOf.get(paragraph.sectionPath) ?? null,
    text: paragraph.text,
    footnoteRefs: paragraph.footnoteRefs,
    thematicAreaId: place.areaIdOf(paragraph.sectionPath),
  });
  if (preview.mode === 'new') {
    await tx.paragraph.createMany({ data: parsed.paragraphs.map((paragraph) => ({ documentId, number: paragraph.number, ...row(paragraph) })) });
    return [];
  }
  const changed = new Set(preview.changed);
  const now = new Date();
  for (const paragraph of parsed.paragraphs) {
    await tx.paragraph.upsert({
      where: { documentId_number: { documentId, number: paragraph.number } },
      create: { documentId, number: paragraph.number, ...row(paragraph) },
      update: { ...row(paragraph), ...(changed.has(paragraph.number) ? { textChangedAt: now } : {}) },
    });
  }
  // A paragraph gone from the corrected version is deleted, unless evidence points at it: then it
  // stays, marked as changed, so that no one's evidence silently disappears.
  const gone = await tx.paragraph.findMany({
    where: { documentId, number: { in: preview.removed } },
    select: { id: true, number: true, _count: { select: { evidenceLinks: true } } },
  });
  const kept = gone.filter((paragraph) => paragraph._count.evidenceLinks > 0);
  await tx.paragraph.deleteMany({ where: { id: { in: gone.filter((p) => p._count.evidenceLinks === 0).map((p) => p.id) } } });
  await tx.paragraph.updateMany({ where: { id: { in: kept.map((p) => p.id) } }, data: { textChangedAt: now } });
  return kept.map((paragraph) => paragraph.number);
}
