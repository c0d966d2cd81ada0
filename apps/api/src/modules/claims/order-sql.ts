// The explorer's default order: newest publication first (the article's date), undated articles last, newest claim
// within a day. One statement per page, keyset on (publication time in ms, claim id) carried in the cursor's `r`.
import { Prisma } from '@claimgraph/db';
import type { Page } from '../../pagination.js';
import type { ListQuery } from '../../sql-list.js';

/** The cursor's `r` for an undated claim: below every date (JavaScript dates stay within ±8.64e15 ms). */
export const UNDATED = -1e16;

const publishedMs = Prisma.sql`(extract(epoch FROM pa."publishedAt") * 1000)::float8`;

/**
 * Dated claims, then undated ones: two branches, each ordered and limited, so each can walk an index (the articles'
 * (workspaceId, publishedAt), then the claims of each article) and stop after a page instead of sorting every match.
 */
export function byPublicationSql(q: Omit<ListQuery, 'rank' | 'idColumn'>, page: Page): Prisma.Sql {
  const limit = page.limit + 1;
  const after = page.after;
  const from = Prisma.sql`${q.from} JOIN "Article" pa ON pa.id = c."articleId" AND pa."workspaceId" = c."workspaceId"`;
  const dated = Prisma.sql`(SELECT ${q.columns}, ${publishedMs} AS rank FROM ${from}
    WHERE ${q.where} AND pa."publishedAt" IS NOT NULL ${after ? Prisma.sql`AND (${publishedMs}, c.id) < (${after.r}::float8, ${after.id}::int)` : Prisma.empty}
    ORDER BY pa."publishedAt" DESC, c.id DESC LIMIT ${limit}::int)`;
  const undated = Prisma.sql`(SELECT ${q.columns}, ${UNDATED}::float8 AS rank FROM ${from}
    WHERE ${q.where} AND pa."publishedAt" IS NULL ${after?.r === UNDATED ? Prisma.sql`AND c.id < ${after.id}::int` : Prisma.empty}
    ORDER BY c.id DESC LIMIT ${limit}::int)`;
  const branches = after?.r === UNDATED ? undated : Prisma.sql`${dated} UNION ALL ${undated}`;
  return Prisma.sql`SELECT * FROM (${branches}) q ORDER BY q.rank DESC, q.id DESC LIMIT ${limit}::int`;
}
