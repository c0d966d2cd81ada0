// Stage 3: named actors, as a pipeline of named stages (each with its own tests in test/actors-*.test.ts):
//   indexMentions → candidateSpans → trimObligatoryCaps → typeCandidates → dropJunk → mergeAliases → roles → output.
import type { AliasKind, ExtractedActor, Mention } from '@claimgraph/shared';
import type { SentenceOut } from '../sentences.js';
import { isReaderPrompt } from '../claims/text.js';
import { candidateSpans, trimObligatoryCaps, type Candidate } from './candidates.js';
import { dropJunk } from './filters.js';
import { makeLookup } from './lookup.js';
import { indexMentions, type MentionIndex } from './mention-index.js';
import { appositiveOrgKind, mergeAliases, type Draft } from './merge.js';
import type { Token } from './tokens.js';
import { lowercaseTitles, typeCandidates } from './typing.js';

export { sentenceAt } from './mention-index.js';

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

type Role = ActorIndex['roles'][number];

const ROLE_HEADS =
  /^(?:the |a |an )?((?:former |deputy |acting |vice |interim |assistant |top |senior |chief |second-in-command |self-styled |supreme )*(?:[\p{L}-]+ )?(?:head|leader|chief|commander|deputy|president|director|founder|spokesman|spokeswoman|envoy|ambassador|minister|secretary|chairman|adviser|advisor|expert|analyst|official|general|coordinator|emir|ruler|governor|mayor|ceo|member|veteran|correspondent))\b/iu;

export function findActors(
  body: string,
  sentences: SentenceOut[],
  opts: { outlet?: string; bylineNames: string[]; skip?: { start: number; end: number }[] },
): ActorIndex {
  const lk = makeLookup(opts.outlet);
  // Lines addressed to the reader ("Want the best from X in your inbox?") name no actor of the story.
  const prompts = sentences.filter((s) => isReaderPrompt(s.text)).map((s) => ({ start: s.start, end: s.end }));
  const ix = indexMentions(body, sentences, prompts.length ? [...(opts.skip ?? []), ...prompts] : opts.skip);
  const candidates = candidateSpans(ix, lk)
    .map((c) => trimObligatoryCaps(ix, lk, c))
    .filter((c): c is Candidate => c !== null);
  const typed = typeCandidates(ix, lk, candidates);
  const segs = dropJunk(ix, lk, typed.segs, typed.places);
  lowercaseTitles(ix, segs);
  const { drafts, titles } = mergeAliases(ix, lk, segs, typed.places, opts.bylineNames);
  const roles = appositions(ix, drafts);
  return output(ix, drafts, titles, roles, typed.places);
}

/** Appositive kinds and roles: "Name, the private airline", "Name, the deputy head of ...". */
export function appositions(ix: MentionIndex, drafts: Map<string, Draft>): Role[] {
  const roles: Role[] = [];
  for (const d of drafts.values()) {
    for (const m of d.mentions) {
      const after = ix.body.slice(m.end, m.end + 120);
      const ap = /^,\s+(?:\d+,\s+)?([^,.;]{3,100})/u.exec(after);
      if (!ap) continue;
      const phrase = ap[1] as string;
      if (
        /^(?:the |a |an )?(?:[\p{L}-]+ )?(airline|carrier|company|firm|manufacturer|group|militia|newspaper|daily|broadcaster|agency)\b/iu.test(
          phrase,
        ) &&
        d.kind === 'PERSON' &&
        d.mentions.length <= 3
      ) {
        d.kind = /(airline|carrier|company|firm|manufacturer)/i.test(phrase)
          ? 'COMPANY'
          : /(militia|group)/i.test(phrase)
            ? 'ARMED_GROUP'
            : /(newspaper|daily|broadcaster)/i.test(phrase)
              ? 'MEDIA'
              : 'ORGANIZATION';
      } else if (d.kind === 'PERSON' && d.mentions.length <= 3) d.kind = appositiveOrgKind(after) ?? d.kind; // "NNA, the Lebanon news agency"
      const r = ROLE_HEADS.exec(phrase);
      if (r && d.kind === 'PERSON')
        roles.push({
          actorKey: d.id,
          role: (r[1] as string).toLowerCase(),
          text: phrase,
          sentence: m.sentence,
          start: m.end + 2,
          end: m.end + 2 + phrase.length,
        });
    }
  }
  return roles;
}

function output(
  ix: MentionIndex,
  drafts: Map<string, Draft>,
  titles: Map<string, Set<string>>,
  roles: Role[],
  places: ActorIndex['places'],
): ActorIndex {
  dropNested(drafts);
  const list = [...drafts.values()].filter((d) => d.mentions.length > 0);
  for (const d of list) d.mentions.sort((x, y) => x.start - y.start);
  list.sort((x, y) => (x.mentions[0]?.start ?? 0) - (y.mentions[0]?.start ?? 0));
  const keyMap = new Map<string, string>();
  const actors: ExtractedActor[] = list.map((d, i) => {
    const key = `a${i}`;
    keyMap.set(d.id, key);
    const seen = new Set<string>();
    const aliases: ExtractedActor['aliases'] = [];
    for (const m of d.mentions) {
      if (seen.has(m.text)) continue;
      seen.add(m.text);
      aliases.push({
        alias: m.text,
        kind: m.text === d.canonical ? 'CANONICAL' : m.alias === 'CANONICAL' ? 'VARIANT' : m.alias,
      });
    }
    return {
      key,
      canonicalName: d.canonical,
      kind: d.kind,
      aliases,
      mentions: d.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    };
  });
  const mentions: MentionRec[] = [];
  for (const d of list)
    for (const m of d.mentions)
      mentions.push({
        start: m.start,
        end: m.end,
        text: m.text,
        actorKey: keyMap.get(d.id) as string,
        aliasKind: m.alias,
        sentence: m.sentence,
      });
  mentions.sort((x, y) => x.start - y.start);
  const t2 = new Map<string, Set<string>>();
  for (const [id, set] of titles) if (keyMap.has(id)) t2.set(keyMap.get(id) as string, set);
  const outRoles = roles
    .filter((r) => keyMap.has(r.actorKey))
    .map((r) => ({ ...r, actorKey: keyMap.get(r.actorKey) as string }));
  return {
    actors,
    mentions,
    places,
    titles: t2,
    roles: outRoles,
    byKey: new Map(actors.map((a) => [a.key, a])),
    tokens: ix.tokens,
  };
}

/**
 * Longest match: a mention inside another actor's longer mention ("France" in "Agence France-Presse") is part of
 * that name, not a mention of its own.
 */
function dropNested(drafts: Map<string, Draft>): void {
  const all = [...drafts.values()].flatMap((d) => d.mentions.map((m) => ({ d, m })));
  all.sort((x, y) => x.m.start - y.m.start || y.m.end - x.m.end);
  const nested = new Set<object>();
  let cover: { d: Draft; end: number } | null = null;
  for (const { d, m } of all) {
    if (cover && m.end <= cover.end && cover.d !== d) nested.add(m);
    else if (!cover || m.end > cover.end) cover = { d, end: m.end };
  }
  if (!nested.size) return;
  for (const d of drafts.values()) d.mentions = d.mentions.filter((m) => !nested.has(m));
}
