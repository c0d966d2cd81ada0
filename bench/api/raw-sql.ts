// The physical ceiling for the claims-explorer page: one hand-written statement that filters, pages and shapes
// the same nested JSON (source, labels, actors, attribution chain) inside PostgreSQL, in the explorer's order
// (newest publication first, undated last, then newest claim).
// The filter: actor ids ($2) and one bias label ($3, $4) on the outlet.
const MATCH = `c.id IN (SELECT ca."claimId" FROM "ClaimActor" ca WHERE ca."actorId" = ANY($2::int[]))
    AND c."sourceId" IN (SELECT bl."sourceId" FROM "BiasLabel" bl WHERE bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = $1)
      AND bl.scheme = $3 AND bl.value = $4)`;

// Dated claims newest first, then undated ones (two branches, each walking the claims' (workspaceId, publishedAt, id)
// index and stopping after a page; the article's date is on the claim, as the API reads it).
export const RAW_PAGE_SQL = `
SELECT json_build_object('data', json_build_object('claims', json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
  'id', c.id, 'text', c.text, 'modality', c.modality,
  'source', json_build_object('name', s.name, 'labels', (
    SELECT coalesce(json_agg(json_build_object('scheme', bl.scheme, 'value', bl.value, 'rater', bl.rater) ORDER BY bl.scheme, bl.value, bl.id), '[]')
    FROM "BiasLabel" bl WHERE bl."sourceId" = s.id AND bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = $1))),
  'actors', (SELECT coalesce(json_agg(json_build_object('role', ca.role, 'actor', json_build_object('canonicalName', a."canonicalName")) ORDER BY ca.role, ca."actorId"), '[]')
    FROM "ClaimActor" ca JOIN "Actor" a ON a.id = ca."actorId" WHERE ca."claimId" = c.id),
  'attribution', (SELECT coalesce(json_agg(json_build_object('position', at.position, 'kind', at.kind, 'label', at.label) ORDER BY at.position), '[]')
    FROM "ClaimAttribution" at WHERE at."claimId" = c.id)
)) ORDER BY c."publishedAt" DESC NULLS LAST, c.id DESC), '[]')))) AS body
FROM (
  SELECT * FROM ((
    SELECT c.id, c.text, c.modality, c."sourceId", c."publishedAt" FROM "Claim" c
    WHERE c."workspaceId" = $1 AND c."publishedAt" IS NOT NULL AND ${MATCH}
    ORDER BY c."publishedAt" DESC, c.id DESC LIMIT 50
  ) UNION ALL (
    SELECT c.id, c.text, c.modality, c."sourceId", c."publishedAt" FROM "Claim" c
    WHERE c."workspaceId" = $1 AND c."publishedAt" IS NULL AND ${MATCH}
    ORDER BY c."publishedAt" DESC, c.id DESC LIMIT 50
  )) b ORDER BY "publishedAt" DESC NULLS LAST, id DESC LIMIT 50
) c JOIN "Source" s ON s.id = c."sourceId"`;

export const API_PAGE_QUERY = `query ClaimsExplorer($filter: ClaimFilter) {
  claims(filter: $filter, first: 50) {
    edges { node {
      id text modality
      source { name labels { scheme value rater } }
      actors { role actor { canonicalName } }
      attribution { position kind label }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;
