-- Claim evidence as the API cuts it, for the CSV export written by PostgreSQL: offsets count UTF-16 code units (as
-- everywhere in Claimgraph), PostgreSQL counts code points. A body prefix without characters beyond U+FFFF (nearly
-- all) is cut with substr; the others are walked character by character, and a surrogate pair cut in half becomes
-- U+FFFD, as it does when JavaScript writes the half as UTF-8.
CREATE FUNCTION claimgraph_utf16_slice(body text, "from" int, "to" int) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  prefix text := left(body, greatest("to", 0));
BEGIN
  IF "from" >= "to" THEN
    RETURN '';
  END IF;
  IF prefix !~ '[\U00010000-\U0010FFFF]' THEN
    RETURN substr(prefix, greatest("from", 0) + 1, "to" - greatest("from", 0));
  END IF;
  RETURN coalesce((
    SELECT string_agg(CASE WHEN w = 2 AND (u < "from" OR u + 2 > "to") THEN U&'\FFFD' ELSE ch END, '' ORDER BY i)
      FROM (SELECT ch, i, w, sum(w) OVER (ORDER BY i) - w AS u
              FROM unnest(string_to_array(prefix, NULL)) WITH ORDINALITY AS t(ch, i),
                   LATERAL (SELECT CASE WHEN ascii(ch) > 65535 THEN 2 ELSE 1 END AS w) width) chars
     WHERE u + w > "from" AND u < "to"), '');
END $$;
