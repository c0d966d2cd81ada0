import { describe, expect, it } from 'vitest';
import { isLoopbackHost, ModeConfigError, readModeEnv, validateModeConfig } from '../src/index.js';

const SECRET = 'x'.repeat(32);

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ModeConfigError);
    expect((error as ModeConfigError).code).toBe('CONFIG_INVALID');
    return (error as ModeConfigError).problems;
  }
  throw new Error('expected a ModeConfigError');
}

describe('validateModeConfig', () => {
  it('defaults to local mode on 127.0.0.1', () => {
    expect(validateModeConfig({ mode: undefined, host: undefined, sessionSecret: undefined })).toMatchObject({
      mode: 'local',
      host: '127.0.0.1',
    });
  });

  it('refuses team mode on a non-loopback host without a secret, saying how to make one', () => {
    const p = problems(() => validateModeConfig({ mode: 'team', host: '0.0.0.0', sessionSecret: undefined }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/SESSION_SECRET/);
    expect(p[0]).toMatch(/openssl rand/);
  });

  it('refuses a short secret anywhere, and reports every problem at once', () => {
    expect(problems(() => validateModeConfig({ mode: 'team', host: '127.0.0.1', sessionSecret: 'short' }))[0]).toMatch(
      /5 characters.*at least 32/,
    );
    const p = problems(() =>
      validateModeConfig({ mode: 'team', host: '10.0.0.5', sessionSecret: 'short', publicUrl: 'not a url' }),
    );
    expect(p).toHaveLength(2);
  });

  it('refuses an unknown mode and local mode on a public address', () => {
    expect(problems(() => validateModeConfig({ mode: 'teams', host: '127.0.0.1', sessionSecret: SECRET }))[0]).toMatch(
      /"local" or "team"/,
    );
    expect(problems(() => validateModeConfig({ mode: 'local', host: '0.0.0.0', sessionSecret: undefined }))[0]).toMatch(
      /local mode has no login/,
    );
  });

  it('accepts team mode with a long secret on any host, and on loopback without one (dev key flagged)', () => {
    expect(
      validateModeConfig({
        mode: 'team',
        host: '0.0.0.0',
        sessionSecret: SECRET,
        publicUrl: 'https://cg.example.org/graphql',
      }),
    ).toMatchObject({
      mode: 'team',
      sessionSecret: SECRET,
      secureCookies: true,
      insecureDevSecret: false,
    });
    const dev = validateModeConfig({ mode: 'team', host: 'localhost', sessionSecret: '' });
    expect(dev.insecureDevSecret).toBe(true);
    expect(dev.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('reads the same rules from the environment', () => {
    expect(() => readModeEnv({ CLAIMGRAPH_MODE: 'team', API_HOST: '0.0.0.0' })).toThrow(/SESSION_SECRET/);
    expect(readModeEnv({ CLAIMGRAPH_MODE: 'team', API_HOST: '0.0.0.0', SESSION_SECRET: SECRET }).mode).toBe('team');
  });

  it('knows loopback from every-interface addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', 'api', 'example.org']) expect(isLoopbackHost(h)).toBe(false);
  });
});
