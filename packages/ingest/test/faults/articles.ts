// Distinct articles for load: the seed articles, each with a numbered paragraph of its own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR } from '../../src/paths.js';

const SEEDS = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
const OUTLETS = ['CGTN', 'American Military News', 'The Times of Israel', 'StreamNews', 'Press TV'];

export function loadArticles(n: number, tag: string): { text: string; source: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    text: `${SEEDS[i % SEEDS.length]}\n\nUpdate ${tag}-${i}: officials in Baghdad said on Friday that ${i + 2} more people were questioned, Reuters reported.`,
    source: OUTLETS[i % OUTLETS.length]!,
  }));
}
