// Where to go after signing in: only a page of this dashboard. `next` comes from the URL, so anyone can write it;
// it is resolved the way a browser would resolve it (backslashes as slashes, tabs and newlines dropped, schemes,
// `//host`) against this app's origin, and anything that lands elsewhere goes to the home page instead.

/** Stands for the app's own origin: only whether `next` stays on it matters, not its name. */
const SELF = 'http://claimgraph.invalid';

export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2048) return '/';
  let url: URL;
  try {
    url = new URL(next, SELF);
  } catch {
    return '/';
  }
  if (url.origin !== SELF) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser would take for a host.
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
