-- AlterTable
ALTER TABLE "ReportingCycle" ADD COLUMN     "allInstruments" BOOLEAN NOT NULL DEFAULT true;

-- ---------------------------------------------------------------------------------------------
-- Written by hand.

-- Existing cycles that do not cover every instrument were narrowed on purpose.
UPDATE "ReportingCycle" c SET "allInstruments" = false
WHERE EXISTS (SELECT 1 FROM "Instrument" i WHERE NOT EXISTS (
  SELECT 1 FROM "CycleInstrument" ci WHERE ci."cycleId" = c."id" AND ci."instrumentId" = i."id"));

-- An instrument added to the catalogue joins every planned or open cycle that covers all
-- instruments, whichever code path adds it (import, seed, command line).
CREATE FUNCTION "add_instrument_to_cycles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CycleInstrument" ("cycleId", "instrumentId")
    SELECT "id", NEW."id" FROM "ReportingCycle" WHERE "allInstruments" AND "state" <> 'CLOSED'
    ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Instrument_joins_cycles" AFTER INSERT ON "Instrument"
  FOR EACH ROW EXECUTE FUNCTION "add_instrument_to_cycles"();

-- An accepted report is history: it counts in summaries as it was accepted. Nothing changes or
-- deletes it (the workflow has no transition out of ACCEPTED).
CREATE FUNCTION "refuse_accepted_report_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'An accepted status report cannot be changed: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "StatusReport_accepted_is_final" BEFORE UPDATE OR DELETE ON "StatusReport"
  FOR EACH ROW WHEN (OLD."state" = 'ACCEPTED') EXECUTE FUNCTION "refuse_accepted_report_change"();
