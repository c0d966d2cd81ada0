// Cross-article linking, stage 2 of ingestion: the same claim in other outlets, corroboration and contradiction.
import type { Prisma, PrismaClient } from '@claimgraph/db';
import { compare, storyProfile, toComparable } from '@claimgraph/extract';
import type {
  ClaimRelationResult,
  ComparableClaim,
  EventType,
  ExtractedClaim,
  ExtractionResult,
} from '@claimgraph/shared';
import { prismaTx, sql } from './sql.js';
import { transaction, type TransactionOptions } from './transaction.js';
import { emptyCounts, type IngestCounts, type Tx } from './types.js';

/** Most claims of other articles compared with an article (by shared event first, then shared actors). */
export const RELATED_LIMIT = 120;
/** Newest claims of each of the article's actors looked at for the shared-actor candidates. */
const CLAIMS_PER_ACTOR = 200;
/** Namespace of the per-workspace advisory lock under which link jobs assign clusters (a (namespace, workspace) pair of ints). */
export const LINK_LOCK_NAMESPACE = 0x43470002;

/**
 * The article's story profile, stored with it (Article.storyTerms) when it is written: the link stage gives
 * compare() only some claims of another article, and reads whether the two tell one story by the whole of both.
 */
export const storyTermsOf = (extraction: ExtractionResult): string[] => storyProfile(toComparable(extraction, '', ''));

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
 * unique key (from, to, kind, slot) makes a second insert a no-op. A claim joins a cluster only when it
 * corroborates every member it is compared with (placeClaims), not through one bridge, and stays
 * in it; a claim's reason is set once, when it joins. That step is the one serialised: the job reads the
 * claims' clusters with its candidates and decides with nothing held, and its write (claimgraph_link_write,
 * sent with the COMMIT in one round trip) takes a per-workspace advisory lock, then checks that what the
 * decision read of every claim it stores links of or weighed — its cluster, event and actors — is unchanged,
 * and only then writes. With those inputs unchanged the decision is the one it would have made under the lock;
 * a cluster created or joined by another job since, or a claim moved, raises CGL01: the job rolls back and
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
    profiles: Record<string, string[]>;
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
                       FROM "Event" e WHERE e.id IN (SELECT rel."eventId" FROM rel)), '[]'::json) AS events,
           -- The whole articles' story profiles: a candidate article is here by a few of its claims only.
           coalesce((SELECT json_object_agg(ar.id, ar."storyTerms") FROM "Article" ar
                      WHERE ar.id IN (SELECT DISTINCT rel."articleId" FROM rel) AND cardinality(ar."storyTerms") > 0), '{}'::json) AS profiles`);
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
  const own = new Set(head.related.filter((r) => r.articleId === articleId).map((r) => r.id));
  if (own.size && claims.length > own.size) {
    const result = compare(claims, { profiles: new Map(Object.entries(head.profiles)) });
    const articleOf = new Map(head.related.map((r) => [r.id, r.articleId]));
    // Stored: contradictions (and any other pairwise kind) between the article's claims and another article's.
    const relations = result.relations.filter(
      (r) =>
        r.kind !== 'CORROBORATES' &&
        (own.has(Number(r.fromId)) || own.has(Number(r.toId))) &&
        articleOf.get(Number(r.fromId)) !== articleOf.get(Number(r.toId)),
    );
    const plan = placeClaims(head.related, result.relations, own);
    if (relations.length || plan.read.length) {
      const ids = [...new Set([...relations.flatMap((r) => [Number(r.fromId), Number(r.toId)]), ...plan.read])].sort(
        (x, y) => x - y,
      );
      const read = new Map(head.related.map((r) => [r.id, r]));
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
        fresh: plan.fresh.map((id) => read.get(id)!.text.slice(0, 500)),
        moves: plan.moves,
        merged: [], // clusters are never merged: a claim joining two would be a bridge between them
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

/**
 * Where the article's claims go. A cluster is claims that all corroborate one another, not a chain: a claim
 * joins a cluster only when it corroborates every member it was compared with (the members among the candidates,
 * its own article's aside), and then the largest such; an unclustered claim of another article is a cluster of
 * one to join. The article's claims are placed one by one in id order; then an unclustered claim of another
 * article joins a cluster they joined or started when it corroborates every member. Claims already in a cluster
 * stay, and clusters never merge: a claim turned away stays turned away as the cluster grows, so linking again
 * changes nothing.
 *
 * Returns the clusters to create (by their first claim), the moves (a new cluster is named -i, the i-th of
 * `fresh`) with each claim's reason (its corroboration of the first member), and every claim whose cluster the
 * decision read, for the write to check.
 */
export function placeClaims(
  claims: readonly { id: number; articleId: number; clusterId: number | null }[],
  relations: readonly ClaimRelationResult[],
  own: ReadonlySet<number>,
): { fresh: number[]; moves: { id: number; c: number; why: string }[]; read: number[] } {
  const peers = new Map<number, Map<number, string>>();
  const pair = (x: number, y: number, why: string) => {
    const m = peers.get(x) ?? new Map<number, string>();
    if (!m.has(y)) m.set(y, why.slice(0, 1000));
    peers.set(x, m);
  };
  for (const r of relations)
    if (r.kind === 'CORROBORATES') {
      pair(Number(r.fromId), Number(r.toId), r.reason);
      pair(Number(r.toId), Number(r.fromId), r.reason);
    }
  const articleOf = new Map(claims.map((c) => [c.id, c.articleId]));
  const members = new Map<number, number[]>();
  const clusterOf = new Map<number, number>();
  const add = (id: number, c: number) => {
    clusterOf.set(id, c);
    if (members.has(c)) members.get(c)!.push(id);
    else members.set(c, [id]);
  };
  const sorted = [...claims].sort((x, y) => x.id - y.id);
  let singles = 0;
  for (const c of sorted) if (c.clusterId !== null || !own.has(c.id)) add(c.id, c.clusterId ?? --singles);
  const read = new Set<number>();
  const moves: { id: number; c: number; why: string }[] = [];
  /**
   * The largest of the clusters whose members (its own article's aside) the claim all corroborates, with its
   * corroboration of the first. Every member weighed is read; `agreeingOnly` weighs only clusters with a member it
   * corroborates.
   */
  const largestAgreeing = (
    claim: { articleId: number },
    agrees: Map<number, string>,
    clusters: Iterable<number>,
    agreeingOnly = false,
  ) => {
    let best: { c: number; size: number; why: string } | undefined;
    for (const c of clusters) {
      const judged = members.get(c)!.filter((m) => articleOf.get(m) !== claim.articleId);
      if (agreeingOnly && !judged.some((m) => agrees.has(m))) continue;
      for (const m of judged) read.add(m);
      if (judged.length && judged.every((m) => agrees.has(m)) && judged.length > (best?.size ?? 0))
        best = { c, size: judged.length, why: agrees.get(judged[0]!)! };
    }
    return best;
  };
  const join = (id: number, to: { c: number; why: string }) => {
    add(id, to.c);
    moves.push({ id, c: to.c, why: to.why });
  };
  for (const claim of sorted) {
    const agrees = peers.get(claim.id);
    if (!own.has(claim.id) || !agrees) continue;
    read.add(claim.id);
    if (claim.clusterId !== null) continue;
    const best = largestAgreeing(claim, agrees, new Set([...agrees.keys()].flatMap((p) => clusterOf.get(p) ?? [])));
    if (best) join(claim.id, best);
  }
  // An unclustered claim of another article joins a cluster the article's claims joined or started here when it
  // corroborates every member: else an older copy of a statement would stay out of the cluster its copies form.
  const grown = new Set(moves.map((m) => m.c));
  for (const claim of sorted) {
    const agrees = peers.get(claim.id);
    const single = clusterOf.get(claim.id)!;
    if (own.has(claim.id) || claim.clusterId !== null || !agrees || members.get(single)!.length > 1) continue;
    const best = largestAgreeing(claim, agrees, grown, true);
    if (!best) continue;
    read.add(claim.id);
    members.delete(single);
    join(claim.id, best);
  }
  // A cluster of one that an article's claim joined is created, its first claim moved too with its corroboration of the second.
  const fresh = [...new Set(moves.map((m) => m.c).filter((c) => c < 0))];
  const name = new Map(fresh.map((c, i) => [c, -(i + 1)]));
  const founders = fresh.map((c) => {
    const [first, second] = members.get(c)! as [number, number];
    return { id: first, c, why: peers.get(first)!.get(second)! };
  });
  return {
    fresh: founders.map((f) => f.id),
    moves: [...founders, ...moves].map((m) => ({ ...m, c: name.get(m.c) ?? m.c })),
    read: [...read].sort((x, y) => x - y),
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
