-- A label write's notification names its transaction (a 64-bit id), so an API process that read the labels after
-- that commit (its copy's snapshot sees the writer) keeps its copy instead of reading them a second time.
CREATE OR REPLACE FUNCTION "claimgraph_labels_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('claimgraph_labels', pg_current_xact_id()::text);
  RETURN NULL;
END $$;
