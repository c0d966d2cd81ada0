-- DropIndex
DROP INDEX "EventActor_actorId_idx";

-- CreateIndex
CREATE INDEX "EventActor_actorId_eventId_idx" ON "EventActor"("actorId", "eventId");
