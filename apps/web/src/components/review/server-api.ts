// Server-side calls to the API on behalf of the browser: the request's cookies are forwarded, so team mode
// answers as the signed-in person (and refuses anonymous requests).
import { cookies } from 'next/headers';
import { apiOrigin, env } from '../../env';

export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN';

export interface SignedIn {
  mode: 'local' | 'team';
  user: { id: number; email: string; name: string | null } | null;
  memberships: { role: Role; workspace: { id: number; slug: string; name: string } | null }[];
}

async function cookieHeader(): Promise<string> {
  return (await cookies()).toString();
}

/** Who is signed in (GET /auth/me); `user: null` when signed out in team mode; null when the API is unreachable. */
export async function currentViewer(): Promise<SignedIn | null> {
  // Outside the try: reading cookies marks the page dynamic, and that signal must not be swallowed.
  const cookie = await cookieHeader();
  try {
    const res = await fetch(`${apiOrigin(env().apiUrl)}/auth/me`, { headers: { cookie }, cache: 'no-store' });
    if (res.status === 401) return { mode: 'team', user: null, memberships: [] };
    if (!res.ok) return null;
    return (await res.json()) as SignedIn;
  } catch {
    return null;
  }
}
