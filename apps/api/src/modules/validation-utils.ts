import { z } from 'zod';
import { BadUserInputError, type InputError } from '../errors.js';

/** Validation issues (zod's) as input errors, each path under `prefix`, the argument's name (`filter.from`, `input.text`). */
export function inputErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix: string,
): InputError[] {
  return issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
}

/** Every input error on one line: `filter.from: …; filter.to: …`. */
export function listInputErrors(inputErrors: readonly InputError[]): string {
  return inputErrors.map((e) => `${e.path}: ${e.message}`).join('; ');
}

/** Parses with a zod model; throws BAD_USER_INPUT listing each bad field under `prefix`. */
export function parseOrThrow<T extends z.ZodType>(model: T, value: unknown, prefix: string): z.infer<T> {
  const result = model.safeParse(value);
  if (result.success) return result.data;
  const inputErrors = inputErrorsOf(result.error.issues, prefix);
  throw new BadUserInputError(`Invalid ${prefix}: ${listInputErrors(inputErrors)}`, inputErrors);
}

/** A required, trimmed text of at most `max` characters. */
export const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} cannot be empty`).max(max, `${what} is at most ${max} characters`);
