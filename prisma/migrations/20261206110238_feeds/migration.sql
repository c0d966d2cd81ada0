-- CreateTable
CREATE TABLE "Feed" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT,
    "title" TEXT,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextFetchAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFetchedAt" TIMESTAMPTZ(3),
    "lastStatus" INTEGER,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastErrorCode" TEXT,
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "articlesIngested" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Feed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedItem" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "feedId" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "articleId" INTEGER,
    "errorCode" TEXT,
    "error" TEXT,
    "seenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Feed_nextFetchAt_idx" ON "Feed"("nextFetchAt");

-- CreateIndex
CREATE UNIQUE INDEX "Feed_workspaceId_id_key" ON "Feed"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Feed_workspaceId_url_key" ON "Feed"("workspaceId", "url");

-- CreateIndex
CREATE INDEX "FeedItem_workspaceId_feedId_seenAt_idx" ON "FeedItem"("workspaceId", "feedId", "seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "FeedItem_feedId_url_key" ON "FeedItem"("feedId", "url");

-- AddForeignKey
ALTER TABLE "Feed" ADD CONSTRAINT "Feed_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedItem" ADD CONSTRAINT "FeedItem_workspaceId_feedId_fkey" FOREIGN KEY ("workspaceId", "feedId") REFERENCES "Feed"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
