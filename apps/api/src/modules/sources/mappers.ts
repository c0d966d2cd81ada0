// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts).
import type { BiasLabel, Source } from '@claimgraph/db';
import type { PREFETCHED_LABELS } from './prefetch.js';
import type { listSources } from './service.js';

/** An outlet row; a claims page may leave the outlet's labels on it (claims/service.ts). */
export type SourceMapper = Source & { [PREFETCHED_LABELS]?: BiasLabel[] };
export type BiasLabelMapper = BiasLabel;
/** A page whose totalCount is counted only when asked for. */
export type SourceConnectionMapper = Awaited<ReturnType<typeof listSources>>;
