// docker-compose.yml, .env.example, the Dockerfile and the proxy config, checked by reading them (no Docker here).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KNOWN_ENV } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  deploy?: { replicas?: number };
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  profiles?: string[];
}
const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const APP_SERVICES = ['migrate', 'api', 'worker', 'web'];
// Variables the third-party images read themselves (postgres, libpq in the backup job, the Caddyfile).
const IMAGE_ENV: Record<string, string[]> = {
  postgres: ['POSTGRES_USER', 'POSTGRES_DB', 'POSTGRES_PASSWORD'],
  backup: ['PGHOST', 'PGUSER', 'PGDATABASE', 'PGPASSWORD', 'BACKUP_KEEP_DAYS', 'BACKUP_INTERVAL_SECONDS'],
  proxy: ['CLAIMGRAPH_SITE', 'TRUSTED_PROXIES'],
};

/** Names every env.ts under apps/*\/src and packages/*\/src reads: the configuration the code really has. */
function namesReadByCode(): Set<string> {
  const names = new Set<string>();
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name === 'generated') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'env.ts') files.push(p);
    }
  };
  for (const group of ['apps', 'packages']) {
    for (const pkg of readdirSync(path.join(root, group))) {
      const src = path.join(root, group, pkg, 'src');
      if (existsSync(src)) walk(src);
    }
  }
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    // process.env.NAME, source.NAME, NAME: z…, ['NAME']
    for (const m of text.matchAll(
      /\b(?:env|source)\.([A-Z][A-Z0-9_]+)\b|\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*:|\[['"]([A-Z][A-Z0-9_]+)['"]\]/g,
    )) {
      names.add((m[1] ?? m[2] ?? m[3])!);
    }
  }
  expect(files.length, 'no env.ts found: the test cannot follow the code').toBeGreaterThan(0);
  return names;
}

/** `${NAME}`, `${NAME:-default}`, `${NAME:?message}` interpolations ($$ is a literal dollar). */
function interpolated(text: string): Set<string> {
  return new Set([...text.replaceAll('$$', '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
}

function envExampleNames(): Set<string> {
  return new Set(
    read('.env.example')
      .split('\n')
      .map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1])
      .filter((n): n is string => !!n),
  );
}

describe('docker-compose.yml', () => {
  it('has postgres, migrate, api, worker, web and proxy', () => {
    for (const name of ['postgres', 'migrate', 'api', 'worker', 'web', 'proxy'])
      expect(services, name).toHaveProperty(name);
    expect(services.postgres!.image).toMatch(/^postgres:18/);
  });

  it('runs two API replicas and two workers', () => {
    expect(services.api!.deploy?.replicas).toBe(2);
    expect(services.worker!.deploy?.replicas).toBe(2);
  });

  it('gives every long-running service a health check, and orders start-up on them', () => {
    for (const [name, s] of Object.entries(services)) {
      if (name === 'migrate') continue;
      expect(s.healthcheck?.test, `${name} has no healthcheck`).toBeDefined();
      expect(s.healthcheck?.disable).not.toBe(true);
    }
    expect(services.migrate!.depends_on?.postgres?.condition).toBe('service_healthy');
    for (const name of ['api', 'worker'])
      expect(services[name]!.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(services.web!.depends_on?.api?.condition).toBe('service_healthy');
    expect(services.api!.healthcheck!.test).toContain('api');
  });

  it('runs the API in team mode on every interface, with the secret required from .env', () => {
    const env = services.api!.environment!;
    expect(env.CLAIMGRAPH_MODE).toBe('team');
    expect(env.API_HOST).toBe('0.0.0.0');
    expect(String(env.SESSION_SECRET)).toMatch(/^\$\{SESSION_SECRET:\?/);
    expect(String(env.DATABASE_URL)).toMatch(/@postgres:5432\//);
  });

  it("runs the same entry points as the packages' own scripts (npm start, npm run worker)", () => {
    // The package.json scripts are what `npm start`/`npm run worker` run and CI exercises; compose must not drift from them.
    const script = (pkg: string, name: string) => {
      const cmd = (JSON.parse(read(`${pkg}/package.json`)) as { scripts: Record<string, string> }).scripts[name]!;
      return cmd.replace(/^node /, `${pkg}/`);
    };
    expect(services.api!.command).toEqual(['node', script('apps/api', 'start')]);
    expect(services.worker!.command).toEqual(['node', script('packages/ingest', 'worker')]);
    expect(services.migrate!.command).toEqual(['node', 'packages/db/dist/bin/migrate.js']);
    expect(existsSync(path.join(root, 'packages/db/src/bin/migrate.ts'))).toBe(true);
    expect(services.web!.command!.join(' ')).toMatch(/next\/dist\/bin\/next start -H 0\.0\.0\.0/);
  });

  it('passes app services only variables that Claimgraph code reads', () => {
    const allowed = new Set<string>([...namesReadByCode(), ...KNOWN_ENV]);
    for (const name of APP_SERVICES) {
      for (const key of Object.keys(services[name]!.environment ?? {}))
        expect(allowed, `${name}: ${key} is read by no env.ts`).toContain(key);
    }
    for (const [name, keys] of Object.entries(IMAGE_ENV)) {
      for (const key of Object.keys(services[name]!.environment ?? {}))
        expect(keys, `${name}: unexpected ${key}`).toContain(key);
    }
  });

  it('.env.example lists every variable compose interpolates, and nothing compose does not use', () => {
    const used = interpolated(composeText);
    const listed = envExampleNames();
    for (const name of used) expect(listed, `${name} is missing from .env.example`).toContain(name);
    for (const name of listed) expect(used, `.env.example lists ${name}, which compose never reads`).toContain(name);
    expect(used).toContain('SESSION_SECRET');
  });
});

describe('deploy/', () => {
  it('the Dockerfile is multi-stage, runs as a non-root user and has a health check', () => {
    const dockerfile = read('deploy/Dockerfile');
    const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)\s+AS\s+(\S+)/gm)].map((m) => [m[1], m[2]]);
    expect(stages).toEqual([
      ['node:22-bookworm-slim', 'build'],
      ['node:22-bookworm-slim', 'runtime'],
    ]);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    expect(runtime).not.toMatch(/npm (ci|install)/);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });

  it('every health check the images run names a check deploy/healthcheck.mjs implements', () => {
    const script = read('deploy/healthcheck.mjs');
    const used = [
      ...Object.values(services).flatMap((s) => {
        const test = s.healthcheck?.test ?? [];
        const at = test.findIndex((part) => part.endsWith('healthcheck.mjs'));
        return at >= 0 ? [test[at + 1]] : [];
      }),
      /healthcheck\.mjs", "(\w+)"/.exec(read('deploy/Dockerfile'))?.[1],
    ];
    expect(used.length).toBeGreaterThanOrEqual(4);
    for (const check of used) expect(script).toMatch(new RegExp(`\\n  ${check}[:,]`));
  });

  it('the proxy sends API paths to the api replicas and everything else to web', () => {
    const caddy = read('deploy/Caddyfile');
    const matcher = /@api path ([^\n]+)/.exec(caddy)?.[1]?.split(/\s+/) ?? [];
    for (const p of ['/graphql', '/export/*', '/health', '/auth/*']) expect(matcher).toContain(p);
    expect(caddy).toMatch(/dynamic a api 4000/);
    expect(caddy).toMatch(/reverse_proxy web:3000/);
    const mounted = services.proxy!.environment!;
    expect(caddy).toContain(`{$CLAIMGRAPH_SITE:`);
    expect(mounted).toHaveProperty('CLAIMGRAPH_SITE');
  });

  it('forwarded client addresses are trusted only from known proxies, and every name the apps are called by is allowed', () => {
    const caddy = read('deploy/Caddyfile');
    // Caddy keeps X-Forwarded-For only from TRUSTED_PROXIES; the API only from the compose network's private ranges.
    expect(caddy).toMatch(/^\{\s*\n\s*servers \{[\s\S]*trusted_proxies static \{\$TRUSTED_PROXIES:[^}]+\}/m);
    expect(services.proxy!.environment).toHaveProperty('TRUSTED_PROXIES');
    expect(services.api!.environment!.API_TRUST_PROXY).toBe('uniquelocal');
    // The dashboard's server calls the API by its service name: the API must answer to it (DNS rebinding allow-list).
    const apiHost = new URL(String(services.web!.environment!.API_URL)).hostname;
    expect(String(services.api!.environment!.ALLOWED_HOSTS).split(',')).toContain(apiHost);
    expect(services.web!.environment).toHaveProperty('ALLOWED_HOSTS');
  });
});
