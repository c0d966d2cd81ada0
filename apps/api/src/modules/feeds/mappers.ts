// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts).
import type { Feed } from '@claimgraph/db';

export type FeedMapper = Feed;
