import { Prisma, type Claim, type ClaimCluster } from '@claimgraph/db';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { toGlobalId } from '../../ids.js';
import { readPage, toConnection, type PageArgs } from '../../pagination.js';
import { countRows, keysetList } from '../../sql-list.js';
import { visibleLabel } from '../sources/filter-sql.js';
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

/**
 * The claims explorer: one SQL statement for the page (keyset on id, or rank then id), nested fields through
 * per-request loaders; `totalCount` and `facets` run only when selected.
 */
export async function listClaims(ctx: Context, rawFilter: unknown, args: PageArgs, extra: Record<string, unknown> = {}) {
  assertCan(ctx.viewer, 'read');
  const filter = await resolveClaimFilter(ctx.db, ctx.viewer.workspaceId, { ...((rawFilter as object | null) ?? {}), ...extra });
  const page = readPage(args, Boolean(filter.text));
  const q = claimSql(filter);
  const rows = await keysetList<Claim & { rank?: number }>(
    ctx.db,
    { columns: CLAIM_COLUMNS, from: q.from, where: q.where, idColumn: Prisma.sql`c.id`, rank: q.rank },
    page,
  );
  for (const r of rows) ctx.loaders.claim.prime(r.id, r);
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
