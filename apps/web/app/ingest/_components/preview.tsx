// What the extractor found in a pasted article, before it is saved: claims with their chains, actors, events.
import type { IngestPage_PreviewQuery } from '@/__generated__/graphql';
import { ModalityBadge } from '@/components/badges';
import { Chain } from '@/components/chain';

export type Preview = NonNullable<IngestPage_PreviewQuery['previewArticle']['ok']>;

const lower = (s: string) => s.toLowerCase().replace(/_/g, ' ');

export function ExtractionPreview({ preview: p }: { preview: Preview }) {
  return (
    <div className="stack" data-testid="preview">
      <p>
        <strong>{p.title ?? 'Untitled'}</strong>
        {p.publishedAt ? `, published ${p.publishedAt.slice(0, 10)}` : ''}: found{' '}
        <span data-testid="preview-claim-count">{p.claims.length}</span> claims, {p.actors.length} actors,{' '}
        {p.events.length} events (extractor {p.extractorVersion}).
      </p>
      {p.duplicateOf ? (
        <div className="state" role="note">
          This text is already stored (article {p.duplicateOf.databaseId}
          {p.duplicateOf.title ? `, “${p.duplicateOf.title}”` : ''}): saving will not store it twice.
        </div>
      ) : null}
      {p.warnings.length ? (
        <ul className="small">
          {p.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}

      <h3>Claims</h3>
      {p.claims.length === 0 ? (
        <p className="muted">No claims were found in this text.</p>
      ) : (
        <table className="claims">
          <caption className="visually-hidden">Claims found, not saved yet</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Attribution</th>
              <th scope="col">About</th>
              <th scope="col">Modality</th>
            </tr>
          </thead>
          <tbody>
            {p.claims.map((c) => (
              <tr key={c.key} data-testid="preview-claim">
                <td>
                  <span className="claim-text">{c.text}</span>
                  <div className="small muted">“{c.evidence}”</div>
                  {c.event ? <div className="small">Event: {c.event}</div> : null}
                </td>
                <td>
                  <Chain links={c.attribution.map((l, position) => ({ ...l, position }))} />
                </td>
                <td className="small">{c.actors.map((a) => `${a.name} (${lower(a.role)})`).join(', ') || '—'}</td>
                <td>
                  <ModalityBadge modality={c.modality} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="grid-2">
        <section aria-labelledby="preview-actors">
          <h3 id="preview-actors">Actors</h3>
          {p.actors.length === 0 ? (
            <p className="muted">None found.</p>
          ) : (
            <ul className="small" data-testid="preview-actors">
              {p.actors.map((a) => (
                <li key={a.key}>
                  <strong>{a.name}</strong> ({lower(a.kind)}, {a.mentionCount} mentions)
                  {a.aliases.length ? ` — also “${a.aliases.join('”, “')}”` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="preview-events">
          <h3 id="preview-events">Events</h3>
          {p.events.length === 0 ? (
            <p className="muted">None found.</p>
          ) : (
            <ul className="small" data-testid="preview-events">
              {p.events.map((e) => (
                <li key={e.key}>
                  <strong>{lower(e.type)}</strong>: {e.summary}
                  {e.date ? ` (${e.date.slice(0, 10)})` : ''}
                  {e.place ? `, ${e.place}` : ''}
                  {e.background ? ' — background' : ''}
                  {e.actors.length ? (
                    <div className="muted">{e.actors.map((a) => `${a.name}: ${lower(a.role)}`).join('; ')}</div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
