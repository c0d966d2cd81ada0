// The timeline's month rows ("TimelineMonth", written by a fold up to its watermark in "TimelineFold") against the
// claims themselves: a month read sums them and the rows appended since, so after a fold a claim added, a date
// corrected, a label added or retired, a writer still open while the fold runs, and two API processes reading and
// folding at once all give the answer computed from the claims.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApi } from '../src/index.js';
import { data } from './testkit/client.js';
import { expectKeptAnswers, startKeptApi, topActors, type KeptApi } from './testkit/kept.js';

let api: KeptApi;
beforeAll(async () => void (api = await startKeptApi()), 180_000);
afterAll(async () => api?.stop());

const TIMELINE = `query($f: ClaimFilter, $b: TimeBucket, $s: String) { timeline(filter: $f, bucket: $b, labelScheme: $s) {
  buckets { start claimCount byLabel { scheme value count } events { databaseId } } } }`;

const watermark = async (actorId: number) =>
  (
    await api.db.$queryRaw<{ upTo: bigint }[]>`SELECT "upTo" FROM "TimelineFold"
      WHERE "workspaceId" = ${api.workspaceId} AND "actorId" = ${actorId}`
  )[0]?.upTo ?? null;

const fold = (actorId: number) =>
  api.db.$queryRaw<
    { n: number | null }[]
  >`SELECT "claimgraph_timeline_rollup"(${api.workspaceId}::int, ${actorId}::int) AS n`;

/** Rows appended to a series after its fold (a month read sums them beside the month rows). */
const late = async (actorId: number) =>
  (
    await api.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "TimelineDelta" d JOIN "TimelineFold" f
      USING ("workspaceId", "actorId") WHERE d."workspaceId" = ${api.workspaceId} AND d."actorId" = ${actorId} AND d.id > f."upTo"`
  )[0]!.n;

/** Month rows that differ from the sums of their series' rows up to its watermark (none when they are kept). */
const staleMonths = async () =>
  (
    await api.db.$queryRaw<{ n: number }[]>`WITH kept AS (
      SELECT "actorId", scheme, month, value, n FROM "TimelineMonth" WHERE "workspaceId" = ${api.workspaceId}),
    summed AS (
      SELECT d."actorId", d.scheme, date_trunc('month', d.day)::date AS month, d.value, sum(d.n)::int AS n
        FROM "TimelineDelta" d JOIN "TimelineFold" f USING ("workspaceId", "actorId")
       WHERE d."workspaceId" = ${api.workspaceId} AND d.id <= f."upTo" AND d.day IS NOT NULL
       GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0)
    SELECT count(*)::int AS n FROM ((TABLE kept EXCEPT TABLE summed) UNION ALL (TABLE summed EXCEPT TABLE kept)) x`
  )[0]!.n;

/** Month answers (all labels, and one scheme) for the workspace and the actors equal those computed from the claims. */
const expectSameMonths = async (actorIds: number[], url = api.url) =>
  expectKeptAnswers(
    { ...api, url },
    TIMELINE,
    [
      { b: 'MONTH', s: null },
      { b: 'MONTH', s: 'lean' },
    ],
    actorIds,
  );

const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(await check()).toBe(true);
};

test('a month read folds a series once, then reads its month rows', async () => {
  const [actor] = await topActors(api, 1);
  expect(await watermark(actor!)).toBeNull();
  await expectSameMonths([actor!]);
  await waitFor(async () => (await watermark(actor!)) !== null && (await watermark(0)) !== null);
  expect(await staleMonths()).toBe(0);
  await expectSameMonths([actor!]);
});

test('after a fold: a claim added, a date corrected, a label added and retired', async () => {
  const actors = await topActors(api, 2);
  for (const a of [0, ...actors]) await fold(a);
  const upTo = await watermark(0);
  const [outlet] = await api.db.$queryRaw<{ name: string; id: number }[]>`SELECT s.name, s.id FROM "Claim" c
    JOIN "Source" s ON s.id = c."sourceId" WHERE c."workspaceId" = ${api.workspaceId} GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`;
  const added = await data(
    api.url,
    `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { ok { created } error { message } } }`,
    {
      input: {
        outlet: outlet!.name,
        publishedAt: '2031-04-05',
        text: 'Officials in the capital said on Monday that 40 people were killed in the floods. The ministry denied the report.',
      },
    },
  );
  expect(added.ingestArticle.ok.created).toBe(true);
  expect(await late(0)).toBeGreaterThan(0);
  await expectSameMonths(actors);
  const [article] = await api.db.article.findMany({
    where: { workspaceId: api.workspaceId, publishedAt: { not: null }, claims: { some: { actors: { some: {} } } } },
    orderBy: { id: 'asc' },
    take: 1,
  });
  await api.db.article.update({
    where: { id: article!.id },
    data: { publishedAt: new Date(Date.UTC(2030, 0, 31, 23)) },
  });
  await expectSameMonths(actors);
  await api.db.biasLabel.create({ data: { sourceId: outlet!.id, scheme: 'lean', value: 'centre', rater: 'months' } });
  await expectSameMonths(actors);
  await api.db.biasLabel.updateMany({ where: { sourceId: outlet!.id }, data: { retiredAt: new Date() } });
  await expectSameMonths(actors);
  // Answered from the same month rows throughout, and the rows appended since.
  expect(await watermark(0)).toBe(upTo);
  expect(await staleMonths()).toBe(0);
});

test('a fold waits for a writer that drew its ids before the watermark', async () => {
  const articles = await api.db.article.findMany({
    where: { workspaceId: api.workspaceId, publishedAt: { not: null }, claims: { some: {} } },
    orderBy: { id: 'desc' },
    take: 2,
  });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let wrote!: () => void;
  const written = new Promise<void>((r) => (wrote = r));
  // One writer appends rows and stays open while a second appends later rows and commits, then the fold starts.
  const open = api.db.$transaction(
    async (tx) => {
      await tx.article.update({
        where: { id: articles[0]!.id },
        data: { publishedAt: new Date(Date.UTC(2029, 6, 1)) },
      });
      wrote();
      await released;
    },
    { timeout: 20_000 },
  );
  await written;
  await api.db.article.update({
    where: { id: articles[1]!.id },
    data: { publishedAt: new Date(Date.UTC(2029, 7, 1)) },
  });
  let folded = false;
  const folding = fold(0).then((r) => ((folded = true), r));
  await new Promise((r) => setTimeout(r, 500));
  expect(folded).toBe(false);
  release();
  await open;
  expect((await folding)[0]!.n).toBeGreaterThan(0);
  expect(await late(0)).toBe(0);
  expect(await staleMonths()).toBe(0);
  await expectSameMonths([]);
});

test('two API processes read and fold the same series at once', async () => {
  const second = await startApi({ databaseUrl: api.databaseUrl, port: 0, logLevel: 'silent' });
  try {
    const ws = api.workspaceId;
    await fold(0);
    const upTo = await watermark(0);
    const [day] = await api.db.$queryRaw<{ day: Date }[]>`SELECT day FROM "TimelineDelta"
      WHERE "workspaceId" = ${ws} AND "actorId" = 0 AND scheme = '' AND day IS NOT NULL ORDER BY day LIMIT 1`;
    // 1,200 rows that add and remove the same claims on one day: past the slack, so each process's read folds.
    await api.db.$executeRaw`INSERT INTO "TimelineDelta" ("workspaceId", "actorId", day, n)
      SELECT ${ws}::int, 0, ${day!.day}::date, CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END FROM generate_series(1, 1200) i`;
    const answers = await Promise.all(
      [api.url, second.url, api.url, second.url, api.url, second.url].map((url) => data(url, TIMELINE, { b: 'MONTH' })),
    );
    for (const a of answers) expect(a).toEqual(answers[0]);
    await waitFor(async () => (await watermark(0)) !== upTo && (await late(0)) === 0);
    expect(await staleMonths()).toBe(0);
    await expectSameMonths([], api.url);
    await expectSameMonths([], second.url);
    expect(await data(second.url, TIMELINE, { b: 'MONTH' })).toEqual(answers[0]);
  } finally {
    await second.stop();
  }
});
