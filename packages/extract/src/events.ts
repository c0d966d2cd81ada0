// Stage 5: events. One event per dated expression, plus one per undated sentence with an event trigger.
// A date in a reporting clause ("..., officials said on Monday") dates the report, not the happening reported.
import type { EventRole, EventType, ExtractedEvent } from '@claimgraph/shared';
import type { ActorIndex, MentionRec } from './actors/index.js';
import { baseGazetteer } from './actors/gazetteer-index.js';
import type { DateMention } from './dates.js';
import { REPORT_VERBS } from './gazetteer/lexicon.js';
import type { SentenceOut } from './sentences.js';

// A debate between candidates, the noun after a determiner or a possessive and up to two modifiers of a closed list
// ("Thursday's debate", "the first debate on Oct. 3", "a Republican presidential debate"), is a statement; a policy
// debate ("the debate over guns", "begin debate on the bill", "a national debate", "today's debate"), a compound ("debate
// prep", "the debate stage") and the verb ("will debate") are not.
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const DEBATE_MODIFIER = `(?:first|second|third|fourth|fifth|final|last|next|opening|upcoming|presidential|vice[- ]presidential|primary|Democratic|Republican|GOP|televised|prime-?time|Senate|gubernatorial|mayoral|\\d+(?:st|nd|rd|th)|${WEEKDAY}|night|morning|evening|afternoon|[\\p{L}-]+['’]s?)`;
const DEBATE = `(?<=\\b(?:the|a|an|this|that|his|her|their|its|(?!today['’])[\\p{L}-]+['’]s?)\\s+(?:${DEBATE_MODIFIER}\\s+){0,2})debates?(?!\\s+(?:over|about|of|within|among|around|prep|preparations?|stage|moderators?|coach|team|rules|commission|format|schedule|qualif\\w*|threshold|season|watch\\w*|part(?:y|ies))\\b|\\s+on\\s+(?!(?:${WEEKDAY}|Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec|\\d)))`;

// Nouns of a saying that type a date only beside it ("Bachmann's announcement Wednesday", "Thursday night's GOP debate",
// "the first debate on Oct. 3", "an op-ed last week"), never the sentence or the clause: elsewhere they name no happening
// of the date ("before the debate, and that's where he'll be tomorrow", "the last debate before Iowa's caucus on
// February 3rd").
const SAYING_NOUN = new RegExp(`\\b(?:announcement|op-ed|${DEBATE})\\b`, 'giu');
// At most two words between noun and date, none of them a preposition that anchors the date on something else.
const SAYING_GAP =
  /^(?:['’]s)?(?:\s+(?!(?:before|after|until|since|ahead|prior|following|of|by|from)\b)[\p{L}'’-]+){0,2}\s+$/iu;
const DATE_ANCHOR = /\b(?:before|after|since|following|until|ahead of|prior to)\b/i;

/**
 * Whether a noun of `nouns` (a global pattern) stands right before the date, `gap` between, or right after it, which
 * then dates what the noun names. With `modifies`, a date before the noun counts only as its modifier: after a
 * determiner or with a possessive ("the 2016 election", "Tuesday's vote", "its Tuesday primary"), not a bare date
 * that ends a clause before the next one's subject ("said Monday elections should ...").
 */
function nounBeside(nouns: RegExp, text: string, ds: number, de: number, gap = SAYING_GAP, modifies = false): boolean {
  // A date anchored on another happening ("a day before the committee meets") is not the noun's.
  if (DATE_ANCHOR.test(text.slice(ds, de))) return false;
  const from = Math.max(0, ds - 60);
  const window = text.slice(from, Math.min(text.length, de + 50));
  const modifier =
    !modifies ||
    /^(?:the|this|that|last|next|its|his|her|their|a|an)\s/i.test(text.slice(ds, de)) ||
    /^['’]s\b/u.test(text.slice(de)) ||
    /\b(?:the|this|that|its|his|her|their|a|an)\s+$/i.test(text.slice(Math.max(0, ds - 8), ds));
  nouns.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = nouns.exec(window)) !== null) {
    const a = from + m.index;
    const b = a + m[0].length;
    // A word in capitals between is no modifier but a run-in line ("... veterans' votes MORE on Monday suggested").
    if (b <= ds && gap.test(` ${text.slice(b, ds)}`) && !/\b\p{Lu}{2,}\b/u.test(text.slice(b, ds))) return true;
    if (a >= de && modifier && gap.test(text.slice(de, a))) return true;
  }
  return false;
}

/** Whether a noun of a saying stands right before or after the date, which then dates the saying. */
export const sayingBeside = (text: string, ds: number, de: number) => nounBeside(SAYING_NOUN, text, ds, de);

// Votes and elections are happenings of their own, the gold's other, whatever else the clause names ("interference
// in the 2016 election", "Feinstein said of today's vote", "a plan scheduled for a vote Friday"); not as the modifier
// of another happening ("a caucus meeting Wednesday", "the Houston primary debate in September"). A deadline is the
// gold's other too ("ahead of Friday's filing deadline", "a March 1 deadline to reach a deal").
const BALLOT_NOUN =
  /\b(?:elections?|re-?election|votes?|primar(?:y|ies)|caucus(?:es)?|runoffs?|referend(?:um|ums|a)|midterms?|deadlines?)\b(?!\s+(?:debates?|meetings?|forums?|town halls?|rall(?:y|ies)|speech(?:es)?|interviews?|ads?)\b)/giu;

// What may stand between a vote and its date: a preposition, a time of day, a schedule word, a word of its outcome.
const BALLOT_GAP =
  /^(?:['’]s)?(?:\s+(?:on|in|at|late|early|earlier|later|this|last|next|set|scheduled|slated|expected|planned|held|was|were|is|are|be|will|due|for|day|night|results?|contest|campaign|season|cycle|challenges?|winner|victory|returns|count|[\p{L}-]+al|GOP|Democratic|Republican|congressional|midterm|general|special|presidential|mayoral|gubernatorial|Senate|House|state|party|leadership|recall|final|first|second|procedural|confirmation|roll-call|floor)){0,2}\s+$/iu;

// A shooting, the noun ("last week's shooting in Kansas City", "the shooting Wednesday morning", "the El Paso shooting in
// August"), is an attack; not the verb ("was shooting", "shooting an unarmed man"), a compound ("shooting range", "the
// shooting victims"), a police shooting or a shooting death (one man killed: "the Aug. 9 shooting death of Michael Brown").
const SHOOTING_NOUN =
  /(?<!\b(?:was|were|is|are|been|be|being|started|began|stop(?:ped)?|kept|keep|while|him|her|them|for|about|by|of|from|and|police)\s+)\bshootings?\b(?!\s+(?:at|up|for|him|her|them|it|an?|the|his|their|victims?|survivors?|suspects?|witness(?:es)?|death\b|range|ads?|guard|star|gallery|script|schedule|season|sports?|hoops|down|back|video|film|photos?|pictures?)\b)/giu;

/** Whether a shooting stands right before or after the date, which then dates it (an attack). */
export const shootingBeside = (text: string, ds: number, de: number) =>
  nounBeside(SHOOTING_NOUN, text, ds, de, SAYING_GAP, true);

/** Whether a vote or an election stands right before or after the date, which then dates it. */
export const ballotBeside = (text: string, ds: number, de: number) =>
  nounBeside(BALLOT_NOUN, text, ds, de, BALLOT_GAP, true);

// Trigger words, in priority order (the first type found wins).
const TRIGGERS: [EventType, RegExp][] = [
  ['CRASH', /\b(crash(?:ed|es)?|shot down|downed|went down)\b/i],
  ['PROTEST', /\b(protest(?:s|ed|ers)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied))\b/i],
  [
    'STRIKE',
    /\b(air ?strikes?|drone strikes?|missile strikes?|strikes?|struck|air assault|bomb(?:ed|ing|ings)|shell(?:ed|ing)|launch(?:ed|es)? (?:\w+ )?(?:missiles|rockets|drones)|missiles? (?:at|into|against)|fired (?:\w+ )?missiles?)\b/i,
  ],
  // A compound's second half ("rule-killing resolutions", "job-killing taxes") kills no one.
  [
    'KILLING',
    /(?<!-)\b(kill(?:ed|ing|s)?|assassinat(?:ed|ion)|murder(?:ed)?|executed|death|behead(?:ed|ing|ings|s)?)\b/i,
  ],
  [
    'ATTACK',
    // "a heart attack", "panic attacks" are illnesses, no violence.
    /\b((?<!\b(?:heart|panic|asthma)\s)attack(?:s|ed)?|stormed(?! (?:out|off)\b)|raid(?:s|ed)?|ambush(?:ed)?|rocket attacks?|launched rockets)\b/i,
  ],
  ['INVESTIGATION', /\b(investigat(?:e|es|ed|ion|ing)|probe|inquiry|looking into)\b/i],
  [
    'COORDINATION',
    /\b(coordinat(?:e|es|ed|ing|ion)|deconfliction|cooperat(?:e|ed|ion)|tip(?:ped)? off|notify|notified)\b/i,
  ],
  ['MEETING', /\b(met|meet(?:s|ing)?|phoned|phone call|talks|summit|visit(?:ed)?|call(?:ed)? with)\b/i],
  // Acts of courts, prosecutors, police and legislatures are happenings of their own, not statements ('In a
  // 20 December ruling, the judge said'; 'prosecutors charged the bank on Oct. 15 with fraud').
  [
    'OTHER',
    /\b(rul(?:ing|ed)|upheld|overturned|sued|lawsuit|indict(?:ed|ment)|sentenced|convicted|acquitted|arrest(?:s|ed)?|took (?:\w+ )?into custody|(?<!-)charged(?!(?:\s+\S+){0,3}?\s+that\b)|voted (?:on|for|against|to)|(?:to|will|would|could|not) vote (?:on|for|against)|(?<!-)(?:passed|approved) (?:(?:the|a|an|its|their) )?(?:\w+ )?(?:bill|law|legislation|measure|resolution)|signed (?:(?:\w+ ){0,2}?into law|(?:the|a|an|its|his|her|their) (?:[\w-]+ ){0,2}?(?:bill|law|legislation|measure|order|treaty|accord))|confirmed by the (?:Senate|House|parliament)|(?<!-)filed (?:(?:a|an|the|his|her|its|their) )?(?:[\w-]+ ){0,2}?(?:lawsuit|suit|complaint|motion|petition|appeal|charges)|took office)\b/iu,
  ],
  [
    'STATEMENT',
    new RegExp(
      `\\b(${Object.keys(REPORT_VERBS)
        .filter((v) => REPORT_VERBS[v] !== 'opinion')
        .join(
          '|',
        )}|statement|tweet(?:ed)?|spoke|memo(?:randum)?|testimony|testified|interview|remarks|speech|address|briefing|press conference|news conference|letter)\\b`,
      'i',
    ),
  ],
  // A trip (a visit that meets no one, blanked to underscores by `withoutTrips`) is a happening of its own, the gold's
  // other, when nothing else in its clause or sentence is.
  ['OTHER', /\b_{5,}\b/],
];

// A toll of the dead: a count of people killed ("killed at least 20 people", "six staff members were killed").
const TOLL_NUMBER =
  '(?:\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|dozens|scores|(?:a|two|three) dozen)';
const TOLL = new RegExp(
  `\\b(?:(?:killed|killing|kills)\\s+(?:(?:at least|nearly|more than|some|about|over|almost|up to|around)\\s+)?${TOLL_NUMBER}\\b|${TOLL_NUMBER}\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:(?:were|was|have been|had been|are)\\s+)?(?:killed|dead)\\b|death toll)`,
  'iu',
);
// Violence by people in the same sentence: explosions, bombs, gunfire, rockets.
const VIOLENCE =
  /\b(?:explo(?:sions?|ded|sives?)|blasts?|bombs?|bombers?|suicide|gunm[ae]n|shooters?|shootings?|shot|opened fire|gunfire|detonat\w*|rockets?|mortars?|grenades?|stabb(?:ed|ing)|massacre|attack(?:s|ed|ers?)?)\b/i;

/**
 * Whether a sentence typed KILLING counts its dead by violence: a death toll of a bombing or a shooting is the
 * attack's, not a targeted killing ("Twin explosions ... killed at least 20 people"). Without a word of violence a
 * toll may be a disease's or an accident's, and stays as it was.
 */
export function violentToll(text: string): boolean {
  return TOLL.test(text) && VIOLENCE.test(text);
}

// Verbs that report speech, not opinions ("expected", "called" are no reporting clause).
const SPEECH_VERBS = Object.keys(REPORT_VERBS)
  .filter((v) => REPORT_VERBS[v] !== 'opinion')
  .sort((a, b) => b.length - a.length)
  .join('|');
// Verb, then the date, with at most a short object or phrase between ("told reporters", "said in a statement").
const VERB_BEFORE_DATE = new RegExp(`\\b(${SPEECH_VERBS})\\b((?:\\s+[\\p{L}'’.-]+){0,4}?)\\s+$`, 'iu');
// Date between the speaker and the verb: "Rouhani on Saturday admitted ...".
const VERB_AFTER_DATE = new RegExp(
  `^\\s+(?:(?:also|later|reportedly|again|publicly|first)\\s+)?(${SPEECH_VERBS})\\b`,
  'iu',
);
// Verbs whose object may stand between them and the date ("told his counterpart on Saturday").
const OBJECT_VERBS =
  /^(?:told|tells?|telling|warn(?:ed|s|ing)?|urg(?:ed|es|ing)|accus(?:ed|es|ing)|quot(?:ed|es|ing)|cit(?:ed|es|ing))$/i;
const PREPOSITION = /^\s+(?:in|at|to|during|from|via|through|on)\b/i;
// A reporting phrase without its verb in reach: "claimed responsibility ... in a statement on Tuesday".
const REPORT_PHRASE =
  /\b(?:in|during|at)\s+(?:a|an|the|its|his|her|their)\s+(?:[\p{L}-]+\s+)?(?:statement|interview|speech|briefing|(?:news|press)\s+conference|communiqu[eé]|tweet|post|address)\s+$/iu;

/**
 * The reporting clause of a date (sentence-relative: where its speaker may start, where its verb is), when the
 * date dates the report of a happening rather than the happening: the clause reports it (it ends the sentence,
 * after the content, or takes the content as its complement) and the sentence's trigger lies in that content.
 */
function reportClause(
  text: string,
  d: { start: number; end: number },
  trig: RegExp,
): { from: number; verb: number } | null {
  const from = Math.max(0, d.start - 80);
  const before = text.slice(from, d.start);
  let verb: number;
  let verbEnd: number;
  const vb = VERB_BEFORE_DATE.exec(before);
  const va = vb ? null : VERB_AFTER_DATE.exec(text.slice(d.end));
  const vp = vb || va ? null : REPORT_PHRASE.exec(before);
  if (vp) {
    verb = from + vp.index;
    verbEnd = d.end;
  } else if (vb) {
    // Only an object or a phrase may stand between verb and date, never a happening ("said jets struck on Monday").
    const between = vb[2] as string;
    if (between && !OBJECT_VERBS.test(vb[1] as string) && !PREPOSITION.test(between)) return null;
    if (/\bthat\b|[,;:“”"]/.test(between) || TRIGGERS.some(([t, re]) => t !== 'STATEMENT' && re.test(between)))
      return null;
    verb = from + vb.index;
    verbEnd = d.end;
  } else if (va) {
    verb = d.end + va.index + va[0].length - (va[1] as string).length;
    verbEnd = d.end + va.index + va[0].length;
  } else return null;
  // Trailing attribution ("..., officials said on Monday."): the content is before the clause, and after it when
  // a participle goes on (", adding that ..."). Otherwise the content is the verb's complement; words before
  // the speaker only frame the report.
  const rest = text.slice(verbEnd);
  const ends = /^[\s.!?"”’)]*$/u.test(rest);
  const goesOn = /^\s*,\s*\p{L}+ing\b/u.test(rest);
  const head = text.slice(0, verb);
  const clause = Math.max(0, head.lastIndexOf(', '), head.lastIndexOf('” '), head.lastIndexOf('" '));
  const content = ends ? head.slice(0, clause) : goesOn ? `${head.slice(0, clause)} ${rest}` : rest;
  return trig.test(content) ? { from: ends || goesOn ? clause : 0, verb } : null;
}

// Speech verbs, and a that-clause right after one ("denied that jets had entered ... last week").
const SPEECH_VERB_G = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'giu');
const THAT_CLAUSE = /^(?:\s+[\p{L}'’.-]+){0,4}?\s+that\b/iu;
// A that-less reported clause: a subject pronoun right after the speech verb ("says she compiled a list of officials
// denied clearances last year", "said they met him in 2017") opens what was said, as 'that' does. Not across a dash,
// a bar or brackets (a tweet's signature, a headline run into the sentence), nor when a word of speech stands beside
// the date ("alarmed by his speech Sunday", "the president's Friday tweet"): that date is a saying's.
const PRONOUN_CLAUSE = /^\s+(?:he|she|they|we|I)\b(?![\s,.;:!?”"]*$)[^—|()\n]*$/u;
const SPEECH_NOUN =
  /^(?:speech|remarks|statement|tweets?|letter|interview|address|testimony|briefing|announcement|post)$/i;

/** Whether a word of speech stands right before or after the date (two words either side). */
function speechBeside(text: string, ds: number, de: number): boolean {
  const words = [
    ...text
      .slice(Math.max(0, ds - 40), ds)
      .split(/\s+/)
      .slice(-3),
    ...text
      .slice(de, de + 30)
      .split(/\s+/)
      .slice(0, 3),
  ];
  return words.some((w) => SPEECH_NOUN.test(w.replace(/[^\p{L}]/gu, '')));
}

/** Whether the date at `ds` lies in the that-clause of its nearest speech verb: it dates what was said. */
function inReportedContent(text: string, ds: number, de: number): boolean {
  // A bounded window before the date keeps the scan linear on run-on sentences with many dates.
  const from = Math.max(0, ds - 400);
  const before = text.slice(from, ds);
  SPEECH_VERB_G.lastIndex = 0;
  let verbEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = SPEECH_VERB_G.exec(before)) !== null) verbEnd = m.index + m[0].length;
  const rest = before.slice(verbEnd);
  return verbEnd >= 0 && (THAT_CLAUSE.test(rest) || (PRONOUN_CLAUSE.test(rest) && !speechBeside(text, ds, de)));
}

// A document made public (a poll, data, a report, a video) and the date of its release right after: "a poll
// released Wednesday", "data released Friday by the Labor Department", "published a report on Monday".
const DOCUMENT =
  '(?:data|report|video|footage|audio|recording|transcripts?|figures|statistics|documents?|records|findings|study|survey|poll|budget|outline)';
const RELEASED = '(?:released|published|issued|posted|unveiled)';
const RELEASE_BEFORE_DATE = new RegExp(
  `\\b(?:${DOCUMENT}\\s+(?:(?:was|were|is|are|been|being)\\s+)?${RELEASED}|(?<!-)${RELEASED}\\s+(?:(?:a|an|the|its|his|her|their|new|latest)\\s+)?(?:[\\p{L}-]+\\s+){0,2}?${DOCUMENT})(?:\\s+by\\s+(?:[\\p{L}.&'’-]+\\s+){0,5}?[\\p{L}.&'’-]+)?(?:\\s+(?:on|earlier|late|early|in))?\\s*$`,
  'iu',
);

/** Whether the date dates the release of a document named just before it: the release is its issuer's statement. */
export function releaseDate(before: string): boolean {
  return RELEASE_BEFORE_DATE.test(before.slice(-120));
}

const AHEAD = /^(?:next|this coming|as soon as|no later than|starting|beginning)\b|\bnext (?:week|month|year)\b/i;

// What a happening answers ("in retaliation for the killing of X"): its actors are not this happening's victims.
const CAUSE = /\b(?:in\s+(?:retaliation|revenge|response|reprisal)\s+(?:for|of|to)|to\s+avenge)\b/i;

const AGENT_VERBS =
  /\b(launched|fired|struck|attacked|killed|carried out|conducted|bombed|raided|stormed|shot|targeted|assassinated)\b/i;

const ANCHOR_PHRASE =
  /\b(?:after|before|since|following|ahead of|prior to)\s+(?:the|a|an|this|that|his|her|its|their|last)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+/giu;

/** Whether a comma right after the date closes a month-day-year date (AP style: "the Sept. 11, 2012, attack"). */
export function yearComma(text: string, ds: number, de: number): boolean {
  return text[de] === ',' && /\b\p{L}+\.?\s+\d{1,2},\s+\d{4}$/u.test(text.slice(ds, de));
}

/**
 * The type of the happening a date expression modifies, read in the date's own clause (the words between the
 * clause punctuation around it, plus a fronted adjunct that frames the clause), where a temporal adjunct attaches, with the same priority as the sentence's
 * type; a trigger inside the date expression ("hours after Iran raided ...") is its anchor, not its happening.
 * Null when the clause holds no trigger (the sentence's type then applies).
 */
function typeNear(text: string, ds: number, de: number): EventType | null {
  const left = Math.max(
    text.lastIndexOf(',', ds),
    text.lastIndexOf(';', ds),
    text.lastIndexOf(':', ds),
    text.lastIndexOf('—', ds),
  );
  // The comma that closes a full date's year ("The Sept. 11, 2012, attack on ...") belongs to the date, not the clause.
  const from = yearComma(text, ds, de) ? de + 1 : de;
  const rightAt = text.slice(from).search(/[,;:—]/);
  // A fronted adjunct ("In the phone call with X, ...", "During the raid, ...") frames the whole main clause.
  const fronted = /^\s*(?:In|During|At|Amid|After|Before)\b[^,;:]{0,100},/u.exec(text);
  const frame = fronted && fronted[0].length <= left + 1 ? fronted[0] : '';
  const head = `${frame} ${text.slice(left + 1, ds)} … `;
  const tail = text.slice(de, rightAt < 0 ? text.length : from + rightAt);
  const clause = head + tail;
  // A happening named after the date behind 'after', 'before', 'since' anchors the date's own happening; it
  // types the date only when the clause names no other ("phoned him on January 1 ... after the attack on
  // the embassy"). Before the date it may be what the date dates ("following the death of a boy on Monday").
  const own = head + tail.replace(ANCHOR_PHRASE, ' … ');
  const typeIn = (t: string) => TRIGGERS.find(([, re]) => re.test(t))?.[0] ?? null;
  return typeIn(own) ?? typeIn(clause) ?? (sayingBeside(text, ds, de) ? 'STATEMENT' : null);
}

// A year named by its number ("in 2016", "the 2005", "of 2013"), or a month without its day ("in March", "last
// December"), dates a saying only beside the saying's word: a speech verb, a saying noun or a word of publishing in the
// few words before it ("wrote in 1946", "told The Weekly Standard in 2017", "said at a lecture in 2012", "a Web video
// Ryan released in 2011"), a saying noun right after it ("his 2009 address"), or the verb of the clause the date opens
// ("Back in 2016, Trump said", "who in 2011 gave the first televised response to ... address"). Elsewhere a statement
// in the sentence dates it no more than its clause does ("admitted to shooting a neighbor ... in 2001", "added 223,000
// jobs in May, the Labor Department said"): the date's happening is the gold's other.
const YEAR_NUMBER = /^(?:in|the|of|since|by|during|early|late|mid)[\s-]+\d{4}$/i;
const SAYING_WORD =
  /\b(?:spoke|speaking|address(?:ed|ing)|reminded|recommended|submitted|memo(?:randum)?|op-eds?|articles?|columns?|editorials?|essays?|books?|biograph(?:y|ies)|memoirs?|lectures?|panels?|forums?|conferences?|posts?|papers?|announcements?|debates?|statements?|speech(?:es)?|remarks|interviews?|testimony|letters?|tweets?|address|briefings?|reports?|videos?|recordings?|tapes?|released|published|issued|posted|unveiled|written|penned)\b/i;
const STATEMENT_TRIGGER = (TRIGGERS.find(([t]) => t === 'STATEMENT') as [EventType, RegExp])[1];

/** Whether a year named by its number (`YEAR_NUMBER`) dates the saying of its sentence (see above). */
export function yearOfSaying(text: string, ds: number, de: number): boolean {
  const cut = (t: string) => t.split(/[,;:“”"()—]/u);
  const before = cut(text.slice(Math.max(0, ds - 80), ds)).pop() as string;
  const near = before.split(/\s+/).filter(Boolean).slice(-7).join(' ');
  if (STATEMENT_TRIGGER.test(near) || SAYING_WORD.test(near)) return true;
  if (speechBeside(text, ds, de) || sayingBeside(text, ds, de)) return true;
  // The clause the year opens: from the clause's start (a fronted year, "At the 1996 State of the Union, Clinton said",
  // "..., but in 2018 Trump spoke"), or the year right before its verb.
  const fronted =
    /^\W*(?:(?:and|but|yet|so|then|back|even|also|later|earlier|moreover|however|indeed)\s+)?(?:(?:at|in|during|by)\s+)?$/i.test(
      (cut(text.slice(Math.max(0, ds - 120), ds)).pop() as string).replace(/^\s+/, ''),
    );
  // The main clause after a year that opens the sentence reads past quotation marks ('Also in September, an anonymous
  // "senior official" claimed').
  const opens = fronted && ds < 40 && /^\W*(?:\p{L}+\s+){0,2}$/u.test(text.slice(0, ds));
  // Bounded windows keep the scan linear on run-on sentences with many dates.
  const parts = text.slice(de, de + 300).split(opens ? /[,;:()—]/u : /[,;:“”"()—]/u);
  const clause = fronted ? `${parts[0]} ${parts[1] ?? ''}` : (parts[0] as string);
  return (fronted || /^\s+(?:\p{Ll}+ly\s+)?\p{Ll}+/u.test(clause)) && STATEMENT_TRIGGER.test(clause);
}

// A day a standing count or state is told "as of" ("24 people were reported killed as of Wednesday afternoon", "As of
// Monday, the investigators weren't looking at the issue anymore, a spokeswoman said") dates no happening of the
// sentence: it is the gold's other, like figures for a period.
export const asOf = (before: string) => /\bas\s+of\s+$/i.test(before.slice(-12));

const VISIT = /\bvisit(?:s|ed|ing)?\b/giu;
// Whom a visit meets: "visited with X", people named by their office or as a group ("visited GOP senators").
const VISITED_PEOPLE =
  /^\s+(?:with\b|together\b|(?:him|her|them)\b|(?:(?:to|the|a|an|his|her|their|its|[\p{L}]+['’]s|[\p{Lu}][\p{L}.’']*)\s+){0,3}(?:senators?|lawmakers|leaders?|officials?|president|king|queen|pope|prime minister|chancellor|counterparts?|troops|famil(?:y|ies)|victims|survivors|patients|workers|supporters|White House|Kremlin)\b)/u;

/**
 * A visit is a meeting only when it meets someone: a person named in its object ("visited Mr. Comey at home"), "with"
 * or people ("visited GOP senators"), a state or its capital (a state visit: "a visit to Britain"), the White House or
 * the Kremlin, or a state visit. A visit to a place, a site or an office is a trip (the gold's other): its visit words are
 * blanked to underscores, which the trip trigger reads as OTHER.
 */
export function withoutTrips(text: string, start: number, ms: MentionRec[], actors: ActorIndex): string {
  if (!/visit/i.test(text)) return text;
  return text.replace(VISIT, (w, at: number) => {
    const after = text.slice(at + w.length, at + w.length + 60);
    const end = after.search(/[,;:!?—(]/u);
    const object = end < 0 ? after : after.slice(0, end);
    if (VISITED_PEOPLE.test(object)) return w;
    const from = start + at + w.length;
    const to = from + object.length;
    // A capital stands for its state here though it does not act ("a two-day visit to Washington").
    const capital = (object.match(/\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)?/gu) ?? []).some((n) => {
      const e = baseGazetteer().lookup(n.split(/\s+/));
      return !!e && e.kind === 'STATE' && (e.role === 'capital' || e.role === 'name');
    });
    const meets =
      capital ||
      ms.some((m) => {
        if (m.start < from || m.start >= to) return false;
        const a = actors.byKey.get(m.actorKey);
        return a?.kind === 'PERSON' || a?.kind === 'STATE' || /^(?:White House|Kremlin)$/.test(a?.canonicalName ?? '');
      });
    return meets || /\bstate\s+$/i.test(text.slice(Math.max(0, at - 6), at)) ? w : '_'.repeat(w.length);
  });
}

export function findEvents(
  body: string,
  sentences: SentenceOut[],
  dates: DateMention[],
  actors: ActorIndex,
): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  const bySentence = new Map<number, DateMention[]>();
  for (const d of dates) {
    const l_ = bySentence.get(d.sentence);
    if (l_) l_.push(d);
    else bySentence.set(d.sentence, [d]);
  }
  const mentionsBySentence = new Map<number, MentionRec[]>();
  for (const m of actors.mentions) {
    const l_ = mentionsBySentence.get(m.sentence);
    if (l_) l_.push(m);
    else mentionsBySentence.set(m.sentence, [m]);
  }
  const placesBySentence = new Map<number, string>();
  for (const p of actors.places) if (!placesBySentence.has(p.sentence)) placesBySentence.set(p.sentence, p.text);

  sentences.forEach((s0, si) => {
    if (s0.lineKind !== 'body') return;
    const ms0 = mentionsBySentence.get(si) ?? [];
    // The sentence as the triggers read it: a trip's "visited" is blanked to underscores (no meeting, a trip).
    const s = { ...s0, text: withoutTrips(s0.text, s0.start, ms0, actors) };
    const hit = TRIGGERS.find(([, re]) => re.test(s.text));
    const type = hit?.[0] ?? null;
    const ds = bySentence.get(si) ?? [];
    if (!type && !ds.length) return;
    const ms = ms0;
    const trigRe = hit?.[1] ?? null;
    // Actors from `speakerFrom` up to the trigger are a statement's agents; the rest are what it is about.
    // Actors from `causeFrom` on belong to the earlier happening this one answers.
    const rolesAt = (type: EventType | null, trig: number, speakerFrom = s.start, causeFrom = Infinity) => {
      const roles: { actorKey: string; role: EventRole }[] = [];
      const seen = new Set<string>();
      for (const m of ms) {
        if (seen.has(m.actorKey)) continue;
        seen.add(m.actorKey);
        const before = m.start < trig;
        const kind = actors.byKey.get(m.actorKey)?.kind;
        let role: EventRole = 'PARTICIPANT';
        if (type === 'STRIKE' || type === 'ATTACK' || type === 'KILLING') {
          if (m.start >= causeFrom) role = 'PARTICIPANT';
          else if (before && AGENT_VERBS.test(body.slice(m.end, Math.min(s.end, m.end + 60)))) role = 'AGENT';
          else if (/\bkill(ed|ing)\b/i.test(s.text) && kind === 'PERSON') role = 'VICTIM';
          else if (!before)
            role =
              kind === 'STATE' && /\bin\s+$/.test(body.slice(Math.max(s.start, m.start - 4), m.start))
                ? 'LOCATION_OWNER'
                : 'TARGET';
          else role = 'AGENT';
        } else if (type === 'STATEMENT') role = before && m.start >= speakerFrom ? 'AGENT' : 'TARGET';
        roles.push({ actorKey: m.actorKey, role });
      }
      return roles;
    };
    const summary = s0.text.length > 160 ? `${s0.text.slice(0, 157)}...` : s0.text;
    const place = placesBySentence.get(si) ?? null;
    const background = (d: DateMention | null) => !!d && d.precision === 'YEAR' && /\b(19\d\d)\b/.test(d.text);
    const mk = (
      d: DateMention | null,
      type: EventType | null,
      roles: { actorKey: string; role: EventRole }[],
      where = place,
    ): ExtractedEvent => ({
      key: `e${events.length}`,
      type: type === 'KILLING' && violentToll(s.text) ? 'ATTACK' : (type ?? 'OTHER'),
      summary,
      date: d
        ? { value: d.value, precision: d.precision, text: d.text }
        : { value: null, precision: 'UNKNOWN', text: null },
      place: where,
      surface: { start: s.start, end: s.end, text: s0.text },
      actors: roles,
      background: background(d),
    });
    const trig = (trigRe?.exec(s.text)?.index ?? 0) + s.start;
    const roles = rolesAt(type, trig);
    const cause = CAUSE.exec(s.text);
    const causeAt = cause && s.start + cause.index > trig ? s.start + cause.index : Infinity;
    // A date inside the cause phrase ("... killing of X five days earlier") dates that earlier happening.
    const rolesFor = (d: DateMention | null) =>
      d && d.start >= causeAt ? roles : rolesAt(type, trig, s.start, causeAt);
    // Report dates make statement events; the happening keeps only its own dates (or none).
    const reports =
      trigRe && type !== 'STATEMENT'
        ? ds.map((d) => reportClause(s.text, { start: d.start - s.start, end: d.end - s.start }, trigRe))
        : [];
    const own = ds.filter((_, i) => reports[i] == null);
    if (!own.length) events.push(mk(null, type, rolesFor(null)));
    // A statement is reported after it was made: a date ahead ("next Friday", "as soon as Tuesday") dates the
    // announced happening, and so does a date inside what was said ("denied that jets had entered ... last week").
    for (const d of own) {
      const t = typeNear(s.text, d.start - s.start, d.end - s.start) ?? type;
      const content =
        t === 'STATEMENT' && (AHEAD.test(d.text) || inReportedContent(s.text, d.start - s.start, d.end - s.start));
      const released = !content && releaseDate(s.text.slice(0, d.start - s.start));
      const ballot = ballotBeside(s.text, d.start - s.start, d.end - s.start);
      const shooting = !ballot && shootingBeside(s.text, d.start - s.start, d.end - s.start);
      events.push(
        mk(
          d,
          ballot
            ? 'OTHER'
            : shooting
              ? 'ATTACK'
              : released
                ? 'STATEMENT'
                : content ||
                    asOf(s.text.slice(0, d.start - s.start)) ||
                    (t === 'STATEMENT' &&
                      (YEAR_NUMBER.test(d.text) || d.precision === 'MONTH') &&
                      !yearOfSaying(s.text, d.start - s.start, d.end - s.start))
                  ? 'OTHER'
                  : t,
          rolesFor(d),
        ),
      );
    }
    ds.forEach((d, i) => {
      const r = reports[i];
      if (r) events.push(mk(d, 'STATEMENT', rolesAt('STATEMENT', s.start + r.verb, s.start + r.from), null)); // the place is the happening's
    });
  });
  return events;
}
