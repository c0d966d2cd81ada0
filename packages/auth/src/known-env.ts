/**
 * Every environment variable a Claimgraph deployment sets (docker-compose, .env.example). The compose test
 * also reads the names each `env.ts` actually reads, so this list and the code cannot drift apart silently.
 */
export const KNOWN_ENV = [
  'DATABASE_URL',
  'API_PORT',
  'API_HOST',
  'WEB_PORT',
  'API_URL',
  'PUBLIC_API_URL',
  'CLAIMGRAPH_MODE',
  'SESSION_SECRET',
  'LOG_LEVEL',
  'GRAPHQL_INTROSPECTION',
  'WORKER_CONCURRENCY',
  'CLAIMGRAPH_DATA_DIR',
  'WEB_ORIGIN',
  'ALLOWED_HOSTS',
  'API_TRUST_PROXY',
] as const;
