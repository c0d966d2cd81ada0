// A PostgreSQL restart (down 2 s) under API load: requests fail with an answer (no hang), the API
// serves again within 10 s of the database being back, without a restart, and holds no more
// connections than its pools allow.
import path from 'node:path';
import { migrate } from '@claimgraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, spawnNode, until } from '../processes.js';
import { loadArticles } from './articles.js';
import { startPrivatePostgres, type PrivatePostgres } from './private-pg.js';
import { recordFault } from './record.js';

const API = path.resolve(import.meta.dirname, '../../../../apps/api/dist/main.js');
const POOL = 4;
let pgp: PrivatePostgres;

beforeAll(async () => {
  pgp = await startPrivatePostgres();
  await migrate(pgp.url);
});
afterAll(async () => {
  killAll();
  await pgp?.close();
});

interface Outcome {
  at: number;
  ok: boolean;
  kind: 'ok' | 'error' | 'hang';
}

describe('database restart under API load', () => {
  it('answers every request (errors, not hangs) and reconnects within 10 s', async () => {
    const api = spawnNode([API], {
      DATABASE_URL: pgp.url,
      API_PORT: '0',
      LOG_LEVEL: 'fatal',
      API_DB_POOL: String(POOL),
      NODE_ENV: 'production',
    });
    const port = await until(
      'the API to listen',
      async () => Number(/Claimgraph API at http:\/\/[^:]+:(\d+)/.exec(api.output())?.[1] ?? 0),
      90_000,
    );
    const base = `http://127.0.0.1:${port}`;
    const query = JSON.stringify({ query: '{ actors(first: 3) { totalCount } }' });
    const once = async (k: number): Promise<Outcome> => {
      const at = Date.now();
      try {
        // A request unanswered after 15 s is a hang.
        const signal = AbortSignal.timeout(15_000);
        if (k % 2) {
          const r = await fetch(`${base}/health`, { signal });
          await r.text();
          return { at, ok: r.status === 200, kind: r.status === 200 ? 'ok' : 'error' };
        }
        const r = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: query,
          signal,
        });
        const body = (await r.json()) as { data?: { actors?: { totalCount: number } }; errors?: unknown[] };
        const ok = r.status === 200 && !body.errors && typeof body.data?.actors?.totalCount === 'number';
        return { at, ok, kind: ok ? 'ok' : 'error' };
      } catch (err) {
        return { at, ok: false, kind: (err as Error).name === 'TimeoutError' ? 'hang' : 'error' };
      }
    };
    const outcomes: Outcome[] = [];
    let running = true;
    const clients = Array.from({ length: 8 }, async (_, c) => {
      for (let k = c; running; k++) {
        outcomes.push(await once(k));
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await new Promise((r) => setTimeout(r, 3_000));
    const down = Date.now();
    const restarted = pgp.restart(2_000);
    // An ingestArticle sent as the database goes down is stored once it is back (the API's ingest retries too).
    await new Promise((r) => setTimeout(r, 500));
    const ingest = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { ok { article { id } } error { code message } } }',
        variables: { input: { text: loadArticles(1, 'api')[0]!.text, outlet: 'CGTN' } },
      }),
      signal: AbortSignal.timeout(45_000),
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { data?: { ingestArticle?: { ok?: unknown; error?: unknown } }; errors?: unknown },
    }));
    await restarted;
    const up = Date.now();
    await new Promise((r) => setTimeout(r, 15_000));
    running = false;
    await Promise.all(clients);

    const ingested = await ingest;
    expect(ingested.body.errors, JSON.stringify(ingested.body)).toBeUndefined();
    expect(ingested.body.data?.ingestArticle?.ok, JSON.stringify(ingested.body)).toBeTruthy();
    const [articles] = await pgp.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Article"`);
    expect(articles!.n).toBe(1);
    const during = outcomes.filter((o) => o.at >= down && o.at < up);
    const hangs = outcomes.filter((o) => o.kind === 'hang').length;
    const firstOk = outcomes.filter((o) => o.at >= up && o.ok).sort((a, b) => a.at - b.at)[0];
    const lateFailures = outcomes.filter((o) => o.at >= up + 10_000 && !o.ok).length;
    const [conns] = await pgp.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    expect(hangs).toBe(0);
    expect(during.some((o) => o.kind === 'error')).toBe(true);
    expect(firstOk).toBeDefined();
    expect(firstOk!.at - up).toBeLessThanOrEqual(10_000);
    expect(lateFailures).toBe(0);
    // Two pools of POOL connections each at most (no leak through the restart).
    expect(conns!.n).toBeLessThanOrEqual(2 * POOL);
    api.child.kill('SIGTERM');
    expect((await api.exited).code).toBe(0);
    await recordFault({
      fault: 'PostgreSQL restarted (down 2 s) under API load (8 clients: /health and a GraphQL query)',
      expected: 'errors, not hangs; reconnect <= 10 s; no leaked connections',
      observed: `${outcomes.length} requests, ${hangs} hangs (none unanswered after 15 s), ${outcomes.filter((o) => !o.ok).length} answered with an error (${during.length} sent while down); first success ${((firstOk!.at - up) / 1000).toFixed(1)} s after the database was back; ${lateFailures} failures after 10 s; ${conns!.n} connections held (pools: 2 x ${POOL}); an ingestArticle sent as the restart began stored its article once; SIGTERM exit 0`,
    });
  });
});
