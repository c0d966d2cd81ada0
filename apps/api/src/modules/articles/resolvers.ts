import type { Resolvers } from '../../__generated__/resolvers.js';
import { fromGlobalId } from '../../ids.js';
import { nodeFields } from '../node-fields.js';
import { getSource } from '../sources/service.js';
import { getArticle, listArticles } from './service.js';

export const resolvers: Resolvers = {
  Query: {
    article: (_, a, ctx) => getArticle(ctx, fromGlobalId(a.id, 'Article').id),
    articles: (_, a, ctx) => listArticles(ctx, a.filter, a),
  },
  Article: {
    ...nodeFields('Article'),
    source: (a, _, ctx) => getSource(ctx, a.sourceId),
  },
};
