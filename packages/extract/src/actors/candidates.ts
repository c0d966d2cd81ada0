// Stage B: candidate spans. Runs of capitalised tokens (with name-internal connectors: "of the",
// "bin", "in"), then the document-centred capitalisation check on words where capitals are obligatory.
import { EVENT_OPENERS, NON_NAME, ORG_HEADS, TITLE_SET } from '../gazetteer/lexicon.js';
import type { SentenceOut } from '../sentences.js';
import type { Lookup } from './lookup.js';
import { isWordToken, titleCase, titleCaseWords, type MentionIndex } from './mention-index.js';
import { isCap, stripPossessive, type Token } from './tokens.js';

/** Token range [from, to) inside one sentence. */
export interface Candidate {
  from: number;
  to: number;
  sentence: number;
}

const OF_HEADS = new Set(
  'republic department ministry chief chiefs secretary minister director bank university institute council church kingdom union league court office house federation organization organisation association chamber times gulf sea bay isle strait commander leader state states committee board school college museum academy center centre party people'.split(
    ' ',
  ),
);
const ON_HEADS = /^(?:committee|subcommittee|commission|council|panel|caucus)$/;
const NAME_CONNECTORS = new Set([
  'al',
  'bin',
  'ibn',
  'de',
  'da',
  'van',
  'von',
  'der',
  'la',
  'le',
  'du',
  'abu',
  'al-',
  'el-',
  'del',
  'di',
  'dos',
  'das',
  'ul',
]);
// Names are short: a chunk stops at 12 tokens so all-capitals junk stays linear.
const MAX_CHUNK = 12;
const WEEKDAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?$/;
const MONTHS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)$/;
// Capitalised function words and verbs only occur inside names in Title Case headlines ("Opposition To The", "Schiff Says").
const TITLE_CASE_WORDS = new Set(
  'To The For Of On In At A An And With From By Is Are Was Were Be Been As Into Over About After Before Against Says Said Will Can Could Would Not But Or Its It His Her Their Than That This How Why What Who When Up Out Off'.split(
    ' ',
  ),
);
const TITLE_CASE_WORD_INSIDE = new RegExp(`.(?:${[...TITLE_CASE_WORDS].join('|')})(?![\\p{L}'’-])`, 'su');
// Contractions ("I’ve", "They're") and age or majority compounds ("Nine-year-old", "Muslim-majority").
const NEVER_IN_NAME =
  /['’](?:ve|re|ll)$|^I['’][md]$|n['’]t$|-(?:year-old|month-old|majority|minority)$|^(?:[AP]\.M\.|EST|EDT|PST|PDT|CST|CDT|GMT|UTC|BST)$/u;
const SHOUT = /^[\p{Lu}][\p{Lu}'’.&-]+$/u;
const isShout = (t: string) => SHOUT.test(t) && /\p{Lu}{2}/u.test(t);

/** A sentence in Title Case or capitals ("Richest Towns Fight Affordable Housing In …", "TRUMP SAYS COHEN'S …") gives no names of its own. */
export function headlineShaped(text: string): boolean {
  // A shouted word has two capitals in a row, and a Title Case function word after the first word ends a word
  // somewhere past the start: most sentences have neither, and need no split into words.
  const shouts = /\p{Lu}{2}/u.test(text);
  if (!shouts && !TITLE_CASE_WORD_INSIDE.test(text)) return false;
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length >= 3 && shouts && words.filter((w) => isShout(w)).length / words.length > 0.6) return true;
  if (!titleCaseWords(words)) return false;
  return words.slice(1).some((w) => TITLE_CASE_WORDS.has(w));
}

/** Maximal capitalised runs; title-case headlines, capitals-only lines and datelines give none. */
export function candidateSpans(ix: MentionIndex, lk: Lookup): Candidate[] {
  const { tokens, sentOf, sentences } = ix;
  const out: Candidate[] = [];
  const skipLine = sentences.map(
    (s: SentenceOut) =>
      s.lineKind === 'dateline' || (s.lineKind === 'title' && titleCase(s.text)) || headlineShaped(s.text),
  );
  const titles = quotedTitles(ix);
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i] as Token;
    const si = sentOf[i] as number;
    while (q < titles.length && (titles[q] as QuotedTitle).end <= tk.start) q++;
    if (q < titles.length && (titles[q] as QuotedTitle).start <= tk.start) continue;
    if (!isCap(tk.text) || !isWordToken(tk) || si < 0 || skipLine[si]) continue;
    // A name may open with a lower-case particle: "al Qaeda", "bin Laden".
    const pre = tokens[i - 1];
    const start =
      pre && sentOf[i - 1] === si && /^(?:al|el|bin|ibn|abu)$/.test(pre.text) && tk.start - pre.end === 1 ? i - 1 : i;
    let j = i + 1;
    const adj = (a: number) => (tokens[a] as Token).start - (tokens[a - 1] as Token).end <= 1 && sentOf[a] === si;
    while (j < tokens.length && j - i < MAX_CHUNK && adj(j)) {
      const w = (tokens[j] as Token).text;
      const prevBase = stripPossessive((tokens[j - 1] as Token).text);
      if (prevBase.possessive && !isCap(w)) break;
      if (isCap(w) && isWordToken(tokens[j])) {
        j++;
        continue;
      }
      const nx = tokens[j + 1];
      if (!nx || !adj(j + 1)) break;
      // A nickname in double quotes inside a person's name: Henry C. “Hank” Johnson Jr., Mitch "Meathead" McConnell.
      if (nickname(ix, j)) {
        j += 3;
        continue;
      }
      const lw = w.toLowerCase();
      const head = prevBase.base.toLowerCase();
      // "Federal Bureau of Investigation", "Church of England": any organisation head takes "of".
      // "Committee on Foreign Relations", "Commission on Civil Rights": a deliberating body takes "on" like "of".
      if (
        (lw === 'of' ? OF_HEADS.has(head) || ORG_HEADS.has(head) : lw === 'on' && ON_HEADS.test(head)) &&
        !prevBase.possessive
      ) {
        if (isCap(nx.text) && nx.text !== 'The') {
          j += 2;
          continue;
        }
        if (nx.text === 'the' && tokens[j + 2] && adj(j + 2) && isCap((tokens[j + 2] as Token).text)) {
          j += 3;
          continue;
        }
      }
      if (NAME_CONNECTORS.has(lw) && w === lw && isCap(nx.text)) {
        j += 2;
        continue;
      }
      // "Gulf States Institute in Washington", but not "United Nations General Assembly in New York": a known name stops there.
      if (
        (lw === 'in' || lw === 'for') &&
        ORG_HEADS.has(prevBase.base.toLowerCase()) &&
        isCap(nx.text) &&
        !knownEndingAt(ix, lk, i, j) &&
        !placeAt(ix, lk, j + 1)
      ) {
        j += 2;
        continue;
      }
      // A known name runs on through its connectors ("Centers for Disease Control and Prevention").
      const known = /^(?:and|&|of|for|in|on)$/.test(lw) && isCap(nx.text) ? knownThrough(ix, lk, i, j) : 0;
      if (known) {
        j = known;
        continue;
      }
      // "House Oversight and Reform Committee", "McKinsey & Company": a conjunction inside an organisation's name;
      // "Department of Taxation and Finance": one joining the fields after "<head> of", the next word no name of its own.
      if (
        (lw === 'and' || w === '&') &&
        isCap(nx.text) &&
        (orgHeadAhead(ix, lk, j + 1, si, w === '&') || (headOfBefore(ix, i, j) && !lk.find([nx.text]))) &&
        !knownEndingAt(ix, lk, i, j)
      ) {
        j += 2;
        continue;
      }
      break;
    }
    if (!afterPluralFor(ix, start, j)) for (const c of splitAtNonNameWords(ix, start, j, si)) out.push(c);
    i = j - 1;
  }
  return out;
}

/**
 * A run right after a capitalised plural and "for" is the tail of that body's name, no name of its own: "the Centers
 * for Disease Control and Prevention" (whose "Disease Control" was a person), "Americans for Prosperity", "Students for
 * Fair Admissions".
 */
function afterPluralFor(ix: MentionIndex, start: number, end: number): boolean {
  const f = ix.tokens[start - 1];
  const p = ix.tokens[start - 2];
  const words = ix.tokens.slice(start, end).map((t) => t.text.toLowerCase());
  return (
    !!f &&
    !!p &&
    // Not a plural opening its sentence ("Attorneys for Vanessa Tyson"), nor a run that names a body or a person by
    // an office ("... for Medicare & Medicaid Services", "... President Tim Phillips").
    ix.sentOf[start - 3] === ix.sentOf[start] &&
    !ORG_HEADS.has(words[words.length - 1] as string) &&
    !words.some((w) => TITLE_SET.has(w)) &&
    f.text === 'for' &&
    /^\p{Lu}\p{Ll}+s$/u.test(p.text) &&
    ix.sentOf[start - 2] === ix.sentOf[start] &&
    (ix.tokens[start] as Token).start - f.end === 1 &&
    f.start - p.end === 1
  );
}

type QuotedTitle = { start: number; end: number };
const QUOTATION = /[“"]([^“”"\n]{12,240})[”"]/g;

/**
 * A quotation of three words or more whose every word of four letters or more is capitalised, one of them a word the
 * text also writes in lower case, is a title being cited (a headline, a book, a programme: “Pope Francis Shocks World,
 * Endorses Donald Trump for President”), and names no actor of its own; a quoted list of names is none.
 */
export function quotedTitles(ix: MentionIndex): QuotedTitle[] {
  const out: QuotedTitle[] = [];
  if (!/["“]/.test(ix.body)) return out;
  for (const m of ix.body.matchAll(QUOTATION)) {
    const words = (m[1] as string).match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    const long = words.filter((w) => w.length >= 4);
    if (
      words.length >= 3 &&
      long.length >= 3 &&
      long.every((w) => /^\p{Lu}/u.test(w)) &&
      long.some((w) => ix.lowerSeen.has(w.toLowerCase()))
    )
      out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function knownEndingAt(ix: MentionIndex, lk: Lookup, from: number, to: number): boolean {
  for (let a = from; a < to; a++) if (lk.find(ix.tokens.slice(a, to).map((t) => t.text))) return true;
  return false;
}

/** At `q` an opening double quote, one capitalised word, the closing quote and a capitalised word, after a name word. */
function nickname(ix: MentionIndex, q: number): boolean {
  const t = (k: number) => ix.tokens[k]?.text ?? '';
  const tight = (k: number) =>
    ix.sentOf[k] === ix.sentOf[q] && (ix.tokens[k] as Token).start - (ix.tokens[k - 1] as Token).end <= 1;
  return (
    /^["“]$/.test(t(q)) &&
    /^\p{Lu}\p{Ll}+$/u.test(t(q + 1)) &&
    /^["”]$/.test(t(q + 2)) &&
    /^\p{Lu}[\p{L}'’-]+$/u.test(t(q + 3)) &&
    /^\p{Lu}(?:\p{Ll}+|\.)$/u.test(t(q - 1)) &&
    !ix.lowerSeen.has(t(q - 1).toLowerCase()) &&
    !ix.lowerSeen.has(t(q + 3).toLowerCase()) &&
    [q + 1, q + 2, q + 3].every(tight) &&
    ix.tokens[q + 1]!.start === ix.tokens[q]!.end &&
    ix.tokens[q + 2]!.start === ix.tokens[q + 1]!.end
  );
}

/** The end of the longest known name that starts in [from, at) and runs past the connector at `at` (0 when none). */
function knownThrough(ix: MentionIndex, lk: Lookup, from: number, at: number): number {
  const si = ix.sentOf[at];
  for (let a = from; a < at; a++) {
    const max = Math.min(ix.tokens.length, a + lk.maxFor((ix.tokens[a] as Token).text));
    for (let e = max; e > at + 1; e--)
      if (ix.sentOf[e - 1] === si && lk.find(ix.tokens.slice(a, e).map((t) => t.text))) return e;
  }
  return 0;
}

/** The run [from, to) has an organisation head followed by "of", "for" or "on" ("Department of Taxation", "Centers for Disease Control"). */
function headOfBefore(ix: MentionIndex, from: number, to: number): boolean {
  for (let a = from + 1; a < to - 1; a++)
    if (
      /^(?:of|for|on)$/.test((ix.tokens[a] as Token).text) &&
      ORG_HEADS.has((ix.tokens[a - 1] as Token).text.toLowerCase())
    )
      return true;
  return false;
}

/** A place or a country starts at this token ("… Assembly in New York"); capitals may still end a name ("Institute in Washington"). */
function placeAt(ix: MentionIndex, lk: Lookup, from: number): boolean {
  for (let L = 1; L <= 3 && from + L <= ix.tokens.length; L++) {
    const e = lk.find(ix.tokens.slice(from, from + L).map((t) => stripPossessive(t.text).base));
    if (e && (e.role === 'place' || (e.kind === 'STATE' && e.role === 'name'))) return true;
  }
  return false;
}

/**
 * An organisation head within three capitalised words, the words up to it not a known name of their own ("State
 * Department"); right after "and" only with "&" ("McKinsey & Company"): "Trumka and Chamber of Commerce" is two names.
 */
function orgHeadAhead(ix: MentionIndex, lk: Lookup, from: number, si: number, headFirst: boolean): boolean {
  for (let k = from; k < Math.min(ix.tokens.length, from + 3) && ix.sentOf[k] === si; k++) {
    const t = (ix.tokens[k] as Token).text;
    if (!isCap(t)) return false;
    if (ORG_HEADS.has(stripPossessive(t).base.toLowerCase()))
      return (k > from || headFirst) && !knownEndingAt(ix, lk, from, k + 1);
  }
  return false;
}

/**
 * Words that are never part of a name cut a run: weekdays and final months ("Supreme Court Friday",
 * "Come June"), Title Case function words ("Opposition To The"), the pronoun "I", and "Team" or a media label ("Photo", "Play Video") before a name
 * ("Team Trump" is the person's camp). Runs in capitals and events give nothing.
 */
export function splitAtNonNameWords(ix: MentionIndex, from: number, to: number, sentence: number): Candidate[] {
  const { tokens } = ix;
  const out: Candidate[] = [];
  const words = tokens.slice(from, to).map((t) => t.text);
  // Headline fragments in capitals ("SCHIFF SAYS", "THESE ALLEGATIONS AND THE …"); short acronym pairs ("USA TODAY") stay.
  const shout = new Uint8Array(to - from);
  for (let k = 0; k < words.length;) {
    let e = k;
    while (e < words.length && isShout(words[e] as string)) e++;
    const run = words.slice(k, e);
    if (run.length >= 3 || (run.length === 2 && run.every((w) => w.replace(/[^\p{L}]/gu, '').length >= 4)))
      shout.fill(1, k, e);
    k = Math.max(e, k + 1);
  }
  // Events and holidays: "Hurricane Harvey", "Eid al-Adha", "Operation Inherent Resolve".
  if (words.length >= 2 && EVENT_OPENERS.has((words[0] as string).toLowerCase())) return out;
  let a = from;
  for (let k = from; k <= to; k++) {
    let cut = k === to;
    if (!cut) {
      const t = stripPossessive((tokens[k] as Token).text).base;
      const nextCap = k + 1 < to && isCap((tokens[k + 1] as Token).text);
      cut =
        shout[k - from] === 1 ||
        NEVER_IN_NAME.test(t) ||
        WEEKDAYS.test(t) ||
        (MONTHS.test(t) && !nextCap && !monthAsSurname(ix, a, k)) ||
        (k > from && TITLE_CASE_WORDS.has(t)) ||
        t === 'I' ||
        (k === a && nextCap && /^(?:Team|Photo|Video|Image|Play|Watch|Listen|Pool)$/.test(t));
    }
    if (cut) {
      // A piece never ends on a connector ("University of" once its next word is cut), nor starts on one
      // ("of Representatives" once "House" is cut).
      let e = k;
      while (
        e > a &&
        /^(?:of|the|and|&|for|in|on|al|el|bin|ibn|abu|de|da|van|von|der|la|le|du|del|di|dos|das|ul)$/.test(
          (tokens[e - 1] as Token).text,
        )
      )
        e--;
      while (a < e && /^(?:of|the|and|&|for|in|on)$/.test((tokens[a] as Token).text)) a++;
      if (e > a) out.push({ from: a, to: e, sentence });
      a = k + 1;
    }
  }
  return out;
}

/**
 * "Theresa May", "Mrs May", "Ms. June": a month that is also a surname ends a name after a title, or after a name word
 * the text capitalises inside a sentence ("Come June" opens one); never before a number ("May 5" stays a date).
 */
function monthAsSurname(ix: MentionIndex, from: number, k: number): boolean {
  const { tokens } = ix;
  const t = (tokens[k] as Token).text;
  if (k <= from || !/^(?:May|June|April|August)$/.test(t) || /^\d/.test(tokens[k + 1]?.text ?? '')) return false;
  const prev = (tokens[k - 1] as Token).text;
  const lp = prev.toLowerCase();
  if (TITLE_SET.has(lp)) return true;
  return (
    /^\p{Lu}\p{Ll}+$/u.test(prev) &&
    !NON_NAME.has(lp) &&
    !MONTHS.test(prev) &&
    (!ix.initial[k - 1] || ix.capMid.has(lp))
  );
}

// Verbs that open a question or an inverted quotation, never a name ("Does Boehner really want ...", "Could Trump have
// been ...", "Added Chris Chocola, president of ..."); not "Will", "Can" or "Said", which are names too.
const CLAUSE_VERBS = new Set(
  'do;does;did;is;are;was;were;has;have;had;should;could;would;must;might;shall;added;adds;says;asked;let'.split(';'),
);

/**
 * A capital that opens a clause inside one sentence: after a stop within a quotation ("... the Tea Party cloth. But
 * Rubio is ..."), after a closing bracket or a dash of a dateline ("Washington (CNN) -- When Chris Christie ...",
 * "[…] When Barr pressed ..."). A stop after one capital letter or a short abbreviation ("St. Louis", "Jr.") opens none.
 */
function clauseStartInside(tokens: Token[], a: number): boolean {
  const prev = tokens[a - 1];
  if (!prev || !isCap((tokens[a] as Token).text)) return false;
  if (/^[?!…)\]-]$/.test(prev.text)) return true;
  if (prev.text !== '.') return false;
  const before = tokens[a - 2];
  return !!before && before.end === prev.start && !/^(?:\p{Lu}|\p{Lu}\p{Ll}{0,2})$/u.test(before.text);
}

/**
 * Drops leading words whose capital only marks a sentence start ("Tensions", "Meanwhile"):
 * a lone word stays only if the gazetteer or a title list knows it, or the text capitalises it elsewhere.
 */
export function trimObligatoryCaps(ix: MentionIndex, lk: Lookup, c: Candidate): Candidate | null {
  const { tokens, initial, capMid } = ix;
  let a = c.from;
  const b = c.to;
  while (a < b && (initial[a] || (a + 1 < b && clauseStartInside(tokens, a)))) {
    const w = stripPossessive((tokens[a] as Token).text).base;
    const lw = w.toLowerCase();
    const known = !!lk.find([w]) || TITLE_SET.has(lw);
    // … but a courtesy title written without its point opens the name ("Mrs May said").
    if (
      (NON_NAME.has(lw) || CLAUSE_VERBS.has(lw)) &&
      !(a + 1 < b && (lk.find([w, (tokens[a + 1] as Token).text]) || TITLE_SET.has(lw)))
    ) {
      a++;
      continue;
    }
    // Past a stop inside a sentence only a word that opens a clause goes; the rules below read a sentence's start.
    if (!initial[a]) break;
    // An acronym's capitals are its own, not the sentence start's ("CDC officials said").
    if (b - a === 1 && !known && !capMid.has(lw) && !/^\p{Lu}{3,6}$/u.test(w)) {
      a++;
      continue;
    }
    // Mikheev: a word the text also writes in lower case is a common word at the start of a name run ("Suppose", "Following").
    if (!known && !capMid.has(lw) && ix.lowerSeen.has(lw)) {
      a++;
      continue;
    }
    // A sentence adverb opens a clause, not a name ("Ultimately Donald Trump …", "Separately, …").
    if (!known && !capMid.has(lw) && /\p{Ll}(?:ate|al|ful|ous|ed|ive|ent|ant|ab|ib|ar)ly$/u.test(w) && w.length >= 7) {
      a++;
      continue;
    }
    // A sentence-initial gerund opens a clause, not a name ("Assuming Michael Cohen …", "Painting Sanders as …").
    if (!known && !capMid.has(lw) && b - a > 1 && /\p{Ll}{2,}ing$/u.test(w)) {
      a++;
      continue;
    }
    break;
  }
  return a < b ? { from: a, to: b, sentence: c.sentence } : null;
}
