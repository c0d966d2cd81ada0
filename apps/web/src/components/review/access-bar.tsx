// The header's access strip: local mode's banner, or who is signed in (with Settings, Audit and Sign out).
import Link from 'next/link';
import { env } from '../../env';
import { currentViewer } from './server-api';
import { SignOutButton } from './sign-out-button';

export async function AccessBar() {
  const who = await currentViewer();
  if (!who) return null;
  if (who.mode === 'local') {
    return (
      <p className="access-bar local-banner" role="note" data-testid="local-banner">
        Local mode: no login, everyone on this machine is the owner
      </p>
    );
  }
  // Signed out in team mode: proxy.ts has already sent the visitor to /login.
  if (!who.user) return null;
  const role = who.memberships[0]?.role ?? 'VIEWER';
  return (
    <div className="access-bar row" data-testid="signed-in">
      <span className="small">
        {who.user.email} · {role.toLowerCase()}
        {who.memberships[0]?.workspace ? ` · ${who.memberships[0].workspace.name}` : ''}
      </span>
      <Link href="/settings" className="access-link">
        Settings
      </Link>
      {role === 'ADMIN' ? (
        <Link href="/audit" className="access-link">
          Audit log
        </Link>
      ) : null}
      <SignOutButton apiUrl={env().publicApiUrl} />
    </div>
  );
}
