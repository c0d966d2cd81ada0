'use client';
import { useState, type FormEvent } from 'react';
import { authPost } from '@/components/review/browser-auth';

export function AcceptForm({ apiUrl, token }: { apiUrl: string; token: string }) {
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const r = await authPost(apiUrl, '/auth/invitation/accept', {
      token,
      password: form.get('password'),
      ...(name ? { name } : {}),
    });
    if (r.error) return setError(r.error);
    window.location.href = '/';
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label="Accept invitation">
      <label className="field">
        Your name (optional)
        <input name="name" autoComplete="name" />
      </label>
      <label className="field">
        Password (at least 10 characters)
        <input name="password" type="password" autoComplete="new-password" minLength={10} required />
      </label>
      {error ? (
        <p role="alert" className="state state-error">
          {error}
        </p>
      ) : null}
      <button type="submit">Join</button>
    </form>
  );
}
