// Stage A: the mention index. Tokens, their sentences, which positions capitalise every word
// (sentence starts), and the document's own evidence about each word's case (Mikheev's
// document-centred capitalisation: a word is a name if the text capitalises it where it need not).
import type { SentenceOut } from '../sentences.js';
import { isCap, stripPossessive, tokenize, type Token } from './tokens.js';

export interface MentionIndex {
  body: string;
  sentences: SentenceOut[];
  tokens: Token[];
  /** Sentence index per token (-1 outside every sentence). */
  sentOf: Int32Array;
  /** 1 where capitals are obligatory: first word of a sentence, or first word after an opening quote. */
  initial: Uint8Array;
  /** Lower-cased words seen capitalised away from a sentence start (not counting title lines). */
  capMid: Set<string>;
  /** Words seen in lower case anywhere in the body. */
  lowerSeen: Set<string>;
}

export function isWordToken(t: Token | undefined): boolean {
  if (!t) return false;
  const c = t.text.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
  return c > 127 && /^[\p{L}\p{N}]/u.test(t.text);
}

const OPEN_QUOTES = new Set(['"', '“', '‘', "'", '(', '[']);
const CLAUSE_MARKS = new Set([':', ';', ',', '—', '–', '-']);

/** `skip`: body spans that are page chrome (hover cards); their tokens belong to no sentence. */
export function indexMentions(
  body: string,
  sentences: SentenceOut[],
  skip: { start: number; end: number }[] = [],
): MentionIndex {
  const tokens = tokenize(body);
  const sentOf = new Int32Array(tokens.length).fill(-1);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i] as Token;
    while (s < sentences.length && (sentences[s] as SentenceOut).end <= tk.start) s++;
    if (s < sentences.length && (sentences[s] as SentenceOut).start <= tk.start) sentOf[i] = s;
  }
  for (const sp of skip)
    for (
      let i = tokens.findIndex((t) => t.start >= sp.start);
      i >= 0 && i < tokens.length && (tokens[i] as Token).end <= sp.end;
      i++
    )
      sentOf[i] = -1;
  const initial = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (!isWordToken(tokens[i])) continue;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    if (!prev || sentOf[i - 1] !== sentOf[i]) initial[i] = 1;
    else if (OPEN_QUOTES.has(prev.text) && (!prev2 || sentOf[i - 2] !== sentOf[i] || CLAUSE_MARKS.has(prev2.text)))
      initial[i] = 1;
    else if (prev.text === ':' || prev.text === '—' || prev.text === '–') initial[i] = 1; // "Trump: Democrats …"
  }
  const titleCaseLine = sentences.map((x) => x.lineKind === 'title' && titleCase(x.text));
  const capMid = new Set<string>();
  const lowerSeen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = (tokens[i] as Token).text;
    const si = sentOf[i] as number;
    // Title-case headlines capitalise every word: no evidence either way.
    if (si >= 0 && titleCaseLine[si]) continue;
    const c = t.charCodeAt(0);
    if ((c >= 97 && c <= 122) || (c > 127 && /^\p{Ll}/u.test(t))) lowerSeen.add(stripPossessive(t).base);
    else if (!initial[i] && isCap(t)) capMid.add(stripPossessive(t).base.toLowerCase());
  }
  return { body, sentences, tokens, sentOf, initial, capMid, lowerSeen };
}

/** Token index starting exactly at a body offset (tokens are sorted). */
export function tokenAt(ix: MentionIndex, pos: number): number | undefined {
  const { tokens } = ix;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const st = (tokens[mid] as Token).start;
    if (st === pos) return mid;
    if (st < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** First token index at or after a span's end. */
export function tokenAfter(ix: MentionIndex, from: number, end: number): number {
  let ni = from;
  while (ni < ix.tokens.length && (ix.tokens[ni] as Token).end <= end) ni++;
  return ni;
}

/** Headlines in Title Case ("Drone Attack Sets Oil Terminal Ablaze") give no capitalisation signal. */
export function titleCase(text: string): boolean {
  return titleCaseWords(text.match(/\p{L}[\p{L}'’-]*/gu) ?? []);
}

/** titleCase() over the words of a text already split. */
export function titleCaseWords(words: string[]): boolean {
  const long = words.filter((w) => w.length > 3);
  return long.length >= 4 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length > 0.7;
}

/** Sentence holding a body offset (the nearest one before it when between sentences). */
export function sentenceAt(sentences: SentenceOut[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as SentenceOut;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo - 1));
}
