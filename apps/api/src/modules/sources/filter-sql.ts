import { Prisma, type PrismaClient } from '@claimgraph/db';

export interface LabelCondition {
  scheme: string;
  value?: string | null;
}

/** A label row visible to the workspace: current, and shared or the workspace's own. */
export function visibleLabel(alias: string, workspaceId: number): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`${a}."retiredAt" IS NULL AND (${a}."workspaceId" IS NULL OR ${a}."workspaceId" = ${workspaceId})`;
}

/**
 * Resolves each requested label to the exact (scheme, value) spellings in use, matching case-insensitively; a
 * label without value resolves to its scheme. One small query. Exact spellings keep the outlet filter
 * index-friendly and give the planner real statistics (lower(...) made it misjudge selectivity badly).
 */
export async function resolveLabelGroups(db: PrismaClient, workspaceId: number, labels: readonly LabelCondition[]): Promise<LabelCondition[][]> {
  if (!labels.length) return [];
  const rows = await db.$queryRaw<{ scheme: string; value: string }[]>`
    SELECT DISTINCT bl.scheme, bl.value FROM "BiasLabel" bl
    WHERE ${visibleLabel('bl', workspaceId)} AND lower(bl.scheme) = ANY(${[...new Set(labels.map((l) => l.scheme.toLowerCase()))]}::text[])`;
  return labels.map((l) => {
    const scheme = l.scheme.toLowerCase();
    const value = l.value?.toLowerCase();
    const hits = rows.filter((r) => r.scheme.toLowerCase() === scheme && (value === undefined || r.value.toLowerCase() === value));
    return value === undefined ? [...new Set(hits.map((h) => h.scheme))].map((s) => ({ scheme: s })) : hits;
  });
}

function labelMatch(l: LabelCondition): Prisma.Sql {
  return l.value == null ? Prisma.sql`bl.scheme = ${l.scheme}` : Prisma.sql`(bl.scheme = ${l.scheme} AND bl.value = ${l.value})`;
}

/**
 * Conditions restricting `sourceColumn` (e.g. c."sourceId") to outlets with the labels, given as resolved groups
 * (one group per requested label): one condition for ANY, one per group for ALL. An empty group matches nothing.
 */
export function sourceHasLabels(
  sourceColumn: Prisma.Sql,
  groups: readonly LabelCondition[][],
  match: 'ANY' | 'ALL',
  workspaceId: number,
): Prisma.Sql[] {
  if (groups.length === 0) return [];
  const sub = (variants: readonly LabelCondition[]) =>
    variants.length
      ? Prisma.sql`${sourceColumn} IN (SELECT bl."sourceId" FROM "BiasLabel" bl WHERE ${visibleLabel('bl', workspaceId)} AND (${Prisma.join(variants.map(labelMatch), ' OR ')}))`
      : Prisma.sql`FALSE`;
  if (match === 'ALL') return groups.map(sub);
  return [sub(groups.flat())];
}

export function and(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}
