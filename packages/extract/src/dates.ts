// Stage 4: temporal expressions. chrono-node (strict) finds absolute dates and clock times; our rules
// resolve what it cannot: missing years, weekdays (past-biased), narrative anchors, quote deixis.
import * as chrono from 'chrono-node';
import type { DatePrecision, ExtractedDate } from '@claimgraph/shared';
import { NUMBER_WORDS } from './gazetteer/lexicon.js';
import type { SentenceOut } from './sentences.js';
import { quoteSpans } from './quotes.js';

export interface DateMention extends ExtractedDate {
  text: string;
  start: number;
  end: number;
  sentence: number;
  /** Day-level value (YYYY-MM-DD) when resolved to a day. */
  day: string | null;
}

const DAY_MS = 86_400_000;
/** Day names in the order of Date.getUTCDay(). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** Capitalised month names: the month-precision rule needs one. */
const MONTH_NAMES = MONTHS.map((m) => m.charAt(0).toUpperCase() + m.slice(1));
const ATTACK_RE =
  /\b(strikes?|struck|attack(?:s|ed)?|launch(?:ed|es)?|missiles?|rockets?|raid(?:s|ed)?|kill(?:ed|ing)|bomb(?:s|ed|ing)?|fired|shot|assault|airstrikes?|shelled|shelling)\b/i;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayNum = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const parseDay = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
const addDays = (day: string, n: number) => iso(parseDay(day) + n * DAY_MS);
const pad = (n: number) => String(n).padStart(2, '0');

const quoteRanges = (text: string) => quoteSpans(text);

/** Resolves every date expression, sentence by sentence, carrying the narrative anchor along. */
export function findDates(sentences: SentenceOut[], pub: string | null): DateMention[] {
  const out: DateMention[] = [];
  // Explicit full dates (year stated) give the year for month-day dates when there is no publication date.
  // Explicit dates are kept per sentence; year inference looks at the nearest ones only (linear overall).
  const explicitAt: { s: number; t: number }[] = [];
  const parsed = sentences.map((s) =>
    s.lineKind === 'dateline' || !ABSOLUTE_RE.test(s.text) ? [] : safeParse(s.text, pub),
  );
  parsed.forEach((rs, si) => {
    for (const r of rs)
      if (r.start.isCertain('year') && r.start.isCertain('day'))
        explicitAt.push({
          s: si,
          t: dayNum(r.start.get('year') ?? 0, r.start.get('month') ?? 1, r.start.get('day') ?? 1),
        });
  });
  let curSentence = 0;
  const nearbyExplicit = (): number[] => {
    let lo = 0;
    let hi = explicitAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((explicitAt[mid] as { s: number }).s < curSentence) lo = mid + 1;
      else hi = mid;
    }
    return explicitAt.slice(Math.max(0, lo - 8), lo + 8).map((x) => x.t);
  };
  const pubT = pub ? parseDay(pub) : null;

  let anchor: string | null = null;
  let lastAttack: string | null = null;

  const inferYear = (m: number, d: number, forward = false): number | null => {
    if (pubT !== null) {
      const py = new Date(pubT).getUTCFullYear();
      // A day set ahead ("will vote on Sept. 30") is the next on or after publication; any other the most recent
      // on or before it (a couple of days of slack for time zones either way).
      if (forward) return dayNum(py, m, d) >= pubT - 2 * DAY_MS ? py : py + 1;
      for (const y of [py + 1, py, py - 1]) if (dayNum(y, m, d) <= pubT + 2 * DAY_MS) return y;
      return py - 1;
    }
    const explicit = nearbyExplicit();
    const ref = anchor ? [parseDay(anchor), ...explicit] : explicit;
    if (!ref.length) return null;
    let best: number | null = null;
    let bestDist = Infinity;
    for (const r of ref) {
      const y0 = new Date(r).getUTCFullYear();
      for (const y of [y0 - 1, y0, y0 + 1]) {
        const dist = Math.abs(dayNum(y, m, d) - r);
        if (dist < bestDist) {
          bestDist = dist;
          best = y;
        }
      }
      if (anchor) break; // the narrative anchor wins when there is one
    }
    return best;
  };

  sentences.forEach((s, si) => {
    if (s.lineKind === 'dateline' || s.lineKind === 'byline') return;
    curSentence = si;
    const text = s.text;
    const st: SentenceDates = {
      s,
      si,
      quotes: quoteRanges(text),
      covered: [],
      local: [],
      pub,
      pubT,
      anchor,
      moved: null,
      sentenceDay: null,
      lastAttack,
    };

    for (const r of parsed[si] ?? []) {
      const c = r.start;
      const a = r.index;
      const b = r.index + r.text.length;
      if (c.isCertain('day') || (c.isCertain('month') && c.get('day') !== undefined && /\d/.test(r.text))) {
        const m = c.get('month') ?? 1;
        const d = c.get('day') ?? 1;
        const ahead = !c.isCertain('year') && setAhead(text, a, b);
        const y = c.isCertain('year') ? (c.get('year') ?? null) : inferYear(m, d, ahead);
        const hasTime = c.isCertain('hour');
        if (y === null) {
          push(st, a, b, null, 'UNKNOWN', null);
          continue;
        }
        const day = `${y}-${pad(m)}-${pad(d)}`;
        const value = hasTime ? `${day}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}` : day;
        if (push(st, a, b, value, hasTime ? 'EXACT' : 'DAY', day)) {
          st.sentenceDay ??= day;
          if (!inQuote(st, a)) st.moved = day;
        }
      } else if (c.isCertain('hour')) {
        // A clock time beside a weekday is the weekday's, read with it by the weekday rule ("Thursday morning at 10:30").
        if (WEEKDAY_BESIDE_BEFORE.test(text.slice(Math.max(0, a - 30), a)) || WEEKDAY_BESIDE_AFTER.test(text.slice(b)))
          continue;
        // A clock time alone belongs to the narrative day.
        const day = cur(st);
        const t = `${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
        push(st, a, b, day ? `${day}T${t}` : null, day ? 'EXACT' : 'UNKNOWN', day);
        if (day) st.sentenceDay ??= day;
      }
    }

    const lower = text.toLowerCase();
    for (const [re, words, fn] of NARRATIVE_RULES) {
      const hay = re.ignoreCase ? lower : text;
      if (!words.some((w) => hay.includes(w))) continue;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) fn(m, st);
    }
    st.local.sort((x, y) => x.start - y.start);
    out.push(...st.local);
    if (st.moved) anchor = st.moved;
    if (st.sentenceDay && ATTACK_RE.test(text)) lastAttack = st.sentenceDay;
  });
  return out;
}

/** One sentence as the date rules go through it: where its dates go, and the narrative day its dates move. */
interface SentenceDates {
  s: SentenceOut;
  si: number;
  quotes: [number, number][];
  /** Spans already dated (the first rule to date a span wins), and the dates found, in rule order. */
  covered: [number, number][];
  local: DateMention[];
  pub: string | null;
  pubT: number | null;
  /** The narrative day before the sentence, the day it moves the narrative to, and the first day it states. */
  anchor: string | null;
  moved: string | null;
  sentenceDay: string | null;
  lastAttack: string | null;
}
const inQuote = (st: SentenceDates, i: number) => st.quotes.length > 0 && st.quotes.some(([a, b]) => i > a && i < b);
const cur = (st: SentenceDates): string | null => st.moved ?? st.anchor;

// A day is set ahead when the clause that holds it is in the future: a future auxiliary or schedule word shortly
// before it with no past verb, speech verb or quotation mark between ("will begin debating the bill on Wednesday",
// "is set to testify before the committee on Thursday", "how it will wind up on Sept. 30"), or the day opening the
// sentence before such a clause ("On June 10th, the United States will impose"). "announced Wednesday that it will"
// and "“We will,” he said Tuesday" date the saying, not what is to come.
// A participle that sets a beginning ahead without "is": "a trial set to begin Sept. 24", "due to open Monday".
const BEGINS = String.raw`(?:set|due)\s+to\s+(?:begin|start|open|resume|convene)`;
const FUTURE = String.raw`(?<!\b(?:was|were|had|had been)\s+(?:[a-z]+ly\s+)?)(?:[Ww]ill|['’]ll|shall|(?:is|are)\s+(?:set|scheduled|slated|due|expected|poised)\s+to|(?:is|are)\s+to|scheduled\s+(?:for|to)|slated\s+(?:for|to)|set\s+for|${BEGINS}|plans?\s+to|upcoming)`;
// "was scheduled to" looks back. Case-sensitive: a past verb is a lower-case word in -ed ("United" is no verb).
const NOT_PAST = String.raw`(?!\b(?:[a-z]+ed|said|says|told|tells|wrote|was|were|had|recalling|ago|last|since)\b)`;
const AHEAD_BEFORE = new RegExp(String.raw`\b${FUTURE}\b(?:${NOT_PAST}[^"“”;:.!?])*$`);
const AHEAD_AFTER = new RegExp(String.raw`^,?\s+(?:${NOT_PAST}[^"“”;:.!?,]){0,60}\b${FUTURE}\b`);
/** The periods of "a.m."/"p.m." end no clause: "will start at 10 a.m. Thursday" sets Thursday ahead. */
const CLOCK_DOTS = /\b([ap])\.m\./gi;
function setAhead(text: string, a: number, b: number): boolean {
  const before = text.slice(Math.max(0, a - 90), a).replace(CLOCK_DOTS, '$1m');
  if (AHEAD_BEFORE.test(before)) return true;
  return /^\W*(?:on\s+|by\s+)?$/i.test(text.slice(0, a)) && AHEAD_AFTER.test(text.slice(b));
}
function push(
  st: SentenceDates,
  a: number,
  b: number,
  value: string | null,
  precision: DatePrecision,
  day: string | null,
): boolean {
  if (st.covered.some(([x, y]) => a < y && b > x)) return false;
  st.covered.push([a, b]);
  const { s } = st;
  st.local.push({
    start: s.start + a,
    end: s.start + b,
    text: s.text.slice(a, b),
    value,
    precision,
    sentence: st.si,
    day,
  });
  return true;
}

// A weekday with a clock time before or after it ("Thursday at 10 a.m.", "Thursday morning at 10:30", "at 2:30 p.m.
// Wednesday", "Friday, at 9 a.m. ET", "about 4 p.m. local time on Saturday"): chrono's strict mode drops the pair, or
// reads the time alone and dates it by the narrative day, so the weekday rule reads the time with it. A time needs its
// minutes or a.m./p.m. ("Thursday at 10 Downing Street" is no time).
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const CLOCK_PREP = String.raw`(?:(?:shortly|just)\s+)?(?:at|around|about|approximately|before|after|by|until)`;
const ZONE = String.raw`(?:[ECMP][SD]?T|GMT|UTC|local time)`;
const CLOCK = (n: string) =>
  String.raw`(?:${CLOCK_PREP}\s+)?(?<h${n}>\d{1,2})(?=:\d{2}|\s*[apAP]\.?[mM]\b)(?::(?<m${n}>\d{2}))?(?:\s*(?<ap${n}>[apAP]\.?[mM]\b\.?))?(?:\s+${ZONE}\b)?`;
const WEEKDAY_RE = new RegExp(
  String.raw`(?:\b${CLOCK('1')},?\s+(?:on\s+)?)?\b(?:(?<prefix>on|last|next|this|early|late)\s+)?(?<weekday>${DAYS})(?:['’]s)?(?:\s+(?<part>night|morning|afternoon|evening))?(?:,?\s+${CLOCK('2')})?(?:(?<=\.)|\b)`,
  'g',
);
const WEEKDAY_BESIDE_BEFORE = new RegExp(
  String.raw`\b(?:${DAYS})(?:\s+(?:night|morning|afternoon|evening))?,?\s+(?:${CLOCK_PREP}\s+)?$`,
);
const WEEKDAY_BESIDE_AFTER = new RegExp(String.raw`^(?:\s+${ZONE}\b)?,?\s+(?:on\s+)?(?:${DAYS})\b`);

/** The clock time HH:MM of an hour, minutes and a.m./p.m. (or a part of the day), or null when it is no time. */
function clockOf(h?: string, min?: string, ap?: string, part?: string): string | null {
  if (h === undefined || (min === undefined && ap === undefined)) return null;
  let hour = +h;
  if (hour > 23 || (min !== undefined && +min > 59)) return null;
  const pm = ap ? /^p/i.test(ap) : /^(?:afternoon|evening|night)$/i.test(part ?? '') && hour < 12;
  if (ap && hour > 12) return null;
  if (pm && hour < 12) hour += 12;
  else if (ap && !pm && hour === 12) hour = 0;
  return `${pad(hour)}:${min ?? '00'}`;
}

// The narrative rules, built once (not per sentence). Each: its pattern, words one of which every match contains
// (lower case when the pattern ignores case: a sentence without any of them skips the pattern's scan), and what a
// match does.
const NARRATIVE_RULES: [RegExp, string[], (m: RegExpExecArray, st: SentenceDates) => void][] = [
  // "five days earlier", "two weeks later", "three days ago"
  [
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|a)\s+(days?|weeks?)\s+(earlier|later|before|after|afterwards|ago|previously)\b/gi,
    ['day', 'week'],
    (m, st) => {
      const nWord = (m[1] as string).toLowerCase();
      const n = /^\d+$/.test(nWord) ? +nWord : NUMBER_WORDS[nWord];
      const unit = /week/i.test(m[2] as string) ? 7 : 1;
      const dir = /earlier|before|ago|previously/i.test(m[3] as string) ? -1 : 1;
      const base = /ago/i.test(m[3] as string) ? st.pub : cur(st);
      if (n === undefined || !base) return void push(st, m.index, m.index + m[0].length, null, 'APPROXIMATE', null);
      const day = addDays(base, dir * n * unit);
      push(st, m.index, m.index + m[0].length, day, 'DAY', day);
      st.sentenceDay ??= day;
      if (dir > 0) st.moved = day;
    },
  ],
  // "Hours after the attack", "Hours after Iran raided ..."
  [
    /\b(hours|minutes|moments|shortly|soon|just|immediately)\s+after\s+([^,.;]{1,60})/gi,
    ['after'],
    (m, st) => {
      const rest = m[2] as string;
      const day = ATTACK_RE.test(rest) && st.lastAttack ? st.lastAttack : cur(st);
      const len =
        (m[1] as string).length +
        ' after '.length +
        Math.min(rest.length, (rest.search(/[,.;]/) + 1 || rest.length + 1) - 1);
      push(st, m.index, m.index + len, day, day ? 'DAY' : 'UNKNOWN', day);
      if (day) st.sentenceDay ??= day;
    },
  ],
  [
    /\b(hours|minutes|moments|shortly|soon|seconds)\s+(later|afterwards|thereafter)\b|\bshortly\s+thereafter\b|\blater\s+that\s+(day|night|evening|morning|afternoon)\b|\b(that|the same|that same)\s+(day|night|evening|morning|afternoon)\b/gi,
    ['later', 'after', 'day', 'night', 'evening', 'morning'],
    (m, st) => {
      const day = cur(st);
      push(st, m.index, m.index + m[0].length, day, day ? 'DAY' : 'UNKNOWN', day);
      if (day) st.sentenceDay ??= day;
    },
  ],
  [
    /\bthe\s+(following|next)\s+(day|morning|afternoon|evening|night)\b/gi,
    ['following', 'next'],
    (m, st) => {
      const c0 = cur(st);
      const day = c0 ? addDays(c0, 1) : null;
      push(st, m.index, m.index + m[0].length, day, day ? 'DAY' : 'UNKNOWN', day);
      if (day) {
        st.sentenceDay ??= day;
        st.moved = day;
      }
    },
  ],
  [
    /\b(yesterday|today|tomorrow|tonight)\b/g,
    ['yesterday', 'today', 'tomorrow', 'tonight'],
    (m, st) => {
      // Inside a quote, "yesterday" is relative to when the words were spoken (the narrative day).
      const base = inQuote(st, m.index) ? (cur(st) ?? st.pub) : st.pub;
      const w = (m[1] as string).toLowerCase();
      const day = base ? addDays(base, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0) : null;
      push(st, m.index, m.index + m[0].length, day, day ? 'DAY' : 'UNKNOWN', day);
    },
  ],
  [
    /\b(?:(?:on|over|during|at)\s+the\s+|this\s+|last\s+)weekend\b/gi,
    ['weekend'],
    (m, st) => {
      let value: string | null = null;
      if (st.pubT !== null) {
        const wd = new Date(st.pubT).getUTCDay();
        value = iso(st.pubT - ((wd + 1) % 7) * DAY_MS); // the Saturday on or before publication
      }
      push(st, m.index, m.index + m[0].length, value, value ? 'APPROXIMATE' : 'UNKNOWN', null);
    },
  ],
  [
    WEEKDAY_RE,
    ['day'],
    (m, st) => {
      const g = m.groups as Record<string, string | undefined>;
      const prefix = g.prefix;
      const wd = WEEKDAYS.indexOf((g.weekday as string).toLowerCase());
      if (st.pubT === null) return void push(st, m.index, m.index + m[0].length, null, 'UNKNOWN', null);
      const pw = new Date(st.pubT).getUTCDay();
      let delta = (pw - wd + 7) % 7;
      const ahead = prefix !== 'last' && prefix !== 'next' && setAhead(st.s.text, m.index, m.index + m[0].length);
      if (prefix === 'next') delta = -((wd - pw + 7) % 7 || 7);
      else if (ahead) delta = -((wd - pw + 7) % 7);
      else if (prefix === 'last' && delta === 0) delta = 7;
      const day = iso(st.pubT - delta * DAY_MS);
      const time = clockOf(g.h1 ?? g.h2, g.m1 ?? g.m2, g.ap1 ?? g.ap2, g.part);
      if (push(st, m.index, m.index + m[0].length, time ? `${day}T${time}` : day, time ? 'EXACT' : 'DAY', day)) {
        st.sentenceDay ??= day;
        st.moved = day;
      }
    },
  ],
  // Month without a day: "in October", "last June", "Starting in October" (month precision).
  [
    /\b(in|last|since|until|by|early|late|mid|this|next|during|of)[\s-]+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)(?:,?\s+(\d{4}))?/g,
    MONTH_NAMES,
    (m, st) => {
      const mon = MONTHS.indexOf((m[2] as string).toLowerCase()) + 1;
      let y: number | null = m[3] ? +m[3] : null;
      if (y === null && st.pubT !== null) {
        const pd = new Date(st.pubT);
        y = mon <= pd.getUTCMonth() + 1 && m[1] !== 'last' ? pd.getUTCFullYear() : pd.getUTCFullYear() - 1;
        if (m[1] === 'next') y = pd.getUTCFullYear() + (mon <= pd.getUTCMonth() + 1 ? 1 : 0);
      }
      push(st, m.index, m.index + m[0].length, y ? `${y}-${pad(mon)}` : null, y ? 'MONTH' : 'UNKNOWN', null);
    },
  ],
  [
    /\b(in|since|until|by|the|of|early|late|mid|during)[\s-]+(1[89]\d\d|20\d\d)\b(?!\s*[-/]\d)/g,
    ['18', '19', '20'],
    (m, st) => {
      push(st, m.index, m.index + m[0].length, m[2] as string, 'YEAR', null);
    },
  ],
  [
    /\b(last|this|next)\s+(year|month|week|fall|autumn|spring|summer|winter)\b/gi,
    ['last', 'this', 'next'],
    (m, st) => {
      let value: string | null = null;
      let prec: DatePrecision = 'UNKNOWN';
      if (st.pubT !== null && (m[2] as string).toLowerCase() === 'year') {
        const y =
          new Date(st.pubT).getUTCFullYear() +
          ((m[1] as string).toLowerCase() === 'last' ? -1 : (m[1] as string).toLowerCase() === 'next' ? 1 : 0);
        value = String(y);
        prec = 'YEAR';
      }
      push(st, m.index, m.index + m[0].length, value, prec, null);
    },
  ],
];

// chrono's strict mode still reads "three hours later" relative to the reference instant; we keep only
// calendar dates and clock times and resolve relative words ourselves.
const ABSOLUTE_RE =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|\d\s*(am|pm|a\.m\.|p\.m\.)/i;

function safeParse(text: string, pub: string | null): chrono.ParsedResult[] {
  if (text.length > 20_000) text = text.slice(0, 20_000); // chrono is linear but slow on huge single sentences
  try {
    return chronoParse(text, pub).filter((r) => ABSOLUTE_RE.test(r.text));
  } catch {
    return [];
  }
}

// chrono runs only on small windows around date-like words: much faster on long sentences.
const ABSOLUTE_G = new RegExp(ABSOLUTE_RE.source, 'gi');
// What a chrono result that passes ABSOLUTE_RE holds: a digit or a whole month name or abbreviation (its patterns
// take no other word that starts like a month). A window around "market", "decided" or "mayor" alone has neither,
// and is not parsed.
const CHRONO_NEEDS =
  /\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])/i;
function chronoParse(text: string, pub: string | null): chrono.ParsedResult[] {
  const ref = { instant: pub ? new Date(`${pub}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z'), timezone: 0 };
  const windows: [number, number][] = [];
  ABSOLUTE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ABSOLUTE_G.exec(text)) !== null) {
    const a = Math.max(0, m.index - 40);
    const b = Math.min(text.length, m.index + m[0].length + 40);
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = b;
    else windows.push([a, b]);
  }
  const out: chrono.ParsedResult[] = [];
  for (const [a, b] of windows) {
    // Widen to word boundaries so a window never starts inside a word.
    let a2 = a;
    while (a2 > 0 && /\S/.test(text[a2 - 1] as string)) a2--;
    let b2 = b;
    while (b2 < text.length && /\S/.test(text[b2] as string)) b2++;
    const window = text.slice(a2, b2);
    if (!CHRONO_NEEDS.test(window)) continue;
    for (const r of chrono.strict.parse(window, ref, { forwardDate: false })) {
      (r as { index: number }).index += a2;
      out.push(r);
    }
  }
  return out;
}
