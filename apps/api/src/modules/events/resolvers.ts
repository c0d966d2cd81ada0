import type { Resolvers } from '../../__generated__/resolvers.js';
import { fromGlobalId } from '../../ids.js';
import { getActor } from '../actors/service.js';
import { getArticle } from '../articles/service.js';
import { nodeFields } from '../node-fields.js';
import { getEvent, listEvents } from './service.js';

export const resolvers: Resolvers = {
  Query: {
    event: (_, a, ctx) => getEvent(ctx, fromGlobalId(a.id, 'Event').id),
    events: (_, a, ctx) => listEvents(ctx, a.filter, a),
  },
  Event: {
    ...nodeFields('Event'),
    actors: (e, _, ctx) => ctx.loaders.participantsByEvent.load(e.id),
    mentions: (e, _, ctx) => ctx.loaders.mentionsByEvent.load(e.id),
    claimCount: (e, _, ctx) => ctx.loaders.claimCountByEvent.load(e.id),
  },
  EventParticipant: {
    actor: (p, _, ctx) => getActor(ctx, p.actorId),
  },
  EventMention: {
    article: (m, _, ctx) => getArticle(ctx, m.articleId),
  },
};
