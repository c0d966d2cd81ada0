// Stage 6: claims. Every content sentence is a claim of the outlet; reporting patterns add the cited outlet,
// channel, speaker and secondary sources to its attribution chain (outermost first). Named stages, each with its
// own tests (test/claims-*.test.ts):
//   splitClauses → attribute (frames.ts: findFrame; speakers.ts: resolveSource; nested frames) or carriedFrame
//   → remember (discourse) → clauseClaims (sub-claims) → chainOf → text (assertionText, stripChrome) → claim.
import type { AttributionNode, ClaimSlot, ExtractedClaim, ExtractedEvent } from '@claimgraph/shared';
import type { ActorIndex } from '../actors/index.js';
import type { DateMention } from '../dates.js';
import { quoteSpans } from '../quotes.js';
import type { SentenceOut } from '../sentences.js';
import {
  attribute,
  blockFrame,
  carriedFrame,
  chainOf,
  embeddedPosts,
  inTurn,
  keepChannel,
  remember,
  transcriptTurns,
  underBlock,
} from './chain.js';
import { backgroundSpans, clauseClaims, splitClauses, type ClaimSpan } from './clauses.js';
import {
  freshDiscourse,
  mentionsIn,
  outletNode,
  readingOf,
  type Attribution,
  type Discourse,
  type Reading,
  type Speaker,
} from './context.js';
import { resolveSource } from './speakers.js';
import { modalitySieve, modalityWhy } from './modality.js';
import { opinionSection, pieceVoice } from './voice.js';
import { extractSlots, type SlotContext } from './slots.js';
import { assertionText, isFragment, stripChrome, trimSpan } from './text.js';

export interface ClaimContext {
  body: string;
  sentences: SentenceOut[];
  actors: ActorIndex;
  events: ExtractedEvent[];
  dates: DateMention[];
  outlet: string | null;
  /** The article's address, when known: its section may say the piece is an opinion. */
  url?: string | null;
  /** Inline page chrome inside body lines (related-headline hover cards): kept for offsets, never claim text. */
  chrome?: { start: number; end: number }[];
}

export function findClaims(ctx: ClaimContext): ExtractedClaim[] {
  const r = readingOf(ctx.body, ctx.sentences, ctx.actors, ctx.outlet);
  const disc = freshDiscourse();
  const claims: ExtractedClaim[] = [];
  const emit = claimMaker(r, ctx);
  let block: { at: Attribution; line: number } | null = null;
  const turns = transcriptTurns(r);
  let turn: Speaker | null = null; // the transcript's speaker until the next label
  const posts = embeddedPosts(r, disc);
  ctx.sentences.forEach((s, si) => {
    if (s.lineKind !== 'body') return;
    if (block && s.line !== block.line) block = null;
    turn = turns.get(si) ?? turn;
    let prevAt: Attribution | null = null;
    for (const [pa, pb] of splitClauses(r, s)) {
      let at: Attribution | null = attribute(r, disc, pa, pb, si) ?? carriedFrame(r, disc, pa, pb, si, prevAt);
      if (block) at = underBlock(block.at, at);
      else {
        const opens = pb === s.end ? blockFrame(r, si, at) : null;
        if (opens) block = { at: opens, line: (r.sentences[si + 1] as SentenceOut).line };
      }
      const post = posts.get(si);
      if (post) at = inTurn(post, at);
      else if (turn) at = inTurn(turn, at);
      else at = keepChannel(r, disc, at, pa, pb, si);
      remember(disc, at, si);
      const { spans, speaker } = clauseClaims(r, disc, pa, pb, si, at);
      if (at) spans.push(...backgroundSpans(r, pa, pb));
      for (const span of spans) {
        const c = emit(span, si);
        if (c) claims.push(c);
      }
      if (speaker) {
        disc.lastSpeaker = speaker;
        disc.lastSpeakerSentence = si;
      }
      prevAt = at;
    }
    channelAfter(r, disc, s, claims);
  });
  signedExcerpts(r, claims);
  return claims;
}

// A signature after an excerpt: a person's name (or an editorial board) and the outlet it ran in, ending the line
// right after the excerpt's closing quote ("... opposing impeachment.” Edward B. Foley, Politico").
const SIGNER = String.raw`((?:\p{Lu}[\p{L}'’-]*\.?\s+){1,3}\p{Lu}[\p{L}'’-]+|Editorial Board),\s+(?:the\s+)?\p{Lu}[^,;:“”"]{1,40}?\.?\s*$`;
const SIGNATURE = new RegExp(String.raw`^\s*(?:[—–-]+\s*)?` + SIGNER, 'u');
const SIGNATURE_AFTER_QUOTE = new RegExp(String.raw`[”"]\s+` + SIGNER, 'u');

/**
 * An excerpt signed after it ("“...”" then "Daniel W. Drezner, Washington Post" at the line's end): the quoted claims
 * of the excerpt's line, given no source, are the writer's in that outlet (`[own > Washington Post > Daniel W.
 * Drezner]`; an editorial board is the outlet's own voice). Only where an outlet ends the line.
 */
function signedExcerpts(r: Reading, claims: ExtractedClaim[]): void {
  r.sentences.forEach((s, si) => {
    const prev = r.sentences[si - 1];
    const next = r.sentences[si + 1];
    if (s.lineKind !== 'body' || (next && next.line === s.line)) return;
    let sigAt = s.start;
    let sig = SIGNATURE.exec(s.text);
    if (sig) {
      // Its own sentence after the excerpt's closing quote.
      if (!prev || prev.line !== s.line || !/[”"]\s*$/.test(prev.text)) return;
    } else {
      sig = SIGNATURE_AFTER_QUOTE.exec(s.text);
      if (!sig) return;
      sigAt = s.start + sig.index + sig[0].indexOf(sig[1] as string);
    }
    const name = sig[1] as string;
    const nameAt = s.start + sig.index + sig[0].indexOf(name);
    const nameEnd = nameAt + name.length;
    const media = r.mediaMentions.find((m) => m.start >= nameEnd && m.end <= s.end);
    if (!media || !/^\W*$/.test(r.body.slice(media.end, s.end))) return;
    const person = mentionsIn(r, nameAt, nameEnd).find((m) => r.actors.byKey.get(m.actorKey)?.kind === 'PERSON');
    const writer: AttributionNode | null =
      name === 'Editorial Board'
        ? null
        : person
          ? {
              kind: 'PERSON',
              label: r.actors.byKey.get(person.actorKey)?.canonicalName ?? name,
              actorKey: person.actorKey,
            }
          : { kind: 'PERSON', label: name.trim() };
    const from = (r.sentences.find((x) => x.line === s.line) as SentenceOut).start;
    const outlet = outletNode(r, media);
    for (const c of claims) {
      if (c.evidence.start < from || c.evidence.start >= sigAt || c.attribution.length !== 1) continue;
      if (!/[“”"]/.test(r.body.slice(c.evidence.start, Math.min(c.evidence.end, sigAt)))) continue;
      c.attribution.push(outlet, ...(writer ? [writer] : []));
    }
  });
}

// "He spoke to The Associated Press on condition of anonymity": the wire convention names an unnamed source's channel after its words.
const ANON_CHANNEL =
  /^\s*(?:he|she|they|the\s+\w+)\s+(?:spoke|talked|was\s+speaking|were\s+speaking)\s+(?:to|with)\s+(.{2,60}?)\s+on\s+(?:the\s+)?condition\s+of\s+anonymity\b/i;

/**
 * A sentence naming the channel of the last speaker after the fact: the speaker's claims emitted since it was
 * introduced, with no outlet of their own, get that outlet as the hop before the speaker.
 */
function channelAfter(r: Reading, disc: Discourse, s: SentenceOut, claims: ExtractedClaim[]): void {
  const m = ANON_CHANNEL.exec(s.text);
  const speaker = disc.lastSpeaker?.node;
  if (!m || !speaker) return;
  const st = s.start + m.index + m[0].indexOf(m[1] as string, m[0].indexOf(' to') + 1);
  const outlet = resolveSource(r, disc, st, st + (m[1] as string).length, -1)?.outlet;
  if (!outlet) return;
  for (let i = claims.length - 1; i >= 0; i--) {
    if ((claims[i] as ExtractedClaim).evidence.start >= s.start) continue; // the naming sentence's own claim
    const chain = (claims[i] as ExtractedClaim).attribution;
    const last = chain[chain.length - 1];
    if (chain.length !== 2 || last?.label !== speaker.label) break;
    chain.splice(1, 0, outlet);
  }
}

/** Builds the claim of one span: its text, chain, modality, actors, slots and event. */
function claimMaker(r: Reading, ctx: ClaimContext): (span: ClaimSpan, sIdx: number) => ExtractedClaim | null {
  const { body, actors } = r;
  const slotCtx: SlotContext = { arrival: null };
  const voice = pieceVoice(body);
  const argued = voice === 'argued' || opinionSection(ctx.url);
  const leaning = !argued && voice === 'leaning';
  const eventsBySentenceStart = new Map<number, ExtractedEvent[]>();
  for (const e of ctx.events) {
    const l = eventsBySentenceStart.get(e.surface.start);
    if (l) l.push(e);
    else eventsBySentenceStart.set(e.surface.start, [e]);
  }
  const datesBySentence = new Map<number, DateMention[]>();
  for (const d of ctx.dates) {
    const l = datesBySentence.get(d.sentence);
    if (l) l.push(d);
    else datesBySentence.set(d.sentence, [d]);
  }
  const eventFor = (a: number, sIdx: number): string | null => {
    const list = eventsBySentenceStart.get((r.sentences[sIdx] as SentenceOut).start) ?? [];
    const ev =
      list.find((e) => e.surface.end > a && !e.background && e.type !== 'STATEMENT') ??
      list.find((e) => e.surface.end > a);
    return ev?.key ?? null;
  };

  return (span, sIdx) => {
    const trimmed = trimSpan(body, span.a, span.b);
    if (!trimmed) return null;
    const [a, b] = trimmed;
    const at = span.at;
    const raw = body.slice(a, b); // offsets (slots, the reporting verb) are read in the body's text
    const chrome = (ctx.chrome ?? [])
      .filter((c) => c.end > a && c.start < b)
      .map((c) => body.slice(Math.max(a, c.start), Math.min(b, c.end)));
    const text = stripChrome(raw, chrome);
    if (isFragment(text)) return null;
    const chain = chainOf(r, at);
    let quoteWords = 0;
    for (const [qa, qb] of quoteSpans(text)) quoteWords += (text.slice(qa + 1, qb - 1).match(/\S+/g) ?? []).length;
    if (at?.spoken) quoteWords = (text.match(/\S+/g) ?? []).length;
    const [modality, sieve] = modalityWhy(
      text,
      at ? { verb: at.verb, attributed: !!at.speaker, expert: !!at.speaker?.expert, viaOutlet: !!at.outlet } : null,
      quoteWords,
      span.ownText,
      argued,
      leaning,
    );
    const seen = new Set<string>();
    const claimActors: ExtractedClaim['actors'] = [];
    const vp = at?.verbPos ?? -1;
    for (const mm of mentionsIn(r, a, b)) {
      if (seen.has(mm.actorKey) || mm.actorKey === r.ownKey) continue;
      if (chain.some((n) => n.actorKey === mm.actorKey) && at?.outlet?.actorKey === mm.actorKey) continue;
      seen.add(mm.actorKey);
      claimActors.push({
        actorKey: mm.actorKey,
        role:
          vp >= 0 && mm.start < vp && at?.speaker?.node.actorKey === mm.actorKey
            ? 'SUBJECT'
            : claimActors.length === 0
              ? 'SUBJECT'
              : 'MENTIONED',
      });
    }
    const slots: ClaimSlot[] = extractSlots(
      raw,
      a,
      { actors, dates: datesBySentence.get(sIdx) ?? [], chain, atVerbPos: vp },
      slotCtx,
      sIdx,
    );
    const claim: ExtractedClaim = {
      key: `c${a}-${b}`,
      text: stripChrome(assertionText(raw, at, a), chrome),
      evidence: { start: a, end: b },
      attribution: chain,
      modality,
      actors: claimActors,
      eventKey: eventFor(a, sIdx),
      slots,
    };
    modalitySieve.set(claim, sieve);
    return claim;
  };
}
