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

type Spelling = { scheme: string; value: string };
type Spellings = { at: number; generation: number; read: Promise<{ rows: Spelling[]; seen: Snapshot }> };
const spellingCache = new WeakMap<object, Map<number, Spellings>>();

/** Bumped whenever labels change (here, or in another process: see watchLabels). */
let generation = 0;
/**
 * The label writes heard since, by generation: the writer's transaction id, or null when unknown (this process's
 * own writes, a listener reconnecting). A copy stays good while its snapshot saw every one of them: a copy read
 * after a write committed must not be read again when that write's notification arrives late.
 */
const heard: { generation: number; xid: bigint | null }[] = [];
const HEARD_KEPT = 256;

/** A PostgreSQL snapshot (`pg_current_snapshot()` as text, "xmin:xmax:xip,…"): which transactions it saw. */
type Snapshot = { xmin: bigint; xmax: bigint; running: Set<bigint> };
function parseSnapshot(text: string): Snapshot {
  const [xmin = '0', xmax = '0', xip = ''] = text.split(':');
  return { xmin: BigInt(xmin), xmax: BigInt(xmax), running: new Set(xip ? xip.split(',').map(BigInt) : []) };
}
const sawCommit = (s: Snapshot, xid: bigint) => xid < s.xmin || (xid < s.xmax && !s.running.has(xid));

function heardWrite(xid: bigint | null): void {
  generation++;
  heard.push({ generation, xid });
  if (heard.length > HEARD_KEPT) heard.shift();
}

/** Whether a copy read at `since` with snapshot `seen` saw every label write heard after it was read. */
function stillGood(since: number, seen: Snapshot): boolean {
  if (since === generation) return true;
  if (!heard.length || heard[0]!.generation > since + 1) return false; // writes forgotten since
  return heard.every((h) => h.generation <= since || (h.xid !== null && sawCommit(seen, h.xid)));
}
/** While no process-wide listener is connected, a copy is not trusted at all. */
let listening = 0;
/** Each connected listener's barrier (see caughtUp). */
const barriers = new Set<() => Promise<boolean>>();
/** How long a request waits for a listener to catch up before it reads the spellings afresh instead. */
export const LABEL_LISTENER_WAIT_MS = 1000;
/** The label listener's name in pg_stat_activity. */
export const LABEL_LISTENER_NAME = 'claimgraph label listener';

/**
 * One round trip at a time on a listening connection; callers share one that starts after they called, never one
 * already on its way. Resolves false when the query fails.
 */
function roundTrips(query: () => Promise<unknown>): () => Promise<boolean> {
  let running: Promise<boolean> | null = null;
  let next: Promise<boolean> | null = null;
  const start = (): Promise<boolean> =>
    (running = query().then(
      () => ((running = null), true),
      () => ((running = null), false),
    ));
  return () => {
    if (!running) return start();
    return (next ??= running.then(() => {
      next = null;
      return start();
    }));
  };
}

/**
 * Whether every label write committed before the call has been heard. A notification reaches a listener
 * asynchronously, so a request can arrive before the notification of a write that another process has already
 * answered for; but PostgreSQL hands a listening session its pending notifications before the result of its next
 * query, so one round trip on each listening connection is the barrier. A listener that does not answer within
 * LABEL_LISTENER_WAIT_MS (a stalled connection) gives false: the caller reads afresh rather than wait on it.
 */
async function caughtUp(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), LABEL_LISTENER_WAIT_MS)));
  try {
    const each = await Promise.race([Promise.all([...barriers].map((b) => b())), late]);
    return Array.isArray(each) && each.every(Boolean);
  } finally {
    clearTimeout(timer);
  }
}
/** A statement trigger on BiasLabel notifies this channel at commit, whoever writes labels (migration label_writes_notify). */
const LABELS_CHANNEL = 'claimgraph_labels';

/** Drops every copy of the spellings this process holds. Call after a label write commits. */
export function forgetLabelSpellings(): void {
  heardWrite(null);
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
  let barrier: (() => Promise<boolean>) | null = null;
  const drop = () => {
    if (barrier) barriers.delete(barrier);
    barrier = null;
  };
  const lost = (err: unknown) => {
    if (!client) return;
    const c = client;
    client = null;
    listening--;
    drop();
    forgetLabelSpellings();
    void c.end().catch(() => undefined);
    if (stopped) return;
    onError(err);
    timer = setTimeout(() => void connect(), retryMs);
    timer.unref();
  };
  const connect = async () => {
    try {
      const c = await connectClient(databaseUrl, { connectionTimeoutMs: 5000, applicationName: LABEL_LISTENER_NAME });
      c.on('notification', (n) => heardWrite(/^\d+$/.test(n.payload ?? '') ? BigInt(n.payload!) : null));
      c.on('error', (err) => lost(err));
      c.on('end', () => lost(new Error('label listener connection ended')));
      await c.query(`LISTEN ${LABELS_CHANNEL}`);
      if (stopped) return void (await c.end());
      client = c;
      listening++;
      barrier = roundTrips(() => c.query('SELECT 1'));
      barriers.add(barrier);
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
        drop();
        await c.end().catch(() => undefined);
      }
    },
  };
}

/** Every visible (scheme, value) spelling of the workspace: one small query, kept per process and database client. */
async function spellings(db: PrismaClient, workspaceId: number, fresh: boolean): Promise<Spelling[]> {
  let byWorkspace = spellingCache.get(db);
  if (!byWorkspace) spellingCache.set(db, (byWorkspace = new Map()));
  const hit = byWorkspace.get(workspaceId);
  if (hit && !fresh && listening > 0 && Date.now() - hit.at < LABEL_SPELLINGS_TTL_MS) {
    const [{ rows, seen }, heardAll] = await Promise.all([hit.read, caughtUp()]);
    if (heardAll && stillGood(hit.generation, seen)) return rows;
    if (heardAll && byWorkspace.get(workspaceId) !== hit) return spellings(db, workspaceId, false); // read again meanwhile
  }
  // A plain promise: the cached value is awaited by many requests, and the query must run once. The statement's
  // snapshot is read with the rows: it says which label writes the copy already holds.
  const read = Promise.resolve(
    db.$queryRaw<{ rows: Spelling[] | null; seen: string }[]>`
      SELECT (SELECT json_agg(DISTINCT jsonb_build_object('scheme', bl.scheme, 'value', bl.value))
                FROM "BiasLabel" bl WHERE ${visibleLabel('bl', workspaceId)}) AS rows,
             pg_current_snapshot()::text AS seen`,
  ).then(([r]) => ({ rows: r?.rows ?? [], seen: parseSnapshot(r?.seen ?? '0:0:') }));
  const entry = { at: Date.now(), generation, read };
  byWorkspace.set(workspaceId, entry);
  read.catch(() => byWorkspace.get(workspaceId) === entry && byWorkspace.delete(workspaceId));
  return (await read).rows;
}

/**
 * Resolves each requested label to the exact (scheme, value) spellings in use, matching case-insensitively; a
 * label without value resolves to its scheme. Exact spellings keep the outlet filter index-friendly and give the
 * planner real statistics (lower(...) made it misjudge selectivity badly).
 *
 * The spellings are cached per process for LABEL_SPELLINGS_TTL_MS, so most requests send no statement for them.
 * Every label write announces itself at commit (a statement trigger on BiasLabel, LISTEN/NOTIFY), whoever writes
 * it (an API process, the registry import), and each process drops its copy when it hears one (watchLabels); a
 * request that would use the copy first waits until the listener has heard every write committed before it
 * (caughtUp), so a second spelling of a known label ("Lean" beside "lean") filters on every process at once. Spellings that
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
