import { expect, test } from 'vitest';
import { readEnv } from './env.js';

test('every bad value is reported in one message', () => {
  expect(() => readEnv({ API_PORT: 'abc', GRAPHQL_INTROSPECTION: 'maybe', LOG_LEVEL: 'loud' })).toThrow(
    /DATABASE_URL: is required[\s\S]*API_PORT: must be a port number[\s\S]*GRAPHQL_INTROSPECTION[\s\S]*LOG_LEVEL/,
  );
});

test('defaults', () => {
  const env = readEnv({ DATABASE_URL: 'postgres://localhost/claimgraph' });
  expect([env.API_PORT, env.API_HOST, env.GRAPHQL_INTROSPECTION, env.LOG_LEVEL]).toEqual([4000, '127.0.0.1', true, 'info']);
});
