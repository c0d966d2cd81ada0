import { Prisma, type ClaimRelation } from '@claimgraph/db';
import type { ClaimFilter } from '../../__generated__/resolvers.js';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { loadOrThrow } from '../../loader-utils.js';
import { readPage, toConnection, type PageArgs } from '../../pagination.js';
import { countRows, keysetList } from '../../sql-list.js';
import { claimSql, resolveClaimFilter } from '../claims/filter-sql.js';

export async function getRelation(ctx: Context, id: number): Promise<ClaimRelation> {
  assertCan(ctx.viewer, 'read');
  return loadOrThrow(ctx.loaders.relation, 'ClaimRelation', id);
}

/** Relations of one claim, optionally only some kinds. */
export async function relatedClaims(ctx: Context, claimId: number, kinds: readonly string[] | null | undefined) {
  assertCan(ctx.viewer, 'read');
  const rows = await ctx.loaders.relationsByClaim.load(claimId);
  return rows
    .filter((r) => !kinds?.length || kinds.includes(r.kind))
    .map((r) => {
      const forward = r.fromClaimId === claimId;
      return {
        relation: r,
        otherClaimId: forward ? r.toClaimId : r.fromClaimId,
        kind: r.kind,
        reason: r.reason,
        slot: r.slot,
        value: forward ? r.fromValue : r.toValue,
        otherValue: forward ? r.toValue : r.fromValue,
      };
    });
}

export async function listContradictions(ctx: Context, rawFilter: ClaimFilter | null | undefined, args: PageArgs) {
  assertCan(ctx.viewer, 'read');
  const filter = await resolveClaimFilter(ctx.db, ctx.viewer.workspaceId, rawFilter);
  const page = readPage(args);
  const q = claimSql(filter);
  const matching = Prisma.sql`SELECT c.id FROM ${q.from} WHERE ${q.where}`;
  const from = Prisma.sql`"ClaimRelation" r`;
  const where = Prisma.sql`r."workspaceId" = ${ctx.viewer.workspaceId} AND r.kind = 'CONTRADICTS'
    AND (r."fromClaimId" IN (${matching}) OR r."toClaimId" IN (${matching}))`;
  const rows = await keysetList<ClaimRelation>(ctx.db, { columns: Prisma.sql`r.*`, from, where, idColumn: Prisma.sql`r.id`, rank: null }, page);
  for (const r of rows) ctx.loaders.relation.prime(r.id, r);
  return { ...toConnection(rows, page), totalCount: () => countRows(ctx.db, from, where) };
}
