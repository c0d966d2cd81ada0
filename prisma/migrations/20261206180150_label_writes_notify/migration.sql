-- Every write of bias labels announces itself to the API processes (they keep the labels' spellings and drop the
-- copy when they hear this), whoever writes: the API, the outlet registry import, a script. Delivered at commit;
-- notifications of one transaction on one channel are folded into one.
CREATE FUNCTION "claimgraph_labels_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('claimgraph_labels', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "BiasLabel_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "BiasLabel"
  FOR EACH STATEMENT EXECUTE FUNCTION "claimgraph_labels_changed"();
