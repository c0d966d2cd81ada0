'use client';
import { useState, type FormEvent } from 'react';
import {
  InviteForm_InviteMemberDocument,
  RevokeTokenButton_RevokeApiTokenDocument,
  RoleSelect_ChangeMemberRoleDocument,
  TokenForm_CreateApiTokenDocument,
  type Role,
} from '@/__generated__/graphql';
import { choice, useApiMutation } from '@/components/review/browser-api';

const ROLES: Role[] = ['VIEWER', 'EDITOR', 'ADMIN'];
const role = (value: FormDataEntryValue | string | null) => choice(ROLES, value, 'VIEWER');

const Alert = ({ error }: { error: string | null }) =>
  error ? (
    <p role="alert" className="state state-error">
      {error}
    </p>
  ) : null;

export function InviteForm() {
  const { run, error, busy } = useApiMutation();
  const [link, setLink] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const data = await run(InviteForm_InviteMemberDocument, {
      email: String(form.get('email') ?? ''),
      role: role(form.get('role')),
    });
    if (data?.inviteMember.ok) setLink(`${window.location.origin}${data.inviteMember.ok.acceptPath}`);
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label="Invite a member">
      <div className="row">
        <label className="field">
          Email
          <input name="email" type="email" required />
        </label>
        <label className="field">
          Role
          <select name="role" defaultValue="VIEWER">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Invite
        </button>
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

export function RoleSelect({ userId, email, current }: { userId: number; email: string; current: Role }) {
  const { run, error, busy } = useApiMutation();
  return (
    <>
      <select
        aria-label={`Role of ${email}`}
        defaultValue={current}
        disabled={busy}
        onChange={(e) => void run(RoleSelect_ChangeMemberRoleDocument, { userId, role: role(e.target.value) })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r.toLowerCase()}
          </option>
        ))}
      </select>
      <Alert error={error} />
    </>
  );
}

export function TokenForm({ maxRole }: { maxRole: Role }) {
  const { run, error, busy } = useApiMutation();
  const [secret, setSecret] = useState<string | null>(null);
  const allowed = ROLES.slice(0, ROLES.indexOf(maxRole) + 1);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const data = await run(TokenForm_CreateApiTokenDocument, {
      name: String(form.get('name') ?? ''),
      role: role(form.get('role')),
      expiresInDays: Number(form.get('days')),
    });
    if (data?.createApiToken.ok) setSecret(data.createApiToken.ok.secret);
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label="Create an API token">
      <div className="row">
        <label className="field">
          Token name
          <input name="name" required maxLength={100} placeholder="nightly export" />
        </label>
        <label className="field">
          Role
          <select name="role" defaultValue="VIEWER">
            {allowed.map((r) => (
              <option key={r} value={r}>
                {r.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Expires after
          <select name="days" defaultValue="90">
            {[7, 30, 90, 365].map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Create token
        </button>
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

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const { run, error, busy } = useApiMutation();
  return (
    <>
      <button
        type="button"
        disabled={busy}
        aria-label={`Revoke token ${name}`}
        onClick={() => void run(RevokeTokenButton_RevokeApiTokenDocument, { id })}
      >
        Revoke
      </button>
      <Alert error={error} />
    </>
  );
}
