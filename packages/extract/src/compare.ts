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
  /** Content words and actor keys as ids, sorted (see `ids`). */
  words: Int32Array;
  actors: Int32Array;
  specific: Int32Array; // actors that are not states
  /** Actors and words together: what candidate pairs are found by. */
  keys: Int32Array;
  /** The claim's slots with their subject's transliteration key. */
  slots: { slot: ClaimSlot; subject: string }[];
}

/**
 * Words and actor keys are numbered (so overlaps are merges of sorted integer arrays), and a text's
 * words are kept: the same stored claim is compared again with every new article near it. Both
 * tables are emptied together, between two comparisons, when they grow large.
 */
const ids = new Map<string, number>();
const wordsOf = new Map<string, Int32Array>();
const id = (k: string) => {
  let i = ids.get(k);
  if (i === undefined) ids.set(k, (i = ids.size));
  return i;
};
const sortedIds = (keys: Iterable<string>) => Int32Array.from(new Set([...keys].map(id))).sort();

function textWords(text: string): Int32Array {
  let cached = wordsOf.get(text);
  if (cached) return cached;
  const words = new Set<string>();
  const raw = text.replace(/U\.S\./g, 'US').match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  for (const w0 of raw) {
    const w = w0.toLowerCase().replace(/['’]s$/, '');
    if (STOP.has(w) || w.length < 3 && !STATE_WORD.has(w)) continue;
    const st = STATE_WORD.get(w) ?? (w0 === 'US' ? 'united states' : undefined);
    words.add('w:' + (st ?? stem(w)));
  }
  wordsOf.set(text, (cached = sortedIds(words)));
  return cached;
}

function features(c: ComparableClaim): Feat {
  const actors: string[] = [];
  const specific: string[] = [];
  for (const n of c.actorNames) {
    const k = 'a:' + translitKey(n);
    actors.push(k);
    if (!STATE_NAMES.has(n.toLowerCase())) specific.push(k);
  }
  const words = textWords(c.claim.text);
  const actorIds = sortedIds(actors);
  const keys = new Int32Array(actorIds.length + words.length);
  keys.set(actorIds);
  keys.set(words, actorIds.length);
  return { c, words, actors: actorIds, specific: sortedIds(specific), keys, slots: c.claim.slots.map((slot) => ({ slot, subject: translitKey(slot.subject) })) };
}

/** Size of the intersection of two sorted id arrays. */
function overlap(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

const dice = (a: Feat, b: Feat) => (2 * overlap(a.words, b.words)) / Math.max(1, a.words.length + b.words.length);

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
  for (const { slot: x, subject } of a.slots) {
    for (const { slot: y, subject: other } of b.slots) {
      if (x.slot !== y.slot || subject !== other) continue;
      switch (x.slot) {
        case 'count': {
          if (!/^\d+$/.test(x.value) || !/^\d+$/.test(y.value) || x.value === y.value) break;
          if (differentEvents || sharedSpecific < 1) break;
          return { slot: x, other: y, reason: `count of ${x.subject}: ${x.value} vs ${y.value}` };
        }
        case 'role': {
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
  if (ids.size > 200_000) {
    ids.clear(); // bounded memory
    wordsOf.clear();
  }
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
  const index: number[][] = [];
  feats.forEach((f, i) => {
    for (const k of f.keys) (index[k] ??= []).push(i);
  });
  // Pairs in order (i ascending, then j), each once: the claims after i that share an informative key with it.
  const sorted: [number, number][] = [];
  const mark = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = feats[i] as Feat;
    for (const k of f.keys) {
      const list = index[k] as number[];
      if (list.length > 400) continue; // too common to be informative
      for (const j of list) if (j > i) mark[j] = 1;
    }
    for (let j = i + 1; j < n; j++) {
      if (!mark[j]) continue;
      mark[j] = 0;
      if (f.c.articleId !== (feats[j] as Feat).c.articleId) sorted.push([i, j]);
    }
  }
  for (const [i, j] of sorted) {
    const a = feats[i] as Feat;
    const b = feats[j] as Feat;
    const sim = dice(a, b);
    const shared = overlap(a.actors, b.actors);
    const c = conflict(a, b, sim);
    if (c) {
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
    const group = groups.get(r);
    if (group) group.push(f.c.id);
    else groups.set(r, [f.c.id]);
  });
  const clusters = [...groups.values()].filter((g) => g.length > 1);
  return { clusters, relations };
}
