-- AlterTable
ALTER TABLE "Commitment" DROP COLUMN "subheading",
ADD COLUMN     "subheading" JSONB;

-- AlterTable
ALTER TABLE "CommitmentText" ADD COLUMN     "importedByEmail" TEXT;

-- CreateTable
CREATE TABLE "InstrumentChapter" (
    "id" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" JSONB NOT NULL,

    CONSTRAINT "InstrumentChapter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentTextRevision" (
    "id" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "replacedById" TEXT,
    "replacedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitmentTextRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentRelation" (
    "id" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitmentRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StagedImport" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "instrumentCode" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StagedImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InstrumentChapter_instrumentId_number_key" ON "InstrumentChapter"("instrumentId", "number");

-- CreateIndex
CREATE INDEX "CommitmentTextRevision_commitmentId_locale_replacedAt_idx" ON "CommitmentTextRevision"("commitmentId", "locale", "replacedAt");

-- CreateIndex
CREATE INDEX "CommitmentRelation_toId_idx" ON "CommitmentRelation"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentRelation_fromId_toId_key" ON "CommitmentRelation"("fromId", "toId");

-- CreateIndex
CREATE INDEX "StagedImport_createdAt_idx" ON "StagedImport"("createdAt");

-- AddForeignKey
ALTER TABLE "InstrumentChapter" ADD CONSTRAINT "InstrumentChapter_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentTextRevision" ADD CONSTRAINT "CommitmentTextRevision_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentTextRevision" ADD CONSTRAINT "CommitmentTextRevision_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentRelation" ADD CONSTRAINT "CommitmentRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentRelation" ADD CONSTRAINT "CommitmentRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentRelation" ADD CONSTRAINT "CommitmentRelation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StagedImport" ADD CONSTRAINT "StagedImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
