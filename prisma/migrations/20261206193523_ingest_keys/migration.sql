-- CreateTable
CREATE TABLE "IngestKey" (
    "key" BIGINT NOT NULL,
    "lastExclusive" BIGINT,
    "lastShared" BIGINT,

    CONSTRAINT "IngestKey_pkey" PRIMARY KEY ("key")
);

-- Stage 1's natural keys (packages/ingest/src/service/locks.ts) were transaction-scoped advisory locks, held from the
-- first key to the commit. A key is now this row: the last transactions (ids) that held it exclusively and shared.
-- A writer updates it at its end and checks that no conflicting holder committed after it read.
