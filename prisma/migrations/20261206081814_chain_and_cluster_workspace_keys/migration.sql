-- DropForeignKey
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_clusterId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimAttribution" DROP CONSTRAINT "ClaimAttribution_actorId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimAttribution" DROP CONSTRAINT "ClaimAttribution_claimId_fkey";

-- DropIndex
DROP INDEX "ClaimCluster_workspaceId_idx";

-- Chain links carry their claim's workspace; one naming another workspace's actor keeps its label, not the actor.
ALTER TABLE "ClaimAttribution" ADD COLUMN "workspaceId" INTEGER;
UPDATE "ClaimAttribution" at SET "workspaceId" = c."workspaceId" FROM "Claim" c WHERE c.id = at."claimId";
UPDATE "ClaimAttribution" at SET "actorId" = NULL FROM "Actor" a WHERE a.id = at."actorId" AND a."workspaceId" <> at."workspaceId";
ALTER TABLE "ClaimAttribution" ALTER COLUMN "workspaceId" SET NOT NULL;

-- A claim in another workspace's cluster was never valid: it leaves the cluster.
UPDATE "Claim" c SET "clusterId" = NULL FROM "ClaimCluster" k WHERE k.id = c."clusterId" AND k."workspaceId" <> c."workspaceId";

-- CreateIndex
CREATE UNIQUE INDEX "ClaimCluster_workspaceId_id_key" ON "ClaimCluster"("workspaceId", "id");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_workspaceId_clusterId_fkey" FOREIGN KEY ("workspaceId", "clusterId") REFERENCES "ClaimCluster"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttribution" ADD CONSTRAINT "ClaimAttribution_workspaceId_claimId_fkey" FOREIGN KEY ("workspaceId", "claimId") REFERENCES "Claim"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttribution" ADD CONSTRAINT "ClaimAttribution_workspaceId_actorId_fkey" FOREIGN KEY ("workspaceId", "actorId") REFERENCES "Actor"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;
