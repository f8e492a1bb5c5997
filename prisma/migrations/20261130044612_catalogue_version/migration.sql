-- CreateTable
CREATE TABLE "CatalogueVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CatalogueVersion_pkey" PRIMARY KEY ("id")
);
-- Written by hand.

-- The catalogue's version, replaced once per statement that changes what a cycle's commitments
-- are listed from (lib/catalogue/cycle-commitments.ts), or what an area's figures are counted
-- against besides the accepted reports (lib/summaries/figures-cache.ts): the cycles, their
-- frozen scope, the entities (kind, regional group, region) and the documents cited. All of them
-- change rarely. SECURITY DEFINER: the application role may not write the table itself
-- (lib/db/app-role.ts).
INSERT INTO "CatalogueVersion" ("id", "version") VALUES (1, gen_random_uuid()::text);

CREATE FUNCTION "raise_catalogue_version"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO "CatalogueVersion" ("id", "version") VALUES (1, gen_random_uuid()::text)
  ON CONFLICT ("id") DO UPDATE SET "version" = EXCLUDED."version";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Instrument_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Instrument"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "ThematicArea_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ThematicArea"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "Commitment_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Commitment"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "CommitmentText_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CommitmentText"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "CycleInstrument_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CycleInstrument"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "ReportingCycle_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReportingCycle"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "CycleCommitment_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CycleCommitment"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "ReportingEntity_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReportingEntity"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "SourceDocument_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SourceDocument"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "Paragraph_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Paragraph"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();

-- Evidence is counted in a cycle's figures too (the most cited paragraphs): a statement that links,
-- reviews or removes evidence raises the figures version of the cycles of the reports it touches.
CREATE FUNCTION "raise_figures_version_of_evidence"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO "CycleFiguresVersion" ("cycleId", "version")
    SELECT DISTINCT r."cycleId", 1 FROM changed c JOIN "StatusReport" r ON r."id" = c."statusReportId"
  ON CONFLICT ("cycleId") DO UPDATE SET "version" = "CycleFiguresVersion"."version" + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "EvidenceLink_added_raises_figures_version" AFTER INSERT ON "EvidenceLink"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version_of_evidence"();
CREATE TRIGGER "EvidenceLink_changed_raises_figures_version" AFTER UPDATE ON "EvidenceLink"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version_of_evidence"();
CREATE TRIGGER "EvidenceLink_removed_raises_figures_version" AFTER DELETE ON "EvidenceLink"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version_of_evidence"();
