// Cross-article comparison: clusters of claims that state the same thing, corroborations, and
// contradictions on a slot (count, distance, means, time, date, role, scope). Pure; ids come from the caller.
//
// A contradiction needs one happening (compare/happening.ts: the same dated event, or nothing in the
// claims' time ruling it out plus an anchor: a shared actor that is not a state, similar wording, or
// a count both agree on), one slot (the count of the same thing with the same fate, the distance
// from the same place), and values that cannot both be true (compare/quantity.ts: intervals).
// A corroboration needs the same assertion: three or more words shared beyond the actors' and states' names.
import type { ClaimRelationResult, ClaimSlot, ComparableClaim, ComparisonResult } from '@claimgraph/shared';
import { translitKey } from './actors/tokens.js';
import {
  dayNumber,
  daysApart,
  happening,
  MAX_DAYS_APART,
  RUNNING_COUNT_DAYS,
  whenOf,
  type Verdict,
  type When,
} from './compare/happening.js';
import { countsDisjoint, interval, numberWord, type Interval } from './compare/quantity.js';
import { WEEKDAYS } from './dates.js';
import { STATES } from './gazetteer/states.js';

const STOP = new Set(
  'the a an of to in on at by for with from and or but that this these those it its is was were are be been has have had as into over after before about than then there their they he she his her them which who whom what when where while not no also such any some other more most very just only would could will can may might said says told reported according report'.split(
    ' ',
  ),
);
const STATE_WORD = new Map<string, string>();
for (const s of STATES)
  for (const w of [...s.names, ...s.demonyms]) STATE_WORD.set(w.toLowerCase(), s.canonical.toLowerCase());
const STATE_NAMES = new Set(STATES.map((s) => s.canonical.toLowerCase()));

const stem = (w: string) =>
  w
    .replace(/(ations?|ing|ed|es|s|ly)$/, '')
    .replace(/^air(?=strike)/, '')
    .slice(0, 7);

interface Feat {
  c: ComparableClaim;
  /** Content words and actor keys as ids, sorted (see `ids`). */
  words: Int32Array;
  /** Content words that are not part of an actor's name: what the claim says of its actors. */
  said: Int32Array;
  /** Words of the claim's actors' and states' names. */
  names: Int32Array;
  actors: Int32Array;
  specific: Int32Array; // actors that are not states
  /**
   * Actors that are neither states nor parties: who a statement is about. Half the claims of a US news week
   * name a party ("Republicans", "Democrats", folded into the party), so sharing one tells no assertion apart.
   */
  core: Int32Array;
  /** Actors and words together: what candidate pairs are found by. */
  keys: Int32Array;
  /** The claim's slots with their subject as a key (a person's as a transliteration key) and, for quantities, their interval. */
  slots: { slot: ClaimSlot; subject: string; range: Interval | null }[];
  when: When;
  /**
   * A question, a hypothesis ("If the court strikes down ..."), a caption (a name and its title, no word
   * in lower case: "Senate Minority Leader Charles E. Schumer, New York Democrat.") or a line of page
   * furniture (NOT_NEWS) asserts nothing: it corroborates nothing. Decided once per claim, not per pair.
   */
  assertsNothing: boolean;
  /** The claim's actors that speak in it ("X said", "X (R-Ky.) said on Monday", "said Senate leader X"). */
  speakers: string[];
  /** What the claim denies ("did not stage anything at ...", "the story ... was fabricated"): its words, or null. */
  denied: Int32Array | null;
  /** Figures a writer copies from its source: a vote's score ("230-197"), an exact toll ("14 people killed"; "~" before a toll in a relative clause). */
  figures: string[];
  /** The votes a claim says a vote fell short by ("the effort fell one vote shy"), or null. */
  shortfall: { n: number; text: string } | null;
  /** The votes a vote needed ("Sixty votes were needed", "needed 60 votes") and won ("58-40 vote", "Fifty-eight voted to"). */
  votes: { needed: number[]; won: number[] };
}

/**
 * Words and actor keys are numbered (so overlaps are merges of sorted integer arrays), and a text's
 * words are kept: the same stored claim is compared again with every new article near it. Both
 * tables are emptied together, between two comparisons, when they grow large.
 */
const ids = new Map<string, number>();
const keyOf: string[] = [];
const wordsOf = new Map<string, Int32Array>();
const id = (k: string) => {
  let i = ids.get(k);
  if (i === undefined) {
    ids.set(k, (i = ids.size));
    keyOf.push(k);
  }
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
    if (STOP.has(w) || (w.length < 3 && !STATE_WORD.has(w))) continue;
    const st = STATE_WORD.get(w) ?? (w0 === 'US' ? 'united states' : undefined);
    words.add('w:' + (st ?? stem(w)));
  }
  wordsOf.set(text, (cached = sortedIds(words)));
  return cached;
}

/** Sorted a minus sorted b. */
function minus(a: Int32Array, b: Int32Array): Int32Array {
  if (!b.length) return a;
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length; i++) {
    while (j < b.length && b[j]! < a[i]!) j++;
    if (b[j] !== a[i]) out.push(a[i]!);
  }
  return Int32Array.from(out);
}

const QUANTITY_SLOTS = new Set(['count', 'distance']);
const SAYS = String.raw`\b(?:said|says|told|announced|added|argued|wrote|tweeted|warned|insisted)\b`;
/**
 * Nouns that writers use for one kind of thing ("four missiles" and "two rockets" of one strike, "six shots"
 * and "eight rounds fired"); commandos are people, as the slots read soldiers and troops.
 */
const SAME_KIND: Record<string, string> = {
  rocket: 'missile',
  projectile: 'missile',
  blast: 'explosion',
  bullet: 'shot',
  commando: 'people',
};
const kindOf = (subject: string) =>
  subject.replace(/^round(?= fired$)/, 'shot').replace(/^[a-z]+/, (noun) => SAME_KIND[noun] ?? noun);
const PARTY = /\bparty$/i;
/** A denial: a verb of denying before what it denies, or a verdict ("was fabricated") after it. */
const DENIAL = /\b(?:(den(?:y|ies|ied|ying)|never|did\s+not|didn['’]t)|(false|fabricated|untrue|baseless))\b/gi;
/** The words a claim denies: the eight words after a denying verb, or before a verdict; null without a denial. */
function deniedWords(text: string): Int32Array | null {
  const denied: string[] = [];
  for (const m of text.matchAll(DENIAL)) {
    const at = m.index ?? 0;
    denied.push(
      m[1]
        ? text
            .slice(at + m[0].length)
            .split(/\s+/)
            .slice(0, 9)
            .join(' ')
        : text.slice(0, at).split(/\s+/).slice(-9).join(' '),
    );
  }
  return denied.length ? textWords(denied.join(' ')) : null;
}
const stateIds = () => new Set([...new Set(STATE_WORD.values()), 'united states'].map((w) => id('w:' + w)));
let STATE_IDS = stateIds();

/**
 * What a claim says and whom it names, as ids: the part of its features a story profile reads (storyProfile
 * computes no more than this for each claim of an article).
 */
function saying(c: ComparableClaim): Pick<Feat, 'words' | 'said' | 'names' | 'actors' | 'specific' | 'core'> {
  const actors: string[] = [];
  const specific: string[] = [];
  const core: string[] = [];
  const nameWords = new Set<number>();
  for (const n of c.actorNames) {
    const k = 'a:' + translitKey(n);
    actors.push(k);
    if (!STATE_NAMES.has(n.toLowerCase())) specific.push(k);
    if (!STATE_NAMES.has(n.toLowerCase()) && !PARTY.test(n)) core.push(k);
    for (const w of textWords(n)) nameWords.add(w);
  }
  // Places named as states ("U.S.", "Iranian") are names too, not what is said of them.
  const words = textWords(c.claim.text);
  for (const w of words) if (STATE_IDS.has(w)) nameWords.add(w);
  const names = Int32Array.from(nameWords).sort();
  return {
    words,
    said: minus(words, names),
    names,
    actors: sortedIds(actors),
    specific: sortedIds(specific),
    core: sortedIds(core),
  };
}

function features(c: ComparableClaim): Feat {
  const text = c.claim.text.trim();
  const own = saying(c);
  // The day of an act is a key too: "his apprehension" and "was captured" share no word.
  // So is a vote's shortfall or tally: "fell one vote shy" and "Sixty votes were needed" share no stem.
  const shortfall = shortfallOf(c.claim.text);
  const votes = votesOf(c.claim.text);
  const acts = sortedIds([
    ...c.claim.slots.filter((s) => s.subject.startsWith('day of ')).map((s) => 's:' + s.subject),
    ...(shortfall || votes.needed.length || votes.won.length ? ['s:vote'] : []),
  ]);
  const keys = new Int32Array(own.actors.length + acts.length + own.words.length);
  keys.set(own.actors);
  keys.set(acts, own.actors.length);
  keys.set(own.words, own.actors.length + acts.length);
  return {
    c,
    ...own,
    keys,
    // Vague amounts ("dozens", "a handful") are read loosely by writers: they never contradict.
    slots: c.claim.slots.map((slot) => ({
      slot,
      subject: slot.slot === 'role' ? personKey(slot.subject) : kindOf(slot.subject.toLowerCase()),
      range: QUANTITY_SLOTS.has(slot.slot) && !slot.value.startsWith('~') ? interval(slot.value) : null,
    })),
    when: whenOf(c),
    assertsNothing:
      /\?["”’']?$/.test(text) ||
      /^(?:if|unless|should)\b/i.test(text) ||
      !/\b\p{Ll}{3,}/u.test(text) ||
      NOT_NEWS.test(text),
    denied: deniedWords(c.claim.text),
    figures: figuresOf(c),
    shortfall,
    votes,
    speakers: c.actorNames.filter((n) => {
      const name = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(
        `${name}(?:\\s*\\([^)]*\\))?,?\\s+${SAYS}|${SAYS}\\s+(?:\\p{Lu}\\S*\\s+){0,3}${name}`,
        'u',
      ).test(text);
    }),
  };
}

/** A day something is set for or runs until: "a hearing for May 30", "funding through Feb. 16". */
const DEADLINE =
  /\b(?:for|through|until|till)\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b(?!,?\s+\d{4})/g;
/** The score of a vote or a ruling: "a 230-197 vote", "In a 7-2 decision". */
const SCORE = /(?<![\d,.\/-])(\d{1,3})-(\d{1,3})(?![\d\/-])/g;
/**
 * Figures a writer copies from its source, as keys: the score of a vote or ruling, and a toll of people
 * killed or wounded given as an exact number of 10 or more that is not round ("massacred 14 people", "who
 * killed 14 people"). Round tolls, estimates and other numbers (a report's pages, the delegates needed to win,
 * "9/11") are left out: two statements of one topic share them as background.
 */
function figuresOf(c: ComparableClaim): string[] {
  const out: string[] = [];
  for (const m of c.claim.text.matchAll(DEADLINE))
    out.push(`${(m[1] as string).slice(0, 3).toLowerCase()} ${Number(m[2])}`);
  for (const m of c.claim.text.matchAll(SCORE))
    if (Number(m[1]) + Number(m[2]) >= 5) out.push(`${Number(m[1])}-${Number(m[2])}`);
  for (const x of c.claim.slots)
    if (x.slot === 'count' && /^people (?:killed|wounded)$/.test(x.subject) && /^\d+$/.test(x.value)) {
      const n = Number(x.value);
      const at = c.claim.text.indexOf(x.text);
      if (n >= 10 && n % 10 !== 0 && at >= 0)
        out.push(`${RELATIVE_TOLL.test(c.claim.text.slice(Math.max(0, at - 40), at)) ? '~' : ''}${n} ${x.subject}`);
    }
  return out;
}
/** A toll told in a relative clause ("the shooting that left 17 dead") is background to another statement. */
const RELATIVE_TOLL = /\b(?:that|which|who)\s+(?:[\p{L}'’-]+\s+){0,3}$/u;
/**
 * Two claims share a copied figure when a key is in both and at least one states it as its own news (a toll
 * in a relative clause of both, "the shooting that left 17 dead", "the attack, which killed 17", is background).
 */
const shareFigure = (a: Feat, b: Feat) =>
  a.figures.some(
    (x) =>
      (!x.startsWith('~') && (b.figures.includes(x) || b.figures.includes('~' + x))) ||
      (x.startsWith('~') && b.figures.includes(x.slice(1))),
  );

/** A person's name without its vowels and aspirates: two spellings of one name ("Osotthanakorn", "Osatanakorn") meet. */
const personKey = (name: string) =>
  translitKey(name)
    .replace(/([^aeiouy])h/g, '$1')
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');

/** Size of the intersection of two sorted id arrays. */
function overlap(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
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

const dice = (a: Int32Array, b: Int32Array) => (2 * overlap(a, b)) / Math.max(1, a.length + b.length);

/**
 * The words around a count in its claim ("were given security clearances despite ..."): two counts
 * of people are one slot only when what is said of the people shares a word.
 */
function around(f: Feat, slot: ClaimSlot): Int32Array {
  const text = f.c.claim.text;
  const at = text.indexOf(slot.text);
  if (at < 0) return f.said;
  // People with no stated fate are told apart by what is done to them, right beside the count.
  const [before, after] = slot.subject === 'people' ? [30, 70] : [50, 90];
  const near =
    text.slice(Math.max(0, at - before), at) + ' ' + text.slice(at + slot.text.length, at + slot.text.length + after);
  // Only what is said (not the actors' names, not the counted noun itself).
  const counted = textWords(slot.subject + ' ' + slot.text);
  return Int32Array.from(textWords(near).filter((w) => f.said.includes(w) && !counted.includes(w)));
}

type Range = [number, number];
/** Hours of the day a part of it covers; a night runs into the next morning. */
const DAY_PART: Record<string, Range> = {
  '': [0, 24],
  morning: [5, 12],
  afternoon: [12, 18],
  evening: [17, 24],
  night: [18, 30],
};
/** A day of an act ("thursday night", "early friday", the slot reader's value) as minutes of the week. */
function weekRange(v: string): Range | null {
  const m = /^(late |early )?([a-z]+)(?: ([a-z]+))?$/.exec(v);
  const d = WEEKDAYS.indexOf(m?.[2] ?? '');
  const part = DAY_PART[m?.[3] ?? ''];
  if (!m || d < 0 || !part) return null;
  const [lo, hi] = m[1] === 'early ' && !m[3] ? [0, 9] : m[1] === 'late ' && !m[3] ? [18, 30] : part;
  return [(d * 24 + lo) * 60, (d * 24 + hi) * 60];
}
/**
 * A day a trial is to begin as a day number: a day as the date reader read it (forward when set ahead), or
 * "pub+3", three days after the article's day; null without that day.
 */
function startDay(v: string, when: When): number | null {
  const rel = /^pub\+(\d+)$/.exec(v);
  if (rel) return when.pub === null ? null : when.pub + Number(rel[1]);
  return dayNumber(v);
}
/** Two ranges of the week share no minute (Sunday night runs into Monday). */
const WEEK = 7 * 24 * 60;
const weekDisjoint = (x: Range, y: Range) => [-WEEK, 0, WEEK].every((k) => x[1] <= y[0] + k || y[1] + k <= x[0]);
function timeRange(v: string): Range | null {
  const m = /^(\d+)m$/.exec(v);
  if (m) return [+(m[1] as string), +(m[1] as string)];
  const r = /^(\d+)-(\d+)m$/.exec(v);
  return r ? [+(r[1] as string), +(r[2] as string)] : null;
}
// (A member of a body is not ranked against a director: one person is often both, of two bodies.)
const SUBORDINATE = /\b(deputy|vice|assistant|second-in-command|number two|aide|adviser|advisor)\b/;
const TOP = /\b(head|leader|chief|commander|president|chairman|founder|director|ruler|emir)\b/;
/** "Assistant director in charge of" the office heads it. */
const subordinate = (role: ClaimSlot) => SUBORDINATE.test(role.value) && !/\bin charge\b/.test(role.text);
/**
 * Two roles of one person are one slot only when each is given beside the person's name in its claim
 * ("Parlave, head of ...", not the title of someone else named nearby) and held now (not "former").
 */
function rolesComparable(a: Feat, x: ClaimSlot, b: Feat, y: ClaimSlot): boolean {
  const beside = (f: Feat, r: ClaimSlot) => {
    const text = f.c.claim.text;
    const at = text.indexOf(r.text);
    const word =
      at < 0
        ? undefined
        : /([\p{L}'’-]+)[,\s]+(?:the\s+)?$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1]?.toLowerCase();
    return (
      !!word &&
      r.subject
        .toLowerCase()
        .split(/[\s-]+/)
        .includes(word.split('-').pop() as string)
    );
  };
  return (
    beside(a, x) &&
    beside(b, y) &&
    !/\b(?:former|ex|then|onetime|one-time)\b/i.test(`${x.value} ${y.value} ${x.text} ${y.text}`)
  );
}
/** A tenure read before a name (claims/slots.ts): the office left or held now. */
const TENURE = /^(former|acting) (\S+)$/;
/**
 * The title opens the claim, after at most an opening phrase and place names ("On Monday, Chiang Rai acting
 * Gov. X said"): it is the speaker's at the time of the claim's own act, not of an earlier one ("came hours after ...").
 */
const opens = (f: Feat, slot: ClaimSlot) => {
  const at = f.c.claim.text.indexOf(slot.text);
  return at >= 0 && /^(?:[^,]{0,40},\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,3}$/u.test(f.c.claim.text.slice(0, at));
};
const SCOPE_LOW = new Set(['limited', 'few', 'none']);
const SCOPE_HIGH = new Set(['most', 'all']);
/** Counts that only grow while a story runs. */
const RUNNING = /^(people (killed|wounded|missing|arrested|abducted|infected)|case|death|infection)$/;

/** Two counts of the same thing with the same number (3 or more): a strong sign of one happening. */
function agreeingCount(a: Feat, b: Feat): boolean {
  for (const x of a.slots)
    if (x.slot.slot === 'count' && x.range && x.range.lo >= 3)
      for (const y of b.slots)
        if (y.slot.slot === 'count' && y.range && x.subject === y.subject && x.range.lo === y.range.lo) return true;
  return false;
}

/**
 * Counts that are not of the claim's own happening: of an earlier one ("a few days after strikes that
 * killed 52", "in that attack", "last year"), under a condition or a goal, or one of several values the
 * claim gives for one slot (a claim comparing two attacks).
 */
/** A count in a conditional or a goal ("would need to pick up 17 seats", "if 20 seats fall") asserts no fact. */
const CONDITIONAL =
  /\b(?:would|could|might|if|unless|needs?|needed to|expected to|projected to|aims? to|plans? to|hopes? to)\b/i;
/** Lines about the reporting, not the news: they state nothing another outlet could confirm. */
const NOT_NEWS = /contributed to this report|request for comment|media playback|https?:\/\/|\w=\S*\//i;
const OTHER_TIME =
  /\b(?:(?:days|weeks|months|years)\s+(?:after|before|earlier|ago)|earlier this|last (?:week|month|year)|a (?:week|month|year) ago|previous|in (?:that|an earlier|a previous) (?:attack|bombing|strike|raid)|in (?:19|20)\d\d)\b/i;
/** A threshold ("the necessary 1,237 delegates", "270 electoral votes needed to win") is a goal, not a count. */
const GOAL_BEFORE = /\b(?:necessary|required|needed|magic|race to|short of)\s+$/i;
/** A count owned by a pronoun ("New York ... with its 247 delegates") is of something the claim names elsewhere: a part. */
const PRONOUN_OWNED = /\b(?:its|their)\s+$/i;
const GOAL_AFTER = /^\s*(?:needed|required|necessary)\b/i;
/** A count after "of those", "among them" is of a part of something counted before ("Of those, 36 had ..."). */
const PART_OF = /\b(?:of|among)\s+(?:those|them|these|whom|which)\b/i;
function ownCount(f: Feat, x: { slot: ClaimSlot; subject: string }): boolean {
  if (
    f.slots.some(
      (y) =>
        y.slot !== x.slot && y.slot.slot === x.slot.slot && y.subject === x.subject && y.slot.value !== x.slot.value,
    )
  )
    return false;
  const text = f.c.claim.text;
  const at = text.indexOf(x.slot.text);
  // A count read outside the claim's own words (an inline card the claim leaves out) is not the claim's.
  if (at < 0) return false;
  if (OTHER_TIME.test(text.slice(Math.max(0, at - 120), at + x.slot.text.length + 40))) return false;
  if (PART_OF.test(text.slice(Math.max(0, at - 80), at))) return false;
  const before = text.slice(Math.max(0, at - 20), at);
  if (GOAL_BEFORE.test(before) || PRONOUN_OWNED.test(before) || GOAL_AFTER.test(text.slice(at + x.slot.text.length)))
    return false;
  return !CONDITIONAL.test(text.slice(Math.max(0, at - 80), at));
}

/**
 * A standing total ("Trump has 736 delegates", "leads with 744", "1,160 so far") is true on the day it is
 * told: two of them are one slot only when told the same day.
 */
// 'with' only after a lead ('leads with 744'): 'hit with four missiles' tells what was done, not a tally.
const STANDING_BEFORE =
  /\b(?:has|have|now|holds?|(?:leads?|led|leading|ahead|finished|ended)\s+with|total of|tally of|stands? at|stood at)\s+$/i;
const STANDING_AFTER = /^[^.;]{0,40}\b(?:so far|to date|as of|this year|this season)\b/i;
/** The clause opens on the day it counts to: "As of this week, officials in 31 states had activated ...". */
const STANDING_LEAD = /\b(?:as of|so far|to date)\b[^.;:]{0,60}$/i;
/** The claim's text before and after a slot's words; null when the claim's own words do not hold them. */
function sides(f: Feat, slot: ClaimSlot): { before: string; after: string } | null {
  const text = f.c.claim.text;
  const at = text.indexOf(slot.text);
  return at < 0 ? null : { before: text.slice(0, at), after: text.slice(at + slot.text.length) };
}
function standing(f: Feat, slot: ClaimSlot): boolean {
  const s = sides(f, slot);
  return (
    s !== null &&
    (STANDING_BEFORE.test(s.before.slice(-20)) ||
      STANDING_LEAD.test(s.before.slice(-80)) ||
      STANDING_AFTER.test(s.after))
  );
}

/**
 * A total over a span from its start ("more than 100,000 people have been killed since the civil war began"):
 * it holds the count of one act inside the span ("the Aug. 21 attack that killed 1,400") as a part. Another
 * total ("the war has killed 60,000") is compared with it as before.
 */
const SINCE_START = String.raw`\bsince\s+(?:(?:19|20)\d\d\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|last\b|then\b|the\s+(?:start|beginning|outbreak|onset)\b|[^.;,]{0,40}\b(?:began|begun|started|broke\s+out|erupted)\b)`;
const SINCE_AFTER = new RegExp(String.raw`^[^.;]{0,60}${SINCE_START}`, 'i');
const SINCE_LEAD = new RegExp(String.raw`^\s*${SINCE_START}[^.;]{0,80}$`, 'i');
function spanTotal(f: Feat, slot: ClaimSlot): boolean {
  const s = sides(f, slot);
  return s !== null && (SINCE_AFTER.test(s.after) || SINCE_LEAD.test(s.before));
}

/**
 * The names that say which part of a thing is counted: "12 Iowa GOP delegates", "Oregon's 28 delegates",
 * "4,000 troops to Minneapolis". Two counts are of the same thing only when each claim's names are
 * named in the other claim too, in its words or its actors (a count of Iowa's delegates is not one of
 * Colorado's, nor of all).
 */
const NUMBERISH =
  /^(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:-\w+)?|dozens?|hundreds?|thousands?|millions?|billions?|nearly|almost|about|around|some|more|over|at|least|up|to|as|many|just|roughly|approximately|fewer|less|no|than|upwards|of)$/i;
function qualifiers(f: Feat, slot: ClaimSlot): Int32Array {
  const text = f.c.claim.text;
  const at = text.indexOf(slot.text);
  if (at < 0) return new Int32Array();
  const names: string[] = [];
  for (const w of slot.text.match(/[\p{L}][\p{L}.'’-]*/gu) ?? [])
    if (/^\p{Lu}/u.test(w) && !NUMBERISH.test(w)) names.push(w);
  const own = /(\p{Lu}[\p{L}.-]+)['’]s\s+$/u.exec(text.slice(Math.max(0, at - 30), at));
  if (own) names.push(own[1] as string);
  const where = /^\s+(?:in|into|from|to|of|for)\s+(?:the\s+)?(\p{Lu}[\p{L}.-]+(?:\s+\p{Lu}[\p{L}.-]+)*)/u.exec(
    text.slice(at + slot.text.length),
  );
  if (where) names.push(where[1] as string);
  return names.length ? textWords(names.join(' ')) : new Int32Array();
}
/**
 * Words that count a part of a thing, not all of it, in lower case: a modifier between the number and the
 * noun ("60 classified emails"), a place right after the noun ("two shots in the car", "three people inside
 * the house"), or what marks the part ("emails flagged classified", "files containing secret material").
 * A count of the whole says none of them ("six shots", "30,000 emails").
 */
const NOT_RESTRICTING =
  /^(?:total|estimated|reported|confirmed|known|separate|different|individual|unidentified|unnamed|other|such|similar|same|whole|entire|full|overall|combined|all|people|person|men|women)$/;
/** Nouns after "in the" that tell when or in which happening, not which part: "in the attack", "in the past week". */
const NOT_PLACE =
  /^(?:past|first|last|next|early|late|morning|afternoon|evening|night|day|days|week|weeks|weekend|month|months|year|years|hours?|minutes?|time|period|wake|aftermath|meantime|end|course|process|case|attack|attacks|shooting|bombing|blast|explosion|crash|incident|confrontation|raid|strike|strikes|massacre|rampage|violence|clash|clashes|fighting|assault|ambush|standoff|encounter|operation)$/;
const PLACE_AFTER =
  /^\s+(?:in|inside|aboard|outside)\s+(?:the|a|an|his|her|their|its|this|that)\s+((?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]+)/;
/**
 * A place told right before the count as what the count is of: "bombings at Zaventem Airport, where 11 people were
 * killed", "put the number of dead at the train station at 20".
 */
const PLACE_BEFORE =
  /\b(?:at|in|inside|outside)\s+(?:the\s+)?((?:[A-Za-z][\w'’-]*\s+){0,3}[A-Za-z][\w'’-]*)(?:,?\s+where|\s+at)\s+$/;
const MARKED_AFTER =
  /^,?\s+(?:(?:that|which)\s+(?:were|was|are|is|had\s+been|have\s+been)\s+)?(?:flagged|marked|deemed|considered|labell?ed|containing|contained)\s+(?:as\s+)?([a-z][a-z-]+)/;
function restrictors(text: string, at: number, slot: ClaimSlot): string[] {
  const out: string[] = [];
  const words = slot.text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  for (const w of words.slice(0, -1))
    if (/^\p{Ll}{3,}$/u.test(w) && !NUMBERISH.test(w) && !NOT_RESTRICTING.test(w) && !SCALE_WORD.test(w)) out.push(w);
  const after = text.slice(at + slot.text.length);
  const place = PLACE_AFTER.exec(after);
  if (place) {
    const np = (place[1] as string).split(/\s+/);
    const cut = np.findIndex((w) => STOP.has(w) || NP_END.test(w));
    const head = (cut < 0 ? np : np.slice(0, cut)).filter((w) => !NOT_PLACE.test(w));
    if (head.length && !NOT_PLACE.test(np[0] as string)) out.push(...head);
  }
  const before = PLACE_BEFORE.exec(text.slice(Math.max(0, at - 80), at));
  if (before) {
    const np = (before[1] as string).split(/\s+/);
    if (!np.some((w) => NOT_PLACE.test(w.toLowerCase()) || STOP.has(w.toLowerCase()))) out.push(...np);
  }
  const marked = MARKED_AFTER.exec(after);
  if (marked && !STOP.has(marked[1] as string)) out.push(marked[1] as string);
  return out;
}
const SCALE_WORD = /^(?:dozen|hundred|thousand|million|billion|trillion)$/;
const NP_END = /^(?:before|after|during|when|while|because|since|until|and|but|or|as|where)$/;
/** Named in the claim's words or as one of its actors ("White House aides" and officials of a White House claim). */
/**
 * What was done to what is counted, when a verb right before the count says it ("deported more than 10
 * million immigrants", "shield around 5 million immigrants"): two different acts count two things.
 * Counts that carry their fate in the slot ("people killed", "drones fired") are told apart already.
 */
const NOT_ACT =
  /^(?:the|a|an|of|to|with|by|for|from|and|or|but|that|than|in|on|at|as|all|some|including|among|only|just|possibly|reportedly|also|about|nearly|almost|over|under|around|roughly|up|least|more|most|his|her|their|its|our|those|these|who|which|were|was|are|is|be|been|have|has|had|said|says)$/;
/** Words between an act and its count: "found guilty on eight counts", "charged with two", "facing seven". */
const LINK = /^(?:on|of|to|with|in|for|at|least|about|nearly|almost|over|around|roughly|some|more|than|up)$/;
/** The act of a relative clause after the counted noun: "the two counts (of fraud) he pleaded guilty to". */
const RELATIVE_ACT =
  /^(?:\s+of(?:\s+[\p{L}-]+){1,3}?)?\s+(?:that|which|who|he|she|they|it|we)\s+(?:(?:had|has|have|was|were|is|are)\s+)?(\p{Ll}{3,})/u;
function actOf(f: Feat, slot: ClaimSlot): string | null {
  if (slot.subject.includes(' ')) return null;
  const text = f.c.claim.text;
  const at = text.indexOf(slot.text);
  const rel = at >= 0 ? RELATIVE_ACT.exec(text.slice(at + slot.text.length)) : null;
  if (rel && !NOT_ACT.test(rel[1] as string)) return stem(rel[1] as string);
  const words = (text.slice(Math.max(0, at - 40), at).match(/[\p{L}'’-]+/gu) ?? []).filter(
    (w, i, all) => i < all.length - 3 || !LINK.test(w.toLowerCase()),
  );
  for (let i = words.length - 1; i >= 0 && i >= words.length - 2; i--) {
    const w = (words[i] as string).toLowerCase();
    if (/^(?:possibly|only|just|reportedly|also)$/.test(w)) continue;
    return /^\p{Ll}/u.test(words[i] as string) && !NOT_ACT.test(w) && w.length > 2 ? stem(w) : null;
  }
  return null;
}
function sameAct(a: Feat, x: ClaimSlot, b: Feat, y: ClaimSlot): boolean {
  const p = actOf(a, x);
  const q = actOf(b, y);
  return !p || !q || p === q;
}
/** A day of an act is compared only in articles this close: a weekday names one day of one week. */
const ACT_DAYS = 3;
/** Claims about one person's or thing's act: no two different actors, no second or further one. */
const SEVERAL = /\b(?:another|second|third|other|others|two|three|both|several|suspects|people)\b/i;
const oneActor = (a: Feat, b: Feat, stories: Stories) =>
  (a.specific.length && b.specific.length
    ? overlap(a.specific, b.specific) >= 1
    : // A claim that names no one ("his apprehension") is of someone its article names.
      a.specific.length
      ? stories.names(b, a.specific)
      : b.specific.length > 0 && stories.names(a, b.specific)) &&
  !SEVERAL.test(a.c.claim.text) &&
  !SEVERAL.test(b.c.claim.text);
/** Claims that name different days ("broke rank Thursday", "voted on Tuesday") tell different happenings. */
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
function sameWeekday(a: Feat, b: Feat): boolean {
  const da = new Set([...a.c.claim.text.matchAll(WEEKDAY)].map((m) => (m[1] as string).toLowerCase()));
  const db = [...b.c.claim.text.matchAll(WEEKDAY)].map((m) => (m[1] as string).toLowerCase());
  return !da.size || !db.length || db.some((d) => da.has(d));
}
/**
 * A count of what was added ("another 12 people", "12 new cases", "four boys ..., bringing the total to
 * eight") is not a count of the whole: an increment and a total are two slots (two increments are one).
 */
const INCREMENT_IN = /\b(?:more|additional|new|further)\b(?!\s+than)/;
const INCREMENT_BEFORE = /\b(?:another|additional|further)\s+$/i;
const INCREMENT_AFTER =
  /^[^.;]{0,80}\b(?:bringing|brings|raising|raises|pushing|pushes|taking|takes)\s+(?:the|its|their)\s+(?:total|tally|toll|number|count)\b/i;
function increment(f: Feat, slot: ClaimSlot): boolean {
  const s = sides(f, slot);
  return (
    INCREMENT_IN.test(slot.text) ||
    (s !== null && (INCREMENT_BEFORE.test(s.before.slice(-20)) || INCREMENT_AFTER.test(s.after)))
  );
}
const namedIn = (q: Int32Array, f: Feat) => q.every((w) => f.words.includes(w) || f.names.includes(w));
const sameQualifiers = (a: Feat, x: ClaimSlot, b: Feat, y: ClaimSlot) =>
  namedIn(qualifiers(a, x), b) && namedIn(qualifiers(b, y), a);
/** The count says a part (restrictors) that the other claim does not name. */
function partOnly(f: Feat, x: ClaimSlot, other: Feat): boolean {
  if (placedThere(f, x) && !other.slots.some((y) => placedThere(other, y.slot))) return true;
  const at = f.c.claim.text.indexOf(x.text);
  const r = at < 0 ? [] : restrictors(f.c.claim.text, at, x);
  return r.length > 0 && !namedIn(textWords(r.join(' ')), other);
}
/**
 * Things counted "there" or "here" ("Her campaign had 36 field offices there") are those of a place the article
 * named before: a part of a count of all of them. People counted there are not: "killed five people there" is
 * where the happening was, the whole of its toll.
 */
const DEICTIC_AFTER = /^\s+(?:there|here)\b/i;
function placedThere(f: Feat, x: ClaimSlot): boolean {
  return x.slot === 'count' && !/^people\b/.test(x.subject) && DEICTIC_AFTER.test(sides(f, x)?.after ?? '');
}
/**
 * A count that names a member of another kind right after it ("four debates, including a vice presidential
 * sit-down", "12 people, including two firefighters") counts a wider whole: a count of the same noun without
 * it may leave that member out, a part.
 */
const INCLUSIVE_AFTER = /^,?\s+(?:including|among\s+them)\b/i;
function inclusive(f: Feat, x: ClaimSlot): boolean {
  return INCLUSIVE_AFTER.test(sides(f, x)?.after ?? '');
}
/**
 * Counts of a part and of the whole: both hold unless the part is larger than the whole ("four federal
 * prosecutors quit" against "three prosecutors quit" still conflict). Two different parts never conflict.
 */
function partAndWhole(a: Feat, x: ClaimSlot, rx: Interval, b: Feat, y: ClaimSlot, ry: Interval): boolean {
  const pa = partOnly(a, x, b) || (inclusive(b, y) && !inclusive(a, x));
  const pb = partOnly(b, y, a) || (inclusive(a, x) && !inclusive(b, y));
  if (pa && pb) return true;
  if (pa) return rx.lo <= ry.hi;
  if (pb) return ry.lo <= rx.hi;
  return false;
}

/** A count of one act: "the Aug. 21 attack that killed 1,400", "a strike killed 12". */
const ONE_ACT_BEFORE =
  /\b(?:attack|strike|airstrike|bombing|raid|shooting|explosion|blast|massacre|assault|ambush|crash)\b[^.;]{0,40}$/i;
function oneAct(f: Feat, slot: ClaimSlot): boolean {
  const s = sides(f, slot);
  return s !== null && !standing(f, slot) && ONE_ACT_BEFORE.test(s.before.slice(-60));
}
/** A total over a span against the count of one act in it: the act's is a part, in conflict only when larger. */
function spanOverCount(a: Feat, x: ClaimSlot, rx: Interval, b: Feat, y: ClaimSlot, ry: Interval): boolean {
  if (spanTotal(a, x) && !spanTotal(b, y) && oneAct(b, y)) return ry.lo <= rx.hi;
  if (spanTotal(b, y) && !spanTotal(a, x) && oneAct(a, x)) return rx.lo <= ry.hi;
  return false;
}

/** How the attackers came, as one set per claim; "on foot" and a vehicle cannot both tell how one came. */
function meansConflict(a: Feat, b: Feat): [ClaimSlot, ClaimSlot] | null {
  const ma = a.slots.filter((s) => s.slot.slot === 'means');
  const mb = b.slots.filter((s) => s.slot.slot === 'means');
  if (!ma.length || !mb.length) return null;
  const va = new Set(ma.map((s) => s.slot.value));
  const vb = new Set(mb.map((s) => s.slot.value));
  const onlyA = ma.filter((s) => !vb.has(s.slot.value));
  const onlyB = mb.filter((s) => !va.has(s.slot.value));
  for (const x of onlyA)
    for (const y of onlyB) if ((x.slot.value === 'foot') !== (y.slot.value === 'foot')) return [x.slot, y.slot];
  return null;
}

/** An article's story profile as ids: what its claims say of their actors (content words beyond names), and the actors. */
function profileOf(claims: readonly Pick<Feat, 'said' | 'actors'>[]): Int32Array {
  const set = new Set<number>();
  for (const f of claims) {
    for (const w of f.said) set.add(w);
    for (const w of f.actors) set.add(w);
  }
  return Int32Array.from(set).sort();
}

/**
 * The story profile of one whole article, from all its claims, as terms a caller can store: compare() told
 * of it (its `profiles`) reads two articles as one story by the whole of both, when it is given only some
 * claims of one (a stored article's candidate claims).
 */
export function storyProfile(claims: readonly ComparableClaim[]): string[] {
  forgetWhenLarge();
  return [...profileOf(claims.map(saying))].map((i) => keyOf[i]!).sort();
}

/**
 * Stories: the articles of a comparison, each as the words and actors of its claims given here. Two
 * articles published within STORY_DAYS of each other whose profiles are this similar tell one story
 * (the notes' story clustering: content words plus actors, within a few days).
 */
const STORY_SIMILARITY = 0.25;
const STORY_SIMILARITY_UNDATED = 0.4;
const STORY_DAYS = 3;
const NEAR_DAYS = 7;
class Stories {
  private byArticle = new Map<string, Feat[]>();
  private profiles = new Map<string, Int32Array>();
  private given = new Map<string, Int32Array>();
  private cache = new Map<string, number>();
  /** `stored`: whole articles' profiles (storyProfile), for articles of which only some claims are given. */
  constructor(
    feats: Feat[],
    private stored?: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const f of feats) {
      const list = this.byArticle.get(f.c.articleId);
      if (list) list.push(f);
      else this.byArticle.set(f.c.articleId, [f]);
    }
  }
  /**
   * Built on first use: most comparisons never ask. `whole`: the stored profile of the whole article when given;
   * else the profile of the claims given here.
   */
  private profile(articleId: string, whole: boolean): Int32Array {
    const terms = whole ? this.stored?.get(articleId) : undefined;
    const cache = terms ? this.profiles : this.given;
    let p = cache.get(articleId);
    if (!p) cache.set(articleId, (p = terms ? sortedIds(terms) : profileOf(this.byArticle.get(articleId) ?? [])));
    return p;
  }
  /** The distinct numbers of votes needed and won that the claim's article gives, over all its claims. */
  votes(f: Feat): { needed: number[]; won: number[] } {
    const feats = this.byArticle.get(f.c.articleId) ?? [];
    return {
      needed: [...new Set(feats.flatMap((g) => g.votes.needed))],
      won: [...new Set(feats.flatMap((g) => g.votes.won))],
    };
  }
  /** Whether the claim's article gives this slot one value only, in all its claims. */
  oneValue(f: Feat, x: ClaimSlot): boolean {
    return (this.byArticle.get(f.c.articleId) ?? []).every((g) =>
      g.slots.every(({ slot: y }) => y.slot !== x.slot || y.subject !== x.subject || y.value === x.value),
    );
  }
  /** Whether the claim's article names one of these actors in any of its claims. */
  names(f: Feat, actors: Int32Array): boolean {
    return overlap(this.profile(f.c.articleId, true), actors) >= 1;
  }
  /**
   * Whether the two claims' articles tell one story. `whole` false reads them by the claims given only: a
   * corroboration's story path. Told by their whole profiles, articles of one news day on one topic pass the bar
   * while saying different things (in the linked corpus, 8 of 22 such corroborations sampled were right, against
   * 6 of 11 by the claims given); a contradiction has its slot, fate and qualifier gates besides.
   */
  same(a: Feat, b: Feat, whole = true): boolean {
    const apart = daysApart(a.when, b.when);
    if (apart !== null && apart > STORY_DAYS) return false;
    // Without both days, articles of one topic in different years look alike: only a closer match is one story.
    return this.similarity(a, b, whole) >= (apart === null ? STORY_SIMILARITY_UNDATED : STORY_SIMILARITY);
  }
  /** How alike the two claims' articles are (dice of their profiles). */
  similarity(a: Feat, b: Feat, whole = true): number {
    whole &&= this.stored !== undefined; // without stored profiles both readings are one
    const ids = a.c.articleId < b.c.articleId ? [a.c.articleId, b.c.articleId] : [b.c.articleId, a.c.articleId];
    const key = `${ids[0]}\n${ids[1]}\n${whole}`;
    let v = this.cache.get(key);
    if (v === undefined)
      this.cache.set(key, (v = dice(this.profile(a.c.articleId, whole), this.profile(b.c.articleId, whole))));
    return v;
  }
}

/** Counts of one kind of thing where one side does not say what happened to it ("four missiles", "fired two missiles"). */
function sameThing(x: string, y: string): boolean {
  const [nx, fx] = x.split(' ');
  const [ny, fy] = y.split(' ');
  return nx === ny && nx !== 'people' && (!fx || !fy);
}

/**
 * The people aboard a boat or a plane are one whole, told the day it sinks or crashes (the dead, the
 * rescued and the crew are counted apart, in other slots): two counts of them published at most a day
 * apart, in articles of one topic (a lower bar than a story's: two angles on one disaster share fewer
 * words), whose claims say two or more of the same words beyond the count ("boat", "capsized"), are of one craft.
 */
const ONE_TOPIC = 0.15;
function oneCraft(a: Feat, x: ClaimSlot, b: Feat, y: ClaimSlot, stories: Stories): boolean {
  if (x.subject !== 'people aboard' || y.subject !== 'people aboard') return false;
  const apart = daysApart(a.when, b.when);
  if (apart === null || apart > 1 || stories.similarity(a, b) < ONE_TOPIC) return false;
  const counted = textWords(`${x.subject} ${x.text} ${y.text}`);
  return overlap(minus(a.said, Int32Array.from(counted).sort()), b.said) >= 2;
}

/** Word similarity at which two claims are told in the same words: one happening, whoever they name. */
const CLOSE_WORDING = 0.4;

/** Returns the first slot on which two claims cannot both be true, or null. */
function conflict(
  a: Feat,
  b: Feat,
  sim: number,
  when: Verdict,
  stories: Stories,
): { slot: ClaimSlot; other: ClaimSlot; reason: string } | null {
  if (when === 'different' || !a.slots.length || !b.slots.length) return null; // most claims have no slot
  const sharedSpecific = overlap(a.specific, b.specific);
  const sharedActors = overlap(a.actors, b.actors);
  // Evidence that the two claims tell one happening, beyond time not ruling it out: close wording alone
  // is enough ("videos were removed within the first 24 hours" in both, a name in neither).
  let anchored: boolean | undefined;
  const anchor = () =>
    (anchored ??=
      when === 'same' ||
      sim >= CLOSE_WORDING ||
      (sharedSpecific >= 1 && sim >= 0.15) ||
      agreeingCount(a, b) ||
      stories.same(a, b));
  const apart = daysApart(a.when, b.when);
  for (const { slot: x, subject, range: rx } of a.slots) {
    for (const { slot: y, subject: other, range: ry } of b.slots) {
      if (x.slot !== y.slot || (subject !== other && !(x.slot === 'count' && sameThing(subject, other)))) continue;
      switch (x.slot) {
        case 'count':
        case 'distance': {
          if (
            !rx ||
            !ry ||
            !countsDisjoint(x.value, y.value) ||
            !(anchor() || oneCraft(a, x, b, y, stories)) ||
            !ownCount(a, { slot: x, subject }) ||
            !ownCount(b, { slot: y, subject: other })
          )
            break;
          if (RUNNING.test(subject) && apart !== null && apart > RUNNING_COUNT_DAYS) break;
          if ((standing(a, x) || standing(b, y)) && !(apart !== null && apart <= RUNNING_COUNT_DAYS)) break;
          if (!sameQualifiers(a, x, b, y) || !sameAct(a, x, b, y) || !sameWeekday(a, b)) break;
          if (x.slot === 'count' && partAndWhole(a, x, rx, b, y, ry)) break;
          if (x.slot === 'count' && spanOverCount(a, x, rx, b, y, ry)) break;
          if (increment(a, x) !== increment(b, y)) break;
          // Counts of people with no stated fate must share what is said around them ("given clearances",
          // not just "at the facility"); counts of things share a word or an actor that is not a state.
          if (x.slot === 'count') {
            const said = overlap(around(a, x), around(b, y));
            if (subject === 'people' ? said < 2 : !subject.startsWith('people ') && said < 1 && sharedSpecific < 1)
              break;
            // Without both publication days, an institution both name ("Supreme Court", "UN") is no
            // anchor by itself: what is said around the counts must meet too.
            if (said < 1 && when !== 'same' && (a.when.pub === null || b.when.pub === null)) break;
          }
          return {
            slot: x,
            other: y,
            reason: `${x.slot === 'count' ? `count of ${x.subject}` : x.subject}: ${x.value} ("${x.text}") vs ${y.value} ("${y.text}")`,
          };
        }
        case 'role': {
          const tx = TENURE.exec(x.value);
          const ty = TENURE.exec(y.value);
          if (tx || ty) {
            // One speaker's office told the same day as left and as held ("former governor" vs "acting Gov.").
            if (
              tx?.[2] === ty?.[2] &&
              tx?.[1] !== ty?.[1] &&
              apart !== null &&
              apart <= 1 &&
              a.speakers.includes(x.subject) &&
              b.speakers.includes(y.subject) &&
              opens(a, x) &&
              opens(b, y) &&
              sameWeekday(a, b)
            )
              return { slot: x, other: y, reason: `tenure of ${x.subject}: "${x.text}" vs "${y.text}"` };
            break;
          }
          if (!rolesComparable(a, x, b, y)) break;
          const xs = subordinate(x);
          const ys = subordinate(y);
          if (xs !== ys && (TOP.test(x.value) || xs) && (TOP.test(y.value) || ys))
            return { slot: x, other: y, reason: `role of ${x.subject}: "${x.value}" vs "${y.value}"` };
          break;
        }
        case 'date': {
          if (x.subject.startsWith('day of ')) {
            const wx = weekRange(x.value);
            const wy = weekRange(y.value);
            if (wx && wy && weekDisjoint(wx, wy) && apart !== null && apart <= ACT_DAYS && oneActor(a, b, stories))
              return { slot: x, other: y, reason: `${x.subject}: ${x.text} vs ${y.text}` };
            break;
          }
          if (x.subject.startsWith('start of ')) {
            // The day one trial is to begin, told in two articles of one story published at most a day apart:
            // two days two or more apart (a day counted from the article's own day may be off by one).
            const dx = startDay(x.value, a.when);
            const dy = startDay(y.value, b.when);
            if (
              dx !== null &&
              dy !== null &&
              Math.abs(dx - dy) >= 2 &&
              apart !== null &&
              apart <= 1 &&
              stories.same(a, b)
            )
              return {
                slot: x,
                other: y,
                reason: `${x.subject}: "${x.text}" (${x.value}) vs "${y.text}" (${y.value})`,
              };
            break;
          }
          if (x.value !== y.value && sim >= 0.12)
            return {
              slot: x,
              other: y,
              reason: `${x.subject.replace(/^report:/, 'report by ')} dated ${x.value} vs ${y.value}`,
            };
          break;
        }
        case 'time': {
          const tx = timeRange(x.value);
          const ty = timeRange(y.value);
          if (
            tx &&
            ty &&
            (tx[1] < ty[0] || ty[1] < tx[0]) &&
            (sharedSpecific >= 1 || sim >= 0.2 || / at \S/.test(x.subject))
          )
            return { slot: x, other: y, reason: `${x.subject}: ${x.text} (${x.value}) vs ${y.text} (${y.value})` };
          break;
        }
        case 'agent': {
          // Who sponsored one resolution: no state in common, in two articles of one story that each name
          // one set of sponsors (an article naming two drafts tells of rival resolutions).
          const ex = new Set(x.value.split('; '));
          if (
            x.subject === 'sponsor of resolution' &&
            !y.value.split('; ').some((v) => ex.has(v)) &&
            stories.same(a, b) &&
            stories.oneValue(a, x) &&
            stories.oneValue(b, y) &&
            !SEVERAL.test(a.c.claim.text) &&
            !SEVERAL.test(b.c.claim.text)
          )
            return { slot: x, other: y, reason: `${x.subject}: ${x.value} ("${x.text}") vs ${y.value} ("${y.text}")` };
          break;
        }
        case 'scope': {
          if (
            ((SCOPE_LOW.has(x.value) && SCOPE_HIGH.has(y.value)) ||
              (SCOPE_HIGH.has(x.value) && SCOPE_LOW.has(y.value))) &&
            sharedActors >= 1
          )
            return {
              slot: x,
              other: y,
              reason: `scope of "${x.subject}": ${x.value} ("${x.text}") vs ${y.value} ("${y.text}")`,
            };
          break;
        }
      }
    }
  }
  const m = meansConflict(a, b);
  if (m && anchor()) return { slot: m[0], other: m[1], reason: `how the attacker came: ${m[0].text} vs ${m[1].text}` };
  return null;
}

/**
 * A vote's shortfall against its tally: "the effort fell one vote shy" in one article, and in another of the
 * same story the one number of votes needed ("Sixty votes were needed") and the one number won ("Thursday's
 * 58-40 vote"): 60 - 58 is two votes short, not one. Read from the claims' words; the other article must give
 * one threshold and one tally (an article naming a later vote's "51 votes" tells of two votes).
 */
const VOTE_NUMBER = String.raw`(\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)`;
const SHORTFALL = new RegExp(
  String.raw`\b(?:fell|came\s+up|came|was|were)\s+${VOTE_NUMBER}\s+votes?\s+(?:shy|short)\b`,
  'i',
);
const NEEDED = new RegExp(
  String.raw`\b${VOTE_NUMBER}\s+votes\s+(?:(?:were|are|was|is)\s+)?(?:needed|required|necessary)\b|\bneeded\s+${VOTE_NUMBER}\s+votes\b`,
  'gi',
);
const WON = new RegExp(
  String.raw`(?<![\d-])(\d{1,3})-\d{1,3}\s+(?:vote|tally)\b|\b${VOTE_NUMBER}\s+(?:senators\s+|members\s+|lawmakers\s+)?voted\s+(?:to|for|in\s+favor)\b`,
  'gi',
);
const voteNumber = (w: string | undefined) => (w === undefined ? null : numberWord(w.toLowerCase()));
function shortfallOf(text: string): { n: number; text: string } | null {
  const m = SHORTFALL.exec(text);
  const n = voteNumber(m?.[1]);
  return m && n !== null && n >= 1 ? { n, text: m[0] } : null;
}
function votesOf(text: string): { needed: number[]; won: number[] } {
  const read = (re: RegExp) =>
    [...text.matchAll(re)].map((m) => voteNumber(m[1] ?? m[2])).filter((n): n is number => n !== null && n >= 2);
  return { needed: read(NEEDED), won: read(WON) };
}
function shortfallConflict(
  a: Feat,
  b: Feat,
  stories: Stories,
): { slot: ClaimSlot; other: ClaimSlot; reason: string } | null {
  for (const [f, g] of [
    [a, b],
    [b, a],
  ] as const) {
    // Related to the claim that gives the votes needed: one relation per article, where the shortfall is read.
    if (!f.shortfall || g.votes.needed.length !== 1) continue;
    const apart = daysApart(f.when, g.when);
    if (apart === null || apart > 1 || !stories.same(f, g)) continue;
    const { needed, won } = stories.votes(g);
    if (needed.length !== 1 || won.length !== 1) continue;
    const short = (needed[0] as number) - (won[0] as number);
    if (short < 1 || short === f.shortfall.n) continue;
    const mine: ClaimSlot = {
      slot: 'count',
      subject: 'vote shortfall',
      value: String(f.shortfall.n),
      text: f.shortfall.text,
    };
    const theirs: ClaimSlot = {
      slot: 'count',
      subject: 'vote shortfall',
      value: String(short),
      text: `${needed[0]} needed, ${won[0]} won`,
    };
    const [slot, other] = f === a ? [mine, theirs] : [theirs, mine];
    return {
      slot,
      other,
      reason: `vote shortfall: ${slot.value} ("${slot.text}") vs ${other.value} ("${other.text}")`,
    };
  }
  return null;
}

/** One claim denies what the other, denying nothing, asserts (the words it denies, beyond its own names, are in the other). */
const denies = (f: Feat, other: Feat) =>
  f.denied !== null && other.denied === null && overlap(minus(f.denied, f.names), other.words) > 0;

/** The words a claim puts right before a name ("British aid worker Alan Henning", "an aid worker, David Haines"). */
function described(f: Feat, name: string): string | null {
  const at = f.c.claim.text.indexOf(name);
  const m = at > 0 ? /(\p{Ll}{3,}\s+\p{Ll}{3,}),?\s+$/u.exec(f.c.claim.text.slice(Math.max(0, at - 40), at)) : null;
  return m ? (m[1] as string) : null;
}
/**
 * Each claim gives one description to someone the other does not name ("aid worker David Haines", "aid worker
 * Alan Henning"): the same words about two people are two statements.
 */
function otherPerson(a: Feat, b: Feat): boolean {
  const strangers = (f: Feat, g: Feat) =>
    f.c.actorNames.filter(
      (n) => !g.c.actorNames.includes(n) && !g.c.claim.text.includes(n.split(/\s+/).pop() as string),
    );
  const bs = new Set(strangers(b, a).map((n) => described(b, n)));
  return strangers(a, b).some((n) => {
    const d = described(a, n);
    return d !== null && bs.has(d);
  });
}

const otherSpeakers = (a: Feat, b: Feat) =>
  a.speakers.length > 0 && b.speakers.length > 0 && !a.speakers.some((n) => b.speakers.includes(n));

/**
 * The same assertion: enough of what the claims say beyond their actors' names is shared (three
 * words or more). Two claims that share only "Trump" and a few common words are two statements about Trump.
 */
function sameAssertion(a: Feat, b: Feat, common: number, when: Verdict, stories: Stories): string | null {
  // A copied figure ("14 people", "a 230-197 vote") with one more word is enough inside one story (below).
  const figure = shareFigure(a, b);
  const least = figure ? 2 : 3;
  if (when === 'different' || common < least) return null; // the words in common bound the words shared
  // Words both claims share, except words of a name in both (the same actor named twice): a word that
  // is part of a name in one claim ("Personnel Security Office") and plain in the other ("personnel office") counts.
  let shared = 0;
  for (let i = 0, j = 0; i < a.words.length && j < b.words.length;) {
    const x = a.words[i]!;
    const y = b.words[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      if (!(a.names.includes(x) && b.names.includes(x))) shared++;
      i++;
      j++;
    }
  }
  if (shared < least || a.assertsNothing || b.assertsNothing || denies(a, b) || denies(b, a)) return null;
  const said = (2 * shared) / Math.max(1, a.said.length + b.said.length);
  const actors = overlap(a.actors, b.actors);
  const core = overlap(a.core, b.core);
  const contained = shared / Math.max(1, Math.min(a.said.length, b.said.length));
  // A close match is the same statement wherever it appears (within the time gate); a looser one only
  // about one dated happening, or inside one story (articles of the same days telling the same news;
  // when a day is unknown, articles whose claims are closer still). Outside a story, two claims on one
  // topic of the same month ("Biden is a 2020 candidate", "Sanders is a 2020 candidate") stay apart.
  const close = said >= 0.5 && shared >= 5;
  // Two claims of one news week share its words and its people ("the stopgap bill", "Republican leaders")
  // while saying different things of them: the fewer words they share, the more of who they are about
  // must be the same (`core`: actors that are not states or parties). Bars fitted on the tuning halves of
  // the gold and of the labelled corpus pairs (eval/corpus-pairs).
  const apart = daysApart(a.when, b.when);
  // (Published the same day, a story's articles tell one news: a fair share of words is enough.)
  const loose =
    (said >= 0.2 || contained >= 0.5) &&
    (core >= 2 || (said >= 0.2 && core >= 1) || contained >= 0.7 || (apart === 0 && said >= 0.24));
  // Published within a week of each other, a fair match is the same statement too.
  const near =
    apart !== null &&
    apart <= NEAR_DAYS &&
    (said >= 0.5 || (said >= 0.4 && core >= 1) || (said >= 0.3 && core >= 2) || (contained >= 0.6 && shared >= 4));
  // Articles published months apart are joined only by one dated happening told in the same words
  // (Comey's statement of 5 July 2016 retold in 2019), not by a loose match on its background.
  if (apart !== null && apart > MAX_DAYS_APART) return close ? reasonOf(shared, said, actors, 'close') : null;
  // One dated happening vouches for a loose match only while it is news: dated within MAX_DAYS_APART
  // of both articles' publication ("the 2016 election investigation" told in 2018 and 2019 is background).
  const news = (f: Feat) =>
    f.when.pub !== null && f.when.day !== null && Math.abs(f.when.pub - f.when.day) <= MAX_DAYS_APART;
  if (otherPerson(a, b)) return null;
  // Statements of two different speakers are two statements, unless they match closely.
  if (!close && otherSpeakers(a, b)) return null;
  const path = close
    ? 'close'
    : near
      ? 'near'
      : loose && when === 'same' && news(a) && news(b)
        ? 'happening'
        : loose && stories.same(a, b, false)
          ? 'story'
          : figure && apart !== null && apart <= STORY_DAYS && stories.similarity(a, b, false) >= ONE_TOPIC
            ? 'figure'
            : null;
  return path ? reasonOf(shared, said, actors, path) : null;
}
const reasonOf = (shared: number, said: number, actors: number, path: string) =>
  `same statement (${shared} words shared beyond names, similarity ${said.toFixed(2)}, ${actors} shared actors; ${path})`;

/** Empties the word tables between two comparisons when they grow large (bounded memory). */
function forgetWhenLarge() {
  if (ids.size <= 200_000) return;
  ids.clear();
  keyOf.length = 0;
  wordsOf.clear();
  STATE_IDS = stateIds();
}

/**
 * `profiles`: story profiles (storyProfile) of whole articles, by article id, for articles given here by some
 * of their claims only; an article without one is read by the claims given.
 */
export function compare(
  claims: ComparableClaim[],
  options: { profiles?: ReadonlyMap<string, readonly string[]> } = {},
): ComparisonResult {
  forgetWhenLarge();
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
  const stories = new Stories(feats, options.profiles);
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
    const common = overlap(a.words, b.words);
    const sim = (2 * common) / Math.max(1, a.words.length + b.words.length);
    const c =
      (a.slots.length && b.slots.length ? conflict(a, b, sim, happening(a.when, b.when), stories) : null) ??
      (a.shortfall !== null || b.shortfall !== null ? shortfallConflict(a, b, stories) : null);
    if (c) {
      relations.push({
        fromId: a.c.id,
        toId: b.c.id,
        kind: 'CONTRADICTS',
        reason: c.reason,
        slot: c.slot.slot,
        fromValue: c.slot.value,
        toValue: c.other.value,
      });
      if (sim >= 0.2) parent[find(i)] = find(j);
      continue;
    }
    const reason = common >= 2 ? sameAssertion(a, b, common, happening(a.when, b.when, false), stories) : null;
    if (reason) {
      parent[find(i)] = find(j);
      relations.push({
        fromId: a.c.id,
        toId: b.c.id,
        kind: 'CORROBORATES',
        reason,
        slot: '',
        fromValue: null,
        toValue: null,
      });
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
