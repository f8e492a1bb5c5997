-- CreateIndex
CREATE INDEX "EvidenceLink_entityId_idx" ON "EvidenceLink"("entityId");

-- CreateIndex
CREATE INDEX "EvidenceLink_removedById_idx" ON "EvidenceLink"("removedById");

-- CreateIndex
CREATE INDEX "EvidenceLink_removalRequestedById_idx" ON "EvidenceLink"("removalRequestedById");

-- What waits for the secretariat (lib/dashboard/queries.ts): the commitment's own evidence still
-- suggested (focal points' proposals, origin MANUAL; suggestions, origin SUGGESTED), and accepted
-- evidence someone asked to remove. Small sets in a table that grows with the reports: partial indexes.
CREATE INDEX "EvidenceLink_pending_idx" ON "EvidenceLink" ("origin", "commitmentId", "createdAt")
  WHERE "state" = 'SUGGESTED' AND "statusReportId" IS NULL AND "removedAt" IS NULL;
CREATE INDEX "EvidenceLink_removal_requested_idx" ON "EvidenceLink" ("removalRequestedAt")
  WHERE "removalRequestedAt" IS NOT NULL AND "removedAt" IS NULL AND "statusReportId" IS NULL;
