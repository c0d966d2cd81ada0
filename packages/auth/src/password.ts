// Passwords: argon2id (OWASP's minimum parameters: 19 MiB, 2 passes), never stored or logged in clear.
import { hash, verify } from '@node-rs/argon2';
import { AuthInputError } from './errors.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

// Algorithm.Argon2id is an ambient const enum (unusable under verbatimModuleSyntax); 2 is its value.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Throws BAD_USER_INPUT with what to do when the password is too short or too long. */
export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AuthInputError(`Password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new AuthInputError(`Password must be at most ${MAX_PASSWORD_LENGTH} characters`);
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordStrength(password);
  return hash(password, OPTIONS);
}

let verifications = 0;
/** How many argon2 verifications this process has run (what login rate limits are there to bound). */
export function passwordVerifications(): number {
  return verifications;
}

/** False (never throws) for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  verifications++;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throwaway hash so an unknown email costs as much time as a known one. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('claimgraph-no-such-user-password', OPTIONS);
  await verifyPassword(await dummyHash, password);
}
