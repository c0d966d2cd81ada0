// Short advisory locks on the natural keys two articles' writes must agree on, instead of one lock per workspace.
//
// Two writers wait for each other only when they touch the same actor name or events that could merge.
// Every transaction takes its keys in one global order — all actor keys (sorted), then all event keys
// (sorted), then, last, its signature's band keys (sorted), each key once in its strongest mode, never
// upgraded — so no two writers wait for each other in a cycle. The locks are transaction-scoped: they are held until commit, so a writer that waited reads
// what the other one committed.
import { createHash } from 'node:crypto';
import type { DatePrecision, EventType } from '@claimgraph/shared';
import { sql } from './sql.js';
import type { Tx } from './types.js';

/** One key: exclusive (the writer may create or change what the key names) or shared (it only must not miss such a change). */
export interface LockKey {
  key: bigint;
  exclusive: boolean;
}

/** A signed 64-bit key from the words that name it (a collision only makes two writers wait for each other). */
const keyOf = (...words: (string | number)[]) =>
  createHash('sha1').update(words.join('\u0000')).digest().readBigInt64BE(0);

/** Each key once, in its strongest mode, in ascending order. */
function ordered(keys: LockKey[]): LockKey[] {
  const strongest = new Map<bigint, boolean>();
  for (const k of keys) strongest.set(k.key, (strongest.get(k.key) ?? false) || k.exclusive);
  return [...strongest]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, exclusive]) => ({ key, exclusive }));
}

/**
 * Takes the keys in ascending order, in one statement (unnest yields the array in order, one lock per
 * row). Returns when all are held; the wait counts against the transaction's statement timeout.
 */
export async function lockKeys(tx: Tx, keys: LockKey[]): Promise<void> {
  const sorted = ordered(keys);
  if (!sorted.length) return;
  const asked = performance.now();
  await tx.query(sql`
    SELECT 1 AS held FROM unnest(${sorted.map((k) => k.key.toString())}::bigint[], ${sorted.map((k) => k.exclusive)}::boolean[]) AS u(k, x)
     CROSS JOIN LATERAL (SELECT CASE WHEN u.x THEN pg_advisory_xact_lock(u.k) ELSE pg_advisory_xact_lock_shared(u.k) END) l`);
  tx.locked?.(performance.now() - asked);
}

/**
 * Actors: a writer that may create an actor or add an alias locks every normalised form it will look up,
 * so a second writer with the same spelling waits and then finds what the first created.
 */
export const actorKeys = (workspaceId: number, normalizedForms: readonly string[]): LockKey[] =>
  normalizedForms.map((n) => ({ key: keyOf('actor', workspaceId, n), exclusive: true }));

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
    for (const v of e.victimIds) out.push({ key: k('victim', v), exclusive: e.date === null });
    if (e.placed) for (const a of e.actorIds) out.push({ key: k('placed', a), exclusive: e.date === null });
    if (!e.date) continue;
    const year = e.date.getUTCFullYear();
    const month = `${year}-${e.date.getUTCMonth() + 1}`;
    if (e.precision === 'YEAR') {
      out.push({ key: k('year', year), exclusive: true });
      continue;
    }
    out.push({ key: k('year', year), exclusive: false });
    if (e.precision === 'MONTH') {
      out.push({ key: k('month', month), exclusive: true });
      continue;
    }
    out.push({ key: k('month', month), exclusive: false });
    const day = Math.floor(e.date.getTime() / DAY);
    const reach = e.precision === 'APPROXIMATE' ? 3 : 1;
    for (let d = day - reach; d <= day + reach; d++) out.push({ key: k('day', d), exclusive: true });
  }
  return out;
}

/**
 * Near-duplicate origins: a writer locks its signature's LSH bands, so two articles that could find each other
 * (they share a band: otherwise neither is the other's candidate) are linked one after the other.
 */
export const bandKeys = (workspaceId: number, bands: readonly number[]): LockKey[] =>
  bands.map((b) => ({ key: keyOf('band', workspaceId, b), exclusive: true }));
