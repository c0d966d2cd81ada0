// Two API processes (the built entry point, as docker-compose runs replicas) on one PostgreSQL: what one process
// writes, the other never answers stale, whatever it keeps between requests. Each check reads through B first (so
// anything B caches is warm), writes through A, then reads through B at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApiToken } from '@claimgraph/auth';
import { createPrisma, type PrismaClient } from '@claimgraph/db';
import { freePort } from '@claimgraph/db/embedded';
import { createTestDatabase } from '@claimgraph/db/testing';
import { seedSampleCorpus } from '@claimgraph/ingest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LABEL_LISTENER_NAME, LABEL_LISTENER_WAIT_MS } from '../../src/modules/sources/filter-sql.js';
import { asToken, ok, stopProcesses, type Caller } from './harness.js';

const ROOT = path.resolve(new URL('.', import.meta.url).pathname, '../../../..');
const API_MAIN = path.join(ROOT, 'apps/api/dist/main.js');

let database: { url: string; drop(): Promise<void> };
let db: PrismaClient;
let workspaceId: number;
let editor: Caller;
const children: ChildProcess[] = [];
let A: string;
let B: string;

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

async function startApi(): Promise<string> {
  const port = await freePort();
  const log: string[] = [];
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      CLAIMGRAPH_MODE: 'team',
      SESSION_SECRET: 'stale-reads-test-secret-0123456789abcdef',
      LOG_LEVEL: 'warn',
      API_DB_POOL: '4',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${log.join('')}`);
    if ((await fetch(`${base}/health`).catch(() => null))?.ok) return `${base}/graphql`;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`API did not start:\n${log.join('')}`);
}

beforeAll(async () => {
  if (!existsSync(API_MAIN))
    throw new Error(`${API_MAIN} is missing: run \`npx turbo run build --filter=@claimgraph/api...\` first`);
  database = await createTestDatabase();
  db = createPrisma(database.url);
  workspaceId = (await db.workspace.create({ data: { slug: 'desk', name: 'Desk' } })).id;
  await seedSampleCorpus(db, { workspaceId });
  const userId = (await db.user.create({ data: { email: 'editor@desk.example', passwordHash: 'x' } })).id;
  await db.membership.create({ data: { workspaceId, userId, role: 'EDITOR' } });
  const { token } = await createApiToken(
    db,
    { userId, workspaceId, role: 'EDITOR', via: 'session' },
    { name: 'stale reads', role: 'EDITOR' },
  );
  editor = asToken(token);
  [A, B] = await Promise.all([startApi(), startApi()]);
}, 180_000);

afterAll(async () => {
  await stopProcesses(children);
  await db?.$disconnect();
  await database?.drop();
}, 60_000);

const CLAIM = `query($id: ID!) { claim(id: $id) { text modality reviewStatus } }`;
const EXPLORER = `query($filter: ClaimFilter) {
  claims(filter: $filter, first: 100) {
    count { value exact }
    facets { modalities { modality count } sources { source { id } count } }
    edges { node { id text modality } }
  }
}`;

test('a claim corrected through A is read corrected through B at once: claim, explorer, facets, search', async () => {
  const claim = await db.claim.findFirstOrThrow({ where: { workspaceId }, orderBy: { id: 'asc' } });
  const id = gid('Claim', claim.id);
  const to = claim.modality === 'DENIED' ? 'ASSERTED' : 'DENIED';
  const filterTo = { modalities: [to] };
  const text = 'Corrected through the first process: the harbour reopened on Tuesday.';

  // Warm B with every read the check repeats (twice, so per-process caches are filled, not just started).
  for (let i = 0; i < 2; i++) {
    await ok(B, editor, CLAIM, { id });
    await ok(B, editor, EXPLORER, { filter: filterTo });
    await ok(B, editor, EXPLORER, { filter: {} });
    await ok(B, editor, '{ search(text: "harbour reopened") { claims { id } } }');
  }
  const facetOf = (c: { facets: { modalities: { modality: string; count: number }[] } }) =>
    c.facets.modalities.find((m) => m.modality === to)?.count ?? 0;
  const before = (await ok(B, editor, EXPLORER, { filter: filterTo })).claims;
  const facetBefore = facetOf((await ok(B, editor, EXPLORER, { filter: {} })).claims);
  expect(before.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);

  const fix = await ok(
    A,
    editor,
    'mutation($id: ID!, $input: CorrectClaimInput!) { correctClaim(id: $id, input: $input) { ok { id } error { code } } }',
    { id, input: { text, modality: to } },
  );
  expect(fix.correctClaim.error).toBeNull();
  const review = await ok(
    A,
    editor,
    'mutation($id: ID!) { reviewClaim(id: $id, status: VERIFIED) { ok { id } error { code } } }',
    { id },
  );
  expect(review.reviewClaim.error).toBeNull();

  expect((await ok(B, editor, CLAIM, { id })).claim).toEqual({ text, modality: to, reviewStatus: 'VERIFIED' });
  const after = (await ok(B, editor, EXPLORER, { filter: filterTo })).claims;
  expect(after.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
  expect(after.count.value).toBe(before.count.value + 1);
  const all = (await ok(B, editor, EXPLORER, { filter: {} })).claims;
  expect(facetOf(all)).toBe(facetBefore + 1);
  expect(all.edges.find((e: { node: { id: string } }) => e.node.id === id)?.node).toEqual({ id, text, modality: to });
  expect((await ok(B, editor, '{ search(text: "harbour reopened") { claims { id } } }')).search.claims).toContainEqual({
    id,
  });
}, 60_000);

/** A label the workspace sees on an outlet with claims. */
async function knownLabel(): Promise<{ scheme: string; value: string }> {
  const [known] = await db.$queryRaw<{ scheme: string; value: string }[]>`
    SELECT bl.scheme, bl.value FROM "BiasLabel" bl
    WHERE bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = ${workspaceId})
      AND EXISTS (SELECT 1 FROM "Claim" c WHERE c."sourceId" = bl."sourceId" AND c."workspaceId" = ${workspaceId})
    ORDER BY bl.scheme, bl.value LIMIT 1`;
  expect(known).toBeTruthy();
  return known!;
}

/** The outlet with the most claims that does not carry the label in any spelling. */
async function outletWithout(label: { scheme: string; value: string }): Promise<{ id: number; claims: number }> {
  const [outlet] = await db.$queryRaw<{ id: number; claims: number }[]>`
    SELECT c."sourceId" AS id, count(*)::int AS claims FROM "Claim" c
    WHERE c."workspaceId" = ${workspaceId} AND NOT EXISTS (
      SELECT 1 FROM "BiasLabel" bl WHERE bl."sourceId" = c."sourceId" AND bl."retiredAt" IS NULL
        AND lower(bl.scheme) = lower(${label.scheme}) AND lower(bl.value) = lower(${label.value}))
    GROUP BY c."sourceId" ORDER BY claims DESC, id LIMIT 1`;
  expect(outlet).toBeTruthy();
  return outlet!;
}

/** Adds the label through A, spelled in capitals (labels match case-insensitively). */
async function addThroughA(sourceId: number, label: { scheme: string; value: string }): Promise<void> {
  const added = await ok(
    A,
    editor,
    'mutation($input: AddLabelInput!) { addLabel(input: $input) { ok { id } error { code message } } }',
    {
      input: {
        sourceId: gid('Source', sourceId),
        scheme: label.scheme.toUpperCase(),
        value: label.value.toUpperCase(),
      },
    },
  );
  expect(added.addLabel.error).toBeNull();
}

const sourcesOf = (claims: { facets: { sources: { source: { id: string } }[] } }) =>
  claims.facets.sources.map((s) => s.source.id);

test('a label added through A, in another spelling of a label B knows, filters on B at once', async () => {
  const known = await knownLabel();
  const outlet = await outletWithout(known);
  const filter = { biasLabels: [known] };
  for (let i = 0; i < 2; i++) await ok(B, editor, EXPLORER, { filter });
  const before = (await ok(B, editor, EXPLORER, { filter })).claims;
  expect(before.count.value).toBeGreaterThan(0);

  await addThroughA(outlet.id, known);

  const after = (await ok(B, editor, EXPLORER, { filter })).claims;
  expect(after.count.value).toBe(before.count.value + outlet.claims);
  expect(sourcesOf(after)).toContain(gid('Source', outlet.id));
}, 60_000);

test('a label write whose notification reaches B late still filters on B at once; a stalled listener costs B only a fresh read', async () => {
  // Each process's label listener is a PostgreSQL session: stopping it (SIGSTOP) holds back the write's
  // notification, as a busy server or network would.
  const listeners = (
    await db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE application_name = ${LABEL_LISTENER_NAME} AND datname = current_database()`
  ).map((r) => r.pid);
  expect(listeners).toHaveLength(2); // A's and B's
  const signal = (s: NodeJS.Signals) => listeners.forEach((pid) => process.kill(pid, s));
  const known = await knownLabel();
  const filter = { biasLabels: [known] };
  const count = async () => (await ok(B, editor, EXPLORER, { filter })).claims;
  for (let i = 0; i < 2; i++) await count();

  try {
    // Late: the notification arrives after B was asked. B waits for its listener to catch up.
    let outlet = await outletWithout(known);
    let before = (await count()).count.value;
    signal('SIGSTOP');
    await addThroughA(outlet.id, known);
    const answer = count();
    await new Promise((r) => setTimeout(r, LABEL_LISTENER_WAIT_MS / 4));
    signal('SIGCONT');
    let after = await answer;
    expect(after.count.value).toBe(before + outlet.claims);
    expect(sourcesOf(after)).toContain(gid('Source', outlet.id));

    // Stalled: the listener does not answer at all. B reads the spellings afresh instead of waiting on it.
    for (let i = 0; i < 2; i++) await count();
    outlet = await outletWithout(known);
    before = (await count()).count.value;
    signal('SIGSTOP');
    await addThroughA(outlet.id, known);
    after = await count(); // answered while the listeners are still stopped
    expect(after.count.value).toBe(before + outlet.claims);
    expect(sourcesOf(after)).toContain(gid('Source', outlet.id));
  } finally {
    signal('SIGCONT');
  }
}, 60_000);

test('a label written outside the API (as the outlet registry import writes it) filters on B at once', async () => {
  const outlets = await db.$queryRaw<{ id: number; claims: number }[]>`
    SELECT c."sourceId" AS id, count(*)::int AS claims FROM "Claim" c WHERE c."workspaceId" = ${workspaceId}
    GROUP BY c."sourceId" ORDER BY claims DESC, id LIMIT 2`;
  expect(outlets).toHaveLength(2);
  const [first, second] = outlets as [{ id: number; claims: number }, { id: number; claims: number }];
  const filter = { biasLabels: [{ scheme: 'registry-check', value: 'yes' }] };
  const label = (sourceId: number, scheme: string, value: string) =>
    db.biasLabel.create({ data: { sourceId, scheme, value, rater: 'registry import' } });
  await label(first.id, 'registry-check', 'yes');
  // B learns the spelling in use...
  for (let i = 0; i < 2; i++) expect((await ok(B, editor, EXPLORER, { filter })).claims.count.value).toBe(first.claims);
  // ...then the registry writes another spelling of it, which only a fresh copy of the spellings knows.
  await label(second.id, 'REGISTRY-CHECK', 'YES');
  expect((await ok(B, editor, EXPLORER, { filter })).claims.count.value).toBe(first.claims + second.claims);
}, 60_000);
