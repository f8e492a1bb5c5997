-- CreateTable
CREATE TABLE "CycleCommitment" (
    "cycleId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "thematicAreaId" TEXT NOT NULL,

    CONSTRAINT "CycleCommitment_pkey" PRIMARY KEY ("cycleId","commitmentId")
);

-- CreateIndex
CREATE INDEX "CycleCommitment_cycleId_thematicAreaId_idx" ON "CycleCommitment"("cycleId", "thematicAreaId");

-- AddForeignKey
ALTER TABLE "CycleCommitment" ADD CONSTRAINT "CycleCommitment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleCommitment" ADD CONSTRAINT "CycleCommitment_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleCommitment" ADD CONSTRAINT "CycleCommitment_thematicAreaId_fkey" FOREIGN KEY ("thematicAreaId") REFERENCES "ThematicArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: the cycles closed before this migration keep the catalogue as it stands now.
INSERT INTO "CycleCommitment" ("cycleId", "commitmentId", "thematicAreaId")
SELECT ci."cycleId", c."id", c."thematicAreaId"
FROM "ReportingCycle" rc
JOIN "CycleInstrument" ci ON ci."cycleId" = rc."id"
JOIN "Commitment" c ON c."instrumentId" = ci."instrumentId"
WHERE rc."state" = 'CLOSED'
ON CONFLICT DO NOTHING;
