import type { Metadata } from 'next';
import Link from 'next/link';
import { ActorPage_ActorDocument } from '@/__generated__/graphql';
import { serverQuery } from '@/lib/urql-server';
import { globalId } from '@/lib/filters';
import { countText } from '@/lib/count';
import { knownDate } from '@/lib/dates';
import { ClaimList } from '@/components/claim-list';
import { EmptyState, ErrorState } from '@/components/states';
import { ActorGraph } from './_components/actor-graph';
import { ActorReview } from '@/components/review/actor-review';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Actor' };

export default async function ActorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id))
    return (
      <ErrorState
        title="Not an actor address"
        message={`“${id}” is not an actor number.`}
        hint={<Link href="/actors">All actors</Link>}
      />
    );
  const gid = globalId('Actor', id);
  const res = await serverQuery(ActorPage_ActorDocument, { id: gid });
  const missing = (
    <EmptyState>
      Actor {id} does not exist in this workspace. <Link href="/actors">All actors</Link>.
    </EmptyState>
  );
  if (res.code === 'NOT_FOUND' || res.code === 'INVALID_ID') return missing;
  if (res.error !== null) return <ErrorState message={res.error} code={res.code} />;
  const { actor, events, actorGraph } = res.data;
  if (!actor) return missing;

  return (
    <article className="stack">
      <p className="small">
        <Link href="/actors">← Actors</Link>
      </p>
      <h1>
        {actor.canonicalName} <span className="muted small">{actor.kind.toLowerCase().replace('_', ' ')}</span>
      </h1>
      <section aria-labelledby="aliases-title">
        <h2 id="aliases-title">Aliases</h2>
        {actor.aliases.length ? (
          <ul className="chips" style={{ listStyle: 'none', padding: 0 }}>
            {actor.aliases.map((a) => (
              <li key={a.alias} className="badge badge-scheme-other" title={a.kind.toLowerCase()}>
                {a.alias}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No aliases recorded.</p>
        )}
      </section>

      <ActorReview actorId={actor.id} name={actor.canonicalName} aliases={actor.aliases.map((a) => a.alias)} />

      <section aria-labelledby="graph-title">
        <h2 id="graph-title">Who appears in claims with {actor.canonicalName}</h2>
        <ActorGraph
          nodes={actorGraph.nodes.map((n) => ({
            id: n.actor.id,
            databaseId: n.actor.databaseId,
            name: n.actor.canonicalName,
            kind: n.actor.kind,
            depth: n.depth,
            claimCount: n.actor.claimCount,
          }))}
          edges={actorGraph.edges.map((e) => ({ from: e.from.id, to: e.to.id, weight: e.weight }))}
        />
      </section>

      <section aria-labelledby="events-title">
        <h2 id="events-title">Events ({events.totalCount})</h2>
        {events.edges.length ? (
          <table className="claims">
            <caption className="visually-hidden">Events this actor took part in, with roles</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Event</th>
                <th scope="col">Role</th>
                <th scope="col">Other participants</th>
              </tr>
            </thead>
            <tbody>
              {events.edges.map(({ node: e }) => (
                <tr key={e.id}>
                  <td className="small">{e.occurredAt ? knownDate(e.occurredAt, e.occurredPrecision) : '—'}</td>
                  <td>
                    <Link href={`/?event=${encodeURIComponent(e.id)}`}>{e.summary}</Link>{' '}
                    <span className="small muted">{e.type.toLowerCase()}</span>
                  </td>
                  <td>
                    {e.actors
                      .filter((a) => a.actor.id === actor.id)
                      .map((a) => a.role.toLowerCase().replace('_', ' '))
                      .join(', ') || '—'}
                  </td>
                  <td className="small">
                    {e.actors
                      .filter((a) => a.actor.id !== actor.id)
                      .map((a) => `${a.actor.canonicalName} (${a.role.toLowerCase().replace('_', ' ')})`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <EmptyState>No events recorded for this actor.</EmptyState>
        )}
      </section>

      <section aria-labelledby="claims-title">
        <div className="results-head">
          <h2 id="claims-title">
            Claims about {actor.canonicalName} ({countText(actor.claims.count)})
          </h2>
          <Link href={`/?actor=${encodeURIComponent(gid)}`}>Open in the explorer</Link>
        </div>
        {actor.claims.edges.length ? (
          <ClaimList
            claims={actor.claims.edges.map((e) => e.node)}
            view="table"
            caption={`Claims about ${actor.canonicalName}`}
          />
        ) : (
          <EmptyState>No claims about this actor yet.</EmptyState>
        )}
      </section>
    </article>
  );
}
