// The research queries of the API benchmark, each as the GraphQL request the API gets and the hand-written single
// statement that answers the same question (the ceiling), with a projection of both answers that must agree before
// anything is measured. Workspace $1 is the local workspace; the figures are for bench/api/generate.ts's dataset.
import { API_PAGE_QUERY, RAW_PAGE_SQL } from './raw-sql.js';
import { EXPLORER } from './measure.js';

export interface Case {
  name: string;
  /** What the dashboard asks this for. */
  about: string;
  query: string;
  variables: Record<string, unknown>;
  /** One statement returning one row with a `body` column (JSON); $1 is the workspace id. */
  sql: string;
  params: unknown[];
  /** The same projection of the API's `data` and of the raw body, compared as JSON. */
  apiKey: (data: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
  rawKey: (body: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * Timed one request at a time (time per request, API ÷ raw) instead of under load: for an aggregate kept by
   * ingestion, whose raw statement takes seconds (10 connections of it only time out).
   */
  serial?: boolean;
}

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const idOf = (global: string) => Number(Buffer.from(global, 'base64').toString().split(':')[1]);
const ACTOR = gid('Actor', EXPLORER.actorId);
/** A claim with a contradiction and an event (the generator contradicts claim 50k with 50k + 1). */
const CLAIM_PAGE_ID = 501;

const searchSql = `SELECT coalesce(json_agg(json_build_object('databaseId', x.id, 'text', x.text, 'modality', x.modality)), '[]') AS body FROM (
  SELECT c.id, c.text, c.modality FROM "Claim" c WHERE c."workspaceId" = $1 AND c."searchVector" @@ websearch_to_tsquery('english', $2)
  ORDER BY ts_rank(c."searchVector", websearch_to_tsquery('english', $2)) DESC, c.id DESC LIMIT 10) x`;
const searchCase = (name: string, text: string, about: string): Case => ({
  name,
  about,
  query: `query Search($text: String!) { search(text: $text, first: 10) { claims { databaseId text modality } } }`,
  variables: { text },
  sql: searchSql,
  params: [text],
  apiKey: (d) => d.search.claims.map((c: { databaseId: number }) => c.databaseId),
  rawKey: (b) => b.map((c: { databaseId: number }) => c.databaseId),
});

export const CASES: Case[] = [
  {
    name: 'floor',
    about:
      'the smallest operation, `{ __typename }`: what every request pays (HTTP, Apollo, context), beside one trivial statement',
    query: `{ __typename }`,
    variables: {},
    sql: `SELECT json_build_object('__typename', 'Query', 'workspace', $1::int) AS body`,
    params: [],
    apiKey: (d) => d.__typename,
    rawKey: (b) => b.__typename,
  },
  {
    name: 'explorer',
    about: 'claims about actor 1 from outlets labelled lean: right, 50 per page, with outlet, labels, actors, chain',
    query: API_PAGE_QUERY,
    variables: { filter: { actorIds: [ACTOR], biasLabels: [EXPLORER.label] } },
    sql: RAW_PAGE_SQL,
    params: [[EXPLORER.actorId], EXPLORER.label.scheme, EXPLORER.label.value],
    apiKey: (d) => d.claims.edges.map((e: { node: { id: string } }) => idOf(e.node.id)),
    rawKey: (b) => b.data.claims.edges.map((e: { node: { id: number } }) => e.node.id),
  },
  searchCase('search, common word', 'missile', `full-text search for 'missile' (in ≈ 1 claim of 10), 10 best claims`),
  searchCase('search, OR', 'drone or convoy', `full-text search for 'drone or convoy', 10 best claims`),
  {
    name: 'contradictions',
    about: 'newest 20 contradictions with both claims',
    query: `query Contradictions { contradictions(first: 20) { edges { node { databaseId reason slot fromValue toValue
      from { databaseId text } to { databaseId text } } } } }`,
    variables: {},
    sql: `SELECT coalesce(json_agg(json_build_object('databaseId', r.id, 'reason', r.reason, 'slot', r.slot, 'fromValue', r."fromValue", 'toValue', r."toValue",
        'from', json_build_object('databaseId', f.id, 'text', f.text), 'to', json_build_object('databaseId', t.id, 'text', t.text)) ORDER BY r.id DESC), '[]') AS body
      FROM (SELECT * FROM "ClaimRelation" r WHERE r."workspaceId" = $1 AND r.kind = 'CONTRADICTS' ORDER BY r.id DESC LIMIT 20) r
      JOIN "Claim" f ON f.id = r."fromClaimId" JOIN "Claim" t ON t.id = r."toClaimId"`,
    params: [],
    apiKey: (d) =>
      d.contradictions.edges.map((e: { node: { databaseId: number; from: { databaseId: number } } }) => [
        e.node.databaseId,
        e.node.from.databaseId,
      ]),
    rawKey: (b) =>
      b.map((r: { databaseId: number; from: { databaseId: number } }) => [r.databaseId, r.from.databaseId]),
  },
  {
    name: 'timeline',
    about: 'claims about actor 1 per month, per bias label, with up to 20 events a month',
    query: `query Timeline($filter: ClaimFilter) { timeline(filter: $filter, bucket: MONTH) { buckets { start claimCount
      byLabel { scheme value count } events { databaseId summary } } } }`,
    variables: { filter: { actorIds: [ACTOR] } },
    sql: `WITH m AS MATERIALIZED (
        SELECT c.id, c."sourceId", c."eventId", date_trunc('month', (SELECT a."publishedAt" FROM "Article" a WHERE a.id = c."articleId"), 'UTC') AS start
        FROM "Claim" c WHERE c."workspaceId" = $1 AND c.id IN (SELECT "claimId" FROM "ClaimActor" WHERE "actorId" = ANY($2::int[]))),
      v AS (SELECT start, count(*)::int AS n FROM m WHERE start IS NOT NULL GROUP BY start ORDER BY start LIMIT 300),
      l AS (SELECT m.start, json_agg(json_build_object('scheme', x.scheme, 'value', x.value, 'count', x.n) ORDER BY x.n DESC) AS labels FROM (
          SELECT m.start, bl.scheme, bl.value, count(DISTINCT m.id)::int AS n FROM m JOIN "BiasLabel" bl ON bl."sourceId" = m."sourceId"
          WHERE m.start IS NOT NULL AND bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = $1) GROUP BY 1, 2, 3) x
        JOIN (SELECT DISTINCT start FROM m) m ON m.start = x.start GROUP BY m.start),
      e AS (SELECT start, json_agg(json_build_object('databaseId', id, 'summary', summary) ORDER BY "occurredAt", id) AS events FROM (
          SELECT e.id, e.summary, e."occurredAt", date_trunc('month', e."occurredAt", 'UTC') AS start,
            row_number() OVER (PARTITION BY date_trunc('month', e."occurredAt", 'UTC') ORDER BY e."occurredAt", e.id) AS rn
          FROM "Event" e WHERE e.id IN (SELECT "eventId" FROM m) AND e."occurredAt" IS NOT NULL) x WHERE rn <= 20 GROUP BY start)
      SELECT json_agg(json_build_object('start', v.start, 'claimCount', v.n, 'byLabel', coalesce(l.labels, '[]'), 'events', coalesce(e.events, '[]')) ORDER BY v.start) AS body
      FROM v LEFT JOIN l ON l.start = v.start LEFT JOIN e ON e.start = v.start`,
    params: [[EXPLORER.actorId]],
    serial: true,
    apiKey: (d) =>
      d.timeline.buckets
        .filter((b: { claimCount: number }) => b.claimCount)
        .map((b: { claimCount: number; events: unknown[] }) => [b.claimCount, b.events.length]),
    rawKey: (b) => b.map((x: { claimCount: number; events: unknown[] }) => [x.claimCount, x.events.length]),
  },
  {
    name: 'coverage matrix',
    about:
      'the 20 largest clusters of claims about actor 1, and per bias label how many outlets carry each or stay silent',
    query: `query CoverageMatrix($filter: ClaimFilter) { coverageMatrix(filter: $filter, clusters: 20) { labels { scheme value }
      rows { claimCount cluster { databaseId } cells { scheme value carriers silent } } } }`,
    variables: { filter: { actorIds: [ACTOR] } },
    sql: `WITH top AS (
        SELECT c."clusterId", count(*)::int AS n FROM "Claim" c WHERE c."workspaceId" = $1 AND c."clusterId" IS NOT NULL
          AND c.id IN (SELECT "claimId" FROM "ClaimActor" WHERE "actorId" = ANY($2::int[])) GROUP BY 1 ORDER BY n DESC, 1 LIMIT 20),
      carrier AS (SELECT DISTINCT c."clusterId", c."sourceId" FROM "Claim" c WHERE c."workspaceId" = $1 AND c."clusterId" IN (SELECT "clusterId" FROM top)),
      ce AS (SELECT DISTINCT ON ("clusterId") "clusterId", "eventId" FROM "Claim"
        WHERE "workspaceId" = $1 AND "clusterId" IN (SELECT "clusterId" FROM top) AND "eventId" IS NOT NULL
        GROUP BY 1, 2 ORDER BY "clusterId", count(*) DESC, "eventId"),
      reporter AS (SELECT DISTINCT ce."clusterId", x."sourceId" FROM ce CROSS JOIN LATERAL (
        SELECT a."sourceId" FROM "EventMention" em JOIN "Article" a ON a.id = em."articleId" WHERE em."eventId" = ce."eventId"
        UNION SELECT c2."sourceId" FROM "Claim" c2 WHERE c2."eventId" = ce."eventId") x),
      cell AS (SELECT "clusterId", "sourceId", true AS carries FROM carrier
        UNION ALL SELECT "clusterId", "sourceId", false FROM (SELECT * FROM reporter EXCEPT SELECT * FROM carrier) s),
      cells AS (SELECT cell."clusterId", bl.scheme, bl.value, count(DISTINCT cell."sourceId") FILTER (WHERE cell.carries)::int AS carriers,
          count(DISTINCT cell."sourceId") FILTER (WHERE NOT cell.carries)::int AS silent
        FROM cell JOIN "BiasLabel" bl ON bl."sourceId" = cell."sourceId"
        WHERE bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = $1) GROUP BY 1, 2, 3)
      SELECT json_build_object(
        'labels', (SELECT coalesce(json_agg(l ORDER BY l.scheme, l.value), '[]') FROM (SELECT DISTINCT scheme, value FROM cells) l),
        'rows', (SELECT coalesce(json_agg(json_build_object('clusterId', t."clusterId", 'claimCount', t.n, 'cells', (
            SELECT coalesce(json_agg(json_build_object('scheme', scheme, 'value', value, 'carriers', carriers, 'silent', silent) ORDER BY scheme, value), '[]')
            FROM cells WHERE cells."clusterId" = t."clusterId")) ORDER BY t.n DESC, t."clusterId"), '[]') FROM top t)) AS body`,
    params: [[EXPLORER.actorId]],
    serial: true,
    apiKey: (d) => [
      d.coverageMatrix.labels.length,
      d.coverageMatrix.rows.map((r: { claimCount: number; cluster: { databaseId: number }; cells: unknown[] }) => [
        r.cluster.databaseId,
        r.claimCount,
        r.cells.length,
      ]),
    ],
    rawKey: (b) => [
      b.labels.length,
      b.rows.map((r: { clusterId: number; claimCount: number; cells: unknown[] }) => [
        r.clusterId,
        r.claimCount,
        r.cells.length,
      ]),
    ],
  },
  {
    name: 'actor graph',
    about: 'actors co-occurring with actor 1 (depth 1, 50 actors) and the links among them',
    query: `query ActorGraph($id: ID!) { actorGraph(actorId: $id, depth: 1, limit: 50) { nodes { depth actor { databaseId canonicalName } }
      edges { weight from { databaseId } to { databaseId } } } }`,
    variables: { id: ACTOR },
    sql: `WITH n AS (
        SELECT ca2."actorId", count(DISTINCT ca1."claimId")::int AS w
        FROM "ClaimActor" ca1 JOIN "ClaimActor" ca2 ON ca2."claimId" = ca1."claimId" AND ca2."actorId" <> ca1."actorId"
        JOIN "Claim" c ON c.id = ca1."claimId" AND c."workspaceId" = $1
        WHERE ca1."actorId" = $2 AND ca2."actorId" <> $2 GROUP BY ca2."actorId" ORDER BY w DESC, ca2."actorId" LIMIT 50),
      ids AS (SELECT $2::int AS id, 0 AS depth UNION ALL SELECT "actorId", 1 FROM n),
      e AS (SELECT ca1."actorId" AS f, ca2."actorId" AS t, count(DISTINCT ca1."claimId")::int AS weight
        FROM "ClaimActor" ca1 JOIN "ClaimActor" ca2 ON ca2."claimId" = ca1."claimId" AND ca1."actorId" < ca2."actorId"
        JOIN "Claim" c ON c.id = ca1."claimId" AND c."workspaceId" = $1
        WHERE ca1."actorId" IN (SELECT id FROM ids) AND ca2."actorId" IN (SELECT id FROM ids)
        GROUP BY 1, 2 ORDER BY weight DESC, 1, 2 LIMIT 510)
      SELECT json_build_object(
        'nodes', (SELECT json_agg(json_build_object('depth', ids.depth, 'actor', json_build_object('databaseId', a.id, 'canonicalName', a."canonicalName"))) FROM ids JOIN "Actor" a ON a.id = ids.id),
        'edges', (SELECT coalesce(json_agg(json_build_object('weight', weight, 'from', f, 'to', t) ORDER BY weight DESC, f, t), '[]') FROM e)) AS body`,
    params: [EXPLORER.actorId],
    apiKey: (d) => [
      d.actorGraph.nodes.map((n: { actor: { databaseId: number } }) => n.actor.databaseId).sort(),
      d.actorGraph.edges.length,
    ],
    rawKey: (b) => [b.nodes.map((n: { actor: { databaseId: number } }) => n.actor.databaseId).sort(), b.edges.length],
  },
  {
    name: 'claim page',
    about: `one claim (${CLAIM_PAGE_ID}) with evidence, chain, actors, outlet, contradictions, and its coverage by label with blindspots`,
    query: `query ClaimPage($id: ID!) {
      claim(id: $id) { databaseId text modality evidence { text } attribution { position kind label } actors { role actor { canonicalName } }
        source { name } related(kinds: [CONTRADICTS]) { reason claim { databaseId text } } }
      coverage(claimId: $id) { basis carriers { claimCount source { databaseId name } } blindspots { source { databaseId name } }
        byLabel { scheme value carriers { databaseId } blindspots { databaseId } } } }`,
    variables: { id: gid('Claim', CLAIM_PAGE_ID) },
    sql: `WITH c AS (SELECT * FROM "Claim" WHERE id = $2 AND "workspaceId" = $1),
      carrier AS (SELECT x."sourceId", count(*)::int AS n FROM "Claim" x WHERE x.id IN (
          SELECT c.id FROM c UNION SELECT y.id FROM "Claim" y, c WHERE c."clusterId" IS NOT NULL AND y."clusterId" = c."clusterId" AND y."workspaceId" = $1
          UNION SELECT CASE WHEN r."fromClaimId" = $2 THEN r."toClaimId" ELSE r."fromClaimId" END FROM "ClaimRelation" r
            WHERE r."workspaceId" = $1 AND r.kind = 'SAME_AS' AND $2 IN (r."fromClaimId", r."toClaimId"))
        GROUP BY x."sourceId"),
      ctx AS (SELECT a."sourceId" FROM "EventMention" em JOIN "Article" a ON a.id = em."articleId", c WHERE em."eventId" = c."eventId" AND a."workspaceId" = $1
        UNION SELECT y."sourceId" FROM "Claim" y, c WHERE y."eventId" = c."eventId" AND y."workspaceId" = $1),
      blind AS (SELECT "sourceId" FROM ctx EXCEPT SELECT "sourceId" FROM carrier),
      lab AS (SELECT DISTINCT bl."sourceId", bl.scheme, bl.value, b."sourceId" IS NOT NULL AS blind FROM "BiasLabel" bl LEFT JOIN blind b ON b."sourceId" = bl."sourceId"
        WHERE (bl."sourceId" IN (SELECT "sourceId" FROM carrier) OR b."sourceId" IS NOT NULL) AND bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = $1))
      SELECT json_build_object(
        'claim', (SELECT json_build_object('databaseId', c.id, 'text', c.text, 'modality', c.modality, 'evidence', substr(ar.body, c."evidenceStart" + 1, c."evidenceEnd" - c."evidenceStart"),
          'source', s.name,
          'attribution', (SELECT json_agg(json_build_object('position', at.position, 'kind', at.kind, 'label', at.label) ORDER BY at.position) FROM "ClaimAttribution" at WHERE at."claimId" = c.id),
          'actors', (SELECT json_agg(json_build_object('role', ca.role, 'name', a."canonicalName") ORDER BY ca.role, ca."actorId") FROM "ClaimActor" ca JOIN "Actor" a ON a.id = ca."actorId" WHERE ca."claimId" = c.id),
          'related', (SELECT coalesce(json_agg(json_build_object('reason', r.reason, 'databaseId', o.id, 'text', o.text) ORDER BY r.id), '[]') FROM "ClaimRelation" r
            JOIN "Claim" o ON o.id = CASE WHEN r."fromClaimId" = c.id THEN r."toClaimId" ELSE r."fromClaimId" END
            WHERE r.kind = 'CONTRADICTS' AND c.id IN (r."fromClaimId", r."toClaimId")))
          FROM c JOIN "Article" ar ON ar.id = c."articleId" JOIN "Source" s ON s.id = c."sourceId"),
        'carriers', (SELECT json_agg(json_build_object('claimCount', n, 'databaseId', s.id, 'name', s.name) ORDER BY n DESC, s.id) FROM carrier JOIN "Source" s ON s.id = carrier."sourceId"),
        'blindspots', (SELECT coalesce(json_agg(json_build_object('databaseId', s.id, 'name', s.name) ORDER BY s.id), '[]') FROM blind JOIN "Source" s ON s.id = blind."sourceId"),
        'byLabel', (SELECT coalesce(json_agg(g ORDER BY g.scheme, g.value), '[]') FROM (SELECT scheme, value,
            coalesce(json_agg("sourceId" ORDER BY "sourceId") FILTER (WHERE NOT blind), '[]') AS carriers,
            coalesce(json_agg("sourceId" ORDER BY "sourceId") FILTER (WHERE blind), '[]') AS blindspots FROM lab GROUP BY scheme, value) g)) AS body`,
    params: [CLAIM_PAGE_ID],
    apiKey: (d) => [
      d.claim.related.map((r: { claim: { databaseId: number } }) => r.claim.databaseId),
      d.coverage.carriers.length,
      d.coverage.blindspots.length,
      d.coverage.byLabel.length,
    ],
    rawKey: (b) => [
      b.claim.related.map((r: { databaseId: number }) => r.databaseId),
      b.carriers.length,
      b.blindspots.length,
      b.byLabel.length,
    ],
  },
];

/** The CSV export of the explorer's filter, and the same rows as `COPY … TO STDOUT` (one statement, no per-row work in Node). */
export const EXPORT = {
  path: `/export/claims.csv?actorId=${encodeURIComponent(ACTOR)}&biasLabel=${EXPLORER.label.scheme}:${EXPLORER.label.value}`,
  copy: `COPY (SELECT c.id, c.text, c.modality, s.name, (SELECT string_agg(bl.scheme || ':' || bl.value, '; ' ORDER BY bl.scheme, bl.value) FROM "BiasLabel" bl
      WHERE bl."sourceId" = c."sourceId" AND bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = 1)),
    (SELECT string_agg(at.label, ' > ' ORDER BY at.position) FROM "ClaimAttribution" at WHERE at."claimId" = c.id),
    (SELECT string_agg(a."canonicalName" || ' (' || ca.role || ')', '; ' ORDER BY ca.role, a."canonicalName") FROM "ClaimActor" ca JOIN "Actor" a ON a.id = ca."actorId" WHERE ca."claimId" = c.id),
    left(art.body, c."evidenceEnd"), art.url, art.title, art."publishedAt", ev.type, ev.summary, ev."occurredAt",
    EXISTS (SELECT 1 FROM "ClaimRelation" r WHERE r.kind = 'CONTRADICTS' AND (r."fromClaimId" = c.id OR r."toClaimId" = c.id)), c."reviewStatus"
    FROM "Claim" c JOIN "Article" art ON art.id = c."articleId" JOIN "Source" s ON s.id = c."sourceId" LEFT JOIN "Event" ev ON ev.id = c."eventId"
    WHERE c."workspaceId" = 1 AND c.id IN (SELECT "claimId" FROM "ClaimActor" WHERE "actorId" = ${EXPLORER.actorId})
      AND c."sourceId" IN (SELECT "sourceId" FROM "BiasLabel" WHERE scheme = '${EXPLORER.label.scheme}' AND value = '${EXPLORER.label.value}' AND "retiredAt" IS NULL)
    ORDER BY c.id DESC) TO STDOUT WITH (FORMAT csv, HEADER)`,
};
