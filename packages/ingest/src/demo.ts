// The demo corpus (`claimgraph demo`): about 1,000 real articles of outlets AllSides rates left, center and right,
// shipped in corpus/demo/ (see its README), ingested through the normal path like any other article.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PrismaClient } from '@claimgraph/db';
import { REPO_ROOT } from './paths.js';
import { ingestArticle, type IngestOptions, type IngestResult } from './service/ingest.js';
import { importRegistry } from './sources/registry.js';
import type { ArticleInput } from './validation.js';

export const DEMO_FILE = path.join(REPO_ROOT, 'corpus', 'demo', 'articles-1000.jsonl.gz');

/** The demo articles as ingest inputs, in file order. */
export function readDemoCorpus(file = DEMO_FILE): ArticleInput[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const o = JSON.parse(line) as ArticleInput;
      return {
        text: o.text,
        source: o.source,
        url: o.url,
        language: o.language,
        ...(o.publishedAt ? { publishedAt: o.publishedAt } : {}),
      };
    });
}

export interface DemoResult {
  total: number;
  ingested: number;
  /** Already in the workspace (an earlier run): not loaded twice. */
  duplicates: number;
  failed: { url: string | undefined; reason: string }[];
}

/**
 * Imports the outlet registry (with its lean ratings), then ingests the demo articles one by one into the
 * workspace. Idempotent: a second run finds every article a duplicate before extracting it.
 */
export async function loadDemoCorpus(
  db: PrismaClient,
  options: Pick<IngestOptions, 'workspaceId' | 'userId' | 'retryMs' | 'onRetry'> & {
    /** The first `limit` articles only (tests). */
    limit?: number;
    onArticle?: (input: ArticleInput, result: IngestResult) => void;
  },
): Promise<DemoResult> {
  const { limit, onArticle, ...ingestOptions } = options;
  const inputs = readDemoCorpus().slice(0, limit);
  const result: DemoResult = { total: inputs.length, ingested: 0, duplicates: 0, failed: [] };
  await importRegistry(db);
  for (const input of inputs) {
    const r = await ingestArticle(db, input, ingestOptions);
    if (r.status === 'ingested') result.ingested++;
    else if (r.status === 'duplicate') result.duplicates++;
    else result.failed.push({ url: input.url, reason: `${r.error.code}: ${r.error.message}` });
    onArticle?.(input, r);
  }
  return result;
}

/** Articles of the workspace by the AllSides lean of their outlet ("unrated": outlets without one). */
export async function articlesByLean(db: PrismaClient, workspaceId: number): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ lean: string; n: number }[]>`
    SELECT lean, count(*)::int AS n FROM (
      SELECT coalesce((SELECT string_agg(DISTINCT bl.value, '/' ORDER BY bl.value) FROM "BiasLabel" bl
                        WHERE bl."sourceId" = a."sourceId" AND bl.scheme = 'lean' AND bl.rater = 'AllSides' AND bl."retiredAt" IS NULL
                          AND (bl."workspaceId" IS NULL OR bl."workspaceId" = ${workspaceId})), 'unrated') AS lean
        FROM "Article" a WHERE a."workspaceId" = ${workspaceId}) per_article
     GROUP BY lean ORDER BY lean`;
  return Object.fromEntries(rows.map((r) => [r.lean, r.n]));
}
