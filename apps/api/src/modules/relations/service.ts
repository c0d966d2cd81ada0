import { Prisma, type ClaimRelation } from '@claimgraph/db';
import type { ClaimFilter } from '../../__generated__/resolvers.js';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { loadOrThrow } from '../../loader-utils.js';
import { readPage, toConnection, type PageArgs } from '../../pagination.js';
import { countRows, keysetSql } from '../../sql-list.js';
import { claimSql, resolveClaimFilter } from '../claims/filter-sql.js';

export async function getRelation(ctx: Context, id: number): Promise<ClaimRelation> {
  assertCan(ctx.viewer, 'workspace:read');
  return loadOrThrow(ctx.loaders.relation, 'ClaimRelation', id);
}

/**
 * What relates one claim to others, optionally only some kinds: its stored relations (contradictions, SAME_AS),
 * then its corroborations, which are the other articles' claims of its cluster (no relation row: `relation` is null,
 * the reason is why the other claim joined the cluster).
 */
export async function relatedClaims(ctx: Context, claimId: number, kinds: readonly string[] | null | undefined) {
  assertCan(ctx.viewer, 'workspace:read');
  const wanted = (kind: string) => !kinds?.length || kinds.includes(kind);
  const [rows, corroborations] = await Promise.all([
    ctx.loaders.relationsByClaim.load(claimId),
    wanted('CORROBORATES') ? ctx.loaders.corroborationsByClaim.load(claimId) : [],
  ]);
  const stored = rows
    .filter((r) => wanted(r.kind))
    .map((r) => {
      const forward = r.fromClaimId === claimId;
      return {
        relation: r as ClaimRelation | null,
        otherClaimId: forward ? r.toClaimId : r.fromClaimId,
        kind: r.kind,
        reason: r.reason,
        slot: r.slot,
        value: forward ? r.fromValue : r.toValue,
        otherValue: forward ? r.toValue : r.fromValue,
      };
    });
  const members = corroborations.map((c) => ({
    relation: null,
    otherClaimId: c.otherClaimId,
    kind: 'CORROBORATES' as const,
    reason: c.reason ?? 'in the same cluster',
    slot: '',
    value: null,
    otherValue: null,
  }));
  return [...stored, ...members];
}

export async function listContradictions(ctx: Context, rawFilter: ClaimFilter | null | undefined, args: PageArgs) {
  assertCan(ctx.viewer, 'workspace:read');
  const filter = await resolveClaimFilter(ctx.db, ctx.viewer.workspaceId, rawFilter);
  const page = readPage(args);
  const q = claimSql(filter);
  // A relation is listed when either claim matches, checked per relation while walking the newest relations down
  // until the page is full; `IN (every matching claim)` first built the whole set: 7 s for the unfiltered list at 1M claims.
  const matches = (claimId: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM ${q.from} WHERE c.id = ${claimId} AND ${q.where})`;
  const from = Prisma.sql`"ClaimRelation" r`;
  const where = Prisma.sql`r."workspaceId" = ${ctx.viewer.workspaceId} AND r.kind = 'CONTRADICTS'
    AND (${matches(Prisma.sql`r."fromClaimId"`)} OR ${matches(Prisma.sql`r."toClaimId"`)})`;
  // A named statement on the direct pool (parsed once per connection, no Prisma decoding), as the claims page.
  const rows = await ctx.direct.rows<ClaimRelation>(
    keysetSql({ columns: Prisma.sql`r.*`, from, where, idColumn: Prisma.sql`r.id`, rank: null }, page),
  );
  for (const r of rows) ctx.loaders.relation.prime(r.id, r);
  return { ...toConnection(rows, page), totalCount: () => countRows(ctx.db, from, where) };
}
