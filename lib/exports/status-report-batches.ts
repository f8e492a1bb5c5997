// The rows of a download, in id order, a piece (a hundred rows) at a time. Built for a million
// rows: each batch is one SQL statement, with the reports' own columns, their AcceptedStatus
// records and their accepted evidence; what the rows name (cycles, entities, commitments: a few
// hundred) comes from lib/exports/export-lookups.ts. The statement returns the batch as JSON texts
// of a hundred reports each (pieces): one value per hundred rows for the driver and Prisma to pass
// on rather than fifteen per row, each small enough to be an ordinary young object for the garbage
// collector. Memory holds a batch or two, whatever the size of the file.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/i18n/routing';
import { exportLookups, type LookupDb, type NamedIds } from './export-lookups';
import { cellsOf, citations, type Cells, type ReportRow } from './status-report-cells';

export type BatchDb = Pick<Db, '$queryRaw'> & LookupDb;

/** A timestamp as `Date.prototype.toISOString` writes it, in UTC with milliseconds. */
const isoInstant = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Reports per piece of a batch (a JSON text of about 50 KB at typical narratives). */
const PIECE_ROWS = 100;

/**
 * One batch: the reports `where` matches after `after`, `size` of them, as pieces (JSON arrays of
 * ReportRow, in order) with their row counts and last ids. Keyset (`id > after`, ordered by id,
 * the primary key's index) rather than OFFSET, which would walk past every earlier row again for
 * each batch; the AcceptedStatus record shares the report's key, so its join starts there too. The
 * evidence is bounded by the batch's range of ids as well as by its reports: PostgreSQL then reads
 * one range of the index for a batch of adjacent reports (every report), and looks each report up
 * when the batch is scattered over the table (a narrow filter).
 * The rows are numbered in id order as they are read, so that the pieces are ordered by a number
 * rather than by sorting the ids again.
 */
function batchSql(where: Prisma.Sql, after: string | null, size: number): Prisma.Sql {
  const keyset = (column: Prisma.Sql) => (after === null ? Prisma.empty : Prisma.sql`AND ${column} > ${after}`);
  const piece = Prisma.raw(`(b."n" - 1) / ${PIECE_ROWS}`);
  return Prisma.sql`
    WITH batch AS MATERIALIZED (
      SELECT row_number() OVER (ORDER BY r."id") AS "n",
        r."id", r."cycleId", r."entityId", r."commitmentId", r."state", r."status", r."asOf", r."narrative", r."submittedAt", r."reviewedAt",
        a."statusReportId" AS "acceptedId", a."entityKind", a."regionalGroup", a."thematicAreaId"
      FROM "StatusReport" r
      LEFT JOIN "AcceptedStatus" a ON a."statusReportId" = r."id" ${keyset(Prisma.sql`a."statusReportId"`)}
      WHERE ${where} ${keyset(Prisma.sql`r."id"`)}
      ORDER BY r."id"
      LIMIT ${size}
    ), evidence AS (
      SELECT l."statusReportId",
        json_agg(json_build_array(l."kind", d."symbol", p."number", f."fileName", l."url") ORDER BY l."createdAt", l."id") AS "links"
      FROM "EvidenceLink" l
      LEFT JOIN ("Paragraph" p JOIN "SourceDocument" d ON d."id" = p."documentId") ON p."id" = l."paragraphId"
      LEFT JOIN "StoredFile" f ON f."id" = l."fileId"
      WHERE l."statusReportId" IN (SELECT "id" FROM batch) AND l."state" = 'ACCEPTED'
        AND l."statusReportId" BETWEEN (SELECT min("id") FROM batch) AND (SELECT max("id") FROM batch)
      GROUP BY l."statusReportId"
    )
    SELECT json_agg(json_build_array(
      b."cycleId", b."entityId", b."commitmentId",
      CASE WHEN b."acceptedId" IS NULL THEN NULL ELSE json_build_array(b."entityKind", b."regionalGroup", b."thematicAreaId") END,
      b."state", b."status", to_char(b."asOf", 'YYYY-MM-DD'), b."narrative",
      ${isoInstant(Prisma.sql`b."submittedAt"`)}, ${isoInstant(Prisma.sql`b."reviewedAt"`)},
      e."links"
    ) ORDER BY b."n")::text AS "rows", count(*)::int AS "count", max(b."id") AS "last"
    FROM batch b LEFT JOIN evidence e ON e."statusReportId" = b."id"
    GROUP BY ${piece}
    ORDER BY ${piece}`;
}

type Piece = { rows: string; count: number; last: string };
type Batch = { pieces: Piece[]; last: string | null; full: boolean };

async function readBatch(db: BatchDb, where: Prisma.Sql, after: string | null, size: number): Promise<Batch> {
  const pieces = await db.$queryRaw<Piece[]>(batchSql(where, after, size));
  const count = pieces.reduce((sum, piece) => sum + piece.count, 0);
  return { pieces, last: pieces.at(-1)?.last ?? null, full: count === size };
}

function namedIds(rows: ReportRow[]): NamedIds {
  return {
    cycles: rows.map(([cycleId]) => cycleId),
    entities: rows.map(([, entityId]) => entityId),
    commitments: rows.map(([, , commitmentId]) => commitmentId),
    areas: rows.flatMap(([, , , accepted]) => (accepted ? [accepted[2]] : [])),
  };
}

/**
 * The rows `where` matches (none when null), prepared for the file a piece at a time (`prepare`
 * turns a piece's cells into what the file writes: the CSV's bytes, the XLSX's rows).
 *
 * One batch is read ahead: when the reader comes to a batch, the next one's statement is sent, so
 * that PostgreSQL finds it while this one is written out; none further is read until the reader
 * comes to that one (the generator waits at `yield`). A batch is prepared as soon as it arrives,
 * so that what waits for the reader is the prepared form (bytes, for the CSV), and what has been
 * used is let go at once (a piece's text, each prepared piece as it is yielded). Both keep the
 * text PostgreSQL sent short-lived: V8 moves what survives two young collections to the old
 * generation, which is freed only by a full collection, and a text kept while other work goes on
 * (a result arriving while the previous batch is prepared, a text left in an async frame that is
 * already old) grows the heap by the size of the file before that happens.
 *
 * The batches are not one snapshot: a report accepted during a long download may or may not be in
 * it, but no row is ever repeated or half-written.
 */
export async function* readBatches<T>(
  db: BatchDb, where: Prisma.Sql | null, lang: Locale, batchSize: number, prepare: (cells: Cells[]) => T,
): AsyncGenerator<T, void, undefined> {
  if (!where) return;
  const lookups = exportLookups(db, lang);
  const cite = citations(lang);
  const read = async (after: string | null) => {
    const { pieces, last, full } = await readBatch(db, where, after, batchSize);
    const prepared: T[] = [];
    for (const piece of pieces) {
      const rows = JSON.parse(piece.rows) as ReportRow[];
      piece.rows = '';
      await lookups.load(namedIds(rows));
      prepared.push(prepare(rows.map((row) => cellsOf(row, lookups, cite))));
    }
    pieces.length = 0;
    return { prepared, last, full };
  };
  let next = read(null);
  try {
    for (;;) {
      const batch = await next;
      if (batch.full) next = read(batch.last);
      for (let piece = batch.prepared.shift(); piece !== undefined; piece = batch.prepared.shift()) yield piece;
      if (!batch.full) return;
    }
  } finally {
    // The reader went away with a batch under way: nobody waits for it, or for its failure.
    next.catch(() => undefined);
  }
}
