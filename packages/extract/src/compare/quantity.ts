// Quantities as intervals, so that a hedge is a bound and not a different number: "at least 25" is
// [25, ∞) and agrees with 25; "nearly two dozen" is [19.2, 24) and does not. Shared by the slot
// extractor (which writes a value such as "nearly 24" or "about 1 mile") and the comparison (which
// reads it back); a stored value of an older extractor ("4") reads as an exact count.

import { TENS, UNITS } from '../gazetteer/lexicon.js';

export interface Interval {
  lo: number;
  hi: number;
  /** The bound itself is excluded ("more than 12", "nearly 24"). */
  loOpen: boolean;
  hiOpen: boolean;
}

export const SCALES: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  dozen: 12,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
});

/** "25", "1,200", "2.5", "seven", "twenty-five"; null for anything else. */
export function numberWord(w: string): number | null {
  const t = w.toLowerCase();
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (UNITS[t] !== undefined) return UNITS[t];
  const m = /^([a-z]+)(?:-([a-z]+))?$/.exec(t);
  if (m && TENS[m[1] as string] !== undefined) {
    if (!m[2]) return TENS[m[1] as string] as number;
    const u = UNITS[m[2]];
    return u !== undefined && u < 10 ? (TENS[m[1] as string] as number) + u : null;
  }
  return null;
}

/** Vague amounts: a range, never a point ("dozens" is more than two dozen, fewer than two hundred). */
export const VAGUE: Record<string, [number, number]> = Object.assign(
  Object.create(null) as Record<string, [number, number]>,
  {
    dozens: [24, 199],
    scores: [40, 199],
    hundreds: [200, 1999],
    thousands: [2000, 1999999],
    millions: [2e6, 2e9],
    several: [2, 99],
    'a few': [2, 12],
    'a handful': [2, 9],
    multiple: [2, Infinity],
    numerous: [2, Infinity],
    many: [2, Infinity],
  },
);

/** Hedges before a number, longest first, with the kind of bound they make. */
export const QUALIFIERS: [string, Bound][] = (
  [
    ['no fewer than', 'min'],
    ['no less than', 'min'],
    ['a minimum of', 'min'],
    ['at least', 'min'],
    ['more than', 'gt'],
    ['upwards of', 'gt'],
    ['in excess of', 'gt'],
    ['just over', 'gt'],
    ['over', 'gt'],
    ['just under', 'near'],
    ['just shy of', 'near'],
    ['close to', 'near'],
    ['nearly', 'near'],
    ['almost', 'near'],
    ['fewer than', 'lt'],
    ['less than', 'lt'],
    ['under', 'lt'],
    ['no more than', 'max'],
    ['as many as', 'max'],
    ['up to', 'max'],
    ['at most', 'max'],
    ['within', 'max'],
    ['an estimated', 'approx'],
    ['approximately', 'approx'],
    ['roughly', 'approx'],
    ['around', 'approx'],
    ['about', 'approx'],
    ['some', 'approx'],
  ] as [string, Bound][]
).sort((a, b) => b[0].length - a[0].length);
type Bound = 'min' | 'gt' | 'near' | 'lt' | 'max' | 'approx';
const BOUND = new Map(QUALIFIERS);

/** Metres per unit of length, for distances ("about a mile" vs "six miles"). */
export const LENGTH: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  mile: 1609.34,
  kilometer: 1000,
  kilometre: 1000,
  km: 1000,
  meter: 1,
  metre: 1,
  m: 1,
  yard: 0.9144,
  foot: 0.3048,
  feet: 0.3048,
});
export const lengthUnit = (w: string) => {
  const t = w.toLowerCase();
  if (t === 'feet' || t === 'km' || t === 'm') return t;
  const s = t.replace(/s$/, '');
  return LENGTH[s] !== undefined ? s : null;
};

/**
 * Reads a slot value back as an interval: "25", "at least 25", "nearly 24", "5 to 7", "~dozens",
 * "about 1 mile" (lengths in metres). Null when the value is no quantity.
 */
export function interval(value: string, asWritten = false): Interval | null {
  const v = value.trim().toLowerCase();
  if (v.startsWith('~')) {
    const r = VAGUE[v.slice(1).replace(/\s+of$/, '')];
    return r ? { lo: r[0], hi: r[1], loOpen: false, hiOpen: false } : null;
  }
  const range = /^(\d+(?:\.\d+)?) to (\d+(?:\.\d+)?)$/.exec(v);
  if (range) return { lo: Number(range[1]), hi: Number(range[2]), loOpen: false, hiOpen: false };
  const m = /^(?:([a-z ]+?)\s+)?(\d+(?:\.\d+)?)(?:\s+([a-z]+))?$/.exec(v);
  if (!m) return null;
  let n = Number(m[2]);
  if (m[3]) {
    const u = lengthUnit(m[3]);
    if (!u) return null;
    n *= LENGTH[u] as number;
  }
  const bound = m[1] ? BOUND.get(m[1]) : undefined;
  if (m[1] && !bound) return null;
  switch (bound) {
    case 'min':
      return { lo: n, hi: Infinity, loOpen: false, hiOpen: false };
    case 'gt':
      return { lo: n, hi: Infinity, loOpen: true, hiOpen: false };
    case 'near':
      return { lo: 0.8 * n, hi: n, loOpen: false, hiOpen: true };
    case 'lt':
      return { lo: 0, hi: n, loOpen: false, hiOpen: true };
    case 'max':
      return { lo: 0, hi: n, loOpen: false, hiOpen: false };
    case 'approx': {
      // As loose as the number's own rounding, within 10-20 %: "about 850" is 850 ± 85 (not 950), "about 30"
      // is 30 ± 5, "about seven" 7 ± 1.
      const r = Math.min(0.2 * n, Math.max(0.1 * n, roundingStep(n) / 2, 1));
      return { lo: n - r, hi: n + r, loOpen: false, hiOpen: false };
    }
  }
  // A bare round number is a reporter's rounding ("100 soldiers"), an exact one is exact.
  if (n >= 100 && n % 50 === 0 && !asWritten) return { lo: 0.9 * n, hi: 1.1 * n, loOpen: false, hiOpen: false };
  return { lo: n, hi: n, loOpen: false, hiOpen: false };
}

/** The step a number is rounded to: 850 to 50, 30 to 10, 24 to 1. */
function roundingStep(n: number): number {
  let step = 1;
  for (let k = 1; Number.isInteger(n / (k * 10)) || Number.isInteger(n / (k * 5)); k *= 10)
    step = Number.isInteger(n / (k * 10)) ? k * 10 : k * 5;
  return step;
}

/**
 * Two counts that cannot both be true. Against an approximate count ("about 850", "some 24"), whose hedge
 * already allows for rounding, a bare one is read as written: 950, not 950 ± 95.
 */
export function countsDisjoint(x: string, y: string): boolean {
  const approx = (v: string) => BOUND.get(/^([a-z ]+?)\s+\d/.exec(v)?.[1] ?? '') === 'approx';
  const bare = (v: string) => /^\d/.test(v);
  const a = interval(x, approx(y) && bare(x));
  const b = interval(y, approx(x) && bare(y));
  return !!a && !!b && disjoint(a, b);
}

/** True when no number lies in both intervals: the two values cannot both be true. */
export function disjoint(a: Interval, b: Interval): boolean {
  const below = (x: Interval, y: Interval) => x.hi < y.lo || (x.hi === y.lo && (x.hiOpen || y.loOpen));
  return below(a, b) || below(b, a);
}
