// The web's configuration, read at request time (never at build time) and validated once.
import { parseAllowedHosts, urlHost, type AllowedHosts } from '@claimgraph/shared';
import { z } from 'zod';

const DEFAULT_API = 'http://127.0.0.1:4000/graphql';

const EnvModel = z.object({
  API_URL: z
    .url({ message: 'API_URL must be the absolute URL of the GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql' })
    .default(DEFAULT_API),
  PUBLIC_API_URL: z
    .url({
      message: 'PUBLIC_API_URL must be the GraphQL URL as the browser sees it, e.g. https://claimgraph.example/graphql',
    })
    .optional(),
  /** Host names the dashboard answers besides loopback, HOST and PUBLIC_API_URL's host (comma-separated, or *). */
  ALLOWED_HOSTS: z.string().optional(),
  /** The address `npm start` binds the dashboard to. */
  HOST: z.string().optional(),
});

export interface WebEnv {
  /** GraphQL endpoint for server components. */
  apiUrl: string;
  /** GraphQL endpoint for the browser (defaults to apiUrl). */
  publicApiUrl: string;
  /** The host names pages are served to (DNS rebinding protection, see proxy.ts). */
  allowedHosts: AllowedHosts;
}

let cached: WebEnv | undefined;

/** Parses the environment once; throws one message listing every bad value. */
export function env(): WebEnv {
  if (cached) return cached;
  const parsed = EnvModel.safeParse({
    API_URL: process.env.API_URL || undefined,
    PUBLIC_API_URL: process.env.PUBLIC_API_URL || undefined,
    ALLOWED_HOSTS: process.env.ALLOWED_HOSTS || undefined,
    HOST: process.env.HOST || undefined,
  });
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  let allowedHosts: AllowedHosts | undefined;
  try {
    allowedHosts = parseAllowedHosts(process.env.ALLOWED_HOSTS, [
      process.env.HOST,
      urlHost(process.env.PUBLIC_API_URL),
    ]);
  } catch (err) {
    lines.push(`  ${(err as Error).message}`);
  }
  if (!parsed.success || !allowedHosts || lines.length)
    throw new Error(`Claimgraph web: invalid configuration\n${lines.join('\n')}`);
  cached = {
    apiUrl: parsed.data.API_URL,
    publicApiUrl: parsed.data.PUBLIC_API_URL ?? parsed.data.API_URL,
    allowedHosts,
  };
  return cached;
}

/** Base URL of the API server (the GraphQL URL without /graphql), for export downloads. */
export function apiOrigin(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql\/?$/, '');
}
