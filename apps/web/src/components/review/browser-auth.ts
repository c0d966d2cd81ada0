// Browser-side calls to the API's /auth routes, and the headers every browser request carries: cookies ride along
// (credentials: include) and the cg_csrf cookie is echoed in x-csrf-token, which team mode requires on
// cookie-authenticated writes. Free of urql, so the header's Sign out button adds nothing to every page's JS.
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
