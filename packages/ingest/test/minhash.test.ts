// MinHash signatures and the near-duplicate decision, without a database.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HASHES, MIN_SHINGLES, jaccard, nearDuplicate, shingles, signatureOf } from '../src/origins/minhash.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/origins/${name}.txt`, import.meta.url), 'utf8');

/** A text of `n` distinct made-up words, starting at word `from` (word k is "w<k>"). */
const wordsText = (from: number, n: number) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');

/** The exact Jaccard similarity of two texts' shingle sets. */
function exactJaccard(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  const inter = [...sa].filter((x) => sb.has(x)).length;
  return inter / (sa.size + sb.size - inter);
}

describe('MinHash signatures', () => {
  it('estimate the Jaccard similarity of the shingle sets within a few hundredths', () => {
    for (const overlap of [0, 100, 200, 300, 380]) {
      const a = wordsText(0, 400);
      const b = wordsText(400 - overlap, 400);
      const est = jaccard(signatureOf(a)!.minhash, signatureOf(b)!.minhash);
      // 126 values: the estimate's standard deviation is at most 0.045.
      expect(Math.abs(est - exactJaccard(a, b))).toBeLessThan(0.15);
    }
  });

  it('are the same for the same text whatever its spacing and case, and differ otherwise', () => {
    const a = signatureOf(fixture('wire'))!;
    expect(a.minhash).toHaveLength(HASHES);
    expect(signatureOf(fixture('wire').toUpperCase().replace(/\n+/g, '  '))).toEqual(a);
    expect(jaccard(a.minhash, signatureOf(fixture('other'))!.minhash)).toBeLessThan(0.1);
  });

  it('are not computed for a text too short to tell a copy from a shared quote', () => {
    expect(signatureOf(wordsText(0, MIN_SHINGLES + 3))).toBeNull();
    expect(signatureOf(wordsText(0, MIN_SHINGLES + 4))).not.toBeNull();
  });
});

describe('nearDuplicate', () => {
  const wire = signatureOf(fixture('wire'))!;

  it('links a republished wire story with a new headline and a lightly edited paragraph', () => {
    const r = nearDuplicate(wire, signatureOf(fixture('republished'))!);
    expect(r.same).toBe(true);
    expect(r.jaccard).toBeGreaterThan(0.7);
  });

  it('keeps apart two different reports of the same event', () => {
    expect(nearDuplicate(wire, signatureOf(fixture('other'))!).same).toBe(false);
  });

  it('links a copy trimmed to its first two thirds, not a longer piece quoting a third of it', () => {
    const paragraphs = fixture('wire').split(/\n\n/);
    const trimmed = paragraphs.slice(0, 7).join('\n\n');
    expect(nearDuplicate(wire, signatureOf(trimmed)!).same).toBe(true);
    const quoting = [fixture('other'), ...paragraphs.slice(1, 4)].join('\n\n');
    expect(nearDuplicate(wire, signatureOf(quoting)!).same).toBe(false);
  });
});
