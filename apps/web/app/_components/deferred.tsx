// Parts of the explorer that wait for the count and facets: the total (a server component inside <Suspense>) and
// the filter panel, which receives the facets promise, so the claims table paints without them.
import { Explorer_FacetsDocument, type ClaimFilter, type Explorer_OptionsQuery } from '@/__generated__/graphql';
import { env } from '@/env';
import { labelKey, type ExplorerState } from '@/lib/filters';
import { knownDate } from '@/lib/dates';
import { serverQuery } from '@/lib/urql-server';
import { countText } from '@/lib/count';
import { FilterPanel, type FacetsPromise, type PanelOptions } from './filter-panel';

export function facetsQuery(filter: ClaimFilter) {
  return serverQuery(Explorer_FacetsDocument, { filter });
}

type FacetsQuery = ReturnType<typeof facetsQuery>;

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
  facets: FacetsQuery;
}) {
  // Only what the panel shows crosses to the browser, keyed as it looks things up: at 1M claims the facets name
  // thousands of actors and every labelled outlet, and parsing them all was most of the filtered explorer's
  // main-thread work on a phone.
  const listed = new Set(options?.sources.edges.map((e) => e.node.id));
  const shown: FacetsPromise = facets.then(({ data }) => {
    const f = data?.claims.facets;
    return f
      ? {
          exact: f.exact,
          claimsCounted: f.claimsCounted,
          labels: Object.fromEntries(f.biasLabels.map((l) => [labelKey(l), l.count])),
          modalities: Object.fromEntries(f.modalities.map((m) => [m.modality, m.count])),
          sources: Object.fromEntries(
            f.sources.filter((s) => listed.has(s.source.id)).map((s) => [s.source.id, s.count]),
          ),
          actors: f.actors
            .slice(0, TOP_ACTORS)
            .map((a) => ({ id: a.actor.id, name: a.actor.canonicalName, count: a.count })),
        }
      : null;
  });
  const lists: PanelOptions = {
    labels: (options?.biasLabels ?? []).map(({ scheme, value }) => ({ scheme, value })),
    sources: (options?.sources.edges ?? []).map(({ node }) => ({ id: node.id, name: node.name })),
    // The event picker shows each event's date and the start of its summary.
    events: (options?.events.edges ?? []).map(({ node }) => ({
      id: node.id,
      text: `${node.occurredAt ? `${knownDate(node.occurredAt, node.occurredPrecision)} · ` : ''}${node.summary.slice(0, 70)}`,
    })),
    actorNames: Object.fromEntries(
      (options?.nodes ?? []).flatMap((n) => (n && 'canonicalName' in n ? [[n.id, n.canonicalName]] : [])),
    ),
  };
  return <FilterPanel state={state} facets={shown} options={lists} apiUrl={env().publicApiUrl} />;
}

export async function TotalCount({ facets }: { facets: FacetsQuery }) {
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
