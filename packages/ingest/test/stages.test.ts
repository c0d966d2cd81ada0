// The two stages with real processes: a worker killed between an article's write and its linking, and
// `claimgraph link --pending`; the catch-up pass finishes what was left, and running it again changes nothing.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enqueueArticles,
  importRegistry,
  ingestArticle,
  openIngestQueue,
  pendingArticles,
  type ArticleInput,
  type IngestQueue,
} from '../src/index.js';
import { SEEDS_DIR } from '../src/paths.js';
import { freshDb, rowCounts, type TestDb } from './helpers.js';
import { CLI, killAll, startWorker, until } from './processes.js';

const run = promisify(execFile);
let seeds: ArticleInput[];
const dbs: TestDb[] = [];
let queue: IngestQueue | undefined;

const relations = async (t: TestDb) => (await rowCounts(t.db))['ClaimRelation']!;

/** The relations one-by-one ingestion (each article linked at once) gives these articles. */
async function linkedAtOnce(articles: ArticleInput[]): Promise<number> {
  const t = await freshDb();
  dbs.push(t);
  await importRegistry(t.db);
  for (const a of articles)
    expect((await ingestArticle(t.db, a, { workspaceId: t.workspaceId })).status).toBe('ingested');
  return relations(t);
}

beforeAll(async () => {
  const files = ['000_e183f92d0e6f940b.txt', '001_80d017e1972bd3d0.txt', '002_a793cbcdff3aefe9.txt'];
  const sources = ['CGTN', 'American Military News', 'Times of Jerusalem'];
  seeds = await Promise.all(
    files.map(async (f, i) => ({
      text: await readFile(path.join(SEEDS_DIR, f), 'utf8'),
      source: sources[i]!,
      publishedAt: '2020-01-13',
    })),
  );
});
afterAll(async () => {
  killAll();
  await queue?.close();
  await Promise.all(dbs.map((t) => t.close()));
});

describe('linking as its own stage', () => {
  it('a worker killed between writing an article and queueing its linking: the next worker links it on start', async () => {
    const t = await freshDb();
    dbs.push(t);
    await importRegistry(t.db);
    const first0 = await ingestArticle(t.db, seeds[0]!, { workspaceId: t.workspaceId });
    expect(first0.status).toBe('ingested');
    // Written and linked in one call: the counts are the write's, with the link stage's added (not replaced).
    if (first0.status === 'ingested')
      expect(first0.counts.claims).toBe(await t.db.claim.count({ where: { articleId: first0.articleId } }));
    queue = await openIngestQueue(t.url);
    await enqueueArticles(queue, [seeds[1]!], { workspaceId: t.workspaceId, expireInSeconds: 5 });

    const first = startWorker(t.url, { CLAIMGRAPH_TEST_LINK_DELAY_MS: '60000' });
    await until('the article to be written', async () => first.output().includes('test delay between the stages'));
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await t.db.article.count()).toBe(2);
    expect((await pendingArticles(t.db, t.workspaceId)).length).toBe(1);
    expect(await relations(t)).toBe(0); // the first article was linked when it was alone

    const second = startWorker(t.url);
    await until(
      'the catch-up pass to link it',
      async () => (await pendingArticles(t.db, t.workspaceId)).length === 0,
      90_000,
    );
    expect(second.output()).toMatch(/queued the linking of articles written but not linked/);
    expect(await relations(t)).toBe(await linkedAtOnce(seeds.slice(0, 2)));
    expect(await relations(t)).toBeGreaterThan(0);
    expect(await t.db.article.count()).toBe(2); // the killed job ran again and found its article written
  }, 180_000);

  it('claimgraph link --pending links what the write stage left, and a second run finds nothing to do', async () => {
    const t = await freshDb();
    dbs.push(t);
    await importRegistry(t.db);
    for (const a of seeds)
      expect((await ingestArticle(t.db, a, { workspaceId: t.workspaceId, link: 'later' })).status).toBe('ingested');
    expect((await pendingArticles(t.db, t.workspaceId)).length).toBe(3);
    expect(await relations(t)).toBe(0);
    const cli = async () =>
      (
        await run(process.execPath, [CLI, 'link', '--pending'], {
          env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'warn' },
        })
      ).stdout;
    expect(await cli()).toMatch(/Linked 3 pending article\(s\)/);
    expect((await pendingArticles(t.db, t.workspaceId)).length).toBe(0);
    const linked = await relations(t);
    expect(linked).toBeGreaterThan(0);
    expect(await cli()).toMatch(/Linked 0 pending article\(s\): 0 new relation\(s\)/);
    expect(await relations(t)).toBe(linked);
  }, 180_000);
});
