-- CreateTable
CREATE TABLE "CatalogueVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CatalogueVersion_pkey" PRIMARY KEY ("id")
);
-- Written by hand.

-- The catalogue's version, replaced by any transaction that changes what a cycle's commitments
-- are listed from (lib/catalogue/cycle-commitments.ts), or what an area's figures are counted
-- against besides the accepted reports (lib/summaries/figures-cache.ts): the cycles, their frozen
-- scope, the entities (kind, regional group, region) and the documents cited. All of them change
-- rarely. SECURITY DEFINER: the application role may not write the table itself
-- (lib/db/app-role.ts).
INSERT INTO "CatalogueVersion" ("id", "version") VALUES (1, gen_random_uuid()::text);

-- Once per transaction, when it commits (deferred triggers): readers only ever see committed
-- versions, so one new value per transaction is enough, and the row is locked only for the moment
-- of the commit. Locked from the first change, a long document import would hold up every other
-- change of the catalogue (opening a cycle, editing an entity) until it ended.
CREATE FUNCTION "raise_catalogue_version"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF current_setting('tracker.catalogue_version_raised', true) = txid_current()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('tracker.catalogue_version_raised', txid_current()::text, true);
  INSERT INTO "CatalogueVersion" ("id", "version") VALUES (1, gen_random_uuid()::text)
  ON CONFLICT ("id") DO UPDATE SET "version" = EXCLUDED."version";
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Instrument_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Instrument"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "Instrument_truncated_raises_catalogue_version" AFTER TRUNCATE ON "Instrument"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE CONSTRAINT TRIGGER "ThematicArea_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "ThematicArea"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "ThematicArea_truncated_raises_catalogue_version" AFTER TRUNCATE ON "ThematicArea"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE CONSTRAINT TRIGGER "Commitment_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Commitment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "Commitment_truncated_raises_catalogue_version" AFTER TRUNCATE ON "Commitment"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE CONSTRAINT TRIGGER "CommitmentText_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "CommitmentText"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "CommitmentText_truncated_raises_catalogue_version" AFTER TRUNCATE ON "CommitmentText"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE CONSTRAINT TRIGGER "CycleInstrument_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "CycleInstrument"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "CycleInstrument_truncated_raises_catalogue_version" AFTER TRUNCATE ON "CycleInstrument"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE CONSTRAINT TRIGGER "ReportingCycle_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "ReportingCycle"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "ReportingCycle_truncated_raises_catalogue_version" AFTER TRUNCATE ON "ReportingCycle"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE CONSTRAINT TRIGGER "CycleCommitment_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "CycleCommitment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "CycleCommitment_truncated_raises_catalogue_version" AFTER TRUNCATE ON "CycleCommitment"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE CONSTRAINT TRIGGER "ReportingEntity_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "ReportingEntity"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "ReportingEntity_truncated_raises_catalogue_version" AFTER TRUNCATE ON "ReportingEntity"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE CONSTRAINT TRIGGER "SourceDocument_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "SourceDocument"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "SourceDocument_truncated_raises_catalogue_version" AFTER TRUNCATE ON "SourceDocument"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
CREATE CONSTRAINT TRIGGER "Paragraph_raises_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Paragraph"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_catalogue_version"();
CREATE TRIGGER "Paragraph_truncated_raises_catalogue_version" AFTER TRUNCATE ON "Paragraph"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();

-- Evidence is counted in a cycle's figures too (the paragraphs most cited by accepted reports): a
-- statement that changes the evidence of an accepted report raises the figures version of its
-- cycle. Evidence of drafts counts only once they are accepted, which raises the version anyway.
CREATE FUNCTION "raise_figures_version_of_evidence"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO "CycleFiguresVersion" ("cycleId", "version")
    SELECT DISTINCT a."cycleId", 1 FROM changed c JOIN "AcceptedStatus" a ON a."statusReportId" = c."statusReportId"
  ON CONFLICT ("cycleId") DO UPDATE SET "version" = "CycleFiguresVersion"."version" + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "EvidenceLink_added_raises_figures_version" AFTER INSERT ON "EvidenceLink"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version_of_evidence"();
-- An update counts for the report a link named before and the one it names after.
CREATE FUNCTION "raise_figures_version_of_changed_evidence"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO "CycleFiguresVersion" ("cycleId", "version")
    SELECT DISTINCT a."cycleId", 1 FROM (SELECT "statusReportId" FROM changed UNION SELECT "statusReportId" FROM was) c
    JOIN "AcceptedStatus" a ON a."statusReportId" = c."statusReportId"
  ON CONFLICT ("cycleId") DO UPDATE SET "version" = "CycleFiguresVersion"."version" + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER "EvidenceLink_changed_raises_figures_version" AFTER UPDATE ON "EvidenceLink"
  REFERENCING OLD TABLE AS was NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version_of_changed_evidence"();
CREATE TRIGGER "EvidenceLink_removed_raises_figures_version" AFTER DELETE ON "EvidenceLink"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version_of_evidence"();

-- The expected entities changed in place, and tables emptied at once (tests, restores): every
-- cycle's figures version is raised.
CREATE FUNCTION "raise_figures_version_of_changed_scope"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO "CycleFiguresVersion" ("cycleId", "version")
    SELECT DISTINCT "cycleId", 1 FROM (SELECT "cycleId" FROM changed UNION SELECT "cycleId" FROM was) c
  ON CONFLICT ("cycleId") DO UPDATE SET "version" = "CycleFiguresVersion"."version" + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER "CycleEntity_changed_raises_figures_version" AFTER UPDATE ON "CycleEntity"
  REFERENCING OLD TABLE AS was NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "raise_figures_version_of_changed_scope"();

CREATE FUNCTION "raise_every_figures_version"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO "CycleFiguresVersion" ("cycleId", "version")
    SELECT "id", 1 FROM "ReportingCycle"
  ON CONFLICT ("cycleId") DO UPDATE SET "version" = "CycleFiguresVersion"."version" + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "CycleEntity_truncated_raises_figures_versions" AFTER TRUNCATE ON "CycleEntity"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_every_figures_version"();
CREATE TRIGGER "EvidenceLink_truncated_raises_figures_versions" AFTER TRUNCATE ON "EvidenceLink"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_every_figures_version"();
