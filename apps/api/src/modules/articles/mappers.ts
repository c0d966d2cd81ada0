// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts).
import type { Article } from '@claimgraph/db';
import type { listArticles } from './service.js';

export type ArticleMapper = Article;
/** A page whose totalCount is counted only when asked for. */
export type ArticleConnectionMapper = Awaited<ReturnType<typeof listArticles>>;
