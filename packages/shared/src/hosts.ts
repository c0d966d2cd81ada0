// The host names the API and the dashboard answer to. A web page whose own name has been rebound to 127.0.0.1
// (DNS rebinding) sends its own name in `Host`; answering only known names keeps it out of a local install,
// whose every request is the owner. Loopback names are always allowed: no page can send them as its own Host.

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'] as const;

/** `Host` header or host name → lowercase name without port, brackets or trailing dot; null when it is not one. */
export function hostName(value: string | null | undefined): string | null {
  const raw = (value ?? '').trim();
  if (!raw || /[\s/\\@?#]/.test(raw)) return null;
  // A bare IPv6 address (in ALLOWED_HOSTS) has several colons and no brackets; a Host header always brackets it.
  const bracketed = !raw.startsWith('[') && raw.split(':').length > 2 ? `[${raw}]` : raw;
  let url: URL;
  try {
    url = new URL(`http://${bracketed}`);
  } catch {
    return null;
  }
  const name = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  return name || null;
}

export interface AllowedHosts {
  /** `*`: every name (the allow-list is off). */
  any: boolean;
  names: ReadonlySet<string>;
}

/** 0.0.0.0 and :: listen on every interface; they are addresses to bind, not names anyone asks for. */
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0']);

/**
 * ALLOWED_HOSTS (comma-separated names, or `*`) plus the names the configuration already implies: the loopback
 * names, the address the server binds and the host of its public URL. Throws one Error naming every bad entry.
 */
export function parseAllowedHosts(raw: string | undefined, implied: (string | undefined)[] = []): AllowedHosts {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.includes('*')) return { any: true, names: new Set() };
  const hasPort = (e: string) => (e.startsWith('[') ? /\]:/.test(e) : e.split(':').length === 2);
  const bad = entries.filter((e) => hostName(e) === null || hasPort(e));
  if (bad.length) {
    throw new Error(
      `ALLOWED_HOSTS: ${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not a host name' : 'are not host names'}; ` +
        'list names without scheme or port, e.g. ALLOWED_HOSTS=claimgraph.example.org,10.0.0.5 (or * for any)',
    );
  }
  const names = new Set<string>(LOOPBACK_HOSTS);
  for (const value of [...entries, ...implied]) {
    const name = hostName(value);
    if (name && !WILDCARD_BINDS.has(name)) names.add(name);
  }
  return { any: false, names };
}

/** The host name of a URL, or undefined (for `implied` names taken from PUBLIC_API_URL and the like). */
export function urlHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export function hostAllowed(allowed: AllowedHosts, hostHeader: string | null | undefined): boolean {
  if (allowed.any) return true;
  const name = hostName(hostHeader);
  return name !== null && allowed.names.has(name);
}

/** The one sentence a request for an unknown host name gets (status 421, Misdirected Request). */
export function hostRejectedMessage(hostHeader: string | null | undefined): string {
  const shown = (hostHeader ?? '').slice(0, 100) || '(none)';
  return `This Claimgraph server does not answer to the host name ${JSON.stringify(shown)}; if it is yours, add it to ALLOWED_HOSTS.`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may change state given its Origin: safe methods and requests without Origin (scripts, curl)
 * pass; a browser's Origin must be the request's own host or one of `trusted` (e.g. WEB_ORIGIN).
 */
export function originAllowed(
  method: string | undefined,
  origin: string | null | undefined,
  hostHeader: string | null | undefined,
  trusted: ReadonlySet<string> = new Set(),
): boolean {
  if (SAFE_METHODS.has((method ?? 'GET').toUpperCase()) || origin === undefined || origin === null || origin === '')
    return true;
  if (trusted.has(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file:) and anything else unparsable
  }
  return !!hostHeader && host.toLowerCase() === hostHeader.trim().toLowerCase();
}

export function originRejectedMessage(origin: string): string {
  return `Requests from ${JSON.stringify(origin.slice(0, 200))} may not change anything here; if that is your dashboard, add it to WEB_ORIGIN.`;
}
