import type { AttributionKind } from '../__generated__/graphql';

export interface ChainLink {
  position: number;
  kind: AttributionKind;
  label: string;
}

/** The attribution chain as a readable path: CGTN → NBC News → two sources with direct knowledge. */
export function chainText(links: readonly ChainLink[]): string {
  return [...links]
    .sort((a, b) => a.position - b.position)
    .map((l) => l.label)
    .join(' → ');
}

export function Chain({ links }: { links: readonly ChainLink[] }) {
  const sorted = [...links].sort((a, b) => a.position - b.position);
  if (!sorted.length) return <span className="muted small">no attribution</span>;
  return (
    <ol className="chain" aria-label={`Attribution: ${chainText(sorted)}`}>
      {sorted.map((l) => (
        <li key={l.position} className={`chain-${l.kind}`}>
          {l.label}
        </li>
      ))}
    </ol>
  );
}
