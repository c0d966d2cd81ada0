import type { z } from 'zod';
import { AuthInputError } from './errors.js';

/** Parses with a zod model; BAD_USER_INPUT listing every message (each says what to do) otherwise. */
export function parseInput<T>(model: z.ZodType<T>, input: unknown): T {
  const parsed = model.safeParse(input);
  if (!parsed.success) throw new AuthInputError(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
