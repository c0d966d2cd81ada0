// Near-duplicate origins as the API reads them: an article's origin and copies, and how many independent
// reports carry a set of claims (ingestion links copies to their origin: packages/ingest/src/origins).
import { Prisma, type Article } from '@claimgraph/db';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { getArticle } from '../articles/service.js';

export async function originOf(ctx: Context, article: Article): Promise<Article | null> {
  return article.originId === null ? null : getArticle(ctx, article.originId);
}

export async function copiesOf(ctx: Context, article: Article, first: number | null | undefined): Promise<Article[]> {
  assertCan(ctx.viewer, 'workspace:read');
  const rows = await ctx.db.article.findMany({
    where: { workspaceId: ctx.viewer.workspaceId, originId: article.id },
    orderBy: [{ publishedAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    // (list-bounds.ts checked `first`: 1 to 100.)
    take: first ?? 20,
  });
  for (const r of rows) ctx.loaders.article.prime(r.id, r);
  return rows;
}

/** Articles, outlets and independent origins (an origin with its copies once) carrying the claims. */
export type Reach = { articles: number; outlets: number; origins: number };

/** The reach of the claims whose ids `claimIds` (a query of ids) selects: articles, outlets and independent reports. */
export const reachSql = (claimIds: Prisma.Sql, workspaceId: number) => Prisma.sql`
  SELECT count(DISTINCT a.id)::int AS articles, count(DISTINCT a."sourceId")::int AS outlets, count(DISTINCT coalesce(a."originId", a.id))::int AS origins
    FROM "Article" a
   WHERE a."workspaceId" = ${workspaceId}
     AND a.id IN (SELECT c."articleId" FROM "Claim" c WHERE c.id IN (${claimIds}) AND c."workspaceId" = ${workspaceId})`;

export async function reachOf(ctx: Context, claimIds: readonly number[]): Promise<Reach> {
  assertCan(ctx.viewer, 'workspace:read');
  const ids = Prisma.sql`SELECT unnest(${[...claimIds]}::int[])`;
  const [row] = await ctx.direct.rows<Reach>(reachSql(ids, ctx.viewer.workspaceId));
  return row ?? { articles: 0, outlets: 0, origins: 0 };
}
