import type { Context } from '../../context.js';
import type { ExtractionSummaryData } from './port.js';
import { enqueueArticles, ingestArticle } from './service.js';

export const resolvers = {
  Mutation: {
    ingestArticle: (_: unknown, a: { input: unknown }, ctx: Context) => ingestArticle(ctx, a.input),
    enqueueArticles: (_: unknown, a: { inputs: unknown }, ctx: Context) => enqueueArticles(ctx, a.inputs),
  },
  ExtractionSummary: {
    claims: (e: ExtractionSummaryData, _: unknown, ctx: Context) => ctx.loaders.claimsByArticle.load(e.articleId),
  },
};
