-- The article's publication time on each of its claims: the explorer orders claims newest publication first, and
-- with the date on the article a page walked articles by date and checked each of their claims against the filter.
ALTER TABLE "Claim" ADD COLUMN     "publishedAt" TIMESTAMPTZ(3);

-- Backfill before the triggers exist (one set-based update, no trigger per row).
UPDATE "Claim" c SET "publishedAt" = a."publishedAt" FROM "Article" a WHERE a.id = c."articleId" AND a."publishedAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Claim_workspaceId_publishedAt_id_idx" ON "Claim"("workspaceId", "publishedAt", "id");

-- Whoever writes a claim (ingestion, re-extraction, tests, imports), it takes its article's date.
CREATE FUNCTION "claimgraph_claim_published_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."publishedAt" := (SELECT a."publishedAt" FROM "Article" a WHERE a.id = NEW."articleId");
  RETURN NEW;
END $$;
CREATE TRIGGER "Claim_published_at" BEFORE INSERT OR UPDATE OF "articleId", "publishedAt" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "claimgraph_claim_published_at"();

-- An article's corrected date reaches its claims in the same transaction (only statements that set the date fire it).
CREATE FUNCTION "claimgraph_article_published_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" SET "publishedAt" = NEW."publishedAt" WHERE "articleId" = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Article_published_at" AFTER UPDATE OF "publishedAt" ON "Article"
  FOR EACH ROW WHEN (OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt") EXECUTE FUNCTION "claimgraph_article_published_at"();
