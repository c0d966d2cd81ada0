import type { Metadata } from 'next';
import { Suspense } from 'react';
import Link from 'next/link';
import { Explorer_ClaimsDocument, Explorer_OptionsDocument } from '@/__generated__/graphql';
import { apiOrigin, env } from '@/env';
import { serverQuery } from '@/lib/urql-server';
import { parseState, toClaimFilter, toSearch, withChange } from '@/lib/filters';
import { ClaimList } from '@/components/claim-list';
import { EmptyState, ErrorState, LinkingNotice } from '@/components/states';
import { Panel, TotalCount, facetsQuery } from './_components/deferred';

export const metadata: Metadata = { title: 'Claims explorer' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;

export default async function ExplorerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = parseState(await searchParams);
  const filter = toClaimFilter(state);
  const facets = facetsQuery(filter); // started now, awaited inside <Suspense> below
  const [claims, options] = await Promise.all([
    serverQuery(Explorer_ClaimsDocument, { filter, first: PAGE_SIZE, after: state.after || null }),
    serverQuery(Explorer_OptionsDocument, { actorIds: state.actors }),
  ]);
  const exportQuery = `filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const origin = apiOrigin(env().publicApiUrl);
  const conn = claims.data?.claims;

  return (
    <div className="explorer">
      <aside aria-label="Filters" className="filters card">
        <Panel state={state} options={options.data} facets={facets} />
      </aside>
      <section aria-labelledby="results-title">
        <div className="results-head">
          <h1 id="results-title">
            Claims{' '}
            {conn ? (
              <Suspense fallback={<span className="muted total">(counting…)</span>}>
                <TotalCount facets={facets} />
              </Suspense>
            ) : null}
          </h1>
          <div className="row">
            <span className="small muted">View:</span>
            <Link
              className="button"
              aria-current={state.view === 'table' ? 'true' : undefined}
              href={`/${toSearch({ ...state, view: 'table' })}`}
            >
              Table
            </Link>
            <Link
              className="button"
              aria-current={state.view === 'cards' ? 'true' : undefined}
              href={`/${toSearch({ ...state, view: 'cards' })}`}
            >
              Cards
            </Link>
            <span className="small muted">Compare:</span>
            <Link
              className="button"
              href={`/outlets${toSearch({ ...state, view: 'table', after: '', page: 1 })}#matrix-title`}
            >
              Coverage matrix
            </Link>
            <span className="small muted">Export:</span>
            <a className="button" href={`${origin}/export/claims.csv?${exportQuery}`} download>
              CSV
            </a>
            <a className="button" href={`${origin}/export/claims.jsonld?${exportQuery}`} download>
              JSON-LD
            </a>
          </div>
        </div>
        <LinkingNotice count={options.data?.articlesLinking ?? 0} />
        {claims.error !== null ? (
          <ErrorState message={claims.error} code={claims.code} />
        ) : !conn || conn.edges.length === 0 ? (
          <EmptyState>
            No claims match these filters. Remove a filter on the left, widen the date range, or{' '}
            <Link href="/">clear all filters</Link>. To add material, <Link href="/ingest">ingest an article</Link>.
          </EmptyState>
        ) : (
          <>
            <ClaimList claims={conn.edges.map((e) => e.node)} view={state.view} caption="Claims matching the filters" />
            <nav className="pager" aria-label="Pagination">
              <span className="small muted" style={{ alignSelf: 'center' }}>
                Page {state.page} · claims {(state.page - 1) * PAGE_SIZE + 1}–
                {(state.page - 1) * PAGE_SIZE + conn.edges.length}
              </span>
              {state.page > 1 ? (
                <Link className="button" href={`/${toSearch(withChange(state, {}))}`}>
                  First page
                </Link>
              ) : null}
              {conn.pageInfo.hasNextPage && conn.pageInfo.endCursor ? (
                <Link
                  className="button primary"
                  rel="next"
                  href={`/${toSearch(withChange(state, { after: conn.pageInfo.endCursor, page: state.page + 1 }))}`}
                >
                  Next page
                </Link>
              ) : null}
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
