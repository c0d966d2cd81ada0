import type { Context } from '../../context.js';
import type { IngestPortResult } from './port.js';
import { enqueueArticles, ingestArticle } from './service.js';

export const resolvers = {
  Mutation: {
    ingestArticle: (_: unknown, a: { input: unknown }, ctx: Context) => ingestArticle(ctx, a.input),
    enqueueArticles: (_: unknown, a: { inputs: unknown }, ctx: Context) => enqueueArticles(ctx, a.inputs),
  },
  IngestArticleResult: {
    extraction: (r: IngestPortResult) => ({ ...r.extraction, articleId: r.article.id }),
  },
  ExtractionSummary: {
    claims: (e: { articleId: number }, _: unknown, ctx: Context) => ctx.loaders.claimsByArticle.load(e.articleId),
  },
};
