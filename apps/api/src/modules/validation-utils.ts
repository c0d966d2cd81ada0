import type { z } from 'zod';
import { BadUserInputError } from '../errors.js';

/** Parses with a zod model; throws BAD_USER_INPUT listing each bad field under `prefix`. */
export function parseOrThrow<T extends z.ZodType>(model: T, value: unknown, prefix: string): z.infer<T> {
  const result = model.safeParse(value);
  if (result.success) return result.data;
  const inputErrors = result.error.issues.map((i) => ({ path: [prefix, ...i.path].join('.'), message: i.message }));
  throw new BadUserInputError(`Invalid ${prefix}: ${inputErrors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, inputErrors);
}
