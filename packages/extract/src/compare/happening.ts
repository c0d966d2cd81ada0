// Whether two claims can be about the same happening, from what a claim carries of time: its
// article's publication day and its event's type and day. A contradiction or a corroboration across
// articles published months apart is almost always two different happenings that share a name.
import type { ComparableClaim, EventType } from '@claimgraph/shared';

/** Articles published further apart than this are linked only through one dated happening. */
export const MAX_DAYS_APART = 30;
/** Running counts (deaths, cases) grow: reported more than a day apart they are not in conflict. */
export const RUNNING_COUNT_DAYS = 1;

const DAY_MS = 86_400_000;
/** Day number of an ISO date, or null. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso.slice(0, 10));
  return Number.isNaN(t) ? null : Math.round(t / DAY_MS);
}

/** Event types that one happening is told as ("a strike killed", "the attack"); statements fit any. */
const GROUP: Partial<Record<EventType, string>> = {
  ATTACK: 'violence',
  STRIKE: 'violence',
  KILLING: 'violence',
  CRASH: 'violence',
};
const groupOf = (t: EventType | undefined) =>
  t === undefined || t === 'STATEMENT' || t === 'OTHER' ? null : (GROUP[t] ?? t);

export interface When {
  /** Publication day number of the claim's article. */
  pub: number | null;
  /** Day number of the claim's event. */
  day: number | null;
  /** The event's kind of happening; null for none, a statement or an unclassified event. */
  group: string | null;
}
export const whenOf = (c: ComparableClaim): When => ({
  pub: dayNumber(c.published),
  day: dayNumber(c.event?.date),
  group: groupOf(c.event?.type),
});

export type Verdict = 'same' | 'open' | 'different';

/**
 * 'same': one dated happening (same kind of event, same day). 'different': published more than
 * MAX_DAYS_APART days apart without that, or about happenings dated on different days, or (when
 * `kindMatters`, for contradictions) two different kinds of happening. 'open': time does not decide.
 */
export function happening(a: When, b: When, kindMatters = true): Verdict {
  const sameDated = a.day !== null && a.day === b.day && a.group !== null && a.group === b.group;
  if (sameDated) return 'same';
  if (a.pub !== null && b.pub !== null && Math.abs(a.pub - b.pub) > MAX_DAYS_APART) return 'different';
  if (kindMatters && a.group !== null && b.group !== null && a.group !== b.group) return 'different';
  if (a.day !== null && b.day !== null && a.group !== null && b.group !== null && Math.abs(a.day - b.day) > 1)
    return 'different';
  return 'open';
}

/** Days between the two articles' publication, when both are known. */
export const daysApart = (a: When, b: When) => (a.pub !== null && b.pub !== null ? Math.abs(a.pub - b.pub) : null);
