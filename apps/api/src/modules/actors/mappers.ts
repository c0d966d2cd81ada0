// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts).
import type { Actor } from '@claimgraph/db';
import type { listActors } from './service.js';

export type ActorMapper = Actor;
/** A page whose totalCount is counted only when asked for. */
export type ActorConnectionMapper = Awaited<ReturnType<typeof listActors>>;
