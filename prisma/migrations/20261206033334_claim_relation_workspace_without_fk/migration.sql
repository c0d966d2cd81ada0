-- DropForeignKey
ALTER TABLE "ClaimRelation" DROP CONSTRAINT "ClaimRelation_workspaceId_fkey";
