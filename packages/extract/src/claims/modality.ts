// Claim modality: how the chain's last source stands to the content. Cues are read in the gold's order of
// precedence (denied > admitted > confirmed > alleged > opinion > quoted statement > reported): the first that
// fires wins. Every list here is general news-genre English, never an outlet's or a story's wording.
import type { Modality } from '@claimgraph/shared';
import { REPORT_VERBS } from '../gazetteer/lexicon.js';
import { rated, writerEvaluates, writerWeighs } from './voice.js';

/** What the attribution stage knows about the cue that introduced the content. */
export interface ModalityCue {
  /** The reporting verb as written ("said", "denied", "according to"), null when none. */
  verb: string | null;
  /** A named or unnamed source beyond the outlet carries the content. */
  attributed: boolean;
  /** That source is an analyst or expert (their statements are assessments). */
  expert: boolean;
  /** A cited outlet (not a person) carries the content. */
  viaOutlet: boolean;
}

const APOLOGY =
  /\b(?:apologi[sz](?:e|es|ed|ing)|apology|(?:I|we)(?:['’]re|['’]m| am| are)\s+(?:\w+\s+)?sorry|(?:acknowledg|admit)\w*\s+(?:that\s+)?(?:[\w'’-]+\s+){1,6}?(?:was|were|had been)\s+(?:false|untrue|made up|fabricated))\b/i;
// "said his director has acknowledged that ...": an admission reported inside the content (not "refused to admit").
const EMBEDDED_ADMISSION =
  /\b(?:acknowledged|admitted|acknowledges|admits)\s+(?:that|to)\b(?<!\b(?:not|never|to|refused to|refuses to)\s+\w+\s+\w+)/i;
const FAULT = /\b(human error|mistakes?|by mistake|accidentally|unintentional(?:ly)?|wrongly|fault)\b/i;
// Charges of wrongdoing (news-genre misconduct and coercion: "threatened", "intimidated"; not the ongoing "threatening"):
// made by a source about someone, they are allegations. Words of the same spelling that charge no one are left out: a
// risk ("any delay threatens to"), a duty ("civic responsibility", "the Office of Professional Responsibility"), a
// record ("a criminal conviction"), a kind of crossing ("illegal crossings").
const CHARGE_WORDS = String.raw`violat\w*|illegal(?:ly)?(?!\s+(?:drugs|immigra\w+|aliens|migrants|guns|weapons|crossings?|entr(?:y|ies)))|unlawful|occupation|war crimes?|aggression|responsib(?:le|ility)(?=\s+(?:for|to)\b)|blame[sd]?|crimes?|criminal(?!\s+(?:charges?|cases?|investigations?|probes?|justice|records?|courts?|code|complaints?|referrals?|convictions?|history|background))|fraud\w*|corrupt\w*|brib\w+|illicit|misconduct|misus\w+|abus(?:e|ed|es|ing) (?:of|their|his|her|its)|collu\w+|obstruct\w*|cover(?:ed)?[- ]up|embezzl\w+|launder\w*|price[- ]fixing|fixing (?:\w+ )?prices|cheat\w*|misleading|lied|lying|smear\w*|threatened|threatens(?!\s+to\b)|intimidat(?:ed|es|ion)|harass(?:ed|es|ment)|coerc(?:ed|ion)|extort(?:ed|ion)`;
const ACCUSATION = new RegExp(String.raw`\b(?:${CHARGE_WORDS})\b`, 'i');
const ACCUSATION_ALL = new RegExp(ACCUSATION.source, 'gi');
// A charge word that charges no one where it stands (each a general convention of news English):
// - negated in its clause ("no evidence that he was involved in any collusion", "who haven't committed crimes");
// - made of a generic offender ("those who commit sexual assault", "the misconduct of a few");
// - part of a name or a programme ("Bureau of Criminal Apprehension", "anti-corruption");
// - a kind of offence as a topic ("hate crimes", "the crime rate", "criminal penalties") or a duty ("a responsibility
//   to", "I accept the responsibility for");
// - blame with no one blamed ("placing blame", "the ones getting blamed"), an unlawful entry ("entered illegally").
const CHARGE_NEGATED = /\b(?:no|not|never|without|nor)\b(?!\s+only\b)|n['’]t\b/i;
// A negation before a relative or a new predicate ("not contested" related to, "can't afford ... and amount to") does
// not reach the charge.
const NEGATION_ENDS = /^[^]*\b(?:that|which|who|whom|related|because|after|since|while|when|as|if|and|but)\b/i;
const GENERIC_OFFENDER = /\b(?:those|anyone|anybody|someone|everyone)\s+who\b|\bwhoever\b|\bof a few\b/i;
const NAME_BEFORE = /(?:\b[A-Z][\w'’.-]*\s+|\b[A-Z][\w'’.-]*\s+(?:of|for|on|and)\s+)$/;
const TOPIC_CRIME_BEFORE = /\b(?:hate|violent|organi[sz]ed|gun|property|sex|cyber|street|petty|serious)[- ]$/i;
const TOPIC_CRIME_AFTER =
  /^crimes?[- ](?:rates?|scenes?|bills?|victims?|statistics|stats|waves?|labs?|prevention|fighting|novels?|dramas?)\b/i;
const CRIMINAL_TOPIC =
  /^criminal\s+(?:penalt(?:y|ies)|matters?|law|laws|lawyers?|defen[cs]es?|defendants?|division|statutes?|liability|trials?|exposure|prosecutions?)\b/i;
const OWN_DUTY_BEFORE =
  /\b(?:accept\w*|take|takes|took|taking|assum\w+|shoulder\w*|have|has|had|['’]ve got|our|my|its|their)\s+(?:[\w'’-]+\s+){0,5}$/i;
// Responsibility for something, or put on someone ("responsibility to the United States"); "a responsibility to act" is a duty.
const RESPONSIBLE_PARTY = /^responsib\w+\s+(?:for\b|to\s+(?:the|a|an|his|her|their|its|[A-Z])\b)/;
const BLAME_NO_ONE_BEFORE =
  /\b(?:getting|get|gets|got|being|placing|place|places|assign\w*|shift\w*|apportion\w*)\s+$/i;
const ENTRY_BEFORE =
  /\b(?:enter\w*|cross\w*|came|come|comes|coming|liv\w+|stay\w*|resid\w+|here|work\w*)\s+(?:[\w'’-]+\s+){0,3}$/i;

// - the name of a case, a charge or a law the charge word stands in ("the corruption case against", "convicted of
//   corruption charges", "civil fraud lawsuits", "illegal fireworks", "state criminal process"), crime fought or
//   prevented ("fighting crime"), a charge on a condition ("if proven", "If there was ..., that is a violation"), and
//   lying down ("lying on the ground").
const CHARGE_TOPIC_AFTER =
  /^[\w-]+\s+(?:cases?|charges?|counts?|allegations?|accusations?|probes?|investigations?|inquir(?:y|ies)|trials?|lawsuits?|suits?|indictments?|convictions?|laws?|statutes?|process|penalt(?:y|ies)|prosecutions?|scandals?|fireworks|drugs?|substances?)\b/i;
const FOUGHT_BEFORE = /\b(?:fight\w*|combat\w*|prevent\w*|reduc\w*|curb\w*|tackl\w*|deter\w*)\s+(?:[\w'’-]+\s+){0,2}$/i;
const CHARGE_NOUN =
  /^(?!\w+ed$)(?:corrupt\w*|fraud\w*|crimes?|criminal|illegal|illicit|collu\w+|brib\w+|obstruct\w*|misconduct|abuse|harass\w*|extort\w*|launder\w*|cheat\w*|embezzl\w+|misus\w+)$/i;
const CONDITION_BEFORE = /(?:\b[Ii]f|\bwhether)\b[^.;:!?"“”]*$/;
const LYING_DOWN = /^lying\s+(?:on|in|down|face|dead|beside|next|under|there|around|at|motionless|still)\b/i;

/** Whether some word of a charge in the text charges someone (see the exceptions above). */
export function chargesSomeone(text: string): boolean {
  for (const m of text.matchAll(ACCUSATION_ALL)) {
    const word = m[0];
    const at = m.index;
    const before = text.slice(Math.max(0, at - 90), at);
    const clause = before.slice(before.search(/[^,;:.!?—–()]*$/));
    const after = text.slice(at, at + 40);
    if (CHARGE_NEGATED.test(clause.replace(NEGATION_ENDS, ' ')) || GENERIC_OFFENDER.test(clause)) continue;
    if (/^[A-Z]/.test(word) && NAME_BEFORE.test(before)) continue;
    if (/\banti-?\s*$/i.test(before)) continue;
    if (/^crimes?$/i.test(word) && (TOPIC_CRIME_BEFORE.test(before) || TOPIC_CRIME_AFTER.test(after))) continue;
    if (/^criminal$/i.test(word) && CRIMINAL_TOPIC.test(after)) continue;
    if (/^responsib/i.test(word) && (!RESPONSIBLE_PARTY.test(after) || OWN_DUTY_BEFORE.test(before))) continue;
    if (/^blame/i.test(word) && BLAME_NO_ONE_BEFORE.test(before)) continue;
    if (/^illegally$/i.test(word) && ENTRY_BEFORE.test(before)) continue;
    if (CHARGE_NOUN.test(word) && (CHARGE_TOPIC_AFTER.test(after) || FOUGHT_BEFORE.test(before))) continue;
    if (LYING_DOWN.test(after)) continue;
    if (CONDITION_BEFORE.test(before) || /^[\w-]+(?:\s+of\s+\w+)?,?\s+if\s+(?:proven|true|confirmed)\b/i.test(after))
      continue;
    return true;
  }
  return false;
}
// A charge the source says there was none of, or calls false ("there was no fraud", "no evidence that he was involved in
// any collusion", "its false allegations", "not guilty of").
const DENIED_CHARGE = new RegExp(
  String.raw`\bno\s+(?:[\w-]+\s+){0,2}?(?:${CHARGE_WORDS})\b|\bno\s+(?:evidence|proof|indication|sign)\s+(?:whatsoever\s+)?(?:that|of)\b[^.;]{0,80}?\b(?:${CHARGE_WORDS})\b|\bfalse\s+(?:allegations?|accusations?|claims?|charges?|reports?)\b|\b(?:not|never)\s+(?:been\s+|be\s+)?guilty\s+of\b`,
  'i',
);
// "seems to be", "it seems": a hedge on what is said; "seemed to know", "appear to have" tell what someone
// apparently knows or holds, an account of them rather than a hedge.
const SEEMING = String.raw`(?:seems?|seemed)(?!\s+to\s+(?!(?:be|me|us|him|her|them)\b))|(?:appears?|appeared)\s+to\s+be`;
// The writer's own hedges ("more likely to back X than Y" compares groups, as polls do: no hedge), and a forecast on a condition ("If the talks fail, the war will resume"; not the law's
// "If convicted, he will face ...").
const HEDGE_OWN = new RegExp(
  String.raw`\b(?:${SEEMING}|is considered|are considered|(?<!\b(?:more|less|most|least)\s+)(?:likely|unlikely)|(?:likely|unlikely)(?!\s+(?:to|than)\b)|may|might|could|possibly|probably|perhaps|arguably|think|thinks|believe|believes)\b|^(?:but |and |yet )?if\s+(?!convicted\b|found guilty\b)[^,.;]{2,80},[^.;]*?\b(?:will|would|won['’]t)\b`,
  'i',
);
const MODAL_ATTR = /\b(could|may|might)\b/i;
// A forecast relayed in the source's name ("said the forces were expected to continue", "he expects the trial to",
// "is likely to strain"): the source's assessment of what will happen. "As expected" looks back; "more likely to
// vote for" is a poll's comparison.
const FORECAST =
  /(?<!\bas\s+)\bexpect(?:s|ed|ing)?\s+(?:that\b|to\b|(?:[\w'’-]+\s+){1,6}?to\b)|\bpredict(?:s|ed|ing)?\b|\b(?:is|are|was|were)\s+(?:very\s+|highly\s+)?(?:likely|unlikely)\s+to\b/i;
// A modal inside the content of someone's finding or fear ("found that X could help", "concern that X may prove")
// is that finding's wording, not a hedge of the writer's.
const REPORTED_FINDING =
  /\b(?:found|finds|concluded|concludes|analy[sz]ed|assessed|examined|showed|shows|concerns?|fears?|worries)\s+(?:that|how|whether)\b[^.;]*/gi;
const PURPOSE_MODAL = /\bso (?:that )?\w+ (?:could|might|may)\b/gi;
// The month ("in May", "May 3") is no modal.
const MONTH_MAY =
  /\b(?:in|on|since|until|by|last|next|early|late|mid-|this|of|from|through|during)\s+May\b|\bMay\s+\d/g;
/** The text without the modals that hedge nothing: purpose clauses and the month of May. */
const modalsOnly = (text: string) => text.replace(PURPOSE_MODAL, '').replace(MONTH_MAY, ' ');
// "what appears to be the wreckage" describes what is shown; it hedges nothing the writer asserts.
const DESCRIPTIVE_HEDGE = /\bwhat (?:appears|appeared|seems|seemed|looks|looked) (?:to be|like)\b/gi;
// "accused foreign powers of ...", "by claiming that ...": a charge or claim the writer relays without endorsing.
const DISTANCING =
  /\b(suspected of|allegedly|accus(?:ed|es|ing)\s+(?:[\w'’-]+\s+){0,4}?of|purported(?:ly)?|supposedly|ostensibly|insinuat(?:ed|es|ing)|impl(?:ied|ies|ying)\s+(?:that\s+)?(?:[\w'’-]+\s+){1,4}?(?:was|were|is|are|had|has|have)|by\s+(?:claiming|alleging))\b/i;
// Denials without "deny": a falsity verdict on a claim, or a source negating its own conduct.
// Not a denial negated ("did not deny the report", "never denied using the word", "doesn't deny"): not denying is
// no denial.
const DENIAL_WORD =
  /(?<!\b(?:were|was|been|be|being|initially|later|had|have|has|not|never)\s+)(?<!\b(?:not|never)\s+\w+ly\s+)(?<!n['’]t\s+)\b(denied|denies|deny|denying)\b|\b(?:issu|offer|gav|giv|mad|releas|repeat)\w*\s+[^.;,]{0,25}?\bdenials?\b/i;
// Refusing a request or a right denies no claim ("denied bail", "denied him entry").
const REFUSAL =
  /\b(?:denied|denies|deny|denying)\s+(?:(?:him|her|them|us|me|you|the|their|workers|people)\s+)?(?:bail|entry|access|permission|requests?|applications?|appeals?|motions?|petitions?|visas?|clearances?|permits?|asylum|parole|licen[cs]es?|coverage|services?|benefits?|care|treatment|(?:a|the)\s+(?:chance|right|vote|hearing))\b/i;
// Denying someone something is withholding it, no denial of a claim ("deny Trump the 1,237 delegates", "deny President
// Obama any bipartisan support", "deny superdelegates a vote", "deny the Ukrainians something else").
const WITHHOLDING =
  /\b(?:denied|denies|deny|denying)\s+(?:(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}|(?!(?:claims|reports|allegations|accusations|charges|rumou?rs|suggestions|assertions|statements|accounts|stories)\b)[a-z]+s)\s+(?:the|a|an|any|some|something|anything|their|his|her|its)\b/;
// Turning down a proposal or a court's dismissing a case denies no claim ("rejected the plan", "dismissed the suit").
const REJECTED_PROPOSAL =
  /\b(?:reject|dismiss)(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,3}?(?:plans?|proposals?|requests?|bills?|moves?|offers?|attempts?|motions?|appeals?|deals?|measures?|nominations?|nominees?|bids?|demands?|ideas?|applications?|amendments?|petitions?|lawsuits?|suits?|cases?|challenges?|efforts?|targeting)\b/i;
const FALSITY =
  /\b(baseless|untrue|groundless|unfounded|fabricat\w+|not true|never happened|no truth (?:to|in)|(?:that['’]s|is|was|are|were|it['’]s)\s+["“]?(?:(?:completely|totally|simply|entirely|absolutely|patently|demonstrably|categorically|wholly|utterly|plainly|just|100\s*(?:percent|per cent|%))\s+)?(?:false|inaccurate|a lie|lies))\b/i;
// "propaganda", "fake news", "nonsense" deny only as a verdict on something ("the report was \"propaganda\"", "called it
// nonsense", "pure propaganda"); as a topic ("Russian propaganda efforts", "peddling fake news") they deny nothing.
const FALSITY_NOUN =
  /\b(?:(?:is|was|are|were|['’]s|call(?:ed|s|ing)?|dismiss(?:ed|es|ing)?|label(?:l?ed|s)?|brand(?:ed|s)?|describ(?:ed|es|ing))\s+(?:[\w'’-]+\s+){0,3}?(?:as\s+)?|\b(?:pure|utter|total|complete|just|more)\s+)["“]?(?:propaganda|fake news|nonsense|bullshit)\b/i;
// Not knowing, seeing or wanting something denies no act ("she did not see him leave", "I don't want to ...").
const STATE_VERB = String.raw`(?!\s*(?:want|think|believe|doubt|expect|see|hear|need|like|care|mind|remember|understand|feel|seem)\b)`;
// Not being sure, surprised, interested or decided is a state of mind, no denial ("said he isn't sure whether it's
// true", "said he hasn't made up his mind yet").
const NO_STANCE = String.raw`(?!\s*(?:sure|surprised|interested|ready|certain|convinced|yet|going\s+to|able|made\s+up|decided)\b)`;
const OWN_NEGATION = new RegExp(
  String.raw`\b(?:insist\w*|said|say|says|maintain\w*|stress\w*)\s+(?:that\s+)?(?:(?:they|we|he|she|I)\s+(?:did|do|does|had|has|have|was|were|is|are)\s*(?:not|n['’]t|never)\b${STATE_VERB}${NO_STANCE}|there\s+(?:was|is|were|had been)\s+no\b)`,
  'i',
);
const QUOTED_OWN_NEGATION = new RegExp(
  String.raw`["“][^"”]{0,300}\b(we|our\s+\w+(?:\s+\w+)?|i)\s+(?:do|does|did|have|has|had|are|were|was|is)\s*(?:not|n['’]t|never)\b${STATE_VERB}`,
  'i',
);
// The speaker's own negation that denies nothing: not knowing what or whether ("I don't know what to expect", "So I
// don't know."), a lack or a need ("we don't have to choose", "I don't have plans"), what is yet to come or could not be
// done ("we have not yet", "we are not going to", "haven't been able to"), pretending or getting angry, and a negation
// inside a condition or a purpose ("if we don't act", "make sure we don't").
const OWN_NEGATION_NO_DENIAL =
  /^\s*(?:know\s*(?:(?:what|whether|if|how|why|who|where|when|which)\b|[.,;!?"”]|$)|have\s+(?:to|plans?|a|an|any\s+idea|time|the)\b|yet\b|going\s+to\b|gonna\b|been\s+able\b|able\b|pretend|get\s+(?:mad|angry|upset)\b)/i;
const NEGATION_CONDITION = /\b(?:if|unless|until|make sure|so that|whether|when|once)\b[^.;:!?"“”]*$/i;
const OWN_NEGATION_AT =
  /\b(?:we|our\s+\w+(?:\s+\w+)?|i)\s+(?:do|does|did|have|has|had|are|were|was|is)\s*(?:not|n['’]t|never)\b/gi;

/** Whether the speaker's quoted words negate the speaker's own conduct as a denial does ("We did not strike civilians"). */
export function quotedOwnDenial(text: string): boolean {
  if (!QUOTED_OWN_NEGATION.test(text)) return false;
  for (const m of text.matchAll(OWN_NEGATION_AT)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (!new RegExp(`^${STATE_VERB}`, 'i').test(after) || OWN_NEGATION_NO_DENIAL.test(after)) continue;
    if (NEGATION_CONDITION.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    return true;
  }
  return false;
}
const REJECTION =
  /\b(?:I|we)\s+reject\b|\b(?:reject(?:ed|s)?|push(?:ed|es)?\s+back\s+(?:on|against))\s+(?:the\s+|these\s+|those\s+|that\s+|this\s+|any\s+)?(?:claims?|reports?|reporting|allegations?|accusations?|charges?|arguments?|assertions?|characteri[sz]ations?)\b/i;
// Disputing a claim, a report or an account denies it ("The administration disputes the claim that ...", "reports ...,
// which officials dispute", "hotly disputed a previous conclusion that ..."); a dispute as a quarrel ("a trade
// dispute", "disputed islands") and not disputing ("do not dispute the fact") deny nothing.
const DISPUTED =
  /(?<!\b(?:the|a|an|its|their|his|her|of|in|over|and|such|these|those|labou?r|domestic|legal|trade|family|border|territorial|contract|custody|land|wage|internal|political|diplomatic|maritime)\s+)\b(?:disputes|disputed|disputing)\s+(?:that\b|(?:(?:the|this|that|these|those|his|her|their|its|such|any|a|an|our|my)\s+)?(?:[\w'’-]+\s+){0,3}?(?:claims?|reports?|reporting|allegations?|accounts?|characteri[sz]ations?|findings?|figures?|numbers?|estimates?|assertions?|suggestions?|charges?|accusations?|arguments?|conclusions?|stories|story|version|narrative|notion|idea|premise|facts?|data|analysis|assessment|descriptions?|interpretations?|contention|statements?)\b)|\bwhich\s+(?:[\w'’-]+\s+){1,4}?(?<!\b(?:the|a|an)\s+)(?:dispute|disputes|disputed)\b(?!\s+(?:with|over)\b)/i;
const NEGATION_BEFORE = /(?:\b(?:not|never|no one|nobody|none|without)|n['’]t)\s+(?:[\w'’-]+\s+)?$/i;
/** Whether the text disputes a claim (see DISPUTED), not negated. */
function disputesClaim(text: string): boolean {
  const m = DISPUTED.exec(text);
  return !!m && !NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index + (m[0].search(/disput/i) || 0)));
}
// Confirmation of a fact or of the source's own act ("confirmed the death", "claimed responsibility", "said it had fired");
// not "confirmed" as an adjective ("1,000 confirmed cases", "the confirmed deaths") or a nominee's ("if confirmed").
const CONFIRMATION =
  /(?<!\b(?:not|n['’]t|never|to|be|been|if|once|when|until|a|an|the|of|more|new|total|\d[\d,.]*)\s+)\bconfirm(?:ed|s|ing)\b/i;
const CLAIMED_ACT =
  /\bclaim(?:ed|s)?\s+(?:(?:full\s+)?responsibility|credit)\b|\bclaimed\s+(?:an?|the)\s+(?:[\w-]+\s+){0,5}?(?:attacks?|bombings?|strikes?|assaults?|killings?|explosions?|blasts?)\b|\bclaims\s+(?:[\w-]+\s+){0,4}?for\s+(?:[\w-]+\s+){0,3}?(?:attacks?|bombings?|strikes?)\b/i;
const OWN_ACT =
  /\b(?:said|says|say|announced|stated)\s+(?:(?:on|late|early|last)\s+\w+\s+|\w+day\s+|yesterday\s+|today\s+)?(?:that\s+)?(?:it|they|we|its\s+(?:forces|troops|fighters|jets|aircraft|units?)|their\s+(?:forces|troops|fighters))\s+(?:had\s+|have\s+|has\s+)?(?:carried out|fired|launched|conducted|struck|hit|killed|targeted|captured)\b/i;
// Belief ascribed to a third party is an allegation ("officials believe X was killed").
const THIRD_PARTY_BELIEF =
  /(?<!\b(?:I|we)\s+(?:[\w'’]+\s+){0,2})\b(?:believe[sd]?\s+(?:that\s+)?(?:[\w'’-]+\s+){1,14}?(?:was|were|had|is|are|has|have)\b|believed\s+to\b)/i;
// What a belief holds, when it is a judgement rather than a fact ("they believe their side will win", "believe it is
// incredibly important", "believe workers have the right to", "believe Washington is too arrogant"): the believer's
// view, not an allegation.
const BELIEF_CONTENT = /\bbelieve[sd]?\s+(?:that\s+)?([^.;:!?]{0,160})/i;
const VIEW_IN_CONTENT =
  /\b(?:will|would|should|must|can|could|won['’]t|can['’]t)\b|\b(?:has|have|had)\s+(?:the|a)\s+right\b|\b(?:too|so|incredibly|extremely)\s+(?!much\b|many\b|far\b|long\b)[a-z]{3,}/i;

// A belief that charges someone: an act of harm, a crime or its like ("believe the journalist was killed", "believed to
// be a deserter", "believed to be providing it with weapons", "acting as an agent of a foreign power"). A belief of any
// other fact is a hedge on a report ("is believed to be among the dead", "his injuries are not believed to be
// life-threatening", "62% believe", "said she believed she had complied"), no allegation.
const HARM_IN_CONTENT =
  /\b(?:kill(?:s|ed|ing)?|murder\w*|assassinat\w*|dismember\w*|execut(?:ed|ing)|massacre\w*|hijack\w*|kidnap\w*|abduct\w*|tortur\w*|rap(?:e|ed|ing)|assault\w*|attack(?:s|ed|ing)?|bomb(?:s|ed|ing)|shot|shoot(?:s|ing)?(?!\s+off\b)|poison\w*|hack(?:s|ed|ing)|leak(?:s|ed|ing)|stole|stolen|steal\w*|smuggl\w*|traffick\w*|spied|spying|spies|agents?\s+of|deserter|(?:connected|linked|tied)\s+to|behind\s+(?:the|it|this|that)|involved\s+in|orchestrat\w*|plott\w*|planted|weapons|arms|explosives)\b/i;
const BELIEF_TO = /\bbelieved\s+(to\b[^.;:!?]{0,160})/i;

// A belief disowned ("did not believe Flynn had lied", "hard to believe", "not believed to") or a poll's share of
// believers ("53 percent of Americans believe", "eight in 10 believe") charges no one; a poll's belief is no hedge of
// the writer's either.
const NO_BELIEF = /\b(?:not|n['’]t|never|no one|nobody|hard to|no reason to)\s+(?:\w+\s+)?believe/i;
const POLLED_BELIEF =
  /(?:\d\s*(?:percent\b|per cent\b|%)|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:10|ten)\b|\b(?:majority|plurality|half|third|quarter|fifth)\s+of\b)[^.;]{0,60}?\bbelieve/i;

/** Whether a belief ascribed to someone charges someone (an act of harm or a crime): then it is an allegation. */
export function beliefCharges(text: string): boolean {
  if (NO_BELIEF.test(text) || POLLED_BELIEF.test(text)) return false;
  const content = BELIEF_CONTENT.exec(text)?.[1] ?? BELIEF_TO.exec(text)?.[1];
  return !!content && (HARM_IN_CONTENT.test(content) || chargesSomeone(content));
}

/** Whether a belief ascribed to someone holds a judgement (their view) rather than a fact (an allegation). */
export function beliefIsView(text: string): boolean {
  const content = BELIEF_CONTENT.exec(text)?.[1];
  if (!content) return false;
  // A rated word as what something is ("is important", "is worth"), not a participle of what happened ("were trapped").
  const ratedState = [...content.matchAll(RATED_PREDICATE)].some(
    (m) => !/ed$/i.test(m[1] as string) && rated(m[1] as string),
  );
  return VIEW_IN_CONTENT.test(content) || EVALUATIVE.test(content) || ratedState;
}

// Judgment words: the writer or speaker evaluates rather than relays ("a stunning reversal", "cowardly").
const EVALUATIVE =
  /\b(remarkabl[ey]|stunning|shocking|outrageous|disgrace\w*|shameful|cowardly|cruel|heinous|horrific|flagrant|blatant|absurd|ridiculous|laughable|pathetic|disastrous|terrible|horrible|awful|excellent|wonderful|fantastic|tremendous|incredible|amazing|brilliant|successfully|correctly|wisely|foolish\w*|irresponsible|unacceptable|inexcusable|unforgivable|appalling|deplorable|despicable|hypocri\w+|misguided|naive|bizarre|awkward|embarrassing|humiliating|troubling|alarming|unfair|unjust|sadly|unfortunately|fortunately|ironically|obviously|clearly|undoubtedly|surely|frankly|bumpy|good news|bad news|ambitious|among the most|one of the most)\b/i;
// A sentence opened by a concession or a matter of course weighs what it grants ("Sure, he talked tough.").
const CONCESSION = /^(?:but\s+|and\s+)?(?:sure|granted|admittedly|to be sure|of course|needless to say),/i;
// Hedges of the writer's or speaker's own certainty.
const HEDGE = new RegExp(
  String.raw`\b(?:maybe|perhaps|probably|possibly|presumably|apparently|who knows|${SEEMING})\b`,
  'i',
);
// Advice and appeals: quoted advice is opinion.
const APPEAL = /\b(urg(?:e|ed|es|ing)|call(?:ed|s|ing)? (?:on|for|upon)|appeal(?:ed|s)? (?:to|for))\b/i;
// An address or a column used to make the appeal: the appeal is its message.
const OCCASION_APPEAL = /\bused\s+(?:[\w'’-]+\s+){1,5}?to\s+(?:urge|call\s+(?:on|for|upon)|appeal)\b/i;
// A label put on someone in quotation marks: "called it a \"cowardly\" act".
const LABEL_QUOTE =
  /\b(call(?:ed|ing|s)?|label(?:l?ed|s)?|brand(?:ed|s)?|describ(?:ed|ing|es)|condemn(?:ed|ing|s)?)\s+(?:[\w'’-]+\s+){0,3}(?:as\s+)?(?:an?\s+|the\s+)?["“]/i;
// A speaker's judgement in their own quoted words: an intensified or compared predicate ("was very strong", "is a
// more challenging situation"), an intensified description ("a very, very big margin", "a hugely political play") or the speaker's own regard ("I admire her"). Plain statements of fact or intent in
// quotes stay quoted statements.
const QUOTED_EVALUATION = new RegExp(
  [
    String.raw`\b(?:is|are|was|were|['’]s|['’]re)\s+(?:(?:a|an|the)\s+)?(?:very|so|too|extremely|really|just|far|much|more|less|most|least)\s+(?!(?:many|much|few|than)\b)[a-z]{3,}`,
    String.raw`\b(?:a|an)\s+(?:very|extremely|incredibly|truly|really|hugely)[,\s]+(?:(?:very|extremely)\s+)?[a-z]{3,}`,
    String.raw`\b(?:I|we)\s+(?:\w+\s+){0,2}?(?:admire|respect|applaud|commend|salute|can only imagine|am proud|are proud)\b`,
    // The speaker marks the words as their own view ("to me", "the truth is", "the problem with X is").
    String.raw`\b(?:to me|in my (?:view|opinion|judge?ment)|to be honest|make no mistake|the (?:truth|reality|fact) (?:of the matter )?is|the (?:problem|trouble) (?:with [^,.;"”]{1,40} )?is)\b`,
  ].join('|'),
  'i',
);
// The speaker's quoted words as what something is, the copula the writer's ("said he is \"very glad\"", "found the
// response to be \"extraordinary\"", "said the source is \"extremely credible\""): an intensified or rated complement
// is the speaker's judgement as it is inside the quotation; a participle of what happened ("was \"taken aback\"") is not.
const QUOTED_COMPLEMENT =
  /\b(?:is|are|was|were|be|been|being|(?:he|she|it|that|this|there|what|who)['’]s|['’]re)\s+["“](?:(?:a|an|the)\s+)?((?:very|so|too|extremely|incredibly|really|truly|deeply|absolutely|totally)\b|[a-z][a-z-]+)/gi;

/** Whether a quoted complement after the writer's copula judges (see QUOTED_COMPLEMENT). */
function quotedComplementJudges(text: string): boolean {
  for (const m of text.matchAll(QUOTED_COMPLEMENT)) {
    const w = m[1] as string;
    if (/^(?:very|so|too|extremely|incredibly|really|truly|deeply|absolutely|totally)$/i.test(w)) return true;
    if (!/ed$/i.test(w) && rated(w)) return true;
  }
  return false;
}
// A speaker's account of motive or cause, or of the only way out ("the aim of the blast is to", "a direct result of",
// "the only solution is"): their verdict, in their quoted words or told in the writer's.
const SPEAKER_VERDICT = new RegExp(
  [
    String.raw`\bthe\s+(?:aim|goal|purpose|intention|objective|point)\s+(?:of|behind)\s+(?:[\w'’-]+\s+){1,4}?(?:is|was)\s+to\b`,
    String.raw`\b(?:a|the)\s+(?:direct\s+)?(?:result|consequence)\s+of\b`,
    String.raw`\bthe\s+only\s+(?:solution|way|answer|option|remedy)\b`,
  ].join('|'),
  'i',
);
// A rated word as what the subject is ("the decision is wrong", "it's a mess", "is unambiguously good"); words of
// state or fact ("everything is fine", "it is true") report rather than judge.
const RATED_PREDICATE =
  /\b(?:am|is|are|was|were|['’]m|['’]s|['’]re)\s+(?:(?:a|an|the)\s+)?(?:[a-z]+ly\s+)?(?!(?:fine|ok|okay|safe|true|alive|free|well)\b)([a-z][a-z-]+)/gi;
// Words of judgement the valence lexicon leaves unrated: what is hard, clear, key or unprecedented is the speaker's
// assessment ("it's hard to say", "this is huge", "it is essential that").
const JUDGEMENT_WORDS = new Set(
  'hard clear huge critical crucial serious tough difficult necessary impossible easy key vital essential unprecedented exceptional smart obvious absurd'.split(
    ' ',
  ),
);
const ratedPredicate = (quoted: string) =>
  [...quoted.matchAll(RATED_PREDICATE)].some(
    (m) => rated(m[1] as string) || JUDGEMENT_WORDS.has((m[1] as string).toLowerCase()),
  );
// The writer's reading of what events mean or where they lead, the frames of news analysis ("underscored the
// complicated situation", "sets the stage for", "looked set to", "is far from over", "the conventional wisdom is"):
// an interpretation, not a relayed fact. "He underscored that ..." is a speaker's emphasis, and "is set to" a schedule.
const INTERPRETIVE_FRAME = new RegExp(
  [
    String.raw`\bunderscor(?:e|es|ed|ing)\b(?!\s+that\b)`,
    String.raw`\b(?:set|sets|setting) the stage\b`,
    String.raw`\b(?:looks?|looked|seems?|seemed|appears?|appeared)\s+(?:set|poised)\s+to\b`,
    String.raw`\bfar from (?:over|certain|clear|settled|assured|finished)\b`,
    String.raw`\bconventional wisdom\b`,
    String.raw`\bremains? to be seen\b`,
    String.raw`\b(?:a|the latest|another)\s+(?:clear\s+|stark\s+|telling\s+|further\s+)?(?:sign|signal|reminder|testament)\s+(?:that|of how|to)\b`,
    String.raw`\braises?\s+(?:new\s+|fresh\s+|serious\s+)?questions\s+about\b`,
  ].join('|'),
  'i',
);
// The writer's own verdict on someone or something, a rated word as what it is, closing its clause ("The senator
// was wrong.", "the inquiry is incoherent.", "Testing was entirely inadequate."): a judgement, not a relayed fact. A
// person's feelings or standing ("were angry", "is popular", "was controversial"), a measure ("is strong"), an outcome
// ("proved unsuccessful"), a fact's status ("is illegal", "was missing", "is true"), participles ("is fighting", "were trapped") and a copula inside a
// subordinate clause are reported, and so is a sentence with a number (a measured fact).
const OWN_VERDICT_PREDICATE =
  /\b(?:is|was|are|were|(?:it|this|he|she)['’]s|(?<![a-z]\s)(?:that|what)['’]s|['’]re|seems?|seemed|proved|proves|turned out to be|has been|have been|had been)\s+(?:(?:a|an)\s+)?(?:(?:so|very|too|quite|rather|pretty|simply|just|[a-z]+ly)\s+)?([a-z][a-z-]+)(?=\s*(?:[.,;:!?—–]|$|\s(?:and|but|or|yet)\b))/gi;
const NOT_A_VERDICT = new Set(
  'angry nervous hopeful optimistic pessimistic skeptical confident worried happy sad upset afraid frustrated disappointed eager excited pleased proud calm sick hurt dead fine safe glad sorry furious anxious unhappy scared fearful thrilled desperate determined relieved lonely tired ill alive free true false popular unpopular controversial prominent illegal criminal crime crimes fake missing conflicting avid notable top like leading responsible vulnerable welcome willing unwilling able unable ready sure certain uncertain clear unclear favorite favored interested critical suspicious livid serious healthy worth innocent guilty peaceful violent strong weak successful unsuccessful'.split(
    ' ',
  ),
);
// A copula inside a subordinate or relative clause ("misinformation like that masks are harmful", "if you are healthy",
// "many of which have been peaceful") is not the writer's verdict (read in the 120 characters before it, so that a
// long run of text stays linear).
const SUBORDINATE_BEFORE =
  /\b(?:that|which|who|whom|whose|if|whether|when|while|because|since|although|though|unless|as|like|how|where)\b[^,;:.!?—–]*$/i;
/** What a reporting verb introduces: the text after its first use, without a leading "that". */
function afterCue(text: string, verb: string): string {
  const at = text.toLowerCase().indexOf(verb.toLowerCase());
  return at < 0 ? '' : text.slice(at + verb.length).replace(/^\s*(?:that\b)?/i, '');
}
// Something said to be too much of what it is ("the provision was too burdensome", "said the vote is too rushed",
// "It is too parochial"): a degree of excess is a judgement, the writer's or the source's, whatever the word. Not a
// quantity or a time ("too much", "too late"), a measure in a sentence with a number (a poll's "43% say it is too
// liberal"), a question left open ("whether it was too tame") or a group described by what its members say ("those who
// said the law was too harsh"); read outside quotations (a quoted judgement is the quotation sieves').
const EXCESS =
  /\b(?:is|are|was|were|be|been|being|seems?|seemed|remains?|remained|(?:it|he|she|that|this|they|we)['’](?:s|re))\s+(?:(?:simply|just|far|much|way|still|also|not|all|probably|perhaps|clearly|really)\s+)?too\s+(?!(?:much|many|far|long|late|early|soon|often|few|little)\b)[a-z][a-z-]+\b(?!\s+to\b)/gi;
const EXCESS_OPEN_BEFORE =
  /\b(?:whether|if)\b[^,;:.!?—–]*$|\b(?:who|which)\s+(?:say|says|said|think|thinks|thought|believe|believed|felt|feel)\b[^,;:.!?—–]*$/i;
/** Whether the text says something is too much of what it is (see EXCESS). */
export function judgesExcess(text: string): boolean {
  if (/\d/.test(text)) return false;
  for (const m of text.matchAll(EXCESS))
    if (!EXCESS_OPEN_BEFORE.test(text.slice(Math.max(0, m.index - 120), m.index))) return true;
  return false;
}
// A judgement put before what it judges, the subject held back ("it is important to", "it would be wrong for", "it's
// hard to see how", "This is critical to understanding"): the speaker's or the writer's weighing, whoever says it. The
// word is one of judgement (rated, or unrated but judging: "hard", "necessary", "key"), not a state or a fact's status
// ("it is illegal to", "it is true that", "if it is determined that"); "clear" weighs only a that-clause ("it's not
// clear that he would have the ability", a hedge), not an open question ("it is unclear whether he will attend"). A
// sentence with a number is a poll's or a measure's ("39 percent say it's extremely important to").
const EXTRAPOSED =
  /\b(?:it|this|that)(?:\s+(?:is|was|will be|would be|remains|seems|seemed|has been|had been|may be|might be|could be)|['’]s)\s+(?:(?:not|also|still|just|so|very|really|equally|all the more|even|[a-z]+ly)\s+){0,2}([a-z]+)\s+(to|that|for)\b/gi;
const EXTRAPOSED_WORDS = new Set(
  'important imperative urgent unacceptable wrong right fair unfair appropriate inappropriate improper interesting better best worse worst'.split(
    ' ',
  ),
);
/** Whether the text puts a word of judgement before what it judges (see EXTRAPOSED). */
export function extraposedJudgement(text: string): boolean {
  if (/\d/.test(text)) return false;
  for (const m of text.matchAll(EXTRAPOSED)) {
    const w = (m[1] as string).toLowerCase();
    if (/^(?:clear|unclear)$/.test(w)) {
      if ((m[2] as string).toLowerCase() === 'that') return true;
      continue;
    }
    if (/(?:ed|ing)$/.test(w) || (NOT_A_VERDICT.has(w) && w !== 'critical')) continue;
    if (rated(w) || JUDGEMENT_WORDS.has(w) || EXTRAPOSED_WORDS.has(w)) return true;
  }
  return false;
}
// The writer vouching for what they say ("it certainly has left the political world guessing", "This, no doubt,
// increases ...", "The answer, of course, is no", "He will face lots of questions, to be sure"): the writer's stance,
// as "clearly" and "surely" are. Not "as a matter of course", nor "to be sure" as a verb's ("wanted to be sure").
const WRITER_CERTAINTY =
  /\b(?:certainly|undeniably|unquestionably|needless to say|admittedly)\b|(?<!\bas a matter\s+)\bof course\b|\bno doubt\b|(?:^|[,;—–(]\s*)to be sure\b(?=\s*[,.;:—–)]|\s*$)/i;
// The writer framing what follows as the truth of the matter or its trouble ("The truth is that ...", "the reality is
// that Republicans are facing an uphill battle", "The problem is that ...", "make no mistake", "Simply put, ..."),
// at the head of a clause: the writer's argument, as the same words in a quotation are the speaker's. Not a problem
// told as a thing ("Compounding the problem is ...").
const WRITER_FRAME =
  /(?:^|[,;:—–(]\s*|\b(?:and|but|yet|so|because)\s+)(?:make no mistake\b|(?:simply|bluntly|plainly) put\b|put (?:simply|bluntly|plainly)\b|quite simply\b|the (?:simple |hard |sad |plain |inconvenient |uncomfortable )?(?:truth|reality|fact of the matter|problem|trouble|irony|upshot|bottom line|takeaway)(?: here)?,? is\b)/i;
/** Whether the writer's own sentence says what someone or something is in a word of judgement (see above). */
function ownVerdict(text: string): boolean {
  if (/\d/.test(text)) return false;
  for (const m of text.matchAll(OWN_VERDICT_PREDICATE)) {
    const w = (m[1] as string).toLowerCase();
    if (/(?:ed|ing)$/.test(w) || NOT_A_VERDICT.has(w)) continue;
    if (SUBORDINATE_BEFORE.test(text.slice(Math.max(0, m.index - 120), m.index))) continue;
    if (rated(w) || JUDGEMENT_WORDS.has(w)) return true;
  }
  return false;
}
// The speaker's or writer's own stance ("I wonder", "I suspect", "I'm not sure"), also negated or with an auxiliary
// ("I don't think", "I still believe", "I continue to suspect"), offered as a guess or a view ("I would say that", "my
// bet is", "our hope is") or as a liking ("I like acting officials"). "I'd say, 'You know ...'" tells what was said,
// "I didn't expect" what was once expected, "I like to" a habit.
const FIRST_PERSON_VIEW =
  /\b(?:I|we)\s+(?:think|believe|hope|feel|want|don['’]t want|expect|ask|wonder|suspect|bet|guess|doubt|suppose|would\s+(?:strongly\s+)?suggest)\b|\b(?:I['’]m|I am|we['’]re|we are)\s+(?:not\s+)?(?:sure|convinced|confident)\b|\b(?:I|we)\s+(?:(?:do|does|would|still|really|just|also|don['’]t|do not|continue to|tend to)\s+){1,2}(?:think|believe|feel|suspect|doubt|expect)\b|\bI(?:['’]d| would)\s+(?:say|argue|bet|guess)\b(?!\s*[,:'"‘“])|\b(?:my|our)\s+(?:bet|guess|view|sense|hope|fear|feeling|belief|concern|worry)\s+is\b|\bI\s+(?:hate|prefer)\b|\bI\s+like\b(?!\s+to\b)/i;
// A quotation that opens a sentence with a bare verb ("Stay home"; not the fragment "laws “don't have to do with”").
const IMPERATIVE =
  /^["“]\s*(?:Keep|Stay|Be|Don['’]t|Do not|Let|Let['’]s|Please|Stop|Go|Take|Make|Remain|Spend|No need|Never|Avoid|Calm)\b/;

const QUOTE_MIN_WORDS = 4;
// "we will ...", and the promise of justice made in the passive ("those involved will be brought to justice").
const PLEDGE =
  /\b(?:we|I|our\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:will|shall|are going to|won['’]t)\s+(?!be\s+(?:able|forced|happy|glad))|\bwill\s+be\s+(?:brought\s+to\s+justice|held\s+(?:accountable|responsible)|punished|prosecuted)\b/i;
// "has to do with" relates, it does not oblige.
const DEONTIC = /\b(should|must|ought to|(?:have|has|need|needs) to(?! do with))\b/i;
// The writer's own "should" (not one inside an embedded question: "wondered whether they should cancel").
const OWN_DEONTIC = /\b(?:should|ought to)\b(?<!\b(?:if|whether)\s+(?:[\w'’-]+\s+){0,3}(?:should|ought to))/i;
const PREDICTION =
  /\b(?!(?:we|i|our|us)\b)[\p{L}'’]+\s+(?:will|would|won['’]t|is going to|are going to)\s+(?!not\s+(?:allow|tolerate|accept))/iu;

/** What every sieve reads. */
interface Input {
  text: string;
  cue: ModalityCue | null;
  cls: string | null;
  attributed: boolean;
  quoteWords: number;
  /** The quoted words: all of the text when it is spoken (a transcript's turn), else those inside quotation marks. */
  quoted: string;
  ownText: boolean;
  /** The article argues (an op-ed, an analysis): see voice.ts. */
  argued: boolean;
  /** The article leans to argument without reaching the argued density: see voice.ts. */
  leaning: boolean;
}
type Sieve = [name: string, modality: Modality, fires: (x: Input) => boolean];
/** The writer's own sentence: nobody it is attributed to, no speech verb or outlet that cues a source. */
const writersOwn = ({ attributed, ownText, cue }: Input) => !attributed && ownText && !cue?.verb && !cue?.viaOutlet;

/**
 * The ordered sieves (most decisive first, in the gold's precedence); the first that fires gives the modality.
 * Named so that `modalityWhy` can tell which one decided a claim and the eval can measure each one's precision.
 */
const SIEVES: Sieve[] = [
  // An apology, or owning up that one's own claim was false, acknowledges fault: the falsity verdict it carries is
  // no denial ("we sincerely apologize", "has acknowledged that the allegations were false").
  ['apology', 'ADMITTED', ({ text }) => APOLOGY.test(text)],
  [
    'denial',
    'DENIED',
    ({ cls, text }) =>
      ((cls === 'deny' || DENIAL_WORD.test(text)) &&
        !REFUSAL.test(text) &&
        !WITHHOLDING.test(text) &&
        !REJECTED_PROPOSAL.test(text)) ||
      FALSITY.test(text) ||
      FALSITY_NOUN.test(text) ||
      OWN_NEGATION.test(text) ||
      REJECTION.test(text) ||
      disputesClaim(text),
  ],
  // Claiming an attack confirms the act; taking responsibility for a mistake owns up to it (an admission, below).
  [
    'responsibility',
    'CONFIRMED',
    ({ attributed, text }) =>
      attributed &&
      !FAULT.test(text) &&
      /\b(claim(?:ed|s|ing)?|took|take|takes|taking|accept(?:ed|s)?)\s+(?:full\s+)?responsibility\b/i.test(text),
  ],
  [
    'quoted own negation',
    'DENIED',
    ({ attributed, quoteWords, text }) => attributed && quoteWords > 0 && quotedOwnDenial(text),
  ],
  [
    'admission',
    'ADMITTED',
    ({ cls, attributed, text }) =>
      cls === 'admit' || (attributed && (FAULT.test(text) || EMBEDDED_ADMISSION.test(text))),
  ],
  [
    'confirmation',
    'CONFIRMED',
    ({ cls, attributed, text }) =>
      cls === 'confirm' ||
      /\b(did|does|do)\s+(say|confirm)\b/.test(text) ||
      CONFIRMATION.test(text) ||
      CLAIMED_ACT.test(text) ||
      (attributed && OWN_ACT.test(text)),
  ],
  // "suggested" offers a possibility: the speaker's assessment, not an assertion of fact.
  ['suggestion', 'OPINION', ({ cue }) => !!cue?.verb && /^suggest/i.test(cue.verb)],
  // Charging someone with a crime is a legal act the outlet relays, not a claim it distances itself from ("charged the bank with fraud"); "charged that" is a claim.
  [
    'legal charge',
    'REPORTED',
    ({ cls, cue, text }) => cls === 'claim' && /^charged$/i.test(cue?.verb ?? '') && !/\bcharged\s+that\b/i.test(text),
  ],
  // A party's assertion about its own conduct is declarative ("insisted he would not ...").
  [
    'insisted own conduct',
    'REPORTED',
    ({ cls, cue, text }) =>
      cls === 'claim' &&
      !!cue?.verb &&
      /^insist/.test(cue.verb) &&
      !ACCUSATION.test(text) &&
      /\binsist\w*\s+(?:that\s+)?(he|she|we|I|it|they)\b/i.test(text),
  ],
  ['claim verb', 'ALLEGED', ({ cls }) => cls === 'claim'],
  [
    'distancing',
    'ALLEGED',
    ({ text }) =>
      /\baccused by\b/i.test(text) ||
      DISTANCING.test(text) ||
      (THIRD_PARTY_BELIEF.test(text) && !beliefIsView(text) && beliefCharges(text)),
  ],
  // A belief ascribed to someone that holds a judgement is their view.
  ['believed view', 'OPINION', ({ text }) => THIRD_PARTY_BELIEF.test(text) && beliefIsView(text)],
  // A label or a judgment put on an act is the speaker's evaluation, even when the label is an accusation ("called it a \"cowardly terrorist attack\"").
  [
    'attributed judgment',
    'OPINION',
    ({ attributed, text }) => attributed && (LABEL_QUOTE.test(text) || EVALUATIVE.test(text)),
  ],
  // A pledge about the speaker's own acts is a statement, whatever words of accusation it carries ("Our operations will continue until the aggression ends").
  [
    'quoted pledge',
    'QUOTED_STATEMENT',
    ({ attributed, quoteWords, quoted }) => attributed && quoteWords > 0 && PLEDGE.test(quoted),
  ],
  // Saying a charge is false or that there was none is a denial, though it names the charge (denied > alleged).
  ['denied charge', 'DENIED', ({ attributed, text }) => attributed && DENIED_CHARGE.test(text)],
  ['accusation', 'ALLEGED', ({ attributed, text }) => attributed && chargesSomeone(text)],
  ['opinion verb or expert', 'OPINION', ({ cls, cue }) => cls === 'opinion' || !!cue?.expert],
  [
    'appeal verb',
    'OPINION',
    ({ attributed, cue, text }) =>
      attributed &&
      !!cue?.verb &&
      /^(called|urged|urges|urging|demanded|appealed)$/.test(cue.verb) &&
      /\b(called|urged|urges|demanded|appealed)\s+(?:on|for|upon)\b/.test(text),
  ],
  [
    'quoted imperative',
    'OPINION',
    ({ attributed, text }) => attributed && IMPERATIVE.test(text.slice(text.search(/["“]/))),
  ],
  ['attributed modal', 'OPINION', ({ attributed, text }) => attributed && MODAL_ATTR.test(modalsOnly(text))],
  ['relayed forecast', 'OPINION', ({ attributed, cue, text }) => attributed && !cue?.viaOutlet && FORECAST.test(text)],
  // An appeal is opinion where its words are given ("urged nations to \"reject the cancer of ...\"") or where it is the
  // message of an address ("used the address to urge"); an appeal told without them is an act the writer relays
  // ("authorities urged residents to stay away", "called for his impeachment").
  [
    'evaluation or hedge',
    'OPINION',
    ({ quoteWords, text }) =>
      EVALUATIVE.test(text) ||
      CONCESSION.test(text) ||
      HEDGE.test(outsideQuotes(text).replace(DESCRIPTIVE_HEDGE, '')) ||
      (APPEAL.test(text) && (quoteWords > 0 || OCCASION_APPEAL.test(text))) ||
      LABEL_QUOTE.test(text) ||
      FIRST_PERSON_VIEW.test(text),
  ],
  [
    'own hedge',
    'OPINION',
    ({ attributed, ownText, cue, text }) =>
      !attributed &&
      ownText &&
      HEDGE_OWN.test(modalsOnly(text).replace(DESCRIPTIVE_HEDGE, '').replace(REPORTED_FINDING, ' ')) &&
      !cue?.viaOutlet &&
      !POLLED_BELIEF.test(text),
  ],
  ['own interpretation', 'OPINION', (x) => writersOwn(x) && INTERPRETIVE_FRAME.test(outsideQuotes(x.text))],
  // The writer vouching for what they say: see WRITER_CERTAINTY.
  ['own certainty', 'OPINION', (x) => writersOwn(x) && WRITER_CERTAINTY.test(outsideQuotes(x.text))],
  // The writer framing what follows as the truth of the matter or its trouble: see WRITER_FRAME.
  ['own frame', 'OPINION', (x) => writersOwn(x) && WRITER_FRAME.test(outsideQuotes(x.text).trim())],
  // What someone should or must do, in the writer's own words, is the writer's view ("The campaign should build ...").
  ['own deontic', 'OPINION', (x) => writersOwn(x) && OWN_DEONTIC.test(outsideQuotes(x.text))],
  ['own verdict', 'OPINION', (x) => writersOwn(x) && x.quoteWords === 0 && ownVerdict(x.text)],
  // A source's verdict told in the writer's words ("The senator said the plan was wrong.") is the source's judgement.
  [
    'relayed verdict',
    'OPINION',
    ({ attributed, cue, quoteWords, text }) =>
      attributed && !!cue?.verb && quoteWords === 0 && ownVerdict(afterCue(text, cue.verb)),
  ],
  // Something said to be too much of what it is is a judgement, the writer's or the source's (see EXCESS).
  ['excess', 'OPINION', ({ text }) => judgesExcess(outsideQuotes(text))],
  // A judgement put before what it judges ("it is important to", "it would be wrong for"): see EXTRAPOSED.
  ['extraposed judgement', 'OPINION', ({ text }) => extraposedJudgement(outsideQuotes(text))],
  // The writer's own question asserts nothing it could report: a rhetorical question argues ("Why not tax increases?").
  [
    'own question',
    'OPINION',
    ({ attributed, ownText, cue, text }) =>
      !attributed && ownText && !cue?.viaOutlet && /\?\s*$/.test(outsideQuotes(text).trimEnd()),
  ],
  // A quoted prediction about others is an assessment; a pledge about the speaker's own acts ("we will") is not.
  [
    'quoted prediction',
    'OPINION',
    ({ attributed, quoteWords, quoted }) => attributed && quoteWords > 0 && PREDICTION.test(quoted),
  ],
  // What someone should or must do, in their own words, is an appeal ("The US side should stop ...").
  ['quoted deontic', 'OPINION', (x) => spokenQuote(x) && DEONTIC.test(x.quoted)],
  // In an argued piece, the writer's own sentence that weighs what it states is the writer's view ("Yet it's an
  // ineffective solution"), also with a word or two in scare quotes (the writer's voice, not a quotation); a dated
  // statement of what happened stays a report.
  [
    'argued piece',
    'OPINION',
    ({ argued, attributed, ownText, cue, quoteWords, text }) =>
      argued &&
      !attributed &&
      ownText &&
      !cue?.verb &&
      !cue?.viaOutlet &&
      quoteWords < QUOTE_MIN_WORDS &&
      writerEvaluates(text),
  ],
  // In a piece that leans to argument, the writer's own sentence that weighs in several ways at once is the writer's
  // view ("Grass-roots efforts are much more easily stifled by complex and punishing laws."); one or two kinds are the
  // news voice too.
  ['leaning piece', 'OPINION', (x) => x.leaning && writersOwn(x) && x.quoteWords === 0 && writerWeighs(x.text)],
  [
    'quoted evaluation',
    'OPINION',
    (x) =>
      spokenQuote(x) &&
      (QUOTED_EVALUATION.test(x.quoted) || ratedPredicate(x.quoted) || quotedComplementJudges(x.text)),
  ],
  ['speaker verdict', 'OPINION', ({ attributed, text }) => attributed && SPEAKER_VERDICT.test(text)],
  [
    'quotation',
    'QUOTED_STATEMENT',
    ({ attributed, quoteWords, cls }) => attributed && quoteWords > 0 && (cls === 'say' || cls === null),
  ],
  // A quotation of several words is someone's statement even when its speaker was not found (a few quoted words
  // here and there are phrases the writer picks out, not a quotation); a cited outlet's quoted words are its statement.
  [
    'unattributed quotation',
    'QUOTED_STATEMENT',
    ({ attributed, quoteWords, quoted, cue }) =>
      !attributed && (longestQuote(quoted) >= QUOTE_MIN_WORDS || (!!cue?.viaOutlet && quoteWords > 0)),
  ],
];

/**
 * Someone's quoted words: of a found speaker, or a quotation of several words whose speaker was not found (a word
 * or two in quotes may be the writer's scare quotes).
 */
const spokenQuote = ({ attributed, quoteWords, quoted }: Input) =>
  quoteWords > 0 && (attributed || longestQuote(quoted) >= QUOTE_MIN_WORDS);

// Refusing to confirm or deny ("we do not confirm or deny", "could neither confirm nor deny the indictment", "has not
// confirmed or denied that ...") is declining to comment: neither a denial nor a confirmation (nor the hedge of its
// "could"), so the phrase is read as that before any sieve.
const NO_COMMENT =
  /\b(?:(?:could|can|would|will|cannot|[a-z]+n['’]t)\s+["“]?)?(?:(?:neither|not|never)\s+)?(?:confirm(?:ed|s|ing)?\s+n?or\s+den(?:y|ied|ies|ying)|den(?:y|ied|ies|ying)\s+n?or\s+confirm(?:ed|s|ing)?)\b/gi;

/** The modality of one claim's evidence and the sieve that decided it ("default" when none fired: reported). */
export function modalityWhy(
  raw: string,
  cue: ModalityCue | null,
  quoteWords: number,
  ownText: boolean,
  argued = false,
  leaning = false,
): [Modality, string] {
  const text = raw.replace(NO_COMMENT, 'withhold comment on');
  const x: Input = {
    text,
    cue,
    cls: cue?.verb ? (REPORT_VERBS[cue.verb.toLowerCase()] ?? 'say') : null,
    attributed: !!cue?.attributed,
    quoteWords,
    quoted: quoteWords >= (text.match(/\S+/g) ?? []).length ? text : insideQuotes(text),
    ownText,
    argued,
    leaning,
  };
  for (const [name, modality, fires] of SIEVES) if (fires(x)) return [modality, name];
  return ['REPORTED', 'default'];
}

/** Which sieve decided each claim's modality (read by the eval to measure each sieve's precision on gold). */
export const modalitySieve = new WeakMap<object, string>();

/** Reads the modality of one claim's evidence given its cue and how many of its words are quoted. */
export function modalityOf(text: string, cue: ModalityCue | null, quoteWords: number, ownText: boolean): Modality {
  return modalityWhy(text, cue, quoteWords, ownText)[0];
}

/** The text with quotations blanked: a hedge inside a quotation is the speaker's wording, not a hedge on the relay. */
function outsideQuotes(text: string): string {
  return text.replace(/["“][^"”]*["”]?/g, ' ');
}

/** The number of words of the longest quotation in the quoted words. */
function longestQuote(quoted: string): number {
  return Math.max(0, ...quoted.split(/["”“]/).map((q) => (q.match(/\S+/g) ?? []).length));
}

/** Only the quoted words of the text. */
function insideQuotes(text: string): string {
  return (text.match(/["“][^"”]*["”]?/g) ?? []).join(' ');
}
