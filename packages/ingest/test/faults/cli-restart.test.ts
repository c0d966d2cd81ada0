// A PostgreSQL restart (down 2 s) in the middle of `claimgraph ingest`: the CLI rides it out, every
// article is ingested once, exit 0 (before: every article not yet written failed with ECONNREFUSED).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, killAll, spawnNode, until } from '../processes.js';
import { loadArticles } from './articles.js';
import { startPrivatePostgres, type PrivatePostgres } from './private-pg.js';
import { recordFault } from './record.js';

const N = 80;
let pgp: PrivatePostgres;
let dir: string;

beforeAll(async () => {
  pgp = await startPrivatePostgres();
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-faults-cli-'));
});
afterAll(async () => {
  killAll();
  await pgp?.close();
  await rm(dir, { recursive: true, force: true });
});

const count = async (sql: string) => Number((await pgp.query<{ n: string }>(sql))[0]!.n);
const articleCount = () => count(`SELECT count(*) AS n FROM "Article"`).catch(() => 0); // 0 until migrated

describe('claimgraph ingest across a database restart', () => {
  it('ingests every article exactly once and exits 0 when PostgreSQL restarts mid-import', async () => {
    const file = path.join(dir, 'articles.jsonl');
    await writeFile(
      file,
      loadArticles(N, 'cli')
        .map((a) => JSON.stringify(a))
        .join('\n') + '\n',
    );
    const started = Date.now();
    const cli = spawnNode([CLI, 'ingest', file], {
      DATABASE_URL: pgp.url,
      INGEST_DB_RETRY_SECONDS: '30',
      LOG_LEVEL: 'warn',
    });
    const before = await until(
      'the first articles to be written',
      async () => {
        const n = await articleCount();
        return n >= 5 ? n : null;
      },
      120_000,
      50,
    );
    await pgp.restart(2_000);
    const restarted = Date.now();
    const exit = await cli.exited;
    const out = cli.output();
    expect(exit, out).toEqual({ code: 0, signal: null });
    const summary = /Summary: (\d+) ingested, (\d+) duplicates?, 0 failed/.exec(out);
    expect(summary, out).not.toBeNull();
    // A commit whose acknowledgement the restart swallowed comes back as its own duplicate: still one row.
    expect(Number(summary![1]) + Number(summary![2])).toBe(N);
    expect(out).toMatch(/database connection lost .*; retrying for up to 30 s/);
    expect(await count(`SELECT count(*) AS n FROM "Article"`)).toBe(N);
    expect(await count(`SELECT count(DISTINCT "contentHash") AS n FROM "Article"`)).toBe(N);

    // Running it again ingests nothing twice.
    const again = spawnNode([CLI, 'ingest', file], { DATABASE_URL: pgp.url, LOG_LEVEL: 'warn' });
    expect((await again.exited).code).toBe(0);
    expect(again.output()).toMatch(new RegExp(`Summary: 0 ingested, ${N} duplicates, 0 failed`));
    await recordFault({
      fault: 'PostgreSQL restarted (down 2 s) during `claimgraph ingest` of 80 articles',
      expected: 'every article ingested once, exit 0; a re-run ingests nothing',
      observed: `${before} written before the restart; exit 0 ${((Date.now() - restarted) / 1000).toFixed(1)} s after it (${((Date.now() - started) / 1000).toFixed(1)} s in all); ${summary![1]} ingested + ${summary![2]} duplicate = ${N}; ${N} rows, ${N} distinct hashes; re-run: ${N} duplicates`,
    });
  });
});
