import type { ActorKind, AliasKind } from '@claimgraph/shared';
import { METONYM_ORGS, ORGS, PLACES } from '../gazetteer/orgs.js';
import { STATES } from '../gazetteer/states.js';
import { tokenize } from './tokens.js';

export interface GazEntry {
  canonical: string;
  kind: ActorKind;
  alias: AliasKind;
  /** Capitals and places need context to count as actors. */
  role: 'name' | 'demonym' | 'capital' | 'place';
  caseSensitive: boolean;
}

const key = (s: string) =>
  tokenize(s)
    .map((t) => t.text.toLowerCase())
    .join(' ');

export class Gazetteer {
  private map = new Map<string, (GazEntry & { exact: string | null })[]>();
  /** Longest entry (in words) per first word: most lookups stop at this check. */
  private first = new Map<string, number>();
  maxLen = 1;

  /** Longest entry starting with this word (0 when none). */
  maxFor(word: string): number {
    return this.first.get(word.toLowerCase()) ?? 0;
  }

  add(surface: string, e: GazEntry) {
    const k = key(surface);
    const parts = k.split(' ');
    this.maxLen = Math.max(this.maxLen, parts.length);
    this.first.set(parts[0] as string, Math.max(this.first.get(parts[0] as string) ?? 0, parts.length));
    const list = this.map.get(k) ?? [];
    // Short all-caps acronyms (US, IS, AP, WHO) match only as written, so ordinary words do not.
    const exact =
      e.caseSensitive || (/^[A-Z.]+$/.test(surface) && surface.replace(/\./g, '').length <= 5) ? surface : null;
    list.push({ ...e, exact });
    this.map.set(k, list);
  }

  /** Looks up a token sequence (as written). */
  lookup(words: string[]): GazEntry | null {
    if (!words.length || (this.first.get((words[0] as string).toLowerCase()) ?? 0) < words.length) return null;
    const list = this.map.get(words.map((w) => w.toLowerCase()).join(' '));
    if (!list) return null;
    const surface = words.join(' ');
    for (const e of list) if (e.exact === null || e.exact === surface) return e;
    return null;
  }
}

let base: Gazetteer | null = null;

/** The shared, general gazetteer (built once). */
export function baseGazetteer(): Gazetteer {
  if (base) return base;
  const g = new Gazetteer();
  for (const s of STATES) {
    s.names.forEach((n, i) =>
      g.add(n, {
        canonical: s.canonical,
        kind: 'STATE',
        alias: i === 0 ? 'CANONICAL' : 'VARIANT',
        role: 'name',
        caseSensitive: false,
      }),
    );
    for (const d of s.demonyms)
      g.add(d, { canonical: s.canonical, kind: 'STATE', alias: 'DEMONYM', role: 'demonym', caseSensitive: false });
    for (const c of s.capitals)
      g.add(c, { canonical: s.canonical, kind: 'STATE', alias: 'CAPITAL', role: 'capital', caseSensitive: false });
  }
  for (const o of ORGS) {
    o.aliases.forEach((a) =>
      g.add(a, {
        canonical: o.canonical,
        kind: o.kind,
        alias: a === o.canonical ? 'CANONICAL' : /^[A-Z.]+$/.test(a) ? 'ACRONYM' : 'VARIANT',
        role: METONYM_ORGS.has(o.canonical) ? 'capital' : 'name',
        caseSensitive: false,
      }),
    );
  }
  for (const p of PLACES)
    g.add(p, { canonical: p, kind: 'OTHER', alias: 'CANONICAL', role: 'place', caseSensitive: false });
  base = g;
  return g;
}
