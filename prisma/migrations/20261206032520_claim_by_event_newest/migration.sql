-- DropIndex
DROP INDEX "Claim_eventId_idx";

-- CreateIndex
CREATE INDEX "Claim_eventId_id_idx" ON "Claim"("eventId", "id");
