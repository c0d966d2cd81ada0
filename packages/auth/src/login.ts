// Sign-in with email and password, with brute-force protection per email and per client address.
import { z } from 'zod';
import { InvalidCredentialsError, RateLimitedError } from './errors.js';
import type { Db } from './db-types.js';
import type { ModeConfig } from './mode.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { clearRateLimit, hitRateLimit, peekRateLimit } from './rate-limit.js';
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
 * Verifies the password and opens a session. Throws RATE_LIMITED (without checking the password) once an email or
 * address has `maxFailures` failures in the window, INVALID_CREDENTIALS otherwise on any mismatch.
 * A success clears the email's counter; the address's counter only expires.
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

  const [byEmail, byIp] = await Promise.all([peekRateLimit(db, emailKey(email)), peekRateLimit(db, ipKey(input.ip))]);
  const blocked = [
    byEmail && byEmail.count >= limit.maxFailures ? byEmail : null,
    byIp && byIp.count >= ipLimit.maxFailures ? byIp : null,
  ].filter((w) => w !== null);
  if (blocked.length) {
    const until = Math.max(...blocked.map((w) => w.resetAt.getTime()));
    throw new RateLimitedError(Math.max(1, Math.ceil((until - Date.now()) / 1000)));
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok = user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!ok || !user) {
    await Promise.all([hitRateLimit(db, emailKey(email), limit.windowMs), hitRateLimit(db, ipKey(input.ip), ipLimit.windowMs)]);
    throw new InvalidCredentialsError();
  }
  await clearRateLimit(db, emailKey(email));
  const session = await createSession(db, config, user.id);
  return { userId: user.id, session };
}
