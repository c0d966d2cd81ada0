// Trains the learned modality decision (src/claims/opinion.ts) on the tuning half of the gold only (eval/split.json)
// and writes it to src/claims/opinion-weights.json: a multinomial logistic regression, fitted by full-batch gradient
// descent from zero weights (deterministic, so a test re-trains and compares). Its L2 penalty is chosen by
// leave-one-story-out accuracy on the tuning half; the sieves' own decision (which sieve fired) is unpenalised, so a
// strong penalty gives back the rules and a weak one lets the content features overrule them.
// Usage: npx tsx eval/train-modality.ts
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { modalityReading, modalitySieve } from '../src/claims/modality.js';
import { LEARNED_OVER, opinionFeatures, predict, type OpinionModel } from '../src/claims/opinion.js';
import { loadSplit, run, scoreFile } from '../test/eval-lib.js';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEIGHTS_PATH = join(pkgDir, 'src/claims/opinion-weights.json');
const SPLIT_PATH = join(pkgDir, 'eval/split.json');
/** The penalties tried, weakest first; a tie goes to the stronger (the one closer to the rules). */
const L2_GRID = [0.001, 0.01, 0.03, 0.1, 0.3];
const STEPS = 3000;
const RATE = 0.5;

/** One training example: the claim's named features, its gold modality, the rules' modality and its story. */
export interface Example {
  features: Record<string, number>;
  gold: string;
  ruled: string;
  story: string;
}

/** The committed model with how it was chosen. */
export interface TrainedModel extends OpinionModel {
  note: string;
  l2: number;
  /** Leave-one-story-out accuracy per penalty, and the rules' accuracy on the same claims. */
  crossValidation: { claims: number; stories: number; rules: number; byL2: Record<string, number> };
}

/** The tuning half's matched claims that a sieve in LEARNED_OVER decided, with their gold modality. */
export function tuningExamples(splitPath = SPLIT_PATH): Example[] {
  const out: Example[] = [];
  for (const folder of loadSplit(splitPath, () => {}).tuning)
    for (const gold of folder.golds) {
      const res = run(gold, folder.readText(gold.file));
      // scoreFile reports each matched claim's modalitySieve entry: the claim's index there tells which claim it matched.
      res.claims.forEach((c, i) => modalitySieve.set(c, String(i)));
      for (const [g, , idx] of scoreFile(gold, res).modalityPairs) {
        const reading = modalityReading.get(res.claims[Number(idx)] as object);
        if (!reading || !LEARNED_OVER.has(reading.sieve)) continue;
        const story = `${folder.name}/${gold.file.slice(0, 3)}`;
        out.push({ features: opinionFeatures(reading), gold: g, ruled: reading.ruled.toLowerCase(), story });
      }
    }
  return out;
}

/** Fits the model: softmax over classes, mean cross-entropy plus l2 / 2 times the squared content weights. */
export function train(examples: Example[], l2: number): OpinionModel {
  const classes = [...new Set(examples.map((e) => e.gold))].sort();
  const features = [...new Set(examples.flatMap((e) => Object.keys(e.features)))].sort();
  const X = examples.map((e) => features.map((f) => e.features[f] ?? 0));
  const y = examples.map((e) => classes.indexOf(e.gold));
  const k = classes.length;
  const d = features.length;
  const W = new Float64Array(k * d);
  const grad = new Float64Array(k * d);
  const p = new Float64Array(k);
  const penalty = features.map((f) => (f === 'bias' || f.startsWith('sieve:') ? 0 : l2));
  for (let step = 0; step < STEPS; step++) {
    grad.fill(0);
    X.forEach((x, i) => {
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (W[c * d + j] as number) * (x[j] as number);
        p[c] = s;
        if (s > max) max = s;
      }
      let total = 0;
      for (let c = 0; c < k; c++) total += p[c] = Math.exp((p[c] as number) - max);
      for (let c = 0; c < k; c++) {
        const g = ((p[c] as number) / total - (c === y[i] ? 1 : 0)) / X.length;
        for (let j = 0; j < d; j++) grad[c * d + j] = (grad[c * d + j] as number) + g * (x[j] as number);
      }
    });
    for (let c = 0; c < k; c++)
      for (let j = 0; j < d; j++) {
        const w = W[c * d + j] as number;
        W[c * d + j] = w - RATE * ((grad[c * d + j] as number) + (penalty[j] as number) * w);
      }
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return { classes, features, weights: classes.map((_, c) => [...W.subarray(c * d, (c + 1) * d)].map(round)) };
}

/** Accuracy on each story's claims of the model trained on the other stories'. */
export function crossValidate(examples: Example[], l2: number): number {
  let ok = 0;
  for (const s of new Set(examples.map((e) => e.story))) {
    const m = train(
      examples.filter((e) => e.story !== s),
      l2,
    );
    for (const e of examples) if (e.story === s && predict(m, e.features) === e.gold) ok++;
  }
  return ok / examples.length;
}

/** Chooses the penalty by cross-validation and fits the model on every example. */
export function trainModel(examples: Example[]): TrainedModel {
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const byL2 = Object.fromEntries(L2_GRID.map((l2) => [String(l2), round(crossValidate(examples, l2))]));
  const l2 = L2_GRID.reduce((best, l2) => ((byL2[String(l2)] as number) >= (byL2[String(best)] as number) ? l2 : best));
  const rules = round(examples.filter((e) => e.ruled === e.gold).length / examples.length);
  return {
    note: 'Written by eval/train-modality.ts from the tuning half (eval/split.json); do not edit by hand. Used only when its cross-validated accuracy beats the rules.',
    l2,
    crossValidation: { claims: examples.length, stories: new Set(examples.map((e) => e.story)).size, rules, byL2 },
    ...train(examples, l2),
    use: (byL2[String(l2)] as number) > rules,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const model = trainModel(tuningExamples());
  // Written as Prettier would write it, so that the format check passes on a fresh run.
  const options = { ...(await resolveConfig(WEIGHTS_PATH)), filepath: WEIGHTS_PATH };
  writeFileSync(WEIGHTS_PATH, await format(JSON.stringify(model), options));
  const cv = model.crossValidation;
  console.log(
    `wrote ${WEIGHTS_PATH}: ${cv.claims} claims of ${cv.stories} stories; leave-one-story-out accuracy by L2 ${JSON.stringify(cv.byL2)}, the rules' ${cv.rules}; chose L2 ${model.l2}, ${model.use ? 'used' : 'not used (the rules decide)'}`,
  );
}
