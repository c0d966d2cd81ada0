// Clauses and sub-claims: a sentence splits where the gold counts two claims (splitClauses: a report and what the
// outlet narrates beside it, each with its own speaker and modality); a clause
// yields a claim of its own for a participial report (", saying that ..."), a relative report (", which noted that
// ..." → the antecedent outlet) and an antecedent's own statement (", who denied ...").
import type { AttributionNode } from '@claimgraph/shared';
import { REPORT_VERBS } from '../gazetteer/lexicon.js';
import type { SentenceOut } from '../sentences.js';
import {
  isExpert,
  kindOf,
  mentionsIn,
  type Attribution,
  type Discourse,
  type Reading,
  type Speaker,
} from './context.js';
import { clauseSubject, resolveSource } from './speakers.js';
import { CLOSING_VERB } from './chain.js';
import { isAired } from './frames.js';

/** One claim to emit: the span, its attribution, and whether the words are the outlet's own when unattributed. */
export interface ClaimSpan {
  a: number;
  b: number;
  at: Attribution | null;
  ownText: boolean;
}

const PARTICIPLES =
  /(?:,\s+(?:and\s+|while\s+)?|\sby\s)((?:also\s+)?(?:saying|claiming|insisting|warning|adding|noting|arguing|alleging|accusing|stressing|suggesting|explaining|asserting|stating|denying|admitting|acknowledging|confirming|calling|condemning|criticizing|criticising|praising|blaming|describing|dismissing|rejecting|welcoming|telling))\s+(?:that\s+)?/gi;
// A present participle ("stressing", "adding"), not a word that ends like one ("nothing", "during", "King").
const PARTICIPLE = /^(?!during$)[a-z]{2,}(?<!th)ing$/;
// ", although" and ", though" contrast as ", but" does ("X claimed A, although they provided no evidence").
const BUT_SPLIT = /,?\s+but\s+|,\s+(?:although|though|whereas)\s+/g;
// A finite clause after "but": its own subject and verb ("the makeup of the team was not clear"), or the report's
// subject going on to an act of its own ("has offered no evidence"), or a pronoun and a past tense ("they provided no
// evidence"); not "but that ..." (still the speaker's words).
const FINITE_AFTER_BUT =
  /^(?:(?:[\p{L}'’-]+\s+){1,5}?)?(?:has|have|had|is|are|was|were|did|does|do|will|would|could|can|may|might|should|must)\b|^(?:he|she|they|it|we)\s+\p{Ll}+ed\b/u;
const OWN_SUBJECT = /^(?:that|also|later|then|not|never)\b/i;
// ", and" or a time clause (" as he left ...", ", ahead of what ...") after a closing frame.
const AND_SPLIT = /,\s+and\s+|,?\s+(?:as|after|before|when|while|ahead\s+of)\s+/g;
// A frame that opens the next clause: "as the daily notes", "according to the ministry".
const OPENING_FRAME =
  /^(?:as\s+(?:[\p{L}'’.-]+\s+){1,5}?(?:notes|noted|reported|reports|said|says|wrote|writes|put\s+it)\b|according\s+to\s)/iu;
const CLOSING_FRAME = /[,”"]\s+[^,;“”"]{2,70}?\s(?:said|says|told\s+[^,;]{2,30}|reported|added)$/;
const WHICH_REPORTS =
  /,\s+which\s+(?:also\s+|further\s+)?(noted|said|added|reported|stressed|claimed|wrote)\s+(?:that\s+)?/i;
// Absolute construction: ", with the Pentagon reporting (that) ..." → the named source's own claim.
const WITH_REPORTS =
  /,\s+with\s+((?:[\p{L}'’.-]+\s+){1,6}?)(saying|reporting|claiming|warning|insisting|noting|adding|estimating|telling)\s+(?:that\s+)?/u;
const WHAT_X_CALLED =
  /\bin what\s+((?:[\p{L}'’.-]+\s+){0,5}?[\p{L}'’.-]+)\s+(?:(?:is|are|was|were|has|have|had)\s+)?(?:calling|called|calls|call|described\s+as|describes\s+as|describe\s+as|termed|dubbed)\b/u;
const WHO_REPORTS =
  /(?:,|\s[—–]|\s--)\s+who\s+(?:also\s+|later\s+|has\s+|had\s+|have\s+)?(denied|said|told|claimed|insisted|confirmed|admitted|warned|added|accused|rejected|acknowledged)\b/i;

// A relative clause with its own named subject that reports on the antecedent ("Assad, whom the U.N. has accused of
// war crimes", "an attack that Washington has blamed on Tehran", "the allegations -- which he has strongly denied"):
// that subject's claim, not the clause speaker's.
const RELATIVE_VERB = /\b(?:denie[ds]|accuse[ds]|blame[ds]|rejected|disputed)\b/;
const OBJECT_RELATIVE =
  /(?:,|\s[—–]|\s--)?\s(which|whom|that)\s+((?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}|he|she|they|it)\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(denied|denies|accused|accuses|blamed|blames|rejected|disputed)\b/u;

/**
 * The sentence's clauses: split at "but" before a (not negated, not "report") reporting verb or, after a report, before
 * a finite clause of the outlet's own; and at ", and" or a time clause after a closing frame.
 */
export function splitClauses(r: Reading, s: SentenceOut): [number, number][] {
  const parts: [number, number][] = [];
  let from = s.start;
  BUT_SPLIT.lastIndex = 0;
  const segText = r.masked.slice(s.start, s.end);
  let bm: RegExpExecArray | null;
  while ((bm = BUT_SPLIT.exec(segText)) !== null) {
    const tail = segText.slice(bm.index + bm[0].length, bm.index + bm[0].length + 80);
    const comma = bm[0].startsWith(',');
    const vm = /^(?:[\p{L}'’-]+\s+){0,4}?([a-z]+)\b/u.exec(tail);
    const words = tail
      .split(/\s+/)
      .slice(0, 5)
      .map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
    // Without a comma only the subject's own next verb ("X was the first to strike but insisted ...").
    const reports =
      !!vm &&
      (comma || (!!REPORT_VERBS[words[0] ?? ''] && /ed$/.test(words[0] ?? ''))) &&
      words.some(
        (w, i) =>
          REPORT_VERBS[w] && REPORT_VERBS[w] !== 'report' && !(i > 0 && /^(not|never)$/.test(words[i - 1] ?? '')),
      );
    if (reports || contrastAfterReport(segText.slice(from - s.start, bm.index), tail, comma)) {
      parts.push([from, s.start + bm.index]);
      from = s.start + bm.index + (comma ? 2 : 1);
    }
  }
  // ", and" or a time clause after a frame that closes the clause before it starts a new clause, the outlet's own
  // unless it has a frame ("..., a diplomatic source told CNN, and police were seen ...", "..., X told reporters as
  // he left for Florida").
  {
    AND_SPLIT.lastIndex = 0;
    for (let am = AND_SPLIT.exec(segText); am; am = AND_SPLIT.exec(segText)) {
      const at = s.start + am.index;
      // The frames below are under 130 characters long: test only that much (the split words are frequent).
      const before = r.masked.slice(Math.max(from, at - 130), at);
      if (at > from && am[0].startsWith(',') && OPENING_FRAME.test(segText.slice(am.index + am[0].length))) {
        parts.push([from, at]); // "..., and as the daily notes, ...": a new source's clause
        from = at + am[0].search(/\p{L}/u);
        continue;
      }
      if (at <= from || !CLOSING_VERB.test(before) || !CLOSING_FRAME.test(before)) continue;
      // A new subject, not the frame's own next verb (", and added that ...", ", while stressing that ...").
      const next = /^[\p{L}'’-]+/u.exec(segText.slice(am.index + am[0].length))?.[0] ?? '';
      if (!next || REPORT_VERBS[next.toLowerCase()] || /(?:ed|s)$/.test(next) || PARTICIPLE.test(next)) continue;
      parts.push([from, at]);
      from = at + am[0].search(/\p{L}/u);
    }
  }
  if (!parts.length && segText.includes(':')) {
    // "He is not wrong: as the Times notes, ...": a clause, a colon and a second clause (not after a frame, "X told
    // reporters: ...", whose words follow; not a list).
    const cm = /^([^:]{12,}?[\p{Ll}\d])\s?:\s+(?=\p{L})/u.exec(segText);
    const frame = !!cm && (cm[1] as string).split(/\s+/).some((w) => REPORT_VERBS[w.toLowerCase()]);
    const tail = cm ? segText.slice(cm[0].length, cm[0].length + 80) : '';
    if (cm && !frame && (FINITE_AFTER_BUT.test(tail) || /^as\s/i.test(tail))) {
      parts.push([from, s.start + cm[0].indexOf(':') + 1]);
      from = s.start + cm[0].length;
    }
  }
  parts.push([from, s.end]);
  return parts;
}

/**
 * "X said A, but B was unclear" / "X has called it baseless but has offered no evidence": after a clause that reports
 * someone's words, a finite clause beyond "but" is the outlet's own narration, with its own modality.
 */
function contrastAfterReport(before: string, tail: string, comma: boolean): boolean {
  if (OWN_SUBJECT.test(tail) || !FINITE_AFTER_BUT.test(tail)) return false;
  // The report's own subject going on: only a perfect ("but has offered no evidence"); "but did not say how" stays
  // within the report. Without a comma, only that.
  const sharedSubject =
    /^(?:has|have|had|is|are|was|were|did|does|do|will|would|could|can|may|might|should|must)\b/.test(tail);
  if ((sharedSubject || !comma) && !/^(?:has|have|had)\s/.test(tail)) return false;
  return before.split(/\s+/).some((w) => {
    const cls = REPORT_VERBS[w.toLowerCase().replace(/[^a-z]/g, '')];
    return !!cls && cls !== 'report';
  });
}

/** The participle's verb as a finite reporting verb ("saying" → "said", "alleging" → "alleged"). */
function finiteOf(participle: string): string {
  if (participle === 'saying') return 'said';
  if (/^(arguing|suggesting)$/.test(participle)) return 'claimed';
  if (participle === 'calling') return 'called';
  for (const [stem, verb] of [
    ['claim', 'claimed'],
    ['insist', 'insisted'],
    ['warn', 'warned'],
    ['accus', 'accused'],
    ['alleg', 'alleged'],
  ] as const)
    if (participle.startsWith(stem)) return verb;
  return participle
    .replace(/^also\s+/, '')
    .replace(/ing$/, 'ed')
    .replace(/ieded$/, 'ied');
}

/**
 * The claims of the clause [pa, pb) with attribution `at`: the clause itself and any sub-claim. `speaker` is set
 * when a participial report names the clause's subject as a speaker the next sentences may refer back to.
 */
export function clauseClaims(
  r: Reading,
  disc: Discourse,
  pa: number,
  pb: number,
  si: number,
  at: Attribution | null,
): { spans: ClaimSpan[]; speaker?: Speaker } {
  const seg = r.masked.slice(pa, pb);
  const rel = WHICH_REPORTS.exec(seg);
  if (rel) {
    // ", which further noted that ...": the antecedent outlet's words.
    const antecedent = resolveSource(r, disc, pa + Math.max(0, rel.index - 25), pa + rel.index, si);
    const outlet = antecedent?.outlet ?? at?.outlet ?? disc.lastOutlet;
    const mainEnd = pa + rel.index;
    return {
      spans: [
        { a: pa, b: mainEnd, at, ownText: true },
        {
          a: mainEnd + 2,
          b: pb,
          at: { outlet, speaker: null, secondary: null, verb: rel[1] as string, verbPos: mainEnd },
          ownText: false,
        },
      ],
    };
  }
  const withR = WITH_REPORTS.exec(seg);
  if (withR) {
    const st = pa + withR.index + withR[0].indexOf(withR[1] as string);
    const src = resolveSource(r, disc, st, st + (withR[1] as string).trimEnd().length, si);
    if (src?.speaker || src?.outlet) {
      const sub: Attribution = {
        outlet: src.outlet ?? null,
        speaker: src.speaker,
        secondary: null,
        verb: finiteOf(withR[2] as string),
        verbPos: st + (withR[1] as string).length,
      };
      return {
        spans: [
          { a: pa, b: pa + withR.index, at, ownText: !at },
          { a: pa + withR.index + 1, b: pb, at: sub, ownText: false },
        ],
      };
    }
  }
  // "... killed 20 people in what officials called a deliberate attack": the characterisation is the source's claim.
  const what = WHAT_X_CALLED.exec(seg);
  if (what && what.index > 0) {
    const st = pa + what.index + what[0].indexOf(what[1] as string);
    const src = resolveSource(r, disc, st, st + (what[1] as string).length, si);
    if (src?.speaker || src?.outlet) {
      const sub: Attribution = {
        outlet: src.outlet,
        speaker: src.speaker,
        secondary: null,
        verb: 'called',
        verbPos: st,
      };
      // The verb inside "in what X described as" is no frame of the main clause.
      const main = at && at.verbPos >= pa + what.index ? null : at;
      return {
        spans: [
          { a: pa, b: pa + what.index, at: main, ownText: !main },
          { a: pa + what.index, b: pb, at: sub, ownText: false },
        ],
      };
    }
  }
  const who = WHO_REPORTS.exec(seg);
  const whoAt = who ? whoFrame(r, pa, who, at) : null;
  if (who && whoAt)
    return {
      spans: [
        { a: pa, b: pa + who.index, at, ownText: !at },
        { a: pa + who.index + 2, b: pb, at: whoAt, ownText: false },
      ],
    };
  const objRel = RELATIVE_VERB.test(seg) ? OBJECT_RELATIVE.exec(seg) : null;
  const relAt = objRel ? relativeFrame(r, disc, pa, objRel, at, si) : null;
  if (objRel && relAt) {
    const st = pa + objRel.index + objRel[0].indexOf(objRel[1] as string);
    return {
      spans: [
        { a: pa, b: pa + objRel.index, at, ownText: !at },
        { a: st, b: pb, at: relAt, ownText: false },
      ],
    };
  }
  PARTICIPLES.lastIndex = 0;
  const pt = PARTICIPLES.exec(seg);
  if (pt && pt.index > 0) {
    const subj: Attribution | null = at ?? subjectAttribution(r, disc, pa, pa + pt.index, si);
    if (subj) {
      const partAt: Attribution = { ...subj, verb: finiteOf(pt[1] as string), verbPos: pa + pt.index };
      // The sentence is also the speaker's when its main verb is not a reporting verb.
      const spans = [
        { a: pa, b: pb, at: at ?? partAt, ownText: !at },
        { a: pa + pt.index + 1, b: pb, at: partAt, ownText: false },
      ];
      return !at && partAt.speaker ? { spans, speaker: partAt.speaker } : { spans };
    }
  }
  // "dismissed Trump’s claims that the vote was rigged": the possessor's claim, relayed by the outlet, beside the clause.
  const poss = POSSESSIVE_CLAIM.exec(seg);
  const owner = poss ? mentionsIn(r, pa + poss.index, pa + poss.index + (poss[1] as string).length).at(-1) : undefined;
  const ownerSrc = owner && owner.actorKey !== r.ownKey ? resolveSource(r, disc, owner.start, owner.end, si) : null;
  if (poss && poss.index > 0 && ownerSrc?.speaker) {
    const st = pa + poss.index;
    const sub: Attribution = { outlet: null, speaker: ownerSrc.speaker, secondary: null, verb: 'claimed', verbPos: st };
    return {
      spans: [
        { a: pa, b: pb, at, ownText: !at },
        { a: st, b: pb, at: sub, ownText: false },
      ],
    };
  }
  return { spans: [{ a: pa, b: pb, at, ownText: !at }] };
}

const POSSESSIVE_CLAIM =
  /\b((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.-]*)[’']s?\s+(?:[\p{Ll}-]+\s+)?(?:claims?|allegations?|assertions?|accusations?|contention|insistence)\s+that\b/u;

/** ", who denied ...": the named antecedent's own statement, nested under the clause's speaker when there is one. */
function whoFrame(r: Reading, pa: number, who: RegExpExecArray, at: Attribution | null): Attribution | null {
  const antecedent = mentionsIn(r, pa, pa + who.index)
    .filter((x) => kindOf(r, x) !== 'MEDIA')
    .at(-1);
  const act = antecedent ? r.actors.byKey.get(antecedent.actorKey) : undefined;
  if (!antecedent || !act || antecedent.actorKey === r.ownKey) return null;
  const node: AttributionNode = {
    kind: act.kind === 'PERSON' ? 'PERSON' : 'ORGANIZATION',
    label: act.canonicalName,
    actorKey: antecedent.actorKey,
  };
  const verb = who[1] as string;
  const verbPos = pa + who.index + who[0].length - verb.length;
  return at?.speaker && at.speaker.node.actorKey !== antecedent.actorKey
    ? { outlet: at.outlet, speaker: at.speaker, secondary: node, verb, verbPos }
    : {
        outlet: at?.outlet ?? null,
        speaker: { node, expert: isExpert(r, antecedent.actorKey), plural: act.kind !== 'PERSON' },
        secondary: null,
        verb,
        verbPos,
      };
}

/** "whom the U.N. has accused of ...": the relative clause's own subject as the source, beside the clause's speaker. */
function relativeFrame(
  r: Reading,
  disc: Discourse,
  pa: number,
  m: RegExpExecArray,
  at: Attribution | null,
  si: number,
): Attribution | null {
  if (m.index === 0) return null;
  // "said that Iran denied", "tweeted early Monday that Salman denied": a report of a report (the frame's), not a
  // relative clause: a reporting verb among the four words before "that".
  const before = r.masked
    .slice(Math.max(pa, pa + m.index - 60), pa + m.index)
    .toLowerCase()
    .match(/\p{L}+/gu)
    ?.slice(-4);
  if (m[1] === 'that' && before?.some((w) => REPORT_VERBS[w])) return null;
  const st = pa + m.index + m[0].indexOf(m[2] as string, (m[1] as string).length);
  const named = mentionsIn(r, st, st + (m[2] as string).length).at(-1);
  const act = named ? r.actors.byKey.get(named.actorKey) : undefined;
  const src: Pick<Attribution, 'speaker'> | null =
    named && act
      ? {
          speaker: {
            node: {
              kind: act.kind === 'PERSON' ? 'PERSON' : act.kind === 'MEDIA' ? 'OUTLET' : 'ORGANIZATION',
              label: act.canonicalName,
              actorKey: named.actorKey,
            },
            expert: isExpert(r, named.actorKey),
            plural: act.kind !== 'PERSON',
          },
        }
      : resolveSource(r, disc, st, st + (m[2] as string).length, si);
  if (!src?.speaker || (at?.speaker && src.speaker.node.label === at.speaker.node.label)) return null;
  if (src.speaker.node.actorKey === r.ownKey) return null;
  const verb = m[3] as string;
  return {
    // Another source's words inside the speaker's are not what the speaker's interview aired.
    outlet: isAired(at?.outlet) ? null : (at?.outlet ?? null),
    speaker: src.speaker,
    secondary: null,
    verb,
    verbPos: pa + m.index + m[0].length - verb.length,
  };
}

function subjectAttribution(r: Reading, disc: Discourse, a: number, b: number, si: number): Attribution | null {
  const speaker = clauseSubject(r, disc, a, b, si);
  return speaker ? { outlet: null, speaker, secondary: null, verb: null, verbPos: -1 } : null;
}

// A description of a named person in apposition, with its relative clause (", a columnist for the Post who was last
// seen entering the consulate"), or the relative clause alone (", who has not been seen since"). The writer's
// background on who someone is, not part of what the source says; a relative that reports (", who denied") is WHO_REPORTS'.
// It ends at a comma, a semicolon or the sentence's end: a dot inside the sentence is an initial or an abbreviation
// ("President George H.W. Bush", "a U.S. Senate bid"), since the sentence splitter already split at every full stop.
const APPOSITIVE_WHO =
  /(?<=[\p{Lu}][\p{L}'’.-]+),\s+((?:(?:a|an|the)\s+[^,;:“”"]{3,100}?\s+)?who\s+[^,;:“”"]{3,200}?)(?=[,;]|[.!?]?[\s"”’)]*$)/gu;

/**
 * Spans inside an attributed clause that the outlet states on its own: descriptions of a named person in
 * apposition (with a relative clause). They become claims of the outlet beside the attributed one.
 */
export function backgroundSpans(r: Reading, a: number, b: number): ClaimSpan[] {
  const seg = r.masked.slice(a, b);
  const out: ClaimSpan[] = [];
  if (!seg.includes(' who ')) return out; // the lookbehind is costly to try at every comma
  APPOSITIVE_WHO.lastIndex = 0;
  for (let m = APPOSITIVE_WHO.exec(seg); m; m = APPOSITIVE_WHO.exec(seg)) {
    const st = a + m.index + m[0].indexOf(m[1] as string);
    if (WHO_REPORTS.test(`, ${/who\b.*/su.exec(m[1] as string)?.[0] ?? ''}`)) continue;
    out.push({ a: st, b: st + (m[1] as string).length, at: null, ownText: true });
  }
  return out;
}
