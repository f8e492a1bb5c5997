// Ranks paragraphs against a commitment from the stored index (suggestion-index.ts). Only the
// commitment's wordings are tokenized; one statement reads the index rows of their words and
// computes the candidates' cosines in the database, which answers with one number a paragraph.
// The result is rankParagraphs' on the same paragraphs: same ids, same order, same scores. The
// arithmetic is the reference's, operation for operation and in the same order (see the comments
// in the statement), on weights that JavaScript computed; only the rounding and the order of the
// ranking are done here, as the reference does them.
import type { Db } from '@/lib/db/client';
import {
  compareRanked, roundScore, termCounts, termFrequencyWeight, tokenize, wordingFor,
  type CommitmentTextInput, type RankedParagraph,
} from './similarity';

/** What readScores answers: the index's state, and each candidate's cosine, unrounded. */
type ScoreRead = { stale: boolean; paragraphs: number; ids: string[] | null; dots: number[] | null };

// Reading, finding the index stale, catching up and reading again: a second stale read means
// that something writes paragraphs without indexing them faster than we catch up.
const ATTEMPTS = 3;

export type IndexedRankingOptions = {
  /** How many of the best to return (rankParagraphs' `limit`). */
  limit: number;
  /** Paragraphs left out before the best are taken (a commitment's decided evidence). */
  exclude?: readonly string[];
  /** Brings a stale index up to date (see catchUpSuggestionIndex); the read is then repeated. */
  catchUp: () => Promise<unknown>;
};

/**
 * The paragraphs sharing a word with the commitment, ranked as rankParagraphs ranks them, the
 * best `limit` of them; and how many paragraphs there are.
 */
export async function rankIndexedParagraphs(
  db: Db,
  commitmentTexts: readonly CommitmentTextInput[],
  options: IndexedRankingOptions,
): Promise<{ ranked: RankedParagraph[]; paragraphs: number }> {
  if (commitmentTexts.length === 0 || options.limit <= 0) return { ranked: [], paragraphs: 0 };
  for (let attempt = 1; ; attempt++) {
    const read = await readScores(db, commitmentTexts, options);
    if (!read.stale) {
      const ranked: RankedParagraph[] = [];
      read.ids?.forEach((id, index) => {
        const score = roundScore(read.dots![index]!);
        if (score > 0) ranked.push({ id, score });
      });
      return { ranked: ranked.sort(compareRanked).slice(0, options.limit), paragraphs: read.paragraphs };
    }
    if (attempt === ATTEMPTS) throw new Error('The evidence-suggestion index stays stale.');
    await options.catchUp();
  }
}

/** Each wording's vector before weighting: its distinct words in order, and their term-frequency weights. */
function wordingRows(commitmentTexts: readonly CommitmentTextInput[]) {
  const rows = { locales: [] as string[], terms: [] as string[], weights: [] as number[], positions: [] as number[] };
  for (const text of commitmentTexts) {
    [...termCounts(tokenize(text.text))].forEach(([term, count], position) => {
      rows.locales.push(text.locale);
      rows.terms.push(term);
      rows.weights.push(termFrequencyWeight(count));
      rows.positions.push(position);
    });
  }
  return rows;
}

/**
 * One statement, so one snapshot of the index. The state row's weights are JavaScript's (see
 * recomputeWeights); the wording's term-frequency weights too; PostgreSQL multiplies, divides,
 * adds in order and takes square roots exactly as V8 does. As one JSON text: a row per paragraph
 * would cost this process, where all requests' work competes, several times more to parse, and
 * PostgreSQL writes each double in its shortest exact form.
 *
 * Only the best are summed exactly: the exact sum adds each paragraph's products in the order
 * cosine() does, which takes a sort per paragraph, for thousands of candidates. Every candidate
 * is first summed in any order, which differs from the exact sum by far less than 1e-12; a
 * candidate more than 2e-6 below the `limit`-th best of those sums still scores less than each of
 * the `limit` best once rounded to six decimals (rounding moves a score by 5e-7 at most), so it
 * can neither be among them nor tie with them.
 */
async function readScores(db: Db, commitmentTexts: readonly CommitmentTextInput[], options: IndexedRankingOptions): Promise<ScoreRead> {
  const wording = wordingRows(commitmentTexts);
  const locales = commitmentTexts.map((text) => text.locale);
  // The wording a paragraph in a language without one is compared with (wordingFor).
  const fallback = wordingFor(commitmentTexts, '')!.locale;
  const exclude = [...(options.exclude ?? [])];
  const limit = Math.min(options.limit, Number.MAX_SAFE_INTEGER);
  const [row] = await db.$queryRaw<{ read: string }[]>`
    WITH "state" AS (
      SELECT "stale", "paragraphs", "termFrequencyWeights" AS "tf", "inverseDocumentFrequencies" AS "idf" FROM "SuggestionIndex" WHERE "id" = 1
    ), "wording" AS (
      SELECT * FROM unnest(${wording.locales}::text[], ${wording.terms}::text[], ${wording.weights}::float8[], ${wording.positions}::int[])
        AS w("locale", "term", "tf", "position")
    ), "posting" AS MATERIALIZED (
      -- The index rows of the wording's words, with their paragraphs' vectors and the wording
      -- each paragraph is compared with (wordingFor).
      SELECT t."paragraphId", t."term", t."count", t."position", v."norm", v."termCount",
             CASE WHEN v."language" = ANY(${locales}::text[]) THEN v."language" ELSE ${fallback} END AS "locale"
      FROM "ParagraphTerm" AS t JOIN "ParagraphVector" AS v ON v."paragraphId" = t."paragraphId"
      WHERE t."term" = ANY(${wording.terms}::text[])
    ), "raw" AS (
      -- Each word's IDF (its rows are its document frequency, in every language), then weigh():
      -- tf * idf, divided by the length summed in the wording's own order.
      SELECT w."locale", w."term", w."position", s."idf"[coalesce(f."df", 0) + 1] AS "idf", w."tf" * s."idf"[coalesce(f."df", 0) + 1] AS "weight"
      FROM "wording" AS w
      LEFT JOIN (SELECT "term", count(*)::int AS "df" FROM "posting" GROUP BY "term") AS f ON f."term" = w."term"
      CROSS JOIN "state" AS s
    ), "query" AS (
      SELECT r."locale", r."term", r."position", r."idf", r."weight" / n."norm" AS "weight", n."size"
      FROM "raw" AS r
      JOIN (SELECT "locale", sqrt(sum("weight" * "weight" ORDER BY "position")) AS "norm", count(*)::int AS "size" FROM "raw" GROUP BY "locale") AS n
        ON n."locale" = r."locale"
    ), "product" AS MATERIALIZED (
      -- cosine(): the products of the words both vectors have (one the other lacks adds 0, which
      -- changes no sum), and the order they are added in: the shorter vector's own. The
      -- paragraph's weight is weigh()'s.
      SELECT p."paragraphId" AS "id", q."weight" * ((s."tf"[p."count"] * q."idf") / p."norm") AS "x",
             CASE WHEN q."size" <= p."termCount" THEN q."position" ELSE p."position" END AS "k"
      FROM "posting" AS p
      JOIN "query" AS q ON q."term" = p."term" AND q."locale" = p."locale"
      CROSS JOIN "state" AS s
      WHERE p."paragraphId" <> ALL(${exclude}::text[])
    ), "approximate" AS (
      SELECT "id", sum("x") AS "dot" FROM "product" GROUP BY "id"
    ), "scored" AS (
      SELECT "id", sum("x" ORDER BY "k") AS "dot"
      FROM (SELECT p.*, sum(p."x") OVER (PARTITION BY p."id") AS "approximate" FROM "product" AS p) AS p
      WHERE p."approximate" >= (SELECT min("dot") FROM (SELECT "dot" FROM "approximate" ORDER BY "dot" DESC LIMIT ${limit}::bigint) AS "best") - 2e-6
      GROUP BY "id"
    )
    SELECT json_build_object(
      'stale', s."stale", 'paragraphs', s."paragraphs",
      'ids', (SELECT array_agg("id" ORDER BY "id") FROM "scored"),
      'dots', (SELECT array_agg("dot" ORDER BY "id") FROM "scored")
    )::text AS "read"
    FROM "state" AS s`;
  // No state row: gone by some accident; catching up brings it back.
  return row ? (JSON.parse(row.read) as ScoreRead) : { stale: true, paragraphs: 0, ids: null, dots: null };
}
