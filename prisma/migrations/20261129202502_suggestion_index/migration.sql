-- CreateTable
CREATE TABLE "ParagraphTerm" (
    "paragraphId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ParagraphTerm_pkey" PRIMARY KEY ("paragraphId","term")
);

-- CreateTable
CREATE TABLE "ParagraphVector" (
    "paragraphId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "termCount" INTEGER NOT NULL,
    "norm" DOUBLE PRECISION NOT NULL,
    "indexedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParagraphVector_pkey" PRIMARY KEY ("paragraphId")
);

-- CreateTable
CREATE TABLE "SuggestionIndex" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "stale" BOOLEAN NOT NULL DEFAULT true,
    "paragraphs" INTEGER NOT NULL DEFAULT 0,
    "termFrequencyWeights" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
    "inverseDocumentFrequencies" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionIndex_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ParagraphTerm_term_paragraphId_count_position_idx" ON "ParagraphTerm"("term", "paragraphId", "count", "position");

-- AddForeignKey
ALTER TABLE "ParagraphTerm" ADD CONSTRAINT "ParagraphTerm_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParagraphVector" ADD CONSTRAINT "ParagraphVector_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below.
ALTER TABLE "ParagraphTerm"
  ADD CONSTRAINT "ParagraphTerm_count_positive" CHECK ("count" >= 1),
  ADD CONSTRAINT "ParagraphTerm_position_not_negative" CHECK ("position" >= 0);
ALTER TABLE "SuggestionIndex" ADD CONSTRAINT "SuggestionIndex_one_row" CHECK ("id" = 1);
-- Every import rewrites every norm: room on each page lets PostgreSQL update the rows in place
-- (no index covers the norm), so the table does not grow with each import.
ALTER TABLE "ParagraphVector" SET (fillfactor = 50);

-- Stale from the start: the paragraphs imported so far have no words in the index (a migration
-- cannot run jieba). The suggestion path indexes them before it ranks, as it does any paragraph
-- written without the import.
INSERT INTO "SuggestionIndex" ("id", "stale") VALUES (1, true);

-- The index never describes a text the paragraph no longer has, whoever changes it: the changed
-- paragraph loses its words and its vector, and is indexed again by the import in the same
-- transaction, or by the suggestion path before it ranks.
CREATE FUNCTION "forget_paragraph_terms"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ParagraphVector" WHERE "paragraphId" = NEW."id";
  DELETE FROM "ParagraphTerm" WHERE "paragraphId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Paragraph_text_forgets_terms" AFTER UPDATE OF "text" ON "Paragraph"
  FOR EACH ROW WHEN (OLD."text" IS DISTINCT FROM NEW."text") EXECUTE FUNCTION "forget_paragraph_terms"();

-- Every norm depends on every paragraph: any paragraph added, deleted or rewritten makes the
-- index stale. Unconditionally, so that the write waits for whoever holds the row (an import, or
-- a catch-up) and marks it again after them, never before them.
CREATE FUNCTION "mark_suggestion_index_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SuggestionIndex" SET "stale" = true WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Paragraph_marks_index_stale" AFTER INSERT OR DELETE OR UPDATE OF "text" OR TRUNCATE ON "Paragraph"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_suggestion_index_stale"();
