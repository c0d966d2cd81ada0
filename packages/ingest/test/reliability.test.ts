// Concurrency, atomicity and idempotency of the ingest service against a real PostgreSQL.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry, ingestArticle } from '../src/index.js';
import { SEEDS_DIR } from '../src/paths.js';
import { sql } from '../src/service/sql.js';
import { freshDb, rowCounts, type TestDb } from './helpers.js';

let t: TestDb;
let cgtn: string;
let amn: string;
beforeAll(async () => {
  t = await freshDb();
  await importRegistry(t.db);
  cgtn = await readFile(path.join(SEEDS_DIR, '000_e183f92d0e6f940b.txt'), 'utf8');
  amn = await readFile(path.join(SEEDS_DIR, '001_80d017e1972bd3d0.txt'), 'utf8');
});
afterAll(async () => t?.close());

describe('ingestArticle', () => {
  it('turns 16 concurrent submissions of the same article into one article', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, () =>
        ingestArticle(t.db, { text: cgtn, source: 'CGTN', publishedAt: '2020-01-13' }, { workspaceId: t.workspaceId }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 'ingested')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(15);
    const ids = new Set(results.map((r) => (r.status === 'failed' ? -1 : r.articleId)));
    expect(ids.size).toBe(1);
    expect(await t.db.article.count()).toBe(1);
    // No actor was created twice by the racing transactions.
    const dup = await t.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM (SELECT "canonicalName" FROM "Actor" GROUP BY 1 HAVING count(*) > 1) d`;
    expect(Number(dup[0]!.n)).toBe(0);
  });

  it('reports a resubmission, with another URL tracking suffix, as a duplicate of the same article', async () => {
    const first = await ingestArticle(
      t.db,
      {
        text: amn,
        source: 'American Military News',
        url: 'https://americanmilitarynews.com/2020/01/x/?utm_source=feed',
      },
      { workspaceId: t.workspaceId },
    );
    expect(first.status).toBe('ingested');
    const byUrl = await ingestArticle(
      t.db,
      { text: `${amn}\n\nUpdated.`, url: 'https://www.americanmilitarynews.com/2020/01/x/' },
      { workspaceId: t.workspaceId },
    );
    expect(byUrl).toMatchObject({ status: 'duplicate', reason: 'url' });
  });

  it('leaves nothing behind when a fault hits after half the rows are written', async () => {
    const before = await rowCounts(t.db);
    const text = amn.replace(/Soleimani/g, 'Soleimani').replace('Baghdad', 'Baghdad,') + '\nA fault-injection variant.';
    let reached: string[] = [];
    await expect(
      ingestArticle(
        t.db,
        { text, source: 'Brand New Outlet Gazette' },
        {
          workspaceId: t.workspaceId,
          hooks: {
            afterStage: async (stage, tx) => {
              reached.push(stage);
              if (stage === 'claims') {
                // Rows really were written inside the transaction before the fault.
                const [{ n }] = (await tx.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM "Claim"`)) as [
                  { n: number },
                ];
                expect(n).toBeGreaterThan(before['Claim']!);
                throw new Error('injected fault');
              }
            },
          },
        },
      ),
    ).rejects.toThrow('injected fault');
    expect(reached).toEqual(['source', 'article', 'actors', 'claims']);
    expect(await rowCounts(t.db)).toEqual(before);
    expect(await t.db.source.findFirst({ where: { name: 'Brand New Outlet Gazette' } })).toBeNull();
    reached = [];
  });

  it('rejects bad input with a clear, per-field error and stores nothing', async () => {
    const before = await rowCounts(t.db);
    const cases: [unknown, string, RegExp][] = [
      [{ text: '   ' }, 'EMPTY_TEXT', /empty/i],
      [{ text: 'x'.repeat(11 * 1024 * 1024) }, 'TOO_LARGE', /at most 10 MB/],
      [{ text: 'PK\u0003\u0004\u0000\u0000binary' }, 'BINARY_CONTENT', /binary/i],
      [{ text: cgtn, publishedAt: 'next tuesday-ish' }, 'INVALID_INPUT', /publishedAt: Published date is not a date/],
      [{ text: cgtn, url: 'ftp://example.org/a' }, 'INVALID_INPUT', /url: URL must be an absolute http/],
      [{ text: cgtn, language: 'English!!' }, 'INVALID_INPUT', /language/],
      [{ text: '<<<>>> ### ***' }, 'NO_SENTENCES', /sentences/],
    ];
    for (const [input, code, message] of cases) {
      const r = await ingestArticle(t.db, input, { workspaceId: t.workspaceId });
      expect(r.status, JSON.stringify(input).slice(0, 60)).toBe('failed');
      if (r.status !== 'failed') continue;
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(message);
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('warns about a future date and an unknown outlet, and stores the article without that date', async () => {
    const text = `${amn}\n\nA variant for the future-date case.`;
    const r = await ingestArticle(
      t.db,
      { text, source: 'Nowhere Gazette', publishedAt: '2999-01-01' },
      { workspaceId: t.workspaceId },
    );
    expect(r.status).toBe('ingested');
    if (r.status !== 'ingested') return;
    expect(r.warnings.join('\n')).toMatch(/in the future/);
    expect(r.warnings.join('\n')).toMatch(/Nowhere Gazette.*not in the registry/);
    const a = await t.db.article.findUniqueOrThrow({
      where: { id: r.articleId },
      include: { source: { include: { labels: true } } },
    });
    // The future metadata date is dropped; the date the text itself states (its dateline) stands.
    expect(a.publishedAt?.toISOString().slice(0, 10)).toBe('2020-01-10');
    expect(a.source.labels).toEqual([]);
    expect(a.warnings.join('\n')).toMatch(/in the future/);
  });

  it('rolls back a writer that stalls longer than its timeout, and frees the workspace for the next one', async () => {
    const before = await rowCounts(t.db);
    const input = { text: `${cgtn}\nA stalled-writer variant.`, source: 'Stalled Writer Gazette' };
    const stall = async (stage: string) => {
      if (stage === 'events') await new Promise((resolve) => setTimeout(resolve, 1500));
    };
    await expect(
      ingestArticle(t.db, input, { workspaceId: t.workspaceId, timeoutMs: 300, hooks: { afterStage: stall } }),
    ).rejects.toThrow(/ended the ingest transaction \(.*idle-in-transaction timeout\); nothing was stored/);
    expect(await rowCounts(t.db)).toEqual(before);
    // The stalled session's lock is gone: the same article goes in at once.
    const again = await ingestArticle(t.db, input, { workspaceId: t.workspaceId, timeoutMs: 5000 });
    expect(again.status).toBe('ingested');
  });
});
