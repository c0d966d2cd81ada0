// Same-output check: extracts the seeds, the own fixtures, every gold text and the first N articles of each corpus
// with this checkout's extractor and with another checkout's (a `git worktree` of the commit to compare with, its
// node_modules linked), and compares the full JSON results. A speed change must print "0 differ".
// Run: npx tsx bench/extract/run.ts --same-as <checkout dir> [--corpus <jsonl[.gz]>]... [--limit N]
//   (the demo corpus of this repository is always read; --limit N articles of each corpus, default 500).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExtractInput } from '@claimgraph/shared';
import { extract } from '../../packages/extract/src/index.js';
import { lines, publishedAtOf, type Article } from './corpus.js';

type Extract = typeof extract;
interface Case {
  name: string;
  input: ExtractInput;
}

/** Every .txt/.html file of a folder, as an extractor input. */
function folder(dir: string, label: string): Case[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.html'))
    .sort()
    .map((f) => ({
      name: `${label}/${f}`,
      input: {
        text: readFileSync(join(dir, f), 'utf8'),
        format: f.endsWith('.html') ? 'html' : 'text',
        outlet: 'Bench',
        publishedAt: '2020-01-13',
      },
    }));
}

/** The first `limit` articles of a corpus, as an ingest would extract them. */
export async function corpusCases(path: string, limit: number): Promise<Case[]> {
  const out: Case[] = [];
  for await (const line of lines(path)) {
    if (out.length >= limit) break;
    if (!line.trim()) continue;
    const a = JSON.parse(line) as Article;
    const publishedAt = publishedAtOf(a.date);
    out.push({
      name: `${path.split('/').pop()}#${String(a.id ?? out.length)}`,
      input: {
        text: String(a.text ?? ''),
        ...(typeof a.source === 'string' ? { outlet: a.source } : {}),
        ...(typeof a.url === 'string' ? { url: a.url } : {}),
        ...(publishedAt ? { publishedAt } : {}),
      },
    });
  }
  return out;
}

/** The result as JSON, or the typed error's code and message: an error must be the same error. */
function outputOf(fn: Extract, input: ExtractInput): string {
  try {
    return JSON.stringify(fn(input));
  } catch (e) {
    return `error: ${e instanceof Error ? `${(e as { code?: string }).code ?? ''} ${e.message}` : String(e)}`;
  }
}

/** Where two JSON texts first differ, with some context. */
function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `at char ${i}:\n    this:     …${a.slice(from, i + 80)}…\n    baseline: …${b.slice(from, i + 80)}…`;
}

export async function sameAs(root: string, otherDir: string, corpora: string[], limit: number): Promise<number> {
  const other = (await import(resolve(otherDir, 'packages/extract/src/index.ts'))) as { extract: Extract };
  const pkg = join(root, 'packages/extract');
  const cases = [
    ...folder(join(root, 'corpus/seeds'), 'seeds'),
    ...folder(join(pkg, 'test/fixtures/texts'), 'fixtures'),
    ...folder(join(pkg, 'eval/allsides-gold'), 'allsides-gold'),
    ...folder(join(pkg, 'eval/intl-gold'), 'intl-gold'),
  ];
  for (const c of [join(root, 'corpus/demo/articles-1000.jsonl.gz'), ...corpora])
    if (existsSync(c)) cases.push(...(await corpusCases(c, limit)));
  let differ = 0;
  for (const c of cases) {
    const mine = outputOf(extract, c.input);
    const theirs = outputOf(other.extract, c.input);
    if (mine === theirs) continue;
    differ++;
    if (differ <= 10) console.log(`DIFFERS ${c.name} ${firstDiff(mine, theirs)}`);
  }
  console.log(`${cases.length} inputs extracted by this checkout and by ${otherDir}: ${differ} differ`);
  return differ;
}
