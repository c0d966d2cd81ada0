// Errors of the access layer. Plain Error subclasses with a stable SCREAMING_SNAKE `code`, so the API can
// map them to GraphQL `extensions.code` (or HTTP status) without this package depending on GraphQL.

export type AuthErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED'
  | 'INVITATION_INVALID'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFIG_INVALID';

export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** Suggested HTTP status when the error is answered outside GraphQL (login, logout routes). */
    readonly status: number,
  ) {
    super(message);
  }
}

/** No session or token, or one that is expired, revoked or unknown. */
export class UnauthenticatedError extends AuthError {
  override name = 'UnauthenticatedError';
  constructor(message = 'Sign in or send an API token (Authorization: Bearer cg_…)') {
    super('UNAUTHENTICATED', message, 401);
  }
}

/** The viewer is known but their role (or membership) does not allow the action. */
export class ForbiddenError extends AuthError {
  override name = 'ForbiddenError';
  constructor(
    readonly action: string,
    message = `You are not allowed to ${action}`,
  ) {
    super('FORBIDDEN', message, 403);
  }
}

/** A cookie-authenticated state-changing request without the matching `x-csrf-token` header. */
export class CsrfError extends AuthError {
  override name = 'CsrfError';
  constructor() {
    super('CSRF_FAILED', 'Missing or wrong x-csrf-token header: send the value of the cg_csrf cookie', 403);
  }
}

/** Wrong email or password (never says which). */
export class InvalidCredentialsError extends AuthError {
  override name = 'InvalidCredentialsError';
  constructor() {
    super('INVALID_CREDENTIALS', 'Email or password is wrong', 401);
  }
}

/** Too many failed logins for this email or address; `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends AuthError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
      429,
    );
  }
}

/** The invitation token is unknown, expired, already used, or for another email. */
export class InvitationInvalidError extends AuthError {
  override name = 'InvitationInvalidError';
  constructor(reason: string) {
    super('INVITATION_INVALID', `This invitation cannot be used: ${reason}`, 400);
  }
}

/** Bad input to an access operation (weak password, malformed email, role above your own). */
export class AuthInputError extends AuthError {
  override name = 'AuthInputError';
  constructor(message: string) {
    super('BAD_USER_INPUT', message, 400);
  }
}

/** The row does not exist in the viewer's workspace (also used instead of FORBIDDEN for other workspaces' rows). */
export class AuthNotFoundError extends AuthError {
  override name = 'AuthNotFoundError';
  constructor(what: string, id: string | number) {
    super('NOT_FOUND', `${what} ${id} was not found`, 404);
  }
}

/** Mode/secret/host configuration that must not start; the message lists every problem. */
export class ModeConfigError extends AuthError {
  override name = 'ModeConfigError';
  constructor(readonly problems: string[]) {
    super(
      'CONFIG_INVALID',
      `Claimgraph cannot start with this configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      500,
    );
  }
}
