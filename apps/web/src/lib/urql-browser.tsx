'use client';
// urql in the browser: a normalised cache (graphcache) talking straight to the API.
import { useMemo, type ReactNode } from 'react';
import { Provider, createClient, fetchExchange } from 'urql';
import { cacheExchange } from '@urql/exchange-graphcache';
import { authHeaders } from '../components/review/browser-auth';

/** Types without an id are embedded in their parent instead of normalised. */
const EMBEDDED = [
  'PageInfo',
  'BiasLabelCount',
  'ActorAlias',
  'InputError',
  'UserError',
  'FacetCount',
  'ClaimFacets',
  'ChainLink',
  'AttributionLink',
  'CoverageGroup',
  'CoverageOutlet',
  'TimelineBucket',
  'LabelCount',
  'ActorGraph',
  'ActorGraphNode',
  'ActorGraphEdge',
  'EventRoleEntry',
  'ExtractionPreview',
  'PreviewActor',
  'PreviewEvent',
  'PreviewEventActor',
  'PreviewClaim',
  'PreviewClaimActor',
  'PreviewChainLink',
  'PreviewArticlePayload',
  'IngestArticlePayload',
  'IngestArticleResult',
  'ExtractionSummary',
  'EnqueueArticlesPayload',
  'EnqueueArticlesResult',
  'EnqueuedArticle',
  'Facet',
  'Facets',
  // The feeds page's mutation payloads.
  'FeedPayload',
  'RemoveFeedPayload',
  // Payloads of the settings and review forms' mutations, and what they answer without an id.
  'InviteMemberPayload',
  'CreatedInvitation',
  'MemberPayload',
  'Member',
  'CreateApiTokenPayload',
  'CreatedApiToken',
  'ApiTokenPayload',
  'ApiToken',
  'BiasLabelPayload',
  'ClaimPayload',
  'ActorPayload',
];

export function UrqlBrowserProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const client = useMemo(
    () =>
      createClient({
        url: apiUrl,
        preferGetMethod: false,
        // Team mode: the session cookie rides along and mutations echo the cg_csrf cookie in x-csrf-token.
        fetchOptions: () => ({ credentials: 'include', headers: authHeaders() }),
        exchanges: [cacheExchange({ keys: Object.fromEntries(EMBEDDED.map((t) => [t, () => null])) }), fetchExchange],
      }),
    [apiUrl],
  );
  return <Provider value={client}>{children}</Provider>;
}
