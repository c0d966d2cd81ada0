// Every predictable failure of collection has a code and one sentence saying what happened and what to do.

export const COLLECT_ERROR_CODES = [
  'INVALID_URL',
  'BLOCKED_ADDRESS',
  'ROBOTS_DISALLOWED',
  'DNS_FAILED',
  'NETWORK',
  'TIMEOUT',
  'TOO_LARGE',
  'TOO_MANY_REDIRECTS',
  'REDIRECT_LOOP',
  'HTTP_STATUS',
  'UNSUPPORTED_CONTENT',
  'NOT_A_FEED',
  'INVALID_XML',
  'NO_ARTICLE',
] as const;
export type CollectErrorCode = (typeof COLLECT_ERROR_CODES)[number];

export class CollectError extends Error {
  constructor(
    readonly code: CollectErrorCode,
    message: string,
    /** HTTP status of the answer that failed (HTTP_STATUS), and its Retry-After in seconds when given. */
    readonly http?: { status: number; retryAfterSeconds?: number },
  ) {
    super(message);
    this.name = 'CollectError';
  }

  /** Worth trying again later (the same request may succeed): network trouble, timeouts, 429 and 5xx. */
  get transient(): boolean {
    if (this.code === 'NETWORK' || this.code === 'TIMEOUT' || this.code === 'DNS_FAILED') return true;
    return this.code === 'HTTP_STATUS' && !!this.http && (this.http.status === 429 || this.http.status >= 500);
  }
}
