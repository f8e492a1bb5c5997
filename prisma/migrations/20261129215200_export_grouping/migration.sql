-- Written by hand (INCLUDE, which the Prisma schema cannot say).

-- The export of status reports (lib/exports/status-report-batches.ts) joins each report to its
-- accepted record, in the order of the reports' ids: with the grouping columns in the index, a
-- million rows are read from the index alone rather than one heap page each (14 s -> 12 s at full
-- scale in the benchmark).
CREATE INDEX "AcceptedStatus_statusReportId_grouping_idx" ON "AcceptedStatus" ("statusReportId")
  INCLUDE ("entityKind", "regionalGroup", "thematicAreaId", "acceptedAt");
