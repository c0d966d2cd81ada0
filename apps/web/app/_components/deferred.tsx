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

/** How many of the actors in the results the panel offers (the API lists them most claims first). */
const TOP_ACTORS = 15;

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
  // Only what the panel shows crosses to the browser: at 1M claims the facets name thousands of actors and every
  // labelled outlet, and parsing them all was most of the filtered explorer's main-thread work on a phone.
  const listed = new Set(options?.sources.edges.map((e) => e.node.id));
  const shown = facets.then((r) => {
    const f = r.data?.claims.facets;
    return f
      ? { ...f, actors: f.actors.slice(0, TOP_ACTORS), sources: f.sources.filter((s) => listed.has(s.source.id)) }
      : null;
  });
  // The event picker shows the start of each summary.
  const slim = options && {
    ...options,
    events: {
      edges: options.events.edges.map(({ node }) => ({ node: { ...node, summary: node.summary.slice(0, 70) } })),
    },
  };
  return <FilterPanel state={state} facets={shown} options={slim} apiUrl={env().publicApiUrl} />;
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
