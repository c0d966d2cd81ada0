'use client';
// Editors fix a claim's attribution chain (outermost first: the outlet, then who it cites). Linked actors and
// outlets are kept for links whose label is unchanged; the corrected chain survives re-extraction.
import { useState } from 'react';
import type { AttributionKind } from '../../__generated__/graphql';
import { choice } from './browser-api';

export const ATTRIBUTION_KINDS: readonly AttributionKind[] = [
  'OUTLET',
  'PERSON',
  'ORGANIZATION',
  'OFFICIAL',
  'ANONYMOUS',
  'DOCUMENT',
];

export interface ChainLink {
  kind: AttributionKind;
  label: string;
  actorId: string | null;
  sourceId: string | null;
}

export function ChainEditor({
  initial,
  busy,
  onSave,
}: {
  initial: ChainLink[];
  busy: boolean;
  onSave: (links: ChainLink[]) => void;
}) {
  const [links, setLinks] = useState<ChainLink[]>(initial);
  const update = (i: number, patch: Partial<ChainLink>) =>
    setLinks((ls) =>
      ls.map((l, j) =>
        j === i
          ? { ...l, ...patch, ...(patch.label !== undefined && patch.label !== l.label ? { actorId: null } : {}) }
          : l,
      ),
    );
  return (
    <fieldset className="stack" aria-label="Attribution chain">
      <legend>Attribution chain (outermost first)</legend>
      <ol className="stack" style={{ paddingLeft: '1.2rem' }}>
        {links.map((l, i) => (
          <li key={i} className="row" data-testid="chain-link">
            <label className="visually-hidden" htmlFor={`chain-kind-${i}`}>
              Kind of link {i + 1}
            </label>
            <select
              id={`chain-kind-${i}`}
              value={l.kind}
              onChange={(e) => update(i, { kind: choice(ATTRIBUTION_KINDS, e.target.value, l.kind) })}
            >
              {ATTRIBUTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k.toLowerCase()}
                </option>
              ))}
            </select>
            <label className="visually-hidden" htmlFor={`chain-label-${i}`}>
              Label of link {i + 1}
            </label>
            <input
              id={`chain-label-${i}`}
              value={l.label}
              maxLength={500}
              onChange={(e) => update(i, { label: e.target.value })}
            />
            {i > 0 ? (
              <button
                type="button"
                aria-label={`Remove link ${i + 1}`}
                onClick={() => setLinks((ls) => ls.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="row">
        <button
          type="button"
          onClick={() => setLinks((ls) => [...ls, { kind: 'PERSON', label: '', actorId: null, sourceId: null }])}
        >
          Add a link
        </button>
        <button type="button" disabled={busy || links.some((l) => !l.label.trim())} onClick={() => onSave(links)}>
          Save chain
        </button>
      </div>
    </fieldset>
  );
}
