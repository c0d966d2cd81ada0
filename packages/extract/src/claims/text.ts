// Claim text and cleanup: the evidence span trimmed, inline page chrome left out, the attribution cut from the
// assertion ("According to X, ..." / "..., X reported."), and fragments that assert nothing dropped.
import type { Attribution } from './context.js';
import { thatFollows } from './frames.js';

const MIN_CLAIM_WORDS = 4;

/** [a, b) without leading spaces and commas or trailing spaces; null when too short to be a claim. */
export function trimSpan(body: string, a: number, b: number): [number, number] | null {
  while (a < b && /[\s,]/.test(body[a] as string)) a++;
  while (b > a && /\s/.test(body[b - 1] as string)) b--;
  return b - a < 3 ? null : [a, b];
}

/** Fragments and asides ("As you were.", "Stay tuned.") assert nothing a reader could check or compare. */
export const isFragment = (text: string): boolean => {
  const words = wordCount(text, READER_PROMPT_WORDS + 1);
  return (words < MIN_CLAIM_WORDS && !/\d/.test(text)) || isReaderPrompt(text, words);
};

/** The number of words of a text, counted up to `cap` (the decisions read no further). */
const WORD = /[\p{L}\p{N}]+/gu;
function wordCount(text: string, cap: number): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (n < cap && WORD.test(text)) n++;
  return n;
}

/** A line addressed to the reader: neither a claim nor a source of actors. The shape first, the word count only then. */
export function isReaderPrompt(text: string, words?: number): boolean {
  if (!((/^\p{Lu}/u.test(text) && READER_PROMPT.test(text)) || /\byour inbox\b/i.test(text))) return false;
  return (words ?? (text.match(/[\p{L}\p{N}]+/gu) ?? []).length) <= READER_PROMPT_WORDS;
}

// Lines addressed to the reader ("Read the full interview at ...", "Send pictures, but please stay safe.", "Want the
// best from X in your inbox?"): calls to action of the page, by their shape (an imperative opening or "your inbox").
const READER_PROMPT_WORDS = 14;
const READER_PROMPT =
  /^(?:read|watch|listen|send|subscribe|sign up|click|tap|download|share|follow us|want (?:the best|more)|get (?:the|our) (?:latest|best|app|newsletter))\b/i;

// One quotation from the claim's start, then at most a short stretch before the reporting verb.
const QUOTE_OPENS = /^([“"][^“”"]+[”"])\s+(?:[^“”"]{1,80}\s)?$/;
/** The claim is one quotation and its closing frame: no quotation resumes after the verb ('“A,” X said, “B.”'). */
const quoteThenFrame = (text: string, rel: number): boolean =>
  QUOTE_OPENS.test(text.slice(0, rel)) && !/[“"]/.test(text.slice(rel));

/**
 * Where the assertion ends before a trailing frame whose verb is at `rel`: after a whole quoted sentence followed by
 * a short subject ('“It goes both ways,” Tillerson, whose voice quivered, told ...'), else at the last comma or
 * closing quote before the verb (a partial quotation the writer goes on from: '“... an event for” the president,
 * he added').
 */
function frameCut(text: string, rel: number): number {
  const quote = QUOTE_OPENS.exec(text.slice(0, rel))?.[1];
  if (quote && /[,.!?…—-][”"]$/.test(quote) && text.slice(quote.length, rel).trim().split(/\s+/).length <= 8)
    return quote.length;
  return Math.max(text.lastIndexOf(', ', rel), text.lastIndexOf('” ', rel) + 1, text.lastIndexOf('" ', rel) + 1);
}

// A fronted adverbial: a few words opened by a preposition or a time adverb and closed by a comma ("Also on Monday,",
// "In a statement Tuesday,"), not a clause ("The talks failed on Monday,", "But they don't have to,").
const FRONTED =
  /^\s*(?:(?:also|meanwhile|separately|later|earlier|today|yesterday|on|in|at|after|before|during|since|last|late|early|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b[^,“”"]*,\s*)?$/i;
/** Nothing, or a fronted adverbial of a few words, before a frame's subject. */
const frontedOnly = (before: string): boolean =>
  before.trim().length < 4 || (FRONTED.test(before) && wordCount(before, 7) <= 6);

/** The assertion of a claim: "according to X," and a trailing attribution ("..., NBC News reported over the weekend.") cut, quotation marks dropped. */
export function assertionText(text: string, at: Attribution | null, a: number): string {
  let t = text.replace(/^(?:according to [^,]{1,120},\s*)/i, '');
  // The frame is cut when it trails the assertion: in its second half, or after a quotation that opens the claim
  // ('“It goes both ways,” said X, who worked for three presidents ...', '“...,” the senator from Ohio said ...').
  // A frame whose subject comes before its verb leads the claim and stays where it opens the claim ('Evans Revere, a
  // former diplomat who ..., said ...'), also after a short fronted adverbial ('Also on Monday, Ed Davis, the police
  // commissioner, said ...').
  const leads = !!at?.frame && at.frame[0] < at.verbPos && frontedOnly(text.slice(0, at.frame[0] - a));
  // Nor is it cut before its that-complement ('Because ..., the administration reasoned that Cuccinelli could ...').
  const content = !!at?.verb && thatFollows(text.slice(at.verbPos - a + at.verb.length));
  if (
    at &&
    at.verbPos > a &&
    !leads &&
    !content &&
    (at.verbPos > a + text.length / 2 || quoteThenFrame(text, at.verbPos - a))
  ) {
    const cut = frameCut(text, at.verbPos - a);
    if (cut > 10) t = text.slice(0, cut).replace(/^(?:according to [^,]{1,120},\s*)/i, '');
  }
  // A quotation cut before its closing frame ends on its comma ('“It goes both ways,” said X'): the claim ends on a stop.
  t = t
    .replace(/["“”]/g, '')
    .trim()
    .replace(/\s*[,;:]$/, '');
  if (!/[.!?]$/.test(t)) t += '.';
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A claim's text without the inline chrome inside it (as written, or with its quotation marks dropped as the claim text drops them). */
export function stripChrome(text: string, chrome: string[]): string {
  if (!chrome.length) return text;
  let out = text;
  for (const piece of chrome) out = out.split(piece).join(' ').split(piece.replace(/["“”]/g, '')).join(' ');
  return out
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim();
}
