'use client';
import { useState, type FormEvent } from 'react';
import { authPost } from '@/components/review/browser-auth';

export function LoginForm({ apiUrl, next }: { apiUrl: string; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const r = await authPost(apiUrl, '/auth/login', { email: form.get('email'), password: form.get('password') });
    setBusy(false);
    if (r.error) return setError(r.error);
    window.location.href = next;
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label="Sign in">
      <label className="field">
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p role="alert" className="state state-error">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
