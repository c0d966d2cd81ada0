-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "slots" JSONB NOT NULL DEFAULT '[]';
