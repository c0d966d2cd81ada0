-- DropForeignKey
ALTER TABLE "ActorAlias" DROP CONSTRAINT "ActorAlias_actorId_fkey";

-- DropForeignKey
ALTER TABLE "Article" DROP CONSTRAINT "Article_sourceId_fkey";

-- DropForeignKey
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_articleId_fkey";

-- DropForeignKey
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_eventId_fkey";

-- DropForeignKey
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_sourceId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimActor" DROP CONSTRAINT "ClaimActor_actorId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimActor" DROP CONSTRAINT "ClaimActor_claimId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimRelation" DROP CONSTRAINT "ClaimRelation_fromClaimId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimRelation" DROP CONSTRAINT "ClaimRelation_toClaimId_fkey";

-- DropForeignKey
ALTER TABLE "EventActor" DROP CONSTRAINT "EventActor_actorId_fkey";

-- DropForeignKey
ALTER TABLE "EventActor" DROP CONSTRAINT "EventActor_eventId_fkey";

-- DropForeignKey
ALTER TABLE "EventMention" DROP CONSTRAINT "EventMention_articleId_fkey";

-- DropForeignKey
ALTER TABLE "EventMention" DROP CONSTRAINT "EventMention_eventId_fkey";

-- DropIndex
DROP INDEX "Claim_workspaceId_id_idx";

-- DropIndex
DROP INDEX "Source_domain_key";

-- DropIndex
DROP INDEX "Source_slug_key";

-- Links carry their workspace: filled from the row they hang on. A link that crossed workspaces was never
-- valid (ingestion and the API only link rows of one workspace); it is dropped, as the new keys refuse it.
ALTER TABLE "ClaimActor" ADD COLUMN "workspaceId" INTEGER;
UPDATE "ClaimActor" ca SET "workspaceId" = c."workspaceId" FROM "Claim" c WHERE c.id = ca."claimId";
DELETE FROM "ClaimActor" ca USING "Actor" a WHERE a.id = ca."actorId" AND a."workspaceId" <> ca."workspaceId";
ALTER TABLE "ClaimActor" ALTER COLUMN "workspaceId" SET NOT NULL;

ALTER TABLE "EventActor" ADD COLUMN "workspaceId" INTEGER;
UPDATE "EventActor" ea SET "workspaceId" = e."workspaceId" FROM "Event" e WHERE e.id = ea."eventId";
DELETE FROM "EventActor" ea USING "Actor" a WHERE a.id = ea."actorId" AND a."workspaceId" <> ea."workspaceId";
ALTER TABLE "EventActor" ALTER COLUMN "workspaceId" SET NOT NULL;

ALTER TABLE "EventMention" ADD COLUMN "workspaceId" INTEGER;
UPDATE "EventMention" m SET "workspaceId" = e."workspaceId" FROM "Event" e WHERE e.id = m."eventId";
DELETE FROM "EventMention" m USING "Article" a WHERE a.id = m."articleId" AND a."workspaceId" <> m."workspaceId";
ALTER TABLE "EventMention" ALTER COLUMN "workspaceId" SET NOT NULL;

UPDATE "ActorAlias" al SET "workspaceId" = a."workspaceId" FROM "Actor" a WHERE a.id = al."actorId" AND a."workspaceId" <> al."workspaceId";
DELETE FROM "Claim" c USING "Article" a WHERE a.id = c."articleId" AND a."workspaceId" <> c."workspaceId";
UPDATE "Claim" c SET "eventId" = NULL FROM "Event" e WHERE e.id = c."eventId" AND e."workspaceId" <> c."workspaceId";
DELETE FROM "ClaimRelation" r USING "Claim" f, "Claim" t
 WHERE f.id = r."fromClaimId" AND t.id = r."toClaimId" AND (f."workspaceId" <> r."workspaceId" OR t."workspaceId" <> r."workspaceId");

-- Outlets become a workspace's own. Those of the starter registry (its outlets at this version, and any outlet
-- with a shared label) stay shared. Every other outlet goes to the workspaces that use it (articles, claims,
-- chains, own labels): the first of them keeps the row, each other one gets a copy its rows are moved to.
ALTER TABLE "Source" ADD COLUMN "workspaceId" INTEGER;

CREATE TEMP TABLE "_source_use" ON COMMIT DROP AS
  SELECT "sourceId" AS sid, "workspaceId" AS ws FROM "Article"
  UNION SELECT "sourceId", "workspaceId" FROM "Claim"
  UNION SELECT at."sourceId", c."workspaceId" FROM "ClaimAttribution" at JOIN "Claim" c ON c.id = at."claimId" WHERE at."sourceId" IS NOT NULL
  UNION SELECT "sourceId", "workspaceId" FROM "BiasLabel" WHERE "workspaceId" IS NOT NULL;
DELETE FROM "_source_use" u USING "Source" s
 WHERE s.id = u.sid
   AND (s.slug = ANY(ARRAY['cgtn', 'cctv', 'xinhua-news-agency', 'china-daily', 'global-times', 'people-daily', 'press-tv', 'irib', 'irna', 'tasnim-news-agency', 'fars-news-agency', 'mehr-news-agency', 'rt', 'tass', 'sputnik', 'al-jazeera', 'trt-world', 'anadolu-agency', 'al-arabiya', 'the-times-of-israel', 'haaretz', 'the-jerusalem-post', 'ynetnews', 'israel-hayom', 'i24news', 'kan', 'times-of-jerusalem', 'american-military-news', 'nbc-news', 'cbs-news', 'abc-news', 'cnn', 'fox-news', 'the-new-york-times', 'the-washington-post', 'the-wall-street-journal', 'npr', 'politico', 'axios', 'newsweek', 'bloomberg', 'associated-press', 'reuters', 'agence-france-presse', 'bbc-news', 'the-guardian', 'sky-news', 'financial-times', 'the-independent', 'deutsche-welle', 'france-24', 'euronews', 'streamnews']::text[])
        OR EXISTS (SELECT 1 FROM "BiasLabel" bl WHERE bl."sourceId" = s.id AND bl."workspaceId" IS NULL));

UPDATE "Source" s SET "workspaceId" = u.ws FROM (SELECT sid, min(ws) AS ws FROM "_source_use" GROUP BY sid) u WHERE u.sid = s.id;

CREATE TEMP TABLE "_source_copy" ON COMMIT DROP AS
  SELECT u.sid, u.ws, nextval(pg_get_serial_sequence('"Source"', 'id'))::int AS id
    FROM "_source_use" u JOIN "Source" s ON s.id = u.sid WHERE u.ws <> s."workspaceId";
INSERT INTO "Source" (id, "workspaceId", slug, name, domain, domains, country, ownership, "createdAt")
  SELECT c.id, c.ws, s.slug, s.name, s.domain, s.domains, s.country, s.ownership, s."createdAt" FROM "_source_copy" c JOIN "Source" s ON s.id = c.sid;
UPDATE "Article" a SET "sourceId" = c.id FROM "_source_copy" c WHERE a."sourceId" = c.sid AND a."workspaceId" = c.ws;
UPDATE "Claim" x SET "sourceId" = c.id FROM "_source_copy" c WHERE x."sourceId" = c.sid AND x."workspaceId" = c.ws;
UPDATE "ClaimAttribution" at SET "sourceId" = c.id FROM "_source_copy" c, "Claim" x
 WHERE x.id = at."claimId" AND at."sourceId" = c.sid AND x."workspaceId" = c.ws;
UPDATE "BiasLabel" bl SET "sourceId" = c.id FROM "_source_copy" c WHERE bl."sourceId" = c.sid AND bl."workspaceId" = c.ws;

-- Outlets nobody uses that are not the registry's: no workspace could see them any more.
DELETE FROM "Source" s
 WHERE s."workspaceId" IS NULL AND s.id NOT IN (SELECT sid FROM "_source_use")
   AND NOT (s.slug = ANY(ARRAY['cgtn', 'cctv', 'xinhua-news-agency', 'china-daily', 'global-times', 'people-daily', 'press-tv', 'irib', 'irna', 'tasnim-news-agency', 'fars-news-agency', 'mehr-news-agency', 'rt', 'tass', 'sputnik', 'al-jazeera', 'trt-world', 'anadolu-agency', 'al-arabiya', 'the-times-of-israel', 'haaretz', 'the-jerusalem-post', 'ynetnews', 'israel-hayom', 'i24news', 'kan', 'times-of-jerusalem', 'american-military-news', 'nbc-news', 'cbs-news', 'abc-news', 'cnn', 'fox-news', 'the-new-york-times', 'the-washington-post', 'the-wall-street-journal', 'npr', 'politico', 'axios', 'newsweek', 'bloomberg', 'associated-press', 'reuters', 'agence-france-presse', 'bbc-news', 'the-guardian', 'sky-news', 'financial-times', 'the-independent', 'deutsche-welle', 'france-24', 'euronews', 'streamnews']::text[]))
   AND NOT EXISTS (SELECT 1 FROM "BiasLabel" bl WHERE bl."sourceId" = s.id AND bl."workspaceId" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "Actor_workspaceId_id_key" ON "Actor"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Article_workspaceId_id_key" ON "Article"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_workspaceId_id_key" ON "Claim"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Event_workspaceId_id_key" ON "Event"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Source_workspaceId_slug_key" ON "Source"("workspaceId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Source_workspaceId_domain_key" ON "Source"("workspaceId", "domain");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_workspaceId_actorId_fkey" FOREIGN KEY ("workspaceId", "actorId") REFERENCES "Actor"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_workspaceId_eventId_fkey" FOREIGN KEY ("workspaceId", "eventId") REFERENCES "Event"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_workspaceId_actorId_fkey" FOREIGN KEY ("workspaceId", "actorId") REFERENCES "Actor"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_workspaceId_eventId_fkey" FOREIGN KEY ("workspaceId", "eventId") REFERENCES "Event"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_workspaceId_articleId_fkey" FOREIGN KEY ("workspaceId", "articleId") REFERENCES "Article"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_workspaceId_articleId_fkey" FOREIGN KEY ("workspaceId", "articleId") REFERENCES "Article"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_workspaceId_eventId_fkey" FOREIGN KEY ("workspaceId", "eventId") REFERENCES "Event"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimActor" ADD CONSTRAINT "ClaimActor_workspaceId_claimId_fkey" FOREIGN KEY ("workspaceId", "claimId") REFERENCES "Claim"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimActor" ADD CONSTRAINT "ClaimActor_workspaceId_actorId_fkey" FOREIGN KEY ("workspaceId", "actorId") REFERENCES "Actor"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimRelation" ADD CONSTRAINT "ClaimRelation_workspaceId_fromClaimId_fkey" FOREIGN KEY ("workspaceId", "fromClaimId") REFERENCES "Claim"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimRelation" ADD CONSTRAINT "ClaimRelation_workspaceId_toClaimId_fkey" FOREIGN KEY ("workspaceId", "toClaimId") REFERENCES "Claim"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
