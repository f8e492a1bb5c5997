-- AlterTable
ALTER TABLE "EvidenceLink" ADD COLUMN     "decisionComment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "entityId" TEXT,
ADD COLUMN     "removalReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "removalRequestedAt" TIMESTAMPTZ(3),
ADD COLUMN     "removalRequestedById" TEXT,
ADD COLUMN     "removedAt" TIMESTAMPTZ(3),
ADD COLUMN     "removedById" TEXT;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "ReportingEntity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_removalRequestedById_fkey" FOREIGN KEY ("removalRequestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Commitment-level evidence a focal point linked belongs to that focal point's entity.
UPDATE "EvidenceLink" l SET "entityId" = u."entityId"
FROM "User" u
WHERE l."createdById" = u."id" AND l."origin" = 'MANUAL' AND l."statusReportId" IS NULL AND u."role" = 'FOCAL_POINT';
