// Cross-article linking, stage 2 of ingestion: the same claim in other outlets, corroboration and contradiction.
import type { Prisma, PrismaClient } from '@claimgraph/db';
import { compare } from '@claimgraph/extract';
import type { ClaimRelationResult, ComparableClaim, EventType, ExtractedClaim } from '@claimgraph/shared';
import { prismaTx, sql } from './sql.js';
import { transaction, type TransactionOptions } from './transaction.js';
import { emptyCounts, type IngestCounts, type Tx } from './types.js';

/** Most claims of other articles compared with an article (by shared event first, then shared actors). */
export const RELATED_LIMIT = 120;
/** Newest claims of each of the article's actors looked at for the shared-actor candidates. */
const CLAIMS_PER_ACTOR = 200;
/** Namespace of the per-workspace advisory lock under which link jobs assign clusters (a (namespace, workspace) pair of ints). */
export const LINK_LOCK_NAMESPACE = 0x43470002;

export interface Linked {
  counts: Pick<IngestCounts, 'relations' | 'clustersCreated' | 'clusteredClaims'>;
  /** Time the link transaction held the workspace's cluster lock (ms), and waited for it. */
  lockMs: number;
  lockWaitMs: number;
}

/**
 * Stage 2 of ingestion, for one committed article, in one transaction: compares its claims with the
 * claims of other articles about the same events or actors, stores a CONTRADICTS relation (with reason,
 * slot and values) for each contradicting pair of claims of two different articles, puts the claims
 * stating the same thing in one cluster (each with the reason it joined: corroboration is membership,
 * not a row per pair), and sets the article's linkedAt.
 *
 * Why no pair is missed, without any lock while reading: a link job starts after its article's stage 1
 * committed. Of two articles A and B committed concurrently, take the one whose link job starts later,
 * say B's: it starts after B's commit and after A's link job started, so after A's commit too, and its
 * candidate query (READ COMMITTED) sees A's claims. Each article compares with every other article,
 * older or newer, linked or not, so the later job compares the pair whatever the earlier one saw.
 *
 * Why a rerun, or both jobs finding the same pair, changes nothing: the claims go to compare() in id
 * order, so a pair's relation always runs from the lower claim id to the higher, and the relation's
 * unique key (from, to, kind, slot) makes a second insert a no-op. Clusters are unions: a group joins
 * the lowest cluster any member has, and the other clusters it touches are merged into it — the end
 * result is the connected components of the corroborations found, whatever order the jobs ran in; a
 * claim's reason is set once, when it first joins. That step is the one serialised: the job reads the
 * claims' clusters with its candidates and decides with nothing held, and its write (claimgraph_link_write,
 * sent with the COMMIT in one round trip) takes a per-workspace advisory lock, then checks that what the
 * decision read of every claim it stores links of — its cluster, event and actors — is unchanged, and only
 * then writes. With those inputs unchanged the decision is the one it would have made under the lock; a
 * cluster merged or created by another job since, or a claim moved, raises CGL01: the job rolls back and
 * runs again, this time taking the lock before it reads (transaction.ts), so it is not overtaken twice.
 * The lock is held from that statement to the commit, inside the server, whatever the client does.
 *
 * Why a split is never undone by a job that read before it (unlinkForSplit): the split moves claims and
 * removes their links under the same cluster lock. A split committed after the job read but before its
 * write changes the event, actors or cluster of a claim the job stores, and the check sends the job round
 * again; a split that comes after the write waits for the job's commit and removes what the job stored.
 *
 * Why a late merge is never lost (requestRelink): the job's first statement sets linkedAt, which locks
 * the article's row until the job commits, and a merge resets linkedAt of the articles it touches in its
 * own transaction. Whichever comes second waits for the first: a job that waited reads the merged rows;
 * a merge that waited leaves the article pending after the job committed, and queues its job again.
 */
export async function linkArticle(
  db: PrismaClient,
  workspaceId: number,
  articleId: number,
  options: TransactionOptions = {},
): Promise<Linked> {
  // deferKeys: the first attempt takes the cluster lock only in its write, sent with the COMMIT; a retry before it reads.
  const committed = await transaction(db, { ...options, deferKeys: true }, async (tx) => ({
    counts: await linkInTransaction(tx, workspaceId, articleId),
    written: tx.atCommit!,
    lockedBeforeReads: !tx.deferred,
  }));
  const { counts } = committed.value;
  const replied = performance.timeOrigin + performance.now();
  const written = committed.value.written.row as { link: WriteResult } | undefined;
  if (written) addWritten(counts, written.link);
  // A retry held the lock from before its reads: the transaction's own measure.
  if (!written || committed.value.lockedBeforeReads)
    return { counts, lockMs: committed.lockMs, lockWaitMs: committed.lockWaitMs };
  // The write's round trip holds the lock from its grant to the commit's reply (the server's clock, this machine's when
  // they share one), and at most the round trip less the wait for the lock (when they do not).
  const { waitedMs, grantedAt } = written.link;
  const roundTrip = Math.max(0, committed.lockMs - waitedMs);
  return {
    counts,
    lockMs: Math.min(roundTrip, Math.max(0, replied - grantedAt)),
    lockWaitMs: committed.lockWaitMs + waitedMs,
  };
}

/** What claimgraph_link_write stored. */
interface WriteResult {
  relations: number;
  created: number;
  clustered: number;
  waitedMs: number;
  grantedAt: number;
}

const addWritten = (counts: Linked['counts'], r: WriteResult) => {
  counts.relations += r.relations;
  counts.clustersCreated += r.created;
  counts.clusteredClaims += r.clustered;
};

/** linkArticle's work inside its transaction: the counts of a write sent with the COMMIT come back in tx.atCommit. */
async function linkInTransaction(tx: Tx, workspaceId: number, articleId: number): Promise<Linked['counts']> {
  const counts = emptyCounts();
  // One round trip: the article's claims and the ranked candidates (what compare() reads of each), their
  // actors' names, and the events of both sides. Candidates: claims of the same events first, then
  // claims sharing two or more actors (one shared state such as "Iran" relates half the corpus), newest
  // first. Both branches walk an index backwards — Claim (eventId, id), the newest RELATED_LIMIT per
  // event (no more can rank), and ClaimActor (actorId, claimId), the newest CLAIMS_PER_ACTOR per actor —
  // so their cost does not grow with the corpus, nor with how many articles report one event.
  // First, and so holding the article's row to the commit: a merge touching it waits, or is waited for (see above).
  const found = await tx.query<unknown>(sql`
    UPDATE "Article" SET "linkedAt" = coalesce("linkedAt", now()) WHERE id = ${articleId}::int AND "workspaceId" = ${workspaceId}::int RETURNING 1`);
  if (!found.length) return counts; // deleted since it was queued: nothing to link
  // A retry (its optimistic write found a change) holds the lock from before it reads: it cannot be overtaken again.
  if (!tx.deferred) {
    const asked = performance.now();
    await tx.query(sql`SELECT 1 AS held FROM pg_advisory_xact_lock(${LINK_LOCK_NAMESPACE}::int, ${workspaceId}::int)`);
    tx.locked?.(performance.now() - asked);
  }
  const [head] = await tx.query<{
    related: RelatedRow[];
    names: Record<string, string>;
    events: { id: number; type: EventType; at: string | null }[];
  }>(sql`
    WITH own AS (
      SELECT c.id, c."eventId" FROM "Claim" c WHERE c."articleId" = ${articleId}::int AND c."workspaceId" = ${workspaceId}::int
    ), own_actors AS (
      SELECT DISTINCT ca."actorId" AS id FROM "ClaimActor" ca WHERE ca."claimId" IN (SELECT id FROM own)
    ), ranked AS (
      SELECT id FROM (
        SELECT x.id, 2 AS rank FROM (SELECT DISTINCT "eventId" AS id FROM own WHERE "eventId" IS NOT NULL) e
         -- ("workspaceId" + 0: a filter only. As an index condition, stale statistics had the planner AND
         -- a bitmap of every claim of the workspace into each event's walk.)
         CROSS JOIN LATERAL (SELECT c.id FROM "Claim" c
                              WHERE c."eventId" = e.id AND c."workspaceId" + 0 = ${workspaceId}::int AND c."articleId" <> ${articleId}::int
                              ORDER BY c.id DESC LIMIT ${RELATED_LIMIT}::int) x
        UNION ALL
        SELECT x."claimId", 1 FROM own_actors a
         CROSS JOIN LATERAL (SELECT ca."claimId" FROM "ClaimActor" ca WHERE ca."actorId" = a.id AND ca."claimId" NOT IN (SELECT id FROM own)
                              ORDER BY ca."claimId" DESC LIMIT ${CLAIMS_PER_ACTOR}::int) x
         GROUP BY x."claimId" HAVING count(DISTINCT a.id) >= least(2, (SELECT count(*) FROM own_actors))
      ) r GROUP BY id ORDER BY max(rank) DESC, id DESC LIMIT ${RELATED_LIMIT}::int
    ), rel AS (
      -- Only what compare() reads of a claim: text, slots, actors, event and publication day.
      SELECT c.id, c."articleId", c.text, c."eventId", c."clusterId", c.slots,
             -- The article's publication day when known to the day: compare() does not relate claims of articles far apart in time.
             (SELECT CASE WHEN ar."publishedPrecision" IN ('DAY', 'EXACT') THEN to_char(ar."publishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') END
                FROM "Article" ar WHERE ar.id = c."articleId") AS published,
             coalesce((SELECT array_agg(DISTINCT ca."actorId") FROM "ClaimActor" ca WHERE ca."claimId" = c.id), '{}'::int[]) AS "actorIds"
        FROM (SELECT id FROM own UNION SELECT id FROM ranked) ids JOIN "Claim" c ON c.id = ids.id
    )
    SELECT coalesce((SELECT json_agg(rel ORDER BY rel.id) FROM rel), '[]'::json) AS related,
           -- The actors' names once each (a primary-key look-up per actor), not once per claim.
           coalesce((SELECT json_object_agg(u.id, (SELECT ac."canonicalName" FROM "Actor" ac WHERE ac.id = u.id))
                       FROM (SELECT DISTINCT unnest(rel."actorIds") AS id FROM rel) u), '{}'::json) AS names,
           coalesce((SELECT json_agg(json_build_object('id', e.id, 'type', e.type,
                         -- Only a day places a happening (as extract's toComparable): 'the 2016 election', stored as
                         -- 2016-01-01 to the year, would make every such claim one dated happening.
                         'at', CASE WHEN e."occurredPrecision" IN ('DAY', 'EXACT') THEN e."occurredAt" END))
                       FROM "Event" e WHERE e.id IN (SELECT rel."eventId" FROM rel)), '[]'::json) AS events`);
  if (!head) return counts;
  const events = new Map<number, { type: EventType; date: string | null }>();
  for (const e of head.events)
    events.set(e.id, { type: e.type, date: e.at ? new Date(e.at).toISOString().slice(0, 10) : null });
  // Every claim read the same way, the article's own and the candidates alike (so a pair compares the same
  // from either side): compare() reads a claim's text, slots, actors' names, event and publication day.
  const claims: ComparableClaim[] = head.related.map((r) => ({
    id: String(r.id),
    articleId: String(r.articleId),
    outlet: '',
    claim: {
      key: '',
      text: r.text,
      evidence: { start: 0, end: 0 },
      attribution: [],
      modality: 'REPORTED',
      actors: [],
      eventKey: null,
      slots: Array.isArray(r.slots) ? (r.slots as ExtractedClaim['slots']) : [],
    },
    actorNames: [...new Set(r.actorIds.flatMap((id) => head.names[id] ?? []))],
    event: r.eventId === null ? null : (events.get(r.eventId) ?? null),
    published: r.published,
  }));
  const own = new Set(head.related.filter((r) => r.articleId === articleId).map((r) => String(r.id)));
  if (own.size && claims.length > own.size) {
    const result = compare(claims);
    const articleOf = new Map(claims.map((c) => [c.id, c.articleId]));
    // Stored: contradictions (and any other pairwise kind) between the article's claims and another article's.
    const relations = result.relations.filter(
      (r) =>
        r.kind !== 'CORROBORATES' &&
        (own.has(r.fromId) || own.has(r.toId)) &&
        articleOf.get(r.fromId) !== articleOf.get(r.toId),
    );
    const groups = corroborationGroups(result.relations, own, articleOf);
    if (relations.length || groups.length) {
      const ids = [
        ...new Set([...relations.flatMap((r) => [Number(r.fromId), Number(r.toId)]), ...groups.flatMap((g) => g.ids)]),
      ].sort((x, y) => x - y);
      const read = new Map(head.related.map((r) => [r.id, r]));
      const plan = clusterPlan(
        groups,
        new Map(claims.map((c) => [Number(c.id), c.claim.text])),
        new Map(ids.map((id) => [id, read.get(id)!.clusterId])),
      );
      const write = {
        w: workspaceId,
        ns: LINK_LOCK_NAMESPACE,
        // What the decision read of the claims it stores links of: the write checks it is unchanged under the lock.
        expect: ids.map((id) => {
          const r = read.get(id)!;
          return { id, c: r.clusterId, e: r.eventId, a: [...r.actorIds].sort((x, y) => x - y) };
        }),
        rel: relations.map((r) => ({
          f: Number(r.fromId),
          t: Number(r.toId),
          k: r.kind,
          re: r.reason.slice(0, 1000),
          sl: r.kind === 'CONTRADICTS' ? r.slot : '',
          fv: r.fromValue ?? null,
          tv: r.toValue ?? null,
        })),
        ...plan,
      };
      if (tx.atCommit) tx.atCommit.text = `SELECT "claimgraph_link_write"(${jsonLiteral(write)}) AS link`;
      else {
        const [row] = await tx.query<{ link: WriteResult }>(
          sql`SELECT "claimgraph_link_write"(${write}::jsonb) AS link`,
        );
        addWritten(counts, row!.link);
      }
    }
  }
  return counts;
}

/** A JSON document as an SQL literal (standard_conforming_strings: only the quote is special). */
function jsonLiteral(value: unknown): string {
  const text = JSON.stringify(value);
  if (text.includes('\u0000')) throw new Error('A link write cannot hold a NUL character.');
  return `'${text.replace(/'/g, "''")}'::jsonb`;
}

/** A group of claims stating the same thing, with each member's reason for being in it. */
interface Group {
  ids: number[];
  reasons: Map<number, string>;
}

/**
 * The groups of claims stating the same thing: the connected components of compare()'s corroborations
 * (old pairs among the candidates included, as a new claim may join two of them), those holding one of
 * the article's claims and claims of two articles or more. A contradiction never joins claims: a cluster
 * is what its members corroborate. Each member's reason is its first corroboration in compare()'s order.
 */
export function corroborationGroups(
  relations: readonly ClaimRelationResult[],
  own: ReadonlySet<string>,
  articleOf: ReadonlyMap<string, string>,
): Group[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let r = id;
    while (parent.has(r)) r = parent.get(r)!;
    if (r !== id) parent.set(id, r);
    return r;
  };
  const reasons = new Map<string, string>();
  for (const r of relations) {
    if (r.kind !== 'CORROBORATES') continue;
    for (const id of [r.fromId, r.toId]) if (!reasons.has(id)) reasons.set(id, r.reason.slice(0, 1000));
    const [a, b] = [find(r.fromId), find(r.toId)];
    if (a !== b) parent.set(a, b);
  }
  const byRoot = new Map<string, string[]>();
  for (const id of reasons.keys()) {
    const root = find(id);
    const group = byRoot.get(root);
    if (group) group.push(id);
    else byRoot.set(root, [id]);
  }
  return [...byRoot.values()]
    .filter((g) => g.some((id) => own.has(id)) && new Set(g.map((id) => articleOf.get(id))).size >= 2)
    .map((g) => ({
      ids: g.map(Number).sort((x, y) => x - y),
      reasons: new Map(g.map((id) => [Number(id), reasons.get(id)!])),
    }));
}

/**
 * Where each group's claims go, from the clusters its members were read in: a group joins the lowest cluster among
 * its members' (else a new one, summarised by its first claim), and the other clusters it touches are merged into
 * that one. A claim that joins gets its reason; one already in a cluster keeps its own. `fresh`: the summaries of
 * the clusters to create, the i-th named -i in `moves`. The write applies it only if those clusters are unchanged.
 */
function clusterPlan(groups: Group[], textOf: Map<number, string>, stored: Map<number, number | null>) {
  const reasonOf = new Map(groups.flatMap((g) => [...g.reasons]));
  // Union-find over cluster ids; a group without one gets a placeholder (negative) until it is created.
  const parent = new Map<number, number>();
  const root = (c: number): number => {
    while (parent.has(c)) c = parent.get(c)!;
    return c;
  };
  const target = new Map<number, number>();
  const fresh: { placeholder: number; summary: string }[] = [];
  for (const group of groups) {
    const touched = [
      ...new Set(
        group.ids.flatMap((id) =>
          target.has(id) ? [root(target.get(id)!)] : stored.get(id) ? [root(stored.get(id)!)] : [],
        ),
      ),
    ];
    // Stored clusters first (the lowest id), placeholders last.
    touched.sort((a, b) => (a > 0 && b > 0 ? a - b : b - a));
    let into = touched[0];
    if (into === undefined) {
      into = -(fresh.length + 1);
      fresh.push({ placeholder: into, summary: (textOf.get(Math.min(...group.ids)) ?? '').slice(0, 500) });
    }
    for (const c of touched) if (c !== into) parent.set(c, into);
    for (const id of group.ids) target.set(id, into);
  }
  const created = fresh.filter((f) => !parent.has(f.placeholder));
  const named = new Map(created.map((f, i) => [f.placeholder, -(i + 1)]));
  const final = (c: number) => {
    const r = root(c);
    return r > 0 ? r : named.get(r)!;
  };
  return {
    fresh: created.map((f) => f.summary),
    moves: [...target]
      .filter(([id, c]) => stored.get(id) !== final(c))
      .map(([id, c]) => ({ id, c: final(c), why: reasonOf.get(id) ?? null })),
    // A stored cluster merged into another is always merged into a stored one (they sort first).
    merged: [...parent.keys()].filter((c) => c > 0).map((old) => ({ old, c: final(old) })),
  };
}

/**
 * A late merge: the articles whose claims name one of `actorIds` or are about one of `eventIds` (before the
 * merge moves them) are to be linked again, as the merged actor or event may relate them to claims they were
 * compared with, or not found with, before. Resets their linkedAt in the caller's transaction (rows locked
 * in id order) and returns them: the caller queues their link jobs after its commit (enqueueLinks); if that
 * is lost, they stay pending for the catch-up pass. `except`: an article the caller links anyway.
 *
 * A corrective split passes `claimIds`, the claims it moves to a new actor or event: their articles are
 * linked again (their claims read differently now), and so are the articles of the claims they were
 * related to or clustered with (those were compared with them as they were). The other claims of the
 * split actor or event are not touched: what they were compared with did not change.
 */
export async function requestRelink(
  tx: Tx | Prisma.TransactionClient,
  workspaceId: number,
  touched: {
    actorIds?: readonly number[];
    eventIds?: readonly number[];
    claimIds?: readonly number[];
    except?: number;
  },
): Promise<number[]> {
  const actorIds = [...(touched.actorIds ?? [])];
  const eventIds = [...(touched.eventIds ?? [])];
  const claimIds = [...(touched.claimIds ?? [])];
  if (!actorIds.length && !eventIds.length && !claimIds.length) return [];
  const rows = await ('query' in tx ? tx : prismaTx(tx)).query<{ id: number }>(sql`
    WITH touched AS (
      SELECT a.id FROM "Article" a
       WHERE a."workspaceId" = ${workspaceId}::int AND a.id <> ${touched.except ?? 0}::int
         AND a.id IN (SELECT c."articleId" FROM "Claim" c WHERE c."workspaceId" = ${workspaceId}::int AND c."eventId" = ANY(${eventIds}::int[])
                      UNION SELECT c."articleId" FROM "ClaimActor" ca JOIN "Claim" c ON c.id = ca."claimId" WHERE ca."actorId" = ANY(${actorIds}::int[])
                      UNION SELECT c."articleId" FROM "Claim" c WHERE c.id = ANY(${claimIds}::int[])
                      UNION SELECT o."articleId" FROM "ClaimRelation" r JOIN "Claim" o ON o.id IN (r."fromClaimId", r."toClaimId")
                             WHERE r."fromClaimId" = ANY(${claimIds}::int[]) OR r."toClaimId" = ANY(${claimIds}::int[])
                      UNION SELECT o."articleId" FROM "Claim" c JOIN "Claim" o ON o."clusterId" = c."clusterId" WHERE c.id = ANY(${claimIds}::int[]))
       ORDER BY a.id FOR UPDATE OF a
    )
    UPDATE "Article" a SET "linkedAt" = NULL FROM touched WHERE a.id = touched.id RETURNING a.id`);
  return rows.map((r) => r.id).sort((x, y) => x - y);
}

/**
 * A corrective split: the links found for `claimIds` (the claims it moves to a new actor or event) were found
 * for what the claims were, and a link job only adds. So they are undone here, in the split's transaction —
 * the claims' contradictions, and every cluster one of them is in (a moved claim may have been what joined
 * the others) — and the articles of all the claims concerned are reset (requestRelink): their link jobs find
 * again whatever compare() still gives, from either side, as for articles never linked. The cluster lock
 * orders this with link jobs' cluster updates. Returns the articles to queue after the commit.
 */
export async function unlinkForSplit(
  tx: Tx | Prisma.TransactionClient,
  workspaceId: number,
  claimIds: readonly number[],
): Promise<number[]> {
  if (!claimIds.length) return [];
  const relink = await requestRelink(tx, workspaceId, { claimIds });
  const q = 'query' in tx ? tx : prismaTx(tx);
  await q.query(sql`SELECT 1 AS held FROM pg_advisory_xact_lock(${LINK_LOCK_NAMESPACE}::int, ${workspaceId}::int)`);
  const ids = [...claimIds];
  await q.query(sql`
    DELETE FROM "ClaimRelation" WHERE "workspaceId" = ${workspaceId}::int AND ("fromClaimId" = ANY(${ids}::int[]) OR "toClaimId" = ANY(${ids}::int[]))`);
  const gone = (
    await q.query<{ id: number }>(sql`
      SELECT DISTINCT "clusterId" AS id FROM "Claim" WHERE id = ANY(${ids}::int[]) AND "workspaceId" = ${workspaceId}::int AND "clusterId" IS NOT NULL`)
  ).map((r) => r.id);
  if (gone.length) {
    await q.query(sql`
      UPDATE "Claim" SET "clusterId" = NULL, "clusterReason" = NULL WHERE "clusterId" = ANY(${gone}::int[]) AND "workspaceId" = ${workspaceId}::int`);
    await q.query(
      sql`DELETE FROM "ClaimCluster" WHERE id = ANY(${gone}::int[]) AND "workspaceId" = ${workspaceId}::int`,
    );
  }
  return relink;
}

/** Articles of the workspace (every workspace when null) whose linking has not finished, oldest first. */
export async function pendingArticles(
  db: PrismaClient,
  workspaceId: number | null,
  limit = 10_000,
): Promise<{ id: number; workspaceId: number }[]> {
  return db.$queryRawUnsafe<{ id: number; workspaceId: number }[]>(
    `SELECT id, "workspaceId" FROM "Article" WHERE "linkedAt" IS NULL AND ($1::int IS NULL OR "workspaceId" = $1::int) ORDER BY id LIMIT $2::int`,
    workspaceId,
    limit,
  );
}

/** The catch-up pass: links every pending article of the workspace (all workspaces when null), one transaction each. */
export async function linkPending(
  db: PrismaClient,
  workspaceId: number | null,
  options: TransactionOptions & { onArticle?: (articleId: number, linked: Linked) => void } = {},
): Promise<{ linked: number; relations: number }> {
  let linked = 0;
  let relations = 0;
  for (;;) {
    const batch = await pendingArticles(db, workspaceId, 500);
    if (!batch.length) return { linked, relations };
    for (const a of batch) {
      const r = await linkArticle(db, a.workspaceId, a.id, options);
      linked++;
      relations += r.counts.relations;
      options.onArticle?.(a.id, r);
    }
  }
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
