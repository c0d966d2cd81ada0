// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts):
// the shapes research/service.ts returns, which carry ids where the GraphQL types have objects.
import type { actorGraph, coverage, coverageMatrix } from './service.js';

type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export type CoverageMapper = Result<typeof coverage>;
export type CoverageOutletMapper = CoverageMapper['carriers'][number];
export type CoverageLabelGroupMapper = CoverageMapper['byLabel'][number];
export type CoverageMatrixRowMapper = Result<typeof coverageMatrix>['rows'][number];
export type ActorGraphNodeMapper = Result<typeof actorGraph>['nodes'][number];
export type ActorGraphEdgeMapper = Result<typeof actorGraph>['edges'][number];
