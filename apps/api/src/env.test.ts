import { expect, test } from 'vitest';
import { readEnv } from './env.js';

test('every bad value is reported in one message', () => {
  expect(() => readEnv({ API_PORT: 'abc', GRAPHQL_INTROSPECTION: 'maybe', LOG_LEVEL: 'loud' })).toThrow(
    /DATABASE_URL: is required[\s\S]*API_PORT: must be a port number[\s\S]*GRAPHQL_INTROSPECTION[\s\S]*LOG_LEVEL/,
  );
});

test('defaults', () => {
  const env = readEnv({ DATABASE_URL: 'postgres://localhost/claimgraph' });
  expect([env.API_PORT, env.API_HOST, env.GRAPHQL_INTROSPECTION, env.LOG_LEVEL]).toEqual([
    4000,
    '127.0.0.1',
    true,
    'info',
  ]);
});

test('ALLOWED_HOSTS and API_TRUST_PROXY are checked at start, each bad entry named with what to write', () => {
  expect(() =>
    readEnv({
      DATABASE_URL: 'postgres://localhost/claimgraph',
      ALLOWED_HOSTS: 'https://claimgraph.example.org',
      API_TRUST_PROXY: 'true',
    }),
  ).toThrow(
    /API_TRUST_PROXY: "true" would trust any peer[\s\S]*ALLOWED_HOSTS: "https:\/\/claimgraph.example.org" is not a host name/,
  );
  const env = readEnv({
    DATABASE_URL: 'postgres://localhost/claimgraph',
    ALLOWED_HOSTS: 'claimgraph.lan,10.0.0.5',
    API_TRUST_PROXY: 'uniquelocal',
  });
  expect([env.ALLOWED_HOSTS, env.API_TRUST_PROXY]).toEqual(['claimgraph.lan,10.0.0.5', 'uniquelocal']);
});

test("the fetcher's FETCH_* variables are checked at start, each in one sentence naming it", () => {
  const db = { DATABASE_URL: 'postgres://localhost/claimgraph' };
  expect(() => readEnv({ ...db, FETCH_TIMEOUT_MS: '20s' })).toThrow(
    /FETCH_TIMEOUT_MS must be a whole number from 1000 to 300000 \(it is "20s"\)\./,
  );
  expect(() => readEnv({ ...db, FETCH_ALLOWED_PRIVATE_RANGES: '10.0.0.0/33' })).toThrow(
    /FETCH_ALLOWED_PRIVATE_RANGES: /,
  );
  expect(() =>
    readEnv({
      ...db,
      FETCH_MAX_BYTES: '5242880',
      FETCH_MIN_DELAY_MS: '0',
      FETCH_ALLOWED_PRIVATE_RANGES: '10.20.0.0/24',
    }),
  ).not.toThrow();
});
