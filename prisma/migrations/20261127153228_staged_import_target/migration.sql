-- Staged imports are drafts that live a day at most; they are dropped rather than given a target.
DELETE FROM "StagedImport";

-- AlterTable
ALTER TABLE "StagedImport" DROP COLUMN "instrumentCode",
ADD COLUMN     "options" JSONB,
ADD COLUMN     "target" TEXT NOT NULL;
