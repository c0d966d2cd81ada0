// Attribution frames: where a clause says who is speaking. "according to X" (either end of the clause), a reporting
// verb with its subject ("X said", "X, a veteran of ..., called") or inverted (", said X", ", reports X"), a channel
// ("told Reuters", "quoted by the daily") and a source the speaker cites ("citing", "quoting", "X said Y denied").
import type { AttributionNode } from '@claimgraph/shared';
import { REPORT_VERBS } from '../gazetteer/lexicon.js';
import {
  firstAtOrAfter,
  kindOf,
  mentionsIn,
  outletNode,
  speakerOf,
  type Attribution,
  type Discourse,
  type Reading,
  type Speaker,
} from './context.js';
import type { MentionRec } from '../actors/index.js';
import { DOCUMENT_NOUNS, documentIssuer, resolveSource, type Source } from './speakers.js';

// Speech acts the lexicon lacks that frame a clause only before their that-complement ("Downing also complained
// that ...", "Obama counters that ...", "He promised voters that ...", "She points out that ...", "Critics complain
// that ..."): not as nouns ("his promises that"), not before an object with its own relative clause ("complained
// about the rules that", "promised a law that"). Base forms only where the word is no noun as often.
const THAT_VERBS = new Set(
  `complained complains complain lamented laments lament bemoaned joked jokes quipped mused speculated speculates
  clarified clarifies countered counters counter boasted boasts bragged brags cautioned cautions caution testified
  testifies vowed vows pledged pledges promised promises signaled signalled signals hinted hints reiterated reiterates
  griped grumbled scoffed opined theorized reasoned objected protested assured assures reassured reminded reminds
  informed informs confided swore posited posits posit points point`.split(/\s+/),
);
// A pledge frames the clause by its subject before an infinitive too ("Zuckerberg has promised to extend ...", "Obama
// vowed to veto the bill", "he pledged not to raise taxes"): what the speaker undertakes is the speaker's claim (a
// party's pledge about its own acts, in the gold's words); not before "to be" or a noun ("promised to voters").
const PLEDGE_VERBS = new Set('vowed vows pledged pledges promised promises'.split(' '));
const PLEDGE_INFINITIVE = /^\s+(?:not\s+)?to\s+(?!be\b|the\b|a\b|an\b|his\b|her\b|their\b|its\b|voters\b)[a-z]{2,}\b/;
/**
 * A pledge before an infinitive frames only as its clause's main verb: its subject opens the clause with a capital
 * (after a comma or the sentence start), no subordinator or relative word comes just before it ("policies that Trump
 * promised to support", "Even after Manafort pledged to cooperate", "money Abe pledged to help") and no other speaking
 * verb follows it in the clause (", and McCain said ...").
 */
function mainPledge(seg: string, at: number): boolean {
  const before = seg.slice(0, at);
  return (
    /(?:^|[,;:”"]\s+)(?:(?:and|but)\s+)?\p{Lu}[^,;:”"]*$/u.test(before) &&
    // A noun after a preposition or a modifier ("roll their eyes at promises to build", "campaign promises to cut").
    !/\b(?:at|on|in|for|with|by|from|about|such|of|new|campaign|empty|broken|repeated|earlier)\s+$/i.test(before) &&
    !/\b(?:that|which|who|whom|after|before|because|since|when|while|as|if|although|though|than|until|once)\s+(?:[\p{L}.'’-]+\s+){0,6}$/iu.test(
      before,
    ) &&
    !/\b(?:said|says|say|told|tells|added|adds|wrote|writes|argued|argues|claimed|claims|insisted|warned|noted|reported)\b/.test(
      seg.slice(at),
    )
  );
}
// Speaking verbs the lexicon lacks that frame a quotation inverted after it ('"...," explains Priebus', '"...,"
// recalls Matt Reisetter, a Huckabee aide'): only right after its comma or closing quote and before a capital.
const INVERTED_VERBS = new Set(
  'asks explains recalls continues observes observed concludes concluded counters countered concedes contends contended cautions cautioned complains complained laments lamented'.split(
    ' ',
  ),
);
// Verbs an inverted frame takes after a quotation's comma: reporting verbs of the lexicon, and INVERTED_VERBS.
const INVERTED_FRAME_VERBS = new Set([
  ...'said says added adds claimed claims wrote writes noted notes asked explained reports reported tweeted continued argued argues insisted insists warned warns recalled'.split(
    ' ',
  ),
  ...INVERTED_VERBS,
]);
// What may stand between a reporting verb and its "that": adverbs, times, an addressee, a channel; not "that" as a
// determiner ("wrote that June", "reiterated that position").
const THAT_GAP =
  /^\s+(?:(?:[a-z]+ly|out|again|also|even|on|in|at|during|before|to|last|this|earlier|later|the|a|an|his|her|their|its|him|them|us|me|you|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening|yesterday|today|tonight|hearing|interview|statement|speech|letter|court|Congress|reporters|voters|supporters|donors|lawmakers|colleagues|members|senators|aides|audience|crowd|viewers|followers|Republicans|Democrats|allies|committee|jury|judge|panel|investigators|prosecutors|officials|journalists|Americans)\s+){0,4}?that\s(?!(?:day|week|weekend|month|year|night|morning|afternoon|evening|time|spring|summer|fall|autumn|winter|January|February|March|April|May|June|July|August|September|October|November|December|position|view|point|stance|message|claim|assessment|sentiment|argument|line|promise|pledge|warning|call|theme|idea|notion|demand|request|statement|commitment|concern|criticism|charge|accusation|assertion|belief|case)\b)/;
/** Whether a that-complement follows a frame's verb (the rest of the clause after the verb): the content follows it. */
export const thatFollows = (rest: string): boolean => THAT_GAP.test(rest);
// One alternation of every reporting verb form: the clause scan visits verbs only, not every word.
const VERB_RE = new RegExp(
  `\\b(${[...Object.keys(REPORT_VERBS), ...THAT_VERBS, ...INVERTED_VERBS].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'g',
);

/**
 * The attribution frame of the clause [a, b) of the body, read in `seg` (the clause's text, quotes masked, and
 * possibly with an outer frame blanked). Null when the clause names no source.
 */
export function findFrame(
  r: Reading,
  disc: Discourse,
  a: number,
  b: number,
  seg: string,
  sIdx: number,
): Attribution | null {
  return (
    accordingTo(r, disc, a, seg, sIdx) ??
    passiveFrame(r, disc, a, seg, sIdx) ??
    verbFrame(r, disc, a, b, seg, sIdx) ??
    documentFrame(r, disc, a, seg, sIdx) ??
    issuedDocumentFrame(r, a, seg)
  );
}

// "IRS data for 2010 showed", "a report last month by the Congressional Research Service showed", "A Gallup poll
// released Tuesday found": a document named with more words after its noun, whose issuer the phrase names.
const ISSUED_DOCUMENT =
  /(?:^|[,;:]\s+)((?:[\p{L}\d'’.-]+\s+){0,3}?(data|study|poll|survey|report|analysis|records|statistics|figures|findings|audit|assessment|estimates)\s+(?:[\p{L}\d'’.-]+\s+){1,9}?)(?:(?:also|reportedly|has|have|had)\s+)?(shows?|showed|found|finds|indicated|indicates|revealed|reveals)\b/u;
// Words of a clause, not of a noun phrase ("the report culled data from X and found", "data that showed").
const NOT_A_PHRASE = /\b(?:and|or|but|that|which|who|is|are|was|were|may|might|will|would|can|could|should|of)\b/;

/** The document's issuer: named just before its noun ("IRS data", "a CNN poll", "the NYT’s own poll") or by "by"/"from". */
function issuedDocumentFrame(r: Reading, off: number, seg: string): Attribution | null {
  const m = /\b(?:shows?|showed|found|finds|indicate[sd]|reveal(?:s|ed))\b/.test(seg)
    ? ISSUED_DOCUMENT.exec(seg)
    : null;
  if (!m || NOT_A_PHRASE.test(m[1] as string)) return null;
  const st = off + m.index + m[0].indexOf(m[1] as string);
  const noun = st + (m[1] as string).indexOf(m[2] as string, 0);
  const end = st + (m[1] as string).trimEnd().length;
  const ms = mentionsIn(r, st, end).filter((x) => x.actorKey !== r.ownKey);
  const before = ms.findLast(
    (x) =>
      x.end <= noun && /^(?:['’]s?)?(?:\s+(?:own|new|latest|recent|annual|\d{4}))*\s+$/.test(r.body.slice(x.end, noun)),
  );
  // After "by"/"from", past describing words but no preposition ("by the left-leaning OMB Watch", "by Democratic
  // pollster Jane Doe"; not "by scientists in the U.S."), the name ending the phrase or followed by a time.
  const after = ms.find(
    (x) =>
      x.start > noun &&
      /\s(?:[a-z]+ed\s+)?(?:by|from)\s+(?:the\s+)?(?:(?!(?:in|of|at|on|for|with)\s)[\p{L}-]+\s+){0,3}$/u.test(
        r.body.slice(noun, x.start),
      ) &&
      /^\s*(?:$|(?:last|this|earlier|in|on|released|published|conducted)\b)/.test(r.body.slice(x.end, end)),
  );
  const issuer = before ?? after;
  if (!issuer) return null;
  const verbPos = off + m.index + m[0].lastIndexOf(m[3] as string);
  const media = kindOf(r, issuer) === 'MEDIA';
  return {
    outlet: media ? outletNode(r, issuer) : null,
    speaker: media ? null : { ...speakerOf(r, issuer), plural: false }, // a later "they" is not the issuer
    secondary: null,
    verb: m[3] as string,
    verbPos,
    frame: [st, verbPos + (m[3] as string).length],
  };
}

// "Court records show that ...", "a 2019 study found": a document's verbs, frames only when their subject is a document.
const DOCUMENT_VERB =
  /(?:^|[,;:]\s+|\bthat\s+)((?:[\p{L}\d'’.-]+\s+){0,5}?[\p{L}'’-]+)\s+(?:also\s+)?(shows?|showed|found|finds|indicated?|indicates|revealed|reveals)\b/u;

const DOCUMENT_VERB_WORD = /\b(?:shows?|showed|found|finds|indicate[sd]?|reveal(?:s|ed))\b/;

function documentFrame(r: Reading, disc: Discourse, off: number, seg: string, sIdx: number): Attribution | null {
  const m = DOCUMENT_VERB_WORD.test(seg) ? DOCUMENT_VERB.exec(seg) : null; // the full pattern only where a verb is
  if (!m) return null;
  const st = off + m.index + m[0].indexOf(m[1] as string);
  const end = st + (m[1] as string).length;
  // "Amnesty International's report found": a document named with its issuer is the issuer's.
  const issued = documentIssuer(r, mentionsIn(r, st, end), st, end);
  if (!issued && !DOCUMENT_NOUNS.test((m[1] as string).split(/\s+/).at(-1)?.toLowerCase() ?? '')) return null;
  const speaker = issued ? issued.speaker : resolveSource(r, disc, st, end, sIdx)?.speaker;
  if (!issued && speaker?.node.kind !== 'DOCUMENT') return null;
  const verbPos =
    st +
    (m[1] as string).length +
    m[0].slice(m[0].indexOf(m[1] as string) + (m[1] as string).length).indexOf(m[2] as string);
  return {
    outlet: issued?.outlet ?? null,
    speaker: speaker ?? null,
    secondary: null,
    verb: m[2] as string,
    verbPos,
    frame: [st, verbPos + (m[2] as string).length],
  };
}

// "he was quoted by Reuters as saying": the subject speaks, the outlet carries it.
const QUOTED_BY =
  /(?:^|[,”":;]\s+)([^,”":;]{1,80}?)\s+(?:was|were|is|are|has been|had been)\s+quoted\s+by\s+([^,;.“"]{2,60}?)\s+as\s+(?:saying|telling)\b/u;
// "The warning was echoed by X": X says it again.
const ECHOED_BY =
  /\b(?:was|were|has been|have been|had been)\s+(?:echoed|repeated|reiterated|seconded)\s+by\s+((?:the\s+)?[\p{Lu}][^,;.“"]{1,80}?)(?=\s+(?:on|in|at|during|last|this|who|when|after)\b|[,;.]|$)/u;

/** Passive reporting: the speaker follows "by" ("echoed by X") or the channel does ("X was quoted by Reuters as saying"). */
function passiveFrame(r: Reading, disc: Discourse, off: number, seg: string, sIdx: number): Attribution | null {
  const q = /quoted\s+by/.test(seg) ? QUOTED_BY.exec(seg) : null;
  if (q) {
    const subjAt = off + q.index + q[0].indexOf(q[1] as string);
    const chAt = off + q.index + q[0].lastIndexOf(q[2] as string);
    const speaker = resolveSource(r, disc, subjAt, subjAt + (q[1] as string).length, sIdx)?.speaker;
    const outlet = resolveSource(r, disc, chAt, chAt + (q[2] as string).length, sIdx)?.outlet;
    if (speaker && outlet)
      return {
        outlet,
        speaker,
        secondary: null,
        verb: 'said',
        verbPos: subjAt,
        frame: [subjAt, off + q.index + q[0].length],
      };
  }
  const e = /\s+by\s/.test(seg) ? ECHOED_BY.exec(seg) : null;
  if (!e) return null;
  const st = off + e.index + e[0].lastIndexOf(e[1] as string);
  const src = resolveSource(r, disc, st, st + (e[1] as string).length, sIdx);
  if (!src?.speaker) return null;
  return { outlet: src.outlet, speaker: src.speaker, secondary: null, verb: 'echoed', verbPos: off + e.index };
}

/**
 * The dot of an abbreviation inside a name ("U.S.", "the U.N.", "Col.", "Mr."), masked by a one-character stand-in so
 * that "according to U.S. officials" reads past it (the same length keeps every offset).
 */
const ABBREVIATION_DOT =
  /(?<=\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Lt|Col|Gen|Maj|Capt|Sgt|Adm|Cmdr|Brig|Cpl|Pvt|Prof|Rev|Jr|Sr|Amb|St))\.(?=\s*\p{L})|(?<=\.[A-Z])\./gu;
/** "according to X", "according to a report by X"; "according to the mayor of Lviv, Andriy Sadovyi," → the named person. */
function accordingTo(r: Reading, disc: Discourse, off: number, seg: string, sIdx: number): Attribution | null {
  const acc = !/ccording\s+to/i.test(seg)
    ? null
    : /\baccording\s+to\s+(?:an?\s+(?:exclusive|report|statement|story|investigation)\s+(?:from|by|in)\s+)?([^,;.—]{2,140}?)(?=\s*(?:,|;|—|–\s|\.\s|\.$|$|\s+who\b|\s+which\b))/iu.exec(
        seg.replace(ABBREVIATION_DOT, '\u2024'),
      );
  if (!acc) return null;
  const np = seg.slice(acc.index + acc[0].length - (acc[1] as string).length, acc.index + acc[0].length);
  const npStart = off + acc.index + acc[0].length - np.length;
  let src = resolveSource(r, disc, npStart, npStart + np.length, sIdx);
  // The name in apposition stays inside the sentence ("…, the strike hit a depot.\n\nAccording to Ann Roe," is none).
  const apNm = /^,\s+([^,;.\n]{3,50}),/.exec(
    r.body.slice(npStart + np.length, npStart + np.length + 60).replace(ABBREVIATION_DOT, '\u2024'),
  );
  if (apNm && (!src || src.speaker?.node.kind !== 'PERSON')) {
    const st = npStart + np.length + apNm[0].indexOf(apNm[1] as string);
    const named = resolveSource(r, disc, st, st + (apNm[1] as string).length, sIdx);
    if (named?.speaker?.node.kind === 'PERSON') src = named;
  }
  if (!src || (!src.outlet && !src.speaker)) return null;
  const at: Attribution = {
    outlet: src.outlet,
    speaker: src.speaker,
    secondary: null,
    verb: 'according to',
    verbPos: off + acc.index,
    frame: [off + acc.index, off + acc.index + acc[0].length],
  };
  if (src.speaker && !src.outlet) at.outlet = channelIn(r, disc, npStart, npStart + np.length + 40);
  // "According to Reuters, which cited two officials, ...": the source the outlet cites is the next hop.
  const which = /^,\s+which\s+(?:cited|quoted)\s+([^,;.]{2,80})/u.exec(
    r.body.slice(npStart + np.length, npStart + np.length + 100),
  );
  if (which && !src.speaker) {
    const st = npStart + np.length + which[0].indexOf(which[1] as string);
    const cited = resolveSource(r, disc, st, st + (which[1] as string).length, sIdx);
    at.speaker = cited?.speaker ?? null;
  }
  // Nested source with a quotation: "According to Reuters, Iraq's investigators have “...”".
  if (src.outlet && !src.speaker && acc.index < 5) {
    const rest = seg.slice(acc.index + acc[0].length).replace(/^\s*,\s*/, '');
    const nm = /^([^,;“"]{3,80}?)\s+(?:have|has|had|said|say|says|told)\b[^“"]{0,20}[“"]/u.exec(rest);
    if (nm) {
      const st = off + seg.indexOf(nm[1] as string, acc.index + acc[0].length);
      const inner = resolveSource(r, disc, st, st + (nm[1] as string).length, sIdx);
      if (inner?.speaker) at.speaker = inner.speaker;
    }
  }
  return at;
}

interface VerbHit {
  verb: string;
  pos: number;
}

/** Reporting verbs of the clause that can head a frame (not negated, not passive, not a participle, in a speech sense). */
export function reportingVerbs(seg: string): VerbHit[] {
  VERB_RE.lastIndex = 0;
  const hits: VerbHit[] = [];
  let m: RegExpExecArray | null;
  while ((m = VERB_RE.exec(seg)) !== null) {
    const verb = m[1] as string;
    const before = seg.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
    if (!REPORT_VERBS[verb]) {
      const rest = seg.slice(m.index + verb.length, m.index + verb.length + 120);
      if (INVERTED_VERBS.has(verb) && /[,”"]\s*$/.test(seg.slice(0, m.index)) && /^\s+\p{Lu}/u.test(rest)) {
        hits.push({ verb, pos: m.index });
        continue;
      }
      if (
        !THAT_VERBS.has(verb) ||
        !(
          THAT_GAP.test(rest) ||
          (PLEDGE_VERBS.has(verb) && PLEDGE_INFINITIVE.test(rest) && mainPledge(seg, m.index))
        ) ||
        (/^points?$/.test(verb) && !/^\s+out\b/.test(rest)) ||
        /\b(?:the|a|an|his|her|their|its|our|my|your|this|these|those|of|no|to|not|never|be|been|being|was|were|is|are)\s+$/.test(
          before,
        ) ||
        /\p{L}[’']s\s+$/u.test(before) ||
        // An adverb the subject's reading does not pass ("conservatives rightly point out that").
        /\b(?!(?:publicly|previously|recently|repeatedly|consistently|frequently|strongly|privately|openly|sharply|explicitly|initially|reportedly|only)\s)[a-z]+ly\s+$/.test(
          before,
        ) ||
        // A bare pronoun's referent is too often misread for a verb the lexicon lacks; a group named by whom it
        // backs is not that person ("Friends of Garland point out that").
        /\b(?:he|she|they|it|we|i|you)\s+(?:(?:also|again|then|later|has|have|had|even|never|once|repeatedly|previously|recently|publicly|privately)\s+){0,2}$/i.test(
          seg.slice(Math.max(0, m.index - 40), m.index),
        ) ||
        /\b\p{L}\p{Ll}+s\s+of\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:(?:also|again|have|has)\s+)?$/u.test(
          seg.slice(Math.max(0, m.index - 60), m.index),
        ) ||
        // A condition or a time, not a report: "If Romney agrees that ..., they argued".
        /\b(?:if|unless|whether|once|until|because|since|although|though|when|while|as)\s+(?:[\p{L}.'’-]+\s+){0,4}$/iu.test(
          seg.slice(Math.max(0, m.index - 60), m.index),
        )
      )
        continue;
      hits.push({ verb, pos: m.index });
      continue;
    }
    // "went on to say that": the subject's own words, the infinitive after "went on to" reports them.
    const wentOn = /\bwent\s+on\s+to\s+$/.test(seg.slice(Math.max(0, m.index - 20), m.index));
    if (/\b(not|n't|to|never)\s+$/.test(before) && !/\bas\s+$/.test(before) && !wentOn) continue;
    // Progressive before "that" ("Democrats are demanding that", "officials were insisting that") reports; any other form after "be" is passive.
    const progressive =
      /ing$/.test(verb) &&
      /\b(is|are|was|were|been)\s+$/.test(before) &&
      /^\s+that\b/.test(seg.slice(m.index + verb.length));
    if (progressive) {
      hits.push({ verb, pos: m.index });
      continue;
    }
    // Passive, also past an adverb ("was first disclosed"): handled as "accused by X".
    if (
      /\b(been|was|were|is|are|be|being)\s+(?:(?:first|also|later|then|initially|originally|widely|[a-z]+ly)\s+)?$/.test(
        before,
      )
    )
      continue;
    // After a possessive the word is a noun: "Trump’s claims that ..." (not "he’s said", a contraction).
    if (/\p{L}[’']s\s+$/u.test(before) && !/\b(?:he|she|it|that|there|who|what)[’']s\s+$/iu.test(before)) continue;
    if (
      /^(fear|fears|worry|worries|hope|hopes|believe|think|expect|call|calls)$/.test(verb) &&
      !/^\s+(that|the|a|an|he|she|they|it|we|this|there|[a-z]+s|\d+)\b/.test(seg.slice(m.index + verb.length))
    )
      continue;
    const after = seg.slice(m.index + verb.length, m.index + verb.length + 12);
    if (
      verb === 'called' &&
      !/^\s*(?:[\w,'’-]+\s+){0,16}?(?:an?\s+|the\s+)?(?:\w+\s+)?["“]|^\s+(?:for|on)\b/.test(
        seg.slice(m.index + 6, m.index + 160),
      )
    )
      continue;
    // "jobless claims fell", "claims of fraud", "the claims were false": a plural noun, not the verb.
    if (
      verb === 'claims' &&
      /^\s+(?:of|about|against|by|for|from|are|were|have|has|had|made|filed|rose|fell|hit|soared|dropped|jumped|climbed|surged|increased|declined)\b/.test(
        seg.slice(m.index + verb.length, m.index + verb.length + 16),
      )
    )
      continue;
    // "the Baltic states of", "member states": a noun; the verb reports before "that" or closes its clause.
    if (verb === 'states' && !/^\s+that\b|^\s*(?:[:.;,]|$)/.test(after)) continue;
    if (verb === 'posted' && !/[:“"]/.test(seg.slice(m.index, m.index + 60))) continue;
    // Acts, not words: "charged the bank with fraud" (an indictment), "X rejected (it) as inappropriate".
    if (verb === 'charged' && /^\s+(?!that\b)[^,;:“"]{1,60}?\s+with\b/.test(seg.slice(m.index + 7, m.index + 90)))
      continue;
    if (REPORT_VERBS[verb] === 'deny' && /^\s+(?:(?:it|them|this|him|her)\s+)?as\s/.test(after)) continue;
    // "argued for a cautious approach": advocacy of a course, no assertion reported.
    if (/^argu/.test(verb) && /^\s+(?:for|against)\b/.test(after)) continue;
    // "cited no evidence", "cited few details": nothing is cited.
    if (/^(cited|cites)$/.test(verb) && /^\s+(?:no|few|little|any)\b/.test(after)) continue;
    if (
      /^(cited|quoted|reported)$/.test(verb) &&
      /^\s+by\b/.test(after) &&
      !/\b(was|were|been|is|are)\s+$/.test(before)
    )
      continue;
    if (
      /^(saying|claiming|insisting|warning|adding|noting|arguing|alleging|accusing|stressing|suggesting|explaining|stating|urging|demanding|citing|quoting|reporting|denying|admitting|acknowledging|confirming|telling)$/.test(
        verb,
      )
    )
      continue;
    // "noted" reports before "that" or when it closes its clause (", Bloomberg noted."), not "the noted author".
    if (/^(noted|noting)$/.test(verb) && !/^\s+that\b/.test(after) && !/^\s*(?:[.;!?]|$)/.test(after)) continue;
    hits.push({ verb, pos: m.index });
  }
  return hits;
}

/**
 * A capitalised subject and its apposition, unquoted, up to the comma before the verb ("Meg Murray, CEO of Acme, "),
 * not a fronted clause or adverb before the content ("When X called, the two spoke about it, said Y").
 */
const APPOSITION_BEFORE =
  /^\s*(?!(?:When|While|Whereas|If|Although|Though|As|After|Before|Because|Since|Once|Until|Unless|Rather|Instead|However|Still|Yet|So|Then)\b)\p{Lu}[^,"“”]*(?:,[^,"“”]*)+,\s*$/u;

// An aside between two dashes of one kind inside the clause ("the report — using methods Republicans say they favor —
// found ..."): a reporting verb inside it frames the aside, not the clause around it. Not a dateline's dash
// ("WASHINGTON – ... says ... – though"): words in lower case come before the aside.
const DASH_ASIDE = /\s([—–]|--)\s.{1,150}?\s\1\s(?=\S)/gu;
function inDashAside(seg: string, pos: number): boolean {
  for (const m of seg.matchAll(DASH_ASIDE))
    if (pos > m.index && pos < m.index + m[0].length && /\b\p{Ll}{3,}\b/u.test(seg.slice(0, m.index))) return true;
  return false;
}

/** The first reporting verb of the clause whose source resolves: inverted (", said X") or with its subject before it. */
function verbFrame(r: Reading, disc: Discourse, off: number, b: number, seg: string, sIdx: number): Attribution | null {
  const hits = reportingVerbs(seg).filter((h) => !inDashAside(seg, h.pos));
  for (const h of hits) {
    const inv = invertedFrame(r, disc, off, b, seg, h, sIdx);
    // "Meg Murray, CEO of Acme Health, says the government owes ...": the comma before the verb closes the subject's
    // apposition, and what follows the verb is the content, not a speaker.
    if (inv && APPOSITION_BEFORE.test(seg.slice(0, h.pos))) {
      const sub = subjectFrame(r, disc, off, b, seg, h, sIdx);
      if (sub?.speaker?.node.kind === 'PERSON') return sub;
    }
    const at = inv ?? subjectFrame(r, disc, off, b, seg, h, sIdx);
    if (at) return at;
  }
  // An interview named before the subject frames the clause whatever its verb ("In an interview with CBS News in 2007,
  // Brennan defended the program", "In a recent interview with Fox News, Trump hammered Sessions").
  const iv = hits.length
    ? null
    : /^\s*(?:\p{L}+\s+){0,2}?[Ii]n\s+(?:an?|his|her|their)\s+(?:[\p{L}-]+\s+){0,3}?interview\s+(?:with|on)\s+[^,]{2,80},\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,5}?)(?:(?:again|also|later|then|\p{Ll}+ly)\s+)?(\p{Ll}+ed|made|gave|took|spoke|hit)\b/u.exec(
        seg,
      );
  if (iv?.[1]) {
    const at = subjectFrame(
      r,
      disc,
      off,
      b,
      seg,
      { verb: iv[2] as string, pos: iv[0].length - (iv[2] as string).length },
      sIdx,
    );
    if (at?.speaker?.node.kind === 'PERSON' && at.outlet) return at;
  }
  // An indirect question is the asker's ("Rose asked if the program should be transparent", "jurors asked whether"),
  // where no reporting verb frames the clause; not a passive ("was asked if") nor a time clause ("When Pelley asked
  // if ..., McCabe said").
  const q = hits.length ? null : /\b(asked|wondered)\s+(?:if|whether)\b/.exec(seg);
  if (
    q &&
    !/\b(?:was|were|is|are|be|been|being|when|after|before|as|once|until)\s+(?:[\p{L}.'’-]+\s+){0,4}$/iu.test(
      seg.slice(0, q.index),
    ) &&
    !/^\s*(?:when|after|before|as|once|if|until)\b/i.test(seg)
  )
    return subjectFrame(r, disc, off, b, seg, { verb: q[1] as string, pos: q.index }, sIdx);
  return null;
}

// A person's role in apposition after the subject: "the leader of", "head of", "a spokeswoman for".
const ROLE_APPOSITION =
  /,\s+(?:(?:the|a|an)\s+)?(?:(?:former|then|longtime|current|acting|interim|deputy|executive|vice|co-)\S*\s+)?(?:leader|head|chief|president|chairman|chairwoman|chair|director|founder|co-founder|spokesman|spokeswoman|spokesperson|ceo)\s+(?:of|for|at)\s[^,]*,\s*$/u;
// Two or three capitalised words (a middle initial allowed), after a short title at most: a person's name in shape.
const NAME_SHAPE =
  /^(?:(?:Rep|Sen|Gov|Dr|Mr|Mrs|Ms|Gen|Adm|Lt|Col|Judge|Republican|Democrat(?:ic)?)\.?\s+)*(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})$/u;
const NOT_NAME_WORDS =
  /\b(?:The|A|An|This|That|These|Those|But|And|In|On|At|For|When|While|After|Before|Some|Many|Most|Other|Several|Party|Committee|Department|Association|Group|Center|Council|Institute|Foundation|Union|Office|House|Senate|Court|University|Company|News|Times|Post)\b/u;

/** A subject no actor names, shaped like a person's name, before a person's role in apposition: that person. */
function nameBeforeRole(before: string, np: string): Source | null {
  const name = NAME_SHAPE.exec(np.trim())?.[1];
  if (!name || NOT_NAME_WORDS.test(name) || !ROLE_APPOSITION.test(before)) return null;
  return { outlet: null, speaker: { node: { kind: 'PERSON', label: name }, expert: false, plural: false } };
}

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
// What may follow a person's name in an inverted frame and still be that person's: a party or state tag in brackets,
// with a home after it ("(R., Fla.)", "(R) of Florida", "(D-Ga.)", "(N.Y.)"), and a time ("in 2013", "this week",
// "last Thursday", "yesterday", "on Monday"); then the frame ends.
const TAGGED_TAIL = new RegExp(
  String.raw`^(?:\s*\((?:[DRI]|[DRI](?:\.,?|,|\s?[-–])\s?[\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*)?|\p{Lu}[\p{L}]*\.(?:\s?\p{Lu}[\p{L}]*\.)?)\)(?:\s+of\s+\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})?)?(?:\s+(?:in\s+(?:19|20)\d\d|(?:this|last)\s+(?:week|weekend|month|year|${WEEKDAY})|yesterday|today|(?:on\s+)?${WEEKDAY}))?(?=\s*(?:[,.;:!?]|$)|\s+(?:as|on|in|at|during|after|before|while|when|who|from|referring|adding|noting|speaking)\b)`,
  'u',
);

/**
 * ", said Rep. Jane Doe (R., Fla.)", ", said Gov. Jane Doe in 2013", ", said Mr. Doe last week": the person named first
 * in the phrase after the verb, after capitalised title words at most, with a party tag or a time after the name; the
 * person and where the frame ends. Null when the phrase is shaped otherwise.
 */
function taggedPerson(r: Reading, s: number, b: number): { m: MentionRec; end: number } | null {
  const m = mentionsIn(r, s, Math.min(b, s + 120))[0];
  if (!m || kindOf(r, m) !== 'PERSON') return null;
  if (!/^(?:(?:\p{Lu}[\p{L}.'’-]*|of)\s+){0,4}$/u.test(r.body.slice(s, m.start))) return null;
  const tail = TAGGED_TAIL.exec(r.body.slice(m.end, b));
  if (!tail || !tail[0]) return null;
  return { m, end: m.end + tail[0].length };
}

// A person's role in apposition right after a name: "a Democratic pollster", "majority leader in", "senior counsel at",
// "co-head of", "the managing editor".
const ROLE_AFTER =
  /^,\s+(?:(?:a|an|the)\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:leader|director|counsel|pollster|professor|spokesperson|spokesman|spokeswoman|head|co-head|president|chairman|chairwoman|chair|executive|analyst|strategist|economist|secretary|minister|officer|manager|editor|founder|co-founder|lawyer|attorney|researcher|fellow|scholar|adviser|advisor|consultant|activist|official|ambassador|CEO)s?\b(?!-)/u;

/** A phrase shaped like a person's name that no actor holds, before a person's role in apposition: that person. */
function roleAfterName(np: string, rest: string): Source | null {
  const name = NAME_SHAPE.exec(np.trim())?.[1];
  if (!name || NOT_NAME_WORDS.test(name) || !ROLE_AFTER.test(rest)) return null;
  return { outlet: null, speaker: { node: { kind: 'PERSON', label: name }, expert: false, plural: false } };
}

/** Inverted: ', said X' / '” said X', the speaker ending before a prepositional tail ("said Buttigieg in response to"). */
function invertedFrame(
  r: Reading,
  disc: Discourse,
  off: number,
  b: number,
  seg: string,
  h: VerbHit,
  sIdx: number,
): Attribution | null {
  if (
    !/[,”"]\s*$/.test(seg.slice(0, h.pos)) ||
    // Not "told": after a comma its object is the listener ("Jane Doe, a spokeswoman, told Reuters"), never the speaker.
    !INVERTED_FRAME_VERBS.has(h.verb)
  )
    return null;
  const vAbs = off + h.pos;
  const after = seg.slice(h.pos + h.verb.length);
  const npm =
    /^\s+(.{2,140}?)(?=\s+(?:quoted by|as quoted by|in an interview|in response|in reply|in a|on|at|during|after|before|while|when|from|who)\b|,|(?<!\b(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Maj|Sec|Amb|Atty|Lt\. Gen|St)|[\s.]\p{Lu})\.(?:\s|$)|$)/u.exec(
      after,
    );
  if (!npm) return null;
  const np = npm[1] as string;
  const s = vAbs + h.verb.length + (npm[0].length - np.length);
  let src = replyTurn(r, disc, np, h.verb, vAbs, resolveSource(r, disc, s, s + np.length, sIdx));
  // "said the board member, Binyamin Appelbaum": the name in apposition is the speaker.
  const apName = /^,\s+([^,.;]{3,50})(?=[,.;]|$)/u.exec(after.slice(npm[0].length));
  if (apName && src?.speaker?.node.kind !== 'PERSON') {
    const st = s + np.length + apName[0].indexOf(apName[1] as string);
    const named = resolveSource(r, disc, st, st + (apName[1] as string).length, sIdx);
    if (named?.speaker?.node.kind === 'PERSON') src = named;
  }
  let npEnd = s + np.length;
  // '"...," said Celinda Lake, a Democratic pollster': a name the actor stage missed (or read as a place), given a
  // person's role in apposition, is that person.
  if (!src?.speaker && !src?.outlet) src = roleAfterName(np, after.slice(npm[0].length)) ?? src;
  if (!src?.speaker && !src?.outlet) {
    const tagged = taggedPerson(r, s, b);
    if (!tagged) return null;
    src = { outlet: null, speaker: speakerOf(r, tagged.m) };
    npEnd = tagged.end;
  }
  const ch = channelIn(r, disc, npEnd, Math.min(b, npEnd + 50));
  // The content precedes an inverted frame: a source it reports is the next hop ("“The king denied it,” Trump said").
  const speaker = src.speaker;
  return {
    outlet: src.outlet ?? ch,
    speaker,
    secondary: embeddedSource(r, disc, off, vAbs, speaker, sIdx),
    verb: h.verb,
    verbPos: vAbs,
    frame: [vAbs, npEnd],
  };
}

/** Subject before the verb, from the last clause boundary, past relative clauses, appositions and adverbials. */
function subjectFrame(
  r: Reading,
  disc: Discourse,
  off: number,
  b: number,
  seg: string,
  h: VerbHit,
  sIdx: number,
): Attribution | null {
  const vAbs = off + h.pos;
  let npText = seg.slice(0, h.pos);
  // Drop relative and concessive clauses ", which ... ," / ", who ... ," / ", while not ... ,".
  npText = npText.replace(/,\s+(?:which|who|while|whilst|although|though)\b[^,]*,\s*$/u, (x) => ' '.repeat(x.length));
  // A short adverbial or a "whose" clause between commas before the verb ("Mattis, too, said", "Biden, meanwhile,
  // said", "Blumenthal, last week, said", "Torba, whose company is popular ..., said"): read past, the subject before it.
  npText = npText.replace(
    /(?<=\p{L})(?:,\s+(?:too|also|meanwhile|however|though|likewise|similarly|separately|in turn|for (?:his|her|its|their) part|(?:last|this) (?:week|month|year|weekend)|whose\s[^,]{2,80}),\s*)$/u,
    (x) => ' '.repeat(x.length),
  );
  // A cited source between subject and verb: "Fox News, citing the AP, reported that ..." (the next hop).
  const cited = /,\s+(?:citing|quoting)\s+([^,]{2,80}),\s*$/u.exec(npText);
  if (cited) npText = npText.slice(0, cited.index) + ' '.repeat(npText.length - cited.index);
  // An aside between subject and verb: "Hill, speaking to the BBC, said ...", "The ministry, in a statement, said"
  // (blanked, and read as the channel).
  const aside =
    /,\s+(?:(?:speaking|talking|writing)\s+(?:to|with|in|on|at|from|before|after|during)|(?:in|at|on|during|via)\s+(?:an?|the|his|her|their|its)\b|on\s+\p{Lu})[^,]{2,60},\s*$/u.exec(
      npText,
    );
  if (aside) npText = npText.slice(0, aside.index) + ' '.repeat(npText.length - aside.index);
  // An aside between two dashes of one kind right before the verb ("Reince Priebus -- who helped broker the meeting --
  // told", "White House officials — including the vice president — insisted"): blanked, the subject is before it.
  const dashAside = /\s([—–]|--)\s[^—–]{2,120}?\s\1\s*$/u.exec(npText);
  if (dashAside) npText = npText.slice(0, dashAside.index) + ' '.repeat(npText.length - dashAside.index);
  // Appositions: "Mark Esper, a veteran of the Gulf War, called ..."
  const apposition = /,\s+((?:a|an|the|\d+)\b[^,]*),\s*$/u.exec(npText);
  npText = npText.replace(/,\s+(?:a|an|the|\d+)\b[^,]*,\s*$/u, (x) => ' '.repeat(x.length));
  // A role without an article ("Jane Doe, director of the agency, said", "Jane Doe, Hill's chief of staff, said"), also
  // capitalised ("Jane Doe, CEO of Acme, said", "John Doe, Chairman of the Joint Chiefs of Staff, said", "Senator Jane
  // Doe, Democrat of Virginia, said"): the person before it speaks.
  npText = npText.replace(
    /(\p{Lu}[\p{L}.'’-]*(?:\s\([^()]{1,24}\))?),\s+(?:(?:(?:[a-z][\p{L}-]*|C[EFOT]O|(?:Co-)?[Ff]ounder|Chair(?:man|woman)?|President|Director|Chief|Executive|Head|Speaker|Democrat|Republican|Vice|Deputy|Senior|Managing)\s+){1,3}?(?:of|for|at|to|with)\s|\p{Lu}[\p{L}.-]*['’]s\s+[a-z])[^,]*,\s*$/u,
    (x, name: string) => name + ' '.repeat(x.length - name.length),
  );
  // A party and state tag: "Sen. Ted Cruz, R-Texas, said", also with the apposition after it blanked above ("Sen. Ted
  // Cruz, R-Texas, a member of the committee, said"); in brackets ("Rep. Jane Doe (R., Texas), chairman of ...").
  npText = npText.replace(
    /(?:,\s+[DRI]-[\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*)?,?|\s\([DRI](?:-|\.,?\s?)[\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*)?\))\s*$/u,
    (x) => ' '.repeat(x.length),
  );
  // Adverbials between subject and verb, of time and of manner ("has long denied", "flatly rejected").
  const adv =
    /(?:\s+(?:has|have|had|did|does|do|is|are|was|were|also|even|further|initially|later|then|again|reportedly|went\s+on\s+to|had\s+also|has\s+also|have\s+also|on\s+[A-Z][a-z]+|in\s+a\s+statement|publicly|previously|earlier|first|recently|repeatedly|long|often|since|consistently|frequently|strongly|vehemently|flatly|firmly|privately|openly|categorically|emphatically|sharply|explicitly|falsely|wrongly|baselessly|insistently))*\s*$/u.exec(
      npText,
    );
  const npEnd = adv ? npText.length - adv[0].length : npText.length;
  // Clause boundary: the last ', ' / '” ' / ': ' before the verb (any white space, incl. no-break).
  let boundary = 0;
  for (let q = npEnd - 2; q >= 0; q--) {
    if (/[,”":;]/.test(npText[q] as string) && /\s/.test(npText[q + 1] as string)) {
      boundary = q + 2;
      break;
    }
  }
  let npStartRel = boundary;
  let npEnd2 = npEnd;
  if (npEnd - npStartRel < 1) {
    const ap = /,\s+([^,]{2,60}),\s*$/.exec(npText.slice(0, npEnd));
    if (!ap) return null;
    npStartRel = (ap.index ?? 0) + ap[0].indexOf(ap[1] as string);
    npEnd2 = npStartRel + (ap[1] as string).length;
  }
  const np = npText.slice(npStartRel, npEnd2);
  if (/[“"]/.test(np) || np.split(/\s+/).length > 16) return null;
  let src = resolveSource(r, disc, off + npStartRel, off + npEnd2, sIdx);
  src = replyTurn(r, disc, np, h.verb, vAbs, src);
  // "Elizabeth May, the leader of the Green Party, said": a name the actor stage missed, given a person's role.
  if (!src || (!src.speaker && !src.outlet)) src = nameBeforeRole(seg.slice(0, h.pos), np) ?? src;
  // "An Al Qaeda-linked group, the Abdullah Azzam Brigades, claimed": a description names no one; its apposition does.
  if ((!src || (!src.speaker && !src.outlet)) && apposition) {
    const st = off + apposition.index + apposition[0].indexOf(apposition[1] as string);
    const named = mentionsIn(r, st, st + (apposition[1] as string).length).at(-1);
    if (named) src = resolveSource(r, disc, named.start, named.end, sIdx);
  }
  if (!src || (!src.speaker && !src.outlet)) return null;
  const afterV = off + h.pos + h.verb.length;
  const clauseEnd = Math.min(b, afterV + 60);
  const at: Attribution = {
    outlet: src.outlet,
    speaker: src.speaker,
    secondary: null,
    verb: h.verb,
    verbPos: vAbs,
    frame: [off + npStartRel, afterV],
  };
  if (!at.outlet) {
    // "told WSJ", "who spoke to Reuters", "as quoted by the daily"
    let ch: AttributionNode | null = null;
    if (/^(told|tells|tell)$/.test(h.verb)) {
      // "told Reuters", or an outlet named before referred to again ("told the paper", "told the network").
      const nm =
        /^\s+((?:the\s+)?[\p{Lu}][\p{L}’'.\-]*(?:\s+[\p{Lu}][\p{L}’'.\-]*){0,4}|the\s+(?:paper|newspaper|daily|network|channel|agency|station|broadcaster|magazine|outlet|website)\b)/u.exec(
          r.body.slice(afterV, clauseEnd),
        );
      if (nm) {
        const st = afterV + nm[0].length - (nm[1] as string).length;
        ch = resolveSource(r, disc, st, st + (nm[1] as string).length, sIdx)?.outlet ?? null;
      }
      // "told state TV", "told local media": an unnamed outlet in the text's words.
      const unnamed = UNNAMED_OUTLET_AFTER.exec(r.body.slice(afterV, clauseEnd));
      if (!ch && unnamed) {
        const st = afterV + unnamed[0].length - (unnamed[1] as string).length;
        ch = resolveSource(r, disc, st, st + (unnamed[1] as string).length, sIdx)?.outlet ?? null;
      }
      // "told state news agency NNA": an outlet named after a lower-case description.
      const media = r.mediaMentions[firstAtOrAfter(r.mediaMentions, afterV)];
      if (
        !ch &&
        media &&
        media.start < clauseEnd &&
        /^\s+(?:the\s+)?(?:[a-z-]+\s+){1,4}$/.test(r.body.slice(afterV, media.start))
      )
        ch = outletNode(r, media);
    }
    // An interview may be named after a longer object ("denied the incident ever happened during an interview on MSNBC").
    ch ??=
      channelIn(r, disc, afterV, clauseEnd) ??
      channelIn(r, disc, off + npStartRel, off + npEnd) ??
      airedIn(r, afterV, Math.min(b, afterV + 120));
    // "In an interview with the BBC, Hill said": the channel opens the clause.
    const lead = r.body.slice(off, off + npStartRel);
    if (!ch && /\binterview\b|^\s*(?:speaking|appearing)\s+on\b/i.test(lead))
      ch = channelIn(r, disc, off, off + npStartRel);
    if (!ch && aside) ch = channelIn(r, disc, off + aside.index, off + aside.index + aside[0].length);
    if (
      ch &&
      (/^(told|tells|said|says)$/.test(h.verb) ||
        /spoke to|quoted by|speaking to|interview/.test(r.body.slice(off, clauseEnd)))
    ) {
      at.outlet = ch;
      if (at.speaker && at.speaker.node.kind !== 'PERSON') {
        // "U.S. officials who spoke to Reuters on condition of anonymity" → the channel leaves the label.
        const lbl = at.speaker.node.label.replace(
          /\s+(?:to|with)\s+(?:the\s+)?[\p{Lu}][\p{L}’'.\-]*(?:\s+[\p{Lu}][\p{L}’'.\-]*)*/u,
          '',
        );
        at.speaker = { ...at.speaker, node: { ...at.speaker.node, label: lbl } };
      }
    }
  }
  const citedAt = cited ? off + cited.index + cited[0].indexOf(cited[1] as string) : -1;
  const citedSrc = cited ? resolveSource(r, disc, citedAt, citedAt + (cited[1] as string).length, sIdx) : null;
  at.secondary =
    citedSrc?.speaker?.node ??
    citedSrc?.outlet ??
    secondaryIn(r, disc, /^(cited|quoted|cites|quotes)$/.test(h.verb) ? vAbs : afterV, b, sIdx) ??
    reportedSpeakerIn(r, afterV, b, at.speaker) ??
    embeddedSource(r, disc, afterV, b, at.speaker, sIdx) ??
    embeddedSource(r, disc, off, off + npStartRel, at.speaker, sIdx);
  return at;
}

const UNNAMED_OUTLET_AFTER =
  /^\s+((?:[\p{Lu}][\p{L}]+\s+){0,2}(?:state|state-run|state-owned|official|local|national|semi-official)\s+(?:news\s+agency|media|television|TV|radio|press|broadcaster))\b(?!\s+\p{Lu})/u;

/** Channel phrases after a speaker: "told Reuters", "quoted by the daily", "who spoke to Reuters". */
export function channelIn(r: Reading, disc: Discourse, a: number, b: number): AttributionNode | null {
  return airedIn(r, a, b) ?? heardIn(r, disc, a, b);
}

/** The interview or programme that aired the words: "said in a BBC interview", "said on CNN’s ...". */
function airedIn(r: Reading, a: number, b: number): AttributionNode | null {
  const seg = r.body.slice(a, b);
  // "said in a BBC interview", "in an NPR radio interview": the outlet names the interview.
  const iv =
    /\bin\s+an?\s+((?:[\p{Lu}][\p{L}’'.\-]*\s+){1,4}?)(?:(?:television|TV|radio|phone|exclusive)\s+)?interview\b/u.exec(
      seg,
    );
  if (iv) {
    const s = a + iv.index + iv[0].indexOf(iv[1] as string);
    const media = mentionsIn(r, s, s + (iv[1] as string).length).find((x) => kindOf(r, x) === 'MEDIA');
    if (media) return aired(outletNode(r, media));
  }
  // "in a brief interview with Politico", "during an interview Friday on MSNBC’s ...", "said on CNN’s ...": the
  // outlet that aired or printed the words, named right after the interview or the verb.
  const on = INTERVIEW_WITH.exec(seg) ?? ON_AIR.exec(seg);
  if (on) {
    const s = a + on.index + on[0].length - (on[1] as string).length;
    const media = mentionsIn(r, s, s + (on[1] as string).length).find((x) => kindOf(r, x) === 'MEDIA');
    if (media?.start === s) return aired(outletNode(r, media));
  }
  return null;
}

/** The outlet that heard the words: "told Reuters", "quoted by the daily", "who spoke to Reuters". */
function heardIn(r: Reading, disc: Discourse, a: number, b: number): AttributionNode | null {
  const seg = r.body.slice(a, b);
  const m =
    /\b(?:told|to|by|quoted by|as quoted by|spoke to|speaking to|in an interview with)\s+((?:the\s+)?[\p{L}’'.\- ]{2,40}?)(?=[\s,.;]|$)/iu.exec(
      seg,
    );
  if (!m) return null;
  // "surprised by the report", "reacted to the story": the report is what was said, not who carried the words.
  if (/^(?:by|to)\s+(?:the|this|that)\s+(?:report|story|article|account|reporting)\b/i.test(m[0])) return null;
  const s = a + (m.index ?? 0) + m[0].length - (m[1] as string).length;
  for (let L = (m[1] as string).length; L > 1; L--) {
    const src = resolveSource(r, disc, s, s + L, -1);
    if (src?.outlet) return src.outlet;
  }
  const ms = mentionsIn(r, s, s + (m[1] as string).length + 20).filter((x) => kindOf(r, x) === 'MEDIA');
  return ms[0] ? outletNode(r, ms[0]) : null;
}

// Channels that aired the words (an interview, a programme), not only heard them: they stay on the words that follow.
const AIRED = new WeakSet<AttributionNode>();
const aired = (n: AttributionNode) => (AIRED.add(n), n);
export const isAired = (n: AttributionNode | null | undefined) => !!n && AIRED.has(n);

const OUTLET_NAME = String.raw`(?:the\s+)?(\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3})`;
const INTERVIEW_WITH = new RegExp(
  String.raw`\b(?:[Ii]n|[Dd]uring)\s+(?:an?|the|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,3}?interviews?\b[^,;:“"]{0,30}?\s(?:with|on|to)\s+` +
    OUTLET_NAME,
  'u',
);
// Only where the clause's channel is read (just after the verb or as an opening aside): "on Sunday" names no outlet.
const ON_AIR = new RegExp(String.raw`^[,\s]*(?:(?:[Ss]peaking|[Aa]ppearing)\s+)?on\s+` + OUTLET_NAME, 'u');

/** A source the speaker cites: "citing", "quoting", "based on". */
export function secondaryIn(r: Reading, disc: Discourse, a: number, b: number, sIdx: number): AttributionNode | null {
  const seg = r.body.slice(a, b);
  // "quoted X as saying": the outlet's verb names the person whose words it carries.
  const m =
    /\b(?:quoting|quoted(?!\s+by\b)|citing|based on|cited)\s+(.{3,120}?)(?:\s+(?:as saying|that)\b|[,.;)]|$)/iu.exec(
      seg,
    );
  if (!m) return null;
  const s = a + (m.index ?? 0) + m[0].indexOf(m[1] as string);
  const src = resolveSource(r, disc, s, s + (m[1] as string).length, sIdx);
  return src?.speaker?.node ?? src?.outlet ?? null;
}

/**
 * A report of a report: "Trump said King Salman denied any knowledge" — a named actor, other than the speaker,
 * as the subject of a reporting verb in the content is the next hop.
 */
export function reportedSpeakerIn(r: Reading, a: number, b: number, outer: Speaker | null): AttributionNode | null {
  if (!outer) return null;
  const seg = r.body.slice(a, Math.min(b, a + 160));
  const m =
    /^\s*(?:[^,;:“"]{0,40}?\s)?(?:that\s+)?((?:[\p{Lu}][\p{L}'’.-]*\s+){0,5}[\p{Lu}][\p{L}'’.-]*)\s+(?:\w+ly\s+)?(denied|said|says|told|confirmed|insisted|claimed|offered\s+(?:him\s+|her\s+|them\s+)?an?\s+(?:\w+\s+)?denial)\b/u.exec(
      seg,
    );
  if (!m) return null;
  const st = a + seg.indexOf(m[1] as string);
  const named = mentionsIn(r, st, st + (m[1] as string).length).at(-1);
  if (!named || named.actorKey === outer.node.actorKey || named.actorKey === r.ownKey) return null;
  const act = r.actors.byKey.get(named.actorKey);
  if (!act || act.kind === 'MEDIA') return null;
  return {
    kind: act.kind === 'PERSON' ? 'PERSON' : 'ORGANIZATION',
    label: act.canonicalName,
    actorKey: named.actorKey,
  };
}

const EMBED_VERB_LIST =
  'said|says|say|told|tells|denied|denies|confirmed|confirms|insisted|insists|claimed|claims|admitted|acknowledged|stated|announced|warned|accused';
const EMBED_VERB = new RegExp(`^(?:${EMBED_VERB_LIST})$`);
const EMBED_VERBS = new RegExp(`\\b(?:${EMBED_VERB_LIST})\\b`);

/**
 * Nested attribution (PARC: a relation inside another's content): the subject of a reporting verb inside the
 * content [a, b) of the speaker's relation, resolved like any source (a name, a title such as "the king", a
 * described group), is the next hop when it is a known actor other than the speaker. Pronouns are left out: inside
 * the content they are the speaker or someone the speaker talks about.
 */
export function embeddedSource(
  r: Reading,
  disc: Discourse,
  a: number,
  b: number,
  outer: Speaker | null,
  sIdx: number,
): AttributionNode | null {
  if (!outer || b - a < 8) return null;
  const seg = r.body.slice(a, b);
  if (!EMBED_VERBS.test(seg)) return null; // the full verb scan only where a nesting verb is
  for (const h of reportingVerbs(seg)) {
    if (!EMBED_VERB.test(h.verb)) continue;
    // The subject: the words since the last clause opener ("that", a quote mark, a comma, the content's start), at most six.
    // An apposition closes before the verb ("his deputy, Jane Doe, has said"): its comma is no clause opener.
    const before = seg
      .slice(0, h.pos)
      .replace(/\s+(?:\w+ly|also|has|have|had|did)\s*$/u, '')
      .replace(/,\s*$/, '');
    const m = /(?:^|[“"‘,;:]\s*|\bthat\s+)((?:[\p{L}'’.-]+\s+){0,5}[\p{L}'’.-]+)\s*$/u.exec(before);
    if (!m) continue;
    const np = m[1] as string;
    if (/^(?:he|she|they|we|i|it|you|who|which|this|that|there)$/i.test(np.split(/\s+/)[0] as string)) continue;
    const st = a + (m.index ?? 0) + m[0].indexOf(np);
    const src = resolveSource(r, disc, st, st + np.length, sIdx);
    const node = src?.speaker?.node;
    if (!node?.actorKey || node.actorKey === outer.node.actorKey || node.actorKey === r.ownKey) continue;
    return node;
  }
  return null;
}

const REPLY_VERBS = /^(?:replied|replies|responded|responds|answered|answers|retorted)$/;

/**
 * Turn-taking: "he responded" answers the last speaker, so the pronoun is the other person of the exchange
 * (the last person named before the clause who is not that speaker), not the speaker the pronoun would recall.
 */
function replyTurn(
  r: Reading,
  disc: Discourse,
  np: string,
  verb: string,
  pos: number,
  src: Source | null,
): Source | null {
  const last = disc.lastSpeaker?.node;
  if (
    !REPLY_VERBS.test(verb) ||
    !/^\s*(?:he|she)\s*$/i.test(np) ||
    !last?.actorKey ||
    src?.speaker?.node.actorKey !== last.actorKey
  )
    return src;
  for (
    let i = firstAtOrAfter(r.personMentions, pos) - 1;
    i >= 0 && i >= firstAtOrAfter(r.personMentions, pos) - 12;
    i--
  ) {
    const m = r.personMentions[i] as MentionRec;
    if (m.actorKey !== last.actorKey && m.actorKey !== r.ownKey) return { outlet: null, speaker: speakerOf(r, m) };
  }
  return src;
}
