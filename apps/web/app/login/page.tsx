import type { Metadata } from 'next';
import { env } from '@/env';
import { safeNextPath } from '@/lib/redirect';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only pages of this dashboard: never bounce to another origin after signing in.
  const target = safeNextPath(next);
  return (
    <section className="stack" style={{ maxWidth: 420 }}>
      <h1>Sign in to Claimgraph</h1>
      <LoginForm apiUrl={env().publicApiUrl} next={target} />
      <p className="small muted">No account? Ask a workspace admin for an invitation link.</p>
    </section>
  );
}
