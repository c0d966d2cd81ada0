/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// ingestJobs: the states of queued articles, read back from the queue while a real worker runs them.
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrisma, ensureLocalWorkspace, type PrismaClient } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import { runWorker, type RunningWorker } from '@claimgraph/ingest';
import { startApi, type RunningApi } from '../src/index.js';
import { data } from './testkit/client.js';

let database: { url: string; drop(): Promise<void> };
let db: PrismaClient;
let api: RunningApi;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrisma(database.url);
  await ensureLocalWorkspace(db);
  api = await startApi({ databaseUrl: database.url, port: 0, logLevel: 'silent' });
});
afterAll(async () => {
  await worker?.stop();
  await api?.stop();
  await db?.$disconnect();
  await database?.drop();
});

const seed = (file: string) => readFileSync(new URL(`../../../corpus/seeds/${file}`, import.meta.url), 'utf8');

const ENQUEUE = /* GraphQL */ `
  mutation($inputs: [IngestArticleInput!]!) { enqueueArticles(inputs: $inputs) { ok { jobs { jobId } } error { message } } }`;
const JOBS = /* GraphQL */ `
  query($ids: [ID!]!) { ingestJobs(ids: $ids) {
    id state created claimCount attempts createdAt completedAt article { databaseId title } error { code message inputErrors { path } }
  } }`;

test('jobs are QUEUED until a worker runs them, then COMPLETED with their article or FAILED with the reason', async () => {
  const inputs = [
    { text: seed('000_e183f92d0e6f940b.txt'), outlet: 'CGTN' },
    { text: seed('001_80d017e1972bd3d0.txt'), outlet: 'American Military News' },
    // Valid for the API, but nothing is left after cleaning (navigation only): the worker rejects it.
    { text: '<html><body><nav>Home</nav></body></html>', format: 'HTML' },
  ];
  const queued = await data(api.url, ENQUEUE, { inputs });
  expect(queued.enqueueArticles.error).toBeNull();
  const ids: string[] = queued.enqueueArticles.ok.jobs.map((j: any) => j.jobId);
  expect(ids.every(Boolean)).toBe(true);

  const waiting = await data(api.url, JOBS, {
    ids: [ids[2], ids[0], ids[1], 'not-a-job', '00000000-0000-4000-8000-000000000000'],
  });
  expect(waiting.ingestJobs.map((j: any) => [j.id, j.state, j.article, j.error])).toEqual([
    [ids[2], 'QUEUED', null, null],
    [ids[0], 'QUEUED', null, null],
    [ids[1], 'QUEUED', null, null],
  ]);

  worker = await runWorker({ databaseUrl: database.url, concurrency: 2, log: pino({ level: 'silent' }) });
  await expect
    .poll(async () => (await data(api.url, JOBS, { ids })).ingestJobs.map((j: any) => j.state), {
      timeout: 30_000,
      interval: 200,
    })
    .toEqual(['COMPLETED', 'COMPLETED', 'FAILED']);

  const done = (await data(api.url, JOBS, { ids })).ingestJobs;
  const articles = await db.article.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, title: true, _count: { select: { claims: true } } },
  });
  expect(articles).toHaveLength(2);
  for (const job of done.slice(0, 2)) {
    const stored = articles.find((a) => a.id === job.article.databaseId);
    expect(stored).toBeDefined();
    expect(job).toMatchObject({
      created: true,
      claimCount: stored!._count.claims,
      attempts: 1,
      error: null,
      article: { title: stored!.title },
    });
    expect(new Date(job.completedAt).getTime()).toBeGreaterThanOrEqual(new Date(job.createdAt).getTime());
  }
  expect(done[2]).toMatchObject({ article: null, created: null, error: { code: 'EMPTY_TEXT' } });
  expect(done[2].error.message.length).toBeGreaterThan(0);
});

test('another workspace cannot see the jobs', async () => {
  const [job] = await db.$queryRaw<
    { id: string }[]
  >`SELECT id::text FROM pgboss.job WHERE name = 'ingest-article' LIMIT 1`;
  expect(job).toBeDefined();
  const other = await db.workspace.create({ data: { slug: 'elsewhere', name: 'Elsewhere' } });
  await db.$executeRaw`UPDATE pgboss.job SET data = jsonb_set(data, '{workspaceId}', to_jsonb(${other.id}::int)) WHERE id = ${job!.id}::uuid`;
  const seen = (await data(api.url, JOBS, { ids: [job!.id] })).ingestJobs;
  expect(seen).toEqual([]);
});
