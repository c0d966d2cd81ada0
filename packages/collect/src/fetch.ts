// The fetcher: every URL Claimgraph fetches (feeds, pages, robots.txt) goes through here, politely
// (identifying User-Agent, robots.txt, one request at a time per host with a pause between) and
// safely (http(s) only, public addresses only, bounded time, size and redirects).
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import * as robotsModule from 'robots-parser';
import { Agent, request } from 'undici';
import { CollectError } from './errors.js';
import { checkLiteralHost, guardedLookup, type AddressRange } from './guard.js';

// robots-parser is CommonJS (module.exports = the function) while its types declare a default export:
// a namespace import reads the same under Node's ESM loader, vitest and the dashboard's bundler resolution.
const robotsParser = robotsModule.default as unknown as (url: string, text: string) => RobotsTxt;
interface RobotsTxt {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

export const DEFAULT_USER_AGENT = 'ClaimgraphBot/0.1 (news research collector; self-hosted Claimgraph)';
/** The token matched against robots.txt User-agent lines. */
const ROBOTS_TOKEN = 'ClaimgraphBot';

export interface FetcherOptions {
  userAgent?: string;
  /** Private ranges the operator allows (FETCH_ALLOWED_PRIVATE_RANGES); none by default. */
  allowedRanges?: readonly AddressRange[];
  /** Whole request, redirects included (ms). */
  timeoutMs?: number;
  /** Largest body after decompression (bytes). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Pause between two requests to the same host (ms); robots.txt Crawl-delay can lengthen it up to a minute. */
  minDelayMs?: number;
  /** How long a host's robots.txt is trusted (ms). */
  robotsTtlMs?: number;
}

export interface FetchRequest {
  accept?: string;
  /** Validators of the last answer: the server answers 304 when nothing changed. */
  etag?: string | null;
  lastModified?: string | null;
  maxBytes?: number;
}

export interface Fetched {
  /** The URL after redirects. */
  url: string;
  status: number;
  /** 304: the resource is unchanged since the validators given; `body` is empty. */
  notModified: boolean;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Buffer;
}

interface Robots {
  allows(url: string): boolean;
  crawlDelayMs: number;
  expires: number;
}

const MAX_CRAWL_DELAY_MS = 60_000;
const ROBOTS_MAX_BYTES = 512 * 1024;

export class Fetcher {
  readonly userAgent: string;
  private readonly allowed: readonly AddressRange[];
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly minDelayMs: number;
  private readonly robotsTtlMs: number;
  private readonly robots = new Map<string, Promise<Robots>>();
  /** Per host: the end of the last request queued for it (requests to one host run one at a time). */
  private readonly hostTurn = new Map<string, Promise<void>>();
  private readonly hostLast = new Map<string, number>();

  constructor(options: FetcherOptions = {}) {
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.allowed = options.allowedRanges ?? [];
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.minDelayMs = options.minDelayMs ?? 1_000;
    this.robotsTtlMs = options.robotsTtlMs ?? 3_600_000;
    this.agent = new Agent({
      connect: { lookup: guardedLookup(this.allowed), timeout: 10_000 },
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connections: 4,
    });
  }

  /** GET a URL, following redirects (each hop checked like the first), honouring robots.txt. */
  async get(url: string, req: FetchRequest = {}): Promise<Fetched> {
    return this.follow(url, req, true);
  }

  async close() {
    await this.agent.close();
  }

  private async follow(start: string, req: FetchRequest, robots: boolean): Promise<Fetched> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    const seen = new Set<string>();
    let url = parseUrl(start);
    for (let hop = 0; ; hop++) {
      checkLiteralHost(url.hostname, this.allowed);
      if (seen.has(url.href))
        throw new CollectError(
          'REDIRECT_LOOP',
          `${start} redirects in a loop (back to ${url.href}); the address is broken at the source.`,
        );
      seen.add(url.href);
      if (robots) {
        const rules = await this.robotsFor(url);
        if (!rules.allows(url.href))
          throw new CollectError(
            'ROBOTS_DISALLOWED',
            `${url.origin}/robots.txt asks robots not to fetch ${url.pathname}; Claimgraph respects that.`,
          );
      }
      const delay = robots ? (await this.robotsFor(url)).crawlDelayMs : this.minDelayMs;
      const answer = await this.inTurn(url.host, delay, () => this.hop(url, req, signal));
      if (!('location' in answer)) return answer;
      if (hop >= this.maxRedirects)
        throw new CollectError(
          'TOO_MANY_REDIRECTS',
          `${start} redirects more than ${this.maxRedirects} times; give the final address instead.`,
        );
      url = parseUrl(answer.location, url);
    }
  }

  /** One request, no redirect following: a result, or the next location. */
  private async hop(url: URL, req: FetchRequest, signal: AbortSignal): Promise<Fetched | { location: string }> {
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: req.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    let res;
    try {
      res = await request(url, { dispatcher: this.agent, method: 'GET', headers, signal });
    } catch (err) {
      throw networkError(err, url);
    }
    const header = (name: string) => {
      const v = res.headers[name];
      return (Array.isArray(v) ? v[0] : v) ?? null;
    };
    const { statusCode: status } = res;
    if (status >= 300 && status < 400 && status !== 304) {
      discard(res.body);
      const location = header('location');
      if (!location)
        throw new CollectError('HTTP_STATUS', `${url.href} answered ${status} without saying where to go.`, { status });
      return { location };
    }
    const base = {
      url: url.href,
      status,
      contentType: header('content-type'),
      etag: header('etag'),
      lastModified: header('last-modified'),
    };
    if (status === 304) {
      discard(res.body);
      return { ...base, notModified: true, body: Buffer.alloc(0) };
    }
    if (status < 200 || status >= 300) {
      discard(res.body);
      const retryAfter = Number.parseInt(header('retry-after') ?? '', 10);
      throw new CollectError('HTTP_STATUS', `${url.href} answered ${status}${statusHint(status)}`, {
        status,
        ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
      });
    }
    const limit = req.maxBytes ?? this.maxBytes;
    const declared = Number.parseInt(header('content-length') ?? '', 10);
    if (Number.isFinite(declared) && declared > limit) {
      discard(res.body);
      throw tooLarge(url, limit);
    }
    const body = await readLimited(res.body, header('content-encoding'), limit, url);
    return { ...base, notModified: false, body };
  }

  /** Runs `fn` when the host's previous request has finished and `delayMs` has passed since it. */
  private async inTurn<T>(host: string, delayMs: number, fn: () => Promise<T>): Promise<T> {
    const previous = this.hostTurn.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.hostTurn.set(host, mine);
    await previous;
    const wait = (this.hostLast.get(host) ?? 0) + delayMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      return await fn();
    } finally {
      this.hostLast.set(host, Date.now());
      if (this.hostTurn.get(host) === mine) this.hostTurn.delete(host);
      release();
    }
  }

  /** The host's robots.txt rules (cached). Missing (4xx) allows everything; unreachable refuses for now (RFC 9309). */
  private robotsFor(url: URL): Promise<Robots> {
    const cached = this.robots.get(url.origin);
    if (cached) {
      return cached.then((r) => {
        if (r.expires > Date.now()) return r;
        this.robots.delete(url.origin);
        return this.robotsFor(url);
      });
    }
    const robotsUrl = `${url.origin}/robots.txt`;
    const loading = this.follow(robotsUrl, { accept: 'text/plain', maxBytes: ROBOTS_MAX_BYTES }, false).then(
      (res) => this.rules(robotsUrl, res.body.toString('utf8')),
      (err: unknown) => {
        if (err instanceof CollectError && err.http && err.http.status >= 400 && err.http.status < 500)
          return this.rules(robotsUrl, '');
        this.robots.delete(url.origin); // not cached: the next fetch asks again
        const why = err instanceof Error ? err.message : String(err);
        throw err instanceof CollectError
          ? new CollectError(
              err.code,
              `robots.txt could not be read, so nothing is fetched from ${url.host} for now: ${why}`,
              err.http,
            )
          : err;
      },
    );
    this.robots.set(url.origin, loading);
    return loading;
  }

  private rules(robotsUrl: string, text: string): Robots {
    const parsed = robotsParser(robotsUrl, text);
    const crawlDelay = parsed.getCrawlDelay(ROBOTS_TOKEN);
    return {
      allows: (u) => parsed.isAllowed(u, ROBOTS_TOKEN) !== false,
      crawlDelayMs: Math.min(MAX_CRAWL_DELAY_MS, Math.max(this.minDelayMs, (crawlDelay ?? 0) * 1000)),
      expires: Date.now() + this.robotsTtlMs,
    };
  }
}

function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new CollectError('INVALID_URL', `"${raw}" is not a URL; give an absolute http(s) address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CollectError('INVALID_URL', `${url.protocol} addresses are not fetched; give an http(s) address.`);
  }
  if (url.username || url.password)
    throw new CollectError('INVALID_URL', 'Addresses with a user name or password are not fetched.');
  url.hash = '';
  return url;
}

const tooLarge = (url: URL, limit: number) =>
  new CollectError(
    'TOO_LARGE',
    `${url.href} is larger than ${Math.round(limit / 1024)} KB (after decompression); it was not stored.`,
  );

function statusHint(status: number): string {
  if (status === 404 || status === 410) return ': the address is gone; check it or remove it.';
  if (status === 429) return ': the site asks us to slow down; Claimgraph backs off and tries later.';
  if (status === 401 || status === 403) return ': the site refuses access (login or paywall).';
  if (status >= 500) return ': the site has a problem; Claimgraph tries again later.';
  return '.';
}

/** Reads a body, decompressing it, and stops as soon as the decoded bytes pass the limit (gzip bombs). */
async function readLimited(raw: Readable, encoding: string | null, limit: number, url: URL): Promise<Buffer> {
  const enc = (encoding ?? '').trim().toLowerCase();
  let stream: Readable = raw;
  if (enc === 'gzip' || enc === 'x-gzip') stream = raw.pipe(zlib.createGunzip());
  else if (enc === 'deflate') stream = raw.pipe(zlib.createInflate());
  else if (enc === 'br') stream = raw.pipe(zlib.createBrotliDecompress());
  else if (enc && enc !== 'identity') {
    discard(raw);
    throw new CollectError(
      'UNSUPPORTED_CONTENT',
      `${url.href} is sent with content-encoding "${enc}", which Claimgraph does not read.`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limit) throw tooLarge(url, limit);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    discard(raw);
    if (stream !== raw) discard(stream);
    if (err instanceof CollectError) throw err;
    if ((err as { code?: string }).code?.startsWith('Z_'))
      throw new CollectError('UNSUPPORTED_CONTENT', `${url.href} sent a damaged ${enc} body.`);
    throw networkError(err, url);
  }
  return Buffer.concat(chunks);
}

/** Drops a body we will not read (destroying it makes undici report an abort: nobody is listening for it). */
function discard(body: Readable) {
  body.on('error', () => {});
  body.destroy();
}

function networkError(err: unknown, url: URL): CollectError {
  if (err instanceof CollectError) return err;
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown };
  if (e.cause instanceof CollectError) return e.cause;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.code?.includes('TIMEOUT')) {
    return new CollectError('TIMEOUT', `${url.href} took too long to answer; Claimgraph tries again later.`);
  }
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
    return new CollectError('DNS_FAILED', `${url.hostname} has no address (DNS); check the spelling.`);
  return new CollectError('NETWORK', `${url.href} could not be reached (${e.code ?? e.message ?? 'network error'}).`);
}
