// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts).
import type { ClaimRelation } from '@claimgraph/db';
import type { listContradictions, relatedClaims } from './service.js';

export type ClaimRelationMapper = ClaimRelation;
/** A page whose totalCount is counted only when asked for. */
export type ClaimRelationConnectionMapper = Awaited<ReturnType<typeof listContradictions>>;
/** A relation seen from one of its claims, with the other claim's id. */
export type RelatedClaimMapper = Awaited<ReturnType<typeof relatedClaims>>[number];
