import type { Tx } from './sql.js';

export type { Tx } from './sql.js';

/** Stages of the write transaction (stage 1), in order; `hooks.afterStage` runs after each (tests inject faults and delays). */
export type IngestStage = 'source' | 'article' | 'actors' | 'claims' | 'events';

export interface IngestHooks {
  afterStage?: (stage: IngestStage, tx: Tx) => void | Promise<void>;
}

export interface IngestCounts {
  actorsCreated: number;
  actorsMatched: number;
  aliasesAdded: number;
  eventsCreated: number;
  eventsMerged: number;
  eventMentions: number;
  claims: number;
  attributions: number;
  claimActors: number;
  relations: number;
  clustersCreated: number;
  clusteredClaims: number;
}

export const emptyCounts = (): IngestCounts => ({
  actorsCreated: 0,
  actorsMatched: 0,
  aliasesAdded: 0,
  eventsCreated: 0,
  eventsMerged: 0,
  eventMentions: 0,
  claims: 0,
  attributions: 0,
  claimActors: 0,
  relations: 0,
  clustersCreated: 0,
  clusteredClaims: 0,
});
