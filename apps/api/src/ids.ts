// Global ids ("Type:id" in base64) and opaque pagination cursors.
import { InvalidCursorError, InvalidIdError } from './errors.js';

export const NODE_TYPES = [
  'Source',
  'BiasLabel',
  'Article',
  'Actor',
  'Event',
  'Claim',
  'ClaimCluster',
  'ClaimRelation',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

/** Decodes a global id. Throws INVALID_ID when malformed or (with `expected`) of another type. */
export function fromGlobalId(globalId: string, expected?: NodeType): { type: NodeType; id: number } {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const m = /^([A-Za-z]+):(\d{1,10})$/.exec(decoded);
  const type = m?.[1] as NodeType | undefined;
  const id = Number(m?.[2]);
  if (!m || !type || !NODE_TYPES.includes(type) || !Number.isSafeInteger(id) || id > 2147483647) {
    throw new InvalidIdError(globalId, expected);
  }
  if (expected && type !== expected) throw new InvalidIdError(globalId, expected);
  return { type, id };
}

/** Decodes many ids of one type. */
export function idsOf(globalIds: readonly string[] | null | undefined, expected: NodeType): number[] {
  return (globalIds ?? []).map((g) => fromGlobalId(g, expected).id);
}

/** Keyset position: the sort key of the last row seen. `r` is the text-search rank when ordering by relevance. */
export interface CursorKey {
  id: number;
  r?: number;
  /** Which ordering `r` belongs to when it is not full-text rank (e.g. "published"): another ordering refuses it. */
  o?: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, withRank: boolean, ordering?: string): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorKey;
    if (!Number.isSafeInteger(key.id)) throw new Error('id');
    if (withRank !== (typeof key.r === 'number') || key.o !== ordering) throw new Error('ordering');
    return key;
  } catch {
    throw new InvalidCursorError(cursor);
  }
}
