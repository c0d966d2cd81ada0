import type { Metadata } from 'next';
import Link from 'next/link';
import { OutletsPage_MatrixDocument, OutletsPage_OutletsDocument } from '@/__generated__/graphql';
import { parseState, toClaimFilter, toSearch } from '@/lib/filters';
import { serverQuery } from '@/lib/urql-server';
import { EmptyState, ErrorState } from '@/components/states';
import { schemeClass } from '@/components/badges';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outlets' };

const MATRIX_CLUSTERS = 20;
const labelId = (l: { scheme: string; value: string }) => `${l.scheme}:${l.value}`;

export default async function OutletsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // The matrix takes the explorer's filter parameters (e.g. /outlets?actor=…) and ?scheme= for one label scheme.
  const scheme = typeof params.scheme === 'string' && params.scheme ? params.scheme : null;
  const state = parseState(params);
  const filtered = toSearch({ ...state, view: 'table', after: '', page: 1 });
  const matrixHref = (s: string | null) => {
    const u = new URLSearchParams(filtered);
    if (s) u.set('scheme', s);
    return `/outlets${u.size ? `?${u}` : ''}#matrix-title`;
  };
  const [res, matrix] = await Promise.all([
    serverQuery(OutletsPage_OutletsDocument, {}),
    serverQuery(OutletsPage_MatrixDocument, {
      filter: toClaimFilter(state),
      clusters: MATRIX_CLUSTERS,
      labelScheme: scheme,
    }),
  ]);
  if (res.error !== null)
    return (
      <>
        <h1>Outlets</h1>
        <ErrorState message={res.error} code={res.code} />
      </>
    );
  const { sources, claims } = res.data;
  const counts = new Map(claims.facets.sources.map((s) => [s.source.id, s.count]));
  const schemes = [...new Set(sources.edges.flatMap((e) => e.node.labels.map((l) => l.scheme)))].sort();

  return (
    <div className="stack">
      <h1>Outlets</h1>
      {sources.edges.length === 0 ? (
        <EmptyState>
          No outlets yet. <Link href="/ingest">Ingest an article</Link> to add its outlet.
        </EmptyState>
      ) : (
        <table className="claims">
          <caption className="visually-hidden">Outlets with their bias labels and claim counts</caption>
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Country · ownership</th>
              <th scope="col">Labels (rater)</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {sources.edges.map(({ node: s }) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/?source=${encodeURIComponent(s.id)}`}>{s.name}</Link>
                  {s.domain ? <div className="small muted">{s.domain}</div> : null}
                </td>
                <td className="small">
                  {s.country ?? '—'} · {s.ownership.toLowerCase()}
                </td>
                <td>
                  {s.labels.length ? (
                    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {s.labels.map((l) => (
                        <li key={l.id} className="small">
                          <span className={`badge ${schemeClass(l.scheme)}`}>
                            {l.scheme}: {l.value}
                          </span>{' '}
                          by{' '}
                          {l.url ? (
                            <a href={l.url} rel="noreferrer noopener">
                              {l.rater}
                            </a>
                          ) : (
                            l.rater
                          )}
                          {l.note ? <span className="muted"> — {l.note}</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted small">unlabelled</span>
                  )}
                </td>
                <td>{counts.get(s.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="matrix-title">
        <h2 id="matrix-title">Coverage matrix: claims × bias labels</h2>
        <p className="small muted">
          The {MATRIX_CLUSTERS} claims stated most often (claim clusters with the most claims). ✓ n: n outlets with the
          label carry it; “silent n”: n outlets with the label reported the same event but not this claim; blank: no
          outlet with the label covered it.
        </p>
        {filtered ? (
          <p className="small" data-testid="matrix-filter">
            Only claims matching the explorer filter: <Link href={`/${filtered}`}>open it in the explorer</Link> or{' '}
            <Link href={scheme ? `/outlets?${new URLSearchParams({ scheme })}#matrix-title` : '/outlets#matrix-title'}>
              show all claims
            </Link>
            .
          </p>
        ) : null}
        <nav aria-label="Label scheme of the matrix" className="row small">
          <span className="muted">Labels:</span>
          <Link href={matrixHref(null)} aria-current={scheme === null ? 'true' : undefined}>
            all schemes
          </Link>
          {schemes.map((s) => (
            <Link key={s} href={matrixHref(s)} aria-current={scheme === s ? 'true' : undefined}>
              {s}
            </Link>
          ))}
        </nav>
        {matrix.error !== null ? (
          <ErrorState title="Could not compute the coverage matrix" message={matrix.error} />
        ) : matrix.data.coverageMatrix.rows.length === 0 ? (
          <EmptyState>
            No claim is carried by more than one article yet. Ingest articles from other outlets on the same story to
            compare coverage.
          </EmptyState>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <table className="matrix" data-testid="coverage-matrix">
              <caption className="visually-hidden">Coverage of each claim cluster by each bias label</caption>
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Claims</th>
                  {matrix.data.coverageMatrix.labels.map((l) => (
                    <th key={labelId(l)} scope="col">
                      {l.scheme}: {l.value}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.data.coverageMatrix.rows.map((row) => {
                  const cells = new Map(row.cells.map((c) => [labelId(c), c]));
                  return (
                    <tr key={row.cluster.id} data-testid="matrix-row">
                      <th scope="row">
                        <Link href={`/?${new URLSearchParams({ q: row.cluster.summary.slice(0, 80) })}`}>
                          {row.cluster.summary}
                        </Link>
                      </th>
                      <td>{row.claimCount}</td>
                      {matrix.data.coverageMatrix.labels.map((l) => {
                        const c = cells.get(labelId(l));
                        if (c?.carriers)
                          return (
                            <td key={labelId(l)} className="cell-yes">
                              ✓ {c.carriers}
                              {c.silent ? <div className="small">silent {c.silent}</div> : null}
                            </td>
                          );
                        if (c?.silent)
                          return (
                            <td key={labelId(l)} className="cell-no">
                              silent {c.silent}
                            </td>
                          );
                        return (
                          <td key={labelId(l)}>
                            <span className="visually-hidden">not covered</span>
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
