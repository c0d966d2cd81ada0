// `claimgraph ingest --url` and `claimgraph feeds ...` (built dist) against a loopback fixture server
// (allowed by the operator option, as a deployment's internal mirror would be) and a real PostgreSQL.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { send, startServer, type FixtureServer } from '@claimgraph/collect/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from './helpers.js';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../dist/cli/main.js');
const page = (name: string) => readFileSync(new URL(`../../collect/test/fixtures/pages/${name}.html`, import.meta.url));
let t: TestDb;
let server: FixtureServer;

async function cli(args: string[], extraEnv: Record<string, string> = { FETCH_ALLOWED_PRIVATE_RANGES: '127.0.0.0/8' }) {
  try {
    const r = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'warn', FETCH_MIN_DELAY_MS: '0', ...extraEnv },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  t = await freshDb();
  server = await startServer({
    '/wire': send(page('wire')),
    '/listing': send(page('listing')),
    '/feed.xml': send(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>CLI feed</title><item><link>${'/classic'}</link></item></channel></rss>`,
      { 'content-type': 'application/rss+xml' },
    ),
    '/classic': send(page('classic')),
  });
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('claimgraph ingest --url', () => {
  it('fetches the page and ingests its article', async () => {
    const r = await cli(['ingest', '--url', `${server.origin}/wire`]);
    expect(r.stdout).toContain('1 ingested');
    expect(r.code).toBe(0);
    const article = await t.db.article.findFirstOrThrow({
      where: { canonicalUrl: 'https://wire.example.net/markets/central-bank-holds-rates-2026-04-22' },
    });
    expect(article.title).toBe('Central bank holds rates steady, signals cut later this year');
  });

  it('says in one sentence why a page cannot be used, and stores nothing', async () => {
    const before = await t.db.article.count();
    const r = await cli(['ingest', '--url', `${server.origin}/listing`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^claimgraph: .*has no article text.*\(NO_ARTICLE\)\n$/);
    const blocked = await cli(['ingest', '--url', `${server.origin}/wire`], {});
    expect(blocked.stderr).toMatch(/private or local address.*FETCH_ALLOWED_PRIVATE_RANGES/);
    expect(await t.db.article.count()).toBe(before);
  });
});

describe('claimgraph feeds', () => {
  // Each run of the CLI starts a process (seconds on a loaded machine): the steps share a few runs.
  it('adds, polls, lists, pauses and removes a feed', async () => {
    const added = await cli(['feeds', 'add', `${server.origin}/feed.xml`, '--every', '30']);
    expect(added.stdout).toMatch(/Following feed (\d+): .* every 30 min/);
    const id = /Following feed (\d+)/.exec(added.stdout)![1]!;
    const polled = await cli(['feeds', 'poll']);
    expect(polled.stdout).toContain(`feed ${id}: 1 items, 1 new: 1 ingested`);
    expect((await cli(['feeds', 'list'])).stdout).toMatch(
      /rss, every 30 min, 1 items seen, 1 articles; ok \(HTTP 200\)/,
    );
    expect((await cli(['feeds', 'pause', id])).stdout).toContain(`Feed ${id} paused.`);
    expect(await t.db.feed.findUniqueOrThrow({ where: { id: Number(id) } })).toMatchObject({ paused: true });
    expect((await cli(['feeds', 'remove', id])).stdout).toContain('removed');
    const gone = await cli(['feeds', 'remove', id]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/No feed \d+ in this workspace/);
  }, 300_000);

  it('refuses a bad address with a sentence', async () => {
    const r = await cli(['feeds', 'add', 'ftp://example.org/feed']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('claimgraph: A feed address must start with http:// or https://.\n');
  });
});
