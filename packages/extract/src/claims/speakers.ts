// Speaker resolution: the source noun phrase of a frame ("Netanyahu", "he", "the group", "the US president",
// "two officials with knowledge of the plans", "the daily") → a chain node, an outlet or a speaker. Sieves run in
// order, most precise first: pronoun, role-noun anaphor, outlet coreference, named actor, title, unnamed source.
import type { AttributionNode } from '@claimgraph/shared';
import { OUTLET_COREF, SOURCE_NOUNS } from '../gazetteer/lexicon.js';
import type { MentionRec } from '../actors/index.js';
import {
  firstAtOrAfter,
  genderOf,
  kindOf,
  lastPersonBefore,
  mentionsIn,
  outletNode,
  speakerOf,
  type Discourse,
  type Reading,
  type Speaker,
} from './context.js';

export interface Source {
  outlet: AttributionNode | null;
  speaker: Speaker | null;
}

// Persons looked back over for one of the pronoun's gender when the nearest is of the other ("she" past two men named).
const PRONOUN_LOOKBACK = 12;
// Words that never occur inside a source's noun phrase but do in a clause taken for one.
const CLAUSE_WORDS =
  /\b(?:is|are|was|were|do|does|did|don['’]t|doesn['’]t|didn['’]t|won['’]t|will|would|can|cannot|could|should|might|must|has|have|had|[a-z]+['’]ve)\b|\b(?:but|and|or|that|who|which|whose)$/;
// Role nouns that refer back to the last actor of a kind ("the group" → the armed group just named).
const ROLE_ANAPHORS: Record<string, string[]> = Object.assign(Object.create(null) as Record<string, string[]>, {
  group: ['ARMED_GROUP', 'ORGANIZATION'],
  movement: ['ARMED_GROUP', 'ORGANIZATION'],
  militia: ['ARMED_GROUP'],
  organization: ['ORGANIZATION', 'ARMED_GROUP'],
  organisation: ['ORGANIZATION', 'ARMED_GROUP'],
  ministry: ['ORGANIZATION'],
  agency: ['MEDIA', 'ORGANIZATION'],
  station: ['MEDIA'],
  broadcaster: ['MEDIA'],
  committee: ['ORGANIZATION'],
  company: ['COMPANY'],
  firm: ['COMPANY'],
  airline: ['COMPANY'],
});
// Bodies named again by the head of their name ("the department" for the Department of Justice, "the bureau" for
// the Federal Bureau of Investigation): only an actor whose name holds the noun.
const NAMED_ANAPHORS = new Set([
  'department',
  'bureau',
  'office',
  'commission',
  'council',
  'board',
  'court',
  'service',
  'institute',
  'foundation',
  'union',
  'association',
  'party',
  'campaign',
]);
const ANAPHOR_LOOKBACK = 60;
// "many in Lebanon", "critics in the region"; a group of people named by where it sits ("senators on the Hill").
const FEW_IN = /^(?:many|some|most|few|several|others|those|critics|residents)\s+(?:in|at|within|across|from)\s/;
const GROUP_AT_PLACE = /^(?:[a-z-]+\s+){0,2}?([a-z]+s)\s+(?:in|on|at|within|inside|across|from)\s+(?:the\s+)?\p{Lu}/u;
// Members of a body named by their seat, besides the source nouns ("senators on the Hill").
const MEMBER_NOUNS = new Set([
  'senators',
  'congressmen',
  'congresswomen',
  'representatives',
  'legislators',
  'delegates',
]);
// An outlet described by its standing, not named: "state media", "the official news agency", "local TV".
const UNNAMED_OUTLET =
  /^(?:the\s+)?(?:[\p{L}'’-]+\s+)?(?:state|state-run|state-owned|state-controlled|official|semi-official|national|local|pro-government)\s+(?:news\s+)?(?:agency|media|television|tv|radio|broadcaster|newspaper|daily|press)$/u;
export const DOCUMENT_NOUNS =
  /^(?:assessments?|study|studies|surveys?|polls?|analysis|analyses|audits?|data|records|documents|disclosures|filings|transcripts|findings|statistics)$/;
// Office holders named by their office only ("the Iranian ambassador to Beirut") are unnamed sources.
const ROLE_SOURCES = new Set([
  'ambassador',
  'envoy',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'attache',
  'consul',
  'prosecutor',
  'prosecutors',
  'judge',
  'chairman',
  'chairwoman',
  'whistleblower',
  'witness',
  'negotiator',
  'negotiators',
  'writer',
  'reporter',
  'columnist',
  'correspondent',
  'aide',
  'aides',
  'staffer',
  'staffers',
]);
// A tenure before the title ("the former vice president", "the acting secretary", "the then-governor") and a rank that
// is part of it ("vice", "deputy": the vice president is not the president).
const TITLE_REF =
  /^the\s+(?:(?:former|acting|outgoing|interim|then-)\s*)?(?:(?!(?:vice|deputy)\s)[\p{Lu}][\p{L}.]*\s+)?((?:(?:vice|deputy)\s+)?(?:president|prime minister|minister|secretary|leader|king|chancellor|premier|general|spokesperson|spokesman|spokeswoman|envoy|ambassador|governor|mayor|chief|commander|judge|senator|congressman|congresswoman))$/iu;
const RANK_BEFORE = /^(?:vice|deputy|assistant|associate|under|lieutenant)\s/;

/**
 * The source noun phrase at [a, b) of the body as a chain node. `disc` is read, never changed; sIdx -1 when the
 * phrase is not a sentence's own (a channel: "told the daily").
 */
export function resolveSource(r: Reading, disc: Discourse, a: number, b: number, sIdx: number): Source | null {
  const np = trimSourcePhrase(r.body, a, b);
  if (!np) return null;
  ({ a, b } = np);
  const text = np.text;
  const low = text.toLowerCase();
  const pron = pronounSource(r, disc, low, a, sIdx);
  if (pron !== undefined) return pron;
  // A clause is not a noun phrase: a finite verb, a trailing conjunction or a pronoun subject means the boundary was missed.
  // A relative clause's subject ("..., which Israeli intelligence then confirmed") reports inside the clause, not for it.
  // A phrase ending in an initial ("correspondent G") was cut at the initial's dot.
  if (CLAUSE_WORDS.test(low) || /^(?:he|she|they|we|i|it|which|whom|whose)\s/.test(low) || /\s\p{Lu}$/u.test(text))
    return null;
  const words = low.match(/[\p{L}’'-]+/gu) ?? [];
  const anaphor = roleAnaphor(r, disc, low, a, sIdx);
  if (anaphor) return anaphor;
  // "many in Lebanon", "some in Washington", "senators on the Hill": an unnamed group in the text's words, not the
  // place (a group that is itself a name, "Democrats in Congress", is the party: namedSource).
  const groupAt = GROUP_AT_PLACE.exec(text.charAt(0).toLowerCase() + text.slice(1));
  const groupHead = groupAt?.[1] ?? '';
  if (
    FEW_IN.test(low) ||
    (groupAt &&
      (SOURCE_NOUNS.has(groupHead) || MEMBER_NOUNS.has(groupHead)) &&
      !mentionsIn(r, a, a + groupAt[0].length).length)
  )
    return {
      outlet: null,
      speaker: {
        node: { kind: 'ANONYMOUS', label: text.charAt(0).toLowerCase() + text.slice(1) },
        expert: false,
        plural: true,
      },
    };
  const again = unnamedAgain(disc, low, sIdx);
  if (again) return again;
  const ms = mentionsIn(r, a, b);
  // Outlet coreference: "the report", "the daily", "the NBC report", "a US-based daily".
  // The head noun comes before any post-modifier ("a source familiar with the investigation" is a source, not an investigation).
  const head =
    /^(.*?)(?:\s+(?:with|of|from|in|on|at|for|to|who|familiar|close|briefed)\b|$)/
      .exec(low)?.[1]
      ?.match(/[\p{L}’'-]+$/u)?.[0] ?? '';
  const issuer = documentIssuer(r, ms, a, b);
  if (issuer) return issuer;
  if (
    OUTLET_COREF.has(head) ||
    (/\b(report|daily|newspaper)\b/.test(low) && words.length <= 4) ||
    UNNAMED_OUTLET.test(low)
  )
    return outletReference(r, disc, ms, text, b);
  // A document that is itself the source, in the text's words ("a 2017 National Drug Threat Assessment", "Foreign
  // agent disclosures"); a memo or letter speaks for its issuer instead (namedSource).
  // A named issuer before the document noun ("Customs and Border Protection data") is the source itself.
  if (DOCUMENT_NOUNS.test(head) && !/^(?:his|her|its|their|this|these|those)\b/.test(low)) {
    const issuer = ms.findLast((m) => /^\s*(?:['’]s\s+)?[\p{L}-]+\s*$/u.test(r.body.slice(m.end, b)));
    if (issuer && kindOf(r, issuer) !== 'MEDIA') return { outlet: null, speaker: speakerOf(r, issuer) };
    return {
      outlet: null,
      speaker: { node: { kind: 'DOCUMENT', label: lowerFirst(text) }, expert: false, plural: /s$/.test(head) },
    };
  }
  const doc = DOCUMENT_AGAIN.exec(low);
  const issued = doc && !ms.length ? documentAgain(r, disc, doc[1] as string, sIdx) : null;
  if (issued) return issued;
  const member = partyMember(r, disc, low, a, sIdx);
  if (member) return { outlet: null, speaker: member };
  // "a South Carolina Republican said", "one senior Democrat": one unnamed member, in the text's words, not the
  // party; in apposition ("Gowdy, a South Carolina Republican, said") the person just named.
  if (UNNAMED_MEMBER.test(low)) {
    const named = lastPersonBefore(r, a);
    if (named && /^\s*,\s*$/.test(r.body.slice(named.end, a))) return { outlet: null, speaker: speakerOf(r, named) };
    return {
      outlet: null,
      speaker: { node: { kind: 'ANONYMOUS', label: lowerFirst(text) }, expert: false, plural: false },
    };
  }
  const titleRef = TITLE_REF.test(text);
  // A source's head comes early ("anonymous US and Israeli intelligence officials"); one deep in a longer phrase
  // is inside a clause taken for the subject ("Her gambit looked set to provoke the spectacle triggered by attorney ...").
  const headAt = words.findIndex((w) => SOURCE_NOUNS.has(w) || ROLE_SOURCES.has(w));
  const sourceHeadIdx = headAt > 5 ? -1 : headAt;
  if (!titleRef) {
    const named = namedSource(r, ms, text, b, sourceHeadIdx);
    if (named !== undefined) return named;
  }
  if (titleRef) return titleHolder(r, disc, text, a, sIdx);
  if (sourceHeadIdx >= 0) {
    // The lede withholds a name the next sentences give ("A career official ... says ..." then "Jane Doe, a
    // 20-year employee who ..."): the description is that person. Anonymous sources stay in their own words.
    const role = words[sourceHeadIdx] ?? '';
    const later =
      /^(?:a|an)\s/.test(low) && !/^(?:source|sources|person|people)$/.test(role)
        ? (namedInLede(r, sIdx) ?? namedByRole(r, sIdx, role))
        : null;
    return later ? { outlet: null, speaker: later } : unnamedSource(r, ms, text, a, words, sourceHeadIdx);
  }
  return null;
}

/** The phrase without leading conjunctions, a dateline ("WASHINGTON (AP) —") or a subordinate clause's opening. */
export function trimSourcePhrase(body: string, a: number, b: number): { a: number; b: number; text: string } | null {
  let text = body.slice(a, b);
  const lead = /^\s*(?:(?:but|and|while|as|so|yet|then|however|meanwhile),?\s+)*/i.exec(text)?.[0].length ?? 0;
  text = text.slice(lead).replace(/[\s.,;:]+$/, '');
  // A dateline before the subject ("WASHINGTON (AP) — A career official") is not part of the source.
  const dateline =
    /^[\p{Lu}][\p{Lu}\s.,'’-]{2,40}(?:\([^)]{1,30}\))?\s*[—–-]+\s+|^\([^)]{1,30}\)\s*(?:[—–-]+\s*)?/u.exec(text);
  if (dateline) {
    text = text.slice(dateline[0].length);
    a += dateline[0].length;
  }
  // The subject of a subordinate clause ("things got tense when one board member asserted", "Reuters reported that
  // the ministry had said"): after the subordinator.
  const sub = /^.*\b(?:when|after|because|while|since|before|until|once|whereas|although|though|that)\s+/i.exec(text);
  if (sub && sub[0].length < text.length - 2) {
    text = text.slice(sub[0].length);
    a += sub[0].length;
  }
  a += lead;
  if (!text || text.length > 160) return null;
  return { a, b: a + text.length, text };
}

/** "he/she" read without gender: the previous sentence's subject, else the recent speaker, else the last person named. */
function nearestPerson(r: Reading, disc: Discourse, a: number, sIdx: number, subj: Speaker | null): Source | null {
  const last = disc.lastSpeaker;
  if (subj) return { outlet: null, speaker: subj };
  if (last && last.node.kind === 'PERSON' && sIdx - disc.lastSpeakerSentence <= 3)
    return { outlet: null, speaker: last };
  // "A security official said ... He said ...": the unnamed person who spoke in the sentence before.
  if (last && last.node.kind === 'ANONYMOUS' && !last.plural && sIdx - disc.lastSpeakerSentence === 1)
    return recall(disc, last);
  const m = lastPersonBefore(r, a);
  return m ? { outlet: null, speaker: speakerOf(r, m) } : null;
}

/**
 * Pronouns: "he/she" → the previous sentence's subject, else the recent speaker, else the last person named (one of the
 * pronoun's gender in place of one of the other, when the text gives both);
 * "they/we" → a recent plural speaker; "it" → the organisation that spoke in the sentence before.
 * Undefined when the phrase is no pronoun.
 */
function pronounSource(r: Reading, disc: Discourse, low: string, a: number, sIdx: number): Source | null | undefined {
  const last = disc.lastSpeaker;
  if (/^(he|she)$/.test(low)) {
    const subj = sIdx > 0 ? sentenceSubject(r, disc, sIdx - 1) : null;
    const near = nearestPerson(r, disc, a, sIdx, subj);
    // A person the text gives the other gender ("Mr.", "She said" after a sentence she opens) is not the pronoun's
    // when one the text gives the pronoun's gender is at hand: the sentence before's subject, the recent speaker,
    // else the nearest such person named before.
    const gender = (sp: Speaker | null | undefined) =>
      sp?.node.kind === 'PERSON' && sp.node.actorKey ? genderOf(r, sp.node.actorKey) : null;
    const own = low === 'he' ? 'm' : 'f';
    if (!near?.speaker || gender(near.speaker) !== (own === 'm' ? 'f' : 'm')) return near;
    if (gender(subj) === own) return { outlet: null, speaker: subj };
    if (last && sIdx - disc.lastSpeakerSentence <= 3 && gender(last) === own) return { outlet: null, speaker: last };
    const ps = r.personMentions;
    const from = firstAtOrAfter(ps, a) - 1;
    for (let i = from; i >= 0 && i > from - PRONOUN_LOOKBACK; i--) {
      const sp = speakerOf(r, ps[i] as MentionRec);
      if (gender(sp) === own) return { outlet: null, speaker: sp };
    }
    return near;
  }
  if (/^(they|we)$/.test(low)) {
    const group = sIdx >= 0 ? groupOpening(r, sIdx, a) : null;
    if (group) return { outlet: null, speaker: group };
    return last && last.plural ? { outlet: null, speaker: last } : null;
  }
  if (
    low === 'it' &&
    last &&
    last.node.kind !== 'PERSON' &&
    last.node.kind !== 'ANONYMOUS' &&
    sIdx - disc.lastSpeakerSentence === 1
  )
    return { outlet: null, speaker: last };
  if (low === 'it') {
    const body = sIdx > 0 ? organisationOpening(r, sIdx - 1) : null;
    return body ? { outlet: null, speaker: body } : null;
  }
  if (/^(this|that|i|you)$/.test(low)) return null;
  return undefined;
}

/**
 * "The group warned", "the ministry said": an actor of that kind named before. The recent speaker of that kind
 * comes first, then the subject of the nearest sentence naming one ("The Abdullah Azzam Brigades, a group linked to
 * al Qaeda, claimed ..." → the Brigades, not al Qaeda), then the nearest mention.
 */
function roleAnaphor(r: Reading, disc: Discourse, low: string, a: number, sIdx: number): Source | null {
  const anaphor = /^the\s+([a-z]+)$/.exec(low);
  const noun = anaphor?.[1] ?? '';
  const named = NAMED_ANAPHORS.has(noun);
  const kinds = named ? ['ORGANIZATION', 'COMPANY'] : ROLE_ANAPHORS[noun];
  if (!kinds) return null;
  const holds = new RegExp(`\\b${noun}\\b`, 'i');
  const fits = (key: string | undefined) => {
    const act = key ? r.actors.byKey.get(key) : undefined;
    if (!act || key === r.ownKey || !kinds.includes(act.kind)) return undefined;
    return !named || [act.canonicalName, ...act.aliases.map((x) => x.alias)].some((n) => holds.test(n))
      ? act
      : undefined;
  };
  const last = disc.lastSpeaker;
  if (last && sIdx >= 0 && sIdx - disc.lastSpeakerSentence <= 1 && fits(last.node.actorKey))
    return { outlet: null, speaker: last };
  // Bounded look-back: an antecedent is near, and a long article must stay linear.
  const all = r.actors.mentions;
  const from = firstAtOrAfter(all, a) - 1;
  let nearest: MentionRec | null = null;
  for (let i = from; i >= 0 && i > from - ANAPHOR_LOOKBACK; i--) {
    const m = all[i] as MentionRec;
    if (nearest && m.sentence !== nearest.sentence) break;
    if (!fits(m.actorKey)) continue;
    nearest ??= m;
    if (isSentenceSubject(r, m)) {
      nearest = m;
      break;
    }
  }
  if (!nearest) return null;
  const act = r.actors.byKey.get(nearest.actorKey);
  if (act?.kind === 'MEDIA') return { outlet: outletNode(r, nearest), speaker: null };
  return {
    outlet: null,
    speaker: {
      node: { kind: 'ORGANIZATION', label: act?.canonicalName ?? nearest.text, actorKey: nearest.actorKey },
      expert: false,
      plural: true,
    },
  };
}

/**
 * "Democrats didn't name the officials, but they said ...": a later clause's "they" is the group that opens the
 * sentence (a named organisation or party as its subject), when the sentence names one before the pronoun.
 */
function groupOpening(r: Reading, sIdx: number, a: number): Speaker | null {
  const s = r.sentences[sIdx];
  if (!s || a - s.start < 10) return null;
  for (const m of mentionsIn(r, s.start, a)) {
    if (!isSentenceSubject(r, m)) break;
    const kind = kindOf(r, m);
    if (m.actorKey === r.ownKey || (kind !== 'ORGANIZATION' && kind !== 'ARMED_GROUP' && kind !== 'COMPANY')) continue;
    return { ...speakerOf(r, m), plural: true };
  }
  return null;
}

/**
 * "The Treasury Department declined to explain ..., although it provided a statement. “...,” it said.": "it" as a
 * speaker is the organisation the sentence before opens with, also when that sentence reports no words of it.
 */
export function organisationOpening(r: Reading, si: number): Speaker | null {
  const s = r.sentences[si];
  if (!s || s.lineKind !== 'body') return null;
  const m = mentionsIn(r, s.start, Math.min(s.end, s.start + 60))[0];
  if (!m || !isSentenceSubject(r, m) || m.actorKey === r.ownKey) return null;
  const kind = kindOf(r, m);
  if (kind !== 'ORGANIZATION' && kind !== 'COMPANY' && kind !== 'ARMED_GROUP') return null;
  // The whole subject is the name: "The Treasury Department declined", not "The Treasury Department's lawyers argued".
  if (
    !/^\s+(?:[a-z]+ly\s+)?(?:has\s+|had\s+|have\s+|also\s+|on\s+\p{Lu}\p{L}+\s+)?[a-z]+(?:ed|s)\b/u.test(
      r.body.slice(m.end, m.end + 40),
    )
  )
    return null;
  return { ...speakerOf(r, m), plural: false };
}

/** A mention that opens its sentence (at most three words before it: "The", "Yemen's Houthi"). */
function isSentenceSubject(r: Reading, m: MentionRec): boolean {
  const s = r.sentences[m.sentence];
  return (
    !!s &&
    m.start >= s.start &&
    m.start - s.start < 40 &&
    (r.body.slice(s.start, m.start).match(/\S+/g) ?? []).length <= 3 &&
    !/[,;:]/.test(r.body.slice(s.start, m.start))
  );
}

/** A speaker named again, with the outlet that carried its words then. */
const recall = (disc: Discourse, speaker: Speaker): Source => ({
  outlet: disc.lastAttr?.speaker === speaker ? disc.lastAttr.outlet : null,
  speaker,
});

/**
 * "the official", "these people", "the individuals with direct knowledge" after "a senior official said": the last
 * unnamed speaker named again by its head noun, with its channel, also when named people spoke in between.
 */
function unnamedAgain(disc: Discourse, low: string, sIdx: number): Source | null {
  const m =
    /^(?:the|these|those)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)(?:\s+(?:with|who|familiar|close|briefed|in|at|from|of)\b.*)?$/.exec(
      low,
    );
  if (!m || sIdx < 0) return null;
  const head = m[1] as string;
  if (!SOURCE_NOUNS.has(head) && !ROLE_SOURCES.has(head)) return null;
  const named = new RegExp(`\\b${head}\\b`);
  for (let i = disc.unnamed.length - 1; i >= 0; i--) {
    const { at, sentence } = disc.unnamed[i] as (typeof disc.unnamed)[number];
    if (sIdx - sentence > 12) break;
    if (at.speaker && named.test(at.speaker.node.label.toLowerCase()))
      return { outlet: at.outlet, speaker: at.speaker };
  }
  return null;
}

/** "the report", "the NBC report", "a US-based daily": the outlet named in the phrase, the next one, or the last cited. */
function outletReference(r: Reading, disc: Discourse, ms: MentionRec[], text: string, b: number): Source | null {
  const low = text.toLowerCase();
  const media = ms.find((m) => kindOf(r, m) === 'MEDIA');
  if (media) return { outlet: outletNode(r, media), speaker: null };
  // "Iran's state-run news agency": an unnamed outlet of a named state, in the text's words.
  if (ms.length && /^(?:the\s+)?[\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*)*['’]s\s+\S/u.test(text))
    return { outlet: { kind: 'OUTLET', label: text.replace(/^The\b/, 'the') }, speaker: null };
  if (/^(a|an)\b/.test(low)) {
    const next = r.mediaMentions[firstAtOrAfter(r.mediaMentions, b)];
    if (next) return { outlet: outletNode(r, next), speaker: null };
  }
  // "the state news agency", "official media": an unnamed outlet described by its standing, not one named before.
  if (
    UNNAMED_OUTLET.test(low) ||
    /\b(?:state|state-run|state-owned|official|semi-official|national)\s+(?:news\s+)?(?:agency|media|television|tv|broadcaster|newspaper|daily)\b/.test(
      low,
    )
  )
    return { outlet: { kind: 'OUTLET', label: text.replace(/^The\b/, 'the') }, speaker: null };
  return disc.lastOutlet ? { outlet: disc.lastOutlet, speaker: null } : null;
}

// Kin who speak for someone named ("the family of ...", "X's mother and brother").
const KIN = String.raw`(?:family|families|mother|father|parents|brother|brothers|sister|sisters|wife|husband|widow|son|sons|daughter|daughters|relatives)`;
const KIN_OF = new RegExp(String.raw`^(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}-]+\s+)?${KIN}\s+of\s`, 'iu');
const KIN_TAIL = new RegExp(String.raw`^(?:[a-z-]+\s+){0,2}${KIN}$`);
const lowerFirst = (t: string) =>
  /^(The|A|An|His|Her|Their)\b/.test(t) ? (t[0]?.toLowerCase() ?? '') + t.slice(1) : t;

/**
 * Named: the phrase is (or ends with) an actor's name and has no source head noun after it ("Yemen's Houthi
 * movement" → the movement; "Iran's state media" → an unnamed outlet). Undefined when no name decides it.
 */
function namedSource(
  r: Reading,
  ms: MentionRec[],
  text: string,
  b: number,
  sourceHeadIdx: number,
): Source | null | undefined {
  const lastM = ms[ms.length - 1];
  if (!lastM) return undefined;
  // "Democrats in Congress", "Republicans on the committee": the party or group, not the body it sits in.
  const head = ms[0] as MentionRec;
  if (
    ms.length === 2 &&
    (kindOf(r, head) === 'ORGANIZATION' || kindOf(r, head) === 'ARMED_GROUP') &&
    !r.body.slice(lastM.end, b).trim() &&
    /^\s+(?:in|on|within|inside)\s+(?:the\s+)?$/.test(r.body.slice(head.end, lastM.start))
  )
    return { outlet: null, speaker: speakerOf(r, head) };
  // "The family of journalist Jane Doe", "Doe's mother and brother": her kin speak, in the text's words, not she.
  if (KIN_OF.test(text) && !r.body.slice(lastM.end, b).trim())
    return {
      outlet: null,
      speaker: { node: { kind: 'ANONYMOUS', label: lowerFirst(text) }, expert: false, plural: true },
    };
  // A person named with an affiliation ("Judge Jane Doe of the district court in Texas", "Jane Doe from the
  // institute"): the person, not the court or the place named after.
  if (
    kindOf(r, head) === 'PERSON' &&
    /^\s+(?:of|from|at)\s[^,;]*$/.test(r.body.slice(head.end, b)) &&
    (r.body.slice(b - text.length, head.start).match(/\S+/g) ?? []).length <= 2
  )
    return { outlet: null, speaker: speakerOf(r, head) };
  let tailAfterName = r.body.slice(lastM.end, b).trim();
  // A party's members speaking as one ("GOP lawmakers", "Democratic senators") are the party.
  if (
    kindOf(r, lastM) === 'ORGANIZATION' &&
    /^(?:lawmakers|legislators|senators|congressmen|leaders|leadership)$/.test(tailAfterName.toLowerCase())
  )
    return { outlet: null, speaker: { ...speakerOf(r, lastM), plural: true } };
  // A person's home state or constituency, or a party tag ("Rep. Jane Doe of Ohio", "Sen. Jane Doe (D-Ohio)"), is still the person.
  if (kindOf(r, lastM) === 'PERSON' && HOME_TAIL.test(tailAfterName)) tailAfterName = '';
  // A source noun inside the name itself ("the Ministry of Energy", "the Health Ministry"): the named body speaks.
  const wholeName =
    ms.length === 1 && !tailAfterName && /^(?:the\s+)?$/i.test(r.body.slice(b - text.length, lastM.start));
  if (!(wholeName || sourceHeadIdx < 0 || (/^[,)]?$/.test(tailAfterName) && kindOf(r, lastM) === 'PERSON')))
    return undefined;
  if (tailAfterName && !/^['’]s?$/.test(tailAfterName) && !/^(?:,.*)?$/.test(tailAfterName)) {
    const tl = tailAfterName.toLowerCase().replace(/^['’]s?\s+/, '');
    let label = text;
    if (/^(The|A|An)\b/.test(label)) label = label[0]?.toLowerCase() + label.slice(1);
    if (
      /^(?:(?:state|state-run|state-owned|state-controlled|official|semi-official|national)\s+)?(?:media|television|tv|news agency|broadcaster|press)$/.test(
        tl,
      )
    )
      return { outlet: { kind: 'OUTLET', label }, speaker: null };
    // An organ of a named state or body ("Ukraine's air force", "Iran's foreign ministry"): an official source in the text's words.
    if (
      kindOf(r, lastM) !== 'PERSON' &&
      /^(?:(?:\p{L}+\s+){0,2}(?:ministry|department|office|embassy|agency|council|committee|commission)|air force|army|navy|military|police|armed forces|security forces|prosecutors?|officials|spokesman|spokeswoman|spokesperson)$/u.test(
        tl,
      )
    ) {
      return { outlet: null, speaker: { node: { kind: 'OFFICIAL', label }, expert: false, plural: /s$/.test(tl) } };
    }
    // A person's campaign or office speaks for the person, in the text's words ("Warren's office", "the Trump campaign").
    if (kindOf(r, lastM) === 'PERSON' && /^(?:(?:re-?election|presidential|senate)\s+)?(?:campaign|office)$/.test(tl))
      return { outlet: null, speaker: { node: { kind: 'OFFICIAL', label }, expert: false, plural: true } };
    // "a Times writer", "a Democratic aide": an unnamed person in the text's words.
    if (
      /^(?:[a-z-]+\s+){0,3}(?:writer|reporter|columnist|editor|correspondent|journalist|member|staffer|aide|adviser|advisor|lawyer|attorney|employee|insider|source)s?$/.test(
        tl,
      ) ||
      KIN_TAIL.test(tl)
    ) {
      return { outlet: null, speaker: { node: { kind: 'ANONYMOUS', label }, expert: false, plural: /s$/.test(tl) } };
    }
    // A document speaks for whoever issued it ("the GOP memo", "the committee's letter", "Iran's statement").
    if (
      /^(?:[a-z-]+\s+)?(?:memo|memorandum|letter|statement|filing|complaint|lawsuit|indictment|press release)$/.test(tl)
    )
      return kindOf(r, lastM) === 'MEDIA'
        ? { outlet: outletNode(r, lastM), speaker: null }
        : { outlet: null, speaker: speakerOf(r, lastM) };
    // "Yemen's Houthi movement", "the Turkish side" → the actor itself; any other head noun names someone else.
    if (!/^(movement|group|rebels|militants?|fighters|side|regime|government|leadership|authorities)$/.test(tl))
      return null;
  }
  if (kindOf(r, lastM) === 'MEDIA') return { outlet: outletNode(r, lastM), speaker: null };
  return { outlet: null, speaker: speakerOf(r, lastM) };
}

const HOME_TAIL = /^(?:(?:of|from)\s+[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,2}|\([A-Z]-[\p{L}. ]{2,20}\))$/u;

/** In the article's first body sentence: the person the next two sentences open with, described in apposition. */
function namedInLede(r: Reading, sIdx: number): Speaker | null {
  if (sIdx < 0 || r.sentences.slice(0, sIdx).some((s) => s.lineKind === 'body')) return null;
  for (const s of r.sentences.slice(sIdx + 1, sIdx + 3)) {
    if (s.lineKind !== 'body') continue;
    const m = mentionsIn(r, s.start, Math.min(s.end, s.start + 60)).find((x) => kindOf(r, x) === 'PERSON');
    if (m && isSentenceSubject(r, m) && /^,\s+(?:a|an)\s/.test(r.body.slice(m.end, m.end + 6))) return speakerOf(r, m);
  }
  return null;
}

/**
 * "a spokesman for the agency said ..." and, a few sentences on, "Jane Doe, a spokesman for ...": the same role
 * given to a named person in apposition names the unnamed speaker.
 */
function namedByRole(r: Reading, sIdx: number, role: string): Speaker | null {
  if (sIdx < 0 || !/^[a-z]+$/.test(role)) return null;
  const apposition = new RegExp(`^,\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?${role}\\b`, 'u');
  for (const s of r.sentences.slice(sIdx + 1, sIdx + 6)) {
    const m = mentionsIn(r, s.start, s.end).find(
      (x) => kindOf(r, x) === 'PERSON' && apposition.test(r.body.slice(x.end, x.end + 60)),
    );
    if (m) return speakerOf(r, m);
  }
  return null;
}

/** "Jane Doe, a spokeswoman for the agency, said ... The spokeswoman added": the person given the role in apposition before. */
function roleHolderBefore(r: Reading, a: number, role: string): Speaker | null {
  const apposition = new RegExp(`^,\\s+(?:(?:a|an|the)\\s+)?(?:[\\p{L}-]+\\s+){0,3}?${role}\\b`, 'iu');
  const ps = r.personMentions;
  const from = firstAtOrAfter(ps, a) - 1;
  for (let i = from; i >= 0 && i > from - ANAPHOR_LOOKBACK; i--) {
    const m = ps[i] as MentionRec;
    if (apposition.test(r.body.slice(m.end, m.end + 80))) return speakerOf(r, m);
  }
  return null;
}

// Documents that speak for whoever issued them, named with their issuer ("Amnesty International's report", "a
// statement from the White House", "the Mueller report"). Not an indictment or a ruling on someone: the name before
// those is the accused.
const ISSUER_DOCUMENT = String.raw`(?:statement|report|letter|memo|memorandum|brief|filing|lawsuit|complaint|review|analysis|study|press release|court papers)`;
const ISSUER_BEFORE = new RegExp(
  String.raw`^(?:['’]s?)?(?:\s+(?:own|new|latest|recent|annual|final|initial|preliminary|written|internal|official|\d{4}|[\d,]+-page))*\s+${ISSUER_DOCUMENT}$`,
  'u',
);
const DOCUMENT_THEN_ISSUER = new RegExp(
  String.raw`^(?:the|a|an|its|one)\s+(?:[\p{L}\d,-]+\s+){0,2}?${ISSUER_DOCUMENT}\s+(?:(?:issued|released|filed|signed|sent|written|published)\s+)?(?:by|from)\s+(?:the\s+)?$`,
  'iu',
);

/**
 * A document whose issuer the phrase names speaks for that issuer: the name opening the phrase before the document
 * noun ("Amnesty International's report", "The White House statement") or the name ending it after "from"/"by" ("a
 * statement from the Pentagon", "a report released by the ACLU"). An outlet issuing it is the outlet.
 */
export function documentIssuer(r: Reading, ms: MentionRec[], a: number, b: number): Source | null {
  const first = ms[0];
  const last = ms[ms.length - 1];
  let m: MentionRec | undefined;
  if (
    first &&
    /^(?:the\s+|an?\s+)?$/i.test(r.body.slice(a, first.start)) &&
    ISSUER_BEFORE.test(r.body.slice(first.end, b))
  )
    m = first;
  else if (last && !r.body.slice(last.end, b).trim() && DOCUMENT_THEN_ISSUER.test(r.body.slice(a, last.start)))
    m = last;
  if (!m || m.actorKey === r.ownKey) return null;
  return kindOf(r, m) === 'MEDIA'
    ? { outlet: outletNode(r, m), speaker: null }
    : { outlet: null, speaker: speakerOf(r, m) };
}

// A document an earlier sentence introduced, named again ("the memo said", "the cable continued").
const ISSUED_DOCUMENTS = [
  'memo',
  'memorandum',
  'letter',
  'cable',
  'email',
  'statement',
  'filing',
  'complaint',
  'lawsuit',
  'indictment',
  'affidavit',
];
const DOCUMENT_AGAIN = new RegExp(
  String.raw`^(?:the|that|this)\s+(?:[\p{L}\d.-]+\s+){0,2}?(${ISSUED_DOCUMENTS.join('|')})$`,
  'u',
);
const DOCUMENT_NOUN_AT = new Map(ISSUED_DOCUMENTS.map((n) => [n, new RegExp(String.raw`\b${n}\b`, 'gi')]));
const DOCUMENT_LOOKBACK = 6;
// "X responded in a memo", "Trump spokeswoman X issued a statement": the subject introducing the document issued it.
const ISSUED_BY_SUBJECT =
  /^(.{2,80}?)\s+(?:(?:has|have|had|also)\s+)*(?:(?:issued|released|sent|wrote|signed|filed|published|circulated|drafted|penned)\s+(?:an?|its|his|her|their)|[a-z]+ed\s+in\s+an?)\s+(?:[\p{L}\d-]+\s+){0,3}$/u;
// Where an agent's name ends after "a memo by": a comma, a relative pronoun or the next verb ("..., cited").
const AGENT_END = /[,;]|\s(?:who|which|that|[a-z]+ed)\b/;

/**
 * "The memo argued ...": the document speaks for its issuer, found where a sentence before introduced it ("a memo
 * by X", "X's letter", "X responded in a memo"). Null when none is named: a document alone is no source the reader
 * can weigh ("according to the complaint" after "the lawsuit filed by X").
 */
function documentAgain(r: Reading, disc: Discourse, noun: string, sIdx: number): Source | null {
  const re = DOCUMENT_NOUN_AT.get(noun) as RegExp;
  for (let i = sIdx - 1; i >= 0 && i >= sIdx - DOCUMENT_LOOKBACK; i--) {
    const s = r.sentences[i];
    if (!s) continue;
    for (const h of [...r.body.slice(s.start, s.end).matchAll(re)].reverse()) {
      const at = s.start + (h.index ?? 0);
      const issuer = issuerOf(r, disc, i, at, at + h[0].length);
      if (issuer) return issuer;
      // The nearest document introduced ("a statement ...") whose issuer is not named: not an older one's.
      if (/\ban?\s+(?:[\p{L}\d-]+\s+){0,3}$/u.test(r.body.slice(s.start, at))) return null;
    }
  }
  return null;
}

/** Who issued the document named at [a, b) of sentence `si`: its possessor, its "by"/"from" agent, or the subject introducing it. */
function issuerOf(r: Reading, disc: Discourse, si: number, a: number, b: number): Source | null {
  const s = r.sentences[si] as { start: number; end: number };
  const owner = mentionsIn(r, s.start, a).findLast((m) =>
    /^(?:['’]s?\s+(?:[\p{L}\d.-]+\s+){0,2}|\s+)$/u.test(r.body.slice(m.end, a)),
  );
  const named = (src: Source | null) => (src?.speaker || src?.outlet ? src : null);
  if (owner && owner.actorKey !== r.ownKey)
    return kindOf(r, owner) === 'MEDIA'
      ? { outlet: outletNode(r, owner), speaker: null }
      : { outlet: null, speaker: speakerOf(r, owner) };
  const by = /^\s+(?:[\p{L}\d.-]+\s+){0,3}?(?:by|from)\s+/u.exec(r.body.slice(b, Math.min(s.end, b + 60)));
  // "a letter obtained by CNN" names who has it, not who wrote it.
  if (by && !/\b(?:obtained|seen|reviewed|viewed|received|acquired|published|reported)\s/.test(by[0])) {
    const st = b + by[0].length;
    const rest = r.body.slice(st, Math.min(s.end, st + 100));
    const end = AGENT_END.exec(rest)?.index ?? rest.length;
    return named(resolveSource(r, disc, st, st + end, si));
  }
  const subj = ISSUED_BY_SUBJECT.exec(r.body.slice(s.start, a));
  if (!subj) return null;
  const intro = (subj[1] as string).lastIndexOf(', ') + 1; // "After her speech, more than 20 students wrote a letter"
  return named(resolveSource(r, disc, s.start + intro, s.start + (subj[1] as string).length, si));
}

// "the Republican", "the three-term Democrat", "the Connecticut Democrat": one member of a party, named again.
const PARTY_MEMBER = /^the\s+(?:[\p{L}-]+\s+){0,3}?(?:republican|democrat)$/u;
const PARTY_LOOKBACK = 20;
const UNNAMED_MEMBER = /^(?:a|an|one)\s+(?:[\p{L}-]+\s+){0,3}?(?:republican|democrat)$/u;

/**
 * "the Republican noted", "the Connecticut Democrat continued": a writer's second name for the person just named,
 * not the party: the person (or unnamed person) who spoke in the sentence before, else the person that sentence
 * opens with, else the last person named outside a quotation.
 */
function partyMember(r: Reading, disc: Discourse, low: string, a: number, sIdx: number): Speaker | null {
  if (!PARTY_MEMBER.test(low)) return null;
  const last = disc.lastSpeaker;
  if (
    last &&
    sIdx >= 0 &&
    sIdx - disc.lastSpeakerSentence <= 1 &&
    (last.node.kind === 'PERSON' || ((last.node.kind === 'ANONYMOUS' || last.node.kind === 'OFFICIAL') && !last.plural))
  )
    return last;
  const subj = sIdx > 0 ? sentenceSubject(r, disc, sIdx - 1) : null;
  if (subj) return subj;
  const ps = r.personMentions;
  const from = firstAtOrAfter(ps, a) - 1;
  for (let i = from; i >= 0 && i > from - PARTY_LOOKBACK; i--) {
    const pm = ps[i] as MentionRec;
    if (r.masked.slice(pm.start, pm.end).trim()) return speakerOf(r, pm); // not inside a quotation
  }
  return null;
}

// Titles written short before a name ("Sen. Collins", "Gov. Cuomo") and named in full without one ("the senator").
const TITLE_ABBREVIATIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'sen.': 'senator',
  'sens.': 'senator',
  'gov.': 'governor',
  'rep.': 'congressman',
  'reps.': 'congressman',
  congresswoman: 'congressman',
});

/**
 * Whether a title given before a name ("president", "u.s. president") is the title `t` the text names someone by
 * alone ("the president"); a rank before it makes another office. `bare`: the phrase is the title alone ("the
 * senator", not "the Arizona senator"), which may also name the holder of its short form ("Sen.") or of the title
 * with its field ("the secretary" for "Secretary of State"); a phrase with a qualifier may be someone else's.
 */
function holdsTitle(x: string, t: string, bare: boolean): boolean {
  if (x === t || (x.endsWith(' ' + t) && !RANK_BEFORE.test(x))) return true;
  if (!bare) return false;
  const full = TITLE_ABBREVIATIONS[x] ?? x;
  return full === (TITLE_ABBREVIATIONS[t] ?? t) || full.startsWith(t + ' of ');
}

/**
 * Title reference: "the President", "the US president" → the person who carries that title, nearest before; one
 * named with it only later when none is before. None at all: the person given the role in apposition before, else
 * (unless a person spoke just before) the title in the text's own words: an unnamed office holder, not no source.
 */
function titleHolder(r: Reading, disc: Discourse, text: string, a: number, sIdx: number): Source | null {
  const t = ((TITLE_REF.exec(text) as RegExpExecArray)[1] as string).toLowerCase();
  const bare = text.toLowerCase().replace(/\s+/g, ' ') === `the ${t}`;
  let best: string | null = null;
  let bestPos = -1;
  for (const [key, set] of r.actors.titles) {
    if (![...set].some((x) => holdsTitle(x, t, bare))) continue;
    const ms2 = r.mentionsByKey.get(key) ?? [];
    const before = ms2[firstAtOrAfter(ms2, a) - 1];
    const p = before ? before.start : -1 - (ms2[0]?.start ?? 0) / 1e9;
    if (best === null || p > bestPos) {
      best = key;
      bestPos = p;
    }
  }
  if (!best) {
    const holder = roleHolderBefore(r, a, t);
    if (holder) return { outlet: null, speaker: holder };
    // Right after a person's words the title is the writer's second name for that person (read on from there).
    const last = disc.lastSpeaker;
    if (last?.node.kind === 'PERSON' && sIdx >= 0 && sIdx - disc.lastSpeakerSentence <= 1) return null;
    return {
      outlet: null,
      speaker: { node: { kind: 'ANONYMOUS', label: lowerFirst(text) }, expert: false, plural: false },
    };
  }
  const act = r.actors.byKey.get(best);
  return {
    outlet: null,
    speaker: {
      node: { kind: 'PERSON', label: act?.canonicalName ?? text, actorKey: best },
      expert: false,
      plural: false,
    },
  };
}

/** Unnamed source in the text's own words ("two officials with knowledge of the plans"), first letter lowered unless a name. */
function unnamedSource(
  r: Reading,
  ms: MentionRec[],
  text: string,
  a: number,
  words: string[],
  sourceHeadIdx: number,
): Source {
  let label = text.replace(/[,;:]+$/, '');
  if (/^\p{Lu}/u.test(label) && !ms.some((m) => m.start === a)) label = label[0]?.toLowerCase() + label.slice(1);
  const headWord = words[sourceHeadIdx] ?? '';
  const plural = /s$/.test(headWord) || /^(staff|people|police|military)$/.test(headWord);
  const official = /^(?:[\p{Lu}][\p{L}]+\s+)?(authorities|government|ministry|military|police|army)$/u.test(text);
  return {
    outlet: null,
    speaker: {
      node: { kind: official ? 'OFFICIAL' : 'ANONYMOUS', label },
      expert: /\b(analyst|expert|observer)s?\b/.test(text.toLowerCase()),
      plural,
    },
  };
}

/** The person a sentence is about when it opens with one ("Iranian President X admitted", "The US president was"). */
export function sentenceSubject(r: Reading, disc: Discourse, si: number): Speaker | null {
  const s = r.sentences[si];
  if (!s || s.lineKind !== 'body') return null;
  let t = r.masked.slice(s.start, s.end);
  let off = s.start;
  const intro =
    /^(?:in|on|at|after|before|during|despite|when|while|however|but|meanwhile|hours|later|that|the following|shortly|as|since|with|for|although|though|once|then|also|still|yet|so)\b[^,]{0,60},\s+/i.exec(
      t,
    );
  if (intro && !mentionsIn(r, off, off + intro[0].length).some((m) => kindOf(r, m) === 'PERSON')) {
    off += intro[0].length;
    t = t.slice(intro[0].length);
  }
  if (/^["“]/.test(t)) return null;
  const firstWords = /^(?:\S+\s+){0,5}\S+/.exec(t)?.[0] ?? '';
  const pm = mentionsIn(r, off, off + firstWords.length).find((m) => kindOf(r, m) === 'PERSON');
  if (pm) return speakerOf(r, pm);
  const rm =
    /^the\s+(?:[\p{Lu}][\p{L}.]*\s+)?(president|prime minister|minister|secretary|leader|king|chancellor|premier|general)\b/iu.exec(
      t,
    );
  if (rm) return resolveSource(r, disc, off, off + rm[0].length, si)?.speaker ?? null;
  return null;
}

/** The main clause's subject as a speaker: the first noun phrase of [a, b) (after an intro adverbial ending in a comma). */
export function clauseSubject(r: Reading, disc: Discourse, a: number, b: number, sIdx: number): Speaker | null {
  const seg = r.body.slice(a, b);
  // A dateline ("TALLINN (Reuters) - ") or an adverbial ending in a comma opens the clause before its subject.
  const intro =
    /^(?:\p{Lu}[\p{Lu}\s.,'’/-]{2,40}(?:\([^)]{1,30}\))?\s*[—–-]+\s+|[^,]{0,60},\s+)?/u.exec(seg)?.[0] ?? '';
  const rest = seg.slice(intro.length);
  const np =
    /^((?:[\p{L}'’.-]+\s+){0,8}?)(?:has|have|had|was|were|is|are|went|laughed|protested|called|sought|tried|[a-z]+ed)\b/u.exec(
      rest,
    );
  if (!np || !np[1]) return null;
  const st = a + intro.length;
  const npt = (np[1] as string)
    .replace(/(?:\s+(?:also|further|initially|later|then|again|repeatedly|publicly|reportedly))+\s*$/i, '')
    .replace(/(?:\s+[a-z]+ly)+\s*$/, '') // any adverb: "He famously kicked off ... by claiming"
    .replace(
      /\s+(?:on\s+\p{Lu}\p{Ll}+|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|yesterday|today)\s*$/u,
      '',
    ) // "X on Monday assured"
    .trimEnd();
  return resolveSource(r, disc, st, st + npt.length, sIdx)?.speaker ?? null;
}
