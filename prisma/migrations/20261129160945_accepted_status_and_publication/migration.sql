-- CreateEnum
CREATE TYPE "PublicationAction" AS ENUM ('PUBLISH', 'UNPUBLISH');

-- CreateTable
CREATE TABLE "AcceptedStatus" (
    "statusReportId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "thematicAreaId" TEXT NOT NULL,
    "topAreaId" TEXT NOT NULL,
    "entityKind" "EntityKind" NOT NULL,
    "regionalGroup" "RegionalGroup",
    "m49RegionCode" TEXT,
    "status" "ImplementationStatus" NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AcceptedStatus_pkey" PRIMARY KEY ("statusReportId")
);

-- CreateTable
CREATE TABLE "SummaryPublication" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "PublicationAction" NOT NULL,
    "reason" TEXT,
    "figures" JSONB,
    "byId" TEXT,
    "byEmail" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SummaryPublication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AcceptedStatus_cycleId_topAreaId_status_idx" ON "AcceptedStatus"("cycleId", "topAreaId", "status");

-- CreateIndex
CREATE INDEX "AcceptedStatus_cycleId_thematicAreaId_status_idx" ON "AcceptedStatus"("cycleId", "thematicAreaId", "status");

-- CreateIndex
CREATE INDEX "AcceptedStatus_cycleId_commitmentId_status_idx" ON "AcceptedStatus"("cycleId", "commitmentId", "status");

-- CreateIndex
CREATE INDEX "AcceptedStatus_entityId_cycleId_idx" ON "AcceptedStatus"("entityId", "cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryPublication_cycleId_version_key" ON "SummaryPublication"("cycleId", "version");

-- AddForeignKey
ALTER TABLE "AcceptedStatus" ADD CONSTRAINT "AcceptedStatus_statusReportId_fkey" FOREIGN KEY ("statusReportId") REFERENCES "StatusReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedStatus" ADD CONSTRAINT "AcceptedStatus_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedStatus" ADD CONSTRAINT "AcceptedStatus_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "ReportingEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedStatus" ADD CONSTRAINT "AcceptedStatus_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedStatus" ADD CONSTRAINT "AcceptedStatus_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedStatus" ADD CONSTRAINT "AcceptedStatus_thematicAreaId_fkey" FOREIGN KEY ("thematicAreaId") REFERENCES "ThematicArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedStatus" ADD CONSTRAINT "AcceptedStatus_topAreaId_fkey" FOREIGN KEY ("topAreaId") REFERENCES "ThematicArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryPublication" ADD CONSTRAINT "SummaryPublication_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryPublication" ADD CONSTRAINT "SummaryPublication_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand.

-- The accepted record is written by the database when a report becomes ACCEPTED, whichever
-- path accepts it (the review, a bulk acceptance, a seed), grouped as things stand then.
CREATE FUNCTION "record_acceptance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."state" = 'ACCEPTED' AND (TG_OP = 'INSERT' OR OLD."state" <> 'ACCEPTED') THEN
    INSERT INTO "AcceptedStatus" (
      "statusReportId", "cycleId", "entityId", "commitmentId", "instrumentId", "thematicAreaId", "topAreaId",
      "entityKind", "regionalGroup", "m49RegionCode", "status", "acceptedAt")
    SELECT NEW."id", NEW."cycleId", NEW."entityId", NEW."commitmentId", c."instrumentId", c."thematicAreaId",
      COALESCE(a."parentId", a."id"), e."kind", e."regionalGroup", e."m49RegionCode", NEW."status",
      COALESCE(NEW."reviewedAt", CURRENT_TIMESTAMP)
    FROM "Commitment" c
    JOIN "ThematicArea" a ON a."id" = c."thematicAreaId"
    JOIN "ReportingEntity" e ON e."id" = NEW."entityId"
    WHERE c."id" = NEW."commitmentId";
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "StatusReport_records_acceptance" AFTER INSERT OR UPDATE OF "state" ON "StatusReport"
  FOR EACH ROW EXECUTE FUNCTION "record_acceptance"();

-- Reports accepted before this migration: their grouping as it stands now is the best there is.
INSERT INTO "AcceptedStatus" (
  "statusReportId", "cycleId", "entityId", "commitmentId", "instrumentId", "thematicAreaId", "topAreaId",
  "entityKind", "regionalGroup", "m49RegionCode", "status", "acceptedAt")
SELECT r."id", r."cycleId", r."entityId", r."commitmentId", c."instrumentId", c."thematicAreaId",
  COALESCE(a."parentId", a."id"), e."kind", e."regionalGroup", e."m49RegionCode", r."status",
  COALESCE(r."reviewedAt", r."updatedAt")
FROM "StatusReport" r
JOIN "Commitment" c ON c."id" = r."commitmentId"
JOIN "ThematicArea" a ON a."id" = c."thematicAreaId"
JOIN "ReportingEntity" e ON e."id" = r."entityId"
WHERE r."state" = 'ACCEPTED'
ON CONFLICT DO NOTHING;

-- Both are history: append-only, for every role.
CREATE TRIGGER "AcceptedStatus_append_only" BEFORE UPDATE OR DELETE ON "AcceptedStatus"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "AcceptedStatus_no_truncate" BEFORE TRUNCATE ON "AcceptedStatus"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "SummaryPublication_append_only" BEFORE UPDATE OR DELETE ON "SummaryPublication"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "SummaryPublication_no_truncate" BEFORE TRUNCATE ON "SummaryPublication"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

-- Who published is written down by the database, from the account (as for the timeline).
CREATE TRIGGER "SummaryPublication_by_email" BEFORE INSERT ON "SummaryPublication"
  FOR EACH ROW EXECUTE FUNCTION "remember_actor_email"();
