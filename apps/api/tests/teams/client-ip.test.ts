// Which address login rate limits key on: the socket peer, or behind a trusted proxy the hop the proxy saw.
import type http from 'node:http';
import { expect, test } from 'vitest';
import { clientIp } from '../../src/http/auth-routes.js';

const req = (remoteAddress: string, xff?: string) => ({ socket: { remoteAddress }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as unknown as http.IncomingMessage;

test('without a trusted proxy a client cannot choose its rate-limit key with X-Forwarded-For', () => {
  expect(clientIp(req('203.0.113.9', '198.51.100.1'), false)).toBe('203.0.113.9');
});

test('behind a trusted proxy the last hop counts (what the proxy appended), not what the client claimed', () => {
  expect(clientIp(req('172.18.0.5', '10.0.0.1, 198.51.100.7'), true)).toBe('198.51.100.7');
  expect(clientIp(req('172.18.0.5'), true)).toBe('172.18.0.5');
});
