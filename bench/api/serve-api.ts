// Child process of the benchmark: the real API (startApi) on a given port.
import { startApi } from '../../apps/api/src/index.js';

// Run as in production: NODE_ENV=production is set by run.ts (graphql-js skips its development-only checks).
const api = await startApi({
  databaseUrl: process.env.DATABASE_URL!,
  port: Number(process.env.API_PORT),
  logLevel: 'warn',
  statementTimeoutMs: 30_000,
});
process.send?.({ url: api.url });
process.on('SIGTERM', () => void api.stop().then(() => process.exit(0)));
