// The stored index behind evidence suggestions: each paragraph's words (ParagraphTerm, tokenized by
// similarity.ts), its TF-IDF vector's length (ParagraphVector), and the weights both depend on
// (SuggestionIndex), so that a suggestion reads the rows of the commitment's few words instead of
// tokenizing every paragraph (indexed-ranking.ts).
//
// Norms are recomputed in SQL, in the transaction that changed the corpus: a norm depends on the
// IDF of each of the paragraph's words, and so on every paragraph's words and on their number.
// The alternative, norms at query time for the candidates only, needs every word of every
// candidate and each word's document frequency: with common words (国家, "States"), most of the
// index on every request. Measured on PostgreSQL 15 with two cores: recomputing every norm takes
// about 20 ms for A/74/129 plus 300 paragraphs and 100 ms for 3,000 (100,000 index rows), inside
// imports that take 0.3 to 1 s; suggestions, which are many, read only their words' rows.
//
// Who indexes: the import, in its own transaction, for what it wrote; and the suggestion path,
// before it ranks, for anything else (paragraphs imported before the index existed, which a
// migration cannot tokenize, or written by other means). Triggers on Paragraph mark the index
// stale on any change, so that finding out costs one row per request; the migration's follow-up
// in applyMigrations was not chosen, as it would cover the first case only and put jieba in the
// migration runner.
//
// The numbers are rankParagraphs' own to the last bit, not nearly: the logarithms come from
// JavaScript, because PostgreSQL's ln differs from V8's Math.log in the last bit for about 2% of
// the arguments these formulas use (measured); SQL only multiplies, divides, adds in each
// vector's own word order and takes square roots, which IEEE arithmetic rounds the same everywhere.
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record';
import { inverseDocumentFrequency, termCounts, termFrequencyWeight, tokenize } from './similarity';

type Tx = Prisma.TransactionClient;

/** A paragraph's distinct words in order of first occurrence, and how often each occurs. */
export type ParagraphTerms = { terms: string[]; counts: number[] };

export function paragraphTerms(text: string): ParagraphTerms {
  const counts = termCounts(tokenize(text));
  return { terms: [...counts.keys()], counts: [...counts.values()] };
}

/** Tokenizes texts ahead of a transaction, so that jieba does not run while the index is locked. */
export function tokenizeTexts(texts: Iterable<string>): Map<string, ParagraphTerms> {
  const tokenized = new Map<string, ParagraphTerms>();
  for (const text of texts) if (!tokenized.has(text)) tokenized.set(text, paragraphTerms(text));
  return tokenized;
}

/**
 * Locks the index until the transaction ends: one writer at a time, and a paragraph written
 * meanwhile by other means waits to mark the index stale until this writer has committed. An
 * import takes it before it writes any paragraph (its writes mark the index stale too).
 */
export async function lockSuggestionIndex(tx: Tx): Promise<void> {
  // The row exists from the migration on; should it be gone, it comes back stale.
  await tx.$executeRaw`INSERT INTO "SuggestionIndex" ("id", "stale") VALUES (1, true) ON CONFLICT ("id") DO NOTHING`;
  await tx.$executeRaw`SELECT 1 FROM "SuggestionIndex" WHERE "id" = 1 FOR UPDATE`;
}

// Keeps each INSERT's arrays to a reasonable size on a large import.
const ROWS_PER_INSERT = 20_000;

/**
 * Indexes every paragraph that has no vector (new, changed, or imported before the index),
 * taking their words from `tokenized` when it has the text, and brings every norm and weight up
 * to date when the corpus changed. Returns how many paragraphs were indexed, how many there are,
 * and whether the norms were recomputed.
 */
export async function updateSuggestionIndex(
  tx: Tx,
  tokenized: ReadonlyMap<string, ParagraphTerms> = new Map(),
): Promise<{ indexed: number; paragraphs: number; recomputed: boolean }> {
  await lockSuggestionIndex(tx);
  const pending = await tx.$queryRaw<{ id: string; text: string; language: string }[]>`
    SELECT p."id", p."text", d."language"
    FROM "Paragraph" AS p JOIN "SourceDocument" AS d ON d."id" = p."documentId"
    WHERE NOT EXISTS (SELECT 1 FROM "ParagraphVector" AS v WHERE v."paragraphId" = p."id")`;
  if (pending.length > 0) {
    await writeTerms(tx, pending.map((paragraph) => ({ ...paragraph, ...(tokenized.get(paragraph.text) ?? paragraphTerms(paragraph.text)) })));
  }
  const [state] = await tx.$queryRaw<{ total: number; paragraphs: number; stale: boolean }[]>`
    SELECT (SELECT count(*) FROM "Paragraph")::int AS "total", "paragraphs", "stale" FROM "SuggestionIndex" WHERE "id" = 1`;
  // The words of no paragraph changed and none was deleted: the norms stand (a corrected import
  // that changed footnotes only, or a catch-up that found the work done while it waited).
  const recomputed = pending.length > 0 || state!.total !== state!.paragraphs;
  if (recomputed) await recomputeWeights(tx, state!.total);
  else if (state!.stale) await tx.$executeRaw`UPDATE "SuggestionIndex" SET "stale" = false, "updatedAt" = now() WHERE "id" = 1`;
  return { indexed: pending.length, paragraphs: state!.total, recomputed };
}

async function writeTerms(tx: Tx, paragraphs: (ParagraphTerms & { id: string; language: string })[]) {
  const ids = paragraphs.map((paragraph) => paragraph.id);
  // A paragraph's words go with its vector when its text changes (the trigger); this is in case
  // words outlived their vector by other means.
  await tx.$executeRaw`DELETE FROM "ParagraphTerm" WHERE "paragraphId" = ANY(${ids}::text[])`;
  let rows = { paragraphIds: [] as string[], terms: [] as string[], counts: [] as number[], positions: [] as number[] };
  const flush = async () => {
    if (rows.terms.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO "ParagraphTerm" ("paragraphId", "term", "count", "position")
      SELECT * FROM unnest(${rows.paragraphIds}::text[], ${rows.terms}::text[], ${rows.counts}::int[], ${rows.positions}::int[])`;
    rows = { paragraphIds: [], terms: [], counts: [], positions: [] };
  };
  for (const paragraph of paragraphs) {
    paragraph.terms.forEach((term, position) => {
      rows.paragraphIds.push(paragraph.id);
      rows.terms.push(term);
      rows.counts.push(paragraph.counts[position]!);
      rows.positions.push(position);
    });
    if (rows.terms.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
  const languages = paragraphs.map((paragraph) => paragraph.language);
  const termCounts = paragraphs.map((paragraph) => paragraph.terms.length);
  // The norm comes with the others, next.
  await tx.$executeRaw`
    INSERT INTO "ParagraphVector" ("paragraphId", "language", "termCount", "norm")
    SELECT *, 0 FROM unnest(${ids}::text[], ${languages}::text[], ${termCounts}::int[])`;
}

/**
 * Every paragraph's norm, and the weights a suggestion needs, for a corpus of `total` paragraphs.
 * The weights travel as text in their shortest exact form (node-postgres writes numbers so), which
 * PostgreSQL reads back into the same doubles.
 */
async function recomputeWeights(tx: Tx, total: number): Promise<void> {
  const [{ maxCount }] = await tx.$queryRaw<{ maxCount: number }[]>`SELECT coalesce(max("count"), 0)::int AS "maxCount" FROM "ParagraphTerm"`;
  const tf = Array.from({ length: maxCount }, (_, index) => termFrequencyWeight(index + 1));
  const idf = Array.from({ length: total + 1 }, (_, df) => inverseDocumentFrequency(total, df));
  // Array elements count from 1: tf[c] for a word occurring c times, idf[d + 1] for a word in d paragraphs.
  await tx.$executeRaw`
    WITH "frequency" AS (
      SELECT "term", count(*)::int AS "df" FROM "ParagraphTerm" GROUP BY "term"
    ), "weight" AS (
      SELECT t."paragraphId", t."position", (${tf}::float8[])[t."count"] * (${idf}::float8[])[f."df" + 1] AS "weight"
      FROM "ParagraphTerm" AS t JOIN "frequency" AS f ON f."term" = t."term"
    ), "norm" AS (
      SELECT "paragraphId", sqrt(sum("weight" * "weight" ORDER BY "position")) AS "norm" FROM "weight" GROUP BY "paragraphId"
    )
    UPDATE "ParagraphVector" AS v SET "norm" = n."norm"
    FROM "norm" AS n
    WHERE v."paragraphId" = n."paragraphId" AND v."norm" IS DISTINCT FROM n."norm"`;
  await tx.$executeRaw`
    UPDATE "SuggestionIndex"
    SET "stale" = false, "paragraphs" = ${total}::int, "termFrequencyWeights" = ${tf}::float8[], "inverseDocumentFrequencies" = ${idf}::float8[], "updatedAt" = now()
    WHERE "id" = 1`;
}

const catchingUp = new WeakMap<Db, Promise<unknown>>();

/**
 * Indexes what no import indexed (paragraphs older than the index, or written by other means),
 * for the suggestion path: tokenized before the transaction, audited, and shared by the requests
 * of this process that find the index stale at the same time.
 */
export function catchUpSuggestionIndex(db: Db, actorId: string | null): Promise<unknown> {
  let running = catchingUp.get(db);
  if (!running) {
    running = (async () => {
      const pending = await db.paragraph.findMany({ where: { vector: { is: null } }, select: { text: true } });
      const tokenized = tokenizeTexts(pending.map((paragraph) => paragraph.text));
      await db.$transaction(
        async (tx) => {
          const result = await updateSuggestionIndex(tx, tokenized);
          if (result.recomputed) {
            await recordAudit(tx, { actorId, action: 'evidence.index', entityType: 'SuggestionIndex', entityId: 'paragraphs', after: result });
          }
        },
        // Tokenizing what was written meanwhile, and indexing a whole corpus, can take a while.
        { timeout: 120_000 },
      );
    })().finally(() => catchingUp.delete(db));
    catchingUp.set(db, running);
  }
  return running;
}
