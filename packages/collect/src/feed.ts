// Feed items out of RSS 2.0/1.0, Atom and (news) sitemaps, with fast-xml-parser.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CollectError } from './errors.js';
import { absoluteHttp, BCP47 } from './links.js';

export type FeedKind = 'rss' | 'atom' | 'sitemap';

export interface FeedItem {
  /** The article's address, absolute http(s). */
  url: string;
  title: string | null;
  /** ISO 8601, or null when the feed gives no usable date. */
  publishedAt: string | null;
  /** The feed's own id for the item (RSS guid, Atom id), else null. */
  guid: string | null;
  /** BCP 47 tag a news sitemap gives (news:language), else null. */
  language: string | null;
  /** The publication a news sitemap names (news:publication/news:name), else null. */
  publication: string | null;
}

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  items: FeedItem[];
}

/** Items read from one feed document at most (newest first as the feed orders them). */
export const MAX_FEED_ITEMS = 1_000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true, // news:news, content:encoded, dc:date are read by their local names
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'url', 'link', 'sitemap'].includes(name),
});

type Node = Record<string, unknown>;

/** Text of an element that may come with attributes or CDATA. */
function text(v: unknown): string | null {
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return null;
}

function isoDate(v: unknown): string | null {
  const s = text(v);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Feed links an HTML page announces (<link rel="alternate" type="application/rss+xml" href=...>). */
function announcedFeeds(html: string, base: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/rel\s*=\s*["']?alternate/i.test(tag) || !/type\s*=\s*["']?application\/(rss|atom)\+xml/i.test(tag)) continue;
    const href = absoluteHttp(/href\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1] ?? null, base);
    if (href) found.push(href);
  }
  return found.slice(0, 3);
}

/** Parses a feed document fetched from `url`. Throws NOT_A_FEED or INVALID_XML with a sentence saying why. */
export function parseFeed(xml: string, url: string): ParsedFeed {
  const head = xml
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (
    /^(<!--[\s\S]*?-->\s*)*<!doctype html|^<html[\s>]/i.test(head) ||
    (/<html[\s>]/i.test(head) && !/^<\?xml/.test(head))
  ) {
    const feeds = announcedFeeds(xml, url);
    throw new CollectError(
      'NOT_A_FEED',
      `${url} is a web page, not a feed` +
        (feeds.length
          ? `; it announces these feeds: ${feeds.join(', ')}`
          : '; give the address of its RSS or Atom feed or news sitemap') +
        '.',
    );
  }
  if (!head.startsWith('<'))
    throw new CollectError(
      'NOT_A_FEED',
      `${url} is not XML (it starts with "${head.slice(0, 20)}"); give an RSS, Atom or news sitemap address.`,
    );
  if (/<!ENTITY/i.test(xml))
    throw new CollectError('INVALID_XML', `${url} declares XML entities, which feeds do not need; it was not read.`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new CollectError(
      'INVALID_XML',
      `${url} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); the publisher must fix the feed.`,
    );
  }
  const doc = parser.parse(xml) as Node;
  const rss = (doc['rss'] as Node | undefined)?.['channel'] as Node | undefined;
  const rdf = doc['RDF'] as Node | undefined; // RSS 1.0: items beside the channel
  if (rss || rdf) {
    const channel = (rss ?? (rdf?.['channel'] as Node | undefined) ?? {}) as Node;
    const items = ((rss ? channel['item'] : rdf?.['item']) ?? []) as Node[];
    return {
      kind: 'rss',
      title: text(channel['title']),
      items: collect(items, (it) => {
        const guid = text(it['guid']);
        const permalink = (it['guid'] as Node | undefined)?.['@isPermaLink'] !== 'false' ? guid : null;
        return {
          url: absoluteHttp(text(it['link']) ?? permalink ?? text((it as Node)['@about']), url),
          title: text(it['title']),
          publishedAt: isoDate(it['pubDate'] ?? it['date'] ?? it['published']),
          guid,
          language: null,
          publication: null,
        };
      }),
    };
  }
  const feed = doc['feed'] as Node | undefined;
  if (feed) {
    return {
      kind: 'atom',
      title: text(feed['title']),
      items: collect((feed['entry'] ?? []) as Node[], (e) => {
        const links = (e['link'] ?? []) as Node[];
        const link = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
        return {
          url: absoluteHttp(text(link?.['@href']), url),
          title: text(e['title']),
          publishedAt: isoDate(e['published'] ?? e['updated']),
          guid: text(e['id']),
          language: null,
          publication: null,
        };
      }),
    };
  }
  const urlset = doc['urlset'] as Node | undefined;
  if (urlset) {
    return {
      kind: 'sitemap',
      title: null,
      items: collect((urlset['url'] ?? []) as Node[], (u) => {
        const news = u['news'] as Node | undefined;
        const pub = news?.['publication'] as Node | undefined;
        const language = text(pub?.['language']);
        return {
          url: absoluteHttp(text(u['loc']), url),
          title: text(news?.['title']),
          publishedAt: isoDate(news?.['publication_date'] ?? u['lastmod']),
          guid: null,
          language: language && BCP47.test(language) ? language : null,
          publication: text(pub?.['name']),
        };
      }),
    };
  }
  if (doc['sitemapindex']) {
    const children = (((doc['sitemapindex'] as Node)['sitemap'] ?? []) as Node[])
      .map((s) => text(s['loc']))
      .filter(Boolean);
    throw new CollectError(
      'NOT_A_FEED',
      `${url} is a sitemap index; add one of its news sitemaps instead (e.g. ${children.slice(0, 2).join(', ') || 'none listed'}).`,
    );
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
  throw new CollectError(
    'NOT_A_FEED',
    `${url} is XML but not a feed (its root element is <${root}>); give an RSS, Atom or news sitemap address.`,
  );
}

/** Items with a usable address, duplicates dropped, at most MAX_FEED_ITEMS. */
function collect(nodes: Node[], read: (n: Node) => Omit<FeedItem, 'url'> & { url: string | null }): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const n of nodes.slice(0, MAX_FEED_ITEMS)) {
    const item = read(n);
    if (!item.url || seen.has(item.url)) continue;
    seen.add(item.url);
    out.push(item as FeedItem);
  }
  return out;
}
