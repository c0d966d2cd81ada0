// Cross-article linking: the same claim in other outlets, corroboration and contradiction.
import { compare } from '@claimgraph/extract';
import type { ComparableClaim, EventType, ExtractedClaim } from '@claimgraph/shared';
import type { StoredClaim } from './claims.js';
import { sql } from './sql.js';
import type { IngestCounts, Tx } from './types.js';

/** Most claims of other articles compared with a new article (by shared event first, then shared actors). */
export const RELATED_LIMIT = 120;
/** Newest claims of each of the article's actors looked at for the shared-actor candidates. */
const CLAIMS_PER_ACTOR = 200;

/**
 * Compares the article's new claims with claims of other articles about the same events or actors,
 * stores SAME_AS / CORROBORATES / CONTRADICTS relations (with reason, slot and values) and assigns
 * claim clusters. Only relations that involve a new claim and two different articles are stored.
 */
/** An article's publication day (YYYY-MM-DD) when it is known to the day, else null. */
export function publicationDay(at: Date | null, precision: string): string | null {
  return at && (precision === 'DAY' || precision === 'EXACT') ? at.toISOString().slice(0, 10) : null;
}

export async function linkClaims(
  tx: Tx,
  ctx: { workspaceId: number; articleId: number; outlet: string; published: string | null },
  stored: StoredClaim[],
  actorIds: Map<string, number>,
  actorNames: Map<number, string>,
  counts: IngestCounts,
): Promise<void> {
  if (!stored.length) return;
  const eventIds = [...new Set(stored.map((s) => s.eventId).filter((x): x is number => x !== null))];
  const ids = [...new Set(stored.flatMap((s) => s.extracted.actors.map((a) => actorIds.get(a.actorKey)).filter((x): x is number => x !== undefined)))];
  // Candidates: claims of the same events first, then claims sharing two or more actors (one shared
  // state such as "Iran" relates half the corpus), newest first. Both branches walk an index backwards
  // — Claim (eventId, id), the newest RELATED_LIMIT per event (no more can rank), and ClaimActor
  // (actorId, claimId), the newest CLAIMS_PER_ACTOR per actor — so their cost does not grow with the
  // corpus, nor with how many articles report one event. (Claims of earlier articles have lower ids:
  // they were written before this transaction took the workspace lock.)
  const firstNew = Math.min(...stored.map((s) => s.id));
  // One round trip: the ranked candidates (what compare() reads of them) and the events of both sides.
  const [head] = await tx.query<{ related: RelatedRow[]; names: Record<string, string>; events: { id: number; type: EventType; at: string | null }[] }>(sql`
    WITH ranked AS (
      SELECT id FROM (
        SELECT x.id, 2 AS rank FROM unnest(${eventIds}::int[]) AS e(id)
         -- ("workspaceId" + 0: a filter only. As an index condition, stale statistics had the planner AND
         -- a bitmap of every claim of the workspace into each event's walk.)
         CROSS JOIN LATERAL (SELECT c.id FROM "Claim" c
                              WHERE c."eventId" = e.id AND c."workspaceId" + 0 = ${ctx.workspaceId}::int AND c."articleId" <> ${ctx.articleId}::int
                              ORDER BY c.id DESC LIMIT ${RELATED_LIMIT}::int) x
        UNION ALL
        SELECT x."claimId", 1 FROM unnest(${ids}::int[]) AS a(id)
         CROSS JOIN LATERAL (SELECT ca."claimId" FROM "ClaimActor" ca WHERE ca."actorId" = a.id AND ca."claimId" < ${firstNew}::int
                              ORDER BY ca."claimId" DESC LIMIT ${CLAIMS_PER_ACTOR}::int) x
         GROUP BY x."claimId" HAVING count(DISTINCT a.id) >= ${Math.min(2, ids.length)}::int
      ) r GROUP BY id ORDER BY max(rank) DESC, id DESC LIMIT ${RELATED_LIMIT}::int
    ), rel AS (
      -- Only what compare() reads of another article's claim: text, slots, actors and event.
      SELECT c.id, c."articleId", c.text, c."eventId", c."clusterId", c.slots,
             -- The article's publication day when known to the day: compare() does not relate claims of articles far apart in time.
             (SELECT CASE WHEN ar."publishedPrecision" IN ('DAY', 'EXACT') THEN to_char(ar."publishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') END
                FROM "Article" ar WHERE ar.id = c."articleId") AS published,
             coalesce((SELECT array_agg(DISTINCT ca."actorId") FROM "ClaimActor" ca WHERE ca."claimId" = c.id), '{}'::int[]) AS "actorIds"
        FROM ranked JOIN "Claim" c ON c.id = ranked.id
    )
    SELECT coalesce((SELECT json_agg(rel ORDER BY rel.id) FROM rel), '[]'::json) AS related,
           -- The actors' names once each (a primary-key look-up per actor), not once per claim.
           coalesce((SELECT json_object_agg(u.id, (SELECT ac."canonicalName" FROM "Actor" ac WHERE ac.id = u.id))
                       FROM (SELECT DISTINCT unnest(rel."actorIds") AS id FROM rel) u), '{}'::json) AS names,
           coalesce((SELECT json_agg(json_build_object('id', e.id, 'type', e.type, 'at', e."occurredAt"))
                       FROM "Event" e WHERE e.id IN (SELECT unnest(${eventIds}::int[]) UNION SELECT rel."eventId" FROM rel)), '[]'::json) AS events`);
  const related = head?.related ?? [];
  if (!related.length) return;
  const events = new Map<number, { type: EventType; date: string | null }>();
  for (const e of head!.events) events.set(e.id, { type: e.type, date: e.at ? new Date(e.at).toISOString().slice(0, 10) : null });

  // Both sides in one vocabulary: actor keys are database actor ids, event keys database event ids.
  const fresh: ComparableClaim[] = stored.map((s) => {
    const c = s.extracted;
    const actors = c.actors.flatMap((a) => {
      const id = actorIds.get(a.actorKey);
      return id === undefined ? [] : [{ actorKey: String(id), role: a.role }];
    });
    const claim: ExtractedClaim = {
      ...c,
      attribution: c.attribution.map((n) => {
        const id = n.actorKey ? actorIds.get(n.actorKey) : undefined;
        const { actorKey: _drop, ...rest } = n;
        return id === undefined ? rest : { ...rest, actorKey: String(id) };
      }),
      actors,
      eventKey: s.eventId === null ? null : String(s.eventId),
    };
    return {
      id: String(s.id),
      articleId: String(ctx.articleId),
      outlet: ctx.outlet,
      claim,
      actorNames: [...new Set(actors.map((a) => actorNames.get(Number(a.actorKey))).filter((n): n is string => !!n))],
      event: s.eventId === null ? null : (events.get(s.eventId) ?? null),
      published: ctx.published,
    };
  });
  // compare() reads a claim's text and slots only: the candidates' chains, roles and outlets are not fetched.
  const old: ComparableClaim[] = related.map((r) => ({
    id: String(r.id),
    articleId: String(r.articleId),
    outlet: '',
    claim: { key: '', text: r.text, evidence: { start: 0, end: 0 }, attribution: [], modality: 'REPORTED', actors: [], eventKey: null, slots: Array.isArray(r.slots) ? (r.slots as ExtractedClaim['slots']) : [] },
    actorNames: [...new Set(r.actorIds.flatMap((id) => head!.names[id] ?? []))],
    event: r.eventId === null ? null : (events.get(r.eventId) ?? null),
    published: r.published,
  }));

  const result = compare([...old, ...fresh]);
  const isNew = new Set(fresh.map((f) => f.id));
  const articleOf = new Map([...old, ...fresh].map((c) => [c.id, c.articleId]));
  const relations = result.relations.filter((r) => (isNew.has(r.fromId) || isNew.has(r.toId)) && articleOf.get(r.fromId) !== articleOf.get(r.toId));

  // Clusters: join the cluster an older member already has (the lowest id when several), or start one.
  const clusterOf = new Map(related.map((r) => [String(r.id), r.clusterId]));
  const textOf = new Map([...old, ...fresh].map((c) => [c.id, c.claim.text]));
  const summaries: string[] = [];
  const members = { id: [] as number[], cluster: [] as (number | null)[], created: [] as (number | null)[] };
  for (const group of result.clusters) {
    if (group.length < 2 || !group.some((id) => isNew.has(id))) continue;
    if (new Set(group.map((id) => articleOf.get(id))).size < 2) continue;
    const existing = group.map((id) => clusterOf.get(id)).filter((x): x is number => typeof x === 'number');
    const clusterId = existing.length ? Math.min(...existing) : null;
    if (clusterId === null) summaries.push((textOf.get(group.find((id) => !isNew.has(id)) ?? group[0]!) ?? '').slice(0, 500));
    for (const id of group) {
      if (clusterId !== null && clusterOf.get(id) === clusterId) continue;
      members.id.push(Number(id));
      members.cluster.push(clusterId);
      members.created.push(clusterId === null ? summaries.length : null);
    }
  }
  if (!relations.length && !members.id.length) return;
  // Relations, new clusters and cluster memberships in one statement.
  const [written] = await tx.query<{ relations: number; clusters: number; clustered: number }>(sql`
    WITH r AS (
      INSERT INTO "ClaimRelation" ("workspaceId", "fromClaimId", "toClaimId", kind, reason, slot, "fromValue", "toValue")
      SELECT ${ctx.workspaceId}::int, u.f, u.t, u.k::"RelationKind", u.re, u.sl, u.fv, u.tv
        FROM unnest(${relations.map((r) => Number(r.fromId))}::int[], ${relations.map((r) => Number(r.toId))}::int[], ${relations.map((r) => r.kind)}::text[],
                    ${relations.map((r) => r.reason.slice(0, 1000))}::text[], ${relations.map((r) => (r.kind === 'CONTRADICTS' ? r.slot : ''))}::text[],
                    ${relations.map((r) => r.fromValue ?? null)}::text[], ${relations.map((r) => r.toValue ?? null)}::text[]) AS u(f, t, k, re, sl, fv, tv)
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), g AS (
      SELECT u.n, nextval(pg_get_serial_sequence('"ClaimCluster"', 'id'))::int AS id, u.s
        FROM unnest(${summaries}::text[]) WITH ORDINALITY AS u(s, n)
    ), gi AS (
      INSERT INTO "ClaimCluster" (id, "workspaceId", summary) SELECT g.id, ${ctx.workspaceId}::int, g.s FROM g RETURNING 1
    ), up AS (
      UPDATE "Claim" c SET "clusterId" = coalesce(m.cid, g.id)
        FROM unnest(${members.id}::int[], ${members.cluster}::int[], ${members.created}::int[]) AS m(id, cid, n) LEFT JOIN g ON g.n = m.n
       WHERE c.id = m.id
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM r)::int AS relations, (SELECT count(*) FROM gi)::int AS clusters, (SELECT count(*) FROM up)::int AS clustered`);
  counts.relations += written?.relations ?? 0;
  counts.clustersCreated += written?.clusters ?? 0;
  counts.clusteredClaims += written?.clustered ?? 0;
}

interface RelatedRow {
  id: number;
  articleId: number;
  text: string;
  eventId: number | null;
  clusterId: number | null;
  slots: unknown;
  published: string | null;
  actorIds: number[];
}
