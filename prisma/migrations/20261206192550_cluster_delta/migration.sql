-- CreateTable
CREATE TABLE "ClusterDelta" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "clusterId" INTEGER,
    "eventId" INTEGER,
    "sourceId" INTEGER,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ClusterDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClusterDelta_key_idx" ON "ClusterDelta"("workspaceId", "actorId", "clusterId", "eventId", "sourceId", "n");

-- AddForeignKey
ALTER TABLE "ClusterDelta" ADD CONSTRAINT "ClusterDelta_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The coverage matrix's counts are kept like the timeline's (20261206163502_timeline_delta): triggers only append
-- rows, reads sum them, claimgraph_cluster_rollup folds what a read summed. Link jobs merging or splitting clusters
-- under the workspace's cluster lock append a few grouped rows; they never wait on a counter row.

-- Adds claims (n > 0) or removes them (n < 0), given per claim and actor (0: the claim itself) with its cluster,
-- outlet and event. Actor 0 gives the claim's own rows: the workspace's series row per cluster, the cluster's outlet
-- and event rows, and the event's outlet row; another actor gives that actor's series row. Nothing for a workspace
-- being deleted (its rows go with it).
CREATE FUNCTION "claimgraph_cluster_record"(p_ws int[], p_actor int[], p_cluster int[], p_src int[], p_ev int[], p_n int[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ClusterDelta" ("workspaceId", "actorId", "clusterId", "eventId", "sourceId", n)
  SELECT x.ws, k.actor, k.cl, k.ev, k.src, sum(x.n)::int
    FROM unnest(p_ws, p_actor, p_cluster, p_src, p_ev, p_n) AS x(ws, actor, cl, src, ev, n)
    CROSS JOIN LATERAL (
      SELECT x.actor AS actor, x.cl AS cl, NULL::int AS ev, NULL::int AS src WHERE x.cl IS NOT NULL
      UNION ALL SELECT NULL, x.cl, NULL, x.src WHERE x.cl IS NOT NULL AND x.actor = 0
      UNION ALL SELECT NULL, x.cl, x.ev, NULL WHERE x.cl IS NOT NULL AND x.ev IS NOT NULL AND x.actor = 0
      UNION ALL SELECT NULL, NULL, x.ev, x.src WHERE x.ev IS NOT NULL AND x.actor = 0) k
   WHERE EXISTS (SELECT 1 FROM "Workspace" w WHERE w.id = x.ws)
   GROUP BY x.ws, k.actor, k.cl, k.ev, k.src HAVING sum(x.n) <> 0
$$;

-- The timeline's triggers on Claim and ClaimActor already gather what changed; they now record both aggregates.
CREATE OR REPLACE FUNCTION "claimgraph_timeline_pairs"(o_c int[], o_a int[], o_r text[], n_c int[], n_a int[], n_r text[])
RETURNS void LANGUAGE sql AS $$
  WITH o AS (SELECT * FROM unnest(o_c, o_a, o_r) AS o(c, a, r)),
  nw AS (SELECT * FROM unnest(n_c, n_a, n_r) AS nw(c, a, r)),
  d AS (
    SELECT p.c, p.a,
      (EXISTS (SELECT 1 FROM "ClaimActor" ca WHERE ca."claimId" = p.c AND ca."actorId" = p.a))::int
      - (EXISTS (SELECT 1 FROM o WHERE o.c = p.c AND o.a = p.a)
         OR EXISTS (SELECT 1 FROM "ClaimActor" ca WHERE ca."claimId" = p.c AND ca."actorId" = p.a
           AND NOT EXISTS (SELECT 1 FROM nw WHERE nw.c = ca."claimId" AND nw.a = ca."actorId" AND nw.r = ca.role::text)))::int AS n
    FROM (SELECT c, a FROM o UNION SELECT c, a FROM nw) p)
  SELECT "claimgraph_timeline_record"(array_agg(c."workspaceId"), array_agg(d.a), array_agg(c."publishedAt"), array_agg(c."sourceId"),
      array_agg(c."eventId"), array_agg(d.n)),
    "claimgraph_cluster_record"(array_agg(c."workspaceId"), array_agg(d.a), array_agg(c."clusterId"), array_agg(c."sourceId"),
      array_agg(c."eventId"), array_agg(d.n))
    FROM d JOIN "Claim" c ON c.id = d.c WHERE d.n <> 0
$$;

CREATE OR REPLACE FUNCTION "claimgraph_timeline_claim_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_record"(array_agg("workspaceId"), array_agg(0), array_agg("publishedAt"), array_agg("sourceId"),
      array_agg("eventId"), array_agg(1)),
    "claimgraph_cluster_record"(array_agg("workspaceId"), array_agg(0), array_agg("clusterId"), array_agg("sourceId"),
      array_agg("eventId"), array_agg(1))
    FROM new_rows;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "claimgraph_timeline_claim_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_record"(array_agg(OLD."workspaceId"), array_agg(x.a), array_agg(OLD."publishedAt"),
      array_agg(OLD."sourceId"), array_agg(OLD."eventId"), array_agg(-1)),
    "claimgraph_cluster_record"(array_agg(OLD."workspaceId"), array_agg(x.a), array_agg(OLD."clusterId"),
      array_agg(OLD."sourceId"), array_agg(OLD."eventId"), array_agg(-1))
    FROM (SELECT 0 AS a UNION SELECT "actorId" FROM "ClaimActor" WHERE "claimId" = OLD.id) x;
  RETURN OLD;
END $$;

-- A claim's date, outlet, event or cluster changed (a link job's merge, split or re-link; a cluster deleted sets it
-- null): out with the old values, in with the new.
CREATE OR REPLACE FUNCTION "claimgraph_timeline_claim_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_record"(array_agg(v.ws), array_agg(x.a), array_agg(v.pub), array_agg(v.src), array_agg(v.ev), array_agg(v.n)),
    "claimgraph_cluster_record"(array_agg(v.ws), array_agg(x.a), array_agg(v.cl), array_agg(v.src), array_agg(v.ev), array_agg(v.n))
    FROM (
      SELECT o.id, o."workspaceId", o."publishedAt", o."sourceId", o."eventId", o."clusterId", -1 FROM old_rows o JOIN new_rows w ON w.id = o.id
       WHERE o."publishedAt" IS DISTINCT FROM w."publishedAt" OR o."sourceId" <> w."sourceId" OR o."eventId" IS DISTINCT FROM w."eventId"
         OR o."clusterId" IS DISTINCT FROM w."clusterId"
      UNION ALL
      SELECT w.id, w."workspaceId", w."publishedAt", w."sourceId", w."eventId", w."clusterId", 1 FROM old_rows o JOIN new_rows w ON w.id = o.id
       WHERE o."publishedAt" IS DISTINCT FROM w."publishedAt" OR o."sourceId" <> w."sourceId" OR o."eventId" IS DISTINCT FROM w."eventId"
         OR o."clusterId" IS DISTINCT FROM w."clusterId"
    ) v(id, ws, pub, src, ev, cl, n)
    CROSS JOIN LATERAL (SELECT 0 AS a UNION SELECT "actorId" FROM "ClaimActor" WHERE "claimId" = v.id) x;
  RETURN NULL;
END $$;

-- Folds one series' rows (an actor's, or 0), the rows of the given clusters and the outlet rows of the given events
-- into one per key (rows appended meanwhile stay as they are). Returns the rows kept, or null when another fold of
-- the workspace is running.
CREATE FUNCTION "claimgraph_cluster_rollup"(p_ws int, p_actor int, p_clusters int[], p_events int[]) RETURNS int LANGUAGE plpgsql AS $$
DECLARE kept int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('claimgraph_cluster_rollup:' || p_ws, 0)) THEN RETURN NULL; END IF;
  WITH gone AS (
    DELETE FROM "ClusterDelta" WHERE "workspaceId" = p_ws AND ("actorId" = p_actor
      OR ("actorId" IS NULL AND "clusterId" = ANY(p_clusters))
      OR ("actorId" IS NULL AND "clusterId" IS NULL AND "eventId" = ANY(p_events)))
    RETURNING *),
  kept AS (
    INSERT INTO "ClusterDelta" ("workspaceId", "actorId", "clusterId", "eventId", "sourceId", n)
    SELECT p_ws, "actorId", "clusterId", "eventId", "sourceId", sum(n)::int FROM gone
     GROUP BY 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 2, 3, 4, 5 RETURNING 1)
  SELECT count(*) INTO kept FROM kept;
  RETURN kept;
END $$;

-- A workspace's rows computed afresh from its claims, in one statement (one snapshot): after a bulk load with
-- triggers off, or to check the kept rows (tests compare the two).
CREATE FUNCTION "claimgraph_cluster_rebuild"(p_ws int) RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM "ClusterDelta" WHERE "workspaceId" = p_ws),
  c AS (
    SELECT id, "clusterId" AS cl, "sourceId" AS src, "eventId" AS ev FROM "Claim"
     WHERE "workspaceId" = p_ws AND ("clusterId" IS NOT NULL OR "eventId" IS NOT NULL))
  INSERT INTO "ClusterDelta" ("workspaceId", "actorId", "clusterId", "eventId", "sourceId", n)
  SELECT * FROM (
    SELECT p_ws, 0, cl, NULL::int, NULL::int, count(*)::int FROM c WHERE cl IS NOT NULL GROUP BY cl
    UNION ALL
    SELECT p_ws, ca."actorId", c.cl, NULL, NULL, count(*)::int
      FROM (SELECT DISTINCT "claimId", "actorId" FROM "ClaimActor" WHERE "workspaceId" = p_ws) ca JOIN c ON c.id = ca."claimId"
     WHERE c.cl IS NOT NULL GROUP BY ca."actorId", c.cl
    UNION ALL
    SELECT p_ws, NULL, cl, NULL, src, count(*)::int FROM c WHERE cl IS NOT NULL GROUP BY cl, src
    UNION ALL
    SELECT p_ws, NULL, cl, ev, NULL, count(*)::int FROM c WHERE cl IS NOT NULL AND ev IS NOT NULL GROUP BY cl, ev
    UNION ALL
    SELECT p_ws, NULL, NULL, ev, src, count(*)::int FROM c WHERE ev IS NOT NULL GROUP BY ev, src) r
  ORDER BY 2, 3, 4, 5
$$;

SELECT "claimgraph_cluster_rebuild"(id) FROM "Workspace";
