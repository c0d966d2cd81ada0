// Expected failures of access and review mutations → `{ error }` payloads; FORBIDDEN/UNAUTHENTICATED and the
// unexpected stay thrown. Writes run in one transaction, so an error payload means nothing was written.
import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import type { InputError } from '../../errors.js';
import { inputErrorsOf, listInputErrors } from '../validation-utils.js';

export interface UserErrorPayload {
  code: string;
  message: string;
  inputErrors: InputError[];
}

/** A failure the client can fix (bad input, a row that is not in the workspace, a read-only row). */
export class ExpectedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly inputErrors: InputError[] = [],
  ) {
    super(message);
  }
}

const EXPECTED = new Set([
  'BAD_USER_INPUT',
  'INVALID_INPUT',
  'NOT_FOUND',
  'INVITATION_INVALID',
  'INVALID_ID',
  'READ_ONLY',
  'CONFLICT',
]);

function codeOf(err: unknown): string | undefined {
  if (err instanceof GraphQLError) return typeof err.extensions.code === 'string' ? err.extensions.code : undefined;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export async function asPayload<T>(run: () => Promise<T>): Promise<{ ok?: T; error?: UserErrorPayload }> {
  try {
    return { ok: await run() };
  } catch (err) {
    const code = codeOf(err);
    if (!(err instanceof Error) || !code || !EXPECTED.has(code)) throw err;
    const inputErrors =
      err instanceof ExpectedError
        ? err.inputErrors
        : err instanceof GraphQLError
          ? ((err.extensions.inputErrors as InputError[] | undefined) ?? [])
          : [];
    return { error: { code, message: err.message, inputErrors } };
  }
}

/** Parses with a zod model; throws INVALID_INPUT (an error payload) listing each bad field under `prefix`. */
export function parseInput<T extends z.ZodType>(model: T, value: unknown, prefix: string): z.infer<T> {
  const result = model.safeParse(value);
  if (result.success) return result.data;
  const inputErrors = inputErrorsOf(result.error.issues, prefix);
  throw new ExpectedError('INVALID_INPUT', listInputErrors(inputErrors), inputErrors);
}
