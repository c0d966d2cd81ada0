// Who is on the other end of a request: the client address (login rate limits key on it) and whether the
// browser used https (cookies get `Secure`). Forwarded headers count only when the peer that sent them is one
// of the configured proxies (API_TRUST_PROXY): anyone else can write any X-Forwarded-For they like.
import type http from 'node:http';
import proxyaddr from 'proxy-addr';

export type TrustProxy = (address: string, hop: number) => boolean;

/** Trusts no proxy: the socket peer is the client. */
export const TRUST_NONE: TrustProxy = () => false;

/**
 * API_TRUST_PROXY → a trust function. Empty or `false`: no proxy. Otherwise a comma-separated list of proxy
 * addresses, CIDR ranges, or proxy-addr's names `loopback`, `linklocal`, `uniquelocal` (private ranges).
 * Throws an Error naming the bad entry.
 */
export function compileTrustProxy(value: string | undefined): TrustProxy {
  const raw = (value ?? '').trim();
  if (raw === '' || raw === 'false' || raw === '0' || raw === 'no') return TRUST_NONE;
  if (raw === 'true' || raw === '1' || raw === 'yes') {
    throw new Error(
      `"${raw}" would trust any peer's X-Forwarded-For; list the proxies' addresses instead, e.g. 10.0.0.2 or 172.16.0.0/12, or "uniquelocal" for every private range`,
    );
  }
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    return proxyaddr.compile(entries);
  } catch (err) {
    throw new Error(
      `${(err as Error).message}: list addresses or CIDR ranges, e.g. 10.0.0.2,172.16.0.0/12, or loopback/linklocal/uniquelocal`,
    );
  }
}

/** The client address: the socket peer, or behind trusted proxies the nearest X-Forwarded-For hop that is not one. */
export function clientIp(req: http.IncomingMessage, trust: TrustProxy): string {
  if (!req.socket.remoteAddress) return 'unknown';
  return proxyaddr(req, trust);
}

/** True when the request reached us over https: a TLS socket, or a trusted proxy's X-Forwarded-Proto saying so. */
export function viaHttps(req: http.IncomingMessage, trust: TrustProxy): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const peer = req.socket.remoteAddress;
  if (!peer || !trust(peer, 0)) return false;
  const header = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}
