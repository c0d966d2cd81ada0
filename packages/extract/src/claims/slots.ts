// Slot values that the cross-article comparison checks: counts, distances, an attacker's means,
// times, report days, roles, scope.
import type { AttributionNode, ClaimSlot } from '@claimgraph/shared';
import type { ActorIndex } from '../actors/index.js';
import type { DateMention } from '../dates.js';
import { LENGTH, lengthUnit, numberWord, QUALIFIERS, SCALES, VAGUE } from '../compare/quantity.js';
import { STATES } from '../gazetteer/states.js';

export interface SlotContext {
  /** Clock time (minutes after midnight) of the last narrated arrival ("landed at 3:36 am"). */
  arrival: { mins: number; place: string } | null;
}
const arrivalPlace = (t: string) =>
  /\b(?:landed|arrived|touched down)\s+(?:\w+\s+){0,3}?(?:in|at|on)\s+(?:the\s+)?(\p{Lu}[\p{L}-]+)/u.exec(t)?.[1] ?? '';
const arrivalSubject = (place: string) => (place ? `arrival at ${place.toLowerCase()} to strike` : 'arrival to strike');

interface Ctx {
  actors: ActorIndex;
  dates: DateMention[];
  chain: AttributionNode[];
  atVerbPos: number;
}

const ARRIVAL = /\b(landed|arrived|touched down|reached)\b/i;
const STRIKE = /\b(missiles?|strikes?|struck|killed|fired|hit|bombed|attack(?:ed)?)\b/i;
const RANK = ['none', 'few', 'limited', 'some', 'many', 'most', 'all'];

export const singular = (w: string) =>
  w
    .toLowerCase()
    .replace(/^air(?=strike)/, '')
    .replace(/ies$/, 'y')
    .replace(/(ss)$/, '$1')
    .replace(/([^s])s$/, '$1');
export const verbStem = (w: string) =>
  w
    .toLowerCase()
    .replace(/(ied|ies)$/, 'y')
    .replace(/(ed|es|ing|s)$/, '')
    .replace(/e$/, '');

// --- Counts and distances ---------------------------------------------------------------------
// A count is (what is counted, what happened to it, how many): "killed 23 people" and "23 dead" are
// the count of people killed; "147 wounded" another slot. The value keeps its hedge ("at least 25",
// "nearly 24") so the comparison reads it as an interval (compare/quantity.ts).

interface Tok {
  w: string;
  lw: string;
  start: number;
}
const TOKEN = /[$£€]?\d+(?:,\d{3})*(?:\.\d+)?%?|[\p{L}][\p{L}'’-]*|[^\s\p{L}\d]/gu;
function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text))
    out.push({ w: m[0], lw: m[0].toLowerCase(), start: m.index });
  return out;
}

/** People counted: one class, so "25 officials" and "25 people" count the same thing. */
const PERSON = new Set(
  'people persons men women children kids civilians aides officials staff staffers crew employees workers members soldiers troops servicemen personnel fighters militants gunmen police policemen officers students migrants refugees hostages passengers victims patients residents protesters demonstrators individuals adults teenagers citizens prisoners detainees diplomats journalists lawmakers senators voters'.split(
    ' ',
  ),
);
/** What happened to the people counted, by class: "dead", "died" and "killed" are one slot, "wounded" another. */
const FATE: [RegExp, string][] = [
  [/^(killed|kill|kills|killing|dead|died|die|dies|deaths?|slain|fatalities|perished|executed|lives)$/, 'killed'],
  [/^(wounded|wounding|wounds|injured|injuring|injures|injuries|hurt)$/, 'wounded'],
  [/^(missing|disappeared)$/, 'missing'],
  [/^(arrested|arresting|arrests|detained|detaining)$/, 'arrested'],
  [/^(abducted|kidnapped|taken hostage)$/, 'abducted'],
  [/^(infected|positive|sickened|diagnosed)$/, 'infected'],
];
const fateOf = (lw: string) => FATE.find(([re]) => re.test(lw))?.[1] ?? null;
/** The fate of people counted at token k, where being on board ("850 people on board", "aboard") is one too. */
const fateAt = (toks: Tok[], k: number) =>
  fateOf(toks[k]?.lw ?? '') ??
  (toks[k]?.lw === 'aboard' || (toks[k]?.lw === 'on' && toks[k + 1]?.lw === 'board') ? 'aboard' : null);
/** What happened to things counted: "fired five drones" and "destroyed two drones" are two slots. */
const THING_FATE: [RegExp, string][] = [
  [/^(fired|fire|fires|firing|launched|launch|launches|launching|shot)$/, 'fired'],
  [/^(intercepted|intercept|intercepting|downed|destroyed|destroying)$/, 'intercepted'],
];
const thingFateOf = (lw: string) => THING_FATE.find(([re]) => re.test(lw))?.[1] ?? null;
const DISEASE =
  /\b(?:virus|viral|disease|infect\w*|outbreak|tested positive|covid|coronavirus|flu|influenza|ebola|measles|epidemic|pandemic)\b/i;
/** Words that end a noun phrase after a number: what follows them is not the thing counted. */
const NP_STOP = new Set(
  'of in on at by for with from and or but to that who whom which whose were was are is be been being have has had will would could can may might than as into over after before during while where when since including among'.split(
    ' ',
  ),
);
/** Counted things that are times, money, shares, scores or ages, never comparable as counts. */
const NOT_COUNTED =
  /^(seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|times?|percent|per|cents?|dollars?|euros?|pounds?|points?|votes?|kilograms?|kg|tons?|tonnes?|ounces?|degrees?|inches?|sides?|instances?|ways?|others|more|less|such|th|st|nd|rd)$/;
const MONTHS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/;
const AUX = /^(were|was|are|is|have|has|had|been|being|be|reportedly|also|all|later|now|were|tested|since|so|far)$/;
/** Cues that the number is a part of a larger set ("including two officials", "25 of the 40"). */
const PART_OF = /^(including|include|includes|included|among|of)$/;
/** Words that pick a run out of a sequence ("the first two", "the final three"). */
const ORDINAL_PART = /^(first|last|final|next|initial|opening|remaining|previous|latest)$/;

/** The hedge right before token i, and where it starts. */
const QUALIFIER_WORDS = QUALIFIERS.map(([q]) => [q, q.split(' ')] as const);
function hedgeBefore(toks: Tok[], i: number): { q: string; at: number } | null {
  for (const [q, ws] of QUALIFIER_WORDS) {
    if (i - ws.length < 0) continue;
    if (ws.every((w, k) => toks[i - ws.length + k]?.lw === w)) return { q, at: i - ws.length };
  }
  return null;
}

/** A number phrase at token i: "25", "1,200", "two dozen", "a hundred", "twenty-five", "dozens of". */
const VAGUE_LIST = Object.keys(VAGUE).map((v) => [v, v.split(' ')] as const);
const VAGUE_FIRST = new Set(VAGUE_LIST.map(([, ws]) => ws[0]));
/** Most words are no number: one look-up decides. */
const mayStartNumber = (lw: string) =>
  NUMBER_START.has(lw) || VAGUE_FIRST.has(lw) || /^\d/.test(lw) || /^[a-z]+ty-/.test(lw);
function numberAt(toks: Tok[], i: number): { n: number | null; vague: string | null; end: number } | null {
  const t = toks[i] as Tok;
  if (!mayStartNumber(t.lw)) return null;
  if (VAGUE_FIRST.has(t.lw))
    for (const [v, ws] of VAGUE_LIST) {
      if (ws.every((w, k) => toks[i + k]?.lw === w)) {
        let end = i + ws.length;
        if (toks[end]?.lw === 'of') end++;
        return { n: null, vague: v, end };
      }
    }
  // "half a million": half of the scaled number that follows.
  if (t.lw === 'half') {
    const rest = toks[i + 1]?.lw === 'a' || toks[i + 1]?.lw === 'an' ? numberAt(toks, i + 1) : null;
    return rest?.n ? { ...rest, n: rest.n / 2 } : null;
  }
  let n = /^[a-z]/.test(t.lw) && (t.lw === 'a' || t.lw === 'an') ? 1 : numberWord(t.w);
  if (n === null) return null;
  let end = i + 1;
  let scaled = false;
  while (toks[end] && SCALES[toks[end]!.lw] !== undefined) {
    n *= SCALES[toks[end]!.lw] as number;
    scaled = true;
    end++;
  }
  // "a" is a number only before a scale or a unit of length ("a dozen", "about a mile").
  if ((t.lw === 'a' || t.lw === 'an') && !scaled && !(toks[end] && lengthUnit(toks[end]!.lw))) return null;
  return { n, vague: null, end };
}

const NUMBER_START = new Set(
  'a an half one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety'.split(
    ' ',
  ),
);

/**
 * True when some token could start a number phrase (numberAt): a digit, a number word, a vague amount, or "a"/"an"
 * before "few", "handful", a scale or a unit of length. Most sentences have none, and then counts() tokenises nothing.
 * A token of letters starts after a non-letter, so after no ASCII letter (a Unicode property in the look-behind
 * made this test cost as much as the rest of counts()); the word lists are the ones numberAt reads.
 */
const NUMBER_WORDS = [...NUMBER_START, ...VAGUE_FIRST].filter((w) => w !== 'a' && w !== 'an');
const A_BEFORE = ['few', 'handful', ...Object.keys(SCALES), ...Object.keys(LENGTH)];
const MAY_COUNT = new RegExp(
  `\\d|(?<![a-zA-Z])(?:${NUMBER_WORDS.join('|')}|an?\\s*(?:${A_BEFORE.join('|')})s?(?![\\p{L}'’-]))`,
  'iu',
);

/** The counted noun and its fate of "the number of X ..." ending at token `end`, within sixteen words of it. */
function numberOf(toks: Tok[], end: number): [string, string | null] | null {
  for (let k = end - 1; k >= Math.max(1, end - 16); k--) {
    const x = toks[k] as Tok;
    if (!/^\p{L}/u.test(x.w)) return null;
    if (x.lw !== 'of' || toks[k - 1]?.lw !== 'number' || toks[k - 2]?.lw !== 'the') continue;
    for (let j = k + 1; j < Math.min(end, k + 4); j++) {
      const w = toks[j] as Tok;
      const f = fateOf(w.lw);
      if (f) return ['people', f];
      if (PERSON.has(w.lw)) return ['people', fateAt(toks, j + 1)];
      if (/^[a-z][a-z-]*[^su']s$/.test(w.w)) return [w.lw, null];
    }
    return null;
  }
  return null;
}

function counts(text: string, slots: ClaimSlot[]): void {
  if (!MAY_COUNT.test(text)) return;
  const toks = tokens(text);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    // Every later test only skips a token that is no number and no "another"/"single": skip those at once.
    if (!mayStartNumber(t.lw) && t.lw !== 'another' && t.lw !== 'single') continue;
    const prev = toks[i - 1];
    // Dates ("March 23"), clock times ("07:47"), money, shares and ranks are no counts.
    if (
      prev &&
      (prev.lw === ':' || prev.lw === 'no' || prev.lw === 'number' || MONTHS.test(prev.lw) || /^[$£€]/.test(prev.w))
    )
      continue;
    if (/^[$£€]|%$/.test(t.w)) continue;
    // "another missile" / "a single missile": one more of what the claim already counted.
    if ((t.lw === 'another' || t.lw === 'single') && toks[i + 1]) {
      const more = slots.find(
        (x) => x.slot === 'count' && x.subject.split(' ')[0] === singular(toks[i + 1]!.lw) && /^\d+$/.test(x.value),
      );
      if (more) {
        more.value = String(+more.value + 1);
        more.text += ` + ${t.w} ${toks[i + 1]!.w}`;
      }
      continue;
    }
    // A number glued to a name ("G20 leaders", "COVID-19 cases", "F-35 jets") is part of the name.
    if (/[\p{L}]-?$/u.test(text.slice(Math.max(0, t.start - 2), t.start)) && /^\d/.test(t.w)) continue;
    let num = numberAt(toks, i);
    if (!num) continue;
    const at = i;
    // The second figure of a tally or score ("leads 52-41", "passed 7-2") counts nothing.
    if (toks[i - 1]?.w === '-' && /^\d+$/.test(toks[i - 2]?.w ?? '')) continue;
    // Ranges: "five to seven people", "20-25 people".
    let upTo: number | null = null;
    if (num.n !== null && /^(to|-)$/.test(toks[num.end]?.lw ?? '')) {
      const hi = numberAt(toks, num.end + 1);
      if (hi?.n != null && hi.n > num.n) [upTo, num] = [hi.n, { ...num, end: hi.end }];
    }
    i = num.end - 1;
    const next = toks[num.end] ?? { w: '.', lw: '.', start: text.length };
    if (
      next.lw === ':' ||
      (next.w === '-' && /^year/.test(toks[num.end + 1]?.lw ?? '')) ||
      /^[ap]\.?m\.?$/.test(next.lw)
    )
      continue;
    if (num.n !== null && /^\d{4}$/.test(t.w) && num.n >= 1800 && num.n <= 2100) continue; // a year
    // "Texas and 25 other states", "two more strikes": a part or an increment, never the total.
    if (/^(other|others|more|additional|further|extra)$/.test(next.lw)) continue;
    // "the first two shots", "the last three days": a run picked out of a longer one, never its total.
    if (ORDINAL_PART.test(toks[at - 1]?.lw ?? '')) continue;
    const q = hedgeBefore(toks, at);
    const from = q?.at ?? at;
    // A part of a larger set ("including two officials", "25 of the 40") is no count of the whole,
    // nor is the whole it is a part of.
    if (
      toks[from - 1]?.lw === 'the' &&
      toks[from - 2]?.lw === 'of' &&
      /^\d|^[a-z]+$/.test(toks[from - 3]?.lw ?? '') &&
      numberAt(toks, from - 3)
    )
      continue;
    if (
      toks.slice(Math.max(0, from - 3), from).some((x) => PART_OF.test(x.lw) && x.lw !== 'of') ||
      (next.lw === 'of' && num.vague === null)
    )
      continue;
    const value =
      num.n === null ? `~${num.vague}` : upTo !== null ? `${num.n} to ${upTo}` : `${q ? q.q + ' ' : ''}${num.n}`;
    // Distances: "about a mile from the village", "six miles away from it".
    const unit = lengthUnit(next.lw);
    if (unit) {
      let k = num.end + 1;
      if (toks[k]?.lw === 'away') k++;
      if (/^(north|south|east|west)$/.test(toks[k]?.lw ?? '')) k++;
      if (!/^(from|of|outside)$/.test(toks[k]?.lw ?? '')) continue;
      k++;
      if (/^(the|a|an)$/.test(toks[k]?.lw ?? '')) k++;
      let place = '';
      for (
        ;
        k < toks.length &&
        /^[a-z][a-z-]+$/.test((toks[k] as Tok).w) &&
        !NP_STOP.has((toks[k] as Tok).lw) &&
        !/^(where|who)$/.test((toks[k] as Tok).lw);
        k++
      )
        place = (toks[k] as Tok).lw;
      if (place && num.n !== null)
        slots.push({
          slot: 'distance',
          subject: `distance from ${singular(place)}`,
          value: `${value} ${unit}`,
          text: text.slice(toks[from]!.start, next.start + next.w.length),
        });
      continue;
    }
    // The head noun: the first plural noun within five words, past modifiers ("two current senior White House officials").
    let noun = '';
    let fate: string | null = null;
    let end = num.end;
    for (let k = num.end; k < Math.min(toks.length, num.end + 5); k++) {
      const x = toks[k] as Tok;
      if (!/^\p{L}/u.test(x.w) || NP_STOP.has(x.lw)) break;
      const f = fateOf(x.lw);
      if (f && k === num.end) {
        [noun, fate, end] = ['people', f, k + 1];
        break;
      }
      if (PERSON.has(x.lw) || (/^\p{Lu}/u.test(x.w) && /(ans|is)$/.test(x.w))) {
        [noun, end] = ['people', k + 1];
        break;
      }
      if (/^[a-z][a-z-]*[^su']s$/.test(x.w) || /^(feet|aircraft)$/.test(x.lw)) {
        [noun, end] = [x.lw, k + 1];
        break;
      }
    }
    // "injured 146", "killing at least 23": the verb before says what happened to the people counted.
    const verbBefore = toks[from - 1];
    const fateBefore = verbBefore ? fateOf(verbBefore.lw) : null;
    if (!noun && fateBefore) [noun, fate] = ['people', fateBefore];
    // "the death toll rose to 57", "the toll stood at 23".
    if (!noun && toks.slice(Math.max(0, from - 4), from).some((x) => x.lw === 'toll'))
      [noun, fate] = ['people', 'killed'];
    // "put the number of people on board at 950", "the number of dead rose to 30": what the number is of.
    if (!noun && /^(at|to)$/.test(verbBefore?.lw ?? '')) [noun, fate] = numberOf(toks, from - 1) ?? ['', null];
    if (!noun || NOT_COUNTED.test(noun) || (num.n === 1 && !q)) continue;
    if (noun === 'people' && !fate) {
      fate = fateBefore;
      // "23 people were killed", "25 people have reportedly died".
      for (let k = end; !fate && k < Math.min(toks.length, end + 4); k++) {
        const x = toks[k] as Tok;
        fate = fateAt(toks, k);
        if (!fate && !AUX.test(x.lw)) break;
      }
    }
    if (noun !== 'people') {
      fate = verbBefore ? thingFateOf(verbBefore.lw) : null;
      for (let k = end; !fate && k < Math.min(toks.length, end + 3); k++) {
        fate = thingFateOf((toks[k] as Tok).lw);
        if (!fate && !AUX.test((toks[k] as Tok).lw)) break;
      }
    }
    // A case of a disease is a person infected: "22 cases" and "15 people have tested positive" count one thing.
    const infected = /^(cases|infections)$/.test(noun) && DISEASE.test(text);
    const subject =
      noun === 'people'
        ? fate
          ? `people ${fate}`
          : 'people'
        : infected
          ? 'people infected'
          : singular(noun) + (fate ? ` ${fate}` : '');
    const last = toks[end - 1] as Tok;
    slots.push({ slot: 'count', subject, value, text: text.slice(toks[from]!.start, last.start + last.w.length) });
  }
}

/** How an attacker came: on foot, on two wheels, in a car ("one on foot, one in a car" vs "on a motorcycle"). */
const ATTACKER = /\b(bombers?|attackers?|assailants?|gunm[ae]n)\b/i;
const MEANS: [RegExp, string][] = [
  [/\bon foot\b/gi, 'foot'],
  [/\bon an? (?:[a-z]+ )?(?:motorcycle|motorbike|scooter|moped|bicycle|bike)\b/gi, 'two wheels'],
  [/\b(?:in|driving|drove|drive|rigged) an? (?:[a-z-]+ )?(?:car|suv|SUV|truck|van|vehicle|pickup)\b/g, 'car'],
];
function means(text: string, slots: ClaimSlot[]): void {
  if (!ATTACKER.test(text)) return;
  for (const [re, value] of MEANS)
    for (const m of text.matchAll(re)) slots.push({ slot: 'means', subject: 'attacker', value, text: m[0] });
}

// --- The day and part of day of a named act -----------------------------------------------------
// "captured Thursday night" and "his apprehension on Friday evening" date one act: the comparison reads
// the value back as hours of the week (compare.ts), so "Thursday night" and "early Friday" agree.
/** Acts told once of one person or thing, by class: "captured", "apprehension" and "arrested" are one. */
const ACTS: [string, string][] = [
  ['captur\\w*|apprehen\\w*|arrest(?:ed)?|taken into custody', 'capture'],
  ['resign\\w*', 'resignation'],
  ['capsiz\\w*|sank|sinking', 'sinking'],
  ['crash(?:ed)?', 'crash'],
];
const WHEN_OF_ACT = new RegExp(
  `\\b(${ACTS.map(([re]) => re).join('|')})\\s+(?:on\\s+)?((?:(?:late|early)\\s+(?:on\\s+)?)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\\s+(?:morning|afternoon|evening|night))?)\\b`,
  'gi',
);
function actDays(text: string, slots: ClaimSlot[]): void {
  for (const m of text.matchAll(WHEN_OF_ACT)) {
    const act = ACTS.find(([re]) => new RegExp(`^(?:${re})$`, 'i').test(m[1] as string))?.[1];
    if (act)
      slots.push({
        slot: 'date',
        subject: `day of ${act}`,
        value: (m[2] as string)
          .toLowerCase()
          .replace(/\s+on\s+/, ' ')
          .replace(/\s+/g, ' '),
        text: m[0],
      });
  }
}

// --- A person's tenure, in a title right before the name -----------------------------------------
// "Former Chiang Rai governor and rescue mission commander X" and "Chiang Rai acting Gov. X": whether the
// office is held now. A title given after the name is an appositive role (actors/index.ts).
const ABBREVIATED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  gov: 'governor',
  sen: 'senator',
  rep: 'representative',
  gen: 'general',
  sec: 'secretary',
  atty: 'attorney',
  amb: 'ambassador',
});
/** A tenure word, place names, the office (lower case, abbreviated, or a capitalised title), then up to five more words of the title ("and mission commander"). */
const TENURE =
  /\b([Ff]ormer|[Ee]x|[Aa]cting|[Ii]nterim|[Cc]urrent|[Ss]itting)[\s-]+(?:\p{Lu}[\p{L}'’-]*\s+){0,3}?(\p{Ll}[\p{L}-]+|\p{Lu}\p{Ll}{1,3}\.|(?:Mayor|Governor|President|Prime|Secretary|Director|Chairman|Chairwoman|Chair|Minister|Attorney|Senator|Speaker|Chief|Commissioner|Sheriff|Commander|Ambassador|Leader|Head)(?=\s))((?:\s+[\p{L}-]+){0,5})\s+$/u;
const NOT_TITLE = /\b(?:said|says|told|met|with|that|who|which|when|after|before|while|by|to|is|was)\b/i;
function tenures(text: string, offset: number, ctx: Ctx, slots: ClaimSlot[]): void {
  for (const m of ctx.actors.mentions) {
    if (m.start < offset || m.end > offset + text.length) continue;
    const person = ctx.actors.byKey.get(m.actorKey);
    if (person?.kind !== 'PERSON') continue;
    const t = TENURE.exec(text.slice(Math.max(0, m.start - offset - 80), m.start - offset));
    if (!t || NOT_TITLE.test(t[3] as string)) continue;
    const office = (t[2] as string).toLowerCase().replace(/\.$/, '');
    slots.push({
      slot: 'role',
      subject: person.canonicalName,
      value: `${/^(?:former|ex)$/i.test(t[1] as string) ? 'former' : 'acting'} ${ABBREVIATED[office] ?? office}`,
      text: t[0].trim(),
    });
  }
}

// --- Who put a text to a vote ------------------------------------------------------------------------
// "an Egyptian-sponsored resolution", "the resolution put before the U.N. by New Zealand, Malaysia and
// Senegal": the states that sponsor a resolution, a motion or a draft, as a sorted list of canonical names.
// Only states: a bill's sponsors in a legislature are many and named in parts.
const STATE_OF = new Map<string, string>();
for (const st of STATES) for (const n of [st.canonical, ...st.names, ...st.demonyms]) STATE_OF.set(n, st.canonical);
const STATE_NAME = [...STATE_OF.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const MOTION = String.raw`(?:resolution|motion|draft(?:\s+resolution)?|measure)`;
const SPONSOR_VERB = String.raw`(?:sponsored|drafted|proposed|authored|introduced|tabled|put\s+forward|put\s+before|presented)`;
/** "an Egyptian-sponsored anti-Israel resolution": a demonym or name joined to the verb, within three words of the noun. */
const SPONSORED_BEFORE = new RegExp(
  String.raw`\b(${STATE_NAME})-${SPONSOR_VERB}\s+(?:[\p{L}-]+\s+){0,3}?${MOTION}\b`,
  'gu',
);
/** "the resolution (itself) put before the U.N. by representatives from X, Y and Z", "a motion drafted by X". */
const SPONSORED_AFTER = new RegExp(
  String.raw`\b${MOTION},?\s+(?:[\p{L}-]+,?\s+){0,2}?${SPONSOR_VERB}\s+(?:[^,;]{0,30}?\s)?by\s+(?:(?:representatives|delegates|diplomats|envoys|members)\s+(?:from|of)\s+)?((?:(?:the\s+)?(?:${STATE_NAME})(?:,\s+|\s+and\s+|,\s+and\s+)?)+)`,
  'gu',
);
function sponsors(text: string, slots: ClaimSlot[]): void {
  if (!/sponsor|draft|propos|author|introduc|tabled|put\s+(?:forward|before)|presented/i.test(text)) return;
  const push = (names: string[], at: string) => {
    const value = [...new Set(names.map((n) => STATE_OF.get(n) ?? n))].sort().join('; ');
    if (value) slots.push({ slot: 'agent', subject: 'sponsor of resolution', value, text: at });
  };
  for (const m of text.matchAll(SPONSORED_BEFORE)) push([m[1] as string], m[0]);
  for (const m of text.matchAll(SPONSORED_AFTER)) {
    const names = [...(m[1] as string).matchAll(new RegExp(`(?<![\\p{L}])(?:${STATE_NAME})(?![\\p{L}])`, 'gu'))].map(
      (x) => x[0],
    );
    push(names, m[0].replace(/[,\s]+$/, ''));
  }
}

// --- The day a trial or hearing is to begin -------------------------------------------------------------
// "a trial set to begin Sept. 24" (the day as the date reader reads it, forward: dates.ts setAhead) and "came just three days before he was to have stood
// trial" (the day counted from the article's own day: "pub+3"). A day told as moved ("originally set",
// "postponed") is left out: two articles may tell the old and the new day.
const HEARING = String.raw`(trial|hearing|sentencing)`;
const SET_TO_BEGIN = new RegExp(
  String.raw`\b${HEARING}\b[^.;]{0,20}?\b(?:set|scheduled|slated|due)\s+(?:to\s+(?:begin|start|open)(?:\s+on)?|for)\s+$`,
  'i',
);
const DAYS_BEFORE = new RegExp(
  String.raw`\b(?:(?:just|only)\s+)?([a-z]+|\d{1,2})\s+(days?|weeks?)\s+(?:before|ahead\s+of)\s+(?:(?:he|she|they)\s+(?:was|were)\s+(?:due\s+|set\s+|scheduled\s+)?to\s+(?:have\s+)?(?:stood|stand|gone\s+on|go\s+on|faced?)\s+(trial)\b|(?:his|her|their|the)\s+(?:[a-z]+\s+)?${HEARING}\s+(?:was|were)\s+(?:due|set|scheduled)\s+to\s+(?:begin|start|open)\b)`,
  'gi',
);
const MOVED =
  /\b(?:originally|initially|had\s+been\s+(?:set|scheduled)|postpon\w*|delay\w*|reschedul\w*|pushed\s+back|moved)\b/i;
function hearingDays(text: string, offset: number, ctx: Ctx, slots: ClaimSlot[]): void {
  if (!/\b(?:trial|hearing|sentencing)\b/i.test(text) || MOVED.test(text)) return;
  for (const d of ctx.dates) {
    // A month and day as written ('Sept. 24'): a weekday ('next Thursday') is resolved less surely.
    if (d.start < offset || d.end > offset + text.length || !d.day || d.precision !== 'DAY' || !/\d/.test(d.text))
      continue;
    const m = SET_TO_BEGIN.exec(text.slice(Math.max(0, d.start - offset - 60), d.start - offset));
    if (m)
      slots.push({
        slot: 'date',
        subject: `start of ${(m[1] as string).toLowerCase()}`,
        value: d.day,
        text: (m[0] + d.text).trim(),
      });
  }
  for (const m of text.matchAll(DAYS_BEFORE)) {
    const n = numberWord(m[1] as string);
    if (n === null || n < 1) continue;
    slots.push({
      slot: 'date',
      subject: `start of ${((m[3] ?? m[4]) as string).toLowerCase()}`,
      value: `pub+${/^week/i.test(m[2] as string) ? 7 * n : n}`,
      text: m[0].trim(),
    });
  }
}

export function extractSlots(text: string, offset: number, ctx: Ctx, sc: SlotContext, _sIdx: number): ClaimSlot[] {
  const slots: ClaimSlot[] = [];
  counts(text, slots);
  means(text, slots);
  actDays(text, slots);
  sponsors(text, slots);
  hearingDays(text, offset, ctx, slots);
  tenures(text, offset, ctx, slots);
  // Report day: "X reported on Thursday night" / "reported Friday".
  const cited = ctx.chain[1];
  if (cited && cited.kind === 'OUTLET' && ctx.atVerbPos >= 0) {
    // The report's day follows its verb ("revealed on Monday"); a day after "that" is of what was reported
    // ("revealed that as late as October 31, hackers ...").
    const clause = (d: DateMention) =>
      ctx.atVerbPos >= offset &&
      /\b(?:that|how|whether|when)\b/i.test(text.slice(ctx.atVerbPos - offset, d.start - offset));
    const dm = ctx.dates.find(
      (d) =>
        d.start >= ctx.atVerbPos &&
        d.start - ctx.atVerbPos <= 30 &&
        (d.precision === 'DAY' || /day\b/i.test(d.text)) &&
        !clause(d),
    );
    if (dm) {
      const wd = /(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i.exec(dm.text)?.[1]?.toLowerCase();
      slots.push({
        slot: 'date',
        subject: `report:${cited.label.toLowerCase()}`,
        value: dm.day ?? wd ?? dm.text.toLowerCase(),
        text: dm.text,
      });
    }
  }
  // Roles given in apposition: "X, the deputy head of ...".
  for (const r of ctx.actors.roles) {
    if (r.start >= offset && r.end <= offset + text.length + 1) {
      const a = ctx.actors.byKey.get(r.actorKey);
      if (a) slots.push({ slot: 'role', subject: a.canonicalName, value: r.role, text: r.text });
    }
  }
  // Times: clock times, and the interval between an arrival and the strike.
  for (const tm of text.matchAll(/\b(?:at\s+)?(\d{1,2}):(\d{2})\s*(a\.?m\.?|p\.?m\.?)?/gi)) {
    let h = +(tm[1] as string);
    const mi = +(tm[2] as string);
    if (tm[3] && /p/i.test(tm[3]) && h < 12) h += 12;
    if (tm[3] && /a/i.test(tm[3]) && h === 12) h = 0;
    const mins = h * 60 + mi;
    const after = text.slice(tm.index ?? 0, (tm.index ?? 0) + 120);
    const before = text.slice(Math.max(0, (tm.index ?? 0) - 60), tm.index ?? 0);
    if (ARRIVAL.test(before + after.slice(0, 30))) sc.arrival = { mins, place: arrivalPlace(text) };
    else if (STRIKE.test(after) && sc.arrival !== null && mins > sc.arrival.mins) {
      slots.push({
        slot: 'time',
        subject: arrivalSubject(sc.arrival.place),
        value: `${mins - sc.arrival.mins}m`,
        text: tm[0],
      });
    }
  }
  const rel = /\b(landed|arrived|touched down)\b[^.]{0,160}?\b(seconds|minutes|hours|moments)\s+later\b/i.exec(text);
  if (rel && STRIKE.test(text.slice(rel.index))) {
    const unit = (rel[2] as string).toLowerCase();
    slots.push({
      slot: 'time',
      subject: arrivalSubject(arrivalPlace(text)),
      value: unit === 'hours' ? '60-1440m' : unit === 'seconds' || unit === 'moments' ? '0-5m' : '1-59m',
      text: `${rel[2]} later`,
    });
  }
  // Scope: "only reviews airstrikes that ..." vs "the vast majority of the strikes ... have been reviewed".
  const only = /\bonly\s+([a-z]+(?:s|ed))\s+(?:the\s+)?([a-z]+s)\b/.exec(text);
  if (only)
    slots.push({
      slot: 'scope',
      subject: `${verbStem(only[1] as string)} ${singular(only[2] as string)}`,
      value: 'limited',
      text: only[0],
    });
  const q =
    /\b(the vast majority|the majority|most|all|nearly all|almost all|some|many|a few|few|none|a handful)\s+of\s+(?:the\s+)?(?:[\p{L}]+['’]s\s+)?([a-z]+)\b[^.]{0,80}?\b(?:have|has|had)\s+been\s+([a-z]+ed)\b/u.exec(
      text,
    );
  if (q) {
    const qw = (q[1] as string).toLowerCase();
    const value = /majority|most/.test(qw)
      ? 'most'
      : /all/.test(qw)
        ? 'all'
        : /none/.test(qw)
          ? 'none'
          : /few|handful/.test(qw)
            ? 'few'
            : qw === 'many'
              ? 'many'
              : 'some';
    slots.push({
      slot: 'scope',
      subject: `${verbStem(q[3] as string)} ${singular(q[2] as string)}`,
      value,
      text: q[0],
    });
  }
  return slots;
}

export const SCOPE_RANK = RANK;
