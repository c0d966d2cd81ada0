import type { Metadata } from 'next';
import Link from 'next/link';
import { SettingsPage_InvitationsDocument, SettingsPage_SettingsDocument } from '@/__generated__/graphql';
import { ErrorState } from '@/components/states';
import { serverQuery } from '@/lib/urql-server';
import { InviteForm, RevokeTokenButton, RoleSelect, TokenForm } from './settings-forms';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Settings' };

const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

export default async function SettingsPage() {
  const res = await serverQuery(SettingsPage_SettingsDocument, {});
  if (res.code === 'UNAUTHENTICATED')
    return (
      <ErrorState
        title="Signed out"
        message="Sign in to see your workspace settings."
        hint={<Link href="/login?next=/settings">Sign in</Link>}
      />
    );
  if (!res.data) return <ErrorState message={res.error ?? 'No data'} />;
  const { me, members, apiTokens } = res.data;
  const admin = me.role === 'ADMIN';
  const invitations = admin ? ((await serverQuery(SettingsPage_InvitationsDocument, {})).data?.invitations ?? []) : [];

  return (
    <div className="stack">
      <h1>Settings · {me.workspace.name}</h1>
      <p className="muted">
        Signed in as {me.user.email} ({me.role.toLowerCase()}). <Link href="/settings/labels">Outlet labels →</Link>
      </p>

      <section aria-labelledby="members-title" className="stack">
        <h2 id="members-title">Members</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.user.databaseId} data-testid="member">
                <td>{m.user.email}</td>
                <td>{m.user.name ?? ''}</td>
                <td>
                  {admin ? (
                    <RoleSelect userId={m.user.databaseId} email={m.user.email} current={m.role} />
                  ) : (
                    m.role.toLowerCase()
                  )}
                </td>
                <td>{day(m.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {admin ? (
        <section aria-labelledby="invite-title" className="stack">
          <h2 id="invite-title">Invitations</h2>
          <InviteForm />
          {invitations.length ? (
            <ul className="small" data-testid="invitations">
              {invitations.map((i) => (
                <li key={i.databaseId}>
                  {i.email} · {i.role.toLowerCase()} ·{' '}
                  {i.acceptedAt ? `accepted ${day(i.acceptedAt)}` : `pending until ${day(i.expiresAt)}`}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="tokens-title" className="stack">
        <h2 id="tokens-title">Your API tokens</h2>
        <p className="small muted">
          For scripts: send <code>Authorization: Bearer cg_…</code> to the GraphQL endpoint. A token is shown once; it
          is stored hashed, and it stops working when it expires.
        </p>
        <TokenForm maxRole={me.role} />
        {apiTokens.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Role</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {apiTokens.map((t) => (
                <tr key={t.databaseId} data-testid="token">
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{t.role.toLowerCase()}</td>
                  <td>{day(t.lastUsedAt)}</td>
                  <td>{day(t.expiresAt)}</td>
                  <td>
                    {t.revokedAt ? (
                      `revoked ${day(t.revokedAt)}`
                    ) : (
                      <RevokeTokenButton id={t.databaseId} name={t.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
