// The actor page's review section for editors: merge another actor into this one, or split aliases off.
import { UrqlBrowserProvider } from '../../lib/urql-browser';
import { env } from '../../env';
import { ActorMergePanel } from './actor-merge-panel';
import { serverGql, type Role } from './server-api';

export async function ActorReview({ actorId, name, aliases }: { actorId: string; name: string; aliases: string[] }) {
  const res = await serverGql<{ me: { role: Role } }>('{ me { role } }');
  if (!res.data || res.data.me.role === 'VIEWER') return null;
  return (
    <UrqlBrowserProvider apiUrl={env().publicApiUrl}>
      <ActorMergePanel apiUrl={env().publicApiUrl} actorId={actorId} name={name} aliases={aliases} />
    </UrqlBrowserProvider>
  );
}
