// Team mode: a signed-out visitor is sent to /login (with the page to return to) before anything renders.
// Whether someone is signed in is the API's answer to GET /auth/me with the visitor's cookies (401 = signed out,
// in team mode only); local mode and an unreachable API pass through (pages show their own states).
import { NextResponse, type NextRequest } from 'next/server';
import { apiOrigin, env } from './src/env';

/** Local mode never redirects, and an API's mode changes only with a restart: after a local answer, skip the call for a while. */
const LOCAL_TTL_MS = 30_000;
let localUntil = 0;

export async function proxy(request: NextRequest) {
  if (Date.now() < localUntil) return NextResponse.next();
  let res: Response;
  try {
    res = await fetch(`${apiOrigin(env().apiUrl)}/auth/me`, { headers: { cookie: request.headers.get('cookie') ?? '' }, cache: 'no-store' });
  } catch {
    return NextResponse.next();
  }
  if (res.status !== 401) {
    if (res.ok && ((await res.json().catch(() => ({}))) as { mode?: string }).mode === 'local') localUntil = Date.now() + LOCAL_TTL_MS;
    return NextResponse.next();
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('next', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Every page except sign-in (and accepting an invitation), Next's own files and the favicon.
  matcher: ['/((?!login|_next/|favicon\\.ico).*)'],
};
