// Team mode: a signed-out visitor is sent to /login (with the page to return to) before anything renders.
// Whether someone is signed in is the API's answer to GET /auth/me with the visitor's cookies (401 = signed out,
// in team mode only); local mode and an unreachable API pass through (pages show their own states).
import { NextResponse, type NextRequest } from 'next/server';
import { apiOrigin, env } from './src/env';

export async function proxy(request: NextRequest) {
  let status: number;
  try {
    const res = await fetch(`${apiOrigin(env().apiUrl)}/auth/me`, { headers: { cookie: request.headers.get('cookie') ?? '' }, cache: 'no-store' });
    status = res.status;
  } catch {
    return NextResponse.next();
  }
  if (status !== 401) return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('next', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Every page except sign-in (and accepting an invitation), Next's own files and the favicon.
  matcher: ['/((?!login|_next/|favicon\\.ico).*)'],
};
