// What every claims stage reads: the article (body, quote-masked body, sentences), its actors with fast mention
// look-ups, and the discourse state carried from sentence to sentence. Built once per article by `readingOf`.
import type { AttributionNode } from '@claimgraph/shared';
import type { ActorIndex, MentionRec } from '../actors/index.js';
import { maskQuotes } from '../quotes.js';
import type { SentenceOut } from '../sentences.js';

export interface Speaker {
  node: AttributionNode;
  expert: boolean;
  plural: boolean;
}

/** One attribution relation found for a clause: the cited outlet, the speaker and a source the speaker cites. */
export interface Attribution {
  outlet: AttributionNode | null; // cited outlet
  speaker: Speaker | null;
  secondary: AttributionNode | null;
  verb: string | null; // reporting verb as written
  verbPos: number; // offset in body, -1 when none
  /** The reporting frame's span in the body ("according to X", "X said", ", reports X"), when found in the clause. */
  frame?: [number, number];
  /** The clause is the speaker's own words, unquoted (a transcript turn): read like a quotation. */
  spoken?: boolean;
}

/** What the previous sentences established: the last cited outlet and speaker (for "he added", "the report"). */
export interface Discourse {
  lastOutlet: AttributionNode | null;
  lastSpeaker: Speaker | null;
  lastAttr: Attribution | null;
  lastSpeakerSentence: number;
  /** Recent unnamed sources (with their channel), newest last: "the official" may name one again after others spoke. */
  unnamed: { at: Attribution; sentence: number }[];
}

export const freshDiscourse = (): Discourse => ({
  lastOutlet: null,
  lastSpeaker: null,
  lastAttr: null,
  lastSpeakerSentence: -9,
  unnamed: [],
});

/** An article as the claims stages read it. Immutable once built. */
export interface Reading {
  body: string;
  /** The body with quoted text blanked, so that patterns never fire inside a quotation. */
  masked: string;
  sentences: SentenceOut[];
  actors: ActorIndex;
  /** The article's own outlet as a chain root, and its actor key when the text names it. */
  root: AttributionNode;
  ownKey: string | undefined;
  /** Mentions (sorted by start) of other outlets and of persons. */
  mediaMentions: MentionRec[];
  personMentions: MentionRec[];
  mentionsByKey: Map<string, MentionRec[]>;
}

/** A feed's section after its outlet's name: "CNN (Web News)", "The Week - News". */
const SECTION_IN_BRACKETS = /\s*\([^)]*\)\s*$/;
const SECTION_AFTER_DASH = /\s+[-–—]\s+[^-–—]+$/;

export function readingOf(body: string, sentences: SentenceOut[], actors: ActorIndex, outlet: string | null): Reading {
  const root: AttributionNode = { kind: 'OUTLET', label: outlet ?? 'unknown outlet', ...(outlet ? { outlet } : {}) };
  // A feed's outlet name may carry a section ("CNN (Web News)", "The Week - News") or a medium ("Fox Online News",
  // "NPR Online News", "BBC News"): the text names the outlet without them ("told Fox News", "told NPR", "the BBC").
  const named = outlet
    ? new Set(
        [outlet, outlet.replace(SECTION_IN_BRACKETS, ''), outlet.replace(SECTION_AFTER_DASH, '')].map((x) =>
          x.toLowerCase(),
        ),
      )
    : null;
  const core = outlet ? outletCore(outlet) : null;
  const ownKey = named
    ? (
        actors.actors.find((a) => named.has(a.canonicalName.toLowerCase())) ??
        actors.actors.find((a) => a.kind === 'MEDIA' && outletCore(a.canonicalName) === core)
      )?.key
    : undefined;
  const kindOf = (m: MentionRec) => actors.byKey.get(m.actorKey)?.kind;
  const mentionsByKey = new Map<string, MentionRec[]>();
  for (const m of actors.mentions) {
    const l = mentionsByKey.get(m.actorKey);
    if (l) l.push(m);
    else mentionsByKey.set(m.actorKey, [m]);
  }
  return {
    body,
    masked: maskQuotes(body),
    sentences,
    actors,
    root,
    ownKey,
    mediaMentions: actors.mentions.filter((m) => kindOf(m) === 'MEDIA' && m.actorKey !== ownKey),
    personMentions: actors.mentions.filter((m) => kindOf(m) === 'PERSON'),
    mentionsByKey,
  };
}

/**
 * An outlet's name without its article, section and medium, lower-cased: "Fox Online News", "Fox News" -> "fox";
 * "Wall Street Journal - News", "The Wall Street Journal" -> "wall street journal"; "NBC News (Online)" -> "nbc".
 */
export function outletCore(name: string): string {
  return name
    .toLowerCase()
    .replace(SECTION_IN_BRACKETS, '')
    .replace(SECTION_AFTER_DASH, '')
    .replace(/^the\s+/, '')
    .replace(/(?:\s+(?:online|news|web))+$/, '')
    .replace(/\.com$/, '')
    .trim();
}

/** Index of the first mention starting at or after pos (mentions are sorted by start: lookups stay logarithmic). */
export function firstAtOrAfter(list: MentionRec[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as MentionRec).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions wholly inside [a, b). */
export function mentionsIn(r: Reading, a: number, b: number): MentionRec[] {
  const all = r.actors.mentions;
  const out: MentionRec[] = [];
  for (let i = firstAtOrAfter(all, a); i < all.length && (all[i] as MentionRec).start < b; i++) {
    const m = all[i] as MentionRec;
    if (m.end <= b) out.push(m);
  }
  return out;
}

export const lastPersonBefore = (r: Reading, pos: number): MentionRec | null =>
  r.personMentions[firstAtOrAfter(r.personMentions, pos) - 1] ?? null;

export const kindOf = (r: Reading, m: MentionRec) => r.actors.byKey.get(m.actorKey)?.kind;

export function outletNode(r: Reading, m: MentionRec): AttributionNode {
  const a = r.actors.byKey.get(m.actorKey);
  return {
    kind: 'OUTLET',
    label: a?.canonicalName ?? m.text,
    actorKey: m.actorKey,
    outlet: a?.canonicalName ?? m.text,
  };
}

export const isExpert = (r: Reading, key: string) =>
  r.actors.roles.some(
    (x) => x.actorKey === key && /\b(expert|analyst|scholar|researcher|fellow|professor)\b/.test(x.role),
  );

/** A named actor as a speaker: a person, or an organisation speaking as one (plural: "they" refers back to it). */
export function speakerOf(r: Reading, m: MentionRec): Speaker {
  const act = r.actors.byKey.get(m.actorKey);
  const person = act?.kind === 'PERSON';
  return {
    node: { kind: person ? 'PERSON' : 'ORGANIZATION', label: act?.canonicalName ?? m.text, actorKey: m.actorKey },
    expert: isExpert(r, m.actorKey),
    plural: !person,
  };
}

export type Gender = 'm' | 'f';
const genders = new WeakMap<Reading, Map<string, Gender | null>>();

/**
 * A person's gender as the text itself gives it: "Mr."/"Mrs."/"Ms." before a mention (two votes, in a text that names
 * people so at least three times: a paper that does not marks a relative so), and the next sentence's opening
 * "He"/"She" after a sentence the person opens (past capitalised titles) and is the only person of ("Jane Doe spoke
 * on Monday. She said ..."), quotations left out. A pronoun after the name in its own sentence is no sign: it is as
 * often another person's ("Pelosi said he gave us no choice", "Comey criticised her handling", "Tolomeo said ... the
 * teenager had staged her own escape"), nor is one sign alone ("Holder talks about his mother. She lived ...").
 * Null unless the votes differ by two or more and two to one.
 */
export function genderOf(r: Reading, key: string): Gender | null {
  let map = genders.get(r);
  if (!map) {
    const votes = new Map<string, [number, number]>();
    const vote = (k: string, g: Gender, n = 1) => {
      const v = votes.get(k) ?? [0, 0];
      v[g === 'm' ? 0 : 1] += n;
      votes.set(k, v);
    };
    const ps = r.personMentions;
    const honorifics = ps.map(
      (m) =>
        /\b(Mr|Mrs|Ms|Miss)\.?\s*$/.exec(r.body.slice(Math.max(0, m.start - 6), m.start)) ??
        /^(Mr|Mrs|Ms|Miss)\b/.exec(m.text),
    );
    // Only where the text names people so as a rule: a paper that does not marks a relative so ("Mrs. Trump said"
    // in a story of Donald Trump).
    const styled = honorifics.filter(Boolean).length >= 3;
    ps.forEach((m, i) => {
      const hon = honorifics[i];
      if (hon && styled) vote(m.actorKey, hon[1] === 'Mr' ? 'm' : 'f', 2);
      const s = r.sentences[m.sentence];
      if (!s) return;
      const next = ps[i + 1];
      const prev = ps[i - 1];
      // The person opens its sentence (past capitalised titles only) and is its only one: the next sentence's opening
      // pronoun ("She vehemently spoke against Trump. She ..." is no sign for Trump).
      const opens =
        (!prev || prev.sentence !== m.sentence) &&
        /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}$/u.test(r.body.slice(s.start, m.start));
      const ns = r.sentences[m.sentence + 1];
      if (!opens || !ns || (next && next.start < ns.start)) return;
      const o = /^\s*(?:(He)|(She))\b/.exec(r.masked.slice(ns.start, ns.start + 5));
      if (o) vote(m.actorKey, o[1] ? 'm' : 'f');
    });
    map = new Map();
    for (const [k, [mv, fv]] of votes)
      map.set(k, mv > 2 * fv && mv - fv >= 2 ? 'm' : fv > 2 * mv && fv - mv >= 2 ? 'f' : null);
    genders.set(r, map);
  }
  return map.get(key) ?? null;
}
