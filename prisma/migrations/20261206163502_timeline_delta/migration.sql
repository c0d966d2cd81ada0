-- CreateTable
CREATE TABLE "TimelineDelta" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "day" DATE,
    "scheme" TEXT NOT NULL DEFAULT '',
    "value" TEXT NOT NULL DEFAULT '',
    "eventId" INTEGER,
    "n" INTEGER NOT NULL,

    CONSTRAINT "TimelineDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TimelineDelta_workspaceId_actorId_day_idx" ON "TimelineDelta"("workspaceId", "actorId", "day");

-- AddForeignKey
ALTER TABLE "TimelineDelta" ADD CONSTRAINT "TimelineDelta_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The timeline's aggregate is kept by triggers that only append rows (no counter row that every writer of a month
-- would wait on); reads sum them, claimgraph_timeline_rollup folds them.

-- Adds claims (n > 0) or removes them (n < 0), given per claim and actor (0: the workspace's series) with its
-- publication time, outlet and event: a volume row and a row per visible label of the outlet (per UTC day), and an
-- event row. Nothing for a workspace being deleted (its rows go with it).
CREATE FUNCTION "claimgraph_timeline_record"(p_ws int[], p_actor int[], p_pub timestamptz[], p_src int[], p_ev int[], p_n int[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "TimelineDelta" ("workspaceId", "actorId", day, scheme, value, "eventId", n)
  SELECT x.ws, x.actor, k.day, k.scheme, k.value, k.ev, sum(x.n)::int
    FROM unnest(p_ws, p_actor, p_pub, p_src, p_ev, p_n) AS x(ws, actor, pub, src, ev, n)
    CROSS JOIN LATERAL (
      SELECT (x.pub AT TIME ZONE 'UTC')::date AS day, ''::text AS scheme, ''::text AS value, NULL::int AS ev WHERE x.pub IS NOT NULL
      UNION ALL
      SELECT DISTINCT (x.pub AT TIME ZONE 'UTC')::date, bl.scheme, bl.value, NULL::int FROM "BiasLabel" bl
       WHERE x.pub IS NOT NULL AND bl."sourceId" = x.src AND bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = x.ws)
      UNION ALL
      SELECT NULL::date, '', '', x.ev WHERE x.ev IS NOT NULL) k
   WHERE EXISTS (SELECT 1 FROM "Workspace" w WHERE w.id = x.ws)
   GROUP BY x.ws, x.actor, k.day, k.scheme, k.value, k.ev HAVING sum(x.n) <> 0
$$;

-- Claim actors, by (claim, actor) pair: a pair counts once whatever its roles. Given the changed rows before and
-- after, each pair that appears or disappears adds or removes its claim for that actor. A pair whose claim is gone
-- (a cascaded delete) was counted off by the claim's own trigger.
CREATE FUNCTION "claimgraph_timeline_pairs"(o_c int[], o_a int[], o_r text[], n_c int[], n_a int[], n_r text[])
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
    array_agg(c."eventId"), array_agg(d.n))
    FROM d JOIN "Claim" c ON c.id = d.c WHERE d.n <> 0
$$;

CREATE FUNCTION "claimgraph_timeline_claim_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_record"(array_agg("workspaceId"), array_agg(0), array_agg("publishedAt"), array_agg("sourceId"),
    array_agg("eventId"), array_agg(1)) FROM new_rows;
  RETURN NULL;
END $$;
CREATE TRIGGER "Claim_timeline_insert" AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_timeline_claim_insert"();

-- Before the delete, while the claim's actors are still there (a cascade removes them after).
CREATE FUNCTION "claimgraph_timeline_claim_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_record"(array_agg(OLD."workspaceId"), array_agg(x.a), array_agg(OLD."publishedAt"),
    array_agg(OLD."sourceId"), array_agg(OLD."eventId"), array_agg(-1))
    FROM (SELECT 0 AS a UNION SELECT "actorId" FROM "ClaimActor" WHERE "claimId" = OLD.id) x;
  RETURN OLD;
END $$;
CREATE TRIGGER "Claim_timeline_delete" BEFORE DELETE ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "claimgraph_timeline_claim_delete"();

-- A claim's date (its article's corrected date), outlet or event changed: out with the old values, in with the new.
CREATE FUNCTION "claimgraph_timeline_claim_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_record"(array_agg(v.ws), array_agg(x.a), array_agg(v.pub), array_agg(v.src), array_agg(v.ev), array_agg(v.n))
    FROM (SELECT 0 AS a UNION SELECT "actorId" FROM "ClaimActor" WHERE "claimId" = NEW.id) x,
      (VALUES (OLD."workspaceId", OLD."publishedAt", OLD."sourceId", OLD."eventId", -1),
              (NEW."workspaceId", NEW."publishedAt", NEW."sourceId", NEW."eventId", 1)) v(ws, pub, src, ev, n);
  RETURN NULL;
END $$;
CREATE TRIGGER "Claim_timeline_update" AFTER UPDATE OF "publishedAt", "sourceId", "eventId" ON "Claim" FOR EACH ROW
  WHEN (OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt" OR OLD."sourceId" <> NEW."sourceId" OR OLD."eventId" IS DISTINCT FROM NEW."eventId")
  EXECUTE FUNCTION "claimgraph_timeline_claim_update"();

CREATE FUNCTION "claimgraph_timeline_actor_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_pairs"(NULL, NULL, NULL, array_agg("claimId"), array_agg("actorId"), array_agg(role::text)) FROM new_rows;
  RETURN NULL;
END $$;
CREATE TRIGGER "ClaimActor_timeline_insert" AFTER INSERT ON "ClaimActor" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_timeline_actor_insert"();

CREATE FUNCTION "claimgraph_timeline_actor_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_pairs"(array_agg("claimId"), array_agg("actorId"), array_agg(role::text), NULL, NULL, NULL) FROM old_rows;
  RETURN NULL;
END $$;
CREATE TRIGGER "ClaimActor_timeline_delete" AFTER DELETE ON "ClaimActor" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_timeline_actor_delete"();

CREATE FUNCTION "claimgraph_timeline_actor_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_pairs"(
    (SELECT array_agg("claimId") FROM old_rows), (SELECT array_agg("actorId") FROM old_rows), (SELECT array_agg(role::text) FROM old_rows),
    (SELECT array_agg("claimId") FROM new_rows), (SELECT array_agg("actorId") FROM new_rows), (SELECT array_agg(role::text) FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER "ClaimActor_timeline_update" AFTER UPDATE ON "ClaimActor" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_timeline_actor_update"();

-- An outlet's label added, retired, restored, moved or deleted: for the label's (outlet, scheme, value) before and
-- after, each workspace with claims from that outlet that starts or stops seeing such a label (any rater) adds or
-- removes those claims' label rows. Before each row, so rows changed earlier in the same statement are seen.
CREATE FUNCTION "claimgraph_timeline_label"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
  old_id int := CASE WHEN TG_OP <> 'INSERT' THEN OLD.id END;
  was boolean;
  will boolean;
BEGIN
  FOR t IN
    SELECT DISTINCT x.src, x.scheme, x.value, w.ws FROM (
      SELECT OLD."sourceId", OLD.scheme, OLD.value WHERE TG_OP <> 'INSERT'
      UNION SELECT NEW."sourceId", NEW.scheme, NEW.value WHERE TG_OP <> 'DELETE') x(src, scheme, value)
    CROSS JOIN LATERAL (SELECT DISTINCT c."workspaceId" AS ws FROM "Claim" c WHERE c."sourceId" = x.src) w
    WHERE EXISTS (SELECT 1 FROM "Workspace" k WHERE k.id = w.ws) -- not one being deleted
  LOOP
    was := EXISTS (SELECT 1 FROM "BiasLabel" bl WHERE bl."sourceId" = t.src AND bl.scheme = t.scheme AND bl.value = t.value
      AND bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = t.ws));
    will := EXISTS (SELECT 1 FROM "BiasLabel" bl WHERE bl."sourceId" = t.src AND bl.scheme = t.scheme AND bl.value = t.value
      AND bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = t.ws) AND bl.id IS DISTINCT FROM old_id);
    IF TG_OP <> 'DELETE' THEN
      will := will OR (NEW."sourceId" = t.src AND NEW.scheme = t.scheme AND NEW.value = t.value AND NEW."retiredAt" IS NULL
        AND (NEW."workspaceId" IS NULL OR NEW."workspaceId" = t.ws));
    END IF;
    IF was <> will THEN
      INSERT INTO "TimelineDelta" ("workspaceId", "actorId", day, scheme, value, n)
      SELECT t.ws, x.a, (c."publishedAt" AT TIME ZONE 'UTC')::date, t.scheme, t.value, (CASE WHEN will THEN 1 ELSE -1 END) * count(*)::int
        FROM "Claim" c CROSS JOIN LATERAL (SELECT 0 AS a UNION SELECT "actorId" FROM "ClaimActor" WHERE "claimId" = c.id) x
       WHERE c."sourceId" = t.src AND c."workspaceId" = t.ws AND c."publishedAt" IS NOT NULL
       GROUP BY x.a, 3;
    END IF;
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "BiasLabel_timeline" BEFORE INSERT OR UPDATE OR DELETE ON "BiasLabel"
  FOR EACH ROW EXECUTE FUNCTION "claimgraph_timeline_label"();

-- Folds the rows of one workspace's series (an actor's, or 0) into one per key (rows appended meanwhile stay as
-- they are). Returns the rows kept, or null when another fold of that series is running.
CREATE FUNCTION "claimgraph_timeline_rollup"(p_ws int, p_actor int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE kept int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('claimgraph_timeline_rollup:' || p_ws || ':' || p_actor, 0)) THEN RETURN NULL; END IF;
  WITH gone AS (DELETE FROM "TimelineDelta" WHERE "workspaceId" = p_ws AND "actorId" = p_actor RETURNING *),
  kept AS (
    INSERT INTO "TimelineDelta" ("workspaceId", "actorId", day, scheme, value, "eventId", n)
    SELECT p_ws, p_actor, day, scheme, value, "eventId", sum(n)::int FROM gone
     GROUP BY day, scheme, value, "eventId" HAVING sum(n) <> 0 RETURNING 1)
  SELECT count(*) INTO kept FROM kept;
  RETURN kept;
END $$;

-- A workspace's rows computed afresh from its claims, in one statement (one snapshot): after a bulk load with
-- triggers off, or to check the kept rows (tests compare the two).
CREATE FUNCTION "claimgraph_timeline_rebuild"(p_ws int) RETURNS void LANGUAGE sql AS $$
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
  SELECT ws, actor, (pub AT TIME ZONE 'UTC')::date, '', '', NULL::int, count(*)::int FROM x WHERE pub IS NOT NULL GROUP BY 1, 2, 3
  UNION ALL
  SELECT x.ws, x.actor, (x.pub AT TIME ZONE 'UTC')::date, v.scheme, v.value, NULL::int, count(*)::int
    FROM x JOIN visible v ON v.src = x.src WHERE x.pub IS NOT NULL GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT ws, actor, NULL::date, '', '', ev, count(*)::int FROM x WHERE ev IS NOT NULL GROUP BY 1, 2, 6
$$;

SELECT "claimgraph_timeline_rebuild"(id) FROM "Workspace";
