// Stage 6: claims. Every content sentence is a claim of the outlet; reporting patterns add the cited
// outlet, channel, speaker and secondary sources to its attribution chain (outermost first).
import type { AttributionNode, ClaimSlot, ExtractedClaim, ExtractedEvent } from '@claimgraph/shared';
import type { ActorIndex, MentionRec } from '../actors/index.js';
import { OUTLET_COREF, REPORT_VERBS, SOURCE_NOUNS } from '../gazetteer/lexicon.js';
import type { SentenceOut } from '../sentences.js';
import type { DateMention } from '../dates.js';
import { extractSlots, type SlotContext } from './slots.js';
import { quoteSpans } from '../quotes.js';
import { modalityOf } from './modality.js';

interface Speaker {
  node: AttributionNode;
  expert: boolean;
  plural: boolean;
}

interface Attribution {
  outlet: AttributionNode | null; // cited outlet
  speaker: Speaker | null;
  secondary: AttributionNode | null;
  verb: string | null; // reporting verb as written
  verbPos: number; // offset in body, -1 when none
  /** The reporting frame's span in the body ("according to X", "X said", ", reports X"), when found in the clause. */
  frame?: [number, number];
}

const PARTICIPLES = /(?:,\s+(?:and\s+)?|\sby\s)((?:also\s+)?(?:saying|claiming|insisting|warning|adding|noting|arguing|alleging|accusing|stressing|suggesting|explaining|asserting|stating|denying|admitting|acknowledging|confirming|calling))\s+(?:that\s+)?/gi;
const BUT_SPLIT = /,\s+but\s+/g;

const MIN_CLAIM_WORDS = 4;
const WHO_REPORTS = /,\s+who\s+(?:also\s+|later\s+|has\s+|had\s+|have\s+)?(denied|said|told|claimed|insisted|confirmed|admitted|warned|added|accused|rejected|acknowledged)\b/i;
// Words that never occur inside a source's noun phrase but do in a clause taken for one.
const CLAUSE_WORDS = /\b(?:is|are|was|were|do|does|did|don['’]t|doesn['’]t|didn['’]t|won['’]t|will|would|can|cannot)\b|\b(?:but|and|or|that)$/;
// Role nouns that refer back to the last actor of a kind ("the group" → the armed group just named).
const ROLE_ANAPHORS: Record<string, string[]> = Object.assign(Object.create(null) as Record<string, string[]>, {
  group: ['ARMED_GROUP', 'ORGANIZATION'], movement: ['ARMED_GROUP', 'ORGANIZATION'], militia: ['ARMED_GROUP'], organization: ['ORGANIZATION', 'ARMED_GROUP'],
  organisation: ['ORGANIZATION', 'ARMED_GROUP'], ministry: ['ORGANIZATION'], agency: ['MEDIA', 'ORGANIZATION'], station: ['MEDIA'], broadcaster: ['MEDIA'],
  committee: ['ORGANIZATION'], company: ['COMPANY'], firm: ['COMPANY'], airline: ['COMPANY'],
});
const ANAPHOR_LOOKBACK = 60;
// Office holders named by their office only ("the Iranian ambassador to Beirut") are unnamed sources.
const ROLE_SOURCES = new Set(['ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'attache', 'consul', 'prosecutor', 'prosecutors', 'judge', 'chairman', 'chairwoman', 'whistleblower', 'witness', 'negotiator', 'negotiators']);

// One alternation of every reporting verb form: the clause scan visits verbs only, not every word.
const VERB_RE = new RegExp(`\\b(${Object.keys(REPORT_VERBS).sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');

export interface ClaimContext {
  body: string;
  sentences: SentenceOut[];
  actors: ActorIndex;
  events: ExtractedEvent[];
  dates: DateMention[];
  outlet: string | null;
  /** Inline page chrome inside body lines (related-headline hover cards): kept for offsets, never claim text. */
  chrome?: { start: number; end: number }[];
}

export function findClaims(ctx: ClaimContext): ExtractedClaim[] {
  const { body, sentences, actors } = ctx;
  const root: AttributionNode = { kind: 'OUTLET', label: ctx.outlet ?? 'unknown outlet', ...(ctx.outlet ? { outlet: ctx.outlet } : {}) };
  const ownKey = ctx.outlet ? actors.actors.find((a) => a.canonicalName.toLowerCase() === ctx.outlet?.toLowerCase())?.key : undefined;
  const mediaMentions = actors.mentions.filter((m) => actors.byKey.get(m.actorKey)?.kind === 'MEDIA' && m.actorKey !== ownKey);
  const claims: ExtractedClaim[] = [];
  let lastOutlet: AttributionNode | null = null;
  let lastSpeaker: Speaker | null = null;
  let lastAttr: Attribution | null = null;
  let lastSpeakerSentence = -9;
  const slotCtx: SlotContext = { arrival: null };
  const masked = maskQuotes(body, sentences);

  const outletNode = (m: MentionRec): AttributionNode => {
    const a = actors.byKey.get(m.actorKey);
    return { kind: 'OUTLET', label: a?.canonicalName ?? m.text, actorKey: m.actorKey, outlet: a?.canonicalName ?? m.text };
  };
  // Mentions are sorted by start: binary searches keep every lookup logarithmic (long articles stay linear).
  const firstAtOrAfter = (list: MentionRec[], pos: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as MentionRec).start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const mentionsIn = (a: number, b: number) => {
    const out: MentionRec[] = [];
    for (let i = firstAtOrAfter(actors.mentions, a); i < actors.mentions.length && (actors.mentions[i] as MentionRec).start < b; i++) {
      const m = actors.mentions[i] as MentionRec;
      if (m.end <= b) out.push(m);
    }
    return out;
  };
  const personMentions = actors.mentions.filter((m) => actors.byKey.get(m.actorKey)?.kind === 'PERSON');
  const lastPersonBefore = (pos: number): MentionRec | null => personMentions[firstAtOrAfter(personMentions, pos) - 1] ?? null;
  const mentionsByKey = new Map<string, MentionRec[]>();
  for (const m of actors.mentions) {
    const l = mentionsByKey.get(m.actorKey) ?? [];
    l.push(m);
    mentionsByKey.set(m.actorKey, l);
  }
  const eventsBySentenceStart = new Map<number, ExtractedEvent[]>();
  for (const e of ctx.events) { const l_ = eventsBySentenceStart.get(e.surface.start); if (l_) l_.push(e); else eventsBySentenceStart.set(e.surface.start, [e]); }
  const datesBySentence = new Map<number, DateMention[]>();
  for (const d of ctx.dates) { const l_ = datesBySentence.get(d.sentence); if (l_) l_.push(d); else datesBySentence.set(d.sentence, [d]); }

  /** Resolves a source noun phrase at [a, b) in the body to a chain node. */
  const resolveNP = (a: number, b: number, sIdx: number): { outlet: AttributionNode | null; speaker: Speaker | null } | null => {
    let text = body.slice(a, b);
    const lead = /^\s*(?:(?:but|and|while|as|so|yet|then|however|meanwhile),?\s+)*/i.exec(text)?.[0].length ?? 0;
    text = text.slice(lead).replace(/[\s.,;:]+$/, '');
    // A dateline before the subject ("WASHINGTON (AP) — A career official") is not part of the source.
    const dateline = /^[\p{Lu}][\p{Lu}\s.,'’-]{2,40}(?:\([^)]{1,30}\))?\s*[—–-]+\s+|^\([^)]{1,30}\)\s*(?:[—–-]+\s*)?/u.exec(text);
    if (dateline) {
      text = text.slice(dateline[0].length);
      a += dateline[0].length;
    }
    // The subject of a subordinate clause ("things got tense when one board member asserted"): after the subordinator.
    const sub = /^.*\b(?:when|after|because|while|since|before|until|once|whereas|although|though)\s+/i.exec(text);
    if (sub && sub[0].length < text.length - 2) {
      text = text.slice(sub[0].length);
      a += sub[0].length;
    }
    a += lead;
    b = a + text.length;
    if (!text || text.length > 160) return null;
    const low = text.toLowerCase();
    if (/^(he|she)$/.test(low)) {
      const subj = sIdx > 0 ? sentenceSubject(sIdx - 1) : null;
      if (subj) return { outlet: null, speaker: subj };
      const sp = lastSpeaker && lastSpeaker.node.kind === 'PERSON' && sIdx - lastSpeakerSentence <= 3 ? lastSpeaker : null;
      if (sp) return { outlet: null, speaker: sp };
      const m = lastPersonBefore(a);
      if (!m) return null;
      const act = actors.byKey.get(m.actorKey);
      return { outlet: null, speaker: { node: { kind: 'PERSON', label: act?.canonicalName ?? m.text, actorKey: m.actorKey }, expert: isExpert(m.actorKey), plural: false } };
    }
    if (/^(they|we)$/.test(low)) return lastSpeaker && lastSpeaker.plural ? { outlet: null, speaker: lastSpeaker } : null;
    if (low === 'it' && lastSpeaker && lastSpeaker.node.kind !== 'PERSON' && lastSpeaker.node.kind !== 'ANONYMOUS' && sIdx - lastSpeakerSentence === 1) return { outlet: null, speaker: lastSpeaker };
    if (/^(it|this|that|i|you)$/.test(low)) return null;
    // A clause is not a noun phrase: a finite verb or a trailing conjunction means the boundary was missed.
    if (CLAUSE_WORDS.test(low)) return null;
    const words = low.match(/[\p{L}’'-]+/gu) ?? [];
    // "The group warned", "the ministry said": the last actor of that kind named before.
    const anaphor = /^the\s+([a-z]+)$/.exec(low);
    if (anaphor && ROLE_ANAPHORS[anaphor[1] as string]) {
      const kinds = ROLE_ANAPHORS[anaphor[1] as string] as string[];
      // Bounded look-back: an antecedent is near, and a long article must stay linear.
      const from = firstAtOrAfter(actors.mentions, a) - 1;
      for (let i = from; i >= 0 && i > from - ANAPHOR_LOOKBACK; i--) {
        const m = actors.mentions[i] as MentionRec;
        const act = actors.byKey.get(m.actorKey);
        if (!act || m.actorKey === ownKey || !kinds.includes(act.kind)) continue;
        if (act.kind === 'MEDIA') return { outlet: outletNode(m), speaker: null };
        return { outlet: null, speaker: { node: { kind: 'ORGANIZATION', label: act.canonicalName, actorKey: m.actorKey }, expert: false, plural: true } };
      }
    }
    const ms = mentionsIn(a, b);
    // Outlet coreference: "the report", "the daily", "the NBC report", "a US-based daily".
    const head = words[words.length - 1] ?? '';
    if (OUTLET_COREF.has(head) || /\b(report|daily|newspaper)\b/.test(low) && words.length <= 4) {
      const media = ms.find((m) => actors.byKey.get(m.actorKey)?.kind === 'MEDIA');
      if (media) return { outlet: outletNode(media), speaker: null };
      if (/^(a|an)\b/.test(low)) {
        const next = mediaMentions[firstAtOrAfter(mediaMentions, b)];
        if (next) return { outlet: outletNode(next), speaker: null };
      }
      if (lastOutlet) return { outlet: lastOutlet, speaker: null };
      return null;
    }
    const roleM0 = /^the\s+(?:[\p{Lu}][\p{L}.]*\s+)?(president|prime minister|minister|secretary|leader|king|chancellor|premier|general|spokesperson|spokesman|spokeswoman|envoy|ambassador|governor|mayor|chief|commander)$/iu.test(text);
    // Named: the NP is (or ends with) an actor name and has no source head noun after it.
    const lastM = ms[ms.length - 1];
    const sourceHeadIdx = words.findIndex((w) => SOURCE_NOUNS.has(w) || ROLE_SOURCES.has(w));
    const tailAfterName = lastM ? body.slice(lastM.end, b).trim() : '';
    if (!roleM0 && lastM && (sourceHeadIdx < 0 || /^[,)]?$/.test(tailAfterName) && ms.length > 0 && actors.byKey.get(lastM.actorKey)?.kind === 'PERSON')) {
      const act = actors.byKey.get(lastM.actorKey);
      if (tailAfterName && !/^['’]s?$/.test(tailAfterName) && !/^(?:,.*)?$/.test(tailAfterName)) {
        const tl = tailAfterName.toLowerCase();
        // "Yemen's Houthi movement", "the Turkish side" → the actor itself.
        if (/^(movement|group|rebels|militants?|fighters|side|regime|government|leadership|authorities)$/.test(tl)) {
          /* falls through to the named node below */
        } else if (/^(state |official |national )?(media|television|tv|news agency|broadcaster|press)$/.test(tl)) {
          let label = text;
          if (/^(The|A|An)\b/.test(label)) label = label[0]?.toLowerCase() + label.slice(1);
          return { outlet: { kind: 'OUTLET', label }, speaker: null };
        } else return null;
      }
      if (act?.kind === 'MEDIA') return { outlet: outletNode(lastM), speaker: null };
      const kind = act?.kind === 'PERSON' ? 'PERSON' : 'ORGANIZATION';
      return { outlet: null, speaker: { node: { kind, label: act?.canonicalName ?? lastM.text, actorKey: lastM.actorKey }, expert: isExpert(lastM.actorKey), plural: act?.kind !== 'PERSON' } };
    }
    // Role reference: "the President", "the US president" → the person who carries that title.
    const roleM = /^the\s+(?:[\p{Lu}][\p{L}.]*\s+)?(president|prime minister|minister|secretary|leader|king|chancellor|premier|general|spokesperson|spokesman|spokeswoman|envoy|ambassador|governor|mayor|chief|commander)$/iu.exec(text);
    if (roleM) {
      const t = (roleM[1] as string).toLowerCase();
      let best: string | null = null;
      let bestPos = -1;
      for (const [key, set] of actors.titles) {
        if (![...set].some((x) => x === t || x.endsWith(' ' + t))) continue;
        const ms2 = mentionsByKey.get(key) ?? [];
        const before = ms2[firstAtOrAfter(ms2, a) - 1];
        const p = before ? before.start : -1 - (ms2[0]?.start ?? 0) / 1e9;
        if (best === null || p > bestPos) { best = key; bestPos = p; }
      }
      if (best) {
        const act = actors.byKey.get(best);
        return { outlet: null, speaker: { node: { kind: 'PERSON', label: act?.canonicalName ?? text, actorKey: best }, expert: false, plural: false } };
      }
      return null;
    }
    if (sourceHeadIdx >= 0) {
      // Unnamed source in the text's words (first letter lowered when it is not a name).
      let label = text.replace(/[,;:]+$/, '');
      if (/^\p{Lu}/u.test(label) && !ms.some((m) => m.start === a)) label = label[0]?.toLowerCase() + label.slice(1);
      const plural = /s$/.test(words[sourceHeadIdx] ?? '') || /^(staff|people|police|military)$/.test(words[sourceHeadIdx] ?? '');
      const official = /^(?:[\p{Lu}][\p{L}]+\s+)?(authorities|government|ministry|military|police|army)$/u.test(text);
      return { outlet: null, speaker: { node: { kind: official ? 'OFFICIAL' : 'ANONYMOUS', label }, expert: /\b(analyst|expert|observer)s?\b/.test(low), plural } };
    }
    return null;
  };
  /** The person a sentence is about when it opens with one ("Iranian President X admitted", "The US president was"). */
  const sentenceSubject = (si: number): Speaker | null => {
    const s = sentences[si];
    if (!s || s.lineKind !== 'body') return null;
    let t = masked.slice(s.start, s.end);
    let off = s.start;
    const intro = /^(?:in|on|at|after|before|during|despite|when|while|however|but|meanwhile|hours|later|that|the following|shortly|as|since|with|for|although|though|once|then|also|still|yet|so)\b[^,]{0,60},\s+/i.exec(t);
    if (intro && !mentionsIn(off, off + intro[0].length).some((m) => actors.byKey.get(m.actorKey)?.kind === 'PERSON')) {
      off += intro[0].length;
      t = t.slice(intro[0].length);
    }
    if (/^["“]/.test(t)) return null;
    const firstWords = /^(?:\S+\s+){0,5}\S+/.exec(t)?.[0] ?? '';
    const pm = mentionsIn(off, off + firstWords.length).find((m) => actors.byKey.get(m.actorKey)?.kind === 'PERSON');
    if (pm) {
      const act = actors.byKey.get(pm.actorKey);
      return { node: { kind: 'PERSON', label: act?.canonicalName ?? pm.text, actorKey: pm.actorKey }, expert: isExpert(pm.actorKey), plural: false };
    }
    const rm = /^the\s+(?:[\p{Lu}][\p{L}.]*\s+)?(president|prime minister|minister|secretary|leader|king|chancellor|premier|general)\b/iu.exec(t);
    if (rm) return resolveNP(off, off + rm[0].length, si)?.speaker ?? null;
    return null;
  };
  const isExpert = (key: string) => actors.roles.some((r) => r.actorKey === key && /\b(expert|analyst|scholar|researcher|fellow|professor)\b/.test(r.role));

  /** Channel phrases after a speaker: "told Reuters", "quoted by the daily", "who spoke to Reuters". */
  const channelIn = (a: number, b: number): AttributionNode | null => {
    const seg = body.slice(a, b);
    const m = /\b(?:told|to|by|quoted by|as quoted by|spoke to|speaking to|in an interview with)\s+((?:the\s+)?[\p{L}’'.\- ]{2,40}?)(?=[\s,.;]|$)/iu.exec(seg);
    if (!m) return null;
    const s = a + (m.index ?? 0) + m[0].length - (m[1] as string).length;
    for (let L = (m[1] as string).length; L > 1; L--) {
      const r = resolveNP(s, s + L, -1);
      if (r?.outlet) return r.outlet;
    }
    const ms = mentionsIn(s, s + (m[1] as string).length + 20).filter((x) => actors.byKey.get(x.actorKey)?.kind === 'MEDIA');
    return ms[0] ? outletNode(ms[0]) : null;
  };

  const secondaryIn = (a: number, b: number, sIdx: number): AttributionNode | null => {
    const seg = body.slice(a, b);
    const m = /\b(?:quoting|citing|based on|cited)\s+(.{3,120}?)(?:\s+(?:as saying|that)\b|[,.;]|$)/iu.exec(seg);
    if (!m) return null;
    const s = a + (m.index ?? 0) + m[0].indexOf(m[1] as string);
    const r = resolveNP(s, s + (m[1] as string).length, sIdx);
    return r?.speaker?.node ?? r?.outlet ?? null;
  };

  /**
   * A report of a report: "Trump said King Salman denied any knowledge" — a named actor, other than the speaker,
   * as the subject of a reporting verb in the content is the next hop.
   */
  const reportedSpeakerIn = (a: number, b: number, outer: Speaker | null): AttributionNode | null => {
    if (!outer) return null;
    const seg = body.slice(a, Math.min(b, a + 160));
    const m = /^\s*(?:[^,;:“"]{0,40}?\s)?(?:that\s+)?((?:[\p{Lu}][\p{L}'’.-]*\s+){0,5}[\p{Lu}][\p{L}'’.-]*)\s+(?:\w+ly\s+)?(denied|said|says|told|confirmed|insisted|claimed|offered\s+(?:him\s+|her\s+|them\s+)?an?\s+(?:\w+\s+)?denial)\b/u.exec(seg);
    if (!m) return null;
    const st = a + seg.indexOf(m[1] as string);
    const named = mentionsIn(st, st + (m[1] as string).length).at(-1);
    if (!named || named.actorKey === outer.node.actorKey || named.actorKey === ownKey) return null;
    const act = actors.byKey.get(named.actorKey);
    if (!act || act.kind === 'MEDIA') return null;
    return { kind: act.kind === 'PERSON' ? 'PERSON' : 'ORGANIZATION', label: act.canonicalName, actorKey: named.actorKey };
  };

  /** Finds the attribution of the clause [a, b) (masked quotes). */
  const attributeFrame = (a: number, b: number, seg: string, sIdx: number): Attribution | null => {
    const off = a;
    // 1. according to X
    const acc = !/ccording\s+to/i.test(seg) ? null : /\baccording\s+to\s+(?:an?\s+(?:exclusive|report|statement|story|investigation)\s+(?:from|by|in)\s+)?([^,;.]{2,140}?)(?=\s*(?:,|;|\.\s|\.$|$|\s+who\b|\s+which\b))/iu.exec(seg);
    if (acc) {
      const npStart = off + acc.index + acc[0].length - (acc[1] as string).length;
      let r = resolveNP(npStart, npStart + (acc[1] as string).length, sIdx);
      // "according to the mayor of Lviv, Andriy Sadovyi, ..." → the named person.
      const apNm = /^,\s+([^,]{3,50}),/.exec(body.slice(npStart + (acc[1] as string).length, npStart + (acc[1] as string).length + 60));
      if (apNm && (!r || r.speaker?.node.kind !== 'PERSON')) {
        const st = npStart + (acc[1] as string).length + apNm[0].indexOf(apNm[1] as string);
        const r2 = resolveNP(st, st + (apNm[1] as string).length, sIdx);
        if (r2?.speaker?.node.kind === 'PERSON') r = r2;
      }
      if (r && (r.outlet || r.speaker)) {
        const at: Attribution = { outlet: r.outlet, speaker: r.speaker, secondary: null, verb: 'according to', verbPos: off + acc.index, frame: [off + acc.index, off + acc.index + acc[0].length] };
        if (r.speaker && !r.outlet) at.outlet = channelIn(npStart, npStart + (acc[1] as string).length + 40);
        // Nested source with a quotation: "According to Reuters, Iraq's investigators have “...”".
        if (r.outlet && !r.speaker && acc.index < 5) {
          const rest = seg.slice(acc.index + acc[0].length).replace(/^\s*,\s*/, '');
          const nm = /^([^,;“"]{3,80}?)\s+(?:have|has|had|said|say|says|told)\b[^“"]{0,20}[“"]/u.exec(rest);
          if (nm) {
            const st = off + seg.indexOf(nm[1] as string, acc.index + acc[0].length);
            const r2 = resolveNP(st, st + (nm[1] as string).length, sIdx);
            if (r2?.speaker) at.speaker = r2.speaker;
          }
        }
        return at;
      }
    }
    // 2. Reporting verbs outside quotes, last-to-first for trailing patterns.
    const verbRe = VERB_RE;
    verbRe.lastIndex = 0;
    const hits: { verb: string; pos: number; cls: string }[] = [];
    let m: RegExpExecArray | null;
    while ((m = verbRe.exec(seg)) !== null) {
      const cls = REPORT_VERBS[m[1] as string];
      if (!cls) continue;
      const before = seg.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
      if (/\b(not|n't|to|never)\s+$/.test(before) && !/\bas\s+$/.test(before)) continue;
      if (/\b(been|was|were|is|are|be|being)\s+$/.test(before)) continue; // passive: handled as "accused by X"
      if (/^(fear|fears|worry|worries|hope|hopes|believe|think|expect|call|calls)$/.test(m[1] as string) && !/^\s+(that|the|a|an|he|she|they|it|we|this|there|[a-z]+s)\b/.test(seg.slice(m.index + (m[1] as string).length))) continue;
      const after = seg.slice(m.index + (m[1] as string).length, m.index + (m[1] as string).length + 12);
      if (m[1] === 'called' && !/^\s*(?:\w+\s+){0,3}["“]|^\s+(?:for|on)\b/.test(seg.slice(m.index + 6, m.index + 60))) continue;
      if (m[1] === 'posted' && !/[:“"]/.test(seg.slice(m.index, m.index + 60))) continue;
      if (/^(cited|quoted|reported)$/.test(m[1] as string) && /^\s+by\b/.test(after) && !/\b(was|were|been|is|are)\s+$/.test(before)) continue;
      if (/^(saying|claiming|insisting|warning|adding|noting|arguing|alleging|accusing|stressing|suggesting|explaining|stating|urging|demanding|citing|quoting|reporting|denying|admitting|acknowledging|confirming)$/.test(m[1] as string)) continue;
      if (/^(noted|noting)$/.test(m[1] as string) && !/^\s+that\b/.test(after)) continue;
      hits.push({ verb: m[1] as string, pos: m.index, cls });
    }
    if (!hits.length) return null;
    for (const h of hits) {
      const vAbs = off + h.pos;
      const beforeSeg = seg.slice(0, h.pos);
      // Inverted: ', said X' / '” said X'
      if (/[,”"]\s*$/.test(beforeSeg) && /^(said|says|added|told|claimed|wrote|writes|noted|asked|explained|reports|reported)$/.test(h.verb)) {
        const after = seg.slice(h.pos + h.verb.length);
        // The speaker ends before a prepositional tail ("said Buttigieg in response to the claim").
        const npm = /^\s+(.{2,140}?)(?=\s+(?:quoted by|as quoted by|in an interview|in response|in reply|in a|on|at|during|after|before|while|when|from)\b|,|\.(?:\s|$)|$)/u.exec(after);
        if (npm) {
          const s = vAbs + h.verb.length + (npm[0].length - (npm[1] as string).length);
          let r = resolveNP(s, s + (npm[1] as string).length, sIdx);
          // "said the board member, Binyamin Appelbaum": the name in apposition is the speaker.
          const apName = /^,\s+([^,.;]{3,50})(?=[,.;]|$)/u.exec(after.slice(npm[0].length));
          if (apName && r?.speaker?.node.kind !== 'PERSON') {
            const st = s + (npm[1] as string).length + apName[0].indexOf(apName[1] as string);
            const named = resolveNP(st, st + (apName[1] as string).length, sIdx);
            if (named?.speaker?.node.kind === 'PERSON') r = named;
          }
          if (r?.speaker || r?.outlet) {
            const ch = channelIn(s + (npm[1] as string).length, Math.min(b, s + (npm[1] as string).length + 50));
            return { outlet: r.outlet ?? ch, speaker: r.speaker, secondary: null, verb: h.verb, verbPos: vAbs, frame: [vAbs, s + (npm[1] as string).length] };
          }
        }
      }
      // Subject before the verb: from the last clause boundary.
      let npText = beforeSeg;
      // Drop relative clauses ", which ... ," / ", who ... ,".
      npText = npText.replace(/,\s+(?:which|who)\b[^,]*,\s*$/u, (x) => ' '.repeat(x.length));
      // Appositions: "Mark Esper, a veteran of the Gulf War, called ..."
      const apposition = /,\s+((?:a|an|the|\d+)\b[^,]*),\s*$/u.exec(npText);
      npText = npText.replace(/,\s+(?:a|an|the|\d+)\b[^,]*,\s*$/u, (x) => ' '.repeat(x.length));
      // Adverbials between subject and verb.
      const adv = /(?:\s+(?:has|have|had|did|does|do|also|further|initially|later|then|again|reportedly|had\s+also|has\s+also|have\s+also|on\s+[A-Z][a-z]+|in\s+a\s+statement|publicly|previously|earlier|first|recently|repeatedly))*\s*$/u.exec(npText);
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
        if (!ap) continue;
        npStartRel = (ap.index ?? 0) + ap[0].indexOf(ap[1] as string);
        npEnd2 = npStartRel + (ap[1] as string).length;
      }
      const np = npText.slice(npStartRel, npEnd2);
      if (/[“"]/.test(np) || np.split(/\s+/).length > 16) continue;
      let r = resolveNP(off + npStartRel, off + npEnd2, sIdx);
      // "An Al Qaeda-linked group, the Abdullah Azzam Brigades, claimed": a description names no one; its apposition does.
      if ((!r || (!r.speaker && !r.outlet)) && apposition) {
        const st = off + apposition.index + apposition[0].indexOf(apposition[1] as string);
        const named = mentionsIn(st, st + (apposition[1] as string).length).at(-1);
        if (named) r = resolveNP(named.start, named.end, sIdx);
      }
      if (!r || (!r.speaker && !r.outlet)) continue;
      const afterV = off + h.pos + h.verb.length;
      const clauseEnd = Math.min(b, afterV + 60);
      const at: Attribution = { outlet: r.outlet, speaker: r.speaker, secondary: null, verb: h.verb, verbPos: vAbs, frame: [off + npStartRel, afterV] };
      if (!at.outlet) {
        // "told WSJ", "who spoke to Reuters", "as quoted by the daily"
        let ch: AttributionNode | null = null;
        if (/^(told|tells|tell)$/.test(h.verb)) {
          const nm = /^\s+((?:the\s+)?[\p{Lu}][\p{L}’'.\-]*(?:\s+[\p{Lu}][\p{L}’'.\-]*){0,4})/u.exec(body.slice(afterV, clauseEnd));
          if (nm) {
            const st = afterV + nm[0].length - (nm[1] as string).length;
            ch = resolveNP(st, st + (nm[1] as string).length, sIdx)?.outlet ?? null;
          }
        }
        ch ??= channelIn(afterV, clauseEnd) ?? channelIn(off + npStartRel, off + npEnd);
        if (ch && (/^(told|tells|said|says)$/.test(h.verb) || /spoke to|quoted by|speaking to/.test(body.slice(off + npStartRel, clauseEnd)))) {
          at.outlet = ch;
          if (at.speaker && at.speaker.node.kind !== 'PERSON') {
            // "U.S. officials who spoke to Reuters on condition of anonymity" → the channel leaves the label.
            const lbl = at.speaker.node.label.replace(/\s+(?:to|with)\s+(?:the\s+)?[\p{Lu}][\p{L}’'.\-]*(?:\s+[\p{Lu}][\p{L}’'.\-]*)*/u, '');
            at.speaker = { ...at.speaker, node: { ...at.speaker.node, label: lbl } };
          }
        }
      }
      at.secondary = secondaryIn(/^(cited|quoted|cites|quotes)$/.test(h.verb) ? vAbs : afterV, b, sIdx) ?? reportedSpeakerIn(afterV, b, at.speaker);
      return at;
    }
    return null;
  };

  /**
   * Nested relations: a frame that names only an outlet ("according to NNA", ", reports the BBC", "The BBC reports
   * that") may wrap a speaker's own frame in the same clause ("Mikati said ..., according to NNA"). The outer frame
   * is blanked and the clause read again; a speaker found there becomes the next hop.
   */
  const attribute = (a: number, b: number, maskedText: string, sIdx: number): Attribution | null => {
    const seg = maskedText.slice(a, b);
    const at = attributeFrame(a, b, seg, sIdx);
    if (!at?.outlet || at.speaker || !at.frame) return at;
    const fa = Math.max(0, at.frame[0] - a);
    const fb = Math.min(seg.length, at.frame[1] - a);
    const inner = attributeFrame(a, b, seg.slice(0, fa) + ' '.repeat(Math.max(0, fb - fa)) + seg.slice(fb), sIdx);
    if (!inner?.speaker || inner.outlet) return at;
    return { ...at, speaker: inner.speaker, secondary: inner.secondary ?? at.secondary, verb: inner.verb, verbPos: inner.verbPos };
  };

  const eventFor = (a: number, sIdx: number): string | null => {
    const list = eventsBySentenceStart.get((sentences[sIdx] as SentenceOut).start) ?? [];
    const ev = list.find((e) => e.surface.end > a && !e.background && e.type !== 'STATEMENT') ?? list.find((e) => e.surface.end > a);
    return ev?.key ?? null;
  };

  const emit = (a: number, b: number, at: Attribution | null, sIdx: number, ownText: boolean) => {
    while (a < b && /[\s,]/.test(body[a] as string)) a++;
    while (b > a && /\s/.test(body[b - 1] as string)) b--;
    if (b - a < 3) return;
    const raw = body.slice(a, b); // offsets (slots, the reporting verb) are read in the body's text
    const chrome = (ctx.chrome ?? []).filter((c) => c.end > a && c.start < b).map((c) => body.slice(Math.max(a, c.start), Math.min(b, c.end)));
    const text = stripChrome(raw, chrome);
    // Fragments and asides ("As you were.", "Stay tuned.") assert nothing a reader could check or compare.
    if ((text.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_CLAIM_WORDS && !/\d/.test(text)) return;
    const chain: AttributionNode[] = [root];
    if (at?.outlet && at.outlet.label !== root.label) chain.push(at.outlet);
    if (at?.speaker && at.speaker.node.label !== chain[chain.length - 1]?.label && (!ownKey || at.speaker.node.actorKey !== ownKey)) chain.push(at.speaker.node);
    if (at?.secondary && at.secondary.label !== chain[chain.length - 1]?.label) chain.push(at.secondary);
    let quoteWords = 0;
    for (const [qa, qb] of quoteSpans(text)) quoteWords += (text.slice(qa + 1, qb - 1).match(/\S+/g) ?? []).length;
    const modality = modalityOf(text, at ? { verb: at.verb, attributed: !!at.speaker, expert: !!at.speaker?.expert, viaOutlet: !!at.outlet } : null, quoteWords, ownText);
    const ms = mentionsIn(a, b);
    const seen = new Set<string>();
    const claimActors: ExtractedClaim['actors'] = [];
    const vp = at?.verbPos ?? -1;
    for (const mm of ms) {
      if (seen.has(mm.actorKey) || mm.actorKey === ownKey) continue;
      if (chain.some((n) => n.actorKey === mm.actorKey) && (at?.outlet?.actorKey === mm.actorKey)) continue;
      seen.add(mm.actorKey);
      claimActors.push({ actorKey: mm.actorKey, role: vp >= 0 && mm.start < vp && at?.speaker?.node.actorKey === mm.actorKey ? 'SUBJECT' : claimActors.length === 0 ? 'SUBJECT' : 'MENTIONED' });
    }
    const slots: ClaimSlot[] = extractSlots(raw, a, { actors, dates: datesBySentence.get(sIdx) ?? [], chain, atVerbPos: vp }, slotCtx, sIdx);
    claims.push({
      key: `c${a}-${b}`,
      text: stripChrome(normaliseAssertion(raw, at, a), chrome),
      evidence: { start: a, end: b },
      attribution: chain,
      modality,
      actors: claimActors,
      eventKey: eventFor(a, sIdx),
      slots,
    });
  };

  sentences.forEach((s, si) => {
    if (s.lineKind !== 'body') return;
    // Clause split: ", but [subject] VERB" where the second part reports speech.
    const parts: [number, number][] = [];
    let from = s.start;
    BUT_SPLIT.lastIndex = 0;
    const segText = masked.slice(s.start, s.end);
    let bm: RegExpExecArray | null;
    while ((bm = BUT_SPLIT.exec(segText)) !== null) {
      const tail = segText.slice(bm.index + bm[0].length, bm.index + bm[0].length + 80);
      const vm = /^(?:[\p{L}'’-]+\s+){0,4}?([a-z]+)\b/u.exec(tail);
      const words = tail.split(/\s+/).slice(0, 5).map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
      if (words.some((w, i) => REPORT_VERBS[w] && REPORT_VERBS[w] !== 'report' && !(i > 0 && /^(not|never)$/.test(words[i - 1] ?? ''))) && vm) {
        parts.push([from, s.start + bm.index]);
        from = s.start + bm.index + 2;
      }
    }
    parts.push([from, s.end]);

    let prevAt: Attribution | null = null;
    for (const [pa, pb] of parts) {
      let at = attribute(pa, pb, masked, si);
      // "but later admitted ..." — same subject as the first part.
      if (!at && prevAt && /^\s*but\s+(?:\w+\s+){0,2}?[a-z]+/.test(body.slice(pa, pb))) {
        const ws2 = body.slice(pa, pb).trim().split(/\s+/).slice(1, 4).map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
        const verb = ws2.find((w) => REPORT_VERBS[w]) ?? '';
        if (verb) at = { ...(prevAt as Attribution), verb, verbPos: pa };
      }
      // Quote-only sentence right after an attributed quote: same speaker.
      const trimmed = body.slice(pa, pb).trim();
      if (!at && /^["“]/.test(trimmed) && lastSpeaker && si - lastSpeakerSentence === 1) {
        at = { outlet: lastAttr?.speaker === lastSpeaker ? lastAttr.outlet : null, speaker: lastSpeaker, secondary: null, verb: null, verbPos: -1 };
      }
      // Passive accusation: "has been accused by the United States of ..."
      if (!at) {
        const pm = /\baccused\s+by\s+((?:the\s+)?[\p{Lu}][\p{L}.’' ]{1,60}?)\s+(?:of|for)\b/u.exec(body.slice(pa, pb));
        if (pm) {
          const st = pa + pm.index + pm[0].indexOf(pm[1] as string);
          const r = resolveNP(st, st + (pm[1] as string).length, si);
          if (r?.speaker) at = { outlet: null, speaker: r.speaker, secondary: null, verb: 'accused', verbPos: pa + pm.index };
        }
      }
      // "X sent a message to Y: ..." carries X's words.
      if (!at) {
        const sm = /^((?:[\p{L}'’.-]+\s+){0,2}?)(?:[\p{L}'’.-]+,\s+)?([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)*)\s+(?:sent|delivered|issued|released)\s+(?:a|an)\s+(?:message|statement|letter|note|warning)\b[^:]*:/u.exec(body.slice(pa, pb));
        if (sm) {
          const st = pa + body.slice(pa, pb).indexOf(sm[2] as string);
          const r = resolveNP(st, st + (sm[2] as string).length, si);
          if (r?.speaker) at = { outlet: null, speaker: r.speaker, secondary: null, verb: 'stated', verbPos: st };
        }
      }
      // "the report" without a verb but with a cited outlet in context ("according to the report" handled above).
      if (at?.outlet) lastOutlet = at.outlet;
      if (at?.speaker) {
        lastAttr = at;
        lastSpeaker = at.speaker;
        lastSpeakerSentence = si;
      }
      if (at?.outlet && !at.speaker) lastSpeakerSentence = -9;

      // Participial reporting clause: ", saying/claiming/warning that ..." → its own claim too.
      PARTICIPLES.lastIndex = 0;
      const pt = PARTICIPLES.exec(masked.slice(pa, pb));
      let partAt: Attribution | null = null;
      if (pt) {
        const subj: Attribution | null = at ?? subjectOf(pa, pa + pt.index, si);
        if (subj) {
          partAt = { ...subj, verb: (pt[1] as string).replace(/^also\s+/, '').replace(/ing$/, 'ed').replace(/ieded$/, 'ied'), verbPos: pa + pt.index };
          if (/^(saying)$/.test(pt[1] as string)) partAt.verb = 'said';
          if (/^claim/.test(pt[1] as string)) partAt.verb = 'claimed';
          if (/^insist/.test(pt[1] as string)) partAt.verb = 'insisted';
          if (/^warn/.test(pt[1] as string)) partAt.verb = 'warned';
          if (/^accus/.test(pt[1] as string)) partAt.verb = 'accused';
          if (/^alleg/.test(pt[1] as string)) partAt.verb = 'alleged';
          if (/^(arguing|suggesting)$/.test(pt[1] as string)) partAt.verb = 'claimed';
          if (/^calling$/.test(pt[1] as string)) partAt.verb = 'called';
        }
      }
      // Relative clause reporting: ", which further noted that ..." → the antecedent outlet.
      const rel = /,\s+which\s+(?:also\s+|further\s+)?(noted|said|added|reported|stressed|claimed|wrote)\s+(?:that\s+)?/i.exec(masked.slice(pa, pb));
      if (rel && pt && rel.index < pt.index) pt.index = Number.MAX_SAFE_INTEGER;
      // ", who denied ...": the named antecedent's own statement, a claim of its own (nested under the clause's speaker).
      const who = rel ? null : WHO_REPORTS.exec(masked.slice(pa, pb));
      let whoAt: Attribution | null = null;
      if (who) {
        const antecedent = mentionsIn(pa, pa + who.index).filter((x) => actors.byKey.get(x.actorKey)?.kind !== 'MEDIA').at(-1);
        const act = antecedent ? actors.byKey.get(antecedent.actorKey) : undefined;
        if (antecedent && act && antecedent.actorKey !== ownKey) {
          const node: AttributionNode = { kind: act.kind === 'PERSON' ? 'PERSON' : 'ORGANIZATION', label: act.canonicalName, actorKey: antecedent.actorKey };
          const verb = who[1] as string;
          const verbPos = pa + who.index + who[0].length - verb.length;
          whoAt = at?.speaker && at.speaker.node.actorKey !== antecedent.actorKey
            ? { outlet: at.outlet, speaker: at.speaker, secondary: node, verb, verbPos }
            : { outlet: at?.outlet ?? null, speaker: { node, expert: isExpert(antecedent.actorKey), plural: act.kind !== 'PERSON' }, secondary: null, verb, verbPos };
          if (pt && pt.index > who.index) pt.index = Number.MAX_SAFE_INTEGER;
        }
      }
      if (rel) {
        const antecedent = resolveNP(pa + Math.max(0, rel.index - 25), pa + rel.index, si);
        const outlet = antecedent?.outlet ?? at?.outlet ?? lastOutlet;
        const mainEnd = pa + rel.index;
        emit(pa, mainEnd, at, si, true);
        emit(mainEnd + 2, pb, { outlet, speaker: null, secondary: null, verb: rel[1] as string, verbPos: mainEnd }, si, false);
      } else if (who && whoAt) {
        emit(pa, pa + who.index, at, si, !at);
        emit(pa + who.index + 2, pb, whoAt, si, false);
      } else if (pt && partAt && pt.index > 0) {
        const mainAt = at ?? partAt; // the sentence is also the speaker's when its main verb is not a reporting verb
        emit(pa, pb, mainAt, si, !at);
        emit(pa + pt.index + 1, pb, partAt, si, false);
        if (!at && partAt.speaker) {
          lastSpeaker = partAt.speaker;
          lastSpeakerSentence = si;
        }
      } else emit(pa, pb, at, si, !at);
      prevAt = at;
    }
  });

  function subjectOf(a: number, b: number, sIdx: number): Attribution | null {
    // The main clause subject: the first NP of the clause (after an intro adverbial ending in a comma).
    const seg = body.slice(a, b);
    const intro = /^(?:[^,]{0,60},\s+)?/.exec(seg)?.[0] ?? '';
    const rest = seg.slice(intro.length);
    const np = /^((?:[\p{L}'’.-]+\s+){0,8}?)(?:has|have|had|was|were|is|are|went|laughed|protested|called|sought|tried|[a-z]+ed)\b/u.exec(rest);
    if (!np || !np[1]) return null;
    const st = a + intro.length;
    const npt = (np[1] as string).replace(/(?:\s+(?:also|further|initially|later|then|again|repeatedly|publicly|reportedly))+\s*$/i, '').trimEnd();
    const r = resolveNP(st, st + npt.length, sIdx);
    if (!r?.speaker) return null;
    return { outlet: null, speaker: r.speaker, secondary: null, verb: null, verbPos: -1 };
  }

  return claims;
}

/** Quoted text replaced by spaces (quote marks kept) so patterns do not fire inside quotations. */
/** Quoted text replaced by underscores (quote marks kept) so patterns do not fire inside quotations. */
export function maskQuotes(body: string, _sentences: SentenceOut[]): string {
  const parts: string[] = [];
  let last = 0;
  for (const [a, b] of quoteSpans(body)) {
    if (a < last) continue;
    parts.push(body.slice(last, a + 1), '_'.repeat(b - a - 2));
    last = b - 1;
  }
  parts.push(body.slice(last));
  return parts.join('');
}

function normaliseAssertion(text: string, at: Attribution | null, a: number): string {
  let t = text.replace(/^(?:according to [^,]{1,120},\s*)/i, '');
  // Trailing attribution ("..., NBC News reported over the weekend."): cut at the clause boundary before it.
  if (at && at.verbPos > a + text.length / 2) {
    const rel = at.verbPos - a;
    const cut = Math.max(text.lastIndexOf(', ', rel), text.lastIndexOf('” ', rel) + 1, text.lastIndexOf('" ', rel) + 1);
    if (cut > 10) t = text.slice(0, cut).replace(/^(?:according to [^,]{1,120},\s*)/i, '');
  }
  t = t.replace(/["“”]/g, '').trim();
  if (!/[.!?]$/.test(t)) t += '.';
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A claim's text without the inline chrome inside it (as written, or with its quotation marks dropped as the claim text drops them). */
function stripChrome(text: string, chrome: string[]): string {
  if (!chrome.length) return text;
  let out = text;
  for (const piece of chrome) out = out.split(piece).join(' ').split(piece.replace(/["“”]/g, '')).join(' ');
  return out.replace(/\s{2,}/g, ' ').replace(/\s+([,.;:!?])/g, '$1').trim();
}
