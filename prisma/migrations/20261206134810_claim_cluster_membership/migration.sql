-- Corroboration becomes cluster membership: a clustered claim carries the reason it joined, and no
-- CORROBORATES row is stored per pair any more (contradictions stay pairwise rows).
-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "clusterReason" TEXT;

-- A clustered claim's reason: its earliest stored corroboration.
UPDATE "Claim" c SET "clusterReason" = r.reason
  FROM (SELECT DISTINCT ON (claim) claim, reason
          FROM (SELECT "fromClaimId" AS claim, reason, id FROM "ClaimRelation" WHERE kind = 'CORROBORATES'
                UNION ALL SELECT "toClaimId", reason, id FROM "ClaimRelation" WHERE kind = 'CORROBORATES') x
         ORDER BY claim, id) r
 WHERE c.id = r.claim AND c."clusterId" IS NOT NULL;

-- A claim that was in a cluster only through a contradiction (the ingest stage no longer clusters by them) leaves it.
UPDATE "Claim" SET "clusterId" = NULL WHERE "clusterId" IS NOT NULL AND "clusterReason" IS NULL;

-- A cluster left with claims of one article or none states nothing across outlets.
UPDATE "Claim" c SET "clusterId" = NULL, "clusterReason" = NULL
 WHERE c."clusterId" IN (SELECT "clusterId" FROM "Claim" WHERE "clusterId" IS NOT NULL GROUP BY "clusterId" HAVING count(DISTINCT "articleId") < 2);
DELETE FROM "ClaimCluster" cc WHERE NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."clusterId" = cc.id);

DELETE FROM "ClaimRelation" WHERE kind = 'CORROBORATES';
