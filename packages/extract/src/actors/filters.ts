// Stage D: junk filters. Candidate segments that are not actors whatever their capitals say.
import { ORG_HEADS } from '../gazetteer/lexicon.js';
import type { Lookup } from './lookup.js';
import type { MentionIndex } from './mention-index.js';
import type { Place, Seg } from './typing.js';

/** "The former South Bend, Indiana, mayor", "the city of Jizan": a name followed by a region, or after a place noun, is a place. */
export function placeByContext(ix: MentionIndex, lk: Lookup, s: Seg): boolean {
  if (s.t !== 'name' || s.kind || s.title) return false;
  if (
    /\b(?:city|town|village|county|state|province|region|district|suburb|mayor|governor) of\s+$/i.test(
      ix.body.slice(Math.max(0, s.start - 24), s.start),
    )
  )
    return true;
  // The region is set off by commas: "South Bend, Indiana, mayor"; "Ansari, Iran's news agency" is an apposition.
  const after = /^,\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)\s*(?:[,;)]|\.(?:\s|$))/u.exec(
    ix.body.slice(s.end, s.end + 40),
  );
  if (!after) return false;
  const e = lk.find((after[1] as string).split(/\s+/));
  return !!e && (e.role === 'place' || (e.kind === 'STATE' && e.role === 'name'));
}

/**
 * Mikheev's rule on whole runs: an untitled, untyped run whose every word the same text also writes in
 * lower case is a Title Case phrase ("Deferred Action", "Public Policy"), not a name.
 */
export function commonWordPhrase(ix: MentionIndex, s: Seg): boolean {
  if (s.t !== 'name' || s.kind || s.title || s.words.length < 2) return false;
  return s.words.every((w) => ix.lowerSeen.has(w.text.toLowerCase().replace(/['’]s$/, '')));
}

// Abstract-noun endings no surname has ("Constitution", "Taxation", "Meteorology", "Trans-Pacific Partnership");
// not -ity, -ness, -ics (Hannity, Gunness, Capital Economics).
const ABSTRACT_NOUN = /\p{Ll}{2}(?:tion|sion|ism|ogy|rship|dship)$/u;

/** An untitled, untyped run ending in an abstract noun names a thing, not a person; "<head> of <field>" and organisation heads excepted. */
export function abstractNounPhrase(s: Seg): boolean {
  if (s.t !== 'name' || s.kind || s.title || s.words.some((w) => w.text === 'of')) return false;
  const last = s.text.split(/\s+/).pop() ?? '';
  return last.length >= 6 && ABSTRACT_NOUN.test(last) && !ORG_HEADS.has(last.toLowerCase());
}

/** A phrase in single quotes ("the ‘Green New Deal’", "'Crazy Bernie'") is a slogan, title or nickname being cited, not an actor. */
export function singleQuoted(ix: MentionIndex, s: Seg): boolean {
  if (s.t !== 'name' || s.kind || s.title) return false;
  const opens = /['‘]/.test(ix.body[s.start - 1] ?? '');
  // The closing quote right after the name, not a possessive ("‘Johnson’s plan …’" is a quotation, not a label).
  const closes = /['’]$/.test(s.text) || /^['’](?!\p{L})/u.test(ix.body.slice(s.end, s.end + 2));
  return opens && closes;
}

/** A run ending in "Index" or "Average" names a measure ("Dow Jones Industrial Average", "Global Innovation Index"), not an actor. */
export function measureName(s: Seg): boolean {
  return s.t === 'name' && !s.title && /\s(?:Index|Average)$/.test(s.text);
}

/**
 * A name in double quotes right after a possessive is the title of that outlet's or person's work — a programme, a
 * book, a column (MSNBC’s “Morning Joe”, CNN's "State of the Union") — not an actor.
 */
export function quotedWorkTitle(ix: MentionIndex, s: Seg): boolean {
  if (s.t !== 'name' || s.kind === 'STATE') return false;
  return (
    /(?:['’]s|s['’])\s+["“]$/u.test(ix.body.slice(Math.max(0, s.start - 6), s.start)) &&
    /^[.,!?]?["”]/u.test(ix.body.slice(s.end, s.end + 2))
  );
}

/**
 * A gathering or an address named like a body is a happening, not an actor: a run ending on "Convention" ("the
 * Republican National Convention", whose "National Convention" was an organisation; a treaty, "the Geneva
 * Conventions"), a Baptist convention (a church body) excepted, and the president's "State of the Union".
 */
export function namedGathering(s: Seg): boolean {
  if (s.t !== 'name' || s.title) return false;
  if (/^State of the Union$/.test(s.text)) return true;
  return /\sConventions?$/.test(s.text) && !s.words.some((w) => w.text === 'Baptist');
}

/** Drops Title Case phrases, abstract nouns, single-quoted labels, quoted work titles, measures, and segments that are places by context (they join the place list). */
export function dropJunk(ix: MentionIndex, lk: Lookup, segs: Seg[], places: Place[]): Seg[] {
  return segs.filter((s) => {
    if (
      commonWordPhrase(ix, s) ||
      abstractNounPhrase(s) ||
      singleQuoted(ix, s) ||
      quotedWorkTitle(ix, s) ||
      measureName(s) ||
      namedGathering(s)
    )
      return false;
    if (!placeByContext(ix, lk, s)) return true;
    places.push({ start: s.start, end: s.end, text: s.text, sentence: s.sIdx });
    return false;
  });
}
