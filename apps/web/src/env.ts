// The web's configuration, read at request time (never at build time) and validated once.
import { z } from 'zod';

const DEFAULT_API = 'http://127.0.0.1:4000/graphql';

const EnvModel = z.object({
  API_URL: z.url({ message: 'API_URL must be the absolute URL of the GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql' }).default(DEFAULT_API),
  PUBLIC_API_URL: z.url({ message: 'PUBLIC_API_URL must be the GraphQL URL as the browser sees it, e.g. https://claimgraph.example/graphql' }).optional(),
});

export interface WebEnv {
  /** GraphQL endpoint for server components. */
  apiUrl: string;
  /** GraphQL endpoint for the browser (defaults to apiUrl). */
  publicApiUrl: string;
}

let cached: WebEnv | undefined;

/** Parses the environment once; throws one message listing every bad value. */
export function env(): WebEnv {
  if (cached) return cached;
  const parsed = EnvModel.safeParse({
    API_URL: process.env.API_URL || undefined,
    PUBLIC_API_URL: process.env.PUBLIC_API_URL || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Claimgraph web: invalid configuration\n${lines.join('\n')}`);
  }
  cached = { apiUrl: parsed.data.API_URL, publicApiUrl: parsed.data.PUBLIC_API_URL ?? parsed.data.API_URL };
  return cached;
}

/** Base URL of the API server (the GraphQL URL without /graphql), for export downloads. */
export function apiOrigin(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql\/?$/, '');
}
