// Which address login rate limits key on, and whether a request came over https: the socket peer, unless that
// peer is one of the configured proxies (API_TRUST_PROXY), whose forwarded headers then count.
import type http from 'node:http';
import { expect, test } from 'vitest';
import { clientIp, compileTrustProxy, TRUST_NONE, viaHttps } from '../../src/http/client.js';

const req = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, connection: { remoteAddress }, headers }) as unknown as http.IncomingMessage;

test('without a trusted proxy a client cannot choose its rate-limit key with X-Forwarded-For', () => {
  expect(clientIp(req('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), TRUST_NONE)).toBe('203.0.113.9');
  expect(clientIp(req('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), compileTrustProxy(''))).toBe(
    '203.0.113.9',
  );
});

test('a peer that is not in API_TRUST_PROXY is the client, whatever it forwards', () => {
  const trust = compileTrustProxy('10.0.0.2');
  expect(clientIp(req('10.0.0.3', { 'x-forwarded-for': '198.51.100.7' }), trust)).toBe('10.0.0.3');
});

test('behind a trusted proxy the nearest untrusted hop counts, not what the client wrote further left', () => {
  const trust = compileTrustProxy('172.16.0.0/12');
  expect(clientIp(req('172.18.0.5', { 'x-forwarded-for': '10.9.9.9, 198.51.100.7' }), trust)).toBe('198.51.100.7');
  // Two proxies in a row (a TLS terminator, then Caddy), both trusted: the client is the hop before them.
  expect(clientIp(req('172.18.0.5', { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 172.18.0.9' }), trust)).toBe(
    '198.51.100.7',
  );
  expect(clientIp(req('172.18.0.5'), trust)).toBe('172.18.0.5');
});

test('X-Forwarded-Proto counts only from a trusted proxy (Secure cookies behind an https proxy)', () => {
  const trust = compileTrustProxy('uniquelocal');
  expect(viaHttps(req('172.18.0.5', { 'x-forwarded-proto': 'https' }), trust)).toBe(true);
  expect(viaHttps(req('172.18.0.5', { 'x-forwarded-proto': 'http' }), trust)).toBe(false);
  expect(viaHttps(req('203.0.113.9', { 'x-forwarded-proto': 'https' }), trust)).toBe(false);
});

test('API_TRUST_PROXY must list proxies: "true" and malformed entries are refused with what to write', () => {
  expect(() => compileTrustProxy('true')).toThrow(/would trust any peer.*list the proxies/);
  expect(() => compileTrustProxy('10.0.0.300')).toThrow(/10\.0\.0\.300.*list addresses or CIDR ranges/);
  expect(() => compileTrustProxy('loopback, 10.0.0.0/8, ::1')).not.toThrow();
});
