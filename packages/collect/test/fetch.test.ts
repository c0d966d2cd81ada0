import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectError, Fetcher, parseAllowedRanges } from '../src/index.js';
import { send, startServer, type FixtureServer } from '../src/testing.js';

/** Tests fetch from loopback only: the operator option allows exactly that range here. */
const LOOPBACK = parseAllowedRanges('127.0.0.0/8');

async function failure(p: Promise<unknown>): Promise<CollectError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CollectError) return err;
    throw err;
  }
  throw new Error('expected a CollectError');
}

let server: FixtureServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startServer({
    '/robots.txt': send('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
    '/page': send('<p>hello</p>', { etag: '"v1"', 'last-modified': 'Mon, 01 Jun 2026 10:00:00 GMT' }),
    '/cond': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { etag: '"v1"' }).end('fresh');
    },
    '/private/x': send('secret'),
    '/loop-a': send('', { location: '/loop-b' }, 302),
    '/loop-b': send('', { location: '/loop-a' }, 301),
    '/hop1': send('', { location: '/hop2' }, 302),
    '/hop2': send('', { location: '/hop3' }, 302),
    '/hop3': send('', { location: '/page' }, 302),
    '/to-private': send('', { location: 'http://10.0.0.1/admin' }, 302),
    '/to-metadata': send('', { location: 'http://169.254.169.254/latest/meta-data/' }, 302),
    '/to-file': send('', { location: 'file:///etc/passwd' }, 302),
    '/big-declared': send(Buffer.alloc(2 * 1024 * 1024, 'a')),
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'b');
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.end();
    },
    '/bomb': send(zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)), { 'content-encoding': 'gzip' }),
    '/gzipped': send(zlib.gzipSync('<p>compressed fine</p>'), { 'content-encoding': 'gzip' }),
    '/gone': send('gone', {}, 410),
    '/busy': send('slow down', { 'retry-after': '120' }, 429),
    '/broken': send('oops', {}, 503),
    '/hang': () => {}, // never answers
    '/slow': (_req, res) => setTimeout(() => res.writeHead(200).end('ok'), 30),
  });
  fetcher = new Fetcher({
    allowedRanges: LOOPBACK,
    minDelayMs: 0,
    maxBytes: 1024 * 1024,
    timeoutMs: 2_000,
    maxRedirects: 5,
  });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('fetching', () => {
  it('fetches a page with an identifying User-Agent and returns its validators', async () => {
    const res = await fetcher.get(`${server.origin}/page`);
    expect(res.body.toString()).toBe('<p>hello</p>');
    expect(res.etag).toBe('"v1"');
    expect(res.lastModified).toBe('Mon, 01 Jun 2026 10:00:00 GMT');
    const seen = server.log.find((l) => l.path === '/page')!;
    expect(seen.headers['user-agent']).toMatch(/ClaimgraphBot/);
  });

  it('asks conditionally and reports an unchanged resource as 304 with no body', async () => {
    const res = await fetcher.get(`${server.origin}/cond`, { etag: '"v1"' });
    expect(res).toMatchObject({ status: 304, notModified: true });
    expect(res.body.length).toBe(0);
    expect(server.log.filter((l) => l.path === '/cond').at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  it('follows a bounded number of redirects, and reports a loop or too many', async () => {
    expect((await fetcher.get(`${server.origin}/hop1`)).url).toBe(`${server.origin}/page`);
    expect((await failure(fetcher.get(`${server.origin}/loop-a`))).code).toBe('REDIRECT_LOOP');
    const strict = new Fetcher({ allowedRanges: LOOPBACK, minDelayMs: 0, maxRedirects: 2 });
    expect((await failure(strict.get(`${server.origin}/hop1`))).code).toBe('TOO_MANY_REDIRECTS');
    await strict.close();
  });

  it('decompresses gzip and stops a gzip bomb at the decoded limit', async () => {
    expect((await fetcher.get(`${server.origin}/gzipped`)).body.toString()).toBe('<p>compressed fine</p>');
    const err = await failure(fetcher.get(`${server.origin}/bomb`));
    expect(err.code).toBe('TOO_LARGE');
    expect(err.message).toMatch(/after decompression/);
  });

  it('refuses bodies over the limit, declared or streamed', async () => {
    expect((await failure(fetcher.get(`${server.origin}/big-declared`))).code).toBe('TOO_LARGE');
    expect((await failure(fetcher.get(`${server.origin}/big-chunked`))).code).toBe('TOO_LARGE');
  });

  it('reports HTTP failures with their status, Retry-After and whether trying later can help', async () => {
    const gone = await failure(fetcher.get(`${server.origin}/gone`));
    expect(gone).toMatchObject({ code: 'HTTP_STATUS', http: { status: 410 }, transient: false });
    const missing = await failure(fetcher.get(`${server.origin}/nothing-here`));
    expect(missing).toMatchObject({ code: 'HTTP_STATUS', http: { status: 404 }, transient: false });
    const busy = await failure(fetcher.get(`${server.origin}/busy`));
    expect(busy).toMatchObject({ http: { status: 429, retryAfterSeconds: 120 }, transient: true });
    const broken = await failure(fetcher.get(`${server.origin}/broken`));
    expect(broken).toMatchObject({ http: { status: 503 }, transient: true });
  });

  it('gives up on a server that never answers', async () => {
    const quick = new Fetcher({ allowedRanges: LOOPBACK, minDelayMs: 0, timeoutMs: 300 });
    const err = await failure(quick.get(`${server.origin}/hang`));
    expect(err.code).toBe('TIMEOUT');
    await quick.close();
  });

  it('honours robots.txt', async () => {
    const err = await failure(fetcher.get(`${server.origin}/private/x`));
    expect(err.code).toBe('ROBOTS_DISALLOWED');
    expect(server.log.some((l) => l.path === '/private/x')).toBe(false);
  });

  it('sends one request at a time to a host, with the minimum delay between them', async () => {
    const polite = new Fetcher({ allowedRanges: LOOPBACK, minDelayMs: 150 });
    const before = server.log.length;
    await Promise.all([1, 2, 3].map(() => polite.get(`${server.origin}/slow`)));
    const slow = server.log.slice(before).filter((l) => l.path === '/slow');
    expect(slow).toHaveLength(3);
    for (let i = 1; i < slow.length; i++) expect(slow[i]!.start - slow[i - 1]!.end).toBeGreaterThanOrEqual(140);
    await polite.close();
  });
});

describe('the SSRF guard (no private range allowed)', () => {
  const guarded = new Fetcher({ minDelayMs: 0, timeoutMs: 2_000 });
  afterAll(() => guarded.close());

  it.each([
    ['loopback', () => `${server.origin}/page`],
    ['a private network', () => 'http://10.1.2.3/'],
    ['cloud metadata (link-local)', () => 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', () => `http://[::1]:${server.port}/page`],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${server.port}/page`],
    ['a name that resolves to loopback', () => `http://localhost:${server.port}/page`],
    ['0.0.0.0', () => `http://0.0.0.0:${server.port}/page`],
  ])('refuses %s', async (_what, url) => {
    const before = server.log.length;
    const err = await failure(guarded.get(url()));
    expect(err.code).toBe('BLOCKED_ADDRESS');
    expect(server.log.length).toBe(before); // not one request reached the server
  });

  it('refuses a redirect to a private address or to another scheme, even from an allowed host', async () => {
    expect((await failure(fetcher.get(`${server.origin}/to-private`))).code).toBe('BLOCKED_ADDRESS');
    expect((await failure(fetcher.get(`${server.origin}/to-metadata`))).code).toBe('BLOCKED_ADDRESS');
    expect((await failure(fetcher.get(`${server.origin}/to-file`))).code).toBe('INVALID_URL');
  });

  it('refuses other schemes and credentials in the address', async () => {
    expect((await failure(guarded.get('file:///etc/passwd'))).code).toBe('INVALID_URL');
    expect((await failure(guarded.get('ftp://example.org/x'))).code).toBe('INVALID_URL');
    expect((await failure(guarded.get('not a url'))).code).toBe('INVALID_URL');
    expect((await failure(guarded.get('http://user:pw@example.org/'))).code).toBe('INVALID_URL');
  });

  it('rejects a malformed range in the operator option, naming it', () => {
    expect(() => parseAllowedRanges('127.0.0.0/8, lan')).toThrow(/"lan" is not an address range/);
  });
});
