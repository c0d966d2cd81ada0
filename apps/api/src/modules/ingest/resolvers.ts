import type { Resolvers } from '../../__generated__/resolvers.js';
import { articlesLinking, enqueueArticles, ingestArticle, ingestJobs, previewArticle } from './service.js';

export const resolvers: Resolvers = {
  Query: {
    previewArticle: (_, a, ctx) => previewArticle(ctx, a.input),
    ingestJobs: (_, a, ctx) => ingestJobs(ctx, a.ids),
    articlesLinking: (_, __, ctx) => articlesLinking(ctx),
  },
  Mutation: {
    ingestArticle: (_, a, ctx) => ingestArticle(ctx, a.input),
    enqueueArticles: (_, a, ctx) => enqueueArticles(ctx, a.inputs),
  },
  ExtractionPreview: {
    duplicateOf: (p, _, ctx) => (p.duplicateOfId !== null ? ctx.loaders.article.load(p.duplicateOfId) : null),
  },
  IngestJob: {
    article: (j, _, ctx) => (j.articleId !== null ? ctx.loaders.article.load(j.articleId) : null),
  },
  ExtractionSummary: {
    claims: (e, _, ctx) => ctx.loaders.claimsByArticle.load(e.articleId),
  },
};
