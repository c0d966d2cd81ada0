// Stage E: merging mentions into actors. Gazetteer entries by canonical name, organisations by
// name (and suffix), people by full name, then surnames, bracketed acronyms and byline names.
import type { ActorKind, AliasKind } from '@claimgraph/shared';
import { NON_NAME, ORG_HEADS, PLACE_HEADS, REPORT_VERBS } from '../gazetteer/lexicon.js';
import type { Lookup } from './lookup.js';
import { sentenceAt, tokenAfter, tokenAt, type MentionIndex } from './mention-index.js';
import { tokenize, translitKey, type Token } from './tokens.js';
import type { NameSeg, Place, Seg } from './typing.js';

export interface DraftMention {
  start: number;
  end: number;
  text: string;
  alias: AliasKind;
  sentence: number;
}
export interface Draft {
  id: string;
  canonical: string;
  kind: ActorKind;
  gaz: boolean;
  mentions: DraftMention[];
}
export interface Merged {
  drafts: Map<string, Draft>;
  /** Titles seen before each person's name, by draft id. */
  titles: Map<string, Set<string>>;
}

/** Countries that share their name with a US state. */
const US_STATE_NAMESAKES = new Set(['Georgia']);
const KIN =
  /\b(?:daughter|son|wife|husband|brother|sister|father|mother|son-in-law|daughter-in-law|widow|uncle|aunt|nephew|niece|cousin)\s+$/;
const SPATIAL_PREP = new Set(
  'in at to from into near outside inside around across toward towards via through of for on over the a an off within'.split(
    ' ',
  ),
);
const AUX = new Set(
  'has have had is was were are will would could can may might must should did does do says said told sent made took gave went came saw knew met began kept held led left won lost struck hit chose'.split(
    ' ',
  ),
);

/** A capital ("Tehran") or a building ("the White House") is an actor only when it acts, not after a spatial preposition. */
export function capitalIsActor(ix: MentionIndex, lk: Lookup, s: Seg): boolean {
  const { tokens, sentOf } = ix;
  const ti = tokenAt(ix, s.start);
  if (ti === undefined) return false;
  let prev = tokens[ti - 1];
  // "the White House said": the article belongs to the name; look one word further back.
  if (s.t === 'gaz' && s.e.kind !== 'STATE' && prev && /^the$/i.test(prev.text)) prev = tokens[ti - 2];
  const ni = tokenAfter(ix, ti, s.end);
  const next = tokens[ni];
  if (prev && SPATIAL_PREP.has(prev.text.toLowerCase()) && sentOf[ti - 1] === sentOf[ti]) return false;
  if (!next || sentOf[ni] !== sentOf[ti]) return true;
  const nt = next.text;
  if (/^[.,;:!?)"”]$/.test(nt))
    return nt !== ',' || !(tokens[ni + 1] && lk.find([(tokens[ni + 1] as Token).text])?.kind === 'STATE');
  const ln = nt.toLowerCase();
  // "White House reporters": the press that covers the building is not the institution ("White House aides" are).
  if (/^(?:reporters|correspondents|press|journalists)$/.test(ln)) return false;
  if (ln === 'and' || ln === 'or' || AUX.has(ln) || REPORT_VERBS[ln]) return true;
  if (/^\p{Ll}+(ed|s)$/u.test(nt) && !PLACE_HEADS.has(ln) && !ORG_HEADS.has(ln)) return true;
  return false;
}

/** A lone unknown word is a person only with a title, or as the subject of a speech or action verb. */
export function singleIsPerson(ix: MentionIndex, s: NameSeg): boolean {
  const word = s.text.toLowerCase();
  // A bare organisation or publication word ("Journal", "Times") is no one.
  if (ORG_HEADS.has(word) || NON_NAME.has(word)) return false;
  if (s.title) return true;
  const { tokens } = ix;
  const ti = tokenAt(ix, s.start) ?? -1;
  // "his daughter Ivanka", "Trump himself".
  if (KIN.test(ix.body.slice(Math.max(0, s.start - 24), s.start))) return true;
  const ni = tokenAfter(ix, ti + 1, s.end);
  const nxt = (tokens[ni]?.text ?? '').toLowerCase();
  const nxt2 = (tokens[ni + 1]?.text ?? '').toLowerCase();
  if (/^(?:himself|herself)$/.test(nxt)) return true;
  return (
    (/^(campaign|cabinet|presidency)$/.test(nxt) && /^\p{Lu}\p{Ll}+$/u.test(s.text)) ||
    !!REPORT_VERBS[nxt] ||
    (/^(also|has|had|then|later|further|initially|reportedly)$/.test(nxt) && !!REPORT_VERBS[nxt2]) ||
    /^(phoned|called|met|visited|spoke|laughed|added|plans|planned|landed|arrived)$/.test(nxt)
  );
}

/**
 * An unknown acronym ("CDC", "IRS") is a body, never a person, where it acts, stands after "the", or is followed
 * by its staff ("CDC officials"); running text writes no one's name in capitals.
 */
export function acronymBody(ix: MentionIndex, s: NameSeg): boolean {
  if (s.title || !/^\p{Lu}{3,6}$/u.test(s.text)) return false;
  const ti = tokenAt(ix, s.start) ?? -1;
  const nxt = (ix.tokens[tokenAfter(ix, ti + 1, s.end)]?.text ?? '').toLowerCase();
  return (
    /^(?:officials?|spokes(?:man|woman|person)|director|chief|agents?|investigators|staff|employees|officers|scientists|researchers)$/.test(
      nxt,
    ) || singleIsPerson(ix, s)
  );
}

/**
 * An untitled name of two or more words that the text only ever writes after "in" or "near" ("appeared in Council
 * Bluffs", "shootings in San Bernardino") is a place the gazetteer does not know, not a person.
 */
function placesNamedAsPeople(ix: MentionIndex, persons: Draft[], titles: Map<string, Set<string>>, places: Place[]) {
  for (const p of persons) {
    if (titles.has(p.id) || !p.canonical.includes(' ') || !p.mentions.length) continue;
    const placeLike = (m: DraftMention) =>
      /\b(?:in|near)\s+$/.test(ix.body.slice(Math.max(0, m.start - 6), m.start)) &&
      // "brought in Reince Priebus, a wonderful guy": a person described as one.
      !/^,?\s+(?:a|an|who|whose)\s/.test(ix.body.slice(m.end, m.end + 8));
    if (!p.mentions.every(placeLike)) continue;
    for (const m of p.mentions) places.push({ start: m.start, end: m.end, text: m.text, sentence: m.sentence });
    p.mentions = [];
  }
}

/** Kind named by an apposition after a name: ", the company …", ", a Turkish state-owned bank", ", the Lebanese news agency". */
export function appositiveOrgKind(after: string): ActorKind | null {
  // The head must end the noun phrase: "Jizan, the group's spokesman" is no group.
  const m =
    /^,\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}?(company|firm|bank|lender|airline|carrier|manufacturer|contractor|conglomerate|news agency|agency|newspaper|daily|broadcaster|network|outlet|website|magazine|militia|group|party|charity|foundation|think tank|organi[sz]ation)\b(?![’'])/iu.exec(
      after,
    );
  return m ? headKind((m[1] as string).toLowerCase()) : null;
}

/** Kind named by a lower-case head noun right before a name: "state news agency NNA", "gas company Burisma". */
export function cueOrgKind(before: string): ActorKind | null {
  const m =
    /\b(company|firm|bank|lender|airline|carrier|manufacturer|news agency|newspaper|broadcaster|network|outlet|website|magazine|militia)\s+$/.exec(
      before,
    );
  return m ? headKind((m[1] as string).toLowerCase()) : null;
}

const CORPORATE_SUFFIX = /,?\s(?:Corp|Corporation|Inc|Co|Ltd|LLC|plc)\.?$/;

function headKind(head: string): ActorKind {
  if (/^(company|firm|bank|lender|airline|carrier|manufacturer|contractor|conglomerate)$/.test(head)) return 'COMPANY';
  if (/^(news agency|newspaper|daily|broadcaster|network|outlet|website|magazine)$/.test(head)) return 'MEDIA';
  if (head === 'militia') return 'ARMED_GROUP';
  return 'ORGANIZATION';
}

/** "NNA" and "National News Agency" in one article are one body: an all-capitals name that spells another's initials joins it. */
export function mergeInitialisms(drafts: Map<string, Draft>): void {
  const initials = (name: string) =>
    name
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
  const long = [...drafts.values()].filter(
    (d) => d.kind !== 'PERSON' && d.kind !== 'STATE' && d.canonical.includes(' '),
  );
  for (const d of drafts.values()) {
    if (!/^\p{Lu}{2,6}$/u.test(d.canonical) || !d.mentions.length) continue;
    const owner = long.find((o) => o !== d && o.mentions.length && initials(o.canonical) === d.canonical);
    if (!owner) continue;
    owner.mentions.push(...d.mentions.map((m) => ({ ...m, alias: 'ACRONYM' as AliasKind })));
    d.mentions = [];
  }
}

export function mergeAliases(
  ix: MentionIndex,
  lk: Lookup,
  segs: Seg[],
  places: Place[],
  bylineNames: string[],
): Merged {
  const { body, sentences } = ix;
  const drafts = new Map<string, Draft>();
  const titles = new Map<string, Set<string>>();
  let nextId = 0;
  const newDraft = (k: string, canonical: string, kind: ActorKind, g: boolean) => {
    let d = drafts.get(k);
    if (!d) {
      d = { id: String(nextId++), canonical, kind, gaz: g, mentions: [] };
      drafts.set(k, d);
    }
    return d;
  };
  const addTitle = (id: string, t: string) => {
    const set = titles.get(id) ?? new Set<string>();
    set.add(t);
    titles.set(id, set);
  };

  const nameSegs: NameSeg[] = [];
  // A country's name that is also the surname of a person in the text ("Jim Jordan" … "Jordan said") is that person.
  const evidenced = new Set(
    segs.flatMap((s) => (s.t === 'gaz' && (s.e.role === 'demonym' || s.e.role === 'capital') ? [s.e.canonical] : [])),
  );
  const surnames = new Set(
    segs
      .filter((s) => s.t === 'name' && !s.kind && s.words.length >= 2)
      .map((s) => translitKey(s.text.split(/\s+/).pop() ?? '')),
  );
  for (const s of segs) {
    if (
      s.t === 'gaz' &&
      s.e.kind === 'STATE' &&
      s.e.role === 'name' &&
      !s.text.includes(' ') &&
      surnames.has(translitKey(s.text))
    ) {
      nameSegs.push({
        t: 'name',
        start: s.start,
        end: s.end,
        text: s.text,
        words: s.words,
        title: null,
        sIdx: s.sIdx,
        kind: null,
        place: false,
      });
      continue;
    }
    if (s.t === 'gaz') {
      // "Georgia" alone is the US state (a place) unless the text also says "Georgian" or "Tbilisi".
      if (
        s.e.kind === 'STATE' &&
        s.e.role === 'name' &&
        US_STATE_NAMESAKES.has(s.e.canonical) &&
        !evidenced.has(s.e.canonical)
      ) {
        places.push({ start: s.start, end: s.end, text: s.text, sentence: s.sIdx });
        continue;
      }
      if (s.e.role === 'capital' && !capitalIsActor(ix, lk, s)) {
        places.push({ start: s.start, end: s.end, text: s.text, sentence: s.sIdx });
        continue;
      }
      // "The Times" after "The New York Times": a one-word masthead is the outlet already named by the longer name.
      const masthead = /^The (\S+)$/.exec(s.e.canonical);
      const named =
        masthead && s.e.kind === 'MEDIA'
          ? [...drafts.values()].find(
              (d) => d.kind === 'MEDIA' && d.canonical.endsWith(` ${masthead[1]}`) && d.canonical !== s.e.canonical,
            )
          : undefined;
      const d = named ?? newDraft('g:' + s.e.canonical, s.e.canonical, s.e.kind, true);
      d.mentions.push({
        start: s.start,
        end: s.end,
        text: s.text,
        alias: named ? 'VARIANT' : s.e.alias,
        sentence: s.sIdx,
      });
    } else nameSegs.push(s);
  }
  // Persons: longest names first so surnames can attach to them.
  const persons: Draft[] = [];
  const personKey = new Map<string, Draft>();
  const orgDrafts: Draft[] = [];
  nameSegs.sort((x, y) => y.words.length - x.words.length || x.start - y.start);
  const singles: NameSeg[] = [];
  for (const s of nameSegs) {
    if (s.kind) {
      // "the Hong Kong government" and "the Hong Kong administration" are one executive; "Dollar General Corp." and
      // "Dollar General" one company.
      const tk = translitKey(s.text.replace(/ administration$/, ' government').replace(CORPORATE_SUFFIX, ''));
      const k = 'o:' + tk;
      // Suffix merge: "National Security" into "Iraqi National Security".
      const same = drafts.get(k);
      let d =
        same ?? orgDrafts.find((o) => translitKey(o.canonical).endsWith(tk) || tk.endsWith(translitKey(o.canonical)));
      if (!d) {
        d = newDraft(k, s.text, s.kind, false);
        orgDrafts.push(d);
      } else if (!same && s.text.length > d.canonical.length && d.kind === s.kind) d.canonical = s.text;
      if (s.kind === 'COMPANY') d.kind = 'COMPANY';
      d.mentions.push({
        start: s.start,
        end: s.end,
        text: s.text,
        alias: d.canonical === s.text ? 'CANONICAL' : 'VARIANT',
        sentence: s.sIdx,
      });
      continue;
    }
    if (s.words.length === 1) {
      singles.push(s);
      continue;
    }
    const full = translitKey(s.text);
    // An untitled name that an organisation of the text bears ("Dollar Tree" after "Dollar Tree Inc.") is that body.
    const bearer = s.title ? undefined : drafts.get('o:' + full);
    if (bearer) {
      bearer.mentions.push({ start: s.start, end: s.end, text: s.text, alias: 'VARIANT', sentence: s.sIdx });
      continue;
    }
    let d = personKey.get(full);
    if (!d) {
      d = newDraft('p:' + full, s.text, 'PERSON', false);
      personKey.set(full, d);
      persons.push(d);
    }
    d.mentions.push({
      start: s.start,
      end: s.end,
      text: s.text,
      alias: d.canonical === s.text ? 'CANONICAL' : 'VARIANT',
      sentence: s.sIdx,
    });
    if (s.title) addTitle(d.id, s.title);
  }
  // A name with a nickname in quotes ("Lewis “Scooter” Libby") is the person named by the nickname or the first names
  // with the surname ("Scooter Libby", "Lewis Libby").
  for (const p of persons) {
    const nick = /^(.+?)\s+["“](\p{Lu}\p{Ll}+)["”]\s+(.+)$/u.exec(p.canonical);
    if (!nick || !p.mentions.length) continue;
    const keys = new Set([translitKey(`${nick[2]} ${nick[3]}`), translitKey(`${nick[1]} ${nick[3]}`)]);
    for (const q of persons)
      if (q !== p && keys.has(translitKey(q.canonical))) {
        p.mentions.push(...q.mentions.map((m) => ({ ...m, alias: 'VARIANT' as AliasKind })));
        q.mentions = [];
      }
  }
  // A surname with its particle ("Mr. Abu Khattalah", "de Blasio") is the person whose full name ends with it.
  for (const p of persons) {
    if (!/^(?:abu|al|el|bin|ibn|van|von|de|da|del|di|du|le|la)[\s-]/i.test(p.canonical) || !p.mentions.length) continue;
    const words = (name: string, n: number) => name.split(/\s+/).slice(-n).map(translitKey).join(' ');
    const n = p.canonical.split(/\s+/).length;
    const full = persons.find(
      (q) =>
        q !== p &&
        q.mentions.length &&
        q.canonical.split(/\s+/).length > n &&
        words(q.canonical, n) === words(p.canonical, n),
    );
    if (!full) continue;
    full.mentions.push(...p.mentions.map((m) => ({ ...m, alias: 'SURNAME' as AliasKind })));
    p.mentions = [];
  }
  // Single words: a known person's surname, else a person only with a title or a verb after it.
  singles.sort((x, y) => x.start - y.start);
  const surnameOf = (d: Draft) => translitKey(d.canonical.split(/\s+/).pop() ?? '');
  const bySurname = new Map<string, Draft>();
  // "Mohammed bin Salman": the last word is a father's name, so a lone "Salman" is someone else (King Salman).
  for (const p of persons)
    if (!bySurname.has(surnameOf(p)) && !/\s(?:bin|ibn|ben|bint)\s\S+$/i.test(p.canonical))
      bySurname.set(surnameOf(p), p);
  // Family name first ("Mao Ning" → "Mao"), only where no family-name-last match exists.
  for (const p of persons) {
    const first = translitKey(p.canonical.split(/\s+/)[0] ?? '');
    if (p.canonical.split(/\s+/).length === 2 && !bySurname.has(first)) bySurname.set(first, p);
  }
  // "the Times" after "The New York Times": an outlet named again by the last word of its name.
  const byMasthead = new Map<string, Draft>();
  for (const d of drafts.values())
    if (d.kind === 'MEDIA' && d.canonical.split(/\s+/).length >= 2) byMasthead.set(surnameOf(d), d);
  // "ABC" after "ABC News", "CBS" after "CBS Radio": a broadcaster named again by its brand, without the medium.
  const byBrand = new Map<string, Draft>();
  for (const d of drafts.values()) {
    const m = /^(\S+)\s+(?:News|TV|Television|Radio|Network)$/.exec(d.canonical);
    if (d.kind === 'MEDIA' && m) byBrand.set(translitKey(m[1] as string), d);
  }
  for (const s of singles) {
    const key = translitKey(s.text);
    const masthead = /\bthe\s+$/.test(body.slice(Math.max(0, s.start - 4), s.start))
      ? byMasthead.get(key)
      : !bySurname.has(key)
        ? byBrand.get(key)
        : undefined;
    if (masthead) {
      masthead.mentions.push({ start: s.start, end: s.end, text: s.text, alias: 'VARIANT', sentence: s.sIdx });
      continue;
    }
    let d = bySurname.get(key) ?? personKey.get(key);
    if (!d) {
      const org =
        appositiveOrgKind(body.slice(s.end, s.end + 80)) ?? cueOrgKind(body.slice(Math.max(0, s.start - 30), s.start));
      if (org) {
        // "Burisma, the company that …", "Halkbank, a Turkish government-controlled bank".
        const o = newDraft('o:' + key, s.text, org, false);
        personKey.set(key, o); // later bare mentions join it
        o.mentions.push({ start: s.start, end: s.end, text: s.text, alias: 'CANONICAL', sentence: s.sIdx });
        continue;
      }
      if (acronymBody(ix, s)) {
        // "the CDC said", "IRS officials": a body; later bare mentions join it.
        const o = newDraft('o:' + key, s.text, 'ORGANIZATION', false);
        personKey.set(key, o);
        o.mentions.push({ start: s.start, end: s.end, text: s.text, alias: 'CANONICAL', sentence: s.sIdx });
        continue;
      }
      if (!singleIsPerson(ix, s)) continue; // may still match a surname in the second pass
      d = newDraft('p:' + key, s.text, 'PERSON', false);
      personKey.set(key, d);
      persons.push(d);
    }
    d.mentions.push({
      start: s.start,
      end: s.end,
      text: s.text,
      alias: s.title ? 'TITLE' : d.canonical === s.text ? 'CANONICAL' : 'SURNAME',
      sentence: s.sIdx,
    });
    if (s.title) addTitle(d.id, s.title);
  }
  // A second pass: single words that appeared before their person was known.
  for (const s of singles) {
    const key = translitKey(s.text);
    const d = bySurname.get(key) ?? personKey.get(key);
    if (d && !d.mentions.some((m) => m.start === s.start))
      d.mentions.push({ start: s.start, end: s.end, text: s.text, alias: 'SURNAME', sentence: s.sIdx });
  }

  mergeInitialisms(drafts);
  placesNamedAsPeople(ix, persons, titles, places);

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
    const gz = lk.find([acr]);
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
        owner.mentions.push({
          start: am.index,
          end: am.index + acr.length,
          text: acr,
          alias: 'ACRONYM',
          sentence: sentenceAt(sentences, am.index),
        });
      }
    }
  }

  // Byline names are people.
  for (const n of bylineNames) {
    if (lk.find(tokenize(n).map((t) => t.text))) continue;
    if (!/^\p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u.test(n)) continue;
    const key = translitKey(n);
    if (!personKey.has(key)) {
      const d = newDraft('p:' + key, n, 'PERSON', false);
      personKey.set(key, d);
      const at = body.indexOf(n);
      if (at >= 0)
        d.mentions.push({
          start: at,
          end: at + n.length,
          text: n,
          alias: 'CANONICAL',
          sentence: sentenceAt(sentences, at),
        });
    }
  }
  return { drafts, titles };
}
