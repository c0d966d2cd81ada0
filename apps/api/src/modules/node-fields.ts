import { toGlobalId, type NodeType } from '../ids.js';

/** `id` (global) and `databaseId` resolvers for a type whose parent is a Prisma row. */
export function nodeFields(type: NodeType) {
  return {
    id: (row: { id: number }) => toGlobalId(type, row.id),
    databaseId: (row: { id: number }) => row.id,
  };
}
