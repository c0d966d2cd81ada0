// `node apps/api/dist/main.js`: starts the API from the environment (see env.ts).
import { readEnv } from './env.js';
import { startApi } from './index.js';

let env;
try {
  env = readEnv();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const api = await startApi({
  databaseUrl: env.DATABASE_URL,
  port: env.API_PORT,
  host: env.API_HOST,
  introspection: env.GRAPHQL_INTROSPECTION,
  webOrigins: env.WEB_ORIGIN.split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  statementTimeoutMs: env.API_STATEMENT_TIMEOUT_MS,
  maxBodyBytes: env.API_MAX_BODY_BYTES,
  dbPool: env.API_DB_POOL,
  dbPoolWaitMs: env.API_DB_POOL_WAIT_MS,
  logLevel: env.LOG_LEVEL,
  mode: env.access.mode,
  access: env.access,
  trustProxy: env.API_TRUST_PROXY,
  allowedHosts: env.ALLOWED_HOSTS,
  ...(env.PUBLIC_API_URL ? { publicUrl: env.PUBLIC_API_URL } : {}),
});
if (env.access.insecureDevSecret)
  console.warn(
    'Team mode on loopback without SESSION_SECRET: using the development key (set SESSION_SECRET before exposing it)',
  );
console.log(`Claimgraph API at ${api.url}`);

// SIGTERM/SIGINT: stop accepting, let running requests finish (Apollo's drain, 10 s at most), close
// the queue and both pools, exit 0; a second signal or a stop stuck past 20 s exits at once.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Claimgraph API: ${signal}, stopping`);
    setTimeout(() => {
      console.error('Claimgraph API: stop took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000).unref();
    api.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Claimgraph API: stop failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  });
}
