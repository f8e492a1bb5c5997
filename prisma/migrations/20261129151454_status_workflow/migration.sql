-- DropForeignKey
ALTER TABLE "StatusEvent" DROP CONSTRAINT "StatusEvent_statusReportId_fkey";

-- DropForeignKey
ALTER TABLE "StatusEvent" DROP CONSTRAINT "StatusEvent_byId_fkey";

-- DropForeignKey
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_actorId_fkey";

-- DropIndex
DROP INDEX "StatusReport_cycleId_state_idx";

-- AlterTable
ALTER TABLE "StatusReport" ADD COLUMN     "asOf" DATE,
ADD COLUMN     "reviewComment" TEXT,
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "submittedById" TEXT;

-- AlterTable
ALTER TABLE "StatusEvent" ADD COLUMN     "byEmail" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorEmail" TEXT;

-- CreateTable
CREATE TABLE "CycleInstrument" (
    "cycleId" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,

    CONSTRAINT "CycleInstrument_pkey" PRIMARY KEY ("cycleId","instrumentId")
);

-- CreateTable
CREATE TABLE "CycleEntity" (
    "cycleId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,

    CONSTRAINT "CycleEntity_pkey" PRIMARY KEY ("cycleId","entityId")
);

-- CreateIndex
CREATE INDEX "CycleInstrument_instrumentId_idx" ON "CycleInstrument"("instrumentId");

-- CreateIndex
CREATE INDEX "CycleEntity_entityId_idx" ON "CycleEntity"("entityId");

-- CreateIndex
CREATE INDEX "StatusReport_cycleId_state_submittedAt_idx" ON "StatusReport"("cycleId", "state", "submittedAt");

-- CreateIndex
CREATE INDEX "StatusReport_entityId_commitmentId_idx" ON "StatusReport"("entityId", "commitmentId");

-- AddForeignKey
ALTER TABLE "CycleInstrument" ADD CONSTRAINT "CycleInstrument_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleInstrument" ADD CONSTRAINT "CycleInstrument_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleEntity" ADD CONSTRAINT "CycleEntity_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleEntity" ADD CONSTRAINT "CycleEntity_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "ReportingEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_statusReportId_fkey" FOREIGN KEY ("statusReportId") REFERENCES "StatusReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: what the Prisma schema cannot say.

-- History keeps who acted, as written, even if the account is renamed.
UPDATE "AuditEvent" a SET "actorEmail" = u."email" FROM "User" u WHERE a."actorId" = u."id" AND a."actorEmail" IS NULL;
UPDATE "StatusEvent" e SET "byEmail" = u."email" FROM "User" u WHERE e."byId" = u."id" AND e."byEmail" IS NULL;

-- Existing cycles cover every instrument and expect every active Member State and UN entity.
INSERT INTO "CycleInstrument" ("cycleId", "instrumentId")
  SELECT c."id", i."id" FROM "ReportingCycle" c CROSS JOIN "Instrument" i ON CONFLICT DO NOTHING;
INSERT INTO "CycleEntity" ("cycleId", "entityId")
  SELECT c."id", e."id" FROM "ReportingCycle" c CROSS JOIN "ReportingEntity" e
  WHERE e."active" AND e."kind" IN ('MEMBER_STATE', 'UN_ENTITY') ON CONFLICT DO NOTHING;

-- At most one open cycle.
CREATE UNIQUE INDEX "ReportingCycle_one_open" ON "ReportingCycle" ("state") WHERE "state" = 'OPEN';

ALTER TABLE "ReportingCycle"
  ADD CONSTRAINT "ReportingCycle_deadline_after_opening" CHECK ("closesAt" > "opensAt"),
  ADD CONSTRAINT "ReportingCycle_period_in_order" CHECK ("periodEnd" >= "periodStart");

ALTER TABLE "StatusReport"
  ADD CONSTRAINT "StatusReport_status_unless_draft" CHECK ("state" = 'DRAFT' OR "status" IS NOT NULL),
  ADD CONSTRAINT "StatusReport_narrative_length" CHECK (char_length("narrative") <= 10000),
  ADD CONSTRAINT "StatusReport_version_positive" CHECK ("version" >= 1),
  ADD CONSTRAINT "StatusReport_submitted_by" CHECK ("state" <> 'SUBMITTED' OR ("submittedAt" IS NOT NULL AND "submittedById" IS NOT NULL)),
  ADD CONSTRAINT "StatusReport_reviewed_by" CHECK ("state" NOT IN ('RETURNED', 'ACCEPTED') OR ("reviewedAt" IS NOT NULL AND "reviewedById" IS NOT NULL));

-- The timeline and the audit trail are append-only, for every database role: an UPDATE, DELETE
-- or TRUNCATE fails. (The application's own role also lacks those privileges: see the README.)
CREATE FUNCTION "refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "StatusEvent_append_only" BEFORE UPDATE OR DELETE ON "StatusEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "StatusEvent_no_truncate" BEFORE TRUNCATE ON "StatusEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

-- Who acted is written down at insert time, from the account as it is then, by the database
-- itself: no code path can forget it, and none can write another address than the account's.
CREATE FUNCTION "remember_actor_email"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'AuditEvent' THEN
    IF NEW."actorId" IS NOT NULL THEN
      SELECT "email" INTO NEW."actorEmail" FROM "User" WHERE "id" = NEW."actorId";
    END IF;
  ELSIF NEW."byId" IS NOT NULL THEN
    SELECT "email" INTO NEW."byEmail" FROM "User" WHERE "id" = NEW."byId";
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "AuditEvent_actor_email" BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "remember_actor_email"();
CREATE TRIGGER "StatusEvent_by_email" BEFORE INSERT ON "StatusEvent"
  FOR EACH ROW EXECUTE FUNCTION "remember_actor_email"();
