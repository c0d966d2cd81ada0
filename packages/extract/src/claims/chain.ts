// Chain building: nested relations inside one clause (an outlet's frame around a speaker's), frames carried from
// the clause or sentence before ("but later admitted", a quote-only sentence after an attributed quote), and the
// chain a claim gets (outermost first: the article's outlet, a cited outlet, the speaker, the source the speaker cites).
import type { AttributionNode } from '@claimgraph/shared';
import { REPORT_VERBS } from '../gazetteer/lexicon.js';
import {
  firstAtOrAfter,
  kindOf,
  mentionsIn,
  outletCore,
  speakerOf,
  type Attribution,
  type Discourse,
  type Reading,
  type Speaker,
} from './context.js';
import { findFrame, isAired } from './frames.js';
import { clauseSubject, resolveSource } from './speakers.js';

/**
 * The attribution of the clause [a, b). A frame that names only an outlet ("according to NNA", ", reports the
 * BBC", "The BBC reports that") may wrap a speaker's own frame in the same clause ("Mikati said ..., according to
 * NNA"): the outer frame is blanked and the clause read again; a speaker found there becomes the next hop. The
 * outlet's frame may also follow the speaker's (", Al Jazeera reported"): the speaker's is blanked and the clause read again.
 */
export function attribute(r: Reading, disc: Discourse, a: number, b: number, sIdx: number): Attribution | null {
  const seg = r.masked.slice(a, b);
  const at = findFrame(r, disc, a, b, seg, sIdx);
  if (!at?.frame) return at;
  const fa = Math.max(0, at.frame[0] - a);
  const fb = Math.min(seg.length, at.frame[1] - a);
  const blanked = () => seg.slice(0, fa) + ' '.repeat(Math.max(0, fb - fa)) + seg.slice(fb);
  if (at.speaker && !at.outlet) {
    // The speaker's frame first, the outlet's after it ("Saree said ..., Al Jazeera reported" / ", reports Al Jazeera").
    // Or a second speaker's frame closing the clause, a report of a report ("Newbold told the committee, Democrats wrote").
    const media = r.mediaMentions[firstAtOrAfter(r.mediaMentions, at.frame[1])];
    const tail = seg.slice(fb);
    const reporterAfter = !at.secondary && CLOSING_VERB.test(tail) && SECOND_FRAME.test(tail);
    if ((!media || media.start >= b) && !OUTLET_WORDS.test(seg.slice(fb)) && !reporterAfter) return at;
    const outer = findFrame(r, disc, a, b, blanked(), sIdx);
    if (!outer?.frame || outer.verbPos <= at.verbPos || !closesClause(seg, outer.frame[0] - a, outer.frame[1] - a))
      return at;
    if (outer.outlet && !outer.speaker) return { ...at, outlet: outer.outlet };
    if (reporterAfter && outer.speaker && !sameNode(outer.speaker.node, at.speaker.node)) {
      // The inner verb reports speech ("Newbold told the committee, Democrats wrote"): a report of a report. Any
      // other act ("Beijing rejected the plan, officials told Reuters") is what the outer source reports.
      const speech = at.verb && /^(?:say|report)$/.test(REPORT_VERBS[at.verb] ?? '');
      return {
        ...outer,
        secondary: speech ? at.speaker.node : null,
      };
    }
    return at;
  }
  if (!at.outlet || at.speaker) return at;
  const inner = findFrame(r, disc, a, b, blanked(), sIdx);
  // The re-read may find the outer outlet again as the speaker's channel (", Mikati said, according to the BBC").
  if (!inner?.speaker || (inner.outlet && !sameNode(inner.outlet, at.outlet))) return at;
  return {
    ...at,
    speaker: inner.speaker,
    secondary: inner.secondary ?? at.secondary,
    verb: inner.verb,
    verbPos: inner.verbPos,
  };
}

/**
 * A frame that closes its clause: after a comma or a quote, followed by at most the listener and a time phrase
 * (", NBC News reported over the weekend.", ", three officials told Reuters on Monday.").
 */
const closesClause = (seg: string, fa: number, fb: number) =>
  /[,”"]\s*$/.test(seg.slice(0, fa)) &&
  /^(?:\s+(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,4})?(?:\s+(?:on|in|over|last|this|late|early|earlier|overnight|at|during)\b[^,;:“"]{0,30})?\s*[.;!?]?\s*$/u.test(
    seg.slice(fb),
  );

// A cheap look at the clause's end before the full pattern, which is tried from every comma.
export const CLOSING_VERB = /\b(?:wrote|writes|said|says|reported|reports|noted|added|stated|told)\b[^,;]{0,40}$/;
const SECOND_FRAME =
  /,\s+[^,;“"]{2,80}?\s(?:wrote|writes|said|says|reported|reports|noted|added|stated|told)\b[^,;]{0,40}$/;
const OUTLET_WORDS = /\b(?:news agency|agency|media|television|newspaper|daily|broadcaster)\b/i;

const sameNode = (x: AttributionNode, y: AttributionNode) =>
  x.actorKey && y.actorKey ? x.actorKey === y.actorKey : x.label === y.label;

/**
 * A frame for a clause that has none of its own: the previous clause's subject ("..., but later admitted"), the
 * previous sentence's speaker for a quote-only sentence, "accused by X of", "X sent a message to Y: ...".
 */
export function carriedFrame(
  r: Reading,
  disc: Discourse,
  pa: number,
  pb: number,
  sIdx: number,
  prevAt: Attribution | null,
): Attribution | null {
  const text = r.body.slice(pa, pb);
  // "but later admitted ..." — same subject as the first part, also when the first part reports nothing
  // ("The president cited no evidence, but noted ...").
  const sentStart = r.sentences[sIdx]?.start ?? pa;
  if (!prevAt && pa > sentStart && /^\s*but\s/.test(text)) {
    const speaker = clauseSubject(
      r,
      disc,
      sentStart,
      sentStart + r.body.slice(sentStart, pa).trimEnd().length - 1,
      sIdx,
    );
    if (speaker) prevAt = { outlet: null, speaker, secondary: null, verb: null, verbPos: -1 };
  }
  if (prevAt && /^\s*but\s+(?:\w+\s+){0,2}?[a-z]+/.test(text)) {
    const ws2 = text
      .trim()
      .split(/\s+/)
      .slice(1, 4)
      .map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
    const verb = ws2.find((w) => REPORT_VERBS[w]) ?? '';
    if (verb) return { ...prevAt, verb, verbPos: pa };
  }
  // A quotation closed by a speaking verb the lexicon lacks and a name ('"...," advised Sen. Jane Doe.'): that person.
  const closer = QUOTE_CLOSER.exec(text);
  if (closer) {
    const at = pa + closer.index + closer[0].length;
    const m = mentionsIn(r, at, Math.min(pb, at + 30)).find((x) =>
      /^(?:[\p{L}]+\.?\s+){0,3}$/u.test(r.body.slice(at, x.start)),
    );
    if (m && kindOf(r, m) === 'PERSON')
      return { outlet: null, speaker: speakerOf(r, m), secondary: null, verb: closer[1] as string, verbPos: at };
  }
  // The same with a subject before the verb ('“...?” he asked.', '“...,” a reporter asked the president'), or a verb
  // opening the quotation ('Muir asked, “...”'): the subject.
  const spoke = quotationSpeaker(r, disc, pa, pb, sIdx);
  if (spoke) return spoke;
  // Quote-only sentence right after an attributed quote: same speaker.
  const last = disc.lastSpeaker;
  if (/^["“]/.test(text.trim()) && last && sIdx - disc.lastSpeakerSentence === 1) {
    return {
      outlet: disc.lastAttr?.speaker === last ? disc.lastAttr.outlet : null,
      speaker: last,
      secondary: null,
      verb: null,
      verbPos: -1,
    };
  }
  // Unattributed reports as the source (a weasel source, kept in the text's words): "There have been reports of ...", "... reports that X".
  const wm = WEASEL_REPORTS.exec(text);
  if (wm && !r.mediaMentions.some((m) => m.start >= pa && m.end <= pb))
    return {
      outlet: null,
      speaker: { node: { kind: 'ANONYMOUS', label: 'reports' }, expert: false, plural: true },
      secondary: null,
      verb: 'reported',
      verbPos: pa + wm.index,
    };
  // "X used a speech at the UN to urge ...": the occasion names X's words.
  const um = USED_TO.exec(r.masked.slice(pa, pb));
  if (um) {
    const subj = mentionsIn(r, pa, pa + um.index).find((m) => m.actorKey !== r.ownKey && kindOf(r, m) !== 'MEDIA');
    if (subj && !/[.;]/.test(r.body.slice(pa, subj.start)))
      return {
        outlet: null,
        speaker: speakerOf(r, subj),
        secondary: null,
        verb: um[1] as string,
        verbPos: pa + um.index,
      };
  }
  // Passive accusation: "has been accused by the United States of ..."
  const pm = /\baccused\s+by\s+((?:the\s+)?[\p{Lu}][\p{L}.’' ]{1,60}?)\s+(?:of|for)\b/u.exec(text);
  if (pm) {
    const st = pa + pm.index + pm[0].indexOf(pm[1] as string);
    const src = resolveSource(r, disc, st, st + (pm[1] as string).length, sIdx);
    if (src?.speaker)
      return { outlet: null, speaker: src.speaker, secondary: null, verb: 'accused', verbPos: pa + pm.index };
  }
  // A lead-in closed by a colon before a quotation ('Palin then spewed some more sentence fragments:', 'Politico also
  // hedges its bets:', 'On Tuesday, Dowd elaborated on how ...:'): the subject's words follow, so it frames itself and,
  // as the last speaker, the quotation after it. Only a named subject right before its verb.
  const next = r.sentences[sIdx + 1];
  const li =
    /:\s*$/.test(text) && next && /^\s*["“]/.test(r.body.slice(next.start, next.end)) ? LEAD_IN.exec(text) : null;
  if (li) {
    const st = pa + li.index + li[0].indexOf(li[1] as string);
    const src = resolveSource(r, disc, st, st + (li[1] as string).length, sIdx);
    if (src?.speaker && src.speaker.node.kind !== 'ANONYMOUS')
      return { outlet: src.outlet, speaker: src.speaker, secondary: null, verb: li[2] as string, verbPos: st };
    if (src?.outlet && !src.speaker)
      return { outlet: src.outlet, speaker: null, secondary: null, verb: li[2] as string, verbPos: st };
  }
  // "X sent a message to Y: ..." carries X's words.
  const sm =
    /^((?:[\p{L}'’.-]+\s+){0,2}?)(?:[\p{L}'’.-]+,\s+)?([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)*)\s+(?:sent|delivered|issued|released)\s+(?:a|an)\s+(?:message|statement|letter|note|warning)\b[^:]*:/u.exec(
      text,
    );
  if (sm) {
    const st = pa + text.indexOf(sm[2] as string);
    const src = resolveSource(r, disc, st, st + (sm[2] as string).length, sIdx);
    if (src?.speaker) return { outlet: null, speaker: src.speaker, secondary: null, verb: 'stated', verbPos: st };
  }
  return null;
}

// "There have been reports of/that", "Amid reports that", "Reports that": the subject "Reports of X" alone is a topic, not a source.
// "Reports have surfaced that", "Reports emerged that": the reports are the source too.
const WEASEL_REPORTS =
  /^\s*(?:(?:but|and)\s+)?(?:(?:there\s+(?:have\s+been|had\s+been|were|are)|amid|following|despite)\s+(?:(?:unconfirmed|media|news|press|local|multiple|several)\s+)?reports\s+(?:that|of)|(?:(?:unconfirmed|media|news|press)\s+)?reports\s+(?:(?:have\s+|had\s+)?(?:also\s+)?(?:surfaced|emerged|circulated)\s+(?:[a-z]+\s+){0,2}?)?that)\b/i;

// A sentence's subject, named, after at most a short fronted adverbial, and its verb right after it (adverbs between).
const LEAD_IN =
  /^\s*(?:(?:On|In|At|Today|Later|Then|Earlier|Meanwhile|However|But|And|So)\b[^,:“"]{0,30},\s*)?((?:The\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|of))*)\s+(?:(?:then|also|later|again|just|once|has|have|had)\s+)*([a-z]{3,}(?:ed|es|ts|ds|ns|ks|ps|ls|rs|gs))\b/u;
const QUOTE_CLOSER = /^\s*["“][^"”]{2,}[,?!—-]["”]\s+([a-z]{3,}ed)\s+/u;
const QUOTE_SUBJECT_CLOSER =
  /^\s*["“][^"”]{2,}[,?!—-]\s?["”]\s+((?:[\p{L}.'’-]+\s+){0,5}?[\p{L}.'’-]+)\s+(?:(?:then|also|later)\s+)?([a-z]{3,}ed)\b/u;
const QUOTE_OPENER =
  /^\s*((?:[\p{L}.'’-]+\s+){0,5}?[\p{L}.'’-]+)\s+(?:(?:then|also|later)\s+)?(asked|continued|wondered|joked|quipped|pleaded|vowed|promised|boasted|shouted|exclaimed|mused|countered|cautioned|lamented|complained)(?:\s+(?:him|her|them|the\s+\p{L}+))?[,:]\s*["“]/u;

/**
 * A quotation closed by a subject and a speaking verb the lexicon lacks ('“...?” he asked.', '“...,” a reporter asked
 * President Obama'), or opened by one ('Muir asked, “...”'): the subject, resolved like any source, speaks.
 */
function quotationSpeaker(r: Reading, disc: Discourse, pa: number, pb: number, sIdx: number): Attribution | null {
  const text = r.body.slice(pa, pb);
  const m = QUOTE_SUBJECT_CLOSER.exec(text) ?? QUOTE_OPENER.exec(text);
  if (!m) return null;
  const st = pa + m.index + m[0].indexOf(m[1] as string);
  const src = resolveSource(r, disc, st, st + (m[1] as string).length, sIdx);
  if (!src?.speaker) return null;
  const verbPos = pa + m.index + m[0].lastIndexOf(m[2] as string);
  return { outlet: src.outlet, speaker: src.speaker, secondary: null, verb: m[2] as string, verbPos };
}

const USED_TO =
  /\bused\s+(?:a|an|his|her|their|its|the)\s+(?:[\p{L}-]+\s+){0,4}?(?:speech|address|interview|statement|appearance|news conference|press conference|op-ed|post|briefing|testimony|remarks)\b[^,;]{0,60}?\s+to\s+(urge|warn|call|say|argue|defend|insist|announce|accuse|deny|press|demand|criticize|criticise|attack|make the case)\b/u;

/** What a clause's attribution tells the sentences after it (the last outlet, the last speaker and when). */
export function remember(disc: Discourse, at: Attribution | null, sIdx: number): void {
  if (at?.outlet) disc.lastOutlet = at.outlet;
  if (at?.speaker) {
    disc.lastAttr = at;
    if (at.speaker.node.kind === 'ANONYMOUS' || at.speaker.node.kind === 'OFFICIAL') {
      disc.unnamed.push({ at, sentence: sIdx });
      if (disc.unnamed.length > 4) disc.unnamed.shift();
    }
    disc.lastSpeaker = at.speaker;
    disc.lastSpeakerSentence = sIdx;
  }
  if (at?.outlet && !at.speaker) disc.lastSpeakerSentence = -9;
}

/**
 * An interview's channel stays on its speaker's words that follow directly ("In an interview with MSNBC, X said ...
 * “...,” he said. He also said ..."): the same speaker, in the same or the next sentence, no other occasion named.
 */
export function keepChannel(
  r: Reading,
  disc: Discourse,
  at: Attribution | null,
  pa: number,
  pb: number,
  sIdx: number,
): Attribution | null {
  const last = disc.lastAttr;
  if (
    !at?.speaker ||
    at.outlet ||
    !last?.outlet ||
    !isAired(last.outlet) ||
    !last.speaker ||
    !sameNode(at.speaker.node, last.speaker.node) ||
    sIdx - disc.lastSpeakerSentence > 1 ||
    OTHER_OCCASION.test(r.body.slice(pa, pb))
  )
    return at;
  return { ...at, outlet: last.outlet };
}

// Words of another time or medium: "Now, X is clarifying", "he wrote in the statement", "in a speech".
const OTHER_OCCASION =
  /^\W*(?:now|later|since then|afterwards?|earlier|previously)\b|\b(?:wrote|writes|tweeted|posted)\b|\b(?:in|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,2}?(?:statement|letter|post|tweet|op-ed|memo|release|speech|hearing|briefing|testimony)\b|\bon\s+(?:Twitter|Facebook|Instagram|Telegram)\b/iu;

/** The chain of a claim, outermost first; a hop that repeats the one before it (or is the article's own outlet) is left out. */
export function chainOf(r: Reading, at: Attribution | null): AttributionNode[] {
  const chain: AttributionNode[] = [r.root];
  if (!at) return chain;
  if (at.outlet && !isOwnOutlet(r, at.outlet)) chain.push(at.outlet);
  if (at.speaker && at.speaker.node.label !== chain[chain.length - 1]?.label && !isOwnOutlet(r, at.speaker.node))
    chain.push(at.speaker.node);
  if (at.secondary && at.secondary.label !== chain[chain.length - 1]?.label) chain.push(at.secondary);
  return chain;
}

/**
 * A hop that is the article's own outlet: its actor, or a name that is the outlet's without article, section and
 * medium ("told Fox News" in a Fox Online News story, a transcript's "MEDIA MATTERS:" turn in a Media Matters one).
 */
function isOwnOutlet(r: Reading, node: AttributionNode): boolean {
  if (node.label === r.root.label || (r.ownKey && node.actorKey === r.ownKey)) return true;
  if (node.kind === 'PERSON' && node.actorKey) return false;
  return outletCore(node.label) === outletCore(r.root.label);
}

/**
 * A frame that introduces a block ("According to the Los Angeles Times:", "Trump wrote on Twitter:" closing its
 * paragraph): the next paragraph is the source's words. Null when the sentence is no such frame.
 */
export function blockFrame(r: Reading, sIdx: number, at: Attribution | null): Attribution | null {
  const s = r.sentences[sIdx];
  if (!at?.frame || !s || !/:\s*$/.test(s.text) || (!at.outlet && !at.speaker)) return null;
  // "As this analysis shows, ...:" introduces a chart or a table, not the source's words.
  if (at.verb && /^(?:shows?|showed|found|finds)$/.test(at.verb)) return null;
  const next = r.sentences[sIdx + 1];
  return next && next.line !== s.line ? at : null;
}

/** A clause inside a block: its own frame nests under the block's source; without one, the block's source speaks. */
export function underBlock(block: Attribution, at: Attribution | null): Attribution {
  if (!at)
    return { outlet: block.outlet, speaker: block.speaker, secondary: block.secondary, verb: block.verb, verbPos: -1 };
  if (at.outlet || !block.outlet) return at;
  return { ...at, outlet: block.outlet };
}

// A transcript's turn: a line opened by a speaker's name in capitals ("AMY GOODMAN: ...", "PRESIDENT DONALD TRUMP: ...").
const TURN_LABEL = /^((?:\p{Lu}[\p{Lu}.'’-]*\s+){1,3}\p{Lu}[\p{Lu}.'’-]+):\s/u;

/**
 * The sentences that open a transcript turn, with the turn's speaker: the person whose name ends the label (an actor
 * of the text, "DONALD TRUMP" = Donald Trump), else the label itself. Empty unless two lines or more open so: one
 * capitalised label is a heading ("BREAKING NEWS:"), not a transcript.
 */
export function transcriptTurns(r: Reading): Map<number, Speaker> {
  const turns = new Map<number, Speaker>();
  r.sentences.forEach((s, si) => {
    if (s.lineKind !== 'body' || r.sentences[si - 1]?.line === s.line) return;
    const m = TURN_LABEL.exec(s.text);
    if (m) turns.set(si, turnSpeaker(r, m[1] as string));
  });
  return turns.size >= 2 ? turns : new Map();
}

function turnSpeaker(r: Reading, label: string): Speaker {
  const words = label.toLowerCase().split(/\s+/);
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const tail = words.slice(-k).join(' ');
    const act = r.actors.actors.find(
      (x) =>
        x.kind === 'PERSON' &&
        [x.canonicalName, ...x.aliases.map((y) => y.alias)].some((n) => n.toLowerCase() === tail),
    );
    if (act)
      return { node: { kind: 'PERSON', label: act.canonicalName, actorKey: act.key }, expert: false, plural: false };
  }
  return { node: { kind: 'PERSON', label }, expert: false, plural: false };
}

// An embedded post signed at its line's end: "... — Jane Doe (@janedoe) May 28, 2017".
const POST_SIGNATURE = /\s[—–-]+\s*([^\n()—–]{2,60}?)\s*\(@\w{1,30}\)\s*\p{Lu}\p{Ll}+\.?\s+\d{1,2},?\s+\d{4}\s*$/u;

/** The sentences of a line that ends with an embedded post's signature, with the post's author as their speaker. */
export function embeddedPosts(r: Reading, disc: Discourse): Map<number, Speaker> {
  const posts = new Map<number, Speaker>();
  r.sentences.forEach((s, si) => {
    const m = s.lineKind === 'body' && r.sentences[si + 1]?.line !== s.line ? POST_SIGNATURE.exec(s.text) : null;
    if (!m) return;
    const st = s.start + m.index + m[0].indexOf(m[1] as string);
    const name = (m[1] as string).trim();
    const src = resolveSource(r, disc, st, st + name.length, -1);
    const author = src?.speaker ?? {
      node: src?.outlet ?? { kind: 'PERSON' as const, label: name },
      expert: false,
      plural: false,
    };
    for (let i = si; i >= 0 && r.sentences[i]?.line === s.line; i--) posts.set(i, author);
  });
  return posts;
}

/** A clause inside a turn: the turn's speaker says it; a source the clause names is the speaker's source. */
export function inTurn(turn: Speaker, at: Attribution | null): Attribution {
  const cited = at?.speaker && !sameNode(at.speaker.node, turn.node) ? at.speaker.node : (at?.outlet ?? null);
  if (!cited) return { outlet: null, speaker: turn, secondary: null, verb: null, verbPos: -1, spoken: true };
  return { outlet: null, speaker: turn, secondary: cited, verb: at?.verb ?? null, verbPos: at?.verbPos ?? -1 };
}
