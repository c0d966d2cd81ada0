import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditPage_AuditLogDocument } from '@/__generated__/graphql';
import { ErrorState, EmptyState } from '@/components/states';
import { serverQuery } from '@/lib/urql-server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

/** Compact JSON for the before/after columns. */
function Json({ text }: { text: string | null }) {
  if (!text) return <span className="muted">—</span>;
  return <code className="audit-json">{text.length > 400 ? `${text.slice(0, 400)}…` : text}</code>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const { before } = await searchParams;
  const res = await serverQuery(AuditPage_AuditLogDocument, { before: before && /^\d+$/.test(before) ? before : null });
  if (res.code === 'UNAUTHENTICATED')
    return (
      <ErrorState
        title="Signed out"
        message="Sign in as an admin to see the audit log."
        hint={<Link href="/login?next=/audit">Sign in</Link>}
      />
    );
  if (res.code === 'FORBIDDEN')
    return <ErrorState title="Admins only" message="The audit log is visible to workspace admins." />;
  if (!res.data) return <ErrorState message={res.error ?? 'No data'} />;
  const { entries, nextCursor } = res.data.auditLog;
  return (
    <div className="stack">
      <h1>Audit log</h1>
      <p className="muted">
        Every change in this workspace: who, when, what, and the fields before and after. Newest first.
      </p>
      {entries.length === 0 ? (
        <EmptyState>No changes recorded yet.</EmptyState>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.databaseId} data-testid="audit-entry">
                <td>{e.createdAt.slice(0, 19).replace('T', ' ')}</td>
                <td>{e.user?.email ?? 'system'}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.entityType} {e.entityId ?? ''}
                </td>
                <td>
                  <Json text={e.before} />
                </td>
                <td>
                  <Json text={e.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor ? (
        <p>
          <Link href={`/audit?before=${nextCursor}`}>Older entries →</Link>
        </p>
      ) : null}
    </div>
  );
}
