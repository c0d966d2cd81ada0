'use client';
import { useState } from 'react';
import { authPost } from './browser-auth';

export function SignOutButton({ apiUrl }: { apiUrl: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="access-link"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await authPost(apiUrl, '/auth/logout', {});
        window.location.href = '/login';
      }}
    >
      Sign out
    </button>
  );
}
