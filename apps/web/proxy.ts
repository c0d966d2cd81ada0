// Runs before every page:
// 1. DNS rebinding: only the configured host names are served (loopback, HOST, PUBLIC_API_URL's host,
//    ALLOWED_HOSTS); a page whose own name was rebound to this machine gets 421 and one sentence. A browser may
//    send state-changing requests only from this site's own origin.
// 2. Team mode: a signed-out visitor is sent to /login (with the page to return to) before anything renders.
//    Whether someone is signed in is the API's answer to GET /auth/me with the visitor's cookies (401 = signed out,
//    in team mode only); local mode and an unreachable API pass through (pages show their own states).
import { hostAllowed, hostRejectedMessage, originAllowed, originRejectedMessage } from '@claimgraph/shared';
import { NextResponse, type NextRequest } from 'next/server';
import { apiOrigin, env } from './src/env';

/** Local mode never redirects, and an API's mode changes only with a restart: after a local answer, skip the call for a while. */
const LOCAL_TTL_MS = 30_000;
let localUntil = 0;

const text = (status: number, message: string) =>
  new NextResponse(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function proxy(request: NextRequest) {
  const host = request.headers.get('host');
  if (!hostAllowed(env().allowedHosts, host)) return text(421, hostRejectedMessage(host));
  const origin = request.headers.get('origin');
  if (!originAllowed(request.method, origin, host)) return text(403, originRejectedMessage(origin ?? ''));

  const path = request.nextUrl.pathname;
  if (path === '/login' || path.startsWith('/login/') || Date.now() < localUntil) return NextResponse.next();
  let res: Response;
  try {
    res = await fetch(`${apiOrigin(env().apiUrl)}/auth/me`, {
      headers: { cookie: request.headers.get('cookie') ?? '' },
      cache: 'no-store',
    });
  } catch {
    return NextResponse.next();
  }
  if (res.status !== 401) {
    if (res.ok && ((await res.json().catch(() => ({}))) as { mode?: string }).mode === 'local')
      localUntil = Date.now() + LOCAL_TTL_MS;
    return NextResponse.next();
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('next', `${path}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Every request but Next's static files (the same for every host, and without data) and the favicon.
  matcher: ['/((?!_next/static/|_next/image|favicon\\.ico).*)'],
};
