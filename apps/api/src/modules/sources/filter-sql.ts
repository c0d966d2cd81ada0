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

/** An outlet the workspace sees: its own, or the shared registry's. */
export function visibleSource(alias: string, workspaceId: number): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(${a}."workspaceId" IS NULL OR ${a}."workspaceId" = ${workspaceId})`;
}

/** The same for the ORM's where clauses. */
export const visibleSourceWhere = (workspaceId: number) => ({ OR: [{ workspaceId: null }, { workspaceId }] });

/** How long a process trusts its copy of the label spellings (see resolveLabelGroups). */
export const LABEL_SPELLINGS_TTL_MS = 10_000;

type Spellings = { at: number; rows: Promise<{ scheme: string; value: string }[]> };
const spellingCache = new WeakMap<object, Map<number, Spellings>>();

/** Every visible (scheme, value) spelling of the workspace: one small query, kept per process and database client. */
function spellings(
  db: PrismaClient,
  workspaceId: number,
  fresh: boolean,
): Promise<{ scheme: string; value: string }[]> {
  let byWorkspace = spellingCache.get(db);
  if (!byWorkspace) spellingCache.set(db, (byWorkspace = new Map()));
  const hit = byWorkspace.get(workspaceId);
  if (hit && !fresh && Date.now() - hit.at < LABEL_SPELLINGS_TTL_MS) return hit.rows;
  // A plain promise: the cached value is awaited by many requests, and the query must run once.
  const rows = Promise.resolve(
    db.$queryRaw<
      { scheme: string; value: string }[]
    >`SELECT DISTINCT bl.scheme, bl.value FROM "BiasLabel" bl WHERE ${visibleLabel('bl', workspaceId)}`,
  );
  const entry = { at: Date.now(), rows };
  byWorkspace.set(workspaceId, entry);
  rows.catch(() => byWorkspace.get(workspaceId) === entry && byWorkspace.delete(workspaceId));
  return rows;
}

/**
 * Resolves each requested label to the exact (scheme, value) spellings in use, matching case-insensitively; a
 * label without value resolves to its scheme. Exact spellings keep the outlet filter index-friendly and give the
 * planner real statistics (lower(...) made it misjudge selectivity badly).
 *
 * The spellings are cached per process for LABEL_SPELLINGS_TTL_MS, so most requests send no statement for them.
 * Labels are written by other processes too (imports, the registry, other API replicas), so a label the cache does
 * not know is looked up again at once: a new label works on the next request anywhere. What a stale copy can miss
 * is only a second spelling of a label it already knows (e.g. "Lean" beside "lean"), for at most the TTL; spellings
 * that disappeared are harmless, the page statement checks labels itself.
 */
export async function resolveLabelGroups(
  db: PrismaClient,
  workspaceId: number,
  labels: readonly LabelCondition[],
): Promise<LabelCondition[][]> {
  if (!labels.length) return [];
  const resolve = (rows: { scheme: string; value: string }[]) =>
    labels.map((l) => {
      const scheme = l.scheme.toLowerCase();
      const value = l.value?.toLowerCase();
      const hits = rows.filter(
        (r) => r.scheme.toLowerCase() === scheme && (value == null || r.value.toLowerCase() === value),
      );
      return value == null ? [...new Set(hits.map((h) => h.scheme))].map((s) => ({ scheme: s })) : hits;
    });
  const groups = resolve(await spellings(db, workspaceId, false));
  return groups.some((g) => g.length === 0) ? resolve(await spellings(db, workspaceId, true)) : groups;
}

function labelMatch(l: LabelCondition): Prisma.Sql {
  return l.value == null
    ? Prisma.sql`bl.scheme = ${l.scheme}`
    : Prisma.sql`(bl.scheme = ${l.scheme} AND bl.value = ${l.value})`;
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
