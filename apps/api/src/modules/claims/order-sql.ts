// The explorer's default order: newest publication first (the article's date), undated articles last, newest claim
// within a day. One statement per page, keyset on (publication time in ms, claim id) carried in the cursor's `r`.
import { Prisma } from '@claimgraph/db';
import type { Page } from '../../pagination.js';
import type { ListQuery } from '../../sql-list.js';

/** The cursor's `r` for an undated claim: below every date (JavaScript dates stay within ±8.64e15 ms). */
export const UNDATED = -1e16;

const publishedMs = Prisma.sql`(extract(epoch FROM c."publishedAt") * 1000)::float8`;

/**
 * Dated claims, then undated ones: two branches, each ordered and limited, so each can walk the claims' index on
 * (workspaceId, publishedAt, id) — the article's date, kept on the claim — and stop after a page instead of sorting
 * every match (or walking articles by date and checking each of their claims, as before the date was on the claim).
 */
export function byPublicationSql(q: Omit<ListQuery, 'rank' | 'idColumn'>, page: Page): Prisma.Sql {
  const limit = page.limit + 1;
  const after = page.after;
  // Timestamps are stored to the millisecond, so the cursor's ms give the exact value back (index-usable bounds).
  const afterDated = after
    ? Prisma.sql`AND (c."publishedAt", c.id) < (timestamptz 'epoch' + ${after.r}::float8 * interval '1 millisecond', ${after.id}::int)`
    : Prisma.empty;
  const dated = Prisma.sql`(SELECT ${q.columns}, ${publishedMs} AS rank FROM ${q.from}
    WHERE ${q.where} AND c."publishedAt" IS NOT NULL ${afterDated}
    ORDER BY c."publishedAt" DESC, c.id DESC LIMIT ${limit}::int)`;
  const undated = Prisma.sql`(SELECT ${q.columns}, ${UNDATED}::float8 AS rank FROM ${q.from}
    WHERE ${q.where} AND c."publishedAt" IS NULL ${after?.r === UNDATED ? Prisma.sql`AND c.id < ${after.id}::int` : Prisma.empty}
    ORDER BY c."publishedAt" DESC, c.id DESC LIMIT ${limit}::int)`;
  const branches = after?.r === UNDATED ? undated : Prisma.sql`${dated} UNION ALL ${undated}`;
  return Prisma.sql`SELECT * FROM (${branches}) q ORDER BY q.rank DESC, q.id DESC LIMIT ${limit}::int`;
}
