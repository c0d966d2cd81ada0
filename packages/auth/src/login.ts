// Sign-in with email and password, with brute-force protection per email and per client address.
import { z } from 'zod';
import { InvalidCredentialsError, RateLimitedError } from './errors.js';
import type { Db } from './db-types.js';
import type { ModeConfig } from './mode.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { clearRateLimit, hitRateLimits, releaseRateLimit } from './rate-limit.js';
import { createSession, type NewSession } from './sessions.js';
import { parseInput } from './validation.js';

export const LOGIN_LIMIT = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;
// One address may try several accounts (an office behind one NAT), so it gets a larger budget.
export const LOGIN_IP_LIMIT = { maxFailures: 50, windowMs: 15 * 60 * 1000 } as const;

export const LoginInputModel = z.object({
  email: z.string().trim().toLowerCase().email('Enter an email address like name@example.org'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Password must be at most 1024 characters'),
});

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const emailKey = (email: string) => `login:email:${email}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

export interface LoginResult {
  userId: number;
  session: NewSession;
}

export interface LoginOptions {
  limit?: { maxFailures: number; windowMs: number };
  ipLimit?: { maxFailures: number; windowMs: number };
}

/**
 * Verifies the password and opens a session. Every attempt is counted (email and address, one statement) BEFORE
 * the password is checked, so at most `maxFailures` attempts per email reach argon2 in a window however many
 * arrive at once; the others get RATE_LIMITED without a check. INVALID_CREDENTIALS on any mismatch.
 * A success clears the email's counter and gives the address its attempt back.
 */
export async function login(
  db: Db,
  config: Pick<ModeConfig, 'sessionSecret'>,
  input: { email: string; password: string; ip: string },
  options: LoginOptions = {},
): Promise<LoginResult> {
  const { email, password } = parseInput(LoginInputModel, input);
  const limit = options.limit ?? LOGIN_LIMIT;
  const ipLimit = options.ipLimit ?? LOGIN_IP_LIMIT;

  const windows = await hitRateLimits(db, [
    { key: emailKey(email), windowMs: limit.windowMs },
    { key: ipKey(input.ip), windowMs: ipLimit.windowMs },
  ]);
  const byEmail = windows.get(emailKey(email));
  const byIp = windows.get(ipKey(input.ip));
  const blocked = [
    byEmail && byEmail.count > limit.maxFailures ? byEmail : null,
    byIp && byIp.count > ipLimit.maxFailures ? byIp : null,
  ].filter((w) => w !== null && w !== undefined);
  if (blocked.length) {
    const until = Math.max(...blocked.map((w) => w.resetAt.getTime()));
    throw new RateLimitedError(Math.max(1, Math.ceil((until - Date.now()) / 1000)));
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok =
    user?.passwordHash && !user.disabledAt
      ? await verifyPassword(user.passwordHash, password)
      : (await burnPasswordCheck(password), false);
  if (!ok || !user) throw new InvalidCredentialsError();
  await Promise.all([clearRateLimit(db, emailKey(email)), releaseRateLimit(db, ipKey(input.ip))]);
  const session = await createSession(db, config, user.id);
  return { userId: user.id, session };
}
