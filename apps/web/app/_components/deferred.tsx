// Parts of the explorer that wait for the count and facets: the total (a server component inside <Suspense>) and
// the filter panel, which receives the facets promise, so the claims table paints without them.
import { Explorer_FacetsDocument, type ClaimFilter, type Explorer_OptionsQuery } from '@/__generated__/graphql';
import { env } from '@/env';
import type { ExplorerState } from '@/lib/filters';
import { serverQuery } from '@/lib/urql-server';
import { countText } from '@/lib/count';
import { FilterPanel } from './filter-panel';

export function facetsQuery(filter: ClaimFilter) {
  return serverQuery(Explorer_FacetsDocument, { filter });
}

type FacetsPromise = ReturnType<typeof facetsQuery>;

/** The filter panel, painted at once; the facets promise goes in with it and fills the counts when it resolves. */
export function Panel({
  state,
  options,
  facets,
}: {
  state: ExplorerState;
  options: Explorer_OptionsQuery | null;
  facets: FacetsPromise;
}) {
  return (
    <FilterPanel
      state={state}
      facets={facets.then((r) => r.data?.claims.facets ?? null)}
      options={options}
      apiUrl={env().publicApiUrl}
    />
  );
}

export async function TotalCount({ facets }: { facets: FacetsPromise }) {
  const res = await facets;
  if (!res.data)
    return (
      <span className="muted total" title={res.error ?? ''}>
        (count unavailable)
      </span>
    );
  const { count } = res.data.claims;
  const title = count.exact
    ? undefined
    : 'More matches than are counted exactly: an estimate from the database planner';
  return (
    <span className="muted total" data-testid="total" title={title}>
      ({countText(count)})
    </span>
  );
}
