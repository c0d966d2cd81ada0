// Every list the API returns is bounded, so the cost limit (safety.ts) can estimate a response's size before
// execution: connections and other fields with a size argument (`first`, `limit`, `clusters`) return at most that
// many items; nested lists take `first` with a maximum; every other list has a fixed bound below, enforced here.
import {
  defaultFieldResolver,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { BadUserInputError } from './errors.js';

/** Arguments that say how many items a field returns (a page, graph nodes, matrix rows). */
export const SIZE_ARGS = ['first', 'limit', 'clusters'] as const;

/** Fields whose size argument goes above the usual page of 100 (what their resolvers accept). */
export const SIZE_MAX: Record<string, number> = {
  'Query.actorGraph': 200,
  'Query.auditLog': 500,
};

/** Nested lists with a `first` argument (1 to `max`); the default is in the SDL. */
export const NESTED_FIRST: Record<string, { max: number }> = {
  'Actor.aliases': { max: 500 },
  'Article.claims': { max: 500 },
  'Article.copies': { max: 100 },
  'Claim.related': { max: 500 },
  'ClaimCluster.claims': { max: 500 },
  'Coverage.claims': { max: 500 },
  'Event.mentions': { max: 500 },
  'ExtractionSummary.claims': { max: 500 },
};

/**
 * Lists without a size argument: the most items each returns (cut to this many), or `page`: the items of a parent
 * whose size argument already counts them (`factor` items per unit of that argument).
 */
export const LIST_BOUNDS: Record<string, number | { page: number }> = {
  'ActorGraph.nodes': { page: 1 },
  // research/service.ts reads at most 10 edges per node of the graph.
  'ActorGraph.edges': { page: 10 },
  'Article.warnings': 100,
  'AuditPage.entries': { page: 1 },
  'Claim.actors': 50,
  'Claim.attribution': 20,
  'ClaimFacets.actors': 50,
  'ClaimFacets.biasLabels': 50,
  'ClaimFacets.modalities': 20,
  'ClaimFacets.sources': 50,
  'Coverage.blindspots': 100,
  'Coverage.byLabel': 30,
  'Coverage.carriers': 100,
  'CoverageLabelGroup.blindspots': 50,
  'CoverageLabelGroup.carriers': 50,
  'CoverageMatrix.labels': 50,
  'CoverageMatrix.rows': { page: 1 },
  'CoverageMatrixRow.cells': 50,
  'EnqueueArticlesResult.jobs': 1000,
  'Event.actors': 50,
  'ExtractionPreview.actors': 300,
  'ExtractionPreview.claims': 300,
  'ExtractionPreview.events': 300,
  'ExtractionPreview.warnings': 100,
  'ExtractionSummary.warnings': 100,
  'PreviewActor.aliases': 20,
  'PreviewClaim.actors': 20,
  'PreviewClaim.attribution': 10,
  'PreviewEvent.actors': 20,
  'Query.apiTokens': 1000,
  'Query.biasLabels': 500,
  'Query.feeds': 500,
  'Query.invitations': 1000,
  'Query.members': 1000,
  'SearchResults.actors': { page: 1 },
  'SearchResults.articles': { page: 1 },
  'SearchResults.claims': { page: 1 },
  'SearchResults.events': { page: 1 },
  'Source.domains': 50,
  'Source.labels': 20,
  'Timeline.buckets': 300,
  'TimelineBucket.byLabel': 20,
  'TimelineBucket.events': 20,
  'UserError.inputErrors': 100,
  'Viewer.permissions': 50,
};

/**
 * Text fields that can be large, costed like this many objects: an article body or its removed lines can be 2 MB,
 * so asking for one per claim (`claims { article { body } }`) costs what the response would weigh.
 */
export const TEXT_COSTS: Record<string, number> = {
  'Article.body': 2500,
  'Article.removedLines': 2500,
};

/** How a list field is bounded: a size argument, an `ids` list, a nested `first`, a fixed bound or a page of its parent. */
export function listBound(
  typeName: string,
  fieldName: string,
  argNames: readonly string[],
): number | { page: number } | 'size' | 'ids' | 'first' | 'text' | null {
  const key = `${typeName}.${fieldName}`;
  if (NESTED_FIRST[key]) return 'first';
  if (argNames.some((a) => (SIZE_ARGS as readonly string[]).includes(a))) return 'size';
  if (argNames.includes('ids')) return 'ids';
  if (typeName.endsWith('Connection') && fieldName === 'edges') return { page: 1 };
  if (TEXT_COSTS[key]) return 'text';
  return LIST_BOUNDS[key] ?? null;
}

const cut = (value: unknown, n: number) => (Array.isArray(value) ? value.slice(0, n) : value);

/**
 * Makes every list field of the schema keep its bound: nested `first` is checked and applied, fixed bounds cut the
 * list. A list field with no bound stops the schema from building, so a new one cannot slip past the cost limit.
 */
export function boundLists(schema: GraphQLSchema): GraphQLSchema {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const bound = listBound(
        type.name,
        field.name,
        field.args.map((a) => a.name),
      );
      if (bound === null) {
        missing.push(`${type.name}.${field.name}`);
        continue;
      }
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      if (bound === 'first') {
        const { max } = NESTED_FIRST[`${type.name}.${field.name}`]!;
        // An explicit null means the default, as the cost limit counts it.
        const fallback = field.args.find((a) => a.name === 'first')?.defaultValue;
        const byDefault = typeof fallback === 'number' ? fallback : max;
        field.resolve = (source, args: { first?: number | null }, ctx, info) => {
          const first = args.first ?? byDefault;
          if (!Number.isInteger(first) || first < 1 || first > max) {
            throw new BadUserInputError(`first must be between 1 and ${max}`, [
              { path: `${field.name}.first`, message: `Use 1 to ${max}` },
            ]);
          }
          return Promise.resolve(resolve(source, args, ctx, info)).then((v) => cut(v, first));
        };
      } else if (typeof bound === 'number') {
        field.resolve = (source, args, ctx, info) => {
          const value = resolve(source, args, ctx, info);
          return value instanceof Promise ? value.then((v) => cut(v, bound)) : cut(value, bound);
        };
      }
    }
  }
  if (missing.length)
    throw new Error(`List fields without a bound (add them to apps/api/src/list-bounds.ts): ${missing.join(', ')}`);
  return schema;
}
