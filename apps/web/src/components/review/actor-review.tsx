// The actor page's review section for editors: merge another actor into this one, or split aliases off.
import { ActorReview_MeDocument } from '../../__generated__/graphql';
import { serverQuery } from '../../lib/urql-server';
import { env } from '../../env';
import { ActorMergePanel } from './actor-merge-panel';
import { ApiUrlProvider } from './api-url';

export async function ActorReview({ actorId, name, aliases }: { actorId: string; name: string; aliases: string[] }) {
  const res = await serverQuery(ActorReview_MeDocument, {});
  if (!res.data || res.data.me.role === 'VIEWER') return null;
  return (
    <ApiUrlProvider apiUrl={env().publicApiUrl}>
      <ActorMergePanel actorId={actorId} name={name} aliases={aliases} apiUrl={env().publicApiUrl} />
    </ApiUrlProvider>
  );
}
