'use client';
import { useRouter } from 'next/navigation';
import { createContext, use, useEffect, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import type { Modality } from '@/__generated__/graphql';
import {
  EMPTY_STATE,
  MODALITIES,
  labelKey,
  toSearch,
  withChange,
  type ExplorerState,
  type LabelRef,
} from '@/lib/filters';
import { modalityText } from '@/components/badges';
import { ActorTypeahead } from './actor-typeahead';

/** What the panel shows of the facets: counts by label key, modality and outlet id, and the top actors. */
export type PanelFacets = {
  exact: boolean;
  claimsCounted: number;
  labels: Record<string, number>;
  modalities: Partial<Record<Modality, number>>;
  sources: Record<string, number>;
  actors: { id: string; name: string; count: number }[];
};
/** The facets as they stream in after first paint (null when they could not be counted). */
export type FacetsPromise = Promise<PanelFacets | null>;
/** The panel's lists, as little as it shows: they are sent twice, as HTML and as props. */
export type PanelOptions = {
  labels: LabelRef[];
  sources: { id: string; name: string }[];
  events: { id: string; text: string }[];
  actorNames: Record<string, string>;
};
type Go = (change: Partial<ExplorerState>) => void;

function toggle<T>(xs: readonly T[], x: T, eq: (a: T, b: T) => boolean = (a, b) => a === b): T[] {
  return xs.some((y) => eq(x, y)) ? xs.filter((y) => !eq(x, y)) : [...xs, x];
}

/** The facets once arrived; undefined until then. */
const FacetsContext = createContext<PanelFacets | null | undefined>(undefined);

/**
 * The facets' arrival is one state update, read through context by the parts that show counts: the panel hydrates
 * once, and the counts commit together without re-rendering the rest of it (a Suspense boundary per count hydrated
 * each one again when the facets streamed in after the page, about 50 of them).
 */
function FacetsArrival({ facets, children }: { facets: FacetsPromise; children: ReactNode }) {
  const [arrived, setArrived] = useState<{ from: FacetsPromise; facets: PanelFacets | null }>();
  useEffect(() => {
    let live = true;
    const done = (f: PanelFacets | null) => live && setArrived({ from: facets, facets: f });
    facets.then(done, () => done(null));
    return () => {
      live = false;
    };
  }, [facets]);
  return <FacetsContext value={arrived?.from === facets ? arrived.facets : undefined}>{children}</FacetsContext>;
}

export function FilterPanel({
  state,
  facets,
  options,
  apiUrl,
}: {
  state: ExplorerState;
  facets: FacetsPromise;
  options: PanelOptions;
  apiUrl: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(state.q);
  const go = (change: Partial<ExplorerState>) => {
    startTransition(() => router.push(`/${toSearch(withChange(state, change))}`, { scroll: false }));
  };

  const schemes = new Map<string, LabelRef[]>();
  for (const l of options.labels) schemes.set(l.scheme, [...(schemes.get(l.scheme) ?? []), l]);
  const { actorNames } = options;
  const submitText = (e: FormEvent) => {
    e.preventDefault();
    go({ q });
  };

  return (
    <FacetsArrival facets={facets}>
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
          {pending ? 'Updating results…' : <FacetsNote />}
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
                    aria-label={`Remove actor ${actorNames[id] ?? id}`}
                    onClick={() => go({ actors: state.actors.filter((a) => a !== id) })}
                  >
                    {actorNames[id] ?? 'Unknown actor'} ✕
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {/* Rendered (closed) before the facets arrive too, so their arrival does not shift the panel. */}
          <details style={{ marginTop: '.4rem' }}>
            <summary className="small">Top actors in these results</summary>
            <div className="chips" style={{ marginTop: '.3rem' }}>
              <TopActors state={state} go={go} />
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
                      {l.value ? <FacetCount of={(f) => f.labels[labelKey(l)]} labelled /> : null}
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
                <FacetCount of={(f) => f.modalities[m]} />
              </button>
            ))}
          </div>
        </fieldset>

        <div className="group field">
          <label htmlFor="f-source">Outlet</label>
          <SourceSelect state={state} options={options} go={go} />
          <div className="chips">
            {state.sources.map((id) => (
              <button
                key={id}
                type="button"
                className="chip"
                aria-pressed="true"
                onClick={() => go({ sources: state.sources.filter((s) => s !== id) })}
              >
                {options.sources.find((o) => o.id === id)?.name ?? 'Outlet'} ✕
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
            {options.events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.text}
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
    </FacetsArrival>
  );
}

/** One facet count; until the facets arrive, an empty placeholder of the same width (`.count` reserves it). */
function FacetCount({ of, labelled = false }: { of: (f: PanelFacets) => number | undefined; labelled?: boolean }) {
  const f = use(FacetsContext);
  if (f === undefined) return <span className="count" />;
  const n = (f && of(f)) ?? 0;
  return (
    <span className="count" aria-label={labelled ? `${n} claims` : undefined}>
      {n}
    </span>
  );
}

function FacetsNote() {
  const f = use(FacetsContext);
  return f && !f.exact ? `Counts over the newest ${f.claimsCounted.toLocaleString('en')} matches` : null;
}

function TopActors({ state, go }: { state: ExplorerState; go: Go }) {
  const f = use(FacetsContext);
  if (f === undefined) return <span className="small muted">Counting…</span>;
  if (!f?.actors.length) return <span className="small muted">None</span>;
  return f.actors.map((a) => (
    <button
      key={a.id}
      type="button"
      className="chip"
      aria-pressed={state.actors.includes(a.id)}
      onClick={() => go({ actors: toggle(state.actors, a.id) })}
    >
      {a.name}
      <span className="count">{a.count}</span>
    </button>
  ));
}

/** The outlet picker; counts appear in the option texts once the facets arrive. */
function SourceSelect({ state, options, go }: { state: ExplorerState; options: PanelOptions; go: Go }) {
  const f = use(FacetsContext);
  const counts = f === undefined ? null : (f?.sources ?? {});
  return (
    <select
      id="f-source"
      value=""
      onChange={(e) => e.target.value && go({ sources: toggle(state.sources, e.target.value) })}
    >
      <option value="">Add an outlet…</option>
      {options.sources.map((o) => (
        <option key={o.id} value={o.id}>
          {state.sources.includes(o.id) ? '✓ ' : ''}
          {o.name}
          {counts ? ` (${counts[o.id] ?? 0})` : ''}
        </option>
      ))}
    </select>
  );
}
