import type { Modality } from '../__generated__/graphql';

const KNOWN_SCHEMES = new Set(['state-affiliated', 'lean', 'alignment', 'ownership']);

export function schemeClass(scheme: string): string {
  return `badge-scheme-${KNOWN_SCHEMES.has(scheme) ? scheme : 'other'}`;
}

export interface LabelLike {
  id?: string;
  scheme: string;
  value: string;
  rater?: string | null;
}

/** One bias label as a badge; the rater is in the tooltip and the accessible name. */
export function LabelBadge({ label }: { label: LabelLike }) {
  const title = label.rater
    ? `${label.scheme}: ${label.value} (rated by ${label.rater})`
    : `${label.scheme}: ${label.value}`;
  return (
    <span className={`badge ${schemeClass(label.scheme)}`} title={title}>
      <span className="visually-hidden">{label.scheme}:</span>
      <span aria-hidden="true">
        {label.scheme === 'state-affiliated' ? 'state · ' : label.scheme === 'lean' ? 'lean · ' : ''}
      </span>
      {label.value}
    </span>
  );
}

export function LabelBadges({ labels }: { labels: readonly LabelLike[] }) {
  if (!labels.length) return <span className="muted small">no labels</span>;
  return (
    <span className="row" style={{ gap: '.25rem' }}>
      {labels.map((l) => (
        <LabelBadge key={l.id ?? `${l.scheme}:${l.value}`} label={l} />
      ))}
    </span>
  );
}

const MODALITY_TEXT: Record<Modality, string> = {
  REPORTED: 'reported',
  ALLEGED: 'alleged',
  CONFIRMED: 'confirmed',
  DENIED: 'denied',
  ADMITTED: 'admitted',
  OPINION: 'opinion',
  QUOTED_STATEMENT: 'quoted',
};

export function modalityText(m: Modality): string {
  return MODALITY_TEXT[m];
}

export function ModalityBadge({ modality }: { modality: Modality }) {
  return (
    <span className={`modality modality-${modality}`} title={`Modality: ${MODALITY_TEXT[modality]}`}>
      {MODALITY_TEXT[modality]}
    </span>
  );
}

export function ContradictionFlag({ on }: { on: boolean }) {
  if (!on) return null;
  return (
    <span className="flag-contradiction" title="Another outlet's claim contradicts this one">
      ⚠ contradicted
    </span>
  );
}
