-- A link job's write (packages/ingest/src/service/link.ts): takes the workspace's cluster lock, checks that nothing the
-- job's decision read of the claims it stores links of (their cluster, event and actors) changed since, and writes its
-- contradictions and cluster assignment. When any changed it raises CGL01, and the job runs again.
-- A function, so that the job sends it with its COMMIT in one round trip: the lock is held from here to the commit
-- inside the server, not across replies to the client. Each statement below reads afresh (READ COMMITTED takes a
-- snapshot per statement in a function), so the check sees what committed before the lock was granted.
-- p: { w: workspace, ns: lock namespace, expect: [{id, c: cluster, e: event, a: sorted actor ids}],
--      rel: [{f, t, k, re, sl, fv, tv}], fresh: [summary] (clusters to create, the i-th named -i in moves),
--      moves: [{id, c, why}], merged: [{old, c}] }.
-- Runs each write only when it has rows: a statement on "Claim" fires its statement-level triggers (the timeline and
-- coverage counts) even when it changes none. Returns {relations, created, clustered, waitedMs, grantedAt}: grantedAt
-- (ms since the epoch, the server's clock) lets the job measure the lock held from its grant to the reply to its COMMIT.
CREATE FUNCTION "claimgraph_link_write"(p jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  w int := (p->>'w')::int;
  asked timestamptz := clock_timestamp();
  waited float8;
  granted float8;
  stale int;
  ids int[];
  n_rel int := 0;
  n_moved int := 0;
  n_absorbed int := 0;
BEGIN
  PERFORM pg_advisory_xact_lock((p->>'ns')::int, w);
  waited := extract(epoch FROM clock_timestamp() - asked) * 1000;
  granted := extract(epoch FROM clock_timestamp()) * 1000;
  SELECT count(*) INTO stale
    FROM jsonb_to_recordset(p->'expect') AS x(id int, c int, e int, a int[])
    LEFT JOIN "Claim" c ON c.id = x.id AND c."workspaceId" = w
   WHERE c.id IS NULL OR c."clusterId" IS DISTINCT FROM x.c OR c."eventId" IS DISTINCT FROM x.e
      OR coalesce((SELECT array_agg(DISTINCT ca."actorId") FROM "ClaimActor" ca WHERE ca."claimId" = c.id), '{}') <> x.a;
  IF stale > 0 THEN
    RAISE EXCEPTION 'claims changed while their article was linked: % of %', stale, jsonb_array_length(p->'expect')
      USING ERRCODE = 'CGL01';
  END IF;
  -- Each write only when it has rows: a statement on "Claim" fires its statement-level triggers even when it changes none.
  IF jsonb_array_length(p->'rel') > 0 THEN
    WITH ins AS (
      INSERT INTO "ClaimRelation" ("workspaceId", "fromClaimId", "toClaimId", kind, reason, slot, "fromValue", "toValue")
      SELECT w, r.f, r.t, r.k::"RelationKind", r.re, r.sl, r.fv, r.tv
        FROM jsonb_to_recordset(p->'rel') AS r(f int, t int, k text, re text, sl text, fv text, tv text)
      ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) INTO n_rel FROM ins;
  END IF;
  ids := ARRAY(SELECT nextval(pg_get_serial_sequence('"ClaimCluster"', 'id'))::int
                 FROM generate_series(1, jsonb_array_length(p->'fresh')));
  IF cardinality(ids) > 0 THEN
    INSERT INTO "ClaimCluster" (id, "workspaceId", summary)
    SELECT ids[s.n], w, s.summary FROM jsonb_array_elements_text(p->'fresh') WITH ORDINALITY AS s(summary, n);
  END IF;
  IF jsonb_array_length(p->'moves') > 0 THEN
    WITH m AS (
      UPDATE "Claim" c SET "clusterId" = CASE WHEN m.c < 0 THEN ids[-m.c] ELSE m.c END,
                           "clusterReason" = coalesce(c."clusterReason", m.why)
        FROM jsonb_to_recordset(p->'moves') AS m(id int, c int, why text)
       WHERE c.id = m.id AND c."workspaceId" = w
      RETURNING 1)
    SELECT count(*) INTO n_moved FROM m;
  END IF;
  IF jsonb_array_length(p->'merged') > 0 THEN
    WITH a AS (
      UPDATE "Claim" c SET "clusterId" = m.c
        FROM jsonb_to_recordset(p->'merged') AS m(old int, c int)
       WHERE c."clusterId" = m.old AND c."workspaceId" = w
      RETURNING 1)
    SELECT count(*) INTO n_absorbed FROM a;
    DELETE FROM "ClaimCluster"
     WHERE id IN (SELECT (m->>'old')::int FROM jsonb_array_elements(p->'merged') m) AND "workspaceId" = w;
  END IF;
  RETURN jsonb_build_object('relations', n_rel, 'created', cardinality(ids), 'clustered', n_moved + n_absorbed,
                            'waitedMs', waited, 'grantedAt', granted);
END $$;
