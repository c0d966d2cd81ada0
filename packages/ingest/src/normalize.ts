// Text and name normalisation used for hashing, deduplication and actor/outlet matching.
import { createHash } from 'node:crypto';
import { normalizeName } from '@claimgraph/shared';

/** Unicode NFC, LF line endings, no trailing spaces, no leading/trailing blank lines. */
export function normalizeBody(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// One folding for names everywhere: the API looks aliases up with the same function.
export { normalizeName };

/** Registry key for an outlet: "The Times of Israel" → "the-times-of-israel". */
export function slugify(name: string): string {
  return normalizeName(name).replace(/ /g, '-') || 'unknown';
}

/** Host without "www.", lower-cased; null when the URL is not http(s). */
export function domainOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

const TRACKING = /^(utm_|fbclid$|gclid$|mc_|ref$|ocid$|cmpid$)/i;

/** Canonical URL for duplicate detection: https, no www, no fragment, no tracking parameters, no trailing slash. */
export function canonicalUrl(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.protocol = 'https:';
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
    u.searchParams.sort();
    let s = u.toString();
    if (s.endsWith('/') && u.pathname !== '/') s = s.slice(0, -1);
    return s;
  } catch {
    return null;
  }
}

/** The content hash ingestion deduplicates on. */
export const contentHashOf = (text: string) => sha256(normalizeBody(text));
