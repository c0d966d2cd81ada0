import type { Metadata } from 'next';
import { FeedsPage_FeedsDocument, type FeedsPage_FeedsQuery } from '@/__generated__/graphql';
import { ErrorState } from '@/components/states';
import { env } from '@/env';
import { UrqlBrowserProvider } from '@/lib/urql-browser';
import { serverQuery } from '@/lib/urql-server';
import { AddFeedForm, FeedActions } from './feed-forms';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Feeds' };

type Feed = FeedsPage_FeedsQuery['feeds'][number];

const when = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

function state(f: Feed): { text: string; tone: 'ok' | 'error' | 'muted' } {
  if (f.paused) return { text: 'paused', tone: 'muted' };
  if (f.lastErrorCode)
    return {
      text: `${f.lastErrorCode}${f.failures > 1 ? ` (${f.failures} polls in a row)` : ''}: ${f.lastError ?? ''}`,
      tone: 'error',
    };
  if (!f.lastFetchedAt) return { text: 'waiting for its first poll', tone: 'muted' };
  return { text: f.lastStatus === 304 ? 'unchanged (304)' : `ok (HTTP ${f.lastStatus ?? '?'})`, tone: 'ok' };
}

export default async function FeedsPage() {
  const res = await serverQuery(FeedsPage_FeedsDocument, {});
  if (res.error !== null) return <ErrorState message={res.error} />;
  const { feeds, me } = res.data;
  const editor = me.role !== 'VIEWER';
  return (
    <div className="stack">
      <h1>Feeds</h1>
      <p className="muted">
        RSS, Atom and news sitemaps this workspace follows. The ingestion worker polls each one on its schedule, asks
        only for what changed, fetches each new item once (politely: robots.txt, one request at a time per site) and
        ingests its article. A feed that fails waits longer before each new try and says why here.
      </p>
      <UrqlBrowserProvider apiUrl={env().publicApiUrl}>
        {editor ? <AddFeedForm /> : <p className="small muted">Viewers see the feeds; editors add and manage them.</p>}
        {feeds.length ? (
          <table className="data-table" data-testid="feeds">
            <thead>
              <tr>
                <th scope="col">Feed</th>
                <th scope="col">State</th>
                <th scope="col">Items</th>
                <th scope="col">Articles</th>
                <th scope="col">Last poll</th>
                <th scope="col">Next poll</th>
                {editor ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {feeds.map((f) => {
                const s = state(f);
                return (
                  <tr key={f.id} data-testid="feed">
                    <td>
                      <strong>{f.title ?? f.url}</strong>
                      <div className="small muted">
                        {f.url} · {f.kind?.toLowerCase() ?? 'kind not known yet'} · every {f.intervalMinutes} min
                      </div>
                    </td>
                    <td
                      data-testid="feed-state"
                      className={s.tone === 'error' ? 'state-error' : s.tone === 'muted' ? 'muted' : undefined}
                    >
                      {s.text}
                    </td>
                    <td>{f.itemsSeen}</td>
                    <td>{f.articlesIngested}</td>
                    <td>{when(f.lastFetchedAt)}</td>
                    <td>{f.paused ? '—' : when(f.nextFetchAt)}</td>
                    {editor ? (
                      <td>
                        <FeedActions id={f.id} url={f.url} paused={f.paused} />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="muted" data-testid="no-feeds">
            No feeds yet.
          </p>
        )}
      </UrqlBrowserProvider>
    </div>
  );
}
