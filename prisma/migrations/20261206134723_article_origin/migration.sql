-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "lshBands" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "minhash" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "originId" INTEGER,
ADD COLUMN     "shingleCount" INTEGER;

-- CreateIndex
CREATE INDEX "Article_lshBands_idx" ON "Article" USING GIN ("lshBands");

-- CreateIndex
CREATE INDEX "Article_originId_idx" ON "Article"("originId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_originId_fkey" FOREIGN KEY ("originId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;
