import type { Metadata } from 'next';
import Link from 'next/link';
import { ActorsPage_ActorsDocument } from '@/__generated__/graphql';
import { serverQuery } from '@/lib/urql-server';
import { EmptyState, ErrorState } from '@/components/states';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Actors' };

export default async function ActorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const name = typeof sp.name === 'string' ? sp.name.slice(0, 200) : '';
  const after = typeof sp.after === 'string' ? sp.after : null;
  const res = await serverQuery(ActorsPage_ActorsDocument, { name: name || null, after });
  return (
    <div className="stack">
      <h1>Actors</h1>
      <form role="search" className="row" action="/actors">
        <label htmlFor="actor-name">Name or alias</label>
        <input id="actor-name" name="name" type="search" defaultValue={name} placeholder="e.g. Soleimani" />
        <button type="submit">Search</button>
      </form>
      {res.error !== null ? (
        <ErrorState message={res.error} code={res.code} />
      ) : res.data.actors.edges.length === 0 ? (
        <EmptyState>No actor matches{name ? ` “${name}”` : ''}. Try a shorter name or an alias.</EmptyState>
      ) : (
        <>
          <table className="claims">
            <caption className="visually-hidden">Actors</caption>
            <thead>
              <tr>
                <th scope="col">Actor</th>
                <th scope="col">Kind</th>
                <th scope="col">Claims</th>
                <th scope="col">Aliases</th>
              </tr>
            </thead>
            <tbody>
              {res.data.actors.edges.map(({ node: a }) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/actors/${a.databaseId}`}>{a.canonicalName}</Link>
                  </td>
                  <td className="small">{a.kind.toLowerCase().replace('_', ' ')}</td>
                  <td>{a.claimCount}</td>
                  <td className="small muted">
                    {a.aliases
                      .map((x) => x.alias)
                      .filter((x) => x !== a.canonicalName)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pagination">
            <span className="small muted">{res.data.actors.totalCount} actors</span>
            {after ? (
              <Link className="button" href={`/actors${name ? `?name=${encodeURIComponent(name)}` : ''}`}>
                First page
              </Link>
            ) : null}
            {res.data.actors.pageInfo.hasNextPage && res.data.actors.pageInfo.endCursor ? (
              <Link
                className="button primary"
                href={`/actors?${new URLSearchParams({ ...(name ? { name } : {}), after: res.data.actors.pageInfo.endCursor })}`}
              >
                Next page
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
