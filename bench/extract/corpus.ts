// Extractor on a real corpus: streams a .jsonl(.gz) of articles ({title, text, source, url, date, id}), extracts
// each as an ingest would (outlet = source, url, publishedAt when the date parses), and prints the figures a
// researcher would sanity-check: errors (must be 0), speed, claims and actors per article, chain depth, modality
// mix (per outlet lean: the article's own `lean`/`bias` field, or --labels <csv>), and the share of actors that look like fragments.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { MODALITIES, type ExtractionResult } from '@claimgraph/shared';
import { extract, EXTRACTOR_VERSION } from '../../packages/extract/src/index.js';
import { parseCsv } from '../../packages/ingest/src/sources/csv.js';

export interface Article {
  title?: unknown;
  text?: unknown;
  source?: unknown;
  url?: unknown;
  date?: unknown;
  id?: unknown;
  lean?: unknown;
  bias?: unknown;
}

/** outlet → lean, from a label CSV (outlet,scheme,value,…,note); an outlet with two labels takes the one most of its articles carry. */
export function readLabels(path: string): Map<string, string> {
  const best = new Map<string, { value: string; n: number }>();
  for (const { cells } of parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')).slice(1)) {
    const [outlet, , value, , , , note] = cells;
    if (!outlet || !value) continue;
    const n = Number(/(\d+) of \d+/.exec(note ?? '')?.[1] ?? 1);
    if ((best.get(outlet)?.n ?? -1) < n) best.set(outlet, { value, n });
  }
  return new Map([...best].map(([k, v]) => [k, v.value]));
}

const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'is',
  'of',
  'on',
  'or',
  'over',
  'says',
  'said',
  'the',
  'to',
  'with',
  'after',
  'before',
  'are',
  'was',
  'will',
]);
const WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** A name whose words are all capitals and that has two or more words: a headline fragment ("TRUMP SAYS COHEN'S"), not an acronym. */
export const isAllCaps = (name: string) =>
  name.split(/\s+/).length >= 2 && /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
/** A capitalised function word after the first word ("Opposition To The"): headline casing carried into a name. */
export const isHeadlineCased = (name: string) =>
  name
    .split(/\s+/)
    .slice(1)
    .some((w) => /^\p{Lu}\p{Ll}*$/u.test(w) && FUNCTION_WORDS.has(w.toLowerCase()));

/** publishedAt for the extractor: the date when it is a real calendar day, else nothing. */
export function publishedAtOf(date: unknown): string | undefined {
  if (typeof date !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m[0] ? undefined : m[0];
}

/** The lines of a .jsonl or .jsonl.gz file. */
export async function* lines(path: string): AsyncGenerator<string> {
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  yield* createInterface({ input, crlfDelay: Infinity });
}

const share = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

export async function runCorpus(path: string, labelsPath: string | undefined, limit: number): Promise<string> {
  if (!existsSync(path)) throw new Error(`corpus not found: ${path}`);
  const labels = labelsPath ? readLabels(labelsPath) : null;
  const times: number[] = [];
  const failures: string[] = [];
  let articles = 0,
    claims = 0,
    chained = 0,
    actors = 0,
    oneWord = 0,
    allCaps = 0,
    headline = 0,
    weekday = 0,
    bytes = 0;
  const modality = new Map<string, number>();
  const byLean = new Map<string, Map<string, number>>();
  const articlesByLean = new Map<string, number>();
  const examples: { allCaps: string[]; headline: string[] } = { allCaps: [], headline: [] };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let lineNo = 0;
  let hasLean = false;
  for await (const line of lines(path)) {
    lineNo++;
    if (!line.trim()) continue;
    if (limit && articles + failures.length >= limit) break;
    let a: Article;
    try {
      a = JSON.parse(line) as Article;
    } catch {
      failures.push(`line ${lineNo}: not JSON`);
      continue;
    }
    const id = String(a.id ?? `line ${lineNo}`);
    const publishedAt = publishedAtOf(a.date);
    const source = typeof a.source === 'string' ? a.source : undefined;
    let r: ExtractionResult;
    const u0 = process.cpuUsage();
    try {
      r = extract({
        text: String(a.text ?? ''),
        ...(source ? { outlet: source } : {}),
        ...(typeof a.url === 'string' ? { url: a.url } : {}),
        ...(publishedAt ? { publishedAt } : {}),
      });
    } catch (e) {
      failures.push(`${id}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const u = process.cpuUsage(u0);
    times.push((u.user + u.system) / 1000);
    articles++;
    bytes += String(a.text ?? '').length;
    claims += r.claims.length;
    // A lean on the article itself wins over the labels file.
    const own = typeof a.lean === 'string' ? a.lean : typeof a.bias === 'string' ? a.bias : undefined;
    const lean = own || (source && labels?.get(source)) || 'unlabelled';
    if (own) hasLean = true;
    articlesByLean.set(lean, (articlesByLean.get(lean) ?? 0) + 1);
    const mix = byLean.get(lean) ?? new Map<string, number>();
    byLean.set(lean, mix);
    for (const c of r.claims) {
      if (c.attribution.length >= 2) chained++;
      modality.set(c.modality, (modality.get(c.modality) ?? 0) + 1);
      mix.set(c.modality, (mix.get(c.modality) ?? 0) + 1);
    }
    actors += r.actors.length;
    for (const x of r.actors) {
      const name = x.canonicalName.trim();
      if (!/\s/.test(name)) oneWord++;
      if (isAllCaps(name)) {
        allCaps++;
        if (examples.allCaps.length < 8) examples.allCaps.push(name);
      }
      if (isHeadlineCased(name)) {
        headline++;
        if (examples.headline.length < 8) examples.headline.push(name);
      }
      if (WEEKDAY.test(name)) weekday++;
    }
  }
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  times.sort((x, y) => x - y);
  const q = (p: number) =>
    times.length ? (times[Math.min(times.length - 1, Math.floor(p * times.length))] as number) : 0;
  const modalityRow = (m: Map<string, number>) => {
    const total = [...m.values()].reduce((s, n) => s + n, 0);
    return MODALITIES.map((k) => share(m.get(k) ?? 0, total).padStart(7)).join(' | ');
  };
  const out = [
    `corpus ${path} (extractor ${EXTRACTOR_VERSION}): ${articles} articles extracted, ${failures.length} errors, ${(bytes / Math.max(1, articles) / 1024).toFixed(1)} KB per article on average`,
    ...failures.slice(0, 50).map((f) => `  error: ${f}`),
    '',
    '| figure | value |',
    '|---|---|',
    `| articles per CPU-second (1 core) | ${(articles / cpu).toFixed(0)} (wall clock ${(articles / wall).toFixed(0)}/s) |`,
    `| p50 / p99 CPU ms per article | ${q(0.5).toFixed(2)} / ${q(0.99).toFixed(2)} |`,
    `| claims per article | ${(claims / Math.max(1, articles)).toFixed(1)} |`,
    `| claims with a chain of ≥ 2 hops | ${share(chained, claims)} |`,
    `| actors per article | ${(actors / Math.max(1, articles)).toFixed(1)} |`,
    `| one-word actors | ${share(oneWord, actors)} |`,
    `| ALL-CAPS actors (≥ 2 words) | ${share(allCaps, actors)}${examples.allCaps.length ? ` (e.g. ${examples.allCaps.join('; ')})` : ''} |`,
    `| headline-cased actors (capitalised function word) | ${share(headline, actors)}${examples.headline.length ? ` (e.g. ${examples.headline.join('; ')})` : ''} |`,
    `| actors ending in a weekday | ${share(weekday, actors)} |`,
    '',
    `Claims per article and modality mix (share of claims)${labels || hasLean ? ` per outlet lean (${hasLean ? "the articles' own label" : 'from the labels file'})` : ''}:`,
    '',
    `| outlets | articles | claims per article | ${MODALITIES.map((m) => m.toLowerCase()).join(' | ')} |`,
    `|---|---|---|${MODALITIES.map(() => '---').join('|')}|`,
    `| all | ${articles} | ${(claims / Math.max(1, articles)).toFixed(1)} | ${modalityRow(modality)} |`,
    ...(labels || hasLean
      ? [...byLean]
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([lean, m]) => {
            const n = articlesByLean.get(lean) ?? 0;
            return `| ${lean} | ${n} | ${([...m.values()].reduce((s, k) => s + k, 0) / Math.max(1, n)).toFixed(1)} | ${modalityRow(m)} |`;
          })
      : []),
  ];
  if (failures.length) process.exitCode = 1;
  return out.join('\n');
}
