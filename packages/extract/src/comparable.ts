import { knownDay, type ComparableClaim, type ExtractionResult } from '@claimgraph/shared';

const dayOf = (d: { value: string | null; precision: string } | null | undefined) =>
  knownDay(d?.value, d?.precision ?? '');

/** Turns a stored extraction result into the comparison's input (ids are "<articleId>#<index>"). */
export function toComparable(result: ExtractionResult, articleId: string, outlet: string): ComparableClaim[] {
  const actors = new Map(result.actors.map((a) => [a.key, a.canonicalName]));
  const events = new Map(result.events.map((e) => [e.key, e]));
  const published = dayOf(result.published);
  return result.claims.map((claim, i) => {
    const ev = claim.eventKey ? events.get(claim.eventKey) : undefined;
    return {
      id: `${articleId}#${i}`,
      articleId,
      outlet,
      claim,
      actorNames: claim.actors.map((a) => actors.get(a.actorKey)).filter((x): x is string => !!x),
      event: ev ? { type: ev.type, date: dayOf(ev.date) } : null,
      published,
    };
  });
}
