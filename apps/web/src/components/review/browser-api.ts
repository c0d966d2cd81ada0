// Browser-side calls to the API: cookies ride along (credentials: include) and every request echoes the
// cg_csrf cookie in x-csrf-token, which team mode requires on cookie-authenticated mutations.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useClient, type AnyVariables, type OperationResult, type TypedDocumentNode } from 'urql';
export function csrfToken(): string {
  const match = /(?:^|;\s*)cg_csrf=([^;]*)/.exec(typeof document === 'undefined' ? '' : document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

export function authHeaders(): Record<string, string> {
  const token = csrfToken();
  return token ? { 'x-csrf-token': token } : {};
}

export interface BrowserAnswer<T> {
  data: T | null;
  /** A readable message: the API's error or a network failure. */
  error: string | null;
}

/** A mutation's answer: each root field is a payload with an `error` when the API refused the write. */
type MutationPayloads = Record<string, { error: { message: string } | null }>;

/** A form's writes through urql: `run` sends a typed mutation, keeps its error for an alert, and refreshes the
 *  page's server-rendered data on success (unless `refresh: false`). Answers the data, or null on any failure. */
export function useApiMutation() {
  const client = useClient();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T extends MutationPayloads, V extends AnyVariables>(
    doc: TypedDocumentNode<T, V>,
    variables: V,
    { refresh = true } = {},
  ) {
    setBusy(true);
    setError(null);
    const answer = answerOf(await client.mutation(doc, variables).toPromise());
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
function answerOf<T extends MutationPayloads>(result: OperationResult<T>): BrowserAnswer<T> {
  if (result.error?.networkError)
    return { data: null, error: `Cannot reach the Claimgraph API (${result.error.networkError.message})` };
  if (result.error) return { data: null, error: result.error.graphQLErrors.map((e) => e.message).join('; ') };
  const refused = Object.values(result.data ?? {})[0]?.error;
  if (refused) return { data: null, error: refused.message };
  return { data: result.data ?? null, error: null };
}

/** A form control's value as one of the choices it offered (an enum of the API), or `fallback`. */
export function choice<C extends string>(
  choices: readonly C[],
  value: FormDataEntryValue | string | null,
  fallback: C,
): C {
  return choices.find((c) => c === value) ?? fallback;
}

/** POSTs JSON to one of the API's /auth routes; answers the body or the route's error message. */
export async function authPost<T>(apiUrl: string, route: string, body: unknown): Promise<BrowserAnswer<T>> {
  try {
    const res = await fetch(`${apiUrl.replace(/\/graphql\/?$/, '')}${route}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as T & { error?: { message: string } };
    if (!res.ok) return { data: null, error: json.error?.message ?? `The API answered ${res.status}` };
    return { data: json, error: null };
  } catch (err) {
    return { data: null, error: `Cannot reach the Claimgraph API (${(err as Error).message})` };
  }
}
