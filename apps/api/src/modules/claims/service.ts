import { Prisma, type Actor, type BiasLabel, type Claim, type ClaimActor, type ClaimAttribution, type ClaimCluster, type Source } from '@claimgraph/db';
import type { GraphQLResolveInfo } from 'graphql';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { toGlobalId } from '../../ids.js';
import { readPage, toConnection, type PageArgs } from '../../pagination.js';
import { selectsField } from '../../selection.js';
import { countRows, keysetList } from '../../sql-list.js';
import { visibleLabel } from '../sources/filter-sql.js';
import { PREFETCHED_LABELS } from '../sources/prefetch.js';
import { CLAIM_COLUMNS, claimSql, resolveClaimFilter, type ResolvedClaimFilter } from './filter-sql.js';

export async function getClaim(ctx: Context, id: number): Promise<Claim> {
  assertCan(ctx.viewer, 'read');
  const claim = await ctx.loaders.claim.load(id);
  if (!claim) throw new NotFoundError('Claim', toGlobalId('Claim', id));
  return claim;
}

export async function getCluster(ctx: Context, id: number): Promise<ClaimCluster> {
  assertCan(ctx.viewer, 'read');
  const cluster = await ctx.loaders.cluster.load(id);
  if (!cluster) throw new NotFoundError('ClaimCluster', toGlobalId('ClaimCluster', id));
  return cluster;
}

// Nested lists fetched in the page's own statement when the operation asks for them (one SQL per list).
const ATTRIBUTION_JSON = Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', at.id, 'claimId', at."claimId", 'position', at.position,
  'kind', at.kind, 'label', at.label, 'actorId', at."actorId", 'sourceId', at."sourceId") ORDER BY at.position), '[]')
  FROM "ClaimAttribution" at WHERE at."claimId" = c.id) AS "_attribution"`;
const ACTORS_JSON = Prisma.sql`(SELECT coalesce(json_agg(json_build_object('claimId', ca."claimId", 'actorId', ca."actorId", 'role', ca.role,
  'actor', row_to_json(a)) ORDER BY ca.role, ca."actorId"), '[]')
  FROM "ClaimActor" ca JOIN "Actor" a ON a.id = ca."actorId" WHERE ca."claimId" = c.id) AS "_actors"`;

const SOURCE_JSON = Prisma.sql`(SELECT row_to_json(s) FROM "Source" s WHERE s.id = c."sourceId") AS "_source"`;
const labelsJson = (workspaceId: number) => Prisma.sql`(SELECT coalesce(json_agg(row_to_json(bl) ORDER BY bl.scheme, bl.value, bl.id), '[]')
  FROM "BiasLabel" bl WHERE bl."sourceId" = c."sourceId" AND ${visibleLabel('bl', workspaceId)}) AS "_labels"`;

type PageRow = Claim & {
  rank?: number;
  _attribution?: ClaimAttribution[] | string;
  _actors?: (ClaimActor & { actor: Actor })[] | string;
  _source?: Source | string;
  _labels?: BiasLabel[] | string;
};
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * Prefetched nested data rides on the row under these symbols so field resolvers can answer synchronously
 * (no promise per field); the loaders are primed too, for every other path to the same rows.
 */
export const PREFETCHED = {
  attribution: Symbol('attribution'),
  actors: Symbol('actors'),
  source: Symbol('source'),
  labels: PREFETCHED_LABELS,
} as const;
/** JSON has no dates: turn the named ISO strings back into Dates, as the loaders' rows have them. */
const dates = <T extends object>(row: T, ...keys: (keyof T)[]): T => {
  for (const k of keys) if (typeof row[k] === 'string') (row as Record<keyof T, unknown>)[k] = new Date(row[k] as string);
  return row;
};

/**
 * The claims explorer: one SQL statement for the page (keyset on id, or rank then id) that also carries the
 * attribution chains, actors, outlet and outlet labels when selected; other nested fields go through per-request loaders.
 * `totalCount` and `facets` run only when selected.
 */
export async function listClaims(ctx: Context, rawFilter: unknown, args: PageArgs, extra: Record<string, unknown> = {}, info?: GraphQLResolveInfo) {
  assertCan(ctx.viewer, 'read');
  const filter = await resolveClaimFilter(ctx.db, ctx.viewer.workspaceId, { ...((rawFilter as object | null) ?? {}), ...extra });
  const page = readPage(args, Boolean(filter.text));
  const q = claimSql(filter);
  const columns = [CLAIM_COLUMNS];
  if (selectsField(info, 'attribution')) columns.push(ATTRIBUTION_JSON);
  if (selectsField(info, 'actors')) columns.push(ACTORS_JSON);
  if (selectsField(info, 'source')) columns.push(SOURCE_JSON);
  if (selectsField(info, 'labels')) columns.push(labelsJson(ctx.viewer.workspaceId));
  const rows = await keysetList<PageRow>(
    ctx.db,
    { columns: Prisma.join(columns, ', '), from: q.from, where: q.where, idColumn: Prisma.sql`c.id`, rank: q.rank },
    page,
  );
  for (const r of rows) {
    const row = r as PageRow & Record<symbol, unknown>;
    if (r._attribution !== undefined) {
      const chain = json(r._attribution);
      ctx.loaders.attributionByClaim.prime(r.id, chain);
      row[PREFETCHED.attribution] = chain;
    }
    if (r._actors !== undefined) {
      const links = json(r._actors).map((l) => ({ ...l, actor: dates(l.actor, 'createdAt') }));
      ctx.loaders.actorsByClaim.prime(r.id, links);
      for (const l of links) ctx.loaders.actor.prime(l.actorId, l.actor);
      row[PREFETCHED.actors] = links;
    }
    if (r._source) {
      const source = dates(json(r._source), 'createdAt') as Source & Record<symbol, unknown>;
      ctx.loaders.source.prime(r.sourceId, source);
      if (r._labels !== undefined) {
        const labels = json(r._labels).map((l) => dates(l, 'assertedAt', 'retiredAt', 'createdAt'));
        ctx.loaders.labelsBySource.prime(r.sourceId, labels);
        source[PREFETCHED.labels] = labels;
      }
      row[PREFETCHED.source] = source;
    } else if (r._labels !== undefined) {
      ctx.loaders.labelsBySource.prime(r.sourceId, json(r._labels).map((l) => dates(l, 'assertedAt', 'retiredAt', 'createdAt')));
    }
    delete r._attribution;
    delete r._actors;
    delete r._source;
    delete r._labels;
    ctx.loaders.claim.prime(r.id, r);
  }
  return {
    ...toConnection(rows, page),
    totalCount: () => countRows(ctx.db, q.from, q.where),
    facets: () => claimFacets(ctx, filter),
  };
}

const FACET_LIMIT = 50;

/** Counts per label, outlet, actor and modality for every claim matching the filter (one SQL each). */
export async function claimFacets(ctx: Context, filter: ResolvedClaimFilter) {
  const q = claimSql(filter);
  const ws = ctx.viewer.workspaceId;
  const matching = Prisma.sql`SELECT c.id, c."sourceId", c.modality FROM ${q.from} WHERE ${q.where}`;
  const [biasLabels, sources, actors, modalities] = await Promise.all([
    ctx.db.$queryRaw<{ scheme: string; value: string; count: number }[]>`
      WITH m AS (${matching})
      SELECT bl.scheme, bl.value, count(DISTINCT m.id)::int AS count FROM m JOIN "BiasLabel" bl ON bl."sourceId" = m."sourceId"
      WHERE ${visibleLabel('bl', ws)} GROUP BY bl.scheme, bl.value ORDER BY count DESC, bl.scheme, bl.value LIMIT ${FACET_LIMIT}`,
    ctx.db.$queryRaw<{ sourceId: number; count: number }[]>`
      WITH m AS (${matching})
      SELECT m."sourceId", count(*)::int AS count FROM m GROUP BY m."sourceId" ORDER BY count DESC, m."sourceId" LIMIT ${FACET_LIMIT}`,
    ctx.db.$queryRaw<{ actorId: number; count: number }[]>`
      WITH m AS (${matching})
      SELECT ca."actorId", count(DISTINCT m.id)::int AS count FROM m JOIN "ClaimActor" ca ON ca."claimId" = m.id
      GROUP BY ca."actorId" ORDER BY count DESC, ca."actorId" LIMIT ${FACET_LIMIT}`,
    ctx.db.$queryRaw<{ modality: string; count: number }[]>`
      WITH m AS (${matching})
      SELECT m.modality::text AS modality, count(*)::int AS count FROM m GROUP BY m.modality ORDER BY count DESC, modality`,
  ]);
  return { biasLabels, sources, actors, modalities };
}
