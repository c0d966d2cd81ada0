// The claim filter as SQL: shared by the explorer, facets, contradictions, timeline and exports.
import { Prisma, type PrismaClient } from '@claimgraph/db';
import { idsOf } from '../../ids.js';
import { resolveActorNames } from '../actors/service.js';
import { and, resolveLabelGroups, sourceHasLabels, type LabelCondition } from '../sources/filter-sql.js';
import { parseOrThrow } from '../validation-utils.js';
import { ClaimFilterModel } from './validation.js';

/** A validated filter with ids decoded and actor names resolved to ids. */
export interface ResolvedClaimFilter {
  workspaceId: number;
  /** null: no actor condition; []: names matched no actor, so nothing matches. */
  actorIds: number[] | null;
  /** One group of exact spellings per requested label. */
  labels: LabelCondition[][];
  labelMatch: 'ANY' | 'ALL';
  sourceIds: number[];
  eventIds: number[];
  articleIds: number[];
  clusterIds: number[];
  modalities: string[];
  from: Date | null;
  to: Date | null;
  dateField: 'ARTICLE' | 'EVENT';
  hasContradictions: boolean | null;
  text: string | null;
}

export async function resolveClaimFilter(
  db: PrismaClient,
  workspaceId: number,
  raw: unknown,
  path = 'filter',
): Promise<ResolvedClaimFilter> {
  const f = parseOrThrow(ClaimFilterModel, raw ?? {}, path);
  let actorIds: number[] | null = null;
  if (f.actorIds?.length || f.actorNames?.length) {
    actorIds = [
      ...idsOf(f.actorIds, 'Actor'),
      ...(f.actorNames?.length ? await resolveActorNames(db, workspaceId, f.actorNames) : []),
    ];
  }
  return {
    workspaceId,
    actorIds,
    labels: await resolveLabelGroups(db, workspaceId, f.biasLabels ?? []),
    labelMatch: f.biasLabelMatch ?? 'ANY',
    sourceIds: idsOf(f.sourceIds, 'Source'),
    eventIds: idsOf(f.eventIds, 'Event'),
    articleIds: idsOf(f.articleIds, 'Article'),
    clusterIds: idsOf(f.clusterIds, 'ClaimCluster'),
    modalities: f.modalities ?? [],
    from: f.from ?? null,
    to: f.to ?? null,
    dateField: f.dateField ?? 'ARTICLE',
    hasContradictions: f.hasContradictions ?? null,
    text: f.text ?? null,
  };
}

export interface ClaimSql {
  /** FROM clause; the claim is aliased `c`. */
  from: Prisma.Sql;
  where: Prisma.Sql;
  /** ts_rank expression when the filter has text. */
  rank: Prisma.Sql | null;
}

export function claimSql(f: ResolvedClaimFilter): ClaimSql {
  const conds = [Prisma.sql`c."workspaceId" = ${f.workspaceId}`];
  if (f.actorIds) {
    conds.push(
      Prisma.sql`c.id IN (SELECT ca."claimId" FROM "ClaimActor" ca WHERE ca."actorId" = ANY(${f.actorIds}::int[]))`,
    );
  }
  conds.push(...sourceHasLabels(Prisma.sql`c."sourceId"`, f.labels, f.labelMatch, f.workspaceId));
  if (f.sourceIds.length) conds.push(Prisma.sql`c."sourceId" = ANY(${f.sourceIds}::int[])`);
  if (f.eventIds.length) conds.push(Prisma.sql`c."eventId" = ANY(${f.eventIds}::int[])`);
  if (f.articleIds.length) conds.push(Prisma.sql`c."articleId" = ANY(${f.articleIds}::int[])`);
  if (f.clusterIds.length) conds.push(Prisma.sql`c."clusterId" = ANY(${f.clusterIds}::int[])`);
  if (f.modalities.length) conds.push(Prisma.sql`c.modality::text = ANY(${f.modalities}::text[])`);
  let from = Prisma.sql`"Claim" c`;
  if (f.from || f.to) {
    // The article's date is on the claim (kept by triggers); an event's needs the join.
    const col = f.dateField === 'EVENT' ? Prisma.sql`d."occurredAt"` : Prisma.sql`c."publishedAt"`;
    if (f.dateField === 'EVENT') from = Prisma.sql`"Claim" c JOIN "Event" d ON d.id = c."eventId"`;
    if (f.from) conds.push(Prisma.sql`${col} >= ${f.from}`);
    if (f.to) conds.push(Prisma.sql`${col} < ${f.to}`);
  }
  if (f.hasContradictions !== null) {
    const exists = Prisma.sql`EXISTS (SELECT 1 FROM "ClaimRelation" r WHERE r.kind = 'CONTRADICTS' AND (r."fromClaimId" = c.id OR r."toClaimId" = c.id))`;
    conds.push(f.hasContradictions ? exists : Prisma.sql`NOT ${exists}`);
  }
  let rank: Prisma.Sql | null = null;
  if (f.text) {
    conds.push(Prisma.sql`c."searchVector" @@ websearch_to_tsquery('english', ${f.text})`);
    rank = Prisma.sql`ts_rank(c."searchVector", websearch_to_tsquery('english', ${f.text}))::float8`;
  }
  return { from, where: and(conds), rank };
}

export const CLAIM_COLUMNS = Prisma.sql`c.id, c."workspaceId", c."articleId", c."sourceId", c."extractionKey", c.text,
  c."evidenceStart", c."evidenceEnd", c.modality, c."eventId", c."clusterId", c."reviewStatus", c."reviewNote", c."createdAt"`;
