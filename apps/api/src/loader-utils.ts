// Helpers that return batch results in key order, as DataLoader requires, and load one row or fail.
import type DataLoader from 'dataloader';
import { NotFoundError } from './errors.js';
import { toGlobalId, type NodeType } from './ids.js';

export function byKey<K, T>(keys: readonly K[], rows: T[], key: (row: T) => K): (T | null)[] {
  const map = new Map<K, T>();
  for (const row of rows) map.set(key(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

export function groupByKey<K, T>(keys: readonly K[], rows: T[], key: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** A row through its per-request loader (scoped to the viewer's workspace); NOT_FOUND, with its global id, when missing. */
export async function loadOrThrow<T>(loader: DataLoader<number, T | null>, type: NodeType, id: number): Promise<T> {
  const row = await loader.load(id);
  if (!row) throw new NotFoundError(type, toGlobalId(type, id));
  return row;
}
