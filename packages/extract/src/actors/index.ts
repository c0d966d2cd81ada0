// Stage 3: named actors. Capitalised chunks → gazetteer / title / name-shape typing → per-document alias merge.
import type { ActorKind, AliasKind, ExtractedActor, Mention } from '@claimgraph/shared';
import { ARMED_HEADS, COMPANY_HEADS, MEDIA_HEADS, NON_NAME, ORG_HEADS, ORG_WORDS, PLACE_HEADS, REPORT_VERBS, TITLES, TITLE_SET } from '../gazetteer/lexicon.js';
import type { SentenceOut } from '../sentences.js';
import { baseGazetteer, Gazetteer, type GazEntry } from './gazetteer-index.js';
import { isCap, stripPossessive, tokenize, translitKey, type Token } from './tokens.js';

export interface MentionRec extends Mention {
  actorKey: string;
  aliasKind: AliasKind;
  sentence: number;
}

export interface ActorIndex {
  actors: ExtractedActor[];
  mentions: MentionRec[];
  places: (Mention & { sentence: number })[];
  /** Titles seen before each person's name, lower case ("president", "prime minister"). */
  titles: Map<string, Set<string>>;
  /** Appositive roles ("the deputy head of ...") per actor key, with the sentence index. */
  roles: { actorKey: string; role: string; text: string; sentence: number; start: number; end: number }[];
  byKey: Map<string, ExtractedActor>;
  tokens: Token[];
}

const OF_HEADS = new Set('republic department ministry chiefs secretary minister bank university institute council church kingdom union league court office house federation organization organisation association chamber times gulf sea bay isle strait commander leader state states committee board school college museum academy center centre party people'.split(' '));
const NAME_CONNECTORS = new Set(['al', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'der', 'la', 'le', 'du', 'abu', 'al-', 'el-', 'del', 'di', 'dos', 'das', 'ul']);
const SPATIAL_PREP = new Set('in at to from into near outside inside around across toward towards via through of for on over the a an off within'.split(' '));
const AUX = new Set('has have had is was were are will would could can may might must should did does do says said told sent made took gave went came saw knew met began kept held led left won lost struck hit chose'.split(' '));
const ROLE_HEADS = /^(?:the |a |an )?((?:former |deputy |acting |vice |interim |assistant |top |senior |chief |second-in-command |self-styled |supreme )*(?:[\p{L}-]+ )?(?:head|leader|chief|commander|deputy|president|director|founder|spokesman|spokeswoman|envoy|ambassador|minister|secretary|chairman|adviser|advisor|expert|analyst|official|general|coordinator|emir|ruler|governor|mayor|ceo|member|veteran|correspondent))\b/iu;

// Titles indexed by their first word (longest first), so the parser does not scan the whole list.
const TITLES_BY_FIRST = new Map<string, { text: string; n: number }[]>();
for (const t of TITLES) {
  const first = t.split(' ')[0] as string;
  { const l_ = TITLES_BY_FIRST.get(first); if (l_) l_.push({ text: t, n: t.split(' ').length }); else TITLES_BY_FIRST.set(first, [{ text: t, n: t.split(' ').length }]); }
}

type Seg =
  | { t: 'gaz'; start: number; end: number; text: string; e: GazEntry; sIdx: number; words: Token[] }
  | { t: 'name'; start: number; end: number; text: string; words: Token[]; title: string | null; sIdx: number; kind: ActorKind | null; place: boolean };

interface Draft {
  id: string;
  canonical: string;
  kind: ActorKind;
  gaz: boolean;
  mentions: { start: number; end: number; text: string; alias: AliasKind; sentence: number }[];
}

export function findActors(body: string, sentences: SentenceOut[], opts: { outlet?: string; bylineNames: string[] }): ActorIndex {
  const gaz = baseGazetteer();
  const local = new Gazetteer();
  if (opts.outlet && !gaz.lookup(tokenize(opts.outlet).map((t) => t.text))) {
    local.add(opts.outlet, { canonical: opts.outlet, kind: 'MEDIA', alias: 'CANONICAL', role: 'name', caseSensitive: false });
  }
  const lookup = (words: string[]) => local.lookup(words) ?? gaz.lookup(words);
  const maxLen = Math.max(gaz.maxLen, local.maxLen);

  const tokens = tokenize(body);
  // Sentence index per token.
  const sentOf = new Int32Array(tokens.length).fill(-1);
  {
    let s = 0;
    for (let i = 0; i < tokens.length; i++) {
      const tk = tokens[i] as Token;
      while (s < sentences.length && (sentences[s] as SentenceOut).end <= tk.start) s++;
      if (s < sentences.length && (sentences[s] as SentenceOut).start <= tk.start) sentOf[i] = s;
    }
  }
  const isWord = (t: Token | undefined): boolean => {
    if (!t) return false;
    const c = t.text.charCodeAt(0);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
    return c > 127 && /^[\p{L}\p{N}]/u.test(t.text);
  };
  // Sentence-initial positions (first word, or first word after an opening quote).
  const initial = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i])) continue;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    if (!prev || sentOf[i - 1] !== sentOf[i]) initial[i] = 1;
    else if (/^["“‘'(\[]$/.test(prev.text) && (!prev2 || sentOf[i - 2] !== sentOf[i] || /^[:;,—–-]$/.test(prev2.text))) initial[i] = 1;
  }
  // Words seen capitalised away from a sentence start: names rather than sentence-initial common words.
  const capMid = new Set<string>();
  for (let i = 0; i < tokens.length; i++) if (!initial[i] && isCap((tokens[i] as Token).text)) capMid.add(stripPossessive((tokens[i] as Token).text).base.toLowerCase());

  const segs: Seg[] = [];
  const places: (Mention & { sentence: number })[] = [];
  const roles: ActorIndex['roles'] = [];

  // --- chunking ---
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i] as Token;
    if (!isCap(tk.text) || !isWord(tk) || (sentOf[i] ?? -1) < 0) continue;
    const sk = (sentences[sentOf[i] as number] as SentenceOut);
    if (sk.lineKind === 'dateline' || (sk.lineKind === 'title' && titleCase(sk.text))) continue;
    let j = i + 1;
    const adj = (a: number) => (tokens[a] as Token).start - (tokens[a - 1] as Token).end <= 1 && sentOf[a] === sentOf[i];
    // Names are short: cap a chunk at 12 tokens so all-capitals junk stays linear.
    while (j < tokens.length && j - i < 12 && adj(j)) {
      const w = (tokens[j] as Token).text;
      const prevBase = stripPossessive((tokens[j - 1] as Token).text);
      if (prevBase.possessive && !isCap(w)) break;
      if (isCap(w) && isWord(tokens[j])) { j++; continue; }
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
    let a = i;
    const b = j; // exclusive
    // Sentence-initial common words are not names ("Tensions", "Outraged", "Meanwhile").
    while (a < b && initial[a]) {
      const w = stripPossessive((tokens[a] as Token).text).base;
      const lw = w.toLowerCase();
      const known = !!lookup([w]) || TITLE_SET.has(lw);
      if (NON_NAME.has(lw) && !(a + 1 < b && lookup([w, (tokens[a + 1] as Token).text]))) { a++; continue; }
      if (b - a === 1 && !known && !capMid.has(lw)) { a++; continue; }
      break;
    }
    if (a < b) parseChunk(tokens.slice(a, b), a, sentOf[i] as number);
    i = j - 1;
  }

  function parseChunk(words: Token[], offset: number, sIdx: number) {
    // Strip a leading "The".
    let w0 = 0;
    if (words.length > 1 && /^the$/i.test((words[0] as Token).text) && !lookup(words.map((w) => w.text))) w0 = 1;
    const ws = words.slice(w0);
    if (!ws.length) return;
    const texts = ws.map((w) => w.text);
    const nextTok = tokens[offset + words.length];
    const nextLower = nextTok && /^\p{Ll}/u.test(nextTok.text) ? nextTok.text.toLowerCase() : '';
    const nextNext = tokens[offset + words.length + 1]?.text.toLowerCase() ?? '';
    const span = (from: number, to: number) => ({ start: (ws[from] as Token).start, end: (ws[to - 1] as Token).end });

    // Whole chunk is a place ("Baghdad International Airport", "Tehran airport", "Al-Tanf military base").
    const lastBase = stripPossessive(texts[texts.length - 1] as string).base.toLowerCase();
    let possIdx = -1;
    for (let k = 0; k < ws.length - 1; k++) if (stripPossessive(texts[k] as string).possessive) possIdx = k;
    const placeTail = PLACE_HEADS.has(lastBase) || PLACE_HEADS.has(nextLower) || (/^(military|air|army|naval|international|main)$/.test(nextLower) && PLACE_HEADS.has(nextNext));
    const whole = lookup(texts.map((t, k) => (k === texts.length - 1 ? stripPossessive(t).base : t)));
    // "connector" chunks: "Gulf States Institute in Washington", "Mar-a-Lago Club in Florida".
    const conn = texts.findIndex((t, k) => k > 0 && (t === 'in' || t === 'for'));
    if (conn > 0) {
      const headW = stripPossessive(texts[conn - 1] as string).base.toLowerCase();
      const sp = span(possIdx + 1 < conn ? possIdx + 1 : 0, ws.length);
      if (possIdx >= 0 && possIdx < conn) parseChunk(ws.slice(0, possIdx + 1), offset + w0, sIdx);
      if (PLACE_HEADS.has(headW)) places.push({ ...sp, text: body.slice(sp.start, sp.end), sentence: sIdx });
      else segs.push({ t: 'name', ...sp, text: body.slice(sp.start, sp.end), words: ws, title: null, sIdx, kind: orgKind(headW, texts), place: false });
      return;
    }
    if (placeTail && whole && (whole.role === 'name' || whole.role === 'demonym') && !PLACE_HEADS.has(lastBase)) {
      // "CIA headquarters", "Syrian airport": the name is an actor, the place is the following noun.
      const sp = span(0, ws.length);
      const text = body.slice(sp.start, sp.end).replace(/['’]s$/, '');
      segs.push({ t: 'gaz', start: sp.start, end: sp.start + text.length, text, e: whole, sIdx, words: ws });
      return;
    }
    if (placeTail) {
      const from = possIdx + 1;
      if (possIdx >= 0) parseChunk(ws.slice(0, possIdx + 1), offset + w0, sIdx);
      const sp = span(from, ws.length);
      places.push({ ...sp, text: body.slice(sp.start, sp.end), sentence: sIdx });
      return;
    }
    // Organisation with a head word ("Gulf States Institute in Washington", "Cham Wings Airlines").
    if (!whole && ORG_HEADS.has(lastBase) && ws.length >= 2) {
      const from = possIdx + 1;
      if (possIdx >= 0) parseChunk(ws.slice(0, possIdx + 1), offset + w0, sIdx);
      const f = from;
      // A title inside means "Minister of X Name" shapes; fall through to the segment parser then.
      if (!texts.slice(f).some((t) => TITLE_SET.has(t.toLowerCase()) && !ORG_HEADS.has(t.toLowerCase()))) {
        let f2 = f;
        if (!lookup(texts.slice(f)) && f + 1 < ws.length && lookup(texts.slice(f + 1)) && lookup([stripPossessive(texts[f] as string).base])?.kind === 'STATE') {
          parseChunk(ws.slice(f, f + 1), offset + w0 + f, sIdx);
          f2 = f + 1;
        }
        const sub = lookup(texts.slice(f2));
        const sp = span(f2, ws.length);
        if (sub) segs.push({ t: 'gaz', ...sp, text: body.slice(sp.start, sp.end), e: sub, sIdx, words: ws.slice(f2) });
        else segs.push({ t: 'name', ...sp, text: body.slice(sp.start, sp.end), words: ws.slice(f2), title: null, sIdx, kind: orgKind(lastBase, texts.slice(f2)), place: false });
        return;
      }
    }
    // Segment parse: gazetteer longest match, titles, else name runs.
    let k = 0;
    let title: string | null = null;
    let run: Token[] = [];
    const flush = () => {
      if (!run.length) return;
      const sp = { start: (run[0] as Token).start, end: (run[run.length - 1] as Token).end };
      const rt = run.map((r) => r.text);
      rt[rt.length - 1] = stripPossessive(rt[rt.length - 1] as string).base;
      const isTitleOnly = TITLE_SET.has(rt.join(' ').toLowerCase()) || (rt.length === 1 && NON_NAME.has((rt[0] as string).toLowerCase()));
      if (sp.end - sp.start > 0 && !rt.some((t) => /\d/.test(t)) && !isTitleOnly) {
        const low = rt.map((t) => t.toLowerCase());
        const text = body.slice(sp.start, sp.end).replace(/['’]s$/, '');
        const end = sp.start + text.length;
        const isOrg = !title && (low.some((t) => ORG_WORDS.has(t)) && (low.length >= 2 || nextLower && ORG_HEADS.has(nextLower)) || (ORG_HEADS.has(nextLower) && low.some((t) => ORG_WORDS.has(t))));
        const orgTask = !title && /^(task|special|elite)$/.test(nextLower) && /^forces?$/.test(nextNext);
        const prevSeg = segs[segs.length - 1];
        const afterDemonym = prevSeg && prevSeg.t === 'gaz' && prevSeg.e.role === 'demonym' && body.slice(prevSeg.end, sp.start) === ' ' && rt.length === 1 && !title;
        if (afterDemonym && prevSeg) {
          // "Saudi Aramco", "Russian Railways": a demonym plus an unknown name is a company or body.
          segs.pop();
          segs.push({ t: 'name', start: prevSeg.start, end, text: body.slice(prevSeg.start, end), words: run, title: null, sIdx, kind: 'ORGANIZATION', place: false });
        } else if (orgTask) {
          const endTok = tokens[offset + words.length + 1] as Token;
          segs.push({ t: 'name', start: sp.start, end: endTok.end, text: body.slice(sp.start, endTok.end), words: run, title, sIdx, kind: 'ORGANIZATION', place: false });
        } else if (isOrg) segs.push({ t: 'name', start: sp.start, end, text, words: run, title, sIdx, kind: 'ORGANIZATION', place: false });
        else segs.push({ t: 'name', start: sp.start, end, text, words: run, title, sIdx, kind: null, place: false });
      }
      run = [];
      title = null;
    };
    while (k < ws.length) {
      let matched = 0;
      let entry: GazEntry | null = null;
      const firstMax = Math.max(gaz.maxFor(texts[k] as string), local.maxFor(texts[k] as string), gaz.maxFor(stripPossessive(texts[k] as string).base));
      for (let L = Math.min(maxLen, firstMax, ws.length - k); L >= 1; L--) {
        const slice = texts.slice(k, k + L);
        // Possessive only on the last word of a match.
        if (slice.slice(0, -1).some((t) => stripPossessive(t).possessive)) continue;
        slice[L - 1] = stripPossessive(slice[L - 1] as string).base;
        const e = lookup(slice);
        if (e) { entry = e; matched = L; break; }
      }
      // Titles ("Prime Minister", "Secretary of State", "Gen.").
      let tl = 0;
      for (const t of TITLES_BY_FIRST.get((texts[k] as string).toLowerCase()) ?? []) {
        if (k + t.n <= ws.length && texts.slice(k, k + t.n).join(' ').toLowerCase() === t.text && t.n >= matched) { tl = t.n; break; }
      }
      // A title only opens a name: "President Hassan Sheikh Mohamud" keeps "Sheikh" inside the name.
      if (tl && run.length === 0 && (!entry || tl >= matched) && k + tl < ws.length) {
        flush();
        title = texts.slice(k, k + tl).join(' ').toLowerCase();
        k += tl;
        continue;
      }
      if (entry && entry.role !== 'place') {
        flush();
        const sp = span(k, k + matched);
        let text = body.slice(sp.start, sp.end);
        const poss = /['’]s$/.test(text);
        if (poss) text = text.replace(/['’]s$/, '');
        // "Israeli intelligence" is an agency, not the state.
        if (entry.role === 'demonym' && k + matched === ws.length && nextLower === 'intelligence' && !/^(officials?|sources?|information|agenc(y|ies)|services?|reports?|community|chiefs?|officers?|assessments?|analysts?|and)$/.test(nextNext)) {
          const endTok = tokens[offset + words.length] as Token;
          segs.push({ t: 'name', start: sp.start, end: endTok.end, text: body.slice(sp.start, endTok.end), words: [], title: null, sIdx, kind: 'ORGANIZATION', place: false });
        } else segs.push({ t: 'gaz', start: sp.start, end: sp.start + text.length, text, e: entry, sIdx, words: ws.slice(k, k + matched) });
        k += matched;
        if (poss) title = null;
        continue;
      }
      if (entry && entry.role === 'place') {
        flush();
        const sp = span(k, k + matched);
        places.push({ ...sp, text: body.slice(sp.start, sp.end), sentence: sIdx });
        k += matched;
        continue;
      }
      run.push(ws[k] as Token);
      if (stripPossessive(texts[k] as string).possessive) flush();
      k++;
    }
    flush();
  }

  // --- hyphenated words: "pro-Iranian", "Iranian-backed", "US-Iran" ---
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i] as Token;
    if (!tk.text.includes('-') || sentOf[i] === -1 || lookup([stripPossessive(tk.text).base])) continue;
    let pos = tk.start;
    for (const part of tk.text.split('-')) {
      const e = part && /^\p{Lu}/u.test(part) ? lookup([part]) : null;
      if (e && (e.kind === 'STATE' && e.role !== 'capital')) segs.push({ t: 'gaz', start: pos, end: pos + part.length, text: part, e, sIdx: sentOf[i] as number, words: [] });
      pos += part.length + 1;
    }
  }

  // --- "X-led coalition" ---
  for (const m of body.matchAll(/\b([\p{Lu}][\p{L}.]*)-led coalition\b/gu)) {
    const start = m.index;
    const sIdx = sentenceAt(sentences, start);
    segs.push({ t: 'name', start, end: start + m[0].length, text: m[0], words: [], title: null, sIdx, kind: 'ORGANIZATION', place: false });
  }

  // --- typing and merging ---
  const drafts = new Map<string, Draft>();
  let nextId = 0;
  const newDraft = (k: string, canonical: string, kind: ActorKind, g: boolean) => {
    let d = drafts.get(k);
    if (!d) {
      d = { id: String(nextId++), canonical, kind, gaz: g, mentions: [] };
      drafts.set(k, d);
    }
    return d;
  };
  const titles = new Map<string, Set<string>>();
  // Token index by start offset (tokens are sorted): binary search instead of a per-token map.
  const tokenIdxAt = {
    get(pos: number): number | undefined {
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
    },
  };

  const capitalIsActor = (s: Seg) => {
    const ti = tokenIdxAt.get(s.start);
    if (ti === undefined) return false;
    let prev = tokens[ti - 1];
    // "the White House said": the article belongs to the name; look one word further back.
    if (s.t === 'gaz' && s.e.kind !== 'STATE' && prev && /^the$/i.test(prev.text)) prev = tokens[ti - 2];
    let ni = ti;
    while (ni < tokens.length && (tokens[ni] as Token).end <= s.end) ni++;
    const next = tokens[ni];
    if (prev && SPATIAL_PREP.has(prev.text.toLowerCase()) && sentOf[ti - 1] === sentOf[ti]) return false;
    if (!next || sentOf[ni] !== sentOf[ti]) return true;
    const nt = next.text;
    if (/^[.,;:!?)"”]$/.test(nt)) return nt !== ',' || !(tokens[ni + 1] && lookup([(tokens[ni + 1] as Token).text])?.kind === 'STATE');
    const ln = nt.toLowerCase();
    if (ln === 'and' || ln === 'or' || AUX.has(ln) || REPORT_VERBS[ln]) return true;
    if (/^\p{Ll}+(ed|s)$/u.test(nt) && !PLACE_HEADS.has(ln) && !ORG_HEADS.has(ln)) return true;
    return false;
  };

  const nameSegs: Extract<Seg, { t: 'name' }>[] = [];
  for (const s of segs) {
    if (s.t === 'gaz') {
      if (s.e.role === 'capital' && !capitalIsActor(s)) {
        places.push({ start: s.start, end: s.end, text: s.text, sentence: s.sIdx });
        continue;
      }
      const d = newDraft('g:' + s.e.canonical, s.e.canonical, s.e.kind, true);
      d.mentions.push({ start: s.start, end: s.end, text: s.text, alias: s.e.alias, sentence: s.sIdx });
    } else nameSegs.push(s);
  }
  // Persons: longest names first so surnames can attach to them.
  const persons: Draft[] = [];
  const personKey = new Map<string, Draft>();
  const orgDrafts: Draft[] = [];
  // Lower-case titles right before a name: "spokesperson Mao Ning", "director Gina Haspel".
  for (const s of nameSegs) {
    if (s.kind || s.title) continue;
    const before = body.slice(Math.max(0, s.start - 40), s.start).toLowerCase();
    const tm = /\b(spokesperson|spokesman|spokeswoman|director|ambassador|envoy|governor|mayor|minister|secretary|president|commander|chief|adviser|advisor|general|leader|official)\s+$/.exec(before);
    if (tm) s.title = tm[1] as string;
  }
  nameSegs.sort((x, y) => y.words.length - x.words.length || x.start - y.start);
  const singles: Extract<Seg, { t: 'name' }>[] = [];
  for (const s of nameSegs) {
    if (s.kind) {
      const k = 'o:' + translitKey(s.text);
      // Suffix merge: "National Security" into "Iraqi National Security".
      let d = drafts.get(k);
      if (!d) {
        const tk = translitKey(s.text);
        d = orgDrafts.find((o) => translitKey(o.canonical).endsWith(tk) || tk.endsWith(translitKey(o.canonical)));
      }
      if (!d) {
        d = newDraft(k, s.text, s.kind, false);
        orgDrafts.push(d);
      } else if (s.text.length > d.canonical.length && d.kind === s.kind) d.canonical = s.text;
      d.mentions.push({ start: s.start, end: s.end, text: s.text, alias: d.canonical === s.text ? 'CANONICAL' : 'VARIANT', sentence: s.sIdx });
      continue;
    }
    if (s.words.length === 1) {
      singles.push(s);
      continue;
    }
    const full = translitKey(s.text);
    let d = personKey.get(full);
    if (!d) {
      d = newDraft('p:' + full, s.text, 'PERSON', false);
      personKey.set(full, d);
      persons.push(d);
    }
    d.mentions.push({ start: s.start, end: s.end, text: s.text, alias: d.canonical === s.text ? 'CANONICAL' : 'VARIANT', sentence: s.sIdx });
    if (s.title) addTitle(d.id, s.title);
  }
  function addTitle(id: string, t: string) {
    const set = titles.get(id) ?? new Set<string>();
    set.add(t);
    titles.set(id, set);
  }
  // Single words: a known person's surname, else a person only with a title or a reporting verb after it.
  singles.sort((x, y) => x.start - y.start);
  const surnameOf = (d: Draft) => translitKey(d.canonical.split(/\s+/).pop() ?? '');
  const bySurname = new Map<string, Draft>();
  for (const p of persons) if (!bySurname.has(surnameOf(p))) bySurname.set(surnameOf(p), p);
  // Family name first ("Mao Ning" → "Mao"), only where no family-name-last match exists.
  for (const p of persons) {
    const first = translitKey(p.canonical.split(/\s+/)[0] ?? '');
    if (p.canonical.split(/\s+/).length === 2 && !bySurname.has(first)) bySurname.set(first, p);
  }
  for (const s of singles) {
    const key = translitKey(s.text);
    let d = bySurname.get(key) ?? personKey.get(key);
    if (!d) {
      const ti = tokenIdxAt.get(s.start) ?? -1;
      let ni = ti + 1;
      while (ni < tokens.length && (tokens[ni] as Token).end <= s.end) ni++;
      const nxt = (tokens[ni]?.text ?? '').toLowerCase();
      const nxt2 = (tokens[ni + 1]?.text ?? '').toLowerCase();
      const verbAfter = (/^(administration|government|campaign|cabinet|presidency)$/.test(nxt) && /^\p{Lu}\p{Ll}+$/u.test(s.text)) || !!REPORT_VERBS[nxt] || (/^(also|has|had|then|later|further|initially|reportedly)$/.test(nxt) && !!REPORT_VERBS[nxt2]) || /^(phoned|called|met|visited|spoke|laughed|added|plans|planned|landed|arrived)$/.test(nxt);
      if (!s.title && !verbAfter && !capMid.has(key + '-person')) {
        // Keep the word for a later surname match ("Pompeo" first, "Mike Pompeo" later is handled by the sort above).
        continue;
      }
      d = newDraft('p:' + key, s.text, 'PERSON', false);
      personKey.set(key, d);
      persons.push(d);
    }
    d.mentions.push({ start: s.start, end: s.end, text: s.text, alias: s.title ? 'TITLE' : d.canonical === s.text ? 'CANONICAL' : 'SURNAME', sentence: s.sIdx });
    if (s.title) addTitle(d.id, s.title);
  }
  // A second pass: single words that appeared before their person was known.
  for (const s of singles) {
    const key = translitKey(s.text);
    const d = bySurname.get(key) ?? personKey.get(key);
    if (d && !d.mentions.some((m) => m.start === s.start)) d.mentions.push({ start: s.start, end: s.end, text: s.text, alias: 'SURNAME', sentence: s.sIdx });
  }

  // Acronyms in brackets: "Long Name (ACR)". Each acronym is defined once (its first bracket).
  const draftByEnd = new Map<number, Draft>();
  for (const d of drafts.values()) for (const x of d.mentions) draftByEnd.set(x.end, d);
  const acronymsDone = new Set<string>();
  for (const m of body.matchAll(/\(([A-Z][A-Za-z.&]{1,9})\)/g)) {
    const acr = m[1] as string;
    if (acronymsDone.has(acr)) continue;
    const before = m.index;
    const owner = draftByEnd.get(before - 1) ?? draftByEnd.get(before - 2) ?? draftByEnd.get(before);
    if (!owner) continue;
    acronymsDone.add(acr);
    const gz = lookup([acr]);
    if (gz && gz.role === 'name' && !owner.gaz) {
      // The bracketed acronym is a known body: adopt its canonical name and kind.
      const target = newDraft('g:' + gz.canonical, gz.canonical, gz.kind, true);
      if (target !== owner) {
        target.mentions.push(...owner.mentions.map((x) => ({ ...x, alias: 'VARIANT' as AliasKind })));
        owner.mentions = [];
      }
      continue;
    }
    if (!gz) {
      // Unknown acronym: every later mention of it is this actor.
      for (const am of body.matchAll(new RegExp(`\\b${acr.replace(/\./g, '\\.')}\\b`, 'g'))) {
        owner.mentions.push({ start: am.index, end: am.index + acr.length, text: acr, alias: 'ACRONYM', sentence: sentenceAt(sentences, am.index) });
      }
    }
  }

  // Byline names are people.
  for (const n of opts.bylineNames) {
    if (lookup(tokenize(n).map((t) => t.text))) continue;
    if (!/^\p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u.test(n)) continue;
    const key = translitKey(n);
    if (!personKey.has(key)) {
      const d = newDraft('p:' + key, n, 'PERSON', false);
      personKey.set(key, d);
      const at = body.indexOf(n);
      if (at >= 0) d.mentions.push({ start: at, end: at + n.length, text: n, alias: 'CANONICAL', sentence: sentenceAt(sentences, at) });
    }
  }

  // Appositive kinds and roles: "Name, the private airline", "Name, the deputy head of ...".
  for (const d of drafts.values()) {
    for (const m of d.mentions) {
      const after = body.slice(m.end, m.end + 120);
      const ap = /^,\s+(?:\d+,\s+)?([^,.;]{3,100})/u.exec(after);
      if (!ap) continue;
      const phrase = ap[1] as string;
      if (/^(?:the |a |an )?(?:[\p{L}-]+ )?(airline|carrier|company|firm|manufacturer|group|militia|newspaper|daily|broadcaster|agency)\b/iu.test(phrase) && d.kind === 'PERSON' && d.mentions.length <= 3) {
        const h = /(airline|carrier|company|firm|manufacturer)/i.test(phrase) ? 'COMPANY' : /(militia|group)/i.test(phrase) ? 'ARMED_GROUP' : /(newspaper|daily|broadcaster)/i.test(phrase) ? 'MEDIA' : 'ORGANIZATION';
        d.kind = h;
      }
      const r = ROLE_HEADS.exec(phrase);
      if (r && d.kind === 'PERSON') roles.push({ actorKey: d.id, role: (r[1] as string).toLowerCase(), text: phrase, sentence: m.sentence, start: m.end + 2, end: m.end + 2 + phrase.length });
    }
  }

  // Unknown two-word "names" that a gazetteer word contradicts are dropped; empty drafts go.
  const list = [...drafts.values()].filter((d) => d.mentions.length > 0);
  for (const d of list) d.mentions.sort((x, y) => x.start - y.start);
  list.sort((x, y) => (x.mentions[0]?.start ?? 0) - (y.mentions[0]?.start ?? 0));
  const keyMap = new Map<string, string>();
  const actors: ExtractedActor[] = list.map((d, i) => {
    const key = `a${i}`;
    keyMap.set(d.id, key);
    d.mentions.sort((x, y) => x.start - y.start);
    const seen = new Set<string>();
    const aliases: ExtractedActor['aliases'] = [];
    for (const m of d.mentions) {
      if (seen.has(m.text)) continue;
      seen.add(m.text);
      aliases.push({ alias: m.text, kind: m.text === d.canonical ? 'CANONICAL' : m.alias === 'CANONICAL' ? 'VARIANT' : m.alias });
    }
    return { key, canonicalName: d.canonical, kind: d.kind, aliases, mentions: d.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })) };
  });
  const mentions: MentionRec[] = [];
  list.forEach((d) => {
    for (const m of d.mentions) mentions.push({ start: m.start, end: m.end, text: m.text, actorKey: keyMap.get(d.id) as string, aliasKind: m.alias, sentence: m.sentence });
  });
  mentions.sort((x, y) => x.start - y.start);
  const t2 = new Map<string, Set<string>>();
  for (const [id, set] of titles) if (keyMap.has(id)) t2.set(keyMap.get(id) as string, set);
  for (const r of roles) r.actorKey = keyMap.get(r.actorKey) ?? r.actorKey;
  return { actors, mentions, places, titles: t2, roles: roles.filter((r) => r.actorKey.startsWith('a')), byKey: new Map(actors.map((a) => [a.key, a])), tokens };
}

/** Headlines in Title Case ("Drone Attack Sets Oil Terminal Ablaze") give no capitalisation signal. */
function titleCase(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length >= 4 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length > 0.7;
}

function orgKind(head: string, words: string[]): ActorKind {
  if (MEDIA_HEADS.has(head)) return 'MEDIA';
  if (COMPANY_HEADS.has(head)) return 'COMPANY';
  if (ARMED_HEADS.has(head)) return 'ARMED_GROUP';
  if (words.some((w) => /^(Army|Front|Brigades?|Militias?)$/.test(w)) && !words.some((w) => /^(National|Royal|Defense|Defence)$/.test(w))) return 'ARMED_GROUP';
  return 'ORGANIZATION';
}

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
