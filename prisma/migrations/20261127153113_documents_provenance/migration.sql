-- AlterTable
ALTER TABLE "SourceDocument" ADD COLUMN     "importedByEmail" TEXT,
ADD COLUMN     "sourceName" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Paragraph" ADD COLUMN     "textChangedAt" TIMESTAMPTZ(3);
