-- A claim's date, outlet or event changed: one call per statement instead of one per row. Ingestion sets the
-- events of an article's claims in one update, and the per-row trigger ran the kept series' insert (planned
-- afresh under custom plans) once per claim, inside the stage's key locks. Transition tables cannot name columns,
-- so the rows that changed nothing the series counts are skipped here.
DROP TRIGGER "Claim_timeline_update" ON "Claim";

CREATE OR REPLACE FUNCTION "claimgraph_timeline_claim_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimgraph_timeline_record"(array_agg(v.ws), array_agg(x.a), array_agg(v.pub), array_agg(v.src), array_agg(v.ev), array_agg(v.n))
    FROM (
      SELECT o.id, o."workspaceId", o."publishedAt", o."sourceId", o."eventId", -1 FROM old_rows o JOIN new_rows w ON w.id = o.id
       WHERE o."publishedAt" IS DISTINCT FROM w."publishedAt" OR o."sourceId" <> w."sourceId" OR o."eventId" IS DISTINCT FROM w."eventId"
      UNION ALL
      SELECT w.id, w."workspaceId", w."publishedAt", w."sourceId", w."eventId", 1 FROM old_rows o JOIN new_rows w ON w.id = o.id
       WHERE o."publishedAt" IS DISTINCT FROM w."publishedAt" OR o."sourceId" <> w."sourceId" OR o."eventId" IS DISTINCT FROM w."eventId"
    ) v(id, ws, pub, src, ev, n)
    CROSS JOIN LATERAL (SELECT 0 AS a UNION SELECT "actorId" FROM "ClaimActor" WHERE "claimId" = v.id) x;
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_timeline_update" AFTER UPDATE ON "Claim" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_timeline_claim_update"();
