import { Prisma, type Source } from '@claimgraph/db';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { loadOrThrow } from '../../loader-utils.js';
import { readPage, toConnection, type PageArgs } from '../../pagination.js';
import { and, resolveLabelGroups, sourceHasLabels, visibleLabel, visibleSource } from './filter-sql.js';
import { SourceFilterModel, parseOrThrow } from './validation.js';
import type { SourceFilter } from '../../__generated__/resolvers.js';

export async function getSource(ctx: Context, id: number): Promise<Source> {
  assertCan(ctx.viewer, 'workspace:read');
  return loadOrThrow(ctx.loaders.source, 'Source', id);
}

/** Outlets ordered by (name, id); keyset on id within the name order is done via the row position of the cursor's id. */
export async function listSources(ctx: Context, rawFilter: SourceFilter | null | undefined, args: PageArgs) {
  assertCan(ctx.viewer, 'workspace:read');
  const filter = parseOrThrow(SourceFilterModel, rawFilter ?? {}, 'filter');
  const page = readPage(args);
  const ws = ctx.viewer.workspaceId;
  const conds: Prisma.Sql[] = [visibleSource('s', ws)];
  if (filter.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(Prisma.sql`(s.name ILIKE ${like} OR s.slug ILIKE ${like} OR coalesce(s.domain, '') ILIKE ${like})`);
  }
  if (filter.ownership?.length) conds.push(Prisma.sql`s.ownership::text = ANY(${filter.ownership}::text[])`);
  conds.push(
    ...sourceHasLabels(
      Prisma.sql`s.id`,
      await resolveLabelGroups(ctx.db, ws, filter.biasLabels ?? []),
      filter.biasLabelMatch ?? 'ANY',
      ws,
    ),
  );
  const where = and(conds);
  // Ordering by id keeps the keyset trivial and stable; outlets are few, so clients sort by name as they like.
  const afterCond = page.after ? Prisma.sql`AND s.id > ${page.after.id}` : Prisma.empty;
  const rows = await ctx.db.$queryRaw<Source[]>`
    SELECT s.* FROM "Source" s WHERE ${where} ${afterCond} ORDER BY s.id LIMIT ${page.limit + 1}`;
  for (const r of rows) ctx.loaders.source.prime(r.id, r);
  return {
    ...toConnection(rows, page),
    totalCount: async () => {
      const [row] = await ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Source" s WHERE ${where}`;
      return row?.n ?? 0;
    },
  };
}

/** Every label in use with its number of outlets. */
export async function listBiasLabels(ctx: Context) {
  assertCan(ctx.viewer, 'workspace:read');
  return ctx.db.$queryRaw<{ scheme: string; value: string; count: number }[]>`
    SELECT bl.scheme, bl.value, count(DISTINCT bl."sourceId")::int AS count
    FROM "BiasLabel" bl WHERE ${visibleLabel('bl', ctx.viewer.workspaceId)}
    GROUP BY bl.scheme, bl.value ORDER BY bl.scheme, bl.value`;
}
