// Claims for compare() tests: a text with the slots the extractor reads from it (or given ones).
import type { ClaimSlot, ComparableClaim, EventType } from '@claimgraph/shared';
import { extractSlots } from '../src/claims/slots.js';

export const slotsOf = (text: string) =>
  extractSlots(
    text,
    0,
    { actors: { roles: [], mentions: [], byKey: new Map() } as never, dates: [], chain: [], atVerbPos: -1 },
    { arrival: null },
    0,
  );

let n = 0;
export function claim(
  articleId: string,
  text: string,
  o: {
    actors?: string[];
    published?: string | null;
    event?: { type: EventType; date: string | null } | null;
    slots?: ClaimSlot[];
  } = {},
): ComparableClaim {
  return {
    id: `${articleId}#${n++}`,
    articleId,
    outlet: articleId,
    claim: {
      key: '',
      text,
      evidence: { start: 0, end: text.length },
      attribution: [],
      modality: 'REPORTED',
      actors: [],
      eventKey: null,
      slots: o.slots ?? slotsOf(text),
    },
    actorNames: o.actors ?? [],
    event: o.event ?? null,
    ...(o.published !== undefined ? { published: o.published } : {}),
  };
}
