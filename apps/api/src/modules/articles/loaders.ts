import { Prisma, type Article } from '@claimgraph/db';
import DataLoader from 'dataloader';
import { byKey } from '../../loader-utils.js';
import type { DirectDb } from '../../sql-list.js';

/** Every column of the Article model (its search vector aside), as Prisma's rows have them. */
export const ARTICLE_ROW = Prisma.raw(`"id", "workspaceId", "sourceId", "url", "canonicalUrl", "title", "publishedAt",
  "publishedPrecision", "language", "body", "removedLines", "contentHash", "extractorVersion", "warnings", "ingestedAt",
  "linkedAt", "originId", "minhash", "shingleCount", "storyTerms"`);

/** Through the direct pool, as the claim loaders (the claim page reads two articles for their evidence). */
export function createArticleLoaders(direct: DirectDb, workspaceId: number) {
  return {
    article: new DataLoader<number, Article | null>(async (ids) =>
      byKey(
        ids,
        await direct.rows<Article>(
          Prisma.sql`SELECT ${ARTICLE_ROW} FROM "Article" WHERE id = ANY(${[...ids]}::int[]) AND "workspaceId" = ${workspaceId}`,
        ),
        (a) => a.id,
      ),
    ),
  };
}
