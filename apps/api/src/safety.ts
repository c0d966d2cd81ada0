// Operation limits checked after parsing and before execution: depth, aliases and estimated cost.
// Cost (Shopify/GitHub style): an object field costs 1, a scalar 0, a field with `first` costs 2 + first × its children.
// Introspection (__schema, __type) is exempt so GraphiQL and codegen work.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { QueryTooCostlyError, QueryTooDeepError, TooManyAliasesError } from './errors.js';
import { DEFAULT_PAGE, MAX_PAGE } from './pagination.js';

export interface Limits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

export const DEFAULT_LIMITS: Limits = { maxDepth: 10, maxCost: 5000, maxAliases: 30 };

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
}

function argNumber(value: ValueNode | undefined, variables: Record<string, unknown>, fallback: number): number {
  if (!value) return fallback;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : fallback;
  }
  if (value.kind === Kind.LIST) return value.values.length;
  return fallback;
}

/** Measures one operation; fragments are expanded (cycles are already rejected by validation). */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): Measure {
  let aliases = 0;
  const walk = (set: SelectionSetNode, depth: number): { depth: number; cost: number } => {
    let maxDepth = depth;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        if (sel.alias) aliases++;
        if (!sel.selectionSet) continue;
        const child = walk(sel.selectionSet, depth + 1);
        maxDepth = Math.max(maxDepth, child.depth);
        const firstArg = sel.arguments?.find((a) => a.name.value === 'first')?.value;
        const idsArg = sel.arguments?.find((a) => a.name.value === 'ids')?.value;
        if (firstArg) {
          const first = Math.min(Math.max(argNumber(firstArg, variables, DEFAULT_PAGE), 1), MAX_PAGE);
          cost += 2 + first * child.cost;
        } else if (idsArg) {
          cost += 1 + argNumber(idsArg, variables, 1) * child.cost;
        } else {
          cost += 1 + child.cost;
        }
      } else {
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments[sel.name.value]?.selectionSet;
        if (!inner) continue;
        const child = walk(inner, depth);
        maxDepth = Math.max(maxDepth, child.depth);
        cost += child.cost;
      }
    }
    return { depth: maxDepth, cost };
  };
  const { depth, cost } = walk(operation.selectionSet, 0);
  return { depth, cost, aliases };
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
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const m = measureOperation(operation, fragmentsOf(document), request.variables ?? {});
          if (m.depth > limits.maxDepth) throw new QueryTooDeepError(m.depth, limits.maxDepth);
          if (m.aliases > limits.maxAliases) throw new TooManyAliasesError(m.aliases, limits.maxAliases);
          if (m.cost > limits.maxCost) throw new QueryTooCostlyError(m.cost, limits.maxCost);
          cost = m.cost;
        },
        async willSendResponse({ response }) {
          if (cost !== null && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { requested: cost, limit: limits.maxCost } };
          }
        },
      };
    },
  };
}
