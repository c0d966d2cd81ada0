import { connectClient, Prisma, type PrismaClient } from '@claimgraph/db';

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

type Spellings = { at: number; generation: number; rows: Promise<{ scheme: string; value: string }[]> };
const spellingCache = new WeakMap<object, Map<number, Spellings>>();

/** Bumped whenever labels change (here, or in another process: see watchLabels); older copies are not used. */
let generation = 0;
/** While no process-wide listener is connected, a copy is not trusted at all. */
let listening = 0;
/** A statement trigger on BiasLabel notifies this channel at commit, whoever writes labels (migration label_writes_notify). */
const LABELS_CHANNEL = 'claimgraph_labels';

/** Drops every copy of the spellings this process holds. Call after a label write commits. */
export function forgetLabelSpellings(): void {
  generation++;
}

/**
 * Listens (one connection per process) for label writes made by any API process, and drops the spellings copy
 * when one commits. While the connection is down the copy is bypassed; it reconnects after `retryMs`.
 */
export function watchLabels(
  databaseUrl: string,
  onError: (err: unknown) => void,
  retryMs = 2000,
): { stop(): Promise<void> } {
  let client: Awaited<ReturnType<typeof connectClient>> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const lost = (err: unknown) => {
    if (!client) return;
    const c = client;
    client = null;
    listening--;
    forgetLabelSpellings();
    void c.end().catch(() => undefined);
    if (stopped) return;
    onError(err);
    timer = setTimeout(() => void connect(), retryMs);
    timer.unref();
  };
  const connect = async () => {
    try {
      const c = await connectClient(databaseUrl, { connectionTimeoutMs: 5000 });
      c.on('notification', forgetLabelSpellings);
      c.on('error', (err) => lost(err));
      c.on('end', () => lost(new Error('label listener connection ended')));
      await c.query(`LISTEN ${LABELS_CHANNEL}`);
      if (stopped) return void (await c.end());
      client = c;
      listening++;
      // Writes made while nobody listened are not announced to us.
      forgetLabelSpellings();
    } catch (err) {
      if (stopped) return;
      onError(err);
      timer = setTimeout(() => void connect(), retryMs);
      timer.unref();
    }
  };
  void connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      if (c) {
        client = null;
        listening--;
        await c.end().catch(() => undefined);
      }
    },
  };
}

/** Every visible (scheme, value) spelling of the workspace: one small query, kept per process and database client. */
function spellings(
  db: PrismaClient,
  workspaceId: number,
  fresh: boolean,
): Promise<{ scheme: string; value: string }[]> {
  let byWorkspace = spellingCache.get(db);
  if (!byWorkspace) spellingCache.set(db, (byWorkspace = new Map()));
  const hit = byWorkspace.get(workspaceId);
  if (hit && !fresh && listening > 0 && hit.generation === generation && Date.now() - hit.at < LABEL_SPELLINGS_TTL_MS)
    return hit.rows;
  // A plain promise: the cached value is awaited by many requests, and the query must run once.
  const rows = Promise.resolve(
    db.$queryRaw<
      { scheme: string; value: string }[]
    >`SELECT DISTINCT bl.scheme, bl.value FROM "BiasLabel" bl WHERE ${visibleLabel('bl', workspaceId)}`,
  );
  const entry = { at: Date.now(), generation, rows };
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
 * Every label write announces itself at commit (a statement trigger on BiasLabel, LISTEN/NOTIFY), whoever writes
 * it (an API process, the registry import), and each process drops its copy when it hears one (watchLabels), so a
 * second spelling of a known label ("Lean" beside "lean") filters on every process at once. Spellings that
 * disappeared are harmless: the page statement checks labels itself.
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
