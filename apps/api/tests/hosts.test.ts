// DNS rebinding: in local mode every request is the owner, so the API must answer only its own host names
// (loopback, API_HOST, PUBLIC_API_URL's host, ALLOWED_HOSTS), and a browser may change state only from an
// allowed Origin. Real HTTP with raw Host headers (fetch will not send a Host of our choosing).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from './testkit/api.js';

interface Raw {
  status: number;
  body: string;
}

function raw(base: string, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<Raw> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const gqlPost = (base: string, headers: Record<string, string>, query = 'mutation { ping }') =>
  raw(base, '/graphql', { 'content-type': 'application/json', ...headers }, 'POST', JSON.stringify({ query }));

let api: TestApi;
let withExtra: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  withExtra = await startTestApi({ allowedHosts: 'claimgraph.lan', publicUrl: 'https://research.example.org/graphql' });
});
afterAll(async () => {
  await api?.stop();
  await withExtra?.stop();
});

describe('Host allow-list', () => {
  test('a rebound name gets 421 and one sentence on every route, before anything runs', async () => {
    const before = await api.db.auditLog.count();
    for (const [path, method] of [
      ['/graphql', 'POST'],
      ['/graphql?query=%7Bme%7Bmode%7D%7D', 'GET'],
      ['/auth/me', 'GET'],
      ['/export/claims.csv', 'GET'],
      ['/health', 'GET'],
    ] as const) {
      const r =
        method === 'POST'
          ? await gqlPost(api.base, { host: `rebind.evil.example:${new URL(api.base).port}` })
          : await raw(api.base, path, { host: 'rebind.evil.example' });
      expect(r.status, path).toBe(421);
      const error = (JSON.parse(r.body) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]!;
      expect(error.extensions.code).toBe('MISDIRECTED_REQUEST');
      expect(error.message).toBe(
        'This Claimgraph server does not answer to the host name "rebind.evil.example' +
          (method === 'POST' ? `:${new URL(api.base).port}` : '') +
          '"; if it is yours, add it to ALLOWED_HOSTS.',
      );
    }
    expect(await api.db.auditLog.count()).toBe(before);
  });

  test('loopback names (with or without port, any case) are answered', async () => {
    const port = new URL(api.base).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, 'localhost']) {
      const r = await raw(api.base, '/auth/me', { host });
      expect(r.status, host).toBe(200);
    }
  });

  test('a missing Host is refused too (Node answers an HTTP/1.1 request without Host 400 before we see it)', async () => {
    const r = await new Promise<string>((resolve, reject) => {
      const url = new URL(api.base);
      const socket = http.request({ host: url.hostname, port: url.port, path: '/auth/me', setHost: false }, (res) =>
        resolve(String(res.statusCode)),
      );
      socket.on('error', reject);
      socket.end();
    });
    expect(r).toBe('400');
  });

  test('ALLOWED_HOSTS and the host of PUBLIC_API_URL are answered; other names still are not', async () => {
    expect((await raw(withExtra.base, '/auth/me', { host: 'claimgraph.lan:4000' })).status).toBe(200);
    expect((await raw(withExtra.base, '/auth/me', { host: 'research.example.org' })).status).toBe(200);
    expect((await raw(withExtra.base, '/auth/me', { host: 'evil.example' })).status).toBe(421);
  });
});

describe('Origin of state-changing requests', () => {
  test('a browser POST from another origin is refused (403, one sentence) and changes nothing', async () => {
    const host = `127.0.0.1:${new URL(api.base).port}`;
    const r = await gqlPost(api.base, { host, origin: 'http://evil.example', 'apollo-require-preflight': 'true' });
    expect(r.status).toBe(403);
    const error = (JSON.parse(r.body) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]!;
    expect(error).toEqual({
      message:
        'Requests from "http://evil.example" may not change anything here; if that is your dashboard, add it to WEB_ORIGIN.',
      extensions: { code: 'ORIGIN_FORBIDDEN' },
    });
    expect((await gqlPost(api.base, { host, origin: 'null', 'apollo-require-preflight': 'true' })).status).toBe(403);
  });

  test('the dashboard (WEB_ORIGIN), the API itself (GraphiQL) and scripts without Origin may', async () => {
    const host = `127.0.0.1:${new URL(api.base).port}`;
    expect((await gqlPost(api.base, { host, origin: 'http://127.0.0.1:3000' })).status).toBe(200);
    expect((await gqlPost(api.base, { host, origin: `http://${host}` })).status).toBe(200);
    expect((await gqlPost(api.base, { host })).status).toBe(200);
    // Reads stay open to any origin (CORS decides what a page may read).
    expect((await raw(api.base, '/auth/me', { host, origin: 'http://evil.example' })).status).toBe(200);
  });
});
