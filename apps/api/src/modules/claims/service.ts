import {
  Prisma,
  type Actor,
  type BiasLabel,
  type Claim,
  type ClaimActor,
  type ClaimAttribution,
  type ClaimCluster,
  type ClaimRelation,
  type Article,
  type Event,
  type Source,
} from '@claimgraph/db';
import type { GraphQLResolveInfo } from 'graphql';
import type { ClaimFilter } from '../../__generated__/resolvers.js';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { loadOrThrow } from '../../loader-utils.js';
import { readPage, toConnection, type PageArgs } from '../../pagination.js';
import { below, selectedFieldsByType, selectsField } from '../../selection.js';
import { jsonDate, keysetSql } from '../../sql-list.js';
import { NotFoundError } from '../../errors.js';
import { toGlobalId } from '../../ids.js';
import { visibleLabel } from '../sources/filter-sql.js';
import { PREFETCHED_LABELS } from '../sources/prefetch.js';
import { ARTICLE_ROW } from '../articles/loaders.js';
import { RELATION_ROW } from './loaders.js';
import { byPublicationSql } from './order-sql.js';
import { CLAIM_COLUMNS, claimSql, resolveClaimFilter, type ClaimSql, type ResolvedClaimFilter } from './filter-sql.js';

export async function getClaim(ctx: Context, id: number): Promise<Claim> {
  assertCan(ctx.viewer, 'workspace:read');
  return loadOrThrow(ctx.loaders.claim, 'Claim', id);
}

export async function getCluster(ctx: Context, id: number): Promise<ClaimCluster> {
  assertCan(ctx.viewer, 'workspace:read');
  return loadOrThrow(ctx.loaders.cluster, 'ClaimCluster', id);
}

/**
 * Nested rows a claims page can carry, by GraphQL type: the keys resolvers read (ids, foreign keys, workspaceId for
 * `shared`) and the columns sent only when the operation selects that field on that type anywhere. Smaller JSON is
 * less work for PostgreSQL to build and for the API to parse; at 1M claims it was most of the page's cost.
 */
const NESTED = {
  AttributionNode: {
    alias: 'at',
    keys: ['id', 'claimId', 'actorId', 'sourceId'],
    columns: ['position', 'kind', 'label'],
  },
  Actor: { alias: 'a', keys: ['id', 'workspaceId'], columns: ['canonicalName', 'kind', 'createdAt'] },
  Source: {
    alias: 's',
    keys: ['id'],
    columns: ['slug', 'name', 'domain', 'domains', 'country', 'ownership', 'createdAt'],
  },
  BiasLabel: {
    alias: 'bl',
    keys: ['id', 'sourceId', 'workspaceId'],
    columns: ['scheme', 'value', 'rater', 'assertedAt', 'url', 'note', 'retiredAt', 'createdAt'],
  },
} as const;

function jsonOf(type: keyof typeof NESTED, selected: Map<string, Set<string>>): Prisma.Sql {
  const { alias, keys, columns } = NESTED[type];
  const wanted = (c: string) => selected.get(type)?.has(c) || selected.get('*')?.has(c);
  return Prisma.raw(
    `json_build_object(${[...keys, ...columns.filter(wanted)].map((c) => `'${c}', ${alias}."${c}"`).join(', ')})`,
  );
}

// Nested lists fetched in the claims' own statement when the operation asks for them (one SQL per list).
const nestedColumns = (info: GraphQLResolveInfo | undefined, workspaceId: number): Prisma.Sql[] => {
  if (!info) return [];
  const selected = selectedFieldsByType(info);
  const wants = (field: string) => selectsField(info, field);
  const out: Prisma.Sql[] = [];
  if (wants('attribution')) {
    out.push(Prisma.sql`(SELECT coalesce(json_agg(${jsonOf('AttributionNode', selected)} ORDER BY at.position), '[]')
      FROM "ClaimAttribution" at WHERE at."claimId" = c.id) AS "_attribution"`);
  }
  if (wants('actors')) {
    out.push(Prisma.sql`(SELECT coalesce(json_agg(json_build_object('claimId', ca."claimId", 'actorId', ca."actorId", 'role', ca.role,
      'actor', ${jsonOf('Actor', selected)}) ORDER BY ca.role, ca."actorId"), '[]')
      FROM "ClaimActor" ca JOIN "Actor" a ON a.id = ca."actorId" WHERE ca."claimId" = c.id) AS "_actors"`);
  }
  if (wants('source')) {
    out.push(Prisma.sql`(SELECT ${jsonOf('Source', selected)} FROM "Source" s WHERE s.id = c."sourceId") AS "_source"`);
  }
  if (wants('labels')) {
    out.push(Prisma.sql`(SELECT coalesce(json_agg(${jsonOf('BiasLabel', selected)} ORDER BY bl.scheme, bl.value, bl.id), '[]')
      FROM "BiasLabel" bl WHERE bl."sourceId" = c."sourceId" AND ${visibleLabel('bl', workspaceId)}) AS "_labels"`);
  }
  return out;
};

type PageRow = Claim & {
  rank?: number;
  _attribution?: ClaimAttribution[];
  _actors?: (ClaimActor & { actor: Actor })[];
  _source?: Source;
  _labels?: BiasLabel[];
};

/**
 * Prefetched nested data rides on the rows under these symbols so field resolvers answer synchronously (no promise
 * per field). It carries only the selected columns, so it never goes into the per-request loaders, whose rows are
 * whole for every other use.
 */
const attribution = Symbol('attribution');
const actors = Symbol('actors');
const source = Symbol('source');
const actor = Symbol('actor');
export const PREFETCHED = {
  attribution,
  actors,
  source,
  /** On an attribution node: its actor, when it is one of the claim's actors. */
  actor,
  labels: PREFETCHED_LABELS,
} as const;
/** JSON has no dates: turn the named ISO strings back into Dates, as the loaders' rows have them. */
const dates = <T extends object>(row: T, ...keys: (keyof T)[]): T => {
  for (const k of keys) if (k in row) (row as Record<keyof T, unknown>)[k] = jsonDate(row[k]);
  return row;
};

/** A row with its nested JSON as the claim's fields read it: the claim columns plus, under symbols, what came with it. */
function withPrefetched({ _attribution, _actors, _source, _labels, ...claim }: PageRow) {
  const row = claim as Claim & { rank?: number } & Record<symbol, unknown>;
  const source = _source && (dates(_source, 'createdAt') as Source & Record<symbol, unknown>);
  if (source) {
    if (_labels) source[PREFETCHED.labels] = _labels.map((l) => dates(l, 'assertedAt', 'retiredAt', 'createdAt'));
    row[PREFETCHED.source] = source;
  }
  if (_actors) {
    for (const l of _actors) dates(l.actor, 'createdAt');
    row[PREFETCHED.actors] = _actors;
  }
  if (_attribution) {
    for (const n of _attribution as (ClaimAttribution & Record<symbol, unknown>)[]) {
      if (source && n.sourceId === row.sourceId) n[PREFETCHED.source] = source;
      const actor = n.actorId && _actors?.find((l) => l.actorId === n.actorId)?.actor;
      if (actor) n[PREFETCHED.actor] = actor;
    }
    row[PREFETCHED.attribution] = _attribution;
  }
  return row;
}

/**
 * A claim's own rows beyond its columns when the operation selects them: its stored relations, article, event and
 * cluster (`c` is the claim). The claim page read each in a round trip of its own after the claim.
 */
function claimRows(info: GraphQLResolveInfo, ws: number): Prisma.Sql[] {
  const wants = (...fields: string[]) => fields.some((f) => selectsField(info, f));
  const out: Prisma.Sql[] = [];
  if (wants('related', 'hasContradictions')) {
    out.push(Prisma.sql`(SELECT coalesce(json_agg(r ORDER BY r.id), '[]') FROM (SELECT ${RELATION_ROW} FROM "ClaimRelation"
      WHERE "workspaceId" = ${ws} AND (c.id = "fromClaimId" OR c.id = "toClaimId")) r) AS "_relations"`);
  }
  if (wants('article', 'evidence')) {
    out.push(Prisma.sql`(SELECT row_to_json(x) FROM (SELECT ${ARTICLE_ROW} FROM "Article"
      WHERE id = c."articleId" AND "workspaceId" = ${ws}) x) AS "_article"`);
  }
  if (wants('event')) {
    out.push(
      Prisma.sql`(SELECT row_to_json(e) FROM "Event" e WHERE e.id = c."eventId" AND e."workspaceId" = ${ws}) AS "_event"`,
    );
  }
  if (wants('cluster')) {
    out.push(Prisma.sql`(SELECT row_to_json(k) FROM "ClaimCluster" k
      WHERE k.id = c."clusterId" AND k."workspaceId" = ${ws}) AS "_cluster"`);
  }
  return out;
}

export type ClaimPageRow = PageRow & {
  _relations?: ClaimRelation[];
  _article?: Article | null;
  _event?: Event | null;
  _cluster?: ClaimCluster | null;
  _others?: ClaimPageRow[];
};

/** A claim page row into the loaders: the claim with what it prefetched, and its relations, article, event, cluster. */
export function primeClaimPage(
  ctx: Context,
  { _relations, _article, _event, _cluster, _others, ...page }: ClaimPageRow,
) {
  const claim = withPrefetched(dates(page, 'createdAt'));
  const { loaders } = ctx;
  loaders.claim.prime(claim.id, claim);
  if (_relations)
    loaders.relationsByClaim.prime(
      claim.id,
      _relations.map((r) => dates(r, 'createdAt')),
    );
  if (_article) loaders.article.prime(_article.id, dates(_article, 'publishedAt', 'ingestedAt', 'linkedAt'));
  if (_event) loaders.event.prime(_event.id, dates(_event, 'occurredAt', 'createdAt'));
  if (_cluster) loaders.cluster.prime(_cluster.id, dates(_cluster, 'createdAt'));
  for (const other of _others ?? []) primeClaimPage(ctx, other);
  return claim;
}

/**
 * One claim (the claim page) in one statement on the direct pool, with what the operation selects of: its chain,
 * actors, outlet and outlet labels (as the explorer's page), its relations, article, event and cluster, and the
 * claims at the other end of its relations with the same. They were four dependent waves of loader statements.
 * Without any of those, the claim loader.
 */
export async function getClaimPage(ctx: Context, id: number, info: GraphQLResolveInfo): Promise<Claim> {
  const ws = ctx.viewer.workspaceId;
  const columns = pageColumns(info, ws);
  if (!columns) return getClaim(ctx, id);
  assertCan(ctx.viewer, 'workspace:read');
  // The claims at the other end of its relations, with what `related { claim { … } }` selects of them.
  const otherColumns = pageColumns(below(info, 'related', 'claim'), ws) ?? Prisma.sql`${CLAIM_COLUMNS}, c.slots`;
  const others = selectsField(info, 'related')
    ? Prisma.sql`, (SELECT coalesce(json_agg(o), '[]') FROM (SELECT ${otherColumns} FROM "Claim" c WHERE c."workspaceId" = ${ws}
        AND c.id IN (SELECT CASE WHEN r."fromClaimId" = ${id}::int THEN r."toClaimId" ELSE r."fromClaimId" END FROM "ClaimRelation" r
          WHERE r."workspaceId" = ${ws} AND (r."fromClaimId" = ${id}::int OR r."toClaimId" = ${id}::int))) o) AS "_others"`
    : Prisma.empty;
  const [row] = await ctx.direct.keyed<ClaimPageRow>(Prisma.sql`
    SELECT ${columns} ${others} FROM "Claim" c WHERE c.id = ${id}::int AND c."workspaceId" = ${ws}`);
  if (!row) throw new NotFoundError('Claim', toGlobalId('Claim', id));
  return primeClaimPage(ctx, row);
}

/** A claim's columns and what the operation selects of its rows (null: nothing beyond the claim loader's row). */
export function pageColumns(info: GraphQLResolveInfo, ws: number): Prisma.Sql | null {
  const own = [...nestedColumns(info, ws), ...claimRows(info, ws)];
  return own.length ? Prisma.sql`${CLAIM_COLUMNS}, c.slots, ${Prisma.join(own, ', ')}` : null;
}

/** Claims by id (a coverage's claims) as getClaimPage reads one, in one statement, in id order. */
export async function loadClaimPages(ctx: Context, ids: number[], info: GraphQLResolveInfo): Promise<Claim[]> {
  assertCan(ctx.viewer, 'workspace:read');
  if (!ids.length) return [];
  const columns = pageColumns(info, ctx.viewer.workspaceId) ?? CLAIM_COLUMNS;
  const rows = await ctx.direct.keyed<ClaimPageRow>(Prisma.sql`
    SELECT ${columns} FROM "Claim" c WHERE c.id = ANY(${ids}::int[]) AND c."workspaceId" = ${ctx.viewer.workspaceId} ORDER BY c.id`);
  return rows.map((r) => primeClaimPage(ctx, r));
}

/** How many claims `totalCount` counts exactly, and how many (the newest) matching claims facets are counted over. */
export interface ClaimCountLimits {
  exactCount: number;
  facetSample: number;
}
export const DEFAULT_COUNT_LIMITS: ClaimCountLimits = { exactCount: 10_000, facetSample: 10_000 };

/**
 * The claims explorer: one SQL statement for the page (keyset on id, or rank then id) that also carries the
 * attribution chains, actors, outlet and outlet labels when selected; other nested fields go through per-request loaders.
 * `totalCount`/`count` and `facets` run only when selected, each in one bounded statement.
 */
export async function listClaims(
  ctx: Context,
  rawFilter: ClaimFilter | null | undefined,
  args: PageArgs,
  extra: Partial<ClaimFilter> = {},
  info?: GraphQLResolveInfo,
) {
  assertCan(ctx.viewer, 'workspace:read');
  const filter = await resolveClaimFilter(ctx.db, ctx.viewer.workspaceId, { ...rawFilter, ...extra });
  // Ordered by text-search rank with text, else by publication: either way the cursor carries the order's value.
  const page = readPage(args, true, filter.text ? undefined : 'published');
  const q = claimSql(filter);
  const list = { columns: CLAIM_COLUMNS, from: q.from, where: q.where };
  const pageSql = q.rank
    ? keysetSql({ ...list, idColumn: Prisma.sql`c.id`, rank: q.rank }, page)
    : byPublicationSql(list, page);
  // The nested lists are built around the finished page, once per row on it: inside the page's branches they were
  // planned once per branch and built for every branch's rows before the page was cut.
  const nested = nestedColumns(info, ctx.viewer.workspaceId);
  const rows = await ctx.direct.rows<PageRow>(
    nested.length
      ? Prisma.sql`SELECT c.*, ${Prisma.join(nested, ', ')} FROM (${pageSql}) c ORDER BY c.rank DESC, c.id DESC`
      : pageSql,
  );
  // Rows for the connection: the claim columns plus, under symbols, what the page prefetched.
  const claims = rows.map((r) => {
    const row = withPrefetched(r);
    ctx.loaders.claim.prime(row.id, row);
    return row;
  });
  let facets: ReturnType<typeof claimFacets> | undefined;
  const faceted = () => (facets ??= claimFacets(ctx, filter));
  // With facets asked too, their statement already counted the matches up to the sample: no second scan.
  const fromFacets = selectsField(info, 'facets') && ctx.countLimits.facetSample >= ctx.countLimits.exactCount;
  let count: Promise<ClaimCount> | undefined;
  const counted = () => (count ??= countClaims(ctx, q, fromFacets ? faceted().then((f) => f.matched) : undefined));
  const connection = toConnection(claims, page);
  return {
    ...connection,
    edges: q.rank ? connection.edges : connection.edges.map((e) => ({ ...e, rank: null })),
    count: counted,
    totalCount: async () => (await counted()).value,
    facets: faceted,
  };
}

export interface ClaimCount {
  value: number;
  exact: boolean;
  atLeast: number;
}

/**
 * Counts matching claims up to the exact-count limit (one statement that stops there); beyond it, PostgreSQL's
 * planner estimate from EXPLAIN (a second, plan-only statement), never below what was counted. Counting a million
 * rows took seconds and held a core; this costs at most `exactCount` rows whatever the filter matches.
 */
async function countClaims(ctx: Context, q: ClaimSql, counted?: Promise<number>): Promise<ClaimCount> {
  const limit = ctx.countLimits.exactCount;
  const bounded = async () => {
    const [row] = await ctx.direct.rows<{ n: number }>(
      Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${q.from} WHERE ${q.where} LIMIT ${limit + 1}::int) m`,
    );
    return row?.n ?? 0;
  };
  const n = Math.min(await (counted ?? bounded()), limit + 1);
  if (n <= limit) return { value: n, exact: true, atLeast: n };
  const [plan] = await ctx.db.$queryRaw<
    { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]
  >`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${q.from} WHERE ${q.where}`;
  const estimate = Math.round(plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
  return { value: Math.max(estimate, n), exact: false, atLeast: n };
}

const FACET_LIMIT = 50;

/**
 * Counts per label, outlet, actor and modality over the newest `facetSample` claims matching the filter (all of them
 * when fewer match; `exact` says which), in one statement: the matching ids are read once, not once per facet.
 */
export async function claimFacets(ctx: Context, filter: ResolvedClaimFilter) {
  const q = claimSql(filter);
  const ws = ctx.viewer.workspaceId;
  const sample = ctx.countLimits.facetSample;
  const [row] = await ctx.direct.rows<{
    counted: number;
    biasLabels: { scheme: string; value: string; count: number }[];
    sources: { sourceId: number; count: number }[];
    actors: { actorId: number; count: number }[];
    modalities: { modality: string; count: number }[];
  }>(
    Prisma.sql`
    WITH m AS MATERIALIZED (SELECT c.id, c."sourceId", c.modality FROM ${q.from} WHERE ${q.where} ORDER BY c.id DESC LIMIT ${sample + 1}::int),
    s AS (SELECT * FROM m ORDER BY id DESC LIMIT ${sample}::int)
    SELECT (SELECT count(*)::int FROM m) AS counted,
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT bl.scheme, bl.value, count(DISTINCT s.id)::int AS count FROM s JOIN "BiasLabel" bl ON bl."sourceId" = s."sourceId"
        WHERE ${visibleLabel('bl', ws)} GROUP BY bl.scheme, bl.value ORDER BY count DESC, bl.scheme, bl.value LIMIT ${FACET_LIMIT}::int) x) AS "biasLabels",
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT s."sourceId", count(*)::int AS count FROM s GROUP BY s."sourceId" ORDER BY count DESC, s."sourceId" LIMIT ${FACET_LIMIT}::int) x) AS sources,
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT ca."actorId", count(DISTINCT s.id)::int AS count FROM s JOIN "ClaimActor" ca ON ca."claimId" = s.id
        GROUP BY ca."actorId" ORDER BY count DESC, ca."actorId" LIMIT ${FACET_LIMIT}::int) x) AS actors,
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT s.modality::text AS modality, count(*)::int AS count FROM s GROUP BY s.modality ORDER BY count DESC, modality) x) AS modalities`,
  );
  const { counted, ...facets } = row!;
  /** `matched`: matching claims counted, up to the sample + 1 (the exact count when at most the sample). */
  return { ...facets, exact: counted <= sample, claimsCounted: Math.min(counted, sample), matched: counted };
}
