// Relay connections: `first` (1–100, default 20) and an opaque keyset cursor `after`.
import { BadUserInputError } from './errors.js';
import { decodeCursor, encodeCursor, type CursorKey } from './ids.js';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page {
  limit: number;
  after: CursorKey | null;
  /** The ordering the cursors' `r` belongs to, when not full-text rank (see CursorKey.o). */
  ordering?: string;
}

/** Validates `first` and decodes `after`. `withRank`: the list is ordered by a value (text-search rank, or `ordering`'s). */
export function readPage(args: PageArgs, withRank = false, ordering?: string): Page {
  const limit = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE}`, [
      { path: 'first', message: `Use 1 to ${MAX_PAGE}` },
    ]);
  }
  return {
    limit,
    after: args.after ? decodeCursor(args.after, withRank, ordering) : null,
    ...(ordering ? { ordering } : {}),
  };
}

export interface Connection<T> {
  edges: { cursor: string; node: T; rank?: number | null }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Builds a connection from rows fetched with `limit + 1` (the extra row only says there is a next page). */
export function toConnection<T extends { id: number; rank?: number | null }>(rows: T[], page: Page): Connection<T> {
  const hasNextPage = rows.length > page.limit;
  const edges = rows.slice(0, page.limit).map((node) => ({
    node,
    rank: node.rank ?? null,
    cursor: encodeCursor(
      node.rank == null
        ? { id: node.id }
        : { id: node.id, r: node.rank, ...(page.ordering ? { o: page.ordering } : {}) },
    ),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
