// The real `claimgraph` CLI (built dist) against a real PostgreSQL: folders, JSONL, bad files, idempotency.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../src/paths.js';
import { freshDb, rowCounts, type TestDb } from './helpers.js';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../dist/cli/main.js');
let t: TestDb;
let dir: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'warn' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Everything ingestion writes, as text, ids excluded where they depend on timing. */
async function digest(db: TestDb['db']): Promise<string> {
  const rows = await db.$queryRaw<{ d: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg("contentHash" || ':' || "sourceId", ',' ORDER BY id) FROM "Article"),
      (SELECT string_agg("extractionKey" || ':' || text || ':' || modality || ':' || coalesce("eventId", 0) || ':' || coalesce("clusterId", 0), ',' ORDER BY id) FROM "Claim"),
      (SELECT string_agg("canonicalName" || ':' || kind, ',' ORDER BY id) FROM "Actor"),
      (SELECT string_agg("actorId" || ':' || normalized, ',' ORDER BY id) FROM "ActorAlias"),
      (SELECT string_agg(type || ':' || coalesce("occurredAt"::text, '') || ':' || coalesce(place, ''), ',' ORDER BY id) FROM "Event"),
      (SELECT string_agg("fromClaimId" || ':' || "toClaimId" || ':' || kind || ':' || slot, ',' ORDER BY id) FROM "ClaimRelation")
    )) AS d`;
  return rows[0]!.d;
}

beforeAll(async () => {
  t = await freshDb();
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-cli-'));
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('claimgraph ingest', () => {
  it('ingests a folder; a second run changes nothing (identical database)', async () => {
    const first = await cli(['ingest', SEEDS_DIR, '--language', 'en']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Summary: 5 ingested, 0 duplicates, 0 failed/);
    // The folder's manifest.json supplied each file's outlet.
    const outlets = (await t.db.article.findMany({ include: { source: true }, orderBy: { id: 'asc' } })).map(
      (a) => a.source.name,
    );
    expect(outlets).toEqual(['CGTN', 'American Military News', 'Times of Jerusalem', 'StreamNews', 'Press TV']);
    const counts = await rowCounts(t.db);
    const d = await digest(t.db);
    const second = await cli(['ingest', SEEDS_DIR, '--language', 'en']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Summary: 0 ingested, 5 duplicates, 0 failed/);
    expect(await rowCounts(t.db)).toEqual(counts);
    expect(await digest(t.db)).toBe(d);
  });

  it('reports every bad file clearly, ingests the good ones, stores nothing partial, exits non-zero', async () => {
    const bad = path.join(dir, 'bad');
    await import('node:fs/promises').then((fs) => fs.mkdir(bad));
    const good1 =
      'Iran said on Monday that it had launched missiles at two bases in Iraq. The Pentagon said no Americans were hurt.';
    const good2 =
      'Reuters reported that Israel carried out an air strike near Damascus on Tuesday, citing two officials.';
    await writeFile(path.join(bad, 'a-empty.txt'), '');
    await writeFile(path.join(bad, 'b-huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    await writeFile(
      path.join(bad, 'c-binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    await writeFile(
      path.join(bad, 'd-latin1.txt'),
      Buffer.from('Le ministre a d\xe9clar\xe9 que l\x27attaque \xe9tait termin\xe9e.', 'latin1'),
    );
    await writeFile(
      path.join(bad, 'e-broken.html'),
      '<html><body><div><p>Officials in Baghdad said a drone strike hit a convoy near the airport on Friday.<p>The Pentagon confirmed the strike.</div',
    );
    await writeFile(
      path.join(bad, 'f-utf16.txt'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Tehran said the plane was downed by mistake, officials told IRNA on Saturday.', 'utf16le'),
      ]),
    );
    await writeFile(
      path.join(bad, 'g-lines.jsonl'),
      [
        JSON.stringify({ text: good1, outlet: 'Press TV', published: '2020-01-08' }),
        '{"text": "unterminated',
        JSON.stringify({ text: good2, source: 'Reuters', publishedAt: 'not a date' }),
        JSON.stringify({
          text: `${good2} A second paragraph from a new site.`,
          source: 'The Daily Nowhere',
          publishedAt: '2999-12-31',
        }),
      ].join('\n'),
    );
    const before = await rowCounts(t.db);
    const r = await cli(['ingest', bad]);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(/Summary: 4 ingested, 0 duplicates, 6 failed/);
    expect(out).toMatch(/a-empty\.txt: EMPTY_TEXT: the file is empty/);
    expect(out).toMatch(/b-huge\.txt: TOO_LARGE: the file is 50\.0 MB/);
    expect(out).toMatch(/c-binary\.txt: BINARY_CONTENT: this is a PNG file/);
    expect(out).toMatch(/d-latin1\.txt: BAD_ENCODING: not valid UTF-8 .*--encoding/);
    expect(out).toMatch(/g-lines\.jsonl:2: INVALID_INPUT: line 2 is not JSON/);
    expect(out).toMatch(/g-lines\.jsonl:3: INVALID_INPUT: publishedAt: Published date is not a date/);
    expect(out).toMatch(/warning .*g-lines\.jsonl:4: Published date 2999-12-31 is in the future/);
    expect(out).toMatch(/warning .*g-lines\.jsonl:4: Outlet "The Daily Nowhere" was not in the registry/);
    expect(out).toMatch(/warning .*f-utf16\.txt: decoded as UTF-16 LE/);
    const after = await rowCounts(t.db);
    expect(after['Article']! - before['Article']!).toBe(4); // broken HTML, UTF-16, two good JSONL lines
    const bodies = (await t.db.article.findMany({ select: { body: true } })).map((a) => a.body);
    expect(bodies.some((b) => b.includes('Tehran said the plane was downed by mistake'))).toBe(true);
    expect(bodies.some((b) => b.includes('\ufffd'))).toBe(false);
    // The same latin-1 file with the right encoding goes in.
    const fixed = await cli(['ingest', path.join(bad, 'd-latin1.txt'), '--encoding', 'latin1', '--source', 'Le Monde']);
    expect(fixed.stdout).toMatch(/1 ingested/);
    expect((await t.db.article.findFirst({ where: { body: { contains: 'déclaré' } } }))?.body).toBeTruthy();
  });

  it('reads stdin', async () => {
    const child = execFile(process.execPath, [CLI, 'ingest', '-', '--source', 'CNN'], {
      env: { ...process.env, DATABASE_URL: t.url },
    });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stdin!.end('The White House said on Thursday that the president would address the nation about the strike.');
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 ingested/);
  });
});

describe('claimgraph import-labels', () => {
  it('imports good lines, reports bad ones by line, and is idempotent', async () => {
    const csv = [
      'outlet,scheme,value,rater,url,assertedAt,note',
      'Press TV,lean,example-value,Example Rater,https://example.org/ratings/press-tv,2024-05-01,licensed data',
      'cnn.com,lean,example-value-2,Example Rater,https://example.org/ratings/cnn,,',
      ',lean,x,Example Rater,https://example.org/x,,',
      'Some New Outlet,lean,x,Example Rater,not-a-url,,',
      '"Quoted, Outlet",lean,x,Example Rater,https://example.org/q,yesterday-ish,',
    ].join('\n');
    const file = path.join(dir, 'labels.csv');
    await writeFile(file, csv);
    const r = await cli(['import-labels', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Labels: 2 added, 0 already present, 3 bad line\(s\)/);
    expect(r.stdout).toMatch(/line 4: outlet is empty/);
    expect(r.stdout).toMatch(/line 5: url must be an absolute http\(s\) address/);
    expect(r.stdout).toMatch(/line 6: assertedAt is not a date/);
    const again = await cli(['import-labels', file]);
    expect(again.stdout).toMatch(/Labels: 0 added, 2 already present/);
    const cnn = await t.db.source.findFirstOrThrow({ where: { name: 'CNN' }, include: { labels: true } });
    // Beside the shipped AllSides rating of CNN, the imported one, once.
    const labels = cnn.labels.map((l) => [l.scheme, l.value, l.rater]);
    expect(labels.filter((l) => l[2] === 'Example Rater')).toEqual([['lean', 'example-value-2', 'Example Rater']]);
    expect(labels).toContainEqual(['lean', 'left', 'AllSides']);
  });
});
