import type { Context } from '../../context.js';
import type { ExtractionSummaryData, JobView } from './port.js';
import { enqueueArticles, ingestArticle, ingestJobs, previewArticle, type PreviewView } from './service.js';

export const resolvers = {
  Query: {
    previewArticle: (_: unknown, a: { input: unknown }, ctx: Context) => previewArticle(ctx, a.input),
    ingestJobs: (_: unknown, a: { ids: unknown }, ctx: Context) => ingestJobs(ctx, a.ids),
  },
  Mutation: {
    ingestArticle: (_: unknown, a: { input: unknown }, ctx: Context) => ingestArticle(ctx, a.input),
    enqueueArticles: (_: unknown, a: { inputs: unknown }, ctx: Context) => enqueueArticles(ctx, a.inputs),
  },
  ExtractionPreview: {
    duplicateOf: (p: PreviewView, _: unknown, ctx: Context) => (p.duplicateOfId !== null ? ctx.loaders.article.load(p.duplicateOfId) : null),
  },
  IngestJob: {
    article: (j: JobView, _: unknown, ctx: Context) => (j.articleId !== null ? ctx.loaders.article.load(j.articleId) : null),
  },
  ExtractionSummary: {
    claims: (e: ExtractionSummaryData, _: unknown, ctx: Context) => ctx.loaders.claimsByArticle.load(e.articleId),
  },
};
