// Fails when a headline seeds score drops more than 0.02 below eval/baseline.json.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, type GoldFile } from './eval-lib.js';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const goldDir = join(pkg, 'eval/seeds-gold');
const textsDir = resolve(pkg, '../../corpus/seeds');
const baseline = JSON.parse(readFileSync(join(pkg, 'eval/baseline.json'), 'utf8')) as Record<string, number>;

function runEval(gold: string, texts: string) {
  const files = readdirSync(gold).filter((f) => f.endsWith('.json') && f !== 'contradictions.json').sort();
  return evaluate(
    files.map((f) => JSON.parse(readFileSync(join(gold, f), 'utf8')) as GoldFile),
    (file) => readFileSync(join(texts, file), 'utf8'),
    JSON.parse(readFileSync(join(gold, 'contradictions.json'), 'utf8')),
  );
}

describe('seeds eval regression', () => {
  const report = runEval(goldDir, textsDir);
  for (const k of ['actorF1', 'claimF1', 'chainExact', 'modalityAcc', 'dateAcc', 'dateTypeAcc'] as const) {
    it(`${k} stays within 0.02 of the baseline`, () => {
      expect(report.overall[k]).toBeGreaterThanOrEqual((baseline[k] ?? 0) - 0.02);
    });
  }
  it('finds the listed contradictions and flags no corroboration', () => {
    expect(report.overall.contradictionsFound).toBeGreaterThanOrEqual(baseline.contradictionsFound ?? 0);
    expect(report.overall.corroborationsFlagged).toBeLessThanOrEqual(baseline.corroborationsFlagged ?? 0);
  });
});

describe('own fixtures eval', () => {
  it('scores the hand-written fixtures (wire, state media, live blog, translated, HTML)', () => {
    const r = runEval(join(pkg, 'test/fixtures/gold'), join(pkg, 'test/fixtures/texts'));
    expect(r.overall.actorF1).toBeGreaterThanOrEqual(0.9);
    expect(r.overall.chainExact).toBeGreaterThanOrEqual(0.8);
    expect(r.overall.contradictionsFound).toBe(1);
    expect(r.overall.corroborationsFlagged).toBe(0);
  });
});
