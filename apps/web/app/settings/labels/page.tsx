import type { Metadata } from 'next';
import Link from 'next/link';
import { LabelsPage_OutletsDocument } from '@/__generated__/graphql';
import { ErrorState, EmptyState } from '@/components/states';
import { serverQuery } from '@/lib/urql-server';
import { AddLabelForm, ChangeLabelForm, RetireLabelButton } from './label-forms';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outlet labels' };

export default async function LabelsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  const res = await serverQuery(LabelsPage_OutletsDocument, { q: q?.trim() || null });
  if (res.code === 'UNAUTHENTICATED')
    return (
      <ErrorState
        title="Signed out"
        message="Sign in to manage outlet labels."
        hint={<Link href="/login?next=/settings/labels">Sign in</Link>}
      />
    );
  if (!res.data) return <ErrorState message={res.error ?? 'No data'} />;
  const editor = res.data.me.role !== 'VIEWER';
  const outlets = res.data.sources.edges.map((e) => e.node);
  return (
    <div className="stack">
      <p className="small">
        <Link href="/settings">← Settings</Link>
      </p>
      <h1>Outlet labels</h1>
      <p className="muted">
        Shared starter labels are read-only. Your workspace can add its own labels with provenance (who rates, where,
        why), change them and retire them; every change is in the audit log.
      </p>
      <form method="get" className="row" role="search" aria-label="Find outlets">
        <label className="field">
          Outlet
          <input name="q" defaultValue={q ?? ''} placeholder="e.g. Press TV" />
        </label>
        <button type="submit">Find</button>
      </form>
      {outlets.length === 0 ? <EmptyState>No outlet matches.</EmptyState> : null}
      {outlets.map((o) => (
        <section key={o.id} className="card stack" aria-label={`Labels of ${o.name}`} data-testid="outlet-labels">
          <h2>
            {o.name} {o.domain ? <span className="small muted">{o.domain}</span> : null}
          </h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Scheme</th>
                <th scope="col">Value</th>
                <th scope="col">Rater</th>
                <th scope="col">Provenance</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {o.labels.map((l) => (
                <tr key={l.id}>
                  <td>{l.scheme}</td>
                  <td>{l.value}</td>
                  <td>{l.rater}</td>
                  <td className="small">
                    {l.url ? (
                      <a href={l.url} rel="noreferrer noopener">
                        {l.url}
                      </a>
                    ) : null}{' '}
                    {l.note ?? ''}
                  </td>
                  <td>
                    {l.shared ? (
                      <span className="small muted">shared (read-only)</span>
                    ) : editor ? (
                      <div className="row">
                        <ChangeLabelForm id={l.id} value={l.value} />
                        <RetireLabelButton id={l.id} what={`${l.scheme}: ${l.value}`} />
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {editor ? <AddLabelForm sourceId={o.id} outlet={o.name} /> : null}
        </section>
      ))}
    </div>
  );
}
