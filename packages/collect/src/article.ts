/// <reference lib="dom" />
// Article text out of a fetched HTML page: Mozilla's Readability (Firefox Reader View) over linkedom
// finds the article; its metadata comes from the page's meta tags and JSON-LD.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { CollectError } from './errors.js';
import { absoluteHttp, BCP47 } from './links.js';

export interface PageArticle {
  title: string | null;
  byline: string | null;
  /** ISO 8601 as the page gives it (meta tags, JSON-LD datePublished, <time>), or null. */
  publishedAt: string | null;
  /** <link rel=canonical> or og:url, absolute http(s), else null. */
  canonicalUrl: string | null;
  /** BCP 47 tag from <html lang>, Content-Language or og:locale, else null. */
  language: string | null;
  siteName: string | null;
  /** The article body as plain text, one paragraph per block, blank lines between. */
  text: string;
}

/** Below this many words the page holds no article we can use (a listing, a paywall stub, an error page). */
export const MIN_ARTICLE_WORDS = 80;

type El = Element;

const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'DL',
  'DT',
  'DD',
  'HR',
]);

/** Text of an element, one paragraph per block element (Readability's own textContent runs them together). */
function blockText(root: El): string {
  const paragraphs: string[] = [];
  let line = '';
  const flush = () => {
    const t = line
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (t) paragraphs.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) line += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as El).tagName.toUpperCase();
        if (tag === 'BR') line += '\n';
        else if (BLOCKS.has(tag)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

const meta = (doc: Document, ...selectors: string[]) => {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
};

/** JSON-LD objects of the page, @graph members included. Broken JSON-LD is skipped. */
function jsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const add = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      if ('@graph' in v) add((v as { '@graph': unknown })['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      add(JSON.parse(script.textContent ?? ''));
    } catch {
      // a page's broken structured data costs it that data only
    }
  }
  return out;
}

const isDate = (s: string | null | undefined): s is string => !!s && !Number.isNaN(Date.parse(s));

function publishedOf(doc: Document, ld: Record<string, unknown>[]): string | null {
  const fromMeta = meta(
    doc,
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
  );
  if (isDate(fromMeta)) return fromMeta;
  const fromLd = ld.map((o) => o['datePublished']).find((v): v is string => typeof v === 'string' && isDate(v));
  if (fromLd) return fromLd;
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  return isDate(time) ? time : null;
}

function languageOf(doc: Document): string | null {
  const candidates = [
    doc.documentElement?.getAttribute('lang'),
    meta(doc, 'meta[http-equiv="content-language" i]'),
    meta(doc, 'meta[property="og:locale"]')?.replace('_', '-'),
  ];
  return candidates.map((c) => c?.trim()).find((c): c is string => !!c && BCP47.test(c)) ?? null;
}

function bylineOf(ld: Record<string, unknown>[]): string | null {
  for (const o of ld) {
    const authors = ([] as unknown[]).concat(o['author'] ?? []);
    const names = authors
      .map((a) => (typeof a === 'string' ? a : (a as { name?: unknown })?.name))
      .filter((n): n is string => typeof n === 'string' && !!n.trim());
    if (names.length) return names.join(', ');
  }
  return null;
}

/**
 * The article of an HTML page at `url`. Throws NO_ARTICLE when the page has no article text
 * (a section front, a paywall stub, an empty shell rendered by scripts).
 */
export function readArticle(html: string, url: string): PageArticle {
  // linkedom builds no document out of a fragment or plain text: such input gets a page around it.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const ld = jsonLd(document);
  const canonicalUrl = absoluteHttp(
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'meta[property="og:url"]'),
    url,
  );
  const language = languageOf(document);
  const publishedAt = publishedOf(document, ld);
  const siteName = meta(document, 'meta[property="og:site_name"]');
  // Readability changes the document it reads: metadata is taken first.
  const parsed = new Readability(document as unknown as Document, { charThreshold: 300 }).parse();
  const body = parsed?.content
    ? blockText(parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document.body as unknown as El)
    : '';
  const words = body.split(/\s+/).filter(Boolean).length;
  if (words < MIN_ARTICLE_WORDS) {
    throw new CollectError(
      'NO_ARTICLE',
      `${url} has no article text (${words} words found; a section page, a paywall stub or a page drawn by scripts?); nothing was stored.`,
    );
  }
  return {
    title: parsed?.title?.trim() || meta(document, 'meta[property="og:title"]'),
    byline: parsed?.byline?.trim() || bylineOf(ld) || meta(document, 'meta[name="author"]'),
    publishedAt: publishedAt ?? (isDate(parsed?.publishedTime) ? parsed.publishedTime : null),
    canonicalUrl,
    language: language ?? (parsed?.lang && BCP47.test(parsed.lang) ? parsed.lang : null),
    siteName: siteName ?? (parsed?.siteName?.trim() || null),
    text: body,
  };
}
