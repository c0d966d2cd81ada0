// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts).
import type { Actor, Claim, ClaimActor, ClaimAttribution, ClaimCluster } from '@claimgraph/db';
import type { SourceMapper } from '../sources/mappers.js';
import type { claimFacets, listClaims, PREFETCHED } from './service.js';

/** An attribution link; on a claims page it may carry its actor and outlet (see PREFETCHED). */
export type AttributionNodeMapper = ClaimAttribution & {
  [PREFETCHED.actor]?: Actor;
  [PREFETCHED.source]?: SourceMapper;
};
export type ClaimActorLinkMapper = ClaimActor & { actor?: Actor };
/** A claim row; a claims page leaves what it prefetched on it (see PREFETCHED). */
export type ClaimMapper = Claim & {
  [PREFETCHED.attribution]?: AttributionNodeMapper[];
  [PREFETCHED.actors]?: ClaimActorLinkMapper[];
  [PREFETCHED.source]?: SourceMapper;
};
export type ClaimClusterMapper = ClaimCluster;
/** A page of claims whose counts and facets are computed only when asked for. */
export type ClaimConnectionMapper = Awaited<ReturnType<typeof listClaims>>;
export type ClaimFacetsMapper = Awaited<ReturnType<typeof claimFacets>>;
export type SourceCountMapper = ClaimFacetsMapper['sources'][number];
export type ActorCountMapper = ClaimFacetsMapper['actors'][number];
export type ModalityCountMapper = ClaimFacetsMapper['modalities'][number];
