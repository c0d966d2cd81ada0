'use client';
import dynamic from 'next/dynamic';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Found } from './actor-search';

const ActorSearch = dynamic(() => import('./actor-search'), { ssr: false });
const NOTHING: Found = { actors: [], fetching: true, error: null };

/** Accessible combobox over actor names and aliases; the query runs in the browser through urql, loaded once typed. */
export function ActorTypeahead({
  apiUrl,
  onPick,
  label = 'Actors',
}: {
  apiUrl: string;
  onPick: (actorId: string, name: string) => void;
  label?: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Text typed before the page hydrated fired no onChange: pick it up once React runs.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const typed = input.current?.value;
    if (typed) {
      setText(typed);
      setOpen(true);
    }
  }, []);
  const name = text.trim();
  const [found, setFound] = useState<Found>(NOTHING);
  const { fetching, error } = found;
  const options = name.length >= 2 ? found.actors : [];
  const pick = (i: number) => {
    const o = options[i];
    if (!o) return;
    onPick(o.id, o.canonicalName);
    setText('');
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape') setOpen(false);
  };
  const expanded = open && name.length >= 2;
  return (
    <div className="typeahead field">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        ref={input}
        id={`${id}-input`}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && options[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder="Name or alias, e.g. Soleimani"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {name.length >= 2 ? <ActorSearch apiUrl={apiUrl} name={name} onFound={setFound} /> : null}
      {expanded ? (
        <ul role="listbox" id={`${id}-list`} aria-label="Matching actors">
          {fetching && !options.length ? (
            <li role="option" aria-selected="false" aria-disabled="true">
              Searching…
            </li>
          ) : null}
          {error ? (
            <li role="option" aria-selected="false" aria-disabled="true">
              Search failed: {error}
            </li>
          ) : null}
          {!fetching && !error && !options.length ? (
            <li role="option" aria-selected="false" aria-disabled="true">
              No actor matches “{name}”
            </li>
          ) : null}
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(i);
              }}
            >
              {o.canonicalName}{' '}
              <span className="small muted">
                {o.kind.toLowerCase()} · {o.claimCount} claims
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
