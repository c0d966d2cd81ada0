// What the corpus scripts (chain-audit, modality-audit, corpus-links) share: their options and the corpus file.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const args = process.argv.slice(2);

/** Whether the flag was given. */
export const flag = (name: string) => args.includes(name);

/** The value after `name`, or `dflt`. */
export const opt = (name: string, dflt: string) => (flag(name) ? (args[args.indexOf(name) + 1] as string) : dflt);

/** The first argument that is neither an option nor an option's value: the corpus file. */
export const corpusFile = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));

/** The lines of a gzipped JSONL corpus, parsed (the first `limit` when given). */
export function readCorpus<T>(file: string, limit = 0): T[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  return (limit ? lines.slice(0, limit) : lines).map((l) => JSON.parse(l) as T);
}
