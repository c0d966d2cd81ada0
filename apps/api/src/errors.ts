// Errors the API throws. Each has a stable SCREAMING_SNAKE `extensions.code`; clients branch on the code, never the message.
// Expected failures of mutations are NOT thrown: they come back as `{ ok: null, error: { code, message, inputErrors } }`.
import { GraphQLError } from 'graphql';

export interface InputError {
  path: string;
  message: string;
}

class CodedError extends GraphQLError {
  constructor(message: string, code: string, status: number, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, http: { status }, ...extra } });
  }
}

/** The id does not exist in the viewer's workspace (or at all). Also thrown instead of FORBIDDEN for other workspaces' rows. */
export class NotFoundError extends CodedError {
  constructor(what: string, id: string) {
    super(`${what} ${id} was not found`, 'NOT_FOUND', 200);
  }
}

/** The viewer's role does not allow the action. */
export class ForbiddenError extends CodedError {
  constructor(action: string) {
    super(`You are not allowed to ${action}`, 'FORBIDDEN', 200);
  }
}

/** No viewer could be resolved (team mode without a session or token). */
export class UnauthenticatedError extends CodedError {
  constructor() {
    super('Sign in or send an API token', 'UNAUTHENTICATED', 200);
  }
}

/** An argument failed validation (filters, page sizes, dates). `inputErrors` lists each bad field. */
export class BadUserInputError extends CodedError {
  constructor(message: string, inputErrors: InputError[] = []) {
    super(message, 'BAD_USER_INPUT', 200, { inputErrors });
  }
}

/** A global id that is not base64 "Type:id", or names another type than the field expects. */
export class InvalidIdError extends CodedError {
  constructor(id: string, expected?: string) {
    super(expected ? `"${id}" is not a valid ${expected} id` : `"${id}" is not a valid id`, 'INVALID_ID', 200);
  }
}

/** A pagination cursor the server did not issue, or one issued for another ordering. */
export class InvalidCursorError extends CodedError {
  constructor(cursor: string) {
    super(`"${cursor}" is not a valid cursor for this list`, 'INVALID_CURSOR', 200);
  }
}

/** The operation nests deeper than the limit; rejected before execution. */
export class QueryTooDeepError extends CodedError {
  constructor(depth: number, max: number) {
    super(`Query depth ${depth} exceeds the limit of ${max}`, 'QUERY_TOO_DEEP', 400, { depth, max });
  }
}

/** The operation's estimated cost exceeds the limit; rejected before execution. */
export class QueryTooCostlyError extends CodedError {
  constructor(cost: number, max: number) {
    super(
      `Query cost ${cost} exceeds the limit of ${max}; ask for smaller pages or fewer nested lists`,
      'QUERY_TOO_COSTLY',
      400,
      {
        cost,
        max,
      },
    );
  }
}

/** One operation asks for more article extraction than a request may run; rejected before any extraction starts. */
export class ExtractionBudgetError extends CodedError {
  constructor(extractions: number, chars: number, maxExtractions: number, maxChars: number) {
    super(
      `Operation asks for ${extractions} article extractions with ${chars} characters of text; one request may run at most ${maxExtractions} extractions of ${maxChars} characters in all; send the articles in separate requests, or queue them with enqueueArticles`,
      'EXTRACTION_BUDGET_EXCEEDED',
      400,
      { extractions, chars, maxExtractions, maxChars },
    );
  }
}

/** Too many aliased fields or root fields in one operation (alias batching). */
export class TooManyAliasesError extends CodedError {
  constructor(count: number, max: number) {
    super(`Operation uses ${count} aliases; the limit is ${max}`, 'TOO_MANY_ALIASES', 400, { count, max });
  }
}

/** The database cancelled a statement that ran past the statement timeout. */
export class DatabaseTimeoutError extends CodedError {
  constructor() {
    super('The query took too long and was cancelled; narrow the filter', 'DATABASE_TIMEOUT', 200);
  }
}

/** Every database connection stayed in use for the pool's wait (API_DB_POOL_WAIT_MS): the API is overloaded, not broken. */
export class DatabaseBusyError extends CodedError {
  constructor() {
    super('The database is busy (every connection is in use); try again in a moment', 'DATABASE_BUSY', 200);
  }
}

/** Every other failure; details go to the server log only. */
export class InternalError extends CodedError {
  constructor() {
    super('Internal server error', 'INTERNAL_SERVER_ERROR', 500);
  }
}

/** Codes the HTTP layer uses outside GraphQL execution. */
export const HTTP_ERROR_CODES = {
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  NOT_FOUND_ROUTE: 'ROUTE_NOT_FOUND',
} as const;
