import type { Article } from '@claimgraph/db';
import type { Context } from '../../context.js';
import { fromGlobalId } from '../../ids.js';
import type { PageArgs } from '../../pagination.js';
import { nodeFields } from '../node-fields.js';
import { getSource } from '../sources/service.js';
import { getArticle, listArticles, type ArticleFilter } from './service.js';

export const resolvers = {
  Query: {
    article: (_: unknown, a: { id: string }, ctx: Context) => getArticle(ctx, fromGlobalId(a.id, 'Article').id),
    articles: (_: unknown, a: PageArgs & { filter?: ArticleFilter }, ctx: Context) => listArticles(ctx, a.filter, a),
  },
  Article: {
    ...nodeFields('Article'),
    source: (a: Article, _: unknown, ctx: Context) => getSource(ctx, a.sourceId),
  },
};
