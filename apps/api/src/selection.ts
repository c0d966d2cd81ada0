// Look-ahead on the GraphQL selection: does the operation ask for a field under this one? Used to prefetch
// nested lists in the same SQL statement as a page (over-fetching on a name clash is harmless, just wasted work).
import {
  isAbstractType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

export function selectsField(info: GraphQLResolveInfo | undefined, name: string): boolean {
  if (!info) return false;
  const fragments: Record<string, FragmentDefinitionNode> = info.fragments;
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean => {
    if (!set) return false;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === name || walk(sel.selectionSet)) return true;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (walk(sel.selectionSet)) return true;
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        if (walk(fragments[sel.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((f) => walk(f.selectionSet));
}

/**
 * The operation's fields at a path below this one (`related`, `claim`: the claims a claim's relations lead to), as an
 * info for selectsField and the page columns: what those rows need, not what the field above them selects.
 */
export function below(info: GraphQLResolveInfo, ...path: string[]): GraphQLResolveInfo {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const next: FieldNode[] = [];
    const collect = (set: SelectionSetNode | undefined) => {
      for (const sel of set?.selections ?? []) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value === name) next.push(sel);
        } else
          collect(sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : info.fragments[sel.name.value]?.selectionSet);
      }
    };
    for (const node of nodes) collect(node.selectionSet);
    nodes = next;
  }
  return { ...info, fieldNodes: nodes };
}

const byOperation = new WeakMap<object, Map<string, Set<string>>>();

/**
 * The field names an operation selects on each type, anywhere in it (fields asked on an interface or union count for
 * every type, under '*'). Cached per parsed operation, which the server reuses across requests.
 */
export function selectedFieldsByType(info: GraphQLResolveInfo): Map<string, Set<string>> {
  const cached = byOperation.get(info.operation);
  if (cached) return cached;
  const fields = new Map<string, Set<string>>();
  const typeInfo = new TypeInfo(info.schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (!parent) return;
      const key = isAbstractType(parent) ? '*' : parent.name;
      if (!fields.has(key)) fields.set(key, new Set());
      fields.get(key)!.add(node.name.value);
    },
  });
  visit(info.operation, visitor);
  for (const fragment of Object.values(info.fragments)) visit(fragment, visitor);
  byOperation.set(info.operation, fields);
  return fields;
}
