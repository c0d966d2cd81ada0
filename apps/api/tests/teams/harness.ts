/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses of ad-hoc documents are checked by value */
// Team mode over real HTTP: a fresh database with two workspaces (alpha, beta) each holding the seed corpus,
// people with every role, signed in through POST /auth/login; requests carry their cookie and CSRF header.
import type { ChildProcess } from 'node:child_process';
import { hashPassword } from '@claimgraph/auth';
import { createPrisma, RESEARCH_TABLES, type PrismaClient, type Role } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import { seedSampleCorpus } from '@claimgraph/ingest';
import { startApi, type StartApiOptions } from '../../src/index.js';

export const PASSWORD = 'correct horse battery staple';

export interface Session {
  email: string;
  userId: number;
  cookie: string;
  csrf: string;
}

export interface Caller {
  /** Cookie + x-csrf-token (a browser), or Authorization: Bearer (a script), or nothing (anonymous). */
  headers: Record<string, string>;
}

export interface TeamsWorld {
  url: string;
  base: string;
  db: PrismaClient;
  databaseUrl: string;
  alpha: number;
  beta: number;
  users: Record<'admin' | 'editor' | 'viewer' | 'outsider', { id: number; email: string }>;
  stop(): Promise<void>;
}

export async function createUser(db: PrismaClient, email: string, memberships: [number, Role][]) {
  const user = await db.user.create({
    data: { email, name: email.split('@')[0] ?? email, passwordHash: await hashPassword(PASSWORD) },
  });
  for (const [workspaceId, role] of memberships)
    await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return { id: user.id, email };
}

export async function startTeamsWorld(options: Partial<StartApiOptions> = {}): Promise<TeamsWorld> {
  const database = await createTestDatabase();
  const db = createPrisma(database.url, { statementTimeoutMs: 10_000 });
  const alpha = (await db.workspace.create({ data: { slug: 'alpha', name: 'Alpha investigation' } })).id;
  const beta = (await db.workspace.create({ data: { slug: 'beta', name: 'Beta investigation' } })).id;
  await seedSampleCorpus(db, { workspaceId: alpha });
  await seedSampleCorpus(db, { workspaceId: beta });
  const users = {
    admin: await createUser(db, 'admin@alpha.example', [[alpha, 'ADMIN']]),
    editor: await createUser(db, 'editor@alpha.example', [[alpha, 'EDITOR']]),
    viewer: await createUser(db, 'viewer@alpha.example', [[alpha, 'VIEWER']]),
    outsider: await createUser(db, 'admin@beta.example', [[beta, 'ADMIN']]),
  };
  const api = await startApi({ databaseUrl: database.url, port: 0, logLevel: 'silent', mode: 'team', db, ...options });
  return {
    url: api.url,
    base: api.url.replace(/\/graphql$/, ''),
    db,
    databaseUrl: database.url,
    alpha,
    beta,
    users,
    stop: async () => {
      await api.stop();
      await db.$disconnect();
      await database.drop();
    },
  };
}

function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) out.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
  }
  return out;
}

export async function login(
  base: string,
  email: string,
  password = PASSWORD,
): Promise<Session & { status: number; body: any }> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as any;
  const cookies = cookiesOf(res);
  const session = cookies.get('cg_session') ?? '';
  const csrf = cookies.get('cg_csrf') ?? '';
  return {
    status: res.status,
    body,
    email,
    userId: body?.user?.id ?? 0,
    cookie: `cg_session=${encodeURIComponent(session)}; cg_csrf=${encodeURIComponent(csrf)}`,
    csrf,
  };
}

export const asSession = (s: Session): Caller => ({ headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
export const asToken = (token: string): Caller => ({ headers: { authorization: `Bearer ${token}` } });
export const anonymous: Caller = { headers: {} };

export interface GqlResult {
  status: number;
  data: any;
  errors: { message: string; extensions?: { code?: string } }[];
  codes: string[];
}

export async function gql(
  url: string,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...caller.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`Non-JSON response ${res.status}: ${text.slice(0, 300)}`);
  }
  const errors = (body.errors ?? []) as GqlResult['errors'];
  return { status: res.status, data: body.data, errors, codes: errors.map((e) => String(e.extensions?.code)) };
}

/** Runs the operation and fails (with the response) on any error, including an `error` payload. */
export async function ok(
  url: string,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<any> {
  const r = await gql(url, caller, query, variables);
  const payloadErrors = Object.values(r.data ?? {}).filter(
    (v: any) => v && typeof v === 'object' && 'error' in v && v.error,
  );
  if (r.errors.length || payloadErrors.length) {
    throw new Error(
      `Expected success.\n${query}\n${JSON.stringify(variables)}\n→ ${r.status} ${JSON.stringify({ errors: r.errors, payloadErrors })}`,
    );
  }
  return r.data;
}

/** A fingerprint of every table a mutation could change (denied calls must leave it equal). */
export async function fingerprint(db: PrismaClient): Promise<string> {
  const tables = [
    'Workspace',
    'User',
    'Membership',
    'Invitation',
    'ApiToken',
    'AuditLog',
    'Source',
    'BiasLabel',
    ...RESEARCH_TABLES,
    'Correction',
  ];
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await db.$queryRawUnsafe<{ h: string | null; n: bigint }[]>(
      `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h, count(*) AS n FROM (SELECT t.* FROM "${t}" t) x`,
    );
    parts.push(`${t}:${rows[0]?.n}:${rows[0]?.h}`);
  }
  return parts.join('\n');
}

/** Stops spawned processes (SIGTERM, SIGKILL after 10 s) and waits for each to exit. */
export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
          c.once('exit', () => (clearTimeout(timer), resolve()));
          c.kill('SIGTERM');
        }),
    ),
  );
}
