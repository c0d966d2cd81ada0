-- Cross-article linking becomes its own stage after the article's write: linkedAt is null while it is pending.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "linkedAt" TIMESTAMPTZ(3);

-- Articles written so far were linked inside their write.
UPDATE "Article" SET "linkedAt" = "ingestedAt";

-- CreateIndex
CREATE INDEX "Article_workspaceId_linkedAt_idx" ON "Article"("workspaceId", "linkedAt");
