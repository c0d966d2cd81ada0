-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'EDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "Ownership" AS ENUM ('STATE', 'PUBLIC', 'PRIVATE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('EXACT', 'DAY', 'MONTH', 'YEAR', 'APPROXIMATE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'ORGANIZATION', 'STATE', 'ARMED_GROUP', 'COMPANY', 'MEDIA', 'OTHER');

-- CreateEnum
CREATE TYPE "AliasKind" AS ENUM ('CANONICAL', 'VARIANT', 'SURNAME', 'ACRONYM', 'TITLE', 'DEMONYM', 'CAPITAL', 'TYPO', 'OTHER');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('ATTACK', 'STRIKE', 'KILLING', 'MEETING', 'STATEMENT', 'COORDINATION', 'PROTEST', 'CRASH', 'INVESTIGATION', 'OTHER');

-- CreateEnum
CREATE TYPE "EventRole" AS ENUM ('AGENT', 'TARGET', 'VICTIM', 'LOCATION_OWNER', 'PARTICIPANT');

-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('REPORTED', 'ALLEGED', 'CONFIRMED', 'DENIED', 'ADMITTED', 'OPINION', 'QUOTED_STATEMENT');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('UNREVIEWED', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "AttributionKind" AS ENUM ('OUTLET', 'PERSON', 'ORGANIZATION', 'OFFICIAL', 'ANONYMOUS', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "ClaimActorRole" AS ENUM ('SUBJECT', 'OBJECT', 'MENTIONED');

-- CreateEnum
CREATE TYPE "RelationKind" AS ENUM ('SAME_AS', 'CORROBORATES', 'CONTRADICTS');

-- CreateTable
CREATE TABLE "Workspace" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" INTEGER,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" INTEGER,
    "userId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "domains" TEXT[],
    "country" TEXT,
    "ownership" "Ownership" NOT NULL DEFAULT 'UNKNOWN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BiasLabel" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "workspaceId" INTEGER,
    "scheme" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "rater" TEXT NOT NULL,
    "assertedAt" TIMESTAMPTZ(3),
    "url" TEXT,
    "note" TEXT,
    "retiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BiasLabel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "url" TEXT,
    "canonicalUrl" TEXT,
    "title" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedPrecision" "DatePrecision" NOT NULL DEFAULT 'UNKNOWN',
    "language" TEXT,
    "body" TEXT NOT NULL,
    "removedLines" TEXT[],
    "contentHash" TEXT NOT NULL,
    "extractorVersion" TEXT NOT NULL,
    "warnings" TEXT[],
    "ingestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchVector" tsvector,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "canonicalName" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorAlias" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "kind" "AliasKind" NOT NULL DEFAULT 'VARIANT',
    "language" TEXT,

    CONSTRAINT "ActorAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "type" "EventType" NOT NULL,
    "summary" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3),
    "occurredPrecision" "DatePrecision" NOT NULL DEFAULT 'UNKNOWN',
    "place" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventActor" (
    "eventId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "role" "EventRole" NOT NULL,

    CONSTRAINT "EventActor_pkey" PRIMARY KEY ("eventId","actorId","role")
);

-- CreateTable
CREATE TABLE "EventMention" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "surface" TEXT NOT NULL,
    "dateText" TEXT,
    "start" INTEGER,
    "end" INTEGER,

    CONSTRAINT "EventMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimCluster" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimCluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "extractionKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "evidenceStart" INTEGER NOT NULL,
    "evidenceEnd" INTEGER NOT NULL,
    "modality" "Modality" NOT NULL,
    "eventId" INTEGER,
    "clusterId" INTEGER,
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'UNREVIEWED',
    "reviewNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchVector" tsvector,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimAttribution" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "AttributionKind" NOT NULL,
    "label" TEXT NOT NULL,
    "actorId" INTEGER,
    "sourceId" INTEGER,

    CONSTRAINT "ClaimAttribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimActor" (
    "claimId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "role" "ClaimActorRole" NOT NULL,

    CONSTRAINT "ClaimActor_pkey" PRIMARY KEY ("claimId","actorId","role")
);

-- CreateTable
CREATE TABLE "ClaimRelation" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "fromClaimId" INTEGER NOT NULL,
    "toClaimId" INTEGER NOT NULL,
    "kind" "RelationKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "slot" TEXT NOT NULL DEFAULT '',
    "fromValue" TEXT,
    "toValue" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" SERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "userId" INTEGER,
    "entityType" TEXT NOT NULL,
    "entityKey" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_workspaceId_userId_key" ON "Membership"("workspaceId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_workspaceId_idx" ON "Invitation"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_workspaceId_idx" ON "ApiToken"("workspaceId");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_workspaceId_createdAt_idx" ON "AuditLog"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Source_domain_key" ON "Source"("domain");

-- CreateIndex
CREATE INDEX "Source_domains_idx" ON "Source" USING GIN ("domains");

-- CreateIndex
CREATE INDEX "BiasLabel_scheme_value_sourceId_idx" ON "BiasLabel"("scheme", "value", "sourceId");

-- CreateIndex
CREATE INDEX "BiasLabel_sourceId_idx" ON "BiasLabel"("sourceId");

-- CreateIndex
CREATE INDEX "BiasLabel_workspaceId_idx" ON "BiasLabel"("workspaceId");

-- CreateIndex
CREATE INDEX "Article_workspaceId_publishedAt_idx" ON "Article"("workspaceId", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_sourceId_idx" ON "Article"("sourceId");

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "Article_workspaceId_contentHash_key" ON "Article"("workspaceId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "Article_workspaceId_canonicalUrl_key" ON "Article"("workspaceId", "canonicalUrl");

-- CreateIndex
CREATE INDEX "Actor_workspaceId_canonicalName_idx" ON "Actor"("workspaceId", "canonicalName");

-- CreateIndex
CREATE INDEX "ActorAlias_workspaceId_normalized_idx" ON "ActorAlias"("workspaceId", "normalized");

-- CreateIndex
CREATE UNIQUE INDEX "ActorAlias_actorId_normalized_key" ON "ActorAlias"("actorId", "normalized");

-- CreateIndex
CREATE INDEX "Event_workspaceId_occurredAt_idx" ON "Event"("workspaceId", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_workspaceId_type_idx" ON "Event"("workspaceId", "type");

-- CreateIndex
CREATE INDEX "EventActor_actorId_idx" ON "EventActor"("actorId");

-- CreateIndex
CREATE INDEX "EventMention_articleId_idx" ON "EventMention"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "EventMention_eventId_articleId_surface_key" ON "EventMention"("eventId", "articleId", "surface");

-- CreateIndex
CREATE INDEX "ClaimCluster_workspaceId_idx" ON "ClaimCluster"("workspaceId");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_id_idx" ON "Claim"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "Claim_sourceId_idx" ON "Claim"("sourceId");

-- CreateIndex
CREATE INDEX "Claim_eventId_idx" ON "Claim"("eventId");

-- CreateIndex
CREATE INDEX "Claim_clusterId_idx" ON "Claim"("clusterId");

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_articleId_extractionKey_key" ON "Claim"("articleId", "extractionKey");

-- CreateIndex
CREATE INDEX "ClaimAttribution_actorId_idx" ON "ClaimAttribution"("actorId");

-- CreateIndex
CREATE INDEX "ClaimAttribution_sourceId_idx" ON "ClaimAttribution"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimAttribution_claimId_position_key" ON "ClaimAttribution"("claimId", "position");

-- CreateIndex
CREATE INDEX "ClaimActor_actorId_claimId_idx" ON "ClaimActor"("actorId", "claimId");

-- CreateIndex
CREATE INDEX "ClaimRelation_toClaimId_idx" ON "ClaimRelation"("toClaimId");

-- CreateIndex
CREATE INDEX "ClaimRelation_workspaceId_kind_idx" ON "ClaimRelation"("workspaceId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimRelation_fromClaimId_toClaimId_kind_slot_key" ON "ClaimRelation"("fromClaimId", "toClaimId", "kind", "slot");

-- CreateIndex
CREATE INDEX "Correction_workspaceId_entityType_entityKey_idx" ON "Correction"("workspaceId", "entityType", "entityKey");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BiasLabel" ADD CONSTRAINT "BiasLabel_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BiasLabel" ADD CONSTRAINT "BiasLabel_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimCluster" ADD CONSTRAINT "ClaimCluster_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "ClaimCluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttribution" ADD CONSTRAINT "ClaimAttribution_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttribution" ADD CONSTRAINT "ClaimAttribution_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttribution" ADD CONSTRAINT "ClaimAttribution_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimActor" ADD CONSTRAINT "ClaimActor_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimActor" ADD CONSTRAINT "ClaimActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimRelation" ADD CONSTRAINT "ClaimRelation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimRelation" ADD CONSTRAINT "ClaimRelation_fromClaimId_fkey" FOREIGN KEY ("fromClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimRelation" ADD CONSTRAINT "ClaimRelation_toClaimId_fkey" FOREIGN KEY ("toClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Full-text search: tsvector columns kept current by triggers (Prisma does not model triggers,
-- so they live only here). Queries use websearch_to_tsquery('english', ...) against the same config.
CREATE FUNCTION "claimgraph_article_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', left(NEW."body", 1000000)), 'B');
  RETURN NEW;
END $$;

CREATE TRIGGER "Article_searchVector" BEFORE INSERT OR UPDATE OF "title", "body" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "claimgraph_article_search_vector"();

CREATE FUNCTION "claimgraph_claim_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('english', NEW."text");
  RETURN NEW;
END $$;

CREATE TRIGGER "Claim_searchVector" BEFORE INSERT OR UPDATE OF "text" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "claimgraph_claim_search_vector"();
