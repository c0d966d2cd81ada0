#!/usr/bin/env node
// Container health checks (no curl in the slim image):
//   node deploy/healthcheck.mjs api       GET http://127.0.0.1:$API_PORT/health (200 only when the database answers)
//   node deploy/healthcheck.mjs web       GET http://127.0.0.1:$WEB_PORT/ (the dashboard renders)
//   node deploy/healthcheck.mjs postgres  SELECT 1 over DATABASE_URL (the worker's lifeline: its queue is Postgres)
import { createRequire } from 'node:module';

const target = process.argv[2] ?? 'api';
const timeoutMs = 4000;

async function http(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  if (res.status >= 400) throw new Error(`${url} answered ${res.status}`);
}

async function postgres() {
  // pg is a dependency of @claimgraph/db; resolve it from there whatever npm hoisted.
  const require = createRequire(new URL('../packages/db/package.json', import.meta.url));
  const pg = require('pg');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: timeoutMs });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

const checks = {
  api: () => http(`http://127.0.0.1:${process.env.API_PORT || 4000}/health`),
  web: () => http(`http://127.0.0.1:${process.env.WEB_PORT || 3000}/`),
  postgres,
};

const check = checks[target];
if (!check) {
  console.error(`unknown check "${target}"; use one of: ${Object.keys(checks).join(', ')}`);
  process.exit(2);
}
check().then(
  () => process.exit(0),
  (error) => {
    console.error(`unhealthy (${target}): ${error.message}`);
    process.exit(1);
  },
);
