// A small corpus that links across articles: the seeds, then variants of them from other outlets (reordered, cut), a duplicate and an empty text.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleInput } from '../src/index.js';
import { SEEDS_DIR } from '../src/paths.js';

export async function buildCorpus(): Promise<ArticleInput[]> {
  const manifest = JSON.parse(await readFile(path.join(SEEDS_DIR, 'manifest.json'), 'utf8')) as {
    articles: { file: string; source?: string; publishedAt?: string }[];
  };
  const seeds: ArticleInput[] = [];
  for (const m of manifest.articles) {
    const text = await readFile(path.join(SEEDS_DIR, m.file), 'utf8');
    seeds.push({
      text,
      ...(m.source ? { source: m.source } : {}),
      ...(m.publishedAt ? { publishedAt: m.publishedAt } : {}),
    });
  }
  const outlets = ['Reuters', 'Al Jazeera', 'Brand New Outlet Gazette'];
  const variants = seeds.flatMap((s, i) => {
    const paragraphs = s.text.split(/\n\s*\n/);
    return [
      { text: [...paragraphs].reverse().join('\n\n'), source: outlets[i % 3]! },
      {
        text: paragraphs.slice(0, Math.ceil(paragraphs.length / 2)).join('\n\n'),
        source: outlets[(i + 1) % 3]!,
        publishedAt: '2020-01-14',
      },
    ];
  });
  return [...seeds, ...variants, { ...seeds[1]!, source: 'Reuters' }, { text: '   ' }];
}
