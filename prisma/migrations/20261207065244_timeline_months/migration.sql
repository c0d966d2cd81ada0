-- CreateTable
CREATE TABLE "TimelineMonth" (
    "workspaceId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "scheme" TEXT NOT NULL DEFAULT '',
    "month" DATE NOT NULL,
    "value" TEXT NOT NULL DEFAULT '',
    "n" INTEGER NOT NULL,

    CONSTRAINT "TimelineMonth_pkey" PRIMARY KEY ("workspaceId","actorId","scheme","month","value")
);

-- CreateTable
CREATE TABLE "TimelineFold" (
    "workspaceId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "upTo" BIGINT NOT NULL,

    CONSTRAINT "TimelineFold_pkey" PRIMARY KEY ("workspaceId","actorId")
);

-- AddForeignKey
ALTER TABLE "TimelineMonth" ADD CONSTRAINT "TimelineMonth_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineFold" ADD CONSTRAINT "TimelineFold_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A month read (the timeline's usual bucket) sums a series' month rows and only the rows appended after the fold
-- that wrote them (id > upTo), instead of every day row: at 1M claims one actor's 15,671 day x label rows became
-- ~850 month rows. Writes are unchanged: the month rows are written by a fold, which reads already start.

-- Writes the month rows and the watermark of one series (every series of the workspace when p_actor is null) from
-- its rows with id <= p_upto, which must all be committed.
CREATE FUNCTION "claimgraph_timeline_months"(p_ws int, p_actor int, p_upto bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "TimelineMonth" WHERE "workspaceId" = p_ws AND (p_actor IS NULL OR "actorId" = p_actor);
  DELETE FROM "TimelineFold" WHERE "workspaceId" = p_ws AND (p_actor IS NULL OR "actorId" = p_actor);
  INSERT INTO "TimelineMonth" ("workspaceId", "actorId", scheme, month, value, n)
  SELECT p_ws, "actorId", scheme, date_trunc('month', day)::date, value, sum(n)::int FROM "TimelineDelta"
   WHERE "workspaceId" = p_ws AND (p_actor IS NULL OR "actorId" = p_actor) AND id <= p_upto AND day IS NOT NULL
   GROUP BY 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 2, 3, 4, 5; -- a series' rows together: a read touches a few pages
  INSERT INTO "TimelineFold" ("workspaceId", "actorId", "upTo")
  SELECT p_ws, a, p_upto FROM (SELECT p_actor AS a WHERE p_actor IS NOT NULL
    UNION SELECT DISTINCT "actorId" FROM "TimelineDelta" WHERE p_actor IS NULL AND "workspaceId" = p_ws) x;
END $$;

-- Folds one series' rows up to a watermark into one per key (each keeps the id of one of its rows, so the rows at or
-- below the watermark are still the ones folded) and writes its month rows. The watermark is the last id drawn, once
-- the transactions writing the table then have ended: a writer holds its table lock before it draws an id, so no row at
-- or below the watermark commits after the fold. Rows appended meanwhile stay as they are. Returns the rows kept, or
-- null when another fold of that series is running or a writer stays open for more than 5 s.
CREATE OR REPLACE FUNCTION "claimgraph_timeline_rollup"(p_ws int, p_actor int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  kept int;
  upto bigint;
  writers text[];
  until timestamptz := clock_timestamp() + interval '5 seconds';
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('claimgraph_timeline_rollup:' || p_ws || ':' || p_actor, 0)) THEN RETURN NULL; END IF;
  upto := coalesce(pg_sequence_last_value('"TimelineDelta_id_seq"'), 0);
  writers := ARRAY(SELECT virtualtransaction FROM pg_locks WHERE relation = '"TimelineDelta"'::regclass
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND mode NOT IN ('AccessShareLock', 'RowShareLock') AND pid IS DISTINCT FROM pg_backend_pid());
  WHILE EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'virtualxid' AND virtualxid = ANY(writers)) LOOP
    IF clock_timestamp() > until THEN RETURN NULL; END IF;
    PERFORM pg_sleep(0.01);
  END LOOP;
  WITH gone AS (DELETE FROM "TimelineDelta" WHERE "workspaceId" = p_ws AND "actorId" = p_actor AND id <= upto RETURNING *),
  kept AS (
    INSERT INTO "TimelineDelta" (id, "workspaceId", "actorId", day, scheme, value, "eventId", n)
    SELECT min(id), p_ws, p_actor, day, scheme, value, "eventId", sum(n)::int FROM gone
     GROUP BY day, scheme, value, "eventId" HAVING sum(n) <> 0 ORDER BY scheme, day, value, "eventId" RETURNING 1)
  SELECT count(*) INTO kept FROM kept;
  PERFORM "claimgraph_timeline_months"(p_ws, p_actor, upto);
  RETURN kept;
END $$;

-- A rebuild writes every series' month rows too.
CREATE OR REPLACE FUNCTION "claimgraph_timeline_rebuild"(p_ws int) RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM "TimelineDelta" WHERE "workspaceId" = p_ws),
  x AS (
    SELECT c."workspaceId" AS ws, 0 AS actor, c."publishedAt" AS pub, c."sourceId" AS src, c."eventId" AS ev FROM "Claim" c
     WHERE c."workspaceId" = p_ws
    UNION ALL
    SELECT c."workspaceId", ca."actorId", c."publishedAt", c."sourceId", c."eventId"
      FROM (SELECT DISTINCT "claimId", "actorId" FROM "ClaimActor" WHERE "workspaceId" = p_ws) ca JOIN "Claim" c ON c.id = ca."claimId"),
  visible AS (
    SELECT DISTINCT bl."sourceId" AS src, bl.scheme, bl.value FROM "BiasLabel" bl
     WHERE bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = p_ws))
  INSERT INTO "TimelineDelta" ("workspaceId", "actorId", day, scheme, value, "eventId", n)
  SELECT * FROM (
    SELECT ws, actor, (pub AT TIME ZONE 'UTC')::date AS day, '' AS scheme, '' AS value, NULL::int AS ev, count(*)::int AS n
      FROM x WHERE pub IS NOT NULL GROUP BY 1, 2, 3
    UNION ALL
    SELECT x.ws, x.actor, (x.pub AT TIME ZONE 'UTC')::date, v.scheme, v.value, NULL::int, count(*)::int
      FROM x JOIN visible v ON v.src = x.src WHERE x.pub IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT ws, actor, NULL::date, '', '', ev, count(*)::int FROM x WHERE ev IS NOT NULL GROUP BY 1, 2, 6) r
  ORDER BY actor, scheme, day, value, ev;
  SELECT "claimgraph_timeline_months"(p_ws, NULL, coalesce(pg_sequence_last_value('"TimelineDelta_id_seq"'), 0));
$$;

SELECT "claimgraph_timeline_months"(id, NULL, coalesce(pg_sequence_last_value('"TimelineDelta_id_seq"'), 0)) FROM "Workspace";
