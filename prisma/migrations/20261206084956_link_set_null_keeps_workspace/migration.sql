-- Deleting an event, a cluster or an actor empties the claim's or chain link's reference to it, as before the
-- keys included the workspace: SET NULL names the one column, so workspaceId (part of other keys) stays.
-- DropForeignKey
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_workspaceId_clusterId_fkey";

-- DropForeignKey
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_workspaceId_eventId_fkey";

-- DropForeignKey
ALTER TABLE "ClaimAttribution" DROP CONSTRAINT "ClaimAttribution_workspaceId_actorId_fkey";

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_workspaceId_eventId_fkey" FOREIGN KEY ("workspaceId", "eventId") REFERENCES "Event"("workspaceId", "id") ON DELETE SET NULL ("eventId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_workspaceId_clusterId_fkey" FOREIGN KEY ("workspaceId", "clusterId") REFERENCES "ClaimCluster"("workspaceId", "id") ON DELETE SET NULL ("clusterId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttribution" ADD CONSTRAINT "ClaimAttribution_workspaceId_actorId_fkey" FOREIGN KEY ("workspaceId", "actorId") REFERENCES "Actor"("workspaceId", "id") ON DELETE SET NULL ("actorId") ON UPDATE CASCADE;
