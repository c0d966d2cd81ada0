// Browser-side GraphQL writes: one POST per mutation (no client cache: a write refreshes the page's server-rendered
// data), so the pages with forms load no GraphQL client. The headers come from browser-auth.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useApiUrl } from './api-url';
import { authHeaders, type BrowserAnswer } from './browser-auth';

/** A mutation's answer: each root field is a payload with an `error` when the API refused the write. */
type MutationPayloads = Record<string, { error: { message: string } | null }>;

/** A form's writes: `run` sends a typed mutation, keeps its error for an alert, and refreshes the page's
 *  server-rendered data on success (unless `refresh: false`). Answers the data, or null on any failure. */
export function useApiMutation() {
  const apiUrl = useApiUrl();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T extends MutationPayloads, V>(
    doc: TypedDocumentNode<T, V>,
    variables: V,
    { refresh = true } = {},
  ) {
    setBusy(true);
    setError(null);
    const answer = await mutate(apiUrl, doc, variables);
    setBusy(false);
    if (answer.error !== null) {
      setError(answer.error);
      return null;
    }
    if (refresh) router.refresh();
    return answer.data;
  }
  return { run, error, setError, busy };
}

/** A GraphQL error, the first root field's `error` payload, or a network failure, as one readable message. */
async function mutate<T extends MutationPayloads, V>(
  apiUrl: string,
  doc: TypedDocumentNode<T, V>,
  variables: V,
): Promise<BrowserAnswer<T>> {
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    const res = await fetch(apiUrl, {
      method: 'POST',
      // Team mode: the session cookie rides along and the cg_csrf cookie is echoed in x-csrf-token.
      credentials: 'include',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ query: print(doc), variables }),
    });
    body = (await res.json()) as typeof body;
  } catch (err) {
    return { data: null, error: `Cannot reach the Claimgraph API (${(err as Error).message})` };
  }
  if (body.errors?.length) return { data: null, error: body.errors.map((e) => e.message).join('; ') };
  const refused = Object.values(body.data ?? {})[0]?.error;
  if (refused) return { data: null, error: refused.message };
  return { data: body.data ?? null, error: null };
}

/** A form control's value as one of the choices it offered (an enum of the API), or `fallback`. */
export function choice<C extends string>(
  choices: readonly C[],
  value: FormDataEntryValue | string | null,
  fallback: C,
): C {
  return choices.find((c) => c === value) ?? fallback;
}
