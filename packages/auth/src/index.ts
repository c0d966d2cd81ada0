// @claimgraph/auth: who may do what in a Claimgraph workspace, and the records that prove who did it.
export * from './errors.js';
export type { Viewer } from './viewer-types.js';
export type { Db } from './db-types.js';
export { ROLES, MIN_ROLE, ACTIONS, can, assertCan, roleAtMost, lowerRole, type Action, type Role } from './roles.js';
export {
  validateModeConfig,
  isLoopbackHost,
  MIN_SECRET_LENGTH,
  type Mode,
  type ModeConfig,
  type ModeConfigInput,
} from './mode.js';
export { readModeEnv, readDatabaseUrl } from './env.js';
export {
  hashPassword,
  verifyPassword,
  passwordVerifications,
  checkPasswordStrength,
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
} from './password.js';
export {
  SESSION_COOKIE,
  CSRF_COOKIE,
  CSRF_HEADER,
  parseCookies,
  serializeCookie,
  sessionCookies,
  clearSessionCookies,
  type CookieOptions,
} from './cookies.js';
export {
  SESSION_TTL_MS,
  SESSION_IDLE_MS,
  createSession,
  findSession,
  destroySession,
  destroyUserSessions,
  purgeExpiredSessions,
  assertCsrf,
  sessionTokenHash,
  type NewSession,
} from './sessions.js';
export { purgeEndedCredentials, ENDED_CREDENTIAL_RETENTION_MS } from './housekeeping.js';
export {
  hitRateLimit,
  hitRateLimits,
  releaseRateLimit,
  peekRateLimit,
  clearRateLimit,
  purgeRateLimits,
  type RateWindow,
} from './rate-limit.js';
export {
  login,
  normalizeEmail,
  LoginInputModel,
  LOGIN_LIMIT,
  LOGIN_IP_LIMIT,
  type LoginResult,
  type LoginOptions,
} from './login.js';
export {
  TOKEN_PREFIX,
  DEFAULT_TOKEN_DAYS,
  MAX_TOKEN_DAYS,
  CreateApiTokenModel,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  viewerFromApiToken,
  hashApiToken,
  looksLikeApiToken,
  type CreatedApiToken,
} from './tokens.js';
export {
  INVITATION_TTL_MS,
  CreateInvitationModel,
  createInvitation,
  inspectInvitation,
  acceptInvitation,
  listMembers,
  changeMemberRole,
  removeMember,
  type CreatedInvitation,
  type AcceptInvitationInput,
} from './members.js';
export { resolveViewer, localViewer, bearerToken, sessionUser, type ResolveViewerInput } from './viewer.js';
export { audit, listAudit, toAuditJson, type AuditActor, type AuditPage } from './audit.js';
export {
  recordCorrection,
  latestCorrections,
  claimCorrectionKey,
  type CorrectionEntity,
  type CorrectionInput,
} from './corrections.js';
export { createAdmin, CreateAdminModel } from './admin.js';
export { KNOWN_ENV } from './known-env.js';
