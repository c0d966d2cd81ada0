-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "storyTerms" TEXT[] DEFAULT ARRAY[]::TEXT[];
