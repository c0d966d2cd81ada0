// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts).
import type { NodeType } from '../../ids.js';
import type { ActorMapper } from '../actors/mappers.js';
import type { ArticleMapper } from '../articles/mappers.js';
import type { ClaimClusterMapper, ClaimMapper } from '../claims/mappers.js';
import type { EventMapper } from '../events/mappers.js';
import type { ClaimRelationMapper } from '../relations/mappers.js';
import type { BiasLabelMapper, SourceMapper } from '../sources/mappers.js';

/** A node's row as `node`/`nodes` load it, tagged with its GraphQL type for `Node.__resolveType`. */
export type NodeMapper = (
  | ActorMapper
  | ArticleMapper
  | BiasLabelMapper
  | ClaimMapper
  | ClaimClusterMapper
  | ClaimRelationMapper
  | EventMapper
  | SourceMapper
) & {
  __typename: NodeType;
};
