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

export function createLoaders(db: PrismaClient, direct: DirectDb, viewer: Viewer) {
  return {
    ...createSourceLoaders(db, direct, viewer.workspaceId),
    ...createArticleLoaders(direct, viewer.workspaceId),
    ...createActorLoaders(db, viewer.workspaceId),
    ...createEventLoaders(db, direct, viewer.workspaceId),
    ...createClaimLoaders(db, direct, viewer.workspaceId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

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
