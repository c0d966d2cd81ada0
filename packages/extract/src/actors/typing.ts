// Stage C: typing by cue. Each candidate span is cut into gazetteer entries, titles ("Prime Minister"),
// organisation and place heads ("… Committee", "… Airport") and unknown name runs.
import type { ActorKind } from '@claimgraph/shared';
import {
  ARMED_HEADS,
  COMPANY_HEADS,
  MEDIA_HEADS,
  NON_NAME,
  ORG_HEADS,
  ORG_WORDS,
  PLACE_HEADS,
  REPORT_VERBS,
  TITLES,
  TITLE_SET,
} from '../gazetteer/lexicon.js';
import type { Candidate } from './candidates.js';
import type { GazEntry } from './gazetteer-index.js';
import type { Lookup } from './lookup.js';
import { sentenceAt, type MentionIndex } from './mention-index.js';
import { stripPossessive, type Token } from './tokens.js';

export type GazSeg = { t: 'gaz'; start: number; end: number; text: string; e: GazEntry; sIdx: number; words: Token[] };
export type NameSeg = {
  t: 'name';
  start: number;
  end: number;
  text: string;
  words: Token[];
  title: string | null;
  sIdx: number;
  kind: ActorKind | null;
  place: boolean;
};
export type Seg = GazSeg | NameSeg;
export interface Place {
  start: number;
  end: number;
  text: string;
  sentence: number;
}
export interface Typed {
  segs: Seg[];
  places: Place[];
}

// Titles indexed by their first word (longest first), so the parser does not scan the whole list.
const TITLES_BY_FIRST = new Map<string, { text: string; n: number }[]>();
for (const t of TITLES) {
  const first = t.split(' ')[0] as string;
  const l = TITLES_BY_FIRST.get(first);
  if (l) l.push({ text: t, n: t.split(' ').length });
  else TITLES_BY_FIRST.set(first, [{ text: t, n: t.split(' ').length }]);
}

// Titles held in an organisation, which may follow its name inside one capitalised run.
// Office words that end no one's name (unlike King, Prince or Judge, which are surnames too).
const OFFICE_TAIL = new Set(
  'adviser advisor administrator secretary director spokesman spokeswoman spokesperson minister ambassador commissioner official chairman chairwoman senator governor mayor analyst correspondent reporter editor'.split(
    ' ',
  ),
);
const REGION_ADJ =
  /^(?:Eastern|Western|Northern|Southern|Central|Greater|Asian|African|European|Hispanic|Latino|Arab)$/;
// Titles only an organisation confers: the capitalised words before them are that organisation ("Newsmax CEO Chris Ruddy").
const ORG_ONLY_TITLES = new Set([
  'ceo',
  'chief executive',
  'founder',
  'co-founder',
  'chairman',
  'chairwoman',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'inspector general',
]);
// Offices a field or a place may qualify ("Budget Director", "Political Editor", "New Orleans Mayor").
// … and offices a court, a district, a city or a county qualifies ("District Judge", "City Councilor", "Ocean County
// Prosecutor", "Deputy Solicitor General"), and ranks after their service ("Army Gen.", "Navy Adm.").
const FIELD_TITLES =
  /^(?:(?:vice |deputy |assistant |executive )?(?:secretary|director|minister|mayor|governor|gov\.|president|editor|analyst|correspondent|commissioner|chairman|chairwoman|spokesman|spokeswoman|spokesperson|administrator|adviser|advisor|ambassador|judge|prosecutor|attorney|district attorney|counsel|solicitor general|attorney general|sheriff|officer|councilman|councilwoman|councilor|councillor|council member)|colonel|col\.|ceo|(?:lt\.? |maj\.? |brig\.? )?gen\.?|(?:rear |vice )?adm\.?|admiral|capt\.|sgt\.|lt\.(?: col\.)?)$/i;
const OFFICE_TITLES = new Set([
  'ceo',
  'chief executive',
  'founder',
  'co-founder',
  'inspector general',
  'chairman',
  'chairwoman',
  'chair',
  'ranking member',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'director',
  'secretary',
  'minister',
  'leader',
  'majority leader',
  'minority leader',
  'speaker',
  'whip',
  'commander',
  'chief',
  'head',
]);
// A body's judges and lawyers, after a run holding its head noun ("District Court Judge X", "Justice Department
// Attorney X"; not "Federal District Judge X").
const LAW_TITLES = new Set(['judge', 'justice', 'attorney', 'counsel', 'prosecutor']);

// Last words that make only the chunk that ends on them a place, never the name before them in lower case ("the Bush
// wars", "sent Cohen to jail"): "Star Wars", "the Culture Wars", "the Harris County Jail", "the State Penitentiary";
// a body's name holding "of" is the body's ("Veterans of Foreign Wars").
const OWN_PLACE_HEADS = /^(?:wars|jail|penitentiary)$/;
const WAR_ORDINAL = /^(?:I{1,3}|IV|One|Two|Three)\.?$/;

/** "World War II", "World War I.", "War II" (of "post-World War II"): a numbered war is a happening, not an actor. */
export function warName(texts: string[]): boolean {
  const n = texts.length;
  return n >= 2 && WAR_ORDINAL.test(texts[n - 1] as string) && /^Wars?$/.test(texts[n - 2] as string);
}

const NATURAL_FEATURE = /^(?:Gulf|Sea|Bay|Strait|Straits|Ocean|Lake|River|Isle|Island|Islands|Peninsula|Cape)$/;

export function orgKind(head: string, words: string[]): ActorKind {
  // "X News Agency", "X News Service", "X News Foundation": a newsroom by any other head noun.
  if (MEDIA_HEADS.has(head) || (/^(?:agency|service|foundation|network|channel)$/.test(head) && words.includes('News')))
    return 'MEDIA';
  if (COMPANY_HEADS.has(head)) return 'COMPANY';
  if (ARMED_HEADS.has(head)) return 'ARMED_GROUP';
  if (
    words.some((w) => /^(Army|Front|Brigades?|Militias?)$/.test(w)) &&
    !words.some((w) => /^(National|Royal|Defense|Defence)$/.test(w))
  )
    return 'ARMED_GROUP';
  return 'ORGANIZATION';
}

/** A name segment typed as an organisation, over body[start, end). */
const organisation = (body: string, start: number, end: number, sIdx: number): Seg => ({
  t: 'name',
  start,
  end,
  text: body.slice(start, end),
  words: [],
  title: null,
  sIdx,
  kind: 'ORGANIZATION',
  place: false,
});

/** Types every candidate, then adds the hyphen-internal states ("Iranian-backed") and "X-led coalition". */
export function typeCandidates(ix: MentionIndex, lk: Lookup, candidates: Candidate[]): Typed {
  const out: Typed = { segs: [], places: [] };
  for (const c of candidates) typeSpan(ix, lk, ix.tokens.slice(c.from, c.to), c.from, c.sentence, out);
  hyphenStates(ix, lk, out);
  if (ix.body.includes('-led coalition'))
    for (const m of ix.body.matchAll(/\b([\p{Lu}][\p{L}.]*)-led coalition\b/gu)) {
      const start = m.index;
      out.segs.push({
        t: 'name',
        start,
        end: start + m[0].length,
        text: m[0],
        words: [],
        title: null,
        sIdx: sentenceAt(ix.sentences, start),
        kind: 'ORGANIZATION',
        place: false,
      });
    }
  return out;
}

export function typeSpan(ix: MentionIndex, lk: Lookup, words: Token[], offset: number, sIdx: number, out: Typed): void {
  const { body, tokens } = ix;
  const { segs, places } = out;
  const lookup = lk.find;
  // Strip a leading "The".
  let w0 = 0;
  if (words.length > 1 && /^the$/i.test((words[0] as Token).text) && !lookup(words.map((w) => w.text))) w0 = 1;
  const ws = words.slice(w0);
  if (!ws.length) return;
  const texts = ws.map((w) => w.text);
  const nextTok = tokens[offset + words.length];
  const nextLower = nextTok && /^\p{Ll}/u.test(nextTok.text) ? nextTok.text.toLowerCase() : '';
  const nextNext = tokens[offset + words.length + 1]?.text.toLowerCase() ?? '';
  // The lower-case noun after the chunk without its possessive ("government’s"), and where that noun ends.
  const nextBase = stripPossessive(nextLower).base;
  const nextEnd = () => (nextTok as Token).start + nextBase.length;
  const span = (from: number, to: number) => ({ start: (ws[from] as Token).start, end: (ws[to - 1] as Token).end });
  const recurse = (sub: Token[], off: number) => typeSpan(ix, lk, sub, off, sIdx, out);

  // "Gulf of Oman", "Bay of Bengal": a body of water or a landform named for a country is a place, not the country.
  if (ws.length >= 3 && texts[1] === 'of' && NATURAL_FEATURE.test(texts[0] as string)) {
    const sp = span(0, ws.length);
    places.push({ ...sp, text: body.slice(sp.start, sp.end), sentence: sIdx });
    return;
  }
  // Whole chunk is a place ("Baghdad International Airport", "Tehran airport", "Al-Tanf military base").
  const lastBase = stripPossessive(texts[texts.length - 1] as string).base.toLowerCase();
  let possIdx = -1;
  for (let k = 0; k < ws.length - 1; k++) if (stripPossessive(texts[k] as string).possessive) possIdx = k;
  // A noun after a possessive is the name's possession ("Merkel’s plan", "Putin’s war"), never the name's head.
  const lastPossessive = stripPossessive(texts[texts.length - 1] as string).possessive;
  const placeTail =
    PLACE_HEADS.has(lastBase) ||
    (OWN_PLACE_HEADS.test(lastBase) && !texts.includes('of')) ||
    warName(texts) ||
    (!lastPossessive &&
      (PLACE_HEADS.has(nextLower) ||
        (/^(military|air|army|naval|international|main)$/.test(nextLower) && PLACE_HEADS.has(nextNext))));
  const whole = lookup(texts.map((t, k) => (k === texts.length - 1 ? stripPossessive(t).base : t)));
  // "connector" chunks: "Gulf States Institute in Washington", "Mar-a-Lago Club in Florida".
  const conn = texts.findIndex((t, k) => k > 0 && (t === 'in' || t === 'for'));
  if (conn > 0) {
    // "Centers for Medicare & Medicaid Services Administrator Seema Verma": an office after the body opens a person's name.
    // … and so does a possessive after it ("the Centers for Disease Control and Prevention’s National Health Survey").
    const cut = officeAfter(texts, conn) > 0 ? officeAfter(texts, conn) : possIdx > conn ? possIdx + 1 : -1;
    if (cut > 0) {
      recurse(ws.slice(0, cut), offset + w0);
      recurse(ws.slice(cut), offset + w0 + cut);
      return;
    }
    // "Director of the Centers for Disease Control": an office of the body before it is no part of its name.
    const ofBody =
      TITLE_SET.has((texts[0] as string).toLowerCase()) && texts[1] === 'of' ? (texts[2] === 'the' ? 3 : 2) : 0;
    if (ofBody && ofBody < conn) {
      recurse(ws.slice(ofBody), offset + w0 + ofBody);
      return;
    }
    const headW = stripPossessive(texts[conn - 1] as string).base.toLowerCase();
    const owner = possIdx >= 0 && possIdx < conn && !possessiveInName(lk, texts, possIdx);
    const sp = span(owner ? possIdx + 1 : 0, ws.length);
    if (owner) recurse(ws.slice(0, possIdx + 1), offset + w0);
    if (PLACE_HEADS.has(headW)) places.push({ ...sp, text: body.slice(sp.start, sp.end), sentence: sIdx });
    else
      segs.push({
        t: 'name',
        start: sp.start,
        // "the Centers for Disease Control and Prevention’s data": the possessive is no part of the name.
        end: sp.start + stripPossessive(body.slice(sp.start, sp.end)).base.length,
        text: stripPossessive(body.slice(sp.start, sp.end)).base,
        words: ws,
        title: null,
        sIdx,
        kind: orgKind(headW, texts),
        place: false,
      });
    return;
  }
  if (placeTail && whole && (whole.role === 'name' || whole.role === 'demonym') && !PLACE_HEADS.has(lastBase)) {
    // "CIA headquarters", "Syrian airport": the name is an actor, the place is the following noun.
    const sp = span(0, ws.length);
    const text = stripPossessive(body.slice(sp.start, sp.end)).base;
    segs.push({ t: 'gaz', start: sp.start, end: sp.start + text.length, text, e: whole, sIdx, words: ws });
    return;
  }
  if (placeTail) {
    if (possIdx >= 0) recurse(ws.slice(0, possIdx + 1), offset + w0);
    const sp = span(possIdx + 1, ws.length);
    places.push({ ...sp, text: body.slice(sp.start, sp.end), sentence: sIdx });
    return;
  }
  // Organisation with a head word ("Gulf States Institute in Washington", "Cham Wings Airlines").
  if (!whole && ORG_HEADS.has(lastBase) && ws.length >= 2) {
    // "Moody’s Analytics": a firm's name in the possessive before a firm's head word is one name, no owner's; so is
    // an office's or a group's ("the U.S. Attorney’s Office", "the National Sheriffs’ Association").
    const ownPossessive = possessiveInName(lk, texts, possIdx);
    const f = possessiveFirm(lk, texts, possIdx, lastBase) || ownPossessive ? 0 : possIdx + 1;
    if (f > 0) recurse(ws.slice(0, possIdx + 1), offset + w0);
    // A title inside means "Minister of X Name" shapes; fall through to the segment parser then.
    // "General Assembly": a title word right before the head is part of the name.
    // … but not the office a possessive names ("the Wyoming Attorney General’s Office").
    if (
      ownPossessive ||
      !texts.slice(f, -2).some((t) => TITLE_SET.has(t.toLowerCase()) && !ORG_HEADS.has(t.toLowerCase()))
    ) {
      let f2 = f;
      if (
        !lookup(texts.slice(f)) &&
        f + 1 < ws.length &&
        lookup(texts.slice(f + 1)) &&
        lookup([stripPossessive(texts[f] as string).base])?.kind === 'STATE'
      ) {
        recurse(ws.slice(f, f + 1), offset + w0 + f);
        f2 = f + 1;
      }
      const sub = lookup(texts.slice(f2));
      const sp = span(f2, ws.length);
      if (sub) segs.push({ t: 'gaz', ...sp, text: body.slice(sp.start, sp.end), e: sub, sIdx, words: ws.slice(f2) });
      else {
        // "the Labor Department’s": the possessive is no part of the name.
        const text = stripPossessive(body.slice(sp.start, sp.end)).base;
        segs.push({
          t: 'name',
          start: sp.start,
          end: sp.start + text.length,
          text,
          words: ws.slice(f2),
          title: null,
          sIdx,
          kind: orgKind(lastBase, texts.slice(f2)),
          place: false,
        });
      }
      return;
    }
  }
  // Segment parse: gazetteer longest match, titles, else name runs.
  let k = 0;
  let title: string | null = null;
  let run: Token[] = [];
  let forceOrg = false;
  // "House" + "Intelligence": a known body right before an organisation's words joins its name.
  const joinKnownBodyBefore = () => {
    const prev = segs[segs.length - 1];
    if (prev && prev.t === 'gaz' && prev.e.kind !== 'STATE' && body.slice(prev.end, (run[0] as Token).start) === ' ') {
      segs.pop();
      run.unshift(...prev.words);
    }
  };
  const flush = (): void => {
    if (!run.length) return;
    // "Judiciary Committee Elijah Cummings": an organisation's name run on into a person's is two names.
    const head = title ? -1 : runOnOrgHead(ix, run);
    if (head > 0) {
      const person = run.splice(head + 1);
      forceOrg = true;
      joinKnownBodyBefore();
      flush();
      run = person;
      flush();
      return;
    }
    // What is left after a known name is cut out is that name's tail, no name of its own ("House" + "of Delegates"),
    // … and what is left before one ends on a connector, no name either ("Republic of" + "Ireland").
    if (/^(?:of|the|and|&|for|in)$/.test((run[0] as Token).text) || (run[run.length - 1] as Token).text === 'of') {
      run = [];
      title = null;
      forceOrg = false;
      return;
    }
    const sp = { start: (run[0] as Token).start, end: (run[run.length - 1] as Token).end };
    const rt = run.map((r) => r.text);
    rt[rt.length - 1] = stripPossessive(rt[rt.length - 1] as string).base;
    // A title alone, a stop word alone, or a regional adjective ("Middle Eastern", "South Asian") names no one.
    // … or a run ending in an office ("Senior Adviser", "FEMA Administrator").
    const isTitleOnly =
      TITLE_SET.has(rt.join(' ').toLowerCase()) ||
      (rt.length === 1 && NON_NAME.has((rt[0] as string).toLowerCase()) && !title) ||
      REGION_ADJ.test(rt[rt.length - 1] as string) ||
      OFFICE_TAIL.has((rt[rt.length - 1] as string).toLowerCase()) ||
      residentsOf(lk, rt);
    if (sp.end - sp.start > 0 && !rt.some((t) => /\d/.test(t)) && !isTitleOnly) {
      const low = rt.map((t) => t.toLowerCase());
      const text = stripPossessive(body.slice(sp.start, sp.end)).base;
      const end = sp.start + text.length;
      // "Department of Commerce", "Committee on Energy": an organisation's head before "of" or "on".
      const headOf = low.some(
        (t, i) => (low[i + 1] === 'of' || low[i + 1] === 'on') && i + 2 < low.length && ORG_HEADS.has(t),
      );
      const isOrg =
        !title &&
        (headOf ||
          (low.some((t) => ORG_WORDS.has(t)) && (low.length >= 2 || (nextLower && ORG_HEADS.has(nextLower)))) ||
          (ORG_HEADS.has(nextLower) && low.some((t) => ORG_WORDS.has(t))));
      const orgTask = !title && /^(task|special|elite)$/.test(nextLower) && /^forces?$/.test(nextNext);
      const prevSeg = segs[segs.length - 1];
      const afterDemonym =
        prevSeg &&
        prevSeg.t === 'gaz' &&
        prevSeg.e.role === 'demonym' &&
        body.slice(prevSeg.end, sp.start) === ' ' &&
        rt.length === 1 &&
        !title;
      if (afterDemonym && prevSeg) {
        // "Saudi Aramco", "Russian Railways": a demonym plus an unknown name is a company or body.
        segs.pop();
        segs.push({
          t: 'name',
          start: prevSeg.start,
          end,
          text: body.slice(prevSeg.start, end),
          words: run,
          title: null,
          sIdx,
          kind: 'ORGANIZATION',
          place: false,
        });
      } else if (orgTask) {
        const endTok = tokens[offset + words.length + 1] as Token;
        segs.push({
          t: 'name',
          start: sp.start,
          end: endTok.end,
          text: body.slice(sp.start, endTok.end),
          words: run,
          title,
          sIdx,
          kind: 'ORGANIZATION',
          place: false,
        });
      } else
        segs.push({
          t: 'name',
          start: sp.start,
          end,
          text,
          words: run,
          title,
          sIdx,
          kind: isOrg || forceOrg ? 'ORGANIZATION' : null,
          place: false,
        });
    }
    run = [];
    title = null;
    forceOrg = false;
  };
  while (k < ws.length) {
    // "Iowan Tom Harkin", "Texan Maria Lopez": a resident noun before a name is no part of it.
    if (!run.length && !title && ws.length - k >= 3 && residentNoun(lk, texts[k] as string)) {
      k++;
      continue;
    }
    let matched = 0;
    let entry: GazEntry | null = null;
    const firstMax = Math.max(lk.maxFor(texts[k] as string), lk.maxFor(stripPossessive(texts[k] as string).base));
    for (let L = Math.min(lk.maxLen, firstMax, ws.length - k); L >= 1; L--) {
      const slice = texts.slice(k, k + L);
      // Possessive only on the last word of a match.
      if (slice.slice(0, -1).some((t) => stripPossessive(t).possessive)) continue;
      slice[L - 1] = stripPossessive(slice[L - 1] as string).base;
      const e = lookup(slice);
      if (e) {
        entry = e;
        matched = L;
        break;
      }
    }
    // Titles ("Prime Minister", "Secretary of State", "Gen.").
    let tl = 0;
    for (const t of TITLES_BY_FIRST.get((texts[k] as string).toLowerCase()) ?? []) {
      if (
        k + t.n <= ws.length &&
        texts
          .slice(k, k + t.n)
          .join(' ')
          .toLowerCase() === t.text &&
        t.n >= matched
      ) {
        tl = t.n;
        break;
      }
    }
    // "Office of the Director of National Intelligence", "Office of the Inspector General": a title after
    // "<head> of (the)" is part of the organisation's name.
    if (tl && run.length >= 2 && /^(?:of|the)$/.test((run[run.length - 1] as Token).text) && headOfRun(run)) {
      run.push(...ws.slice(k, k + tl));
      k += tl;
      continue;
    }
    // A title only opens a name: "President Hassan Sheikh Mohamud" keeps "Sheikh" inside the name.
    // "House Intelligence Chairman Adam Schiff": an organisation's words, then a title opening a name.
    const office = tl
      ? texts
          .slice(k, k + tl)
          .join(' ')
          .toLowerCase()
      : '';
    if (
      tl &&
      run.length > 0 &&
      k + tl < ws.length &&
      ((OFFICE_TITLES.has(office) &&
        (ORG_ONLY_TITLES.has(office) ||
          run.some((w) => ORG_WORDS.has(w.text.toLowerCase()) || ORG_HEADS.has(w.text.toLowerCase())))) ||
        (LAW_TITLES.has(office) && run.some((w) => ORG_HEADS.has(w.text.toLowerCase()))))
    ) {
      forceOrg = true;
      joinKnownBodyBefore();
      flush();
    }
    // "Commerce Secretary Wilbur Ross", "Senior Legal Analyst Jeffrey Toobin": other words before an office name its field, not a second actor.
    if (tl && run.length > 0 && k + tl < ws.length && FIELD_TITLES.test(texts.slice(k, k + tl).join(' '))) run = [];
    if (tl && run.length === 0 && (!entry || tl >= matched) && k + tl < ws.length) {
      flush();
      title = texts
        .slice(k, k + tl)
        .join(' ')
        .toLowerCase();
      k += tl;
      // "Director of National Intelligence Dan Coats", "Director of Communications Jane Hill": the office's field
      // joins the title; the last two words are the person's name.
      if (texts[k] === 'of' && ws.length - k >= 4 && personalWords(ix, ws.slice(-2))) {
        title += ' ' + texts.slice(k, -2).join(' ').toLowerCase();
        k = ws.length - 2;
      }
      continue;
    }
    // "Zionist Organization of America", "Bank of England": a known name after "<head> of" ends an organisation's name.
    if (
      entry &&
      run.length >= 2 &&
      (run[run.length - 1] as Token).text === 'of' &&
      ORG_HEADS.has((run[run.length - 2] as Token).text.toLowerCase())
    ) {
      run.push(...ws.slice(k, k + matched));
      forceOrg = true;
      k += matched;
      continue;
    }
    // A country's name or demonym is a person's name inside a person's run: "Jim Jordan", "Acting Secretary Chad
    // Wolf", "Stephen Danish said".
    if (
      entry &&
      matched === 1 &&
      entry.kind === 'STATE' &&
      (entry.role === 'name' || entry.role === 'demonym') &&
      personRunAround(ix, run, title, ws, k, offset + w0, entry.role === 'name' && !lookup([texts[k + 1] ?? '']))
    ) {
      run.push(ws[k] as Token);
      if (stripPossessive(texts[k] as string).possessive) flush();
      k++;
      continue;
    }
    if (entry && entry.role !== 'place') {
      flush();
      const sp = span(k, k + matched);
      let text = body.slice(sp.start, sp.end);
      const poss = stripPossessive(text).possessive;
      if (poss) text = stripPossessive(text).base;
      // "Israeli intelligence" is an agency, not the state.
      // … and "the Iraqi army", "the Lebanese army's" is the state's army, a body of its own.
      if (
        entry.role === 'demonym' &&
        k + matched === ws.length &&
        ((nextLower === 'intelligence' &&
          !/^(officials?|sources?|information|agenc(y|ies)|services?|reports?|community|chiefs?|officers?|assessments?|analysts?|and)$/.test(
            nextNext,
          )) ||
          nextBase === 'army')
      ) {
        segs.push(organisation(body, sp.start, nextEnd(), sIdx));
      } else
        segs.push({
          t: 'gaz',
          start: sp.start,
          end: sp.start + text.length,
          text,
          e: entry,
          sIdx,
          words: ws.slice(k, k + matched),
        });
      k += matched;
      if (poss) title = null;
      continue;
    }
    if (entry && entry.role === 'place') {
      flush();
      const sp = span(k, k + matched);
      // "the Hong Kong government", "the Puerto Rico administration": the executive of a place that is no state.
      if (k + matched === ws.length && /^(?:government|administration)$/.test(nextBase)) {
        segs.push(organisation(body, sp.start, nextEnd(), sIdx));
        k += matched;
        continue;
      }
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

/** Where a title opens a person's name after an organisation's connector ("... Services Administrator Seema Verma"), or -1. */
function officeAfter(texts: string[], conn: number): number {
  for (let k = conn + 2; k < texts.length - 1; k++)
    if (TITLE_SET.has((texts[k] as string).toLowerCase()) && !ORG_HEADS.has((texts[k] as string).toLowerCase()))
      return k;
  return -1;
}

// Plural nouns of people in an association's or an office's name ("Sheriffs’", "Correspondents’", "Veterans’").
const PEOPLE_PLURAL = /^\p{Lu}\p{Ll}+(?:ers|ors|ents|ants|ans|ists|ees|iffs)$/u;

/**
 * The only possessive of a name before its head is the name's own when it is an office ("Attorney’s", "General’s",
 * "Counsel’s", "President’s") or people in the plural ("Sheriffs’", "Correspondents’", "Veterans’", "Women’s"), not
 * an owner ("Trump’s Justice Department"): "the U.S. Attorney’s Office", "the White House Correspondents’ Association".
 */
function possessiveInName(lk: Lookup, texts: string[], possIdx: number): boolean {
  if (possIdx < 0 || texts.slice(0, possIdx).some((t) => stripPossessive(t).possessive)) return false;
  const { base } = stripPossessive(texts[possIdx] as string);
  if (TITLE_SET.has(base.toLowerCase())) return true;
  // A plural after a body's word or a place ("National Sheriffs’", "White House Correspondents’", "Iowa Farmers’"),
  // not after a first name ("Gary Peters’ Office").
  const before = possIdx > 0 ? (texts[possIdx - 1] as string) : '';
  const bodyBefore =
    ORG_HEADS.has(before.toLowerCase()) ||
    ORG_WORDS.has(before.toLowerCase()) ||
    !!lk.find([before]) ||
    !!lk.find(texts.slice(0, possIdx));
  return (
    bodyBefore &&
    ((/s['’]$/.test(texts[possIdx] as string) && PEOPLE_PLURAL.test(base)) || /^(?:Women|Men|Children)$/.test(base))
  );
}

/** A one-word possessive the gazetteer does not know before a firm's head word: "Moody’s Analytics". */
function possessiveFirm(lk: Lookup, texts: string[], possIdx: number, head: string): boolean {
  return (
    possIdx === 0 &&
    texts.length === 2 &&
    COMPANY_HEADS.has(head) &&
    !lk.find([stripPossessive(texts[0] as string).base])
  );
}

/** "Iowan", "Texan", "Floridian", "Ohioan", "Londoner": a resident of a place the gazetteer knows. */
function residentNoun(lk: Lookup, w: string): boolean {
  if (!/^\p{Lu}\p{Ll}{3,}(?:n|er|ite)$/u.test(w)) return false;
  const stems = [
    w.slice(0, -1),
    w.slice(0, -2),
    w.slice(0, -3),
    w.replace(/n$/, 's'),
    w.replace(/ian$/, 'a'),
    w.replace(/an$/, 'o'),
    w.replace(/ite$/, 'e'),
  ];
  return stems.some((x) => {
    if (x === w) return false; // "Washington" is no resident of itself
    const e = lk.find([x]);
    return !!e && (e.role === 'place' || e.role === 'capital');
  });
}

/**
 * "New Yorkers", "Hong Kongers", "Puerto Ricans", "Middle Easterners": the residents of a place named in two words or
 * more (the words before the plural and its stem make a place the gazetteer knows) are no actor, as a place is none.
 */
export function residentsOf(lk: Lookup, words: string[]): boolean {
  const w = words[words.length - 1] as string;
  if (words.length < 2 || !/^\p{Lu}\p{Ll}{2,}(?:ers|ans|ites)$/u.test(w)) return false;
  const one = w.slice(0, -1); // "Yorker", "Rican", "Easterner"
  const stems = [
    one.replace(/er$/, ''),
    one.replace(/erner$/, ''),
    one.replace(/an$/, 'o'),
    one.replace(/an$/, ''),
    one.replace(/n$/, ''),
    one.replace(/ite$/, ''),
  ];
  return stems.some((x) => {
    const e = x !== one ? lk.find([...words.slice(0, -1), x]) : null;
    return !!e && (e.role === 'place' || e.role === 'capital' || (e.kind === 'STATE' && e.role === 'name'));
  });
}

/**
 * A one-word country name stands in a person's name ("Rep. Jim Jordan", "Secretary Chad Wolf"): it ends a two-word
 * run with an unknown word before it, or opens one after a title with an unknown word after it. Without a title the
 * person must act (a reporting verb next) or the same two words recur ("South America", "Nazi Germany" do neither).
 * An unknown word is capitalised, never written in lower case in the text, and no organisation or regional word.
 */
function personRunAround(
  ix: MentionIndex,
  run: Token[],
  title: string | null,
  ws: Token[],
  k: number,
  wsOffset: number,
  countryName: boolean,
): boolean {
  const unknown = (t: Token | undefined) =>
    !!t &&
    /^\p{Lu}\p{Ll}+$/u.test(t.text) &&
    !ix.lowerSeen.has(t.text.toLowerCase()) &&
    !ORG_WORDS.has(t.text.toLowerCase()) &&
    !ORG_HEADS.has(t.text.toLowerCase()) &&
    !REGION_ADJ.test(t.text) &&
    !NON_NAME.has(t.text.toLowerCase());
  if (run.length === 1 && k + 1 === ws.length && unknown(run[0])) {
    if (title) return true;
    const next = ix.tokens[wsOffset + ws.length]?.text.toLowerCase() ?? '';
    const name = `${(run[0] as Token).text} ${stripPossessive((ws[k] as Token).text).base}`;
    return !!REPORT_VERBS[next] || ix.body.indexOf(name) !== ix.body.lastIndexOf(name);
  }
  const first = ws[k] as Token;
  // "Chad H. Griffin": a middle initial before the surname.
  const initial = /^\p{Lu}\.$/u.test(ws[k + 1]?.text ?? '') ? 1 : 0;
  if (
    run.length ||
    k + 2 + initial !== ws.length ||
    !unknown(ws[k + 1 + initial]) ||
    stripPossessive(first.text).possessive
  )
    return false;
  if (title) return true;
  // Untitled ("Chad Wolf"): a lower-case office before it, a reporting verb or an apposition after it; a country's
  // one-word name (no demonym, no abbreviation) before a word that only names a person opens that person's name
  // without them ("Fox News’ Chad Pergram", "Jordan Klepper").
  const next = ix.tokens[wsOffset + ws.length]?.text.toLowerCase() ?? '';
  const end = (ws[ws.length - 1] as Token).end;
  return (
    LOWER_TITLE.test(ix.body.slice(Math.max(0, first.start - 40), first.start).toLowerCase()) ||
    !!REPORT_VERBS[next] ||
    /^,\s+(?:the|a|an)\s/.test(ix.body.slice(end, end + 6)) ||
    (countryName &&
      /^\p{Lu}\p{Ll}+$/u.test(first.text) &&
      // … not a plural ("Afghanistan Veterans", "Iraq Kurds"), a title ("Singapore Minister"), nor after an article or
      // a preposition ("the China Model", "in Britain Trump said").
      !/[^aeiosu]s$/.test((ws[ws.length - 1] as Token).text) &&
      !TITLE_SET.has((ws[ws.length - 1] as Token).text.toLowerCase()) &&
      !/^(?:the|a|an|in|to|from|of|for|with|against|on|at|by|into|across|over|than|and|or|between|about|toward|towards|under|inside|outside|near|via|like|as)$/.test(
        ix.tokens[wsOffset + k - 1]?.text ?? '',
      ))
  );
}

/** The run has an organisation head before "of" ("Office of the ..."). */
function headOfRun(run: Token[]): boolean {
  return run.some((t, i) => run[i + 1]?.text === 'of' && ORG_HEADS.has(t.text.toLowerCase()));
}

/** Words that only name a person: capitalised, never written in lower case in the text, no organisation word. */
function personalWords(ix: MentionIndex, words: Token[]): boolean {
  return words.every((t, k) => {
    const w = k === words.length - 1 ? stripPossessive(t.text).base : t.text;
    const lw = w.toLowerCase();
    return /^\p{Lu}\p{Ll}+$/u.test(w) && !ix.lowerSeen.has(lw) && !ORG_WORDS.has(lw) && !ORG_HEADS.has(lw);
  });
}

/**
 * Where an organisation's name runs on into a person's ("Judiciary Committee Elijah Cummings"): the index of the
 * organisation head that has a word of the name before it and two or three words after it that only name a person
 * (capitalised, never written in lower case in the text, no organisation word); -1 if none.
 */
function runOnOrgHead(ix: MentionIndex, run: Token[]): number {
  for (let p = run.length - 3; p >= Math.max(1, run.length - 4); p--) {
    if (!ORG_HEADS.has(stripPossessive((run[p] as Token).text).base.toLowerCase())) continue;
    return personalWords(ix, run.slice(p + 1)) ? p : -1;
  }
  return -1;
}

/** "pro-Iranian", "Iranian-backed", "US-Iran": the states inside hyphenated words. */
function hyphenStates(ix: MentionIndex, lk: Lookup, out: Typed): void {
  const { tokens, sentOf } = ix;
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i] as Token;
    if (!tk.text.includes('-') || sentOf[i] === -1 || lk.find([stripPossessive(tk.text).base])) continue;
    let pos = tk.start;
    for (const part of tk.text.split('-')) {
      const e = part && /^\p{Lu}/u.test(part) ? lk.find([part]) : null;
      if (e && e.kind === 'STATE' && e.role !== 'capital')
        out.segs.push({
          t: 'gaz',
          start: pos,
          end: pos + part.length,
          text: part,
          e,
          sIdx: sentOf[i] as number,
          words: [],
        });
      pos += part.length + 1;
    }
  }
}

const LOWER_TITLE =
  /\b(spokesperson|spokesman|spokeswoman|director|administrator|ambassador|envoy|governor|mayor|minister|secretary|president|commander|chief|adviser|advisor|general|leader|official)\s+$/;

/** Lower-case titles right before a name: "spokesperson Mao Ning", "director Gina Haspel". */
export function lowercaseTitles(ix: MentionIndex, segs: Seg[]): void {
  for (const s of segs) {
    if (s.t !== 'name' || s.kind || s.title) continue;
    const before = ix.body.slice(Math.max(0, s.start - 40), s.start).toLowerCase();
    const tm = LOWER_TITLE.exec(before);
    if (tm) s.title = tm[1] as string;
  }
}
