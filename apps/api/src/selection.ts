// Look-ahead on the GraphQL selection: does the operation ask for a field under this one? Used to prefetch
// nested lists in the same SQL statement as a page (over-fetching on a name clash is harmless, just wasted work).
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

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
