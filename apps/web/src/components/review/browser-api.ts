// Browser-side calls to the API: cookies ride along (credentials: include) and every request echoes the
// cg_csrf cookie in x-csrf-token, which team mode requires on cookie-authenticated mutations.
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
  /** A readable message: a GraphQL error, a mutation's `error` payload, or a network failure. */
  error: string | null;
}

/** Runs one operation; a mutation's `{ error }` payload (the first root field) becomes `error`. */
export async function browserGql<T>(apiUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<BrowserAnswer<T>> {
  try {
    const res = await fetch(apiUrl, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (body.errors?.length) return { data: null, error: body.errors.map((e) => e.message).join('; ') };
    const payload = Object.values(body.data ?? {})[0] as { error?: { message: string } | null } | undefined;
    if (payload && typeof payload === 'object' && payload.error) return { data: null, error: payload.error.message };
    return { data: (body.data ?? null) as T | null, error: null };
  } catch (err) {
    return { data: null, error: `Cannot reach the Claimgraph API (${(err as Error).message})` };
  }
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
