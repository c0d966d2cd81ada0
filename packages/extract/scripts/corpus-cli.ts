// What the corpus scripts (the audits, corpus-links) share: their options, the corpus file, the gold articles to
// leave out of a sample and the seeded order a sample is drawn in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ExtractInput } from '@claimgraph/shared';

const args = process.argv.slice(2);

/** Whether the flag was given. */
export const flag = (name: string) => args.includes(name);

/** The value after `name`, or `dflt`. */
export const opt = (name: string, dflt: string) => (flag(name) ? (args[args.indexOf(name) + 1] as string) : dflt);

/** The first argument that is neither an option nor an option's value: the corpus file. */
export const corpusFile = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));

/** One line of the corpus (articles-4000.jsonl.gz): the dataset's id, the article and what an ingest knows of it. */
export interface CorpusRow {
  id: string;
  text: string;
  title?: string;
  source?: string;
  url?: string;
  date?: string | null;
}

/** The lines of a gzipped JSONL corpus, parsed (the first `limit` when given). */
export function readCorpus(file: string, limit = 0): CorpusRow[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  return (limit ? lines.slice(0, limit) : lines).map((l) => JSON.parse(l) as CorpusRow);
}

/** The addresses of the labelled allsides gold articles, which a sample of the corpus leaves out. */
export function goldUrls(): Set<string> {
  const goldDir = new URL('../eval/allsides-gold/', import.meta.url).pathname;
  return new Set(
    readdirSync(goldDir)
      .filter((f) => /^d\d\d_.*\.json$/.test(f))
      .map((f) => (JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as { url: string }).url),
  );
}

/**
 * The corpus ids of the articles that the sample files named by --leave-out (comma-separated) judged, read from each
 * file by `idsOf`: a fresh sample leaves them out.
 */
export function leftOutArticles(idsOf: (sample: unknown) => string[]): Set<string> {
  return new Set(
    opt('--leave-out', '')
      .split(',')
      .filter(Boolean)
      .flatMap((f) => idsOf(JSON.parse(readFileSync(f, 'utf8')))),
  );
}

/** A seeded generator of numbers in [0, 1) (mulberry32), so that the same seed redraws the same sample. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0..n-1 in the order a Fisher-Yates shuffle with `rand` gives. */
export function shuffledIndexes(n: number, rand: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** What the extractor is given for a corpus line: its text, outlet and ISO publication day (and address, when asked). */
export function articleInput(row: CorpusRow, { url = false, language = false } = {}): ExtractInput {
  const published = row.date && /^\d{4}-\d{2}-\d{2}/.test(row.date) ? row.date.slice(0, 10) : undefined;
  return {
    text: row.text,
    outlet: row.source ?? 'unknown',
    ...(url && row.url ? { url: row.url } : {}),
    ...(published ? { publishedAt: published } : {}),
    ...(language ? { language: 'en' } : {}),
  };
}
