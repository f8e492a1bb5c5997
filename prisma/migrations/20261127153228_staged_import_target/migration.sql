-- AlterTable
ALTER TABLE "StagedImport" DROP COLUMN "instrumentCode",
ADD COLUMN     "options" JSONB,
ADD COLUMN     "target" TEXT NOT NULL;
