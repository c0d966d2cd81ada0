import { Prisma } from '@claimgraph/db';

export interface LabelCondition {
  scheme: string;
  value?: string | null;
}

/** A label row visible to the workspace: current, and shared or the workspace's own. */
export function visibleLabel(alias: string, workspaceId: number): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`${a}."retiredAt" IS NULL AND (${a}."workspaceId" IS NULL OR ${a}."workspaceId" = ${workspaceId})`;
}

function labelMatch(l: LabelCondition): Prisma.Sql {
  return l.value == null
    ? Prisma.sql`lower(bl.scheme) = lower(${l.scheme})`
    : Prisma.sql`lower(bl.scheme) = lower(${l.scheme}) AND lower(bl.value) = lower(${l.value})`;
}

/**
 * Conditions restricting `sourceColumn` (e.g. c."sourceId") to outlets with the labels: one condition for ANY,
 * one per label for ALL. Scheme and value match case-insensitively; a label without value matches the whole scheme.
 */
export function sourceHasLabels(
  sourceColumn: Prisma.Sql,
  labels: readonly LabelCondition[],
  match: 'ANY' | 'ALL',
  workspaceId: number,
): Prisma.Sql[] {
  if (labels.length === 0) return [];
  const sub = (cond: Prisma.Sql) =>
    Prisma.sql`${sourceColumn} IN (SELECT bl."sourceId" FROM "BiasLabel" bl WHERE ${visibleLabel('bl', workspaceId)} AND (${cond}))`;
  if (match === 'ALL') return labels.map((l) => sub(labelMatch(l)));
  return [sub(Prisma.join(labels.map(labelMatch), ' OR '))];
}

export function and(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}
