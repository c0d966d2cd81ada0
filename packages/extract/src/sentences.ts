import type { Sentence } from '@claimgraph/shared';
import type { BodyLine } from './clean.js';

// Abbreviations that end with a dot but do not end a sentence.
const ABBREV = new Set(
  'mr mrs ms dr prof gen lt col sgt capt maj adm brig cpl rep reps sen sens gov st jr sr no nos inc corp co ltd vs etc jan feb mar apr jun jul aug sep sept oct nov dec fig approx dept est gov univ rev hon pres'.split(
    ' ',
  ),
);
// After an acronym with dots ("U.S."), these words still start a new sentence.
const STARTERS = new Set(
  'the he she it they we i but and in on at this that these those there a an his her their its after before when while as meanwhile however'.split(
    ' ',
  ),
);

const CLOSE_Q = new Set(['”', '’', '»']);

export interface SentenceOut extends Sentence {
  lineKind: BodyLine['kind'];
  /** Index of the body line. */
  line: number;
}

/**
 * Splits each body line into sentences. A split needs [.!?] + space + an upper-case start,
 * no open quotation, and the word before the dot not being an abbreviation. One pass per line.
 */
export function splitSentences(body: string, lines: BodyLine[]): SentenceOut[] {
  const out: SentenceOut[] = [];
  lines.forEach((ln, li) => {
    let segStart = ln.start;
    let straight = false; // inside "..."
    let curly = 0; // depth of “...”
    for (let i = ln.start; i < ln.end; i++) {
      const ch = body[i] as string;
      if (ch === '"') straight = !straight;
      else if (ch === '“' || ch === '«') curly++;
      else if ((ch === '”' || ch === '»') && curly > 0) curly--;
      else if (ch === '”' && straight) straight = false; // mixed marks: "...” (quotes.ts reads them so too)
      if (ch !== '.' && ch !== '!' && ch !== '?') continue;
      // Text whose line breaks were lost glues a quotation to the sentence before it: 'his own."Having ...'.
      // Outside a quotation, a straight quote right after the stop and before a capital opens the next sentence.
      if (!straight && curly === 0 && body[i + 1] === '"' && /\p{Lu}/u.test(body[i + 2] ?? '') && i + 2 < ln.end) {
        pushSentence(out, body, segStart, i + 1, ln.kind, li);
        segStart = i + 1;
        continue;
      }
      // Move past closing quotes/brackets and further dots.
      let j = i + 1;
      let st2: boolean = straight;
      let cu2: number = curly;
      while (
        j < ln.end &&
        (body[j] === '"' || CLOSE_Q.has(body[j] as string) || body[j] === ')' || body[j] === '.' || body[j] === "'")
      ) {
        if (body[j] === '"') st2 = !st2;
        else if ((body[j] === '”' || body[j] === '»') && cu2 > 0) cu2--;
        else if (body[j] === '”' && st2) st2 = false;
        j++;
      }
      if (j >= ln.end) break;
      // A closed quotation glued to the next sentence: 'seven long years."Watch ...'.
      const glued =
        (j > i + 1 &&
          (body[j - 1] === '"' || body[j - 1] === '”') &&
          !st2 &&
          cu2 === 0 &&
          /\p{Lu}/u.test(body[j] as string)) ||
        // Paragraphs joined without a break: 'on Saturday.Then the ...' (two lower-case letters before, a word after).
        (j === i + 1 &&
          !st2 &&
          cu2 === 0 &&
          /\p{Ll}\p{Ll}$/u.test(body.slice(Math.max(ln.start, i - 2), i)) &&
          /^\p{Lu}\p{Ll}/u.test(body.slice(j, j + 2)));
      if (!glued && body[j] !== ' ' && body[j] !== '\u00a0' && body[j] !== '\t') continue;
      let k = j;
      while (k < ln.end && (body[k] === ' ' || body[k] === '\u00a0' || body[k] === '\t')) k++;
      if (k >= ln.end) break;
      const next = body[k] as string;
      const nextIsStart = /[\p{Lu}\d"“‘'(\[«]/u.test(next);
      if (!nextIsStart) continue;
      if (st2 || cu2 > 0) continue;
      if (ch === '.') {
        // word before the dot
        let w = i - 1;
        while (w >= ln.start && /[\p{L}.]/u.test(body[w] as string)) w--;
        const word = body.slice(w + 1, i);
        const lower = word.toLowerCase();
        if (ABBREV.has(lower.replace(/\./g, ''))) continue;
        if (/^\p{Lu}$/u.test(word)) continue; // initial: "Robert C. O'Brien"
        if (/^(\p{L}\.)+\p{L}$/u.test(word)) {
          // "U.S." / "D.C.": split only when a typical sentence starter follows
          const nextWord = /^[\p{L}']+/u.exec(body.slice(k, k + 20))?.[0]?.toLowerCase() ?? '';
          if (!STARTERS.has(nextWord)) continue;
        }
      }
      pushSentence(out, body, segStart, j, ln.kind, li);
      straight = st2;
      curly = cu2;
      segStart = k;
      i = k - 1;
    }
    pushSentence(out, body, segStart, ln.end, ln.kind, li);
  });
  return out;
}

function pushSentence(
  out: SentenceOut[],
  body: string,
  start: number,
  end: number,
  kind: BodyLine['kind'],
  line: number,
) {
  while (start < end && /\s/.test(body[start] as string)) start++;
  while (end > start && /\s/.test(body[end - 1] as string)) end--;
  if (end <= start) return;
  out.push({ start, end, text: body.slice(start, end), lineKind: kind, line });
}
