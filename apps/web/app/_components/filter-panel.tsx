'use client';
import { useRouter } from 'next/navigation';
import { Suspense, use, useState, useTransition, type FormEvent } from 'react';
import type { Explorer_FacetsQuery, Explorer_OptionsQuery, Modality } from '@/__generated__/graphql';
import {
  EMPTY_STATE,
  MODALITIES,
  labelKey,
  toSearch,
  withChange,
  type ExplorerState,
  type LabelRef,
} from '@/lib/filters';
import { knownDate } from '@/lib/dates';
import { modalityText } from '@/components/badges';
import { ActorTypeahead } from './actor-typeahead';

type Facets = Explorer_FacetsQuery['claims']['facets'];
/** The facets as they stream in after first paint (null when they could not be counted). */
export type FacetsPromise = Promise<Facets | null>;
type Go = (change: Partial<ExplorerState>) => void;

function toggle<T>(xs: readonly T[], x: T, eq: (a: T, b: T) => boolean = (a, b) => a === b): T[] {
  return xs.some((y) => eq(x, y)) ? xs.filter((y) => !eq(x, y)) : [...xs, x];
}

/**
 * The panel hydrates once, with the page: only the parts that show facets read the streamed promise, each inside
 * its own small Suspense boundary, so their arrival re-renders a few counts, not the panel.
 */
export function FilterPanel({
  state,
  facets,
  options,
  apiUrl,
}: {
  state: ExplorerState;
  facets: FacetsPromise;
  options: Explorer_OptionsQuery | null;
  apiUrl: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(state.q);
  const go = (change: Partial<ExplorerState>) => {
    startTransition(() => router.push(`/${toSearch(withChange(state, change))}`, { scroll: false }));
  };

  const schemes = new Map<string, LabelRef[]>();
  for (const l of options?.biasLabels ?? []) {
    const list = schemes.get(l.scheme) ?? [];
    list.push({ scheme: l.scheme, value: l.value });
    schemes.set(l.scheme, list);
  }
  const actorNames = new Map<string, string>();
  for (const n of options?.nodes ?? []) if (n && 'canonicalName' in n) actorNames.set(n.id, n.canonicalName);
  const submitText = (e: FormEvent) => {
    e.preventDefault();
    go({ q });
  };

  return (
    <div aria-busy={pending}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>Filters</h2>
        <button
          type="button"
          onClick={() => {
            setQ('');
            go({ ...EMPTY_STATE, view: state.view });
          }}
        >
          Clear all
        </button>
      </div>
      {/* One line, always reserved: facets stream in after first paint and must not shift the panel. */}
      <p className="small muted one-line" role="status" aria-live="polite" data-testid="panel-status">
        {pending ? (
          'Updating results…'
        ) : (
          <Suspense fallback={null}>
            <FacetsNote facets={facets} />
          </Suspense>
        )}
      </p>

      <form className="group field" role="search" onSubmit={submitText}>
        <label htmlFor="f-text">Full text</label>
        <div className="row">
          <input
            id="f-text"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder='e.g. "four missiles"'
            style={{ flex: 1 }}
          />
          <button type="submit">Search</button>
        </div>
      </form>

      <div className="group">
        <ActorTypeahead
          apiUrl={apiUrl}
          onPick={(id) => go({ actors: state.actors.includes(id) ? state.actors : [...state.actors, id] })}
        />
        {state.actors.length ? (
          <ul
            className="chips"
            aria-label="Selected actors"
            style={{ listStyle: 'none', padding: 0, margin: '.4rem 0 0' }}
          >
            {state.actors.map((id) => (
              <li key={id}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed="true"
                  aria-label={`Remove actor ${actorNames.get(id) ?? id}`}
                  onClick={() => go({ actors: state.actors.filter((a) => a !== id) })}
                >
                  {actorNames.get(id) ?? 'Unknown actor'} ✕
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {/* Rendered (closed) before the facets arrive too, so their arrival does not shift the panel. */}
        <details style={{ marginTop: '.4rem' }}>
          <summary className="small">Top actors in these results</summary>
          <div className="chips" style={{ marginTop: '.3rem' }}>
            <Suspense fallback={<span className="small muted">Counting…</span>}>
              <TopActors facets={facets} state={state} go={go} />
            </Suspense>
          </div>
        </details>
      </div>

      <fieldset className="group">
        <legend>Outlet bias labels</legend>
        <div className="row small" role="radiogroup" aria-label="Combine labels">
          <label style={{ fontWeight: 400 }}>
            <input type="radio" name="match" checked={state.match === 'any'} onChange={() => go({ match: 'any' })} />{' '}
            any
          </label>
          <label style={{ fontWeight: 400 }}>
            <input type="radio" name="match" checked={state.match === 'all'} onChange={() => go({ match: 'all' })} />{' '}
            all
          </label>
        </div>
        {[...schemes.entries()].map(([scheme, values]) => (
          <div key={scheme} style={{ marginTop: '.4rem' }}>
            <div className="small muted" id={`scheme-${scheme}`}>
              {scheme}
            </div>
            <div className="chips" role="group" aria-labelledby={`scheme-${scheme}`}>
              {[{ scheme, value: '' }, ...values].map((l) => {
                const on = state.labels.some((x) => labelKey(x) === labelKey(l));
                return (
                  <button
                    key={labelKey(l)}
                    type="button"
                    className="chip"
                    aria-pressed={on}
                    data-label={labelKey(l)}
                    onClick={() => go({ labels: toggle(state.labels, l, (a, b) => labelKey(a) === labelKey(b)) })}
                  >
                    {l.value || `any ${scheme}`}
                    {l.value ? (
                      <FacetCount
                        facets={facets}
                        of={(f) => f.biasLabels.find((x) => labelKey(x) === labelKey(l))?.count}
                        labelled
                      />
                    ) : null}
                  </button>
                );
              })}
            </div>
          </div>
        ))}
        {schemes.size === 0 ? <p className="small muted">No labelled outlets yet.</p> : null}
      </fieldset>

      <fieldset className="group">
        <legend>Modality</legend>
        <div className="chips">
          {MODALITIES.map((m: Modality) => (
            <button
              key={m}
              type="button"
              className="chip"
              aria-pressed={state.modalities.includes(m)}
              onClick={() => go({ modalities: toggle(state.modalities, m) })}
            >
              {modalityText(m)}
              <FacetCount facets={facets} of={(f) => f.modalities.find((x) => x.modality === m)?.count} />
            </button>
          ))}
        </div>
      </fieldset>

      <div className="group field">
        <label htmlFor="f-source">Outlet</label>
        <Suspense fallback={<SourceSelect state={state} options={options} go={go} counts={null} />}>
          <CountedSourceSelect facets={facets} state={state} options={options} go={go} />
        </Suspense>
        <div className="chips">
          {state.sources.map((id) => (
            <button
              key={id}
              type="button"
              className="chip"
              aria-pressed="true"
              onClick={() => go({ sources: state.sources.filter((s) => s !== id) })}
            >
              {options?.sources.edges.find((e) => e.node.id === id)?.node.name ?? 'Outlet'} ✕
            </button>
          ))}
        </div>
      </div>

      <div className="group field">
        <label htmlFor="f-event">Event</label>
        <select
          id="f-event"
          value={state.events[0] ?? ''}
          onChange={(e) => go({ events: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">Any event</option>
          {(options?.events.edges ?? []).map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.occurredAt ? `${knownDate(node.occurredAt, node.occurredPrecision)} · ` : ''}
              {node.summary}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="group">
        <legend>Published</legend>
        <div className="row">
          <label className="field small" style={{ fontWeight: 400 }}>
            From <input type="date" value={state.from} onChange={(e) => go({ from: e.target.value })} />
          </label>
          <label className="field small" style={{ fontWeight: 400 }}>
            To <input type="date" value={state.to} onChange={(e) => go({ to: e.target.value })} />
          </label>
        </div>
      </fieldset>

      <div className="group">
        <label style={{ fontWeight: 400 }}>
          <input
            type="checkbox"
            checked={state.contradicted}
            onChange={(e) => go({ contradicted: e.target.checked })}
          />{' '}
          Only contradicted claims
        </label>
      </div>
    </div>
  );
}

/** One facet count; until the facets arrive, an empty placeholder of the same width (`.count` reserves it). */
function FacetCount({
  facets,
  of,
  labelled = false,
}: {
  facets: FacetsPromise;
  of: (f: Facets) => number | undefined;
  labelled?: boolean;
}) {
  return (
    <Suspense fallback={<span className="count" />}>
      <Counted facets={facets} of={of} labelled={labelled} />
    </Suspense>
  );
}

function Counted({
  facets,
  of,
  labelled,
}: {
  facets: FacetsPromise;
  of: (f: Facets) => number | undefined;
  labelled: boolean;
}) {
  const f = use(facets);
  const n = (f && of(f)) ?? 0;
  return (
    <span className="count" aria-label={labelled ? `${n} claims` : undefined}>
      {n}
    </span>
  );
}

function FacetsNote({ facets }: { facets: FacetsPromise }) {
  const f = use(facets);
  return f && !f.exact ? `Counts over the newest ${f.claimsCounted.toLocaleString('en')} matches` : null;
}

function TopActors({ facets, state, go }: { facets: FacetsPromise; state: ExplorerState; go: Go }) {
  const f = use(facets);
  if (!f?.actors.length) return <span className="small muted">None</span>;
  return f.actors.map((a) => (
    <button
      key={a.actor.id}
      type="button"
      className="chip"
      aria-pressed={state.actors.includes(a.actor.id)}
      onClick={() => go({ actors: toggle(state.actors, a.actor.id) })}
    >
      {a.actor.canonicalName}
      <span className="count">{a.count}</span>
    </button>
  ));
}

type SourceSelectProps = { state: ExplorerState; options: Explorer_OptionsQuery | null; go: Go };

function CountedSourceSelect({ facets, ...props }: SourceSelectProps & { facets: FacetsPromise }) {
  const f = use(facets);
  return <SourceSelect {...props} counts={new Map((f?.sources ?? []).map((s) => [s.source.id, s.count]))} />;
}

/** The outlet picker; counts appear in the option texts once the facets arrive. */
function SourceSelect({ state, options, go, counts }: SourceSelectProps & { counts: Map<string, number> | null }) {
  return (
    <select
      id="f-source"
      value=""
      onChange={(e) => e.target.value && go({ sources: toggle(state.sources, e.target.value) })}
    >
      <option value="">Add an outlet…</option>
      {(options?.sources.edges ?? []).map(({ node }) => (
        <option key={node.id} value={node.id}>
          {state.sources.includes(node.id) ? '✓ ' : ''}
          {node.name}
          {counts ? ` (${counts.get(node.id) ?? 0})` : ''}
        </option>
      ))}
    </select>
  );
}
