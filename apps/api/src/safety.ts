// Operation limits checked after parsing and before execution: depth, aliases, estimated cost and extraction budget.
// Cost (Shopify/GitHub style, on the schema's types): an object field costs 1, a scalar 0 except the large text
// fields of list-bounds.ts (an article body costs what it may weigh), a field with a size argument (`first`, `limit`,
// `clusters`) costs 2 + n × its children, a list costs 1 + its bound × each item (at least 1), a list argument
// (`ids`) counts by its length, variables included. Introspection (__schema, __type) is exempt so GraphiQL and codegen work.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import {
  BadUserInputError,
  ExtractionBudgetError,
  QueryTooCostlyError,
  QueryTooDeepError,
  TooManyAliasesError,
} from './errors.js';
import { listBound, NESTED_FIRST, SIZE_MAX, TEXT_COSTS } from './list-bounds.js';
import { DEFAULT_PAGE, MAX_PAGE } from './pagination.js';

export interface Limits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  /** Article extractions (`previewArticle`, `ingestArticle`, `fetchArticleUrl`) one operation may ask for. */
  maxExtractions: number;
  /** Characters of article text one operation may send to the extractor, all extractions together. */
  maxExtractionChars: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxCost: 25_000,
  maxAliases: 30,
  maxExtractions: 3,
  maxExtractionChars: 2 * 1024 * 1024,
};

/** Root fields that run the extractor (fetchArticleUrl also fetches a page first: its text is not known before). */
const EXTRACTING = new Set(['Query.previewArticle', 'Mutation.ingestArticle', 'Mutation.fetchArticleUrl']);

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
  extractions: number;
  extractionChars: number;
}

const valueOf = (value: ValueNode, variables: Record<string, unknown>): unknown =>
  valueFromASTUntyped(value, variables);

/** A size argument's value; out of the field's range (`first: 99999999`) the operation is refused before it runs. */
function sizeOf(field: GraphQLField<unknown, unknown>, given: unknown, typeName: string): number {
  const def = field.args.find((a) => a.name === 'first' || a.name === 'limit' || a.name === 'clusters');
  const key = `${typeName}.${field.name}`;
  const max = NESTED_FIRST[key]?.max ?? SIZE_MAX[key] ?? MAX_PAGE;
  const n = typeof given === 'number' ? given : typeof def?.defaultValue === 'number' ? def.defaultValue : DEFAULT_PAGE;
  if (def && (n < 1 || n > max))
    throw new BadUserInputError(`${def.name} must be between 1 and ${max}`, [
      { path: def.name, message: `Use 1 to ${max}` },
    ]);
  return Math.trunc(n);
}

/** Measures one operation; fragments are expanded (cycles are already rejected by validation). */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): Measure {
  let aliases = 0;
  let extractions = 0;
  let extractionChars = 0;
  const walk = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    depth: number,
  ): { depth: number; cost: number } => {
    let maxDepth = depth;
    let cost = 0;
    const fields = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields() : {};
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        // Counted before the meta fields are skipped: `a1: __typename … a30000: __typename` costs nothing to
        // resolve but still multiplies the response.
        if (sel.alias) aliases++;
        if (name.startsWith('__')) continue;
        const field = fields[name];
        const key = `${parent?.name}.${name}`;
        const args = Object.fromEntries((sel.arguments ?? []).map((a) => [a.name.value, valueOf(a.value, variables)]));
        if (EXTRACTING.has(key)) {
          extractions++;
          const text = (args.input as { text?: unknown } | undefined)?.text;
          if (typeof text === 'string') extractionChars += text.length;
        }
        if (!sel.selectionSet) {
          cost += TEXT_COSTS[key] ?? 0;
          continue;
        }
        const type = field ? getNamedType(field.type) : undefined;
        const child = walk(sel.selectionSet, type, depth + 1);
        maxDepth = Math.max(maxDepth, child.depth);
        const bound = field
          ? listBound(
              parent!.name,
              name,
              field.args.map((a) => a.name),
            )
          : null;
        const isList = field ? isListType(getNullableType(field.type)) : false;
        const item = Math.max(1, child.cost);
        if (bound === 'size' || bound === 'first') {
          cost +=
            2 +
            sizeOf(field!, args.first ?? args.limit ?? args.clusters, parent!.name) *
              (bound === 'first' ? item : child.cost);
        } else if (bound === 'ids') {
          cost += 1 + (Array.isArray(args.ids) ? args.ids.length : 1) * item;
        } else if (isList && typeof bound === 'number') {
          cost += 1 + bound * item;
        } else if (isList && bound && typeof bound === 'object') {
          cost += 1 + bound.page * item;
        } else {
          cost += 1 + child.cost;
        }
      } else {
        const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments[sel.name.value];
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        const child = walk(fragment.selectionSet, condition && isCompositeType(condition) ? condition : parent, depth);
        maxDepth = Math.max(maxDepth, child.depth);
        cost += child.cost;
      }
    }
    return { depth: maxDepth, cost };
  };
  const root = schema.getRootType(operation.operation) ?? undefined;
  const { depth, cost } = walk(operation.selectionSet, root, 0);
  return { depth, cost, aliases, extractions, extractionChars };
}

export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out[d.name.value] = d;
  return out;
}

/** Rejects over-limit operations before any resolver runs; reports the cost in `extensions.cost`. */
export function limitsPlugin(limits: Limits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let cost: number | null = null;
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const m = measureOperation(schema, operation, fragmentsOf(document), request.variables ?? {});
          if (m.depth > limits.maxDepth) throw new QueryTooDeepError(m.depth, limits.maxDepth);
          if (m.aliases > limits.maxAliases) throw new TooManyAliasesError(m.aliases, limits.maxAliases);
          if (m.cost > limits.maxCost) throw new QueryTooCostlyError(m.cost, limits.maxCost);
          if (m.extractions > limits.maxExtractions || m.extractionChars > limits.maxExtractionChars) {
            throw new ExtractionBudgetError(
              m.extractions,
              m.extractionChars,
              limits.maxExtractions,
              limits.maxExtractionChars,
            );
          }
          cost = m.cost;
        },
        async willSendResponse({ response }) {
          if (cost !== null && response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: { requested: cost, limit: limits.maxCost },
            };
          }
        },
      };
    },
  };
}
