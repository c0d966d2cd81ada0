// A corpus file of real articles: one JSON object a line (text, source, url, date), optionally gzipped.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ArticleInput } from '@claimgraph/ingest';

/** The articles of `file`, the first `limit` when not 0. */
export async function readCorpus(file: string, limit: number): Promise<ArticleInput[]> {
  const raw = await readFile(path.resolve(file));
  const lines = (file.endsWith('.gz') ? gunzipSync(raw) : raw)
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim());
  return (limit ? lines.slice(0, limit) : lines).map((l) => {
    const a = JSON.parse(l) as { text: string; source?: string; url?: string; date?: string };
    return {
      text: a.text,
      ...(a.source ? { source: a.source } : {}),
      ...(a.url ? { url: a.url } : {}),
      ...(a.date ? { publishedAt: a.date } : {}),
    };
  });
}
