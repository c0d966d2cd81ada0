// Server-side sessions in Postgres: the cookie carries a random token, the table keeps only its keyed hash,
// so any API replica can serve any request and a database dump cannot be replayed as cookies.
import { CsrfError } from './errors.js';
import { hmacSha256, randomToken, safeEqual } from './crypto.js';
import type { Db } from './db-types.js';
import type { ModeConfig } from './mode.js';
import type { Viewer } from './viewer-types.js';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** A session unused this long ends, whatever its expiry (a browser left signed in on a shared machine). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
// lastSeenAt is refreshed at most this often, so reads do not turn into a write per request.
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface NewSession {
  id: number;
  /** The cookie value; shown once, never stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export function sessionTokenHash(config: Pick<ModeConfig, 'sessionSecret'>, token: string): string {
  return hmacSha256(config.sessionSecret, token);
}

export async function createSession(
  db: Db,
  config: Pick<ModeConfig, 'sessionSecret'>,
  userId: number,
  options: { ttlMs?: number; now?: Date } = {},
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? SESSION_TTL_MS));
  const row = await db.session.create({
    data: { userId, tokenHash: sessionTokenHash(config, token), csrfToken, expiresAt, createdAt: now, lastSeenAt: now },
  });
  return { id: row.id, token, csrfToken, expiresAt };
}

/** The live session for a cookie value, or null when unknown, expired, idle for SESSION_IDLE_MS, or its user is disabled. */
export async function findSession(db: Db, config: Pick<ModeConfig, 'sessionSecret'>, token: string, now = new Date()) {
  if (!token || token.length > 256) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: sessionTokenHash(config, token) },
    include: { user: { select: { disabledAt: true } } },
  });
  if (!session || session.user.disabledAt) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return session;
}

/** Logout: deletes the session row, so the cookie stops working on every replica at once. */
export async function destroySession(db: Db, sessionId: number): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Deletes every session of a user (password change, removal from the team). */
export async function destroyUserSessions(db: Db, userId: number): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}

/** Housekeeping (the API runs it every few minutes): deletes expired and idle sessions. */
export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS);
  return (
    await db.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] } })
  ).count;
}

/**
 * CSRF check for state-changing requests (every GraphQL mutation, logout): a cookie-authenticated viewer must
 * send `x-csrf-token` equal to its session's token. Bearer-token and local viewers pass (no ambient credential).
 */
export function assertCsrf(viewer: Viewer | null | undefined, headerValue: string | null | undefined): void {
  if (!viewer || viewer.via !== 'session') return;
  if (!headerValue || !viewer.csrfToken || !safeEqual(headerValue, viewer.csrfToken)) throw new CsrfError();
}
