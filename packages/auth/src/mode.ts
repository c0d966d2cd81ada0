// Local or team mode, decided once at start-up. Team mode reachable from other machines needs a real secret.
import { ModeConfigError } from './errors.js';

export type Mode = 'local' | 'team';

export interface ModeConfigInput {
  /** CLAIMGRAPH_MODE; empty/undefined means local. */
  mode: string | undefined;
  /** The address the API binds (API_HOST). */
  host: string | undefined;
  /** SESSION_SECRET. */
  sessionSecret: string | undefined;
  /** PUBLIC_API_URL: when it is https, cookies get the Secure attribute. */
  publicUrl?: string | undefined;
}

export interface ModeConfig {
  mode: Mode;
  host: string;
  /** Key for session-token hashes; a fixed development key when team mode runs on loopback without a secret. */
  sessionSecret: string;
  /** True when the session secret is the loopback development key (log a warning). */
  insecureDevSecret: boolean;
  secureCookies: boolean;
}

export const MIN_SECRET_LENGTH = 32;
// Only ever accepted on a loopback address, where nobody else can reach the cookies.
const LOOPBACK_DEV_SECRET = 'claimgraph-loopback-development-secret-not-for-networks';

/** 127.0.0.0/8, ::1 and localhost. 0.0.0.0 and :: listen on every interface, so they are NOT loopback. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Validates CLAIMGRAPH_MODE, API_HOST and SESSION_SECRET together; throws one ModeConfigError listing every problem.
 * Refuses team mode on a non-loopback host without a secret of at least 32 characters, and local mode
 * (no login at all) on a non-loopback host.
 */
export function validateModeConfig(input: ModeConfigInput): ModeConfig {
  const problems: string[] = [];
  const rawMode = (input.mode ?? '').trim() || 'local';
  const host = (input.host ?? '').trim() || '127.0.0.1';
  const secret = input.sessionSecret ?? '';
  if (rawMode !== 'local' && rawMode !== 'team') problems.push(`CLAIMGRAPH_MODE=${rawMode} must be "local" or "team"`);
  const mode: Mode = rawMode === 'team' ? 'team' : 'local';
  const loopback = isLoopbackHost(host);

  if (rawMode === 'local' && !loopback) {
    problems.push(
      `local mode has no login, so it only binds a loopback address, but API_HOST=${host}; ` +
        'use API_HOST=127.0.0.1, or set CLAIMGRAPH_MODE=team with a SESSION_SECRET to serve a team',
    );
  }
  if (mode === 'team' && secret.length < MIN_SECRET_LENGTH && (!loopback || secret.length > 0)) {
    problems.push(
      secret.length === 0
        ? `team mode on ${host} (reachable from other machines) needs SESSION_SECRET: at least ${MIN_SECRET_LENGTH} random characters, e.g. \`openssl rand -base64 48\``
        : `SESSION_SECRET is ${secret.length} characters; it must be at least ${MIN_SECRET_LENGTH} (e.g. \`openssl rand -base64 48\`)`,
    );
  }
  let secureCookies = false;
  if (input.publicUrl) {
    try {
      secureCookies = new URL(input.publicUrl).protocol === 'https:';
    } catch {
      problems.push(`PUBLIC_API_URL=${input.publicUrl} is not a URL`);
    }
  }
  if (problems.length) throw new ModeConfigError(problems);
  const insecureDevSecret = mode === 'team' && secret.length === 0;
  return {
    mode,
    host,
    sessionSecret: insecureDevSecret ? LOOPBACK_DEV_SECRET : secret,
    insecureDevSecret,
    secureCookies,
  };
}
