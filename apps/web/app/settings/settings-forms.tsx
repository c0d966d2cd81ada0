'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { browserGql } from '@/components/review/browser-api';

type Role = 'VIEWER' | 'EDITOR' | 'ADMIN';
const ROLES: Role[] = ['VIEWER', 'EDITOR', 'ADMIN'];

function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(apiUrl: string, query: string, variables: Record<string, unknown>): Promise<T | null> {
    setBusy(true);
    setError(null);
    const r = await browserGql<T>(apiUrl, query, variables);
    setBusy(false);
    if (r.error) {
      setError(r.error);
      return null;
    }
    router.refresh();
    return r.data;
  }
  return { run, error, busy };
}

const Alert = ({ error }: { error: string | null }) => (error ? <p role="alert" className="state state-error">{error}</p> : null);

export function InviteForm({ apiUrl }: { apiUrl: string }) {
  const { run, error, busy } = useAction();
  const [link, setLink] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const data = await run<{ inviteMember: { ok: { acceptPath: string } } }>(
      apiUrl,
      'mutation($email: String!, $role: Role!) { inviteMember(email: $email, role: $role) { ok { acceptPath } error { code message } } }',
      { email: form.get('email'), role: form.get('role') },
    );
    if (data) setLink(`${window.location.origin}${data.inviteMember.ok.acceptPath}`);
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label="Invite a member">
      <div className="row">
        <label className="field">Email<input name="email" type="email" required /></label>
        <label className="field">Role
          <select name="role" defaultValue="VIEWER">{ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}</select>
        </label>
        <button type="submit" disabled={busy}>Invite</button>
      </div>
      <Alert error={error} />
      {link ? (
        <p className="small" data-testid="invite-link">
          Send this link to the invitee (shown once): <code>{link}</code>
        </p>
      ) : null}
    </form>
  );
}

export function RoleSelect({ apiUrl, userId, email, role }: { apiUrl: string; userId: number; email: string; role: Role }) {
  const { run, error, busy } = useAction();
  return (
    <>
      <select
        aria-label={`Role of ${email}`}
        defaultValue={role}
        disabled={busy}
        onChange={(e) =>
          void run(apiUrl, 'mutation($u: Int!, $r: Role!) { changeMemberRole(userId: $u, role: $r) { ok { role } error { code message } } }', { u: userId, r: e.target.value })
        }
      >
        {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
      </select>
      <Alert error={error} />
    </>
  );
}

export function TokenForm({ apiUrl, maxRole }: { apiUrl: string; maxRole: Role }) {
  const { run, error, busy } = useAction();
  const [secret, setSecret] = useState<string | null>(null);
  const allowed = ROLES.slice(0, ROLES.indexOf(maxRole) + 1);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const data = await run<{ createApiToken: { ok: { secret: string } } }>(
      apiUrl,
      'mutation($n: String!, $r: Role!, $d: Int!) { createApiToken(name: $n, role: $r, expiresInDays: $d) { ok { secret } error { code message } } }',
      { n: form.get('name'), r: form.get('role'), d: Number(form.get('days')) },
    );
    if (data) setSecret(data.createApiToken.ok.secret);
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label="Create an API token">
      <div className="row">
        <label className="field">Token name<input name="name" required maxLength={100} placeholder="nightly export" /></label>
        <label className="field">Role
          <select name="role" defaultValue="VIEWER">{allowed.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}</select>
        </label>
        <label className="field">Expires after
          <select name="days" defaultValue="90">{[7, 30, 90, 365].map((d) => <option key={d} value={d}>{d} days</option>)}</select>
        </label>
        <button type="submit" disabled={busy}>Create token</button>
      </div>
      <Alert error={error} />
      {secret ? (
        <p className="small" role="status">
          Copy it now, it will not be shown again: <code data-testid="token-secret">{secret}</code>
        </p>
      ) : null}
    </form>
  );
}

export function RevokeTokenButton({ apiUrl, id, name }: { apiUrl: string; id: number; name: string }) {
  const { run, error, busy } = useAction();
  return (
    <>
      <button type="button" disabled={busy} aria-label={`Revoke token ${name}`} onClick={() => void run(apiUrl, 'mutation($id: Int!) { revokeApiToken(id: $id) { ok { revokedAt } error { code message } } }', { id })}>
        Revoke
      </button>
      <Alert error={error} />
    </>
  );
}
