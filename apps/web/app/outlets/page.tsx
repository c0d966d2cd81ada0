import type { Metadata } from 'next';
import Link from 'next/link';
import { OutletsPage_CoverageDocument, OutletsPage_OutletsDocument } from '@/__generated__/graphql';
import { serverQuery } from '@/lib/urql-server';
import { EmptyState, ErrorState } from '@/components/states';
import { schemeClass } from '@/components/badges';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outlets' };

const MATRIX_CLUSTERS = 20;

export default async function OutletsPage() {
  const res = await serverQuery(OutletsPage_OutletsDocument, {});
  if (res.error !== null) return <><h1>Outlets</h1><ErrorState message={res.error} /></>;
  const { sources, claims } = res.data;
  const counts = new Map(claims.facets.sources.map((s) => [s.source.id, s.count]));

  // Clusters: claims stated by more than one article. One coverage query each, in parallel.
  const clusters = [...new Map(claims.edges.flatMap((e) => (e.node.cluster ? [[e.node.cluster.id, e.node.cluster] as const] : []))).values()].slice(0, MATRIX_CLUSTERS);
  const coverage = await Promise.all(clusters.map((c) => serverQuery(OutletsPage_CoverageDocument, { clusterId: c.id })));
  const labels = [...new Set(sources.edges.flatMap((e) => e.node.labels.map((l) => `${l.scheme}:${l.value}`)))].sort();

  return (
    <div className="stack">
      <h1>Outlets</h1>
      {sources.edges.length === 0 ? <EmptyState>No outlets yet. <Link href="/ingest">Ingest an article</Link> to add its outlet.</EmptyState> : (
        <table className="claims">
          <caption className="visually-hidden">Outlets with their bias labels and claim counts</caption>
          <thead><tr><th scope="col">Outlet</th><th scope="col">Country · ownership</th><th scope="col">Labels (rater)</th><th scope="col">Claims</th></tr></thead>
          <tbody>
            {sources.edges.map(({ node: s }) => (
              <tr key={s.id}>
                <td><Link href={`/?source=${encodeURIComponent(s.id)}`}>{s.name}</Link>{s.domain ? <div className="small muted">{s.domain}</div> : null}</td>
                <td className="small">{s.country ?? '—'} · {s.ownership.toLowerCase()}</td>
                <td>
                  {s.labels.length ? (
                    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {s.labels.map((l) => (
                        <li key={l.id} className="small">
                          <span className={`badge ${schemeClass(l.scheme)}`}>{l.scheme}: {l.value}</span>{' '}
                          by {l.url ? <a href={l.url} rel="noreferrer noopener">{l.rater}</a> : l.rater}
                          {l.note ? <span className="muted"> — {l.note}</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : <span className="muted small">unlabelled</span>}
                </td>
                <td>{counts.get(s.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="matrix-title">
        <h2 id="matrix-title">Coverage matrix: claims × bias labels</h2>
        <p className="small muted">For each claim carried across outlets: ✓ an outlet with the label carries it; “silent” an outlet with the label reported the same event but not this claim; blank, no outlet with the label covered it.</p>
        {clusters.length === 0 ? <EmptyState>No claim is carried by more than one article yet.</EmptyState> : (
          <div style={{ overflowX: 'auto' }}>
            <table className="matrix" data-testid="coverage-matrix">
              <caption className="visually-hidden">Coverage of each claim cluster by each bias label</caption>
              <thead><tr><th scope="col">Claim</th>{labels.map((l) => <th key={l} scope="col">{l}</th>)}</tr></thead>
              <tbody>
                {clusters.map((c, i) => {
                  const cov = coverage[i];
                  const groups = new Map((cov?.data?.coverage.byLabel ?? []).map((g) => [`${g.scheme}:${g.value}`, g]));
                  return (
                    <tr key={c.id}>
                      <th scope="row"><Link href={`/?${new URLSearchParams({ q: c.summary.slice(0, 80) })}`}>{c.summary}</Link></th>
                      {cov?.error ? <td colSpan={labels.length} className="small">coverage unavailable: {cov.error}</td> : labels.map((l) => {
                        const g = groups.get(l);
                        if (g?.carriers.length) return <td key={l} className="cell-yes">✓ {g.carriers.length}</td>;
                        if (g?.blindspots.length) return <td key={l} className="cell-no">silent</td>;
                        return <td key={l}><span className="visually-hidden">not covered</span></td>;
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
