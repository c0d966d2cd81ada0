import type { Metadata } from 'next';
import { apiOrigin, env } from '@/env';
import { ErrorState } from '@/components/states';
import { AcceptForm } from './accept-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Accept invitation' };

interface InvitationInfo {
  email: string;
  role: string;
  workspace: { name: string; slug: string };
  error?: { message: string };
}

export default async function AcceptPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  if (!token)
    return (
      <ErrorState title="No invitation" message="This link has no invitation token; ask the admin to send it again." />
    );
  let info: InvitationInfo;
  try {
    const res = await fetch(`${apiOrigin(env().apiUrl)}/auth/invitation?token=${encodeURIComponent(token)}`, {
      cache: 'no-store',
    });
    info = (await res.json()) as InvitationInfo;
  } catch (err) {
    return <ErrorState message={`Cannot reach the Claimgraph API (${(err as Error).message})`} />;
  }
  if (info.error) return <ErrorState title="Invitation not usable" message={info.error.message} />;
  return (
    <section className="stack" style={{ maxWidth: 460 }}>
      <h1>Join {info.workspace.name}</h1>
      <p>
        You were invited as <strong>{info.email}</strong> with the role <strong>{info.role.toLowerCase()}</strong>.
        Choose a password to create your account.
      </p>
      <AcceptForm apiUrl={env().publicApiUrl} token={token} />
    </section>
  );
}
