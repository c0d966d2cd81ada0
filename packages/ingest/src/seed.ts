// First start: the sample corpus, through the same path as every other article.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@claimgraph/db';
import { z } from 'zod';
import { SEEDS_DIR } from './paths.js';
import { ingestArticle, type IngestResult } from './service/ingest.js';
import { importRegistry } from './sources/registry.js';

const ManifestModel = z.object({
  articles: z.array(
    z.object({
      file: z.string(),
      source: z.string().optional(),
      domain: z.string().optional(),
      url: z.string().optional(),
      publishedAt: z.string().optional(),
      language: z.string().optional(),
    }),
  ),
});

export interface SeedResult {
  seeded: boolean;
  /** One compact line per seed file (no extraction payload: `npm start` logs this). */
  results: {
    file: string;
    status: IngestResult['status'];
    articleId?: number;
    claims?: number;
    relations?: number;
    error?: string;
  }[];
}

/**
 * On a workspace without articles, imports the outlet registry and ingests the five seed articles of
 * `corpus/seeds/` with their manifest metadata. Does nothing on a workspace that has articles.
 */
export async function seedSampleCorpus(
  db: PrismaClient,
  options: { workspaceId: number; userId?: number; dir?: string; force?: boolean },
): Promise<SeedResult> {
  const dir = options.dir ?? SEEDS_DIR;
  if (!options.force && (await db.article.count({ where: { workspaceId: options.workspaceId } })) > 0)
    return { seeded: false, results: [] };
  await importRegistry(db);
  const manifest = ManifestModel.parse(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')));
  const results: SeedResult['results'] = [];
  for (const m of manifest.articles) {
    const text = await readFile(path.join(dir, m.file), 'utf8');
    const result = await ingestArticle(
      db,
      {
        text,
        ...(m.source ? { source: m.source } : {}),
        ...(m.url ? { url: m.url } : {}),
        ...(m.publishedAt ? { publishedAt: m.publishedAt } : {}),
        ...(m.language ? { language: m.language } : {}),
      },
      { workspaceId: options.workspaceId, ...(options.userId ? { userId: options.userId } : {}) },
    );
    results.push({
      file: m.file,
      status: result.status,
      ...(result.status === 'failed'
        ? { error: `${result.error.code}: ${result.error.message}` }
        : { articleId: result.articleId }),
      ...(result.status === 'ingested' ? { claims: result.counts.claims, relations: result.counts.relations } : {}),
    });
  }
  return { seeded: true, results };
}
