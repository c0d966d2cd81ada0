import type { Event, EventActor, EventMention } from '@claimgraph/db';
import type { Context } from '../../context.js';
import { fromGlobalId } from '../../ids.js';
import type { PageArgs } from '../../pagination.js';
import { getActor } from '../actors/service.js';
import { getArticle } from '../articles/service.js';
import { nodeFields } from '../node-fields.js';
import { getEvent, listEvents, type EventFilter } from './service.js';

export const resolvers = {
  Query: {
    event: (_: unknown, a: { id: string }, ctx: Context) => getEvent(ctx, fromGlobalId(a.id, 'Event').id),
    events: (_: unknown, a: PageArgs & { filter?: EventFilter }, ctx: Context) => listEvents(ctx, a.filter, a),
  },
  Event: {
    ...nodeFields('Event'),
    actors: (e: Event, _: unknown, ctx: Context) => ctx.loaders.participantsByEvent.load(e.id),
    mentions: (e: Event, _: unknown, ctx: Context) => ctx.loaders.mentionsByEvent.load(e.id),
    claimCount: (e: Event, _: unknown, ctx: Context) => ctx.loaders.claimCountByEvent.load(e.id),
  },
  EventParticipant: {
    actor: (p: EventActor, _: unknown, ctx: Context) => getActor(ctx, p.actorId),
  },
  EventMention: {
    article: (m: EventMention, _: unknown, ctx: Context) => getArticle(ctx, m.articleId),
  },
};
