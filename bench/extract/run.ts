// Extractor benchmark: articles/s and p50/p99 ms per article on one core, seed-sized and 10× longer
// articles, peak memory. Writes the "## Extractor" section of docs/benchmarks.md (use --no-write to skip).
// Run: npm run bench -w @claimgraph/extract   (or: npx tsx bench/extract/run.ts [--n 1000])
// Real corpus: npm run bench -w @claimgraph/extract -- --corpus <articles.jsonl[.gz]> [--labels <csv>] [--limit N] [--write]
//   (corpus.ts; prints errors, speed and the figures of the extraction; --write puts them in docs/benchmarks.md).
// Same output as another checkout: npx tsx bench/extract/run.ts --same-as <checkout dir> [--corpus <jsonl[.gz]>] [--limit N]
//   (same.ts: seeds, fixtures, gold texts and N articles of each corpus, full JSON compared; exit 1 when any differs).
// Against another checkout: npx tsx bench/extract/run.ts --baseline <checkout dir> [--n N]  (e.g. a `git worktree` of the
//   commit to compare with, node_modules linked in): both extractors run in alternating rounds in this one process and
//   the ratio of their CPU throughput is printed (nothing is written). With --corpus <jsonl[.gz]> [--limit N] [--rounds R]
//   the rounds extract the first N (300) corpus articles instead of the seeds, every article once per round.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractInput } from '@claimgraph/shared';
import { extract, EXTRACTOR_VERSION } from '../../packages/extract/src/index.js';
import { runCorpus } from './corpus.js';
import { corpusCases, sameAs } from './same.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const argOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const corpus = argOf('--corpus');
const sameAsDir = argOf('--same-as');
if (sameAsDir) {
  // Every --corpus given, relative to where npm was called.
  const corpora = args.flatMap((a, i) =>
    a === '--corpus' && args[i + 1] ? [resolve(process.env.INIT_CWD ?? process.cwd(), args[i + 1] as string)] : [],
  );
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), sameAsDir);
  process.exit((await sameAs(root, dir, corpora, Number(argOf('--limit')) || 500)) ? 1 : 0);
}
if (corpus && !argOf('--baseline')) {
  // npm runs workspace scripts in the package folder: paths are taken relative to where npm was called.
  const from = (p: string) => resolve(process.env.INIT_CWD ?? process.cwd(), p);
  try {
    const report = await runCorpus(
      from(corpus),
      argOf('--labels') ? from(argOf('--labels') as string) : undefined,
      Number(argOf('--limit')) || 0,
    );
    console.log(report);
    if (args.includes('--write'))
      writeSection(
        '## Extractor on real articles',
        `## Extractor on real articles\n\n\`npm run bench -w @claimgraph/extract -- --corpus ${corpus}${argOf('--labels') ? ` --labels ${argOf('--labels')}` : ''}\` (\`bench/extract/corpus.ts\`), measured ${new Date().toISOString().slice(0, 10)} on the shared ${cpus().length}-core box.\n\n${report}\n`,
      );
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  }
  process.exit();
}
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    'usage: npx tsx bench/extract/run.ts [--n N] [--no-write] | --baseline <checkout dir> [--n N | --corpus <jsonl[.gz]> [--limit N] [--rounds R]] | --same-as <checkout dir> [--corpus <jsonl[.gz]>]... [--limit N] | --corpus <jsonl[.gz]> [--labels <csv>] [--limit N] [--write]',
  );
  process.exit();
}
const n = Number(args[args.indexOf('--n') + 1]) || 1000;
const write = !args.includes('--no-write') && !argOf('--baseline');

const BENCH = { outlet: 'Bench', publishedAt: '2020-01-13' };
const seedDir = join(root, 'corpus/seeds');
const fxDir = join(root, 'packages/extract/test/fixtures/texts');
const docs = [
  ...readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ text: readFileSync(join(seedDir, f), 'utf8'), format: 'text' as const, ...BENCH })),
  ...readdirSync(fxDir).map((f) => ({
    text: readFileSync(join(fxDir, f), 'utf8'),
    format: f.endsWith('.html') ? ('html' as const) : ('text' as const),
    ...BENCH,
  })),
];
// 10× longer: ten different articles glued together (different order per doc).
const long = docs.map((_, i) => ({
  text: Array.from({ length: 10 }, (_, k) =>
    (docs[(i + k * 3) % docs.length] as { text: string }).text.replace(/<[^>]{0,200}>/g, ' '),
  ).join('\n\n'),
  format: 'text' as const,
  ...BENCH,
}));

let peakRss = 0;
// CPU time per article (process.cpuUsage) is the "one core" figure: on a shared, loaded machine wall
// time mostly measures the other processes. Wall-clock throughput is reported next to it.
type Extract = typeof extract;
function run(set: ExtractInput[], count: number, fn: Extract = extract) {
  const times: number[] = [];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const d = set[i % set.length] as ExtractInput;
    const a = process.cpuUsage();
    fn(d);
    const u = process.cpuUsage(a);
    times.push((u.user + u.system) / 1000);
    if (i % 25 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  times.sort((x, y) => x - y);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
  const chars = set.reduce((s, d) => s + d.text.length, 0) / set.length;
  return { count, perSec: count / cpu, wallPerSec: count / wall, p50: q(0.5), p99: q(0.99), avgKb: chars / 1024 };
}

const baseline = argOf('--baseline');
if (baseline) {
  const other = (await import(
    resolve(process.env.INIT_CWD ?? process.cwd(), baseline, 'packages/extract/src/index.ts')
  )) as { extract: Extract; EXTRACTOR_VERSION: string };
  const set = corpus
    ? (await corpusCases(resolve(process.env.INIT_CWD ?? process.cwd(), corpus), Number(argOf('--limit')) || 300)).map(
        (c) => c.input,
      )
    : docs;
  run(set, 100);
  run(set, 100, other.extract);
  // Alternating rounds: the load of the shared machine changes over the run and should hit both sides alike.
  const rounds = Number(argOf('--rounds')) || (corpus ? 4 : 10);
  const sum = { head: [0, 0], base: [0, 0] };
  const load0 = loadavg()[0] ?? 0;
  for (let i = 0; i < rounds; i++) {
    const per = corpus ? set.length : Math.max(10, Math.round(n / rounds));
    for (const [side, fn] of (i % 2
      ? [
          ['base', other.extract],
          ['head', extract],
        ]
      : [
          ['head', extract],
          ['base', other.extract],
        ]) as [keyof typeof sum, Extract][]) {
      const r = run(set, per, fn);
      sum[side][0] += r.count;
      sum[side][1] += r.count / r.perSec;
    }
  }
  const head = sum.head[0] / sum.head[1];
  const base = sum.base[0] / sum.base[1];
  const what = corpus ? `${corpus} articles (first ${set.length})` : 'seed-sized articles';
  console.log(
    `${what} per CPU-second: this checkout (${EXTRACTOR_VERSION}) ${head.toFixed(0)} (${(1000 / head).toFixed(2)} CPU ms each), baseline ${baseline} (${other.EXTRACTOR_VERSION}) ${base.toFixed(0)} (${(1000 / base).toFixed(2)} ms); ratio ${(head / base).toFixed(3)} (${rounds} alternating rounds, n=${sum.head[0]} each, load average ${load0.toFixed(1)} -> ${(loadavg()[0] ?? 0).toFixed(1)})`,
  );
  process.exit();
}
run(docs, 100); // warm-up (JIT)
const load0 = loadavg()[0] ?? 0;
const small = run(docs, n);
const big = run(long, Math.max(20, Math.round(n / 10)));
const load1 = loadavg()[0] ?? 0;
const rows = [
  ['seed-sized', small],
  ['10× longer', big],
] as const;
const table = [
  '| articles | avg size | n | articles per CPU-second (1 core) | p50 CPU ms | p99 CPU ms | articles/s wall clock |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    ([name, r]) =>
      `| ${name} | ${r.avgKb.toFixed(1)} KB | ${r.count} | ${r.perSec.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.wallPerSec.toFixed(0)} |`,
  ),
].join('\n');
const date = new Date().toISOString().slice(0, 10);
const section = `## Extractor

\`npm run bench -w @claimgraph/extract\` (\`bench/extract/run.ts\`; extractor ${EXTRACTOR_VERSION}, TypeScript source run through tsx,
one process = one core; the 5 seeds + 5 own fixtures, cycled, after 100 warm-up runs; "10× longer" = ten of them glued together).
Measured ${date} on the shared ${cpus().length}-core box, load average ${load0.toFixed(1)} → ${load1.toFixed(1)} while other sessions worked,
so figures (CPU time too: shared caches and frequency) are below what an idle core gives.

${table}

Peak RSS during the run: ${(peakRss / 1024 / 1024).toFixed(0)} MB. Time is linear in size: \`test/robustness.test.ts\` checks that a
4 MB article takes < 10× a 1 MB one (linear = 4×) and fuzzes random repetitive input for superlinear growth.
`;
console.log(section);
if (write) writeSection('## Extractor', section);

/** Replaces (or appends) one "## " section of docs/benchmarks.md; its "### " subsections (dated runs) are kept. */
function writeSection(heading: string, text: string) {
  const path = join(root, 'docs/benchmarks.md');
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf(`\n${heading}\n`);
  let out: string;
  if (start < 0) out = `${doc.trimEnd()}\n\n${text}`;
  else {
    const next = doc.indexOf('\n## ', start + heading.length);
    const old = doc.slice(start + 1, next < 0 ? doc.length : next);
    const sub = old.indexOf('\n### ');
    out = doc.slice(0, start + 1) + text + (sub < 0 ? '' : old.slice(sub)) + (next < 0 ? '' : doc.slice(next));
  }
  writeFileSync(path, out);
}
