// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts).
import type { Event, EventActor, EventMention } from '@claimgraph/db';
import type { listEvents } from './service.js';

export type EventMapper = Event;
export type EventParticipantMapper = EventActor;
export type EventMentionMapper = EventMention;
/** A page whose totalCount is counted only when asked for. */
export type EventConnectionMapper = Awaited<ReturnType<typeof listEvents>>;
