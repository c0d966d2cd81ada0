-- DropIndex
DROP INDEX "Article_lshBands_idx";

-- AlterTable
ALTER TABLE "Article" DROP COLUMN "lshBands";

-- CreateTable
CREATE TABLE "ArticleBand" (
    "workspaceId" INTEGER NOT NULL,
    "band" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,

    CONSTRAINT "ArticleBand_pkey" PRIMARY KEY ("workspaceId","band","articleId")
);

-- CreateIndex
CREATE INDEX "ArticleBand_articleId_idx" ON "ArticleBand"("articleId");

-- AddForeignKey
ALTER TABLE "ArticleBand" ADD CONSTRAINT "ArticleBand_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
