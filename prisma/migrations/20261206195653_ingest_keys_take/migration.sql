-- Takes stage 1's natural keys (packages/ingest/src/service/locks.ts): upserts each key's IngestKey row, in the order
-- given (one row lock each, held to the commit), as this transaction's hold in the key's mode. A key given with a
-- snapshot is taken only when its last exclusive holder (and, for an exclusive key, its last shared holder) is this
-- transaction or was committed in that snapshot; when any is not, it raises CGK01 and the caller runs again.
-- A function, so that a deferred writer sends it with its COMMIT in one round trip: the rows are held from the
-- upsert to the commit inside the server, not across a reply to the client and its next statement.
CREATE FUNCTION "claimgraph_take_keys"(p_keys bigint[], p_exclusive boolean[], p_snapshots text[]) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  me bigint := pg_current_xact_id()::text::bigint;
  taken int;
BEGIN
  WITH u AS (SELECT * FROM unnest(p_keys, p_exclusive, p_snapshots) WITH ORDINALITY AS u(k, x, s, n)),
  up AS (
    INSERT INTO "IngestKey" AS ik (key, "lastExclusive", "lastShared")
    SELECT u.k, CASE WHEN u.x THEN me END, CASE WHEN u.x THEN NULL ELSE me END FROM u ORDER BY u.n
    ON CONFLICT (key) DO UPDATE SET "lastExclusive" = coalesce(excluded."lastExclusive", ik."lastExclusive"),
                                    "lastShared" = coalesce(excluded."lastShared", ik."lastShared")
     WHERE (SELECT u.s IS NULL
                   OR ((ik."lastExclusive" IS NULL OR ik."lastExclusive" = me
                        OR pg_visible_in_snapshot(ik."lastExclusive"::text::xid8, u.s::pg_snapshot))
                       AND (NOT u.x OR ik."lastShared" IS NULL OR ik."lastShared" = me
                            OR pg_visible_in_snapshot(ik."lastShared"::text::xid8, u.s::pg_snapshot)))
              FROM u WHERE u.k = excluded.key)
    RETURNING 1)
  SELECT count(*) INTO taken FROM up;
  IF taken < cardinality(p_keys) THEN
    RAISE EXCEPTION 'natural keys changed since read: % of %', cardinality(p_keys) - taken, cardinality(p_keys)
      USING ERRCODE = 'CGK01';
  END IF;
  RETURN taken;
END $$;
