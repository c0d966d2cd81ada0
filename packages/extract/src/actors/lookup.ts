// The gazetteer as one stage input: the shared lists plus the article's own outlet.
import { baseGazetteer, Gazetteer, type GazEntry } from './gazetteer-index.js';
import { tokenize } from './tokens.js';

export interface Lookup {
  /** Entry for a token sequence as written, or null. */
  find(words: string[]): GazEntry | null;
  /** Longest entry (in words) starting with this word. */
  maxFor(word: string): number;
  maxLen: number;
}

export function makeLookup(outlet?: string): Lookup {
  const gaz = baseGazetteer();
  const local = new Gazetteer();
  if (outlet && !gaz.lookup(tokenize(outlet).map((t) => t.text))) {
    local.add(outlet, { canonical: outlet, kind: 'MEDIA', alias: 'CANONICAL', role: 'name', caseSensitive: false });
  }
  return {
    find: (words) => local.lookup(words) ?? gaz.lookup(words),
    maxFor: (word) => Math.max(gaz.maxFor(word), local.maxFor(word)),
    maxLen: Math.max(gaz.maxLen, local.maxLen),
  };
}
