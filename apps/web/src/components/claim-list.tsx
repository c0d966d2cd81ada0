import Link from 'next/link';
import type { ClaimRowFragment } from '../__generated__/graphql';
import { ContradictionFlag, LabelBadges, ModalityBadge } from './badges';
import { Chain } from './chain';

export type ClaimRowData = ClaimRowFragment;

function date(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** Claims as a table (default) or cards; both are plain server-rendered HTML. */
export function ClaimList({
  claims,
  view,
  caption,
}: {
  claims: readonly ClaimRowData[];
  view: 'table' | 'cards';
  caption: string;
}) {
  if (view === 'cards') {
    return (
      <ul className="claim-cards" aria-label={caption}>
        {claims.map((c) => (
          <li key={c.id} className="card stack" data-testid="claim">
            <Link className="claim-text" href={`/claims/${c.databaseId}`}>
              {c.text}
            </Link>
            <div>
              <Chain links={c.attribution} />
            </div>
            <div className="row">
              <strong>{c.source.name}</strong>
              <LabelBadges labels={c.source.labels} />
            </div>
            <div className="row">
              <ModalityBadge modality={c.modality} />
              <ContradictionFlag on={c.hasContradictions} />
              <span className="muted small">{date(c.article.publishedAt)}</span>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <table className="claims">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Attribution</th>
          <th scope="col">Outlet</th>
          <th scope="col">Modality</th>
          <th scope="col">Published</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((c) => (
          <tr key={c.id} data-testid="claim">
            <td>
              <Link className="claim-text" href={`/claims/${c.databaseId}`}>
                {c.text}
              </Link>{' '}
              <ContradictionFlag on={c.hasContradictions} />
            </td>
            <td>
              <Chain links={c.attribution} />
            </td>
            <td>
              <div>
                <strong>{c.source.name}</strong>
              </div>
              <LabelBadges labels={c.source.labels} />
            </td>
            <td>
              <ModalityBadge modality={c.modality} />
            </td>
            <td className="small">{date(c.article.publishedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
