// Cross-article comparison: clusters of claims that state the same thing, corroborations, and
// contradictions on a slot (count, time, date, role, scope, agent). Pure; ids come from the caller.
import type { ClaimRelationResult, ClaimSlot, ComparableClaim, ComparisonResult } from '@claimgraph/shared';
import { translitKey } from './actors/tokens.js';
import { STATES } from './gazetteer/states.js';

const STOP = new Set(
  'the a an of to in on at by for with from and or but that this these those it its is was were are be been has have had as into over after before about than then there their they he she his her them which who whom what when where while not no also such any some other more most very just only would could will can may might said says told reported according report'.split(' '),
);
const STATE_WORD = new Map<string, string>();
for (const s of STATES) for (const w of [...s.names, ...s.demonyms]) STATE_WORD.set(w.toLowerCase(), s.canonical.toLowerCase());
const STATE_NAMES = new Set(STATES.map((s) => s.canonical.toLowerCase()));

const stem = (w: string) => w.replace(/(ations?|ing|ed|es|s|ly)$/, '').replace(/^air(?=strike)/, '').slice(0, 7);

interface Feat {
  c: ComparableClaim;
  words: Set<string>;
  actors: Set<string>;
  specific: Set<string>; // actors that are not states
}

function features(c: ComparableClaim): Feat {
  const words = new Set<string>();
  const raw = c.claim.text.replace(/U\.S\./g, 'US').match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  for (const w0 of raw) {
    const w = w0.toLowerCase().replace(/['’]s$/, '');
    if (STOP.has(w) || w.length < 3 && !STATE_WORD.has(w)) continue;
    const st = STATE_WORD.get(w) ?? (w0 === 'US' ? 'united states' : undefined);
    words.add(st ?? stem(w));
  }
  const actors = new Set<string>();
  const specific = new Set<string>();
  for (const n of c.actorNames) {
    const k = translitKey(n);
    actors.add(k);
    if (!STATE_NAMES.has(n.toLowerCase())) specific.add(k);
  }
  return { c, words, actors, specific };
}

function overlap<T>(a: Set<T>, b: Set<T>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

const dice = (a: Feat, b: Feat) => (2 * overlap(a.words, b.words)) / Math.max(1, a.words.size + b.words.size);

type Range = [number, number];
function timeRange(v: string): Range | null {
  const m = /^(\d+)m$/.exec(v);
  if (m) return [+(m[1] as string), +(m[1] as string)];
  const r = /^(\d+)-(\d+)m$/.exec(v);
  return r ? [+(r[1] as string), +(r[2] as string)] : null;
}
const SUBORDINATE = /\b(deputy|vice|assistant|second-in-command|number two|aide|adviser|advisor|member)\b/;
const TOP = /\b(head|leader|chief|commander|president|chairman|founder|director|ruler|emir)\b/;
const SCOPE_LOW = new Set(['limited', 'few', 'none']);
const SCOPE_HIGH = new Set(['most', 'all']);

/** Returns the first slot on which two claims cannot both be true, or null. */
function conflict(a: Feat, b: Feat, sim: number): { slot: ClaimSlot; other: ClaimSlot; reason: string } | null {
  const sharedSpecific = overlap(a.specific, b.specific);
  const sharedActors = overlap(a.actors, b.actors);
  const evA = a.c.event;
  const evB = b.c.event;
  const differentEvents = !!(evA?.date && evB?.date && evA.date !== evB.date);
  for (const x of a.c.claim.slots) {
    for (const y of b.c.claim.slots) {
      if (x.slot !== y.slot || translitKey(x.subject) !== translitKey(y.subject)) continue;
      switch (x.slot) {
        case 'count': {
          if (!/^\d+$/.test(x.value) || !/^\d+$/.test(y.value) || x.value === y.value) break;
          if (differentEvents || sharedSpecific < 1) break;
          return { slot: x, other: y, reason: `count of ${x.subject}: ${x.value} vs ${y.value}` };
        }
        case 'role': {
          if (translitKey(x.subject) !== translitKey(y.subject)) break;
          const xs = SUBORDINATE.test(x.value);
          const ys = SUBORDINATE.test(y.value);
          if (xs !== ys && (TOP.test(x.value) || xs) && (TOP.test(y.value) || ys))
            return { slot: x, other: y, reason: `role of ${x.subject}: "${x.value}" vs "${y.value}"` };
          break;
        }
        case 'date': {
          if (x.value !== y.value && sim >= 0.12) return { slot: x, other: y, reason: `${x.subject.replace(/^report:/, 'report by ')} dated ${x.value} vs ${y.value}` };
          break;
        }
        case 'time': {
          const rx = timeRange(x.value);
          const ry = timeRange(y.value);
          if (rx && ry && (rx[1] < ry[0] || ry[1] < rx[0]) && (sharedSpecific >= 1 || sim >= 0.2 || / at \S/.test(x.subject)))
            return { slot: x, other: y, reason: `${x.subject}: ${x.text} (${x.value}) vs ${y.text} (${y.value})` };
          break;
        }
        case 'scope': {
          if (((SCOPE_LOW.has(x.value) && SCOPE_HIGH.has(y.value)) || (SCOPE_HIGH.has(x.value) && SCOPE_LOW.has(y.value))) && sharedActors >= 1)
            return { slot: x, other: y, reason: `scope of "${x.subject}": ${x.value} ("${x.text}") vs ${y.value} ("${y.text}")` };
          break;
        }
      }
    }
  }
  return null;
}

export function compare(claims: ComparableClaim[]): ComparisonResult {
  const feats = claims.map(features);
  const n = feats.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const relations: ClaimRelationResult[] = [];
  // Candidate pairs share an actor or a content word (inverted index keeps this near-linear for sparse data).
  const index = new Map<string, number[]>();
  feats.forEach((f, i) => {
    for (const k of [...f.actors].map((x) => 'a:' + x).concat([...f.words].map((w) => 'w:' + w))) {
      const list = index.get(k) ?? [];
      list.push(i);
      index.set(k, list);
    }
  });
  const pairs = new Set<number>();
  for (const list of index.values()) {
    if (list.length > 400) continue; // too common to be informative
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number;
        const j = list[y] as number;
        if ((feats[i] as Feat).c.articleId !== (feats[j] as Feat).c.articleId) pairs.add(i * n + j);
      }
  }
  const sorted = [...pairs].sort((p, q) => p - q);
  const contradicted = new Set<number>();
  for (const p of sorted) {
    const i = Math.floor(p / n);
    const j = p % n;
    const a = feats[i] as Feat;
    const b = feats[j] as Feat;
    const sim = dice(a, b);
    const shared = overlap(a.actors, b.actors);
    const c = conflict(a, b, sim);
    if (c) {
      contradicted.add(p);
      relations.push({ fromId: a.c.id, toId: b.c.id, kind: 'CONTRADICTS', reason: c.reason, slot: c.slot.slot, fromValue: c.slot.value, toValue: c.other.value });
      if (sim >= 0.2) parent[find(i)] = find(j);
      continue;
    }
    const sameEvent = a.c.event && b.c.event && a.c.event.type === b.c.event.type && a.c.event.date && a.c.event.date === b.c.event.date;
    if ((sim >= 0.34 && shared >= 1) || sim >= 0.5 || (sameEvent && sim >= 0.2)) {
      parent[find(i)] = find(j);
      relations.push({ fromId: a.c.id, toId: b.c.id, kind: 'CORROBORATES', reason: `same statement (similarity ${sim.toFixed(2)}, ${shared} shared actors)`, slot: '', fromValue: null, toValue: null });
    }
  }
  const groups = new Map<number, string[]>();
  feats.forEach((f, i) => {
    const r = find(i);
    { const l_ = groups.get(r); if (l_) l_.push(f.c.id); else groups.set(r, [f.c.id]); }
  });
  const clusters = [...groups.values()].filter((g) => g.length > 1);
  return { clusters, relations };
}
