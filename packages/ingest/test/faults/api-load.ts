// The built API as a child process on a private PostgreSQL, a little real data for it to serve, and the
// clients that load it: what the API fault tests share.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '@claimgraph/db';
import { afterAll, beforeAll } from 'vitest';
import { CLI, killAll, spawnNode, until, type Spawned } from '../processes.js';
import { loadArticles } from './articles.js';
import { startPrivatePostgres, type PrivatePostgres } from './private-pg.js';

export const API = path.resolve(import.meta.dirname, '../../../../apps/api/dist/main.js');

/** Starts the API on a free loopback port; resolves once it listens. */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ api: Spawned; base: string; graphql: string }> {
  const api = spawnNode([API], {
    DATABASE_URL: databaseUrl,
    API_PORT: '0',
    LOG_LEVEL: 'fatal',
    NODE_ENV: 'production',
    ...env,
  });
  const port = await until(
    'the API to listen',
    async () => Number(/Claimgraph API at http:\/\/[^:]+:(\d+)/.exec(api.output())?.[1] ?? 0),
    90_000,
  );
  const base = `http://127.0.0.1:${port}`;
  return { api, base, graphql: `${base}/graphql` };
}

/** A private, migrated PostgreSQL with `articles` ingested, for one test file: started before its tests, stopped (with every process) after. */
export function sampleDatabase(articles: number): () => PrivatePostgres {
  let pgp: PrivatePostgres | undefined;
  beforeAll(async () => {
    pgp = await startPrivatePostgres();
    await migrate(pgp.url);
    await ingestSample(pgp.url, articles);
  });
  afterAll(async () => {
    killAll();
    await pgp?.close();
  });
  return () => pgp!;
}

/** Ingests `n` distinct articles with the real CLI, so queries have claims, actors and contradictions to read. */
export async function ingestSample(databaseUrl: string, n: number): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-faults-load-'));
  try {
    const file = path.join(dir, 'articles.jsonl');
    await writeFile(
      file,
      loadArticles(n, 'load')
        .map((a) => JSON.stringify(a))
        .join('\n') + '\n',
    );
    const cli = spawnNode([CLI, 'ingest', file], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
    const { code } = await cli.exited;
    if (code !== 0) throw new Error(`claimgraph ingest failed:\n${cli.output().slice(-2000)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface Answer {
  ms: number;
  status: number;
  /** The first error's code, if any; 'HANG' when unanswered after the timeout, 'NETWORK' when the connection failed. */
  code?: string;
  message?: string;
  data: boolean;
}

/** POSTs a GraphQL body (an object, or an already serialised string) and times the answer. */
export async function post(url: string, body: unknown, timeoutMs = 30_000): Promise<Answer> {
  const started = performance.now();
  try {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await r.text();
    let parsed: { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] } = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      /* a non-JSON answer: counted by its status */
    }
    const error = parsed.errors?.[0];
    return {
      ms: performance.now() - started,
      status: r.status,
      code: error?.extensions?.code,
      message: error?.message,
      data: parsed.data != null,
    };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return {
      ms: performance.now() - started,
      status: 0,
      code: (err as Error).name === 'TimeoutError' ? 'HANG' : 'NETWORK',
      message: cause?.code ?? cause?.message ?? (err as Error).message,
      data: false,
    };
  }
}

/** Normal traffic: what the dashboard asks most (lists with filters, search, one article with its claims, the matrix). */
export async function normalMix(graphql: string): Promise<string[]> {
  const res = await fetch(graphql, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ articles(first: 1) { edges { node { id } } } actors(first: 1) { edges { node { id } } } }',
    }),
  });
  const r = (await res.json()) as {
    data: { articles: { edges: { node: { id: string } }[] }; actors: { edges: { node: { id: string } }[] } };
  };
  const article = r.data.articles.edges[0]!.node.id;
  const actor = r.data.actors.edges[0]!.node.id;
  return [
    {
      query:
        '{ claims(first: 20) { totalCount edges { node { id text modality article { title source { name } } } } } }',
    },
    { query: '{ actors(first: 20) { totalCount edges { node { id canonicalName } } } }' },
    { query: '{ search(text: "missile", first: 10) { claims { id text } } }' },
    { query: `{ article(id: "${article}") { title claims(first: 50) { text attribution { label } } } }` },
    { query: `{ claims(first: 10, filter: { actorIds: ["${actor}"] }) { totalCount edges { node { text } } } }` },
    { query: '{ contradictions(first: 10) { totalCount edges { node { reason } } } }' },
    { query: '{ sources(first: 20) { edges { node { name labels { scheme value } } } } }' },
    { query: '{ coverageMatrix(clusters: 10) { rows { claimCount } } }' },
  ].map((b) => JSON.stringify(b));
}

/** Runs `clients` closed-loop clients for `ms`, each sending `next(client, k)`; returns every answer with what was sent. */
export async function drive(
  url: string,
  clients: number,
  ms: number,
  next: (client: number, k: number) => string,
  timeoutMs = 30_000,
): Promise<(Answer & { body: string })[]> {
  const out: (Answer & { body: string })[] = [];
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let k = 0; Date.now() < end; k++) {
        const body = next(c, k);
        out.push({ ...(await post(url, body, timeoutMs)), body });
      }
    }),
  );
  return out;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
