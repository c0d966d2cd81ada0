// Per-request context: the database, the viewer, fresh DataLoaders (never shared across requests) and a logger.
import type { PrismaClient } from '@claimgraph/db';
import type { IngestQueue } from '@claimgraph/ingest';
import type { Viewer } from './auth.js';
import type { Logger } from './logger.js';
import type { ClaimCountLimits } from './modules/claims/service.js';
import type { DirectDb } from './sql-list.js';
import { createActorLoaders } from './modules/actors/loaders.js';
import { createArticleLoaders } from './modules/articles/loaders.js';
import { createClaimLoaders } from './modules/claims/loaders.js';
import { createEventLoaders } from './modules/events/loaders.js';
import { createSourceLoaders } from './modules/sources/loaders.js';

interface LoaderDeps {
  db: PrismaClient;
  direct: DirectDb;
  workspaceId: number;
}
const GROUPS = [
  (d: LoaderDeps) => createSourceLoaders(d.db, d.direct, d.workspaceId),
  (d: LoaderDeps) => createArticleLoaders(d.direct, d.workspaceId),
  (d: LoaderDeps) => createActorLoaders(d.db, d.workspaceId),
  (d: LoaderDeps) => createEventLoaders(d.db, d.direct, d.workspaceId),
  (d: LoaderDeps) => createClaimLoaders(d.db, d.direct, d.workspaceId),
];
export type Loaders = ReturnType<typeof createSourceLoaders> &
  ReturnType<typeof createArticleLoaders> &
  ReturnType<typeof createActorLoaders> &
  ReturnType<typeof createEventLoaders> &
  ReturnType<typeof createClaimLoaders>;

const DEPS = Symbol('deps');
/**
 * One getter per loader, on a prototype built once: the first read of a loader builds its module's loaders on the
 * request's own object. A request uses a few of the ≈ 22; building them all was the largest function of ours in the
 * profile of `{ __typename }` (docs/benchmarks.md).
 */
const LAZY: object = {};
for (const group of GROUPS) {
  // Building loaders runs no query: the keys are read once from a set built without a database.
  const keys = Object.keys(group({ db: null, direct: null, workspaceId: 0 } as unknown as LoaderDeps));
  for (const key of keys) {
    Object.defineProperty(LAZY, key, {
      get(this: { [DEPS]: LoaderDeps }) {
        const made: Record<string, unknown> = group(this[DEPS]);
        for (const k of keys) Object.defineProperty(this, k, { value: made[k], enumerable: true });
        return made[key];
      },
    });
  }
}

export function createLoaders(db: PrismaClient, direct: DirectDb, viewer: Viewer): Loaders {
  return Object.assign(Object.create(LAZY) as Loaders, { [DEPS]: { db, direct, workspaceId: viewer.workspaceId } });
}

export interface Context {
  db: PrismaClient;
  /** node-postgres for the hottest reads (see sql-list.ts). */
  direct: DirectDb;
  viewer: Viewer;
  loaders: Loaders;
  /** Where claim counts switch from exact to estimated, and how many claims facets are counted over. */
  countLimits: ClaimCountLimits;
  log: Logger;
  /** The ingestion queue, opened on first use and shared by the server's requests. */
  queue: () => Promise<IngestQueue>;
}
