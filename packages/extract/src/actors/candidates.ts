// Stage B: candidate spans. Runs of capitalised tokens (with name-internal connectors: "of the",
// "bin", "in"), then the document-centred capitalisation check on words where capitals are obligatory.
import { NON_NAME, ORG_HEADS, TITLE_SET } from '../gazetteer/lexicon.js';
import type { SentenceOut } from '../sentences.js';
import type { Lookup } from './lookup.js';
import { isWordToken, titleCase, type MentionIndex } from './mention-index.js';
import { isCap, stripPossessive, type Token } from './tokens.js';

/** Token range [from, to) inside one sentence. */
export interface Candidate {
  from: number;
  to: number;
  sentence: number;
}

const OF_HEADS = new Set('republic department ministry chiefs secretary minister bank university institute council church kingdom union league court office house federation organization organisation association chamber times gulf sea bay isle strait commander leader state states committee board school college museum academy center centre party people'.split(' '));
const NAME_CONNECTORS = new Set(['al', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'der', 'la', 'le', 'du', 'abu', 'al-', 'el-', 'del', 'di', 'dos', 'das', 'ul']);
// Names are short: a chunk stops at 12 tokens so all-capitals junk stays linear.
const MAX_CHUNK = 12;

/** Maximal capitalised runs; title-case headlines and datelines give none. */
export function candidateSpans(ix: MentionIndex): Candidate[] {
  const { tokens, sentOf, sentences } = ix;
  const out: Candidate[] = [];
  const skipLine = sentences.map((s: SentenceOut) => s.lineKind === 'dateline' || (s.lineKind === 'title' && titleCase(s.text)));
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i] as Token;
    const si = sentOf[i] as number;
    if (!isCap(tk.text) || !isWordToken(tk) || si < 0 || skipLine[si]) continue;
    let j = i + 1;
    const adj = (a: number) => (tokens[a] as Token).start - (tokens[a - 1] as Token).end <= 1 && sentOf[a] === si;
    while (j < tokens.length && j - i < MAX_CHUNK && adj(j)) {
      const w = (tokens[j] as Token).text;
      const prevBase = stripPossessive((tokens[j - 1] as Token).text);
      if (prevBase.possessive && !isCap(w)) break;
      if (isCap(w) && isWordToken(tokens[j])) { j++; continue; }
      const nx = tokens[j + 1];
      if (!nx || !adj(j + 1)) break;
      const lw = w.toLowerCase();
      if (lw === 'of' && OF_HEADS.has(prevBase.base.toLowerCase()) && !prevBase.possessive) {
        if (isCap(nx.text) && nx.text !== 'The') { j += 2; continue; }
        if (nx.text === 'the' && tokens[j + 2] && adj(j + 2) && isCap((tokens[j + 2] as Token).text)) { j += 3; continue; }
      }
      if (NAME_CONNECTORS.has(lw) && w === lw && isCap(nx.text)) { j += 2; continue; }
      if ((lw === 'in' || lw === 'for') && ORG_HEADS.has(prevBase.base.toLowerCase()) && isCap(nx.text)) { j += 2; continue; }
      break;
    }
    out.push({ from: i, to: j, sentence: si });
    i = j - 1;
  }
  return out;
}

/**
 * Drops leading words whose capital only marks a sentence start ("Tensions", "Meanwhile"):
 * a lone word stays only if the gazetteer or a title list knows it, or the text capitalises it elsewhere.
 */
export function trimObligatoryCaps(ix: MentionIndex, lk: Lookup, c: Candidate): Candidate | null {
  const { tokens, initial, capMid } = ix;
  let a = c.from;
  const b = c.to;
  while (a < b && initial[a]) {
    const w = stripPossessive((tokens[a] as Token).text).base;
    const lw = w.toLowerCase();
    const known = !!lk.find([w]) || TITLE_SET.has(lw);
    if (NON_NAME.has(lw) && !(a + 1 < b && lk.find([w, (tokens[a + 1] as Token).text]))) { a++; continue; }
    if (b - a === 1 && !known && !capMid.has(lw)) { a++; continue; }
    break;
  }
  return a < b ? { from: a, to: b, sentence: c.sentence } : null;
}
