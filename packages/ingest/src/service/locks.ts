// Stage 1's natural keys: two articles' writes must agree on what these name (an actor's spelling, an event's type and
// date bucket, a near-duplicate band), so two writers of one key must not both decide from what they read before the
// other committed. Writers of different keys never meet.
//
// A key is a row of "IngestKey": the last transaction that held it exclusively and the last that held it shared. A
// writer of a key updates that row, and holds the row's lock from then to its commit.
// - Deferred (stage 1's first attempt, `Tx.deferred`): the writer reads and writes without holding anything and notes,
//   with each group of keys, the snapshot taken just before the reads the keys guard. Only at its end, in one
//   statement sent with its COMMIT, does it update every key row (sorted) and check that no conflicting holder (an
//   exclusive one, or for an exclusive key any one) committed after that snapshot; if one did, its reads may be
//   stale: the statement raises CGK01, and the writer rolls back and runs again, taking its keys at once this time.
//   Rows are held from that statement to the commit: the lock window is the check and the commit, whatever the
//   article's size.
// - At once (retries, re-extraction): each group's rows are updated before the reads they guard and held to the
//   commit, as locks; a writer that waited reads what the other one committed.
// Why it is enough: writers of one key update its row one after the other (the row lock), so the row names the last
// committed holder of each mode, and if that one committed before the snapshot, so did every earlier one; a holder
// still to come finds this writer after its own snapshot in turn. Every transaction takes its rows in one global
// order — actor keys, then event keys, then band keys, each group sorted — so no two wait for each other in a cycle
// (unique-index waits between writers are not ordered: a deadlock is retried, transaction.ts).
import { createHash } from 'node:crypto';
import type { DatePrecision, EventType } from '@claimgraph/shared';
import { sql } from './sql.js';
import type { Tx } from './types.js';
/** One key: exclusive (the writer may create or change what the key names) or shared (it only must not miss such a change). */
export interface LockKey {
  key: bigint;
  exclusive: boolean;
  /** The key's group in the global order: 0 actor keys, 1 event keys, 2 band keys. */
  rank: 0 | 1 | 2;
}

/** Keys noted by a deferred writer, each with the snapshot taken before the reads it guards; settled at its end. */
export interface DeferredKeys {
  keys: (LockKey & { snapshot: string })[];
}

/**
 * The error of a deferred write whose keys a conflicting writer took after it read (claimgraph_take_keys raises it):
 * the transaction runs again, taking its keys at once (transaction.ts).
 */
export const isKeysChanged = (err: unknown) => (err as { code?: string } | null)?.code === 'CGK01';

/** A signed 64-bit key from the words that name it (a collision only makes two writers wait for each other). */
const keyOf = (...words: (string | number)[]) =>
  createHash('sha1').update(words.join('\u0000')).digest().readBigInt64BE(0);

/** Each key once, in its strongest mode (a key's group is in its name, so a key is in one group), in the global order. */
function ordered<K extends LockKey>(keys: K[]): K[] {
  const strongest = new Map<bigint, K>();
  for (const k of keys) {
    const had = strongest.get(k.key);
    if (!had || (k.exclusive && !had.exclusive))
      strongest.set(k.key, had ? { ...k, snapshot: minSnapshot(had, k) } : k);
  }
  return [...strongest.values()].sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
/** Of one key noted twice, the earlier snapshot (the reads of both are guarded). */
const minSnapshot = (a: LockKey, b: LockKey) =>
  ((a as { snapshot?: string }).snapshot ?? (b as { snapshot?: string }).snapshot) as string;

/**
 * Takes the keys: deferred, notes them with a snapshot taken now (before the reads they guard); otherwise updates
 * their rows now and holds them to the commit. Returns when the keys are noted or held; a wait counts against the
 * transaction's statement timeout.
 */
export async function lockKeys(tx: Tx, keys: LockKey[]): Promise<void> {
  if (!keys.length) return;
  if (tx.deferred) {
    const [row] = await tx.query<{ snapshot: string }>(sql`SELECT pg_current_snapshot()::text AS snapshot`);
    for (const k of keys) tx.deferred.keys.push({ ...k, snapshot: row!.snapshot });
    return;
  }
  const sorted = ordered(keys);
  const asked = performance.now();
  await tx.query(sql`
    SELECT "claimgraph_take_keys"(${sorted.map((k) => k.key.toString())}::bigint[], ${sorted.map((k) => k.exclusive)}::boolean[],
                                  ${sorted.map(() => null)}::text[]) AS taken`);
  tx.locked?.(performance.now() - asked);
}

/**
 * A deferred writer's end: the statement that takes all its keys (claimgraph_take_keys, in the global order, each
 * only when no conflicting holder committed after the key's snapshot; it raises CGK01 otherwise), sent with the
 * COMMIT in one round trip, so the rows are held from the upsert to the commit inside the server. Null: no keys.
 * Literals, checked: keys are integers, snapshots digits, colons and commas.
 */
export function settleStatement(deferred: DeferredKeys): string | null {
  const keys = ordered(deferred.keys);
  if (!keys.length) return null;
  if (!keys.every((k) => /^[0-9:,]+$/.test(k.snapshot))) throw new Error('Unexpected snapshot text.');
  return `SELECT "claimgraph_take_keys"('{${keys.map((k) => k.key.toString()).join(',')}}'::bigint[], '{${keys
    .map((k) => (k.exclusive ? 't' : 'f'))
    .join(',')}}'::boolean[], '{${keys.map((k) => `"${k.snapshot}"`).join(',')}}'::text[])`;
}

/**
 * Actors: a writer that may create an actor or add an alias locks every normalised form it will look up,
 * so a second writer with the same spelling waits and then finds what the first created.
 */
export const actorKeys = (workspaceId: number, normalizedForms: readonly string[]): LockKey[] =>
  normalizedForms.map((n) => ({ key: keyOf('actor', workspaceId, n), exclusive: true, rank: 0 }));

const DAY = 86_400_000;

/**
 * Events: two extracted events can merge only when they share a type and their dates agree within their
 * precision (one day either way, three for an approximate date, the month, the year), or, when a side
 * is undated, when they share a victim, or an actor while both have a place (see events.ts). So:
 * - a day-dated event locks its day and the day either side (three for an approximate date) exclusively,
 *   its month and year shared; a month-dated event its month exclusively and its year shared; a
 *   year-dated one its year exclusively — any two whose dates can agree hold one key in common, one of
 *   them exclusively;
 * - (type, victim) for each victim, and (type, actor) for each actor of an event with a place: exclusive
 *   when the event is undated, shared when dated — an undated event waits for every writer of an event of
 *   its type it could merge with, dated writers do not wait for each other there.
 */
export function eventKeys(
  workspaceId: number,
  events: readonly {
    type: EventType;
    date: Date | null;
    precision: DatePrecision;
    actorIds: readonly number[];
    victimIds: readonly number[];
    placed: boolean;
  }[],
): LockKey[] {
  const out: LockKey[] = [];
  for (const e of events) {
    const k = (...words: (string | number)[]) => keyOf('event', workspaceId, e.type, ...words);
    for (const v of e.victimIds) out.push({ rank: 1, key: k('victim', v), exclusive: e.date === null });
    if (e.placed) for (const a of e.actorIds) out.push({ rank: 1, key: k('placed', a), exclusive: e.date === null });
    if (!e.date) continue;
    const year = e.date.getUTCFullYear();
    const month = `${year}-${e.date.getUTCMonth() + 1}`;
    if (e.precision === 'YEAR') {
      out.push({ rank: 1, key: k('year', year), exclusive: true });
      continue;
    }
    out.push({ rank: 1, key: k('year', year), exclusive: false });
    if (e.precision === 'MONTH') {
      out.push({ rank: 1, key: k('month', month), exclusive: true });
      continue;
    }
    out.push({ rank: 1, key: k('month', month), exclusive: false });
    const day = Math.floor(e.date.getTime() / DAY);
    const reach = e.precision === 'APPROXIMATE' ? 3 : 1;
    for (let d = day - reach; d <= day + reach; d++) out.push({ rank: 1, key: k('day', d), exclusive: true });
  }
  return out;
}

/**
 * Near-duplicate origins: a writer locks its signature's LSH bands, so two articles that could find each other
 * (they share a band: otherwise neither is the other's candidate) are linked one after the other.
 */
export const bandKeys = (workspaceId: number, bands: readonly number[]): LockKey[] =>
  bands.map((b) => ({ key: keyOf('band', workspaceId, b), exclusive: true, rank: 2 }));
