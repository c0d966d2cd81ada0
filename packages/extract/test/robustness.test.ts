// Bad input gets a typed error, never a crash or a hang; time stays linear in the input size.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, ExtractError } from '../src/index.js';

const seedsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../corpus/seeds');
const SEEDS = [
  '000_e183f92d0e6f940b.txt',
  '001_80d017e1972bd3d0.txt',
  '002_a793cbcdff3aefe9.txt',
  '003_0c32177487d0a4bc.txt',
  '004_79c1a45573b89a30.txt',
].map((f) => readFileSync(join(seedsDir, f), 'utf8'));
const corpus = SEEDS.join('\n\n');
const ofSize = (n: number, unit = corpus) => {
  let s = '';
  while (s.length < n) s += unit + '\n\n';
  return s.slice(0, n);
};

/** Runs extract and returns the error code, or 'OK'; anything but ExtractError fails the test. */
function outcome(text: string, format?: 'text' | 'html'): string {
  try {
    extract({ text, outlet: 'Test', ...(format ? { format } : {}) });
    return 'OK';
  } catch (e) {
    if (!(e instanceof ExtractError)) throw e;
    return e.code;
  }
}

/** CPU milliseconds (user + system) of f: other processes on a busy machine do not count. */
function time(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

describe('real articles', () => {
  // 40 articles of the Article-Bias-Prediction corpus (test/corpus-sample/README.md), extracted as an ingest would.
  const sample = readFileSync(
    resolve(dirname(fileURLToPath(import.meta.url)), 'corpus-sample/articles-40.jsonl'),
    'utf8',
  )
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string; source: string; url: string; date?: string });
  it('extracts 40 articles from 20 outlets without error', () => {
    expect(sample).toHaveLength(40);
    const failed: string[] = [];
    for (const a of sample) {
      try {
        const r = extract({ text: a.text, outlet: a.source, url: a.url, ...(a.date ? { publishedAt: a.date } : {}) });
        if (!r.claims.length) failed.push(`${a.id}: no claims`);
      } catch (e) {
        failed.push(`${a.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(failed).toEqual([]);
  }, 120_000);

  // An article published as one line (its line breaks lost, quotations glued to the sentences around them) with an
  // inline "Click Here Now" teaser: chrome rules apply to short lines only, and glued quotations still split.
  it('extracts an article published as one line with an inline video teaser', () => {
    const a = JSON.parse(
      readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), 'corpus-sample/one-line-article.json'), 'utf8'),
    ) as { text: string; source: string; url: string; date: string };
    const r = extract({ text: a.text, outlet: a.source, url: a.url, publishedAt: a.date });
    expect(r.claims.length).toBeGreaterThan(5);
  });
});

describe('bad input', () => {
  it('pathological punctuation and markup', () => {
    const cases: [string, string, 'text' | 'html' | undefined][] = [
      ['100k dots', '.'.repeat(100_000), undefined],
      ['100k quotes', '"'.repeat(100_000), undefined],
      ['100k curly quotes', '“'.repeat(50_000) + '”'.repeat(50_000), undefined],
      ['dotted words', 'Word. '.repeat(20_000), undefined],
      ['unclosed quotes', '“Abc Def, '.repeat(10_000), undefined],
      [
        'deeply nested tags',
        '<div>'.repeat(100_000) + '<p>Officials said the strike hit a depot.</p>' + '</div>'.repeat(100_000),
        'html',
      ],
      ['unclosed tag', '<p>Officials said it. <div class="a'.repeat(1000), 'html'],
      ['script only', '<html><script>' + 'var a = "Officials said."; '.repeat(5000) + '</script></html>', 'html'],
      ['blank runs', 'A' + ' '.repeat(500_000) + 'b said it.', undefined],
      ['no sentences', '--- *** ### ???', undefined],
      ['binary', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('latin1'), undefined],
      ['NUL bytes in text', 'Officials said the talks failed.\u0000\u0000 Egypt denied it.', undefined],
    ];
    for (const [name, text, format] of cases) {
      const t0 = performance.now();
      const code = outcome(text, format);
      expect(['OK', 'NO_SENTENCES', 'EMPTY_TEXT', 'BINARY_CONTENT'], name).toContain(code);
      expect(performance.now() - t0, name).toBeLessThan(60_000);
    }
  }, 300_000);

  it('drops scripts and styles from HTML', () => {
    const html =
      '<html><head><style>.x{}</style></head><body><script>alert("Officials said")</script><p>Egypt said the border would open.</p></body></html>';
    const r = extract({ text: html });
    expect(r.body).toBe('Egypt said the border would open.');
  });
});

describe('property tests (fast-check, seeded)', () => {
  it('never throws anything but ExtractError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        outcome(s);
      }),
      { seed: 42, numRuns: 300 },
    );
  }, 120_000);

  it('never throws anything but ExtractError on article-like text with noise', () => {
    const pieces = corpus.split(/(?<=[.!?”"])\s+|\n+/).filter(Boolean);
    const noise = fc.constantFrom(
      '"',
      '“',
      '”',
      '<p>',
      '</div>',
      '\u0000',
      '\ufffd',
      '...',
      ' , ',
      '(',
      ')',
      '\n\n',
      'U.S.',
      'Jan. 3',
      '—',
      '<script>',
      '&amp;',
      'According to',
      ' said ',
      'Mr. ',
    );
    const doc = fc
      .array(fc.oneof(fc.constantFrom(...pieces), noise, fc.string({ maxLength: 40 })), { maxLength: 120 })
      .map((a) => a.join(' '));
    fc.assert(
      fc.property(doc, fc.constantFrom<'text' | 'html' | undefined>(undefined, 'text', 'html'), (s, format) => {
        outcome(s, format);
      }),
      { seed: 7, numRuns: 300 },
    );
  }, 120_000);

  it('stays roughly linear on random repetitive input', () => {
    const unit = fc.string({
      minLength: 1,
      maxLength: 12,
      unit: fc.constantFrom('a', 'A', ' ', '.', '"', '“', '”', ',', '<', '>', '\n', 'said', 'The ', '(', ')', '-', '1'),
    });
    fc.assert(
      fc.property(unit, (u) => {
        const small = ofSize(20_000, u);
        const big = ofSize(80_000, u);
        // Best of three: one GC pause must not decide the test.
        const best = (t: string) =>
          Math.min(
            time(() => outcome(t)),
            time(() => outcome(t)),
            time(() => outcome(t)),
          );
        const ts = Math.max(5, best(small));
        const tb = best(big);
        expect(tb / ts).toBeLessThan(16); // 4 when linear; generous for timer noise on small inputs
      }),
      { seed: 3, numRuns: 25, verbose: true },
    );
  }, 300_000);
});

describe('linear time', () => {
  it('a 4 MB article takes about four times a 1 MB article', () => {
    const one = ofSize(1_000_000);
    const four = ofSize(4_000_000);
    extract({ text: ofSize(100_000) }); // warm up
    const t1 = time(() => extract({ text: one, outlet: 'X' }));
    const t4 = time(() => extract({ text: four, outlet: 'X' }));
    const ratio = t4 / t1;
    console.log(`1 MB: ${t1.toFixed(0)} ms, 4 MB: ${t4.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`);
    // Linear is 4 and quadratic 16. Alone it measures about 5; on a shared, loaded machine cache and GC pressure
    // have pushed it past 7 with no change in the code, so the bound sits between the two growths.
    expect(ratio).toBeLessThan(10);
  }, 600_000);

  it('handles a 5 MB article', () => {
    const r = extract({ text: ofSize(5_000_000), outlet: 'X' });
    expect(r.claims.length).toBeGreaterThan(1000);
  }, 600_000);
});
