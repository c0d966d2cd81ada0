/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// A GraphQL client over real HTTP whose failures dump the query and the response body.
export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
}

export async function execute<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    throw new Error(`Non-JSON response ${res.status}: ${text.slice(0, 500)}`);
  }
}

/** Runs the operation and fails (with query and body) on any GraphQL error. */
export async function data<T = any>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await execute<T>(url, query, variables);
  if (r.body.errors?.length || !r.body.data) {
    throw new Error(
      `Expected no GraphQL errors.\nQuery: ${query}\nVariables: ${JSON.stringify(variables)}\nStatus ${r.status}: ${JSON.stringify(r.body, null, 2)}`,
    );
  }
  return r.body.data;
}

/** Runs the operation and returns the error codes (fails if there are none). */
export async function errorCodes(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; codes: string[]; body: GqlResponse['body'] }> {
  const r = await execute(url, query, variables);
  if (!r.body.errors?.length)
    throw new Error(`Expected GraphQL errors.\nQuery: ${query}\nBody: ${JSON.stringify(r.body, null, 2)}`);
  return { status: r.status, codes: r.body.errors.map((e) => String(e.extensions?.code)), body: r.body };
}
