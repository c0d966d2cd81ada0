// The ingest package's bad-input corpus, through the real `claimgraph` CLI (built dist) on a real PostgreSQL:
// article files (articles/, plus the large ones cases.json generates) in one `ingest` run, a few flag mistakes,
// and raters' label CSVs (labels/) each in its own `import-labels` run. Every case must be reported with its
// expected message on one line (no stack trace), and no table may gain or lose a row. Format: README.md here.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importLabelsCsv } from '../../src/sources/registry.js';
import { freshDb, rowCounts, type TestDb } from '../helpers.js';
import { CLI } from '../processes.js';

interface Generated {
  file: string;
  /** How the CLI names it when that is not `file` (a JSONL line: file:1). */
  label?: string;
  /** The file's text: `repeat` `times` times between `before` and `after`. */
  before?: string;
  repeat: string;
  times: number;
  after?: string;
  expect: string;
}
interface Cases {
  /** File under articles/ (as the CLI labels it, JSONL lines as file:line) → expected `CODE: message` piece. */
  articles: Record<string, string>;
  /** Large article files written at run time into the same folder. */
  generatedArticles: Generated[];
  /** A CLI run on articles/with-manifest/article.txt with these flags → expected piece of its report. */
  flags: { name: string; args: string[]; expect: string }[];
  /** File under labels/ → expected piece of `importLabelsCsv`'s one error (bad rows: run in-process, fast). */
  labels: Record<string, string>;
  generatedLabels: Generated[];
  /** File under labels/ → expected piece of `claimgraph import-labels`' report (bad files: run through the CLI). */
  labelFiles: Record<string, string>;
  generatedLabelFiles: Generated[];
}

const HERE = import.meta.dirname;
const cases = JSON.parse(await readFile(path.join(HERE, 'cases.json'), 'utf8')) as Cases;
const run = promisify(execFile);
let t: TestDb;
let dir: string;

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'warn' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const generate = (g: Generated, into: string) => writeFile(path.join(into, g.file), (g.before ?? '') + g.repeat.repeat(g.times) + (g.after ?? ''));

/** No stack frames, no internals, no multi-line dumps: one sentence a person can act on. */
function expectOneLine(message: string, context: string) {
  expect(message, context).not.toMatch(/\bat [\w.<>]+ \(|node_modules|Invalid `|prisma\.|TypeError|ReferenceError|\{\s*$/);
  expect(message.length, context).toBeLessThanOrEqual(400);
}

beforeAll(async () => {
  t = await freshDb();
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-bad-input-'));
  await cp(path.join(HERE, 'articles'), path.join(dir, 'articles'), { recursive: true });
  await cp(path.join(HERE, 'labels'), path.join(dir, 'labels'), { recursive: true });
  for (const g of cases.generatedArticles) await generate(g, path.join(dir, 'articles'));
  for (const g of [...cases.generatedLabels, ...cases.generatedLabelFiles]) await generate(g, path.join(dir, 'labels'));
  // The outlet registry is loaded by every CLI run; load it once first so the counts below compare like with like.
  await writeFile(path.join(dir, 'header-only.csv'), 'outlet,scheme,value,rater,url\n');
  expect((await cli(['import-labels', path.join(dir, 'header-only.csv')])).code).toBe(0);
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('bad article files: one `claimgraph ingest` of the whole folder', () => {
  let report: Map<string, string>;
  let before: Record<string, number>;
  let after: Record<string, number>;
  let code: number;
  beforeAll(async () => {
    before = await rowCounts(t.db);
    const r = await cli(['ingest', path.join(dir, 'articles')]);
    after = await rowCounts(t.db);
    code = r.code;
    // "  failed  <path>: <CODE>: <message>"
    report = new Map();
    for (const line of r.out.split('\n')) {
      const m = /^ {2}failed {2}(.+?): ([A-Z_]+: .*)$/.exec(line);
      if (m) report.set(path.relative(path.join(dir, 'articles'), m[1]!), m[2]!);
    }
    if (process.env.BAD_INPUT_RECORD) console.log(r.out);
  }, 300_000);

  test('nothing stored, exit 1, every file reported', () => {
    expect(after).toEqual(before);
    expect(code).toBe(1);
    const expected = Object.keys(cases.articles).length + cases.generatedArticles.length;
    expect(report.size).toBe(expected);
  });
  const all = [...Object.entries(cases.articles), ...cases.generatedArticles.map((g) => [g.label ?? g.file, g.expect] as const)];
  test.each(all)('%s', (label, want) => {
    const got = report.get(label);
    expect(got, `no failure reported for ${label}; reported: ${[...report.keys()].join(', ')}`).toBeDefined();
    expectOneLine(got!, label);
    expect(got!.toLowerCase()).toContain(want.toLowerCase());
  });
});

describe('bad flags', () => {
  test.each(cases.flags.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const before = await rowCounts(t.db);
    const r = await cli(['ingest', path.join(dir, 'articles', 'with-manifest', 'article.txt'), ...f.args]);
    if (process.env.BAD_INPUT_RECORD) console.log(f.name, r.out);
    expect(r.code, r.out).toBe(1);
    const line = r.out.split('\n').find((l) => l.toLowerCase().includes(f.expect.toLowerCase()));
    expect(line, r.out).toBeDefined();
    expectOneLine(line!, f.name);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});

describe('bad label rows: importLabelsCsv', () => {
  const all = [...Object.entries(cases.labels), ...cases.generatedLabels.map((g) => [g.file, g.expect] as const)];
  test.each(all)('%s', async (file, want) => {
    const before = await rowCounts(t.db);
    const r = await importLabelsCsv(t.db, await readFile(path.join(dir, 'labels', file), 'utf8'));
    const shown = JSON.stringify(r).slice(0, 2000);
    expect(r.added, shown).toBe(0);
    expect(r.errors.length, shown).toBeGreaterThan(0);
    const message = `line ${r.errors[0]!.line}: ${r.errors[0]!.message}`;
    expectOneLine(message, file);
    expect(message.toLowerCase(), shown).toContain(want.toLowerCase());
    expect(await rowCounts(t.db)).toEqual(before);
  });
});

describe('bad label files: `claimgraph import-labels`', () => {
  const all = [...Object.entries(cases.labelFiles), ...cases.generatedLabelFiles.map((g) => [g.file, g.expect] as const)];
  test.each(all)('%s', async (file, want) => {
    const before = await rowCounts(t.db);
    const r = await cli(['import-labels', path.join(dir, 'labels', file)]);
    if (process.env.BAD_INPUT_RECORD) console.log(file, r.out.slice(0, 1500));
    expect(r.code, r.out.slice(0, 2000)).toBe(1);
    expect(r.out.trim().split('\n').length, 'a short report, not one line per row of a large file').toBeLessThanOrEqual(25);
    const line = r.out.split('\n').find((l) => l.toLowerCase().includes(want.toLowerCase()));
    expect(line, r.out.slice(0, 2000)).toBeDefined();
    expectOneLine(line!, file);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
