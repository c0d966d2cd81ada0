// The API's bad-input corpus: every case in cases/*.json is sent over real HTTP to an API on a real,
// seeded PostgreSQL. Each must come back with its expected code and a one-sentence message (no stack
// trace), and leave every table (and the queue) exactly as it was.
// Case file format: README.md in this folder.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../testkit/api.js';
import { rowCounts } from '../testkit/rows.js';

interface Expect {
  status?: number;
  code: string;
  /** A piece of the message, case-insensitive. */
  message: string;
}
interface Case {
  name: string;
  /** A GraphQL document and its variables, POSTed as JSON. */
  query?: string;
  variables?: Record<string, unknown>;
  /** Or a raw HTTP request to /graphql. */
  http?: { method?: string; headers?: Record<string, string>; body?: unknown };
  expect: Expect;
}

const DIR = path.join(import.meta.dirname, 'cases');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const suites = files.map((f) => ({ file: f, cases: JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Case[] }));

/**
 * Abusive sizes without huge files: `{ "$repeat": s, "times": n }` is s repeated n times, `{ "$array": v, "times": n }`
 * n copies of v, `{ "$concat": [a, b, …] }` the pieces joined.
 */
function expand(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(expand);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$repeat === 'string' && typeof o.times === 'number') return o.$repeat.repeat(o.times);
    if (Array.isArray(o.$concat)) return o.$concat.map(expand).join('');
    if (o.$array !== undefined && typeof o.times === 'number') return Array.from({ length: o.times }, () => expand(o.$array));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, expand(x)]));
  }
  return v;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.stop());

async function send(c: Case): Promise<{ status: number; code?: string; message?: string; raw: string }> {
  const req = c.http ?? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.query, variables: expand(c.variables ?? {}) }) };
  const body = typeof req.body === 'string' || req.body === undefined ? req.body : JSON.stringify(expand(req.body));
  const res = await fetch(api.url, { method: req.method ?? 'POST', headers: req.headers ?? {}, body: body as string | undefined });
  const raw = await res.text();
  let parsed: { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown };
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { status: res.status, raw };
  }
  const top = parsed.errors?.[0];
  if (top) return { status: res.status, code: top.extensions?.code, message: top.message, raw };
  // A mutation's or preview's typed failure: the one payload with { ok: null, error }.
  const payload = Object.values((parsed.data ?? {}) as Record<string, { error?: { code: string; message: string } } | null>)[0];
  return { status: res.status, code: payload?.error?.code, message: payload?.error?.message, raw };
}

describe.each(suites)('bad input: $file', ({ cases }) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await rowCounts(api.db);
    const got = await send(c);
    const shown = `${got.status} ${got.raw.slice(0, 600)}`;
    if (process.env.BAD_INPUT_RECORD) console.log(`[case] ${c.name} -> ${got.status} ${got.code} ${got.message?.slice(0, 300)}`);
    expect(got.code, shown).toBe(c.expect.code);
    if (c.expect.status) expect(got.status, shown).toBe(c.expect.status);
    expect(got.status, shown).toBeLessThan(500);
    // One sentence: no line breaks, no stack frames, no internals.
    expect(got.message, shown).toBeTruthy();
    expect(got.message!, shown).not.toMatch(/\n|\bat [\w.<>]+ \(|node_modules|prisma|Invalid `|TypeError|ReferenceError/i);
    expect(got.message!.length, shown).toBeLessThanOrEqual(400);
    expect(got.message!.toLowerCase(), shown).toContain(c.expect.message.toLowerCase());
    expect(await rowCounts(api.db)).toEqual(before);
  });
});
