// The benchmark's status reports, their timelines and evidence, written by PostgreSQL itself: one
// INSERT … SELECT per cycle over (entities in scope × BENCH commitments), every choice a hash of
// the codes (deterministic, no random), so a million rows take minutes. The database's own
// triggers still run: AcceptedStatus for every accepted report, the actor's address on every event.
import type pg from 'pg';

/** A number in [0, 1) from a text key, in SQL. */
const unit = (key: string) => `(('x' || substr(md5(${key}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

export type CycleToFill = { id: string; code: string; year: number; open: boolean };

/**
 * The reports of one cycle. A closed cycle: nearly every expected report, most accepted, a few
 * left returned, submitted or in draft when it closed; statuses improve from cycle to cycle. The
 * open cycle: a tenth not started, the rest drafts, submissions waiting for review, returns and
 * acceptances, written over the last sixty days.
 */
export async function insertReports(client: pg.ClientBase, cycle: CycleToFill, position: number, cycles: number, now: Date) {
  const key = (salt: string) => unit(`'${salt}:' || e."code" || ':' || c."reference" || ':' || $2::text`);
  const states = cycle.open
    ? `CASE WHEN k.u2 < 0.30 THEN 'DRAFT' WHEN k.u2 < 0.55 THEN 'SUBMITTED' WHEN k.u2 < 0.60 THEN 'RETURNED' ELSE 'ACCEPTED' END`
    : `CASE WHEN k.u2 < 0.94 THEN 'ACCEPTED' WHEN k.u2 < 0.97 THEN 'RETURNED' WHEN k.u2 < 0.99 THEN 'SUBMITTED' ELSE 'DRAFT' END`;
  // When the entity sat down to report: September to November of a closed cycle's year; the last sixty days of the open one.
  const sitting = cycle.open
    ? `($4::timestamptz - interval '60 days' + (k.u5 * 55) * interval '1 day')`
    : `(make_timestamptz($3::int, 9, 1, 8, 0, 0, 'UTC') + (k.u5 * 80) * interval '1 day' + (k.u6 * 9) * interval '1 hour')`;
  const progress = (position / Math.max(cycles - 1, 1)).toFixed(4);
  const result = await client.query(
    `WITH k AS (
       SELECT e."id" AS "entityId", e."code" AS "entityCode", c."id" AS "commitmentId", c."reference",
         ${key('cover')} AS u1, ${key('state')} AS u2, ${key('status')} AS u3, ${key('na')} AS u4, ${key('when')} AS u5, ${key('hour')} AS u6,
         ${unit(`'coverage:' || e."code"`)} AS coverage
       FROM "CycleEntity" ce
       JOIN "ReportingEntity" e ON e."id" = ce."entityId"
       JOIN "CycleInstrument" ci ON ci."cycleId" = ce."cycleId"
       JOIN "Commitment" c ON c."instrumentId" = ci."instrumentId"
       WHERE ce."cycleId" = $1 AND $3::int IS NOT NULL
     ), chosen AS (
       SELECT k.*, ${states} AS state, ${sitting} AS at,
         CASE WHEN k.u4 < 0.05 THEN 'NOT_APPLICABLE'
           ELSE (ARRAY['NOT_STARTED','IN_PROGRESS','SUBSTANTIALLY_IMPLEMENTED','FULLY_IMPLEMENTED'])[1 + least(3, floor(k.u3 * 3 + ${progress} * 1.5)::int)] END AS status
       FROM k WHERE k.u1 < ${cycle.open ? '0.90' : '0.90 + 0.1 * k.coverage'}
     )
     INSERT INTO "StatusReport" ("id", "entityId", "commitmentId", "cycleId", "status", "narrative", "asOf", "state", "version",
       "submittedAt", "submittedById", "reviewedAt", "reviewedById", "reviewComment", "updatedById", "createdAt", "updatedAt")
     SELECT 'bench' || substr(md5($1 || ch."entityId" || ch."commitmentId"), 1, 20), ch."entityId", ch."commitmentId", $1,
       CASE WHEN ch.state = 'DRAFT' AND ch.u4 > 0.8 THEN NULL ELSE ch.status::"ImplementationStatus" END,
       '[BENCH] Synthetic narrative of ' || ch."entityCode" || ' on ' || ch."reference" || ' for ' || $2::text || ': ' ||
         repeat('placeholder sentence about measures taken, partners involved and results observed (synthetic). ', 1 + floor(ch.u6 * 5)::int),
       CASE WHEN ch.state = 'DRAFT' THEN NULL ELSE ch.at::date END,
       ch.state::"WorkflowState",
       CASE ch.state WHEN 'DRAFT' THEN 1 WHEN 'SUBMITTED' THEN 2 ELSE 3 END,
       CASE WHEN ch.state = 'DRAFT' THEN NULL ELSE ch.at END,
       CASE WHEN ch.state = 'DRAFT' THEN NULL ELSE f."id" END,
       CASE WHEN ch.state IN ('RETURNED', 'ACCEPTED') THEN least(ch.at + (3 + ch.u3 * 20) * interval '1 day', $4::timestamptz) END,
       CASE WHEN ch.state IN ('RETURNED', 'ACCEPTED') THEN $5 END,
       CASE WHEN ch.state = 'RETURNED' THEN '[BENCH] Synthetic review comment: please add the date and one piece of evidence (placeholder).' END,
       f."id", ch.at - interval '2 days', ch.at
     FROM chosen ch JOIN "User" f ON f."entityId" = ch."entityId" AND f."email" LIKE 'bench-focal-%'`,
    [cycle.id, cycle.code, cycle.year, now.toISOString(), await reviewerId(client)],
  );
  return result.rowCount ?? 0;
}

async function reviewerId(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'bench-secretariat@bench.test'`);
  return rows[0]!.id;
}

/**
 * Each report's timeline as the workflow writes it: saved; then submitted; then returned or
 * accepted. Every event carries the report as it stood after it (the snapshot).
 */
export async function insertEvents(client: pg.ClientBase, cycleId: string) {
  const result = await client.query(
    `INSERT INTO "StatusEvent" ("id", "statusReportId", "type", "snapshot", "comment", "byId", "at")
     SELECT r."id" || '-' || step.n, r."id", step.type::"StatusEventType",
       jsonb_build_object('status', r."status", 'narrative', r."narrative", 'asOf', r."asOf", 'state', step.state, 'version', step.n)
         || CASE step.type WHEN 'SUBMITTED' THEN '{"evidence": [], "late": false}'::jsonb WHEN 'RETURNED' THEN '{}'::jsonb ELSE '{"evidence": []}'::jsonb END,
       CASE WHEN step.type = 'RETURNED' THEN r."reviewComment" END,
       CASE WHEN step.type IN ('RETURNED', 'ACCEPTED') THEN r."reviewedById" ELSE r."updatedById" END,
       CASE step.type WHEN 'SAVED' THEN r."createdAt" WHEN 'SUBMITTED' THEN r."submittedAt" ELSE r."reviewedAt" END
     FROM "StatusReport" r
     CROSS JOIN LATERAL (VALUES (1, 'SAVED', 'DRAFT'), (2, 'SUBMITTED', 'SUBMITTED'), (3, r."state"::text, r."state"::text)) AS step(n, type, state)
     WHERE r."cycleId" = $1 AND step.n <= r."version"`,
    [cycleId],
  );
  return result.rowCount ?? 0;
}

/**
 * Evidence: one report in twelve that was submitted cites a paragraph (accepted with the report,
 * waiting otherwise); every commitment has two accepted paragraphs of its own and one suggestion.
 */
export async function insertEvidence(client: pg.ClientBase) {
  const paragraphs = `(SELECT array_agg("id" ORDER BY "id") AS ids FROM "Paragraph")`;
  const pick = (key: string) => `p.ids[1 + floor(${unit(key)} * array_length(p.ids, 1))::int]`;
  const forReports = await client.query(
    `INSERT INTO "EvidenceLink" ("id", "commitmentId", "statusReportId", "kind", "paragraphId", "note", "origin", "state", "createdById", "createdAt", "decidedById", "decidedAt")
     SELECT r."id" || '-e', r."commitmentId", r."id", 'PARAGRAPH', ${pick(`'evidence:' || r."id"`)}, '[BENCH] Synthetic note (placeholder).', 'MANUAL',
       CASE WHEN r."state" = 'ACCEPTED' THEN 'ACCEPTED' ELSE 'SUGGESTED' END::"EvidenceState", r."updatedById", r."submittedAt",
       r."reviewedById", CASE WHEN r."state" = 'ACCEPTED' THEN r."reviewedAt" END
     FROM "StatusReport" r, ${paragraphs} p
     WHERE r."state" <> 'DRAFT' AND ${unit(`'cites:' || r."id"`)} < 1.0 / 12`,
  );
  const forCommitments = await client.query(
    `INSERT INTO "EvidenceLink" ("id", "commitmentId", "kind", "paragraphId", "origin", "state", "score", "createdById", "createdAt", "decidedById", "decidedAt")
     SELECT DISTINCT ON (c."id", link.paragraph) c."id" || '-c' || link.n, c."id", 'PARAGRAPH', link.paragraph, link.origin::"EvidenceOrigin", link.state::"EvidenceState", link.score,
       u."id", now() - interval '30 days', CASE WHEN link.state = 'ACCEPTED' THEN u."id" END, CASE WHEN link.state = 'ACCEPTED' THEN now() - interval '29 days' END
     FROM "Commitment" c CROSS JOIN ${paragraphs} p
     CROSS JOIN LATERAL (VALUES
       (1, ${pick(`'own1:' || c."id"`)}, 'MANUAL', 'ACCEPTED', NULL::float8),
       (2, ${pick(`'own2:' || c."id"`)}, 'MANUAL', 'ACCEPTED', NULL::float8),
       (3, ${pick(`'own3:' || c."id"`)}, 'SUGGESTED', 'SUGGESTED', 0.2)) AS link(n, paragraph, origin, state, score)
     JOIN "User" u ON u."email" = 'bench-secretariat@bench.test'
     JOIN "Instrument" i ON i."id" = c."instrumentId" AND i."code" = 'BENCH'
     ORDER BY c."id", link.paragraph, link.n`,
  );
  return (forReports.rowCount ?? 0) + (forCommitments.rowCount ?? 0);
}
