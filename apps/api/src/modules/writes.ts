// Editors' writes, whichever module owns them: one transaction per mutation, answered as a payload. Each write
// checks that every row it names belongs to the viewer's workspace (other workspaces' ids answer NOT_FOUND),
// changes the rows, stores a Correction where it changes extracted data (re-extraction re-applies those), and
// appends an audit entry with before/after.
import type { Viewer } from '@claimgraph/auth';
import type { Prisma } from '@claimgraph/db';
import { z } from 'zod';
import type { Context } from '../context.js';
import { asPayload, ExpectedError } from './access/payload.js';

export const notFound = (what: string, id: number | string) =>
  new ExpectedError('NOT_FOUND', `${what} ${id} was not found`);

/** Fails NOT_FOUND unless every id is a row of the viewer's workspace. */
export async function assertAllIn(found: { id: number }[], ids: number[], what: string) {
  const have = new Set(found.map((r) => r.id));
  const missing = ids.find((id) => !have.has(id));
  if (missing !== undefined) throw notFound(what, missing);
}

export function write<T>(ctx: Context, run: (tx: Prisma.TransactionClient, viewer: Viewer) => Promise<T>) {
  const viewer = ctx.viewer;
  return asPayload(() => ctx.db.$transaction((tx) => run(tx, viewer), { timeout: 30_000 }));
}

/** Rows merged into one (actors, events). Ids arrive decoded (database ints) from the resolvers. */
export const MergeModel = z.object({
  into: z.number().int().positive(),
  ids: z
    .array(z.number().int().positive())
    .min(1, 'Name at least one other id to merge')
    .max(100, 'Merge at most 100 at once'),
});
