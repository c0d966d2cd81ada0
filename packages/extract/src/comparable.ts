import type { ComparableClaim, ExtractionResult } from '@claimgraph/shared';

/** Turns a stored extraction result into the comparison's input (ids are "<articleId>#<index>"). */
export function toComparable(result: ExtractionResult, articleId: string, outlet: string): ComparableClaim[] {
  const actors = new Map(result.actors.map((a) => [a.key, a.canonicalName]));
  const events = new Map(result.events.map((e) => [e.key, e]));
  return result.claims.map((claim, i) => {
    const ev = claim.eventKey ? events.get(claim.eventKey) : undefined;
    const day = ev?.date.value && (ev.date.precision === 'DAY' || ev.date.precision === 'EXACT') ? ev.date.value.slice(0, 10) : null;
    return {
      id: `${articleId}#${i}`,
      articleId,
      outlet,
      claim,
      actorNames: claim.actors.map((a) => actors.get(a.actorKey)).filter((x): x is string => !!x),
      event: ev ? { type: ev.type, date: day } : null,
    };
  });
}
