// urql for React Server Components: one client per request (registerUrql caches it with React's cache()).
import { cacheExchange, createClient, fetchExchange } from '@urql/core';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { registerUrql } from '@urql/next/rsc';
import { cookies } from 'next/headers';
import { env } from '../env';

const { getClient } = registerUrql(() =>
  createClient({
    url: env().apiUrl,
    exchanges: [cacheExchange, fetchExchange],
    // Apollo's CSRF guard refuses simple GET requests; POST always passes.
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: { cache: 'no-store' },
    // Team mode: ask as the signed-in person by forwarding the browser's cookies.
    fetch: async (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), cookie: (await cookies()).toString() },
      }),
  }),
);

/** `code`: the first GraphQL error's code (UNAUTHENTICATED, FORBIDDEN…), NETWORK when the API is unreachable. */
export type ServerResult<T> = { data: T; error: null; code: null } | { data: null; error: string; code: string | null };

/** Runs a query for first paint. Errors come back as a message for the page's error state, never thrown. */
export async function serverQuery<T, V extends AnyVariables>(
  doc: TypedDocumentNode<T, V>,
  variables: V,
): Promise<ServerResult<T>> {
  try {
    const result = await getClient().query(doc, variables).toPromise();
    if (result.error) return { data: null, error: describeError(result.error), code: errorCode(result.error) };
    if (!result.data) return { data: null, error: 'The API returned no data.', code: null };
    return { data: result.data, error: null, code: null };
  } catch (err) {
    return { data: null, error: err instanceof Error ? err.message : String(err), code: null };
  }
}

function errorCode(error: {
  networkError?: Error;
  graphQLErrors: { extensions?: Record<string, unknown> }[];
}): string | null {
  if (error.networkError) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

function describeError(error: {
  networkError?: Error;
  graphQLErrors: { message: string; extensions?: Record<string, unknown> }[];
}): string {
  if (error.networkError)
    return `Cannot reach the Claimgraph API at ${env().apiUrl} (${error.networkError.message}). Is it running?`;
  return error.graphQLErrors
    .map((e) => (e.extensions?.code ? `${String(e.extensions.code)}: ${e.message}` : e.message))
    .join('; ');
}
