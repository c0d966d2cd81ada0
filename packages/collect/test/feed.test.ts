import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CollectError, parseFeed } from '../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/feeds/${name}`, import.meta.url), 'utf8');

function failure(fn: () => unknown): CollectError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CollectError) return err;
    throw err;
  }
  throw new Error('expected a CollectError');
}

describe('feed parsing', () => {
  it('reads RSS 2.0: links resolved, guid permalinks, CDATA titles, dates as ISO, duplicates and address-less items dropped', () => {
    const feed = parseFeed(fixture('rss.xml'), 'https://news.example.org/world/rss.xml');
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('The Example Post – World');
    expect(feed.items).toEqual([
      {
        url: 'https://news.example.org/world/2026/03/14/grain-shipments-resume',
        title: 'Port authority says grain shipments resumed after two-week halt',
        publishedAt: '2026-03-14T08:30:00.000Z',
        guid: 'post-1001',
        language: null,
        publication: null,
      },
      {
        url: 'https://news.example.org/markets/central-bank-holds-rates',
        title: 'Central bank holds rates steady & signals cut',
        publishedAt: '2026-04-22T12:00:00.000Z',
        guid: 'https://news.example.org/markets/central-bank-holds-rates',
        language: null,
        publication: null,
      },
    ]);
  });

  it('reads Atom: the alternate link, published else updated', () => {
    const feed = parseFeed(fixture('atom.xml'), 'https://www.dailyledger.example.com/feed.atom');
    expect(feed).toMatchObject({ kind: 'atom', title: 'The Daily Ledger' });
    expect(feed.items.map((i) => [i.url, i.publishedAt, i.guid])).toEqual([
      [
        'https://www.dailyledger.example.com/local/cycling-lanes-approved',
        '2026-02-02T16:05:00.000Z',
        'tag:dailyledger.example.com,2026:lanes',
      ],
      [
        'https://www.dailyledger.example.com/local/budget',
        '2026-02-01T09:00:00.000Z',
        'tag:dailyledger.example.com,2026:budget',
      ],
    ]);
  });

  it('reads a news sitemap (news:news): title, date, language, publication', () => {
    const feed = parseFeed(fixture('news-sitemap.xml'), 'https://herald.example.org/news-sitemap.xml');
    expect(feed.kind).toBe('sitemap');
    expect(feed.items[0]).toEqual({
      url: 'https://herald.example.org/2026/01/19/flooding-evacuation',
      title: 'Flooding forces evacuation of riverside villages',
      publishedAt: '2026-01-19T06:45:00.000Z',
      guid: null,
      language: 'en',
      publication: 'The Herald',
    });
    expect(feed.items).toHaveLength(2);
  });

  it('says an HTML page is not a feed, naming the feeds it announces', () => {
    const html =
      '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>hi</body></html>';
    const err = failure(() => parseFeed(html, 'https://news.example.org/world'));
    expect(err.code).toBe('NOT_A_FEED');
    expect(err.message).toContain('https://news.example.org/feed.xml');
  });

  it('says where invalid XML breaks', () => {
    const err = failure(() =>
      parseFeed('<?xml version="1.0"?>\n<rss><channel><item><title>a</item></channel></rss>', 'https://x.example/rss'),
    );
    expect(err.code).toBe('INVALID_XML');
    expect(err.message).toMatch(/line 2/);
  });

  it('refuses entity declarations (entity expansion bombs)', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>';
    expect(failure(() => parseFeed(bomb, 'https://x.example/rss')).code).toBe('INVALID_XML');
  });

  it.each([
    ['JSON', '{"items": []}', /not XML/],
    [
      'another XML document',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
      /root element is <svg>/,
    ],
    [
      'a sitemap index',
      '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://x.example/news.xml</loc></sitemap></sitemapindex>',
      /sitemap index.*news\.xml/,
    ],
  ])('says %s is not a feed', (_what, body, message) => {
    const err = failure(() => parseFeed(body, 'https://x.example/feed'));
    expect(err.code).toBe('NOT_A_FEED');
    expect(err.message).toMatch(message);
  });
});
