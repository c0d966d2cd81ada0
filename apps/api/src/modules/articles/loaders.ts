import type { Article, PrismaClient } from '@claimgraph/db';
import DataLoader from 'dataloader';
import { byKey } from '../../loader-utils.js';

export function createArticleLoaders(db: PrismaClient, workspaceId: number) {
  return {
    article: new DataLoader<number, Article | null>(async (ids) =>
      byKey(ids, await db.article.findMany({ where: { id: { in: [...ids] }, workspaceId } }), (a) => a.id),
    ),
  };
}
