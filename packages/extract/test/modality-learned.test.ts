// The learned modality decision: its committed weights are what the training script makes from the tuning half,
// and the model learns from general features (shown on made-up sentences, never gold ones).
import { describe, expect, it } from 'vitest';
import { modalityWhy, type ModalityCue } from '../src/claims/modality.js';
import { opinionFeatures, predict } from '../src/claims/opinion.js';
import weights from '../src/claims/opinion-weights.json' with { type: 'json' };
import { train, tuningExamples, type Example, type TrainedModel } from '../eval/train-modality.js';

const committed: TrainedModel = weights;

const said: ModalityCue = { verb: 'said', attributed: true, expert: false, viaOutlet: false };
const reading = (text: string, cue: ModalityCue | null = said) => modalityWhy(text, cue, 0, !cue)[2];
const example = (text: string, gold: string, story: string): Example => {
  const r = reading(text);
  return { features: opinionFeatures(r), gold, ruled: r.ruled.toLowerCase(), story };
};

describe('the learned modality decision', () => {
  it('has committed weights that the training script makes from the tuning half', () => {
    // A change to the claims the tuning half yields changes the examples: re-make the weights with the script.
    const stale = 'src/claims/opinion-weights.json is stale: run `npx tsx eval/train-modality.ts` in packages/extract';
    const model = train(tuningExamples(), committed.l2);
    expect(model.classes, stale).toEqual(committed.classes);
    expect(model.features, stale).toEqual(committed.features);
    model.weights.forEach((w, k) => w.forEach((v, j) => expect(v, stale).toBeCloseTo(committed.weights[k]![j]!, 3)));
    expect(committed.use).toBe(committed.crossValidation.byL2[String(committed.l2)]! > committed.crossValidation.rules);
  }, 120_000);

  it('learns from general features: deontic and predictive wording as opinion, dated past-tense reports as reported', () => {
    const opinions = [
      'The council should reopen the bridge before winter.',
      'Voters must not forget what this plan would cost them.',
      'The committee should explain why the audit is so late.',
      'This is a very clear sign that the policy is failing.',
      'Regulators ought to act before the market collapses.',
      'The new rules will only make the shortage worse.',
    ];
    const reports = [
      'The bridge reopened to traffic on Tuesday.',
      'Officials said 12 people were injured in the fire on Monday.',
      'The committee released the audit in March.',
      'Police arrested two men at the station on Friday.',
      'The company reported a loss of $40 million in 2019.',
      'The ministry said the ship docked at the port on Sunday.',
    ];
    const model = train(
      [
        ...opinions.map((t, i) => example(t, 'opinion', `s${i}`)),
        ...reports.map((t, i) => example(t, 'reported', `s${i}`)),
      ],
      0.01,
    );
    const decide = (t: string) => predict(model, opinionFeatures(reading(t)));
    expect(decide('The city should stop paying for the stadium.')).toBe('opinion');
    expect(decide('Rescuers found three survivors on Wednesday.')).toBe('reported');
  });

  it('reads features that are finite for any wording (no lexicon lookups through the prototype)', () => {
    const f = opinionFeatures(reading('The constructor said the toString method was hasOwnProperty of nobody.'));
    for (const v of Object.values(f)) expect(Number.isFinite(v)).toBe(true);
  });

  it('leaves the sieves to decide while the model does not beat them in cross-validation', () => {
    if (committed.use) return;
    const why = (text: string, cue: ModalityCue | null, quoteWords: number) =>
      modalityWhy(text, cue, quoteWords, !cue).slice(0, 2);
    expect(why('The ship docked at the port on Monday.', null, 0)).toEqual(['REPORTED', 'default']);
    expect(why('"We fired five drones at the terminal," the spokesman said.', said, 6)).toEqual([
      'QUOTED_STATEMENT',
      'quotation',
    ]);
  });
});
