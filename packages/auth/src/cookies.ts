// Cookie parsing and Set-Cookie strings. The session cookie is HttpOnly; the CSRF cookie is readable by the
// dashboard's JavaScript, which echoes it in `x-csrf-token` (double submit, checked against the session row).

export const SESSION_COOKIE = 'cg_session';
export const CSRF_COOKIE = 'cg_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Parses a Cookie header into name → value (first occurrence wins; undecodable values are skipped). */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      // a malformed cookie of some other application: ignore it
    }
  }
  return out;
}

export interface CookieOptions {
  /** Adds `Secure` (set it when the browser reaches Claimgraph over https). */
  secure: boolean;
  /** Lifetime in seconds; 0 deletes the cookie. */
  maxAgeSeconds: number;
  httpOnly: boolean;
}

/** One `Set-Cookie` value: Path=/, SameSite=Lax, HttpOnly and Secure as asked. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    'SameSite=Lax',
  ];
  if (options.maxAgeSeconds <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The two Set-Cookie headers a successful login answers with. */
export function sessionCookies(
  session: { token: string; csrfToken: string; expiresAt: Date },
  secure: boolean,
  now = new Date(),
): string[] {
  const maxAgeSeconds = (session.expiresAt.getTime() - now.getTime()) / 1000;
  return [
    serializeCookie(SESSION_COOKIE, session.token, { secure, maxAgeSeconds, httpOnly: true }),
    serializeCookie(CSRF_COOKIE, session.csrfToken, { secure, maxAgeSeconds, httpOnly: false }),
  ];
}

/** The Set-Cookie headers that sign a browser out. */
export function clearSessionCookies(secure: boolean): string[] {
  return [
    serializeCookie(SESSION_COOKIE, '', { secure, maxAgeSeconds: 0, httpOnly: true }),
    serializeCookie(CSRF_COOKIE, '', { secure, maxAgeSeconds: 0, httpOnly: false }),
  ];
}
