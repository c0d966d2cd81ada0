import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CollectError, decodeBody, readArticle } from '../src/index.js';

// Saved pages of several layouts, written for these tests (fixtures/pages), with each article's
// paragraphs and metadata in fixtures/pages.json, and the page chrome (menus, related links,
// newsletter and cookie boxes, share buttons, comments, footers) they surround the article with.
const expected = JSON.parse(readFileSync(new URL('fixtures/pages.json', import.meta.url), 'utf8')) as {
  articles: Record<
    string,
    {
      title: string;
      byline: string | null;
      publishedAt: string | null;
      language: string;
      canonicalUrl: string | null;
      paragraphs: string[];
    }
  >;
  chrome: string[];
};
const page = (name: string) => readFileSync(new URL(`fixtures/pages/${name}.html`, import.meta.url));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** How much of the article was kept, and how much of what was kept is not article (chrome). */
export function measure(text: string, paragraphs: string[], title: string) {
  let rest = squash(text);
  let found = 0;
  for (const p of paragraphs) {
    if (rest.includes(squash(p))) {
      found += squash(p).length;
      rest = rest.replace(squash(p), ' ');
    }
  }
  rest = squash(rest.replace(title, ' '));
  return {
    recall: found / paragraphs.reduce((n, p) => n + squash(p).length, 0),
    chrome: rest.length / squash(text).length,
    leftover: rest,
  };
}

describe('article text from HTML pages', () => {
  const names = Object.keys(expected.articles);
  const rows: string[] = [];

  it.each(names)('%s: keeps the whole article, its metadata, and little chrome', (name) => {
    const want = expected.articles[name]!;
    const base = want.canonicalUrl ?? 'https://example.at/2026/cafes';
    const got = readArticle(decodeBody(page(name), null), base);
    expect(got.title).toBe(want.title);
    expect(got.publishedAt).toBe(want.publishedAt);
    expect(got.canonicalUrl).toBe(want.canonicalUrl);
    expect(got.language).toBe(want.language);
    if (want.byline) expect(got.byline).toContain(want.byline.replace(/^By /, ''));
    const m = measure(got.text, want.paragraphs, want.title);
    rows.push(
      `${name.padEnd(10)} recall ${(m.recall * 100).toFixed(1)} %  chrome ${(m.chrome * 100).toFixed(1)} %  left: ${JSON.stringify(m.leftover.slice(0, 80))}`,
    );
    expect(m.recall).toBe(1);
    expect(m.chrome).toBeLessThan(0.08);
    for (const c of expected.chrome) expect(got.text).not.toContain(c);
    // paragraphs stay paragraphs
    expect(got.text.split('\n\n').length).toBeGreaterThanOrEqual(want.paragraphs.length);
  });

  it('prints the chrome measurement', () => {
    process.stdout.write(`\nchrome left in article text (fixtures/pages):\n${rows.join('\n')}\n`);
    expect(rows).toHaveLength(names.length);
  });

  it('decodes a windows-1252 page by its meta declaration', () => {
    const text = readArticle(decodeBody(page('latin1'), 'text/html'), 'https://example.at/x').text;
    expect(text).toContain('“We were never asked,” said René Müller');
    expect(text).toContain('€2 per night');
  });

  it.each([
    ['a section page of links', 'listing'],
    ['a paywall stub', 'paywall'],
  ])('refuses %s: no article', (_what, name) => {
    let err: unknown;
    try {
      readArticle(decodeBody(page(name), null), 'https://news.example.org/x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CollectError);
    expect((err as CollectError).code).toBe('NO_ARTICLE');
  });

  it('refuses a page that is empty or not HTML', () => {
    expect(() => readArticle('', 'https://a.example/')).toThrow(/no article text/);
    expect(() => readArticle('{"json": true}', 'https://a.example/')).toThrow(/no article text/);
  });
});
