// One web page to an article input for the ingest service: fetched through the guarded fetcher,
// its text read out with Readability, its metadata kept.
import { decodeBody, readArticle, type Fetcher } from '@claimgraph/collect';
import type { ArticleInput } from '../validation.js';

export interface PageHints {
  /** What the feed said about the item, used where the page says nothing. */
  publishedAt?: string | null;
  language?: string | null;
  source?: string | null;
}

/**
 * Fetches `url` and returns the article input (title and byline lead the text, as the extractor's
 * cleaner expects them). Throws CollectError with a sentence when the page cannot be used.
 */
export async function fetchArticle(fetcher: Fetcher, url: string, hints: PageHints = {}): Promise<ArticleInput> {
  const page = await fetcher.get(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
  const art = readArticle(decodeBody(page.body, page.contentType), page.url);
  const publishedAt = art.publishedAt ?? hints.publishedAt;
  const language = art.language ?? hints.language;
  const source = hints.source ?? art.siteName;
  return {
    text: [art.title, art.byline, art.text].filter(Boolean).join('\n\n'),
    format: 'text',
    url: art.canonicalUrl ?? page.url,
    ...(publishedAt ? { publishedAt } : {}),
    ...(language ? { language } : {}),
    ...(source ? { source: source.slice(0, 200) } : {}),
  };
}
