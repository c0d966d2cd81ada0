import { Prisma, type Article } from '@claimgraph/db';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { loadOrThrow } from '../../loader-utils.js';
import { idsOf } from '../../ids.js';
import { readPage, toConnection, type PageArgs } from '../../pagination.js';
import { countRows, keysetList } from '../../sql-list.js';
import { resolveActorNames } from '../actors/service.js';
import { CommonFilterModel } from '../filters.js';
import { and, resolveLabelGroups, sourceHasLabels } from '../sources/filter-sql.js';
import { parseOrThrow } from '../validation-utils.js';
import type { ArticleFilter } from '../../__generated__/resolvers.js';

export async function getArticle(ctx: Context, id: number): Promise<Article> {
  assertCan(ctx.viewer, 'workspace:read');
  return loadOrThrow(ctx.loaders.article, 'Article', id);
}

/** What an article's resolvers read (not the signature columns), for lists that select columns themselves. */
export const ARTICLE_COLUMNS = Prisma.sql`a.id, a."workspaceId", a."sourceId", a.url, a."canonicalUrl", a.title, a."publishedAt",
  a."publishedPrecision", a.language, a.body, a."removedLines", a."contentHash", a."extractorVersion", a.warnings, a."ingestedAt", a."originId"`;

export async function listArticles(ctx: Context, rawFilter: ArticleFilter | null | undefined, args: PageArgs) {
  assertCan(ctx.viewer, 'workspace:read');
  const f = parseOrThrow(CommonFilterModel, rawFilter ?? {}, 'filter');
  const page = readPage(args, Boolean(f.text));
  const ws = ctx.viewer.workspaceId;
  const conds = [Prisma.sql`a."workspaceId" = ${ws}`];
  if (f.sourceIds?.length) conds.push(Prisma.sql`a."sourceId" = ANY(${idsOf(f.sourceIds, 'Source')}::int[])`);
  conds.push(
    ...sourceHasLabels(
      Prisma.sql`a."sourceId"`,
      await resolveLabelGroups(ctx.db, ws, f.biasLabels ?? []),
      f.biasLabelMatch ?? 'ANY',
      ws,
    ),
  );
  if (f.actorIds?.length || f.actorNames?.length) {
    const actorIds = [
      ...idsOf(f.actorIds, 'Actor'),
      ...(f.actorNames?.length ? await resolveActorNames(ctx.db, ws, f.actorNames) : []),
    ];
    conds.push(Prisma.sql`a.id IN (SELECT c."articleId" FROM "Claim" c JOIN "ClaimActor" ca ON ca."claimId" = c.id
      WHERE ca."actorId" = ANY(${actorIds}::int[]))`);
  }
  if (f.eventIds?.length) {
    conds.push(
      Prisma.sql`a.id IN (SELECT em."articleId" FROM "EventMention" em WHERE em."eventId" = ANY(${idsOf(f.eventIds, 'Event')}::int[]))`,
    );
  }
  if (f.from) conds.push(Prisma.sql`a."publishedAt" >= ${f.from}`);
  if (f.to) conds.push(Prisma.sql`a."publishedAt" < ${f.to}`);
  let rank: Prisma.Sql | null = null;
  if (f.text) {
    conds.push(Prisma.sql`a."searchVector" @@ websearch_to_tsquery('english', ${f.text})`);
    rank = Prisma.sql`ts_rank(a."searchVector", websearch_to_tsquery('english', ${f.text}))::float8`;
  }
  const from = Prisma.sql`"Article" a`;
  const where = and(conds);
  const rows = await keysetList<Article & { rank?: number }>(
    ctx.db,
    { columns: ARTICLE_COLUMNS, from, where, idColumn: Prisma.sql`a.id`, rank },
    page,
  );
  for (const r of rows) ctx.loaders.article.prime(r.id, r);
  return { ...toConnection(rows, page), totalCount: () => countRows(ctx.db, from, where) };
}
