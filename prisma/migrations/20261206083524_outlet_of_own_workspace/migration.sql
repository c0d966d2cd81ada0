-- A row may name an outlet of its own workspace or of the shared registry, never another workspace's. A
-- foreign key cannot say "the same workspace, or none", so a statement-level check does: one join over the
-- statement's new rows, which keeps ingestion's multi-row inserts at one extra look-up each.
CREATE FUNCTION "claimgraph_check_outlet_workspace"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
  SELECT n."sourceId", n."workspaceId" INTO bad
    FROM new_rows n JOIN "Source" s ON s.id = n."sourceId"
   WHERE s."workspaceId" IS NOT NULL AND s."workspaceId" IS DISTINCT FROM n."workspaceId"
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Outlet % belongs to another workspace than the % row naming it (workspace %).', bad."sourceId", TG_TABLE_NAME, bad."workspaceId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_outlet_insert" AFTER INSERT ON "Article" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_check_outlet_workspace"();
CREATE TRIGGER "Article_outlet_update" AFTER UPDATE ON "Article" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_check_outlet_workspace"();
CREATE TRIGGER "Claim_outlet_insert" AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_check_outlet_workspace"();
CREATE TRIGGER "Claim_outlet_update" AFTER UPDATE ON "Claim" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_check_outlet_workspace"();
CREATE TRIGGER "ClaimAttribution_outlet_insert" AFTER INSERT ON "ClaimAttribution" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_check_outlet_workspace"();
CREATE TRIGGER "ClaimAttribution_outlet_update" AFTER UPDATE ON "ClaimAttribution" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_check_outlet_workspace"();
-- A shared label (no workspace) belongs on a registry outlet; a workspace's label on its own or a registry outlet.
CREATE TRIGGER "BiasLabel_outlet_insert" AFTER INSERT ON "BiasLabel" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_check_outlet_workspace"();
CREATE TRIGGER "BiasLabel_outlet_update" AFTER UPDATE ON "BiasLabel" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_check_outlet_workspace"();
