import { Prisma, type Claim, type ClaimRelation } from '@claimgraph/db';
import type { GraphQLResolveInfo } from 'graphql';
import type { ClaimFilter } from '../../__generated__/resolvers.js';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { loadOrThrow } from '../../loader-utils.js';
import { readPage, toConnection, type PageArgs } from '../../pagination.js';
import { selectsField } from '../../selection.js';
import { countRows, jsonDate, keysetSql } from '../../sql-list.js';
import { CLAIM_ROW } from '../claims/loaders.js';
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

export async function listContradictions(
  ctx: Context,
  rawFilter: ClaimFilter | null | undefined,
  args: PageArgs,
  info: GraphQLResolveInfo,
) {
  assertCan(ctx.viewer, 'workspace:read');
  const ws = ctx.viewer.workspaceId;
  const filter = await resolveClaimFilter(ctx.db, ws, rawFilter);
  const page = readPage(args);
  const q = claimSql(filter);
  // A relation is listed when either claim matches, checked per relation while walking the newest relations down
  // until the page is full; `IN (every matching claim)` first built the whole set: 7 s for the unfiltered list at 1M claims.
  const matches = (claimId: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM ${q.from} WHERE c.id = ${claimId} AND ${q.where})`;
  const from = Prisma.sql`"ClaimRelation" r`;
  const where = Prisma.sql`r."workspaceId" = ${ws} AND r.kind = 'CONTRADICTS'
    AND (${matches(Prisma.sql`r."fromClaimId"`)} OR ${matches(Prisma.sql`r."toClaimId"`)})`;
  const pageSql = keysetSql({ columns: Prisma.sql`r.*`, from, where, idColumn: Prisma.sql`r.id`, rank: null }, page);
  // Both claims ride on the page when selected (whole loader rows): the claim loader's batch was a second round trip.
  const claim = (id: string) =>
    Prisma.sql`(SELECT row_to_json(x) FROM (SELECT ${CLAIM_ROW} FROM "Claim" WHERE id = p.${Prisma.raw(`"${id}"`)} AND "workspaceId" = ${ws}) x)`;
  const withClaims = selectsField(info, 'from') || selectsField(info, 'to');
  // A named statement on the direct pool (parsed once per connection, no Prisma decoding), as the claims page.
  const rows = await ctx.direct.rows<ClaimRelation & { _from?: Claim | null; _to?: Claim | null }>(
    withClaims
      ? Prisma.sql`SELECT p.*, ${claim('fromClaimId')} AS "_from", ${claim('toClaimId')} AS "_to" FROM (${pageSql}) p ORDER BY p.id DESC`
      : pageSql,
  );
  const relations = rows.map(({ _from, _to, ...r }) => {
    for (const c of [_from, _to]) if (c) ctx.loaders.claim.prime(c.id, claimDates(c));
    ctx.loaders.relation.prime(r.id, r);
    return r;
  });
  return { ...toConnection(relations, page), totalCount: () => countRows(ctx.db, from, where) };
}

/** A claim row from JSON as the claim loader reads it (timestamps as Dates). */
const claimDates = (c: Claim): Claim => ({
  ...c,
  createdAt: jsonDate(c.createdAt) as Date,
  publishedAt: jsonDate(c.publishedAt) as Date | null,
});
