import type { Resolvers } from '../../__generated__/resolvers.js';
import { fromGlobalId, idsOf } from '../../ids.js';
import { getActor } from '../actors/service.js';
import { getArticle } from '../articles/service.js';
import { nodeFields } from '../node-fields.js';
import { mergeEvents, splitEvent } from './merges.js';
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
  Mutation: {
    mergeEvents: (_, a, ctx) => mergeEvents(ctx, fromGlobalId(a.into, 'Event').id, idsOf(a.eventIds, 'Event')),
    splitEvent: (_, a, ctx) =>
      splitEvent(ctx, fromGlobalId(a.id, 'Event').id, { ...a.input, claimIds: idsOf(a.input.claimIds, 'Claim') }),
  },
};
