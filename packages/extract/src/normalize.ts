import { ExtractError } from './errors.js';

/** Larger inputs are refused; the extractor is linear, this only bounds memory. */
export const MAX_INPUT_CHARS = 8_000_000;

/**
 * Checks the raw input and returns plain text: HTML is reduced to text with block
 * boundaries as newlines, control characters are dropped. Linear in the input.
 */
export function normalizeInput(text: unknown, format?: 'text' | 'html'): string {
  if (typeof text !== 'string') throw new ExtractError('INVALID_INPUT', 'text must be a string');
  if (text.length > MAX_INPUT_CHARS)
    throw new ExtractError('TOO_LARGE', `text has ${text.length} characters (max ${MAX_INPUT_CHARS})`);
  if (text.trim().length === 0) throw new ExtractError('EMPTY_TEXT', 'text is empty');

  // Binary content: many control characters or replacement characters (undecodable bytes).
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || c === 0x7f) bad++;
  }
  if (text.includes('\u0000') && bad > text.length * 0.01)
    throw new ExtractError('BINARY_CONTENT', 'text contains binary data');
  if (bad > text.length * 0.1)
    throw new ExtractError('BINARY_CONTENT', 'text is mostly undecodable or control characters');

  const isHtml = format === 'html' || (format !== 'text' && looksLikeHtml(text));
  let out = isHtml ? htmlToText(text) : text;
  // Drop remaining control and replacement characters; normalise line ends.
  out = out.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, '');
  // Long runs of blanks carry no meaning and would make later patterns slow.
  out = out.replace(/[ \t\u00a0]{4,}/g, ' ');
  if (out.trim().length === 0) throw new ExtractError('EMPTY_TEXT', 'text has no content after cleaning');
  return out;
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 5000);
  return /<(html|body|head|p|div|br|article|section|script|style|span|h[1-6]|a|ul|li|table)\b[^>]{0,500}>/i.test(head);
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'figure',
  'figcaption',
  'nav',
  'aside',
  'main',
  'title',
  'dd',
  'dt',
  'pre',
  'hr',
]);
const SKIP_CONTENT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'head',
  'nav',
  'footer',
  'aside',
  'figcaption',
  'button',
  'form',
  'select',
]);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n < 0x110000 && !(n >= 0xd800 && n < 0xe000) ? String.fromCodePoint(n) : '';
    }
    return Object.hasOwn(ENTITIES, e.toLowerCase()) ? (ENTITIES[e.toLowerCase()] as string) : m;
  });
}

/** A single left-to-right scan (no regex over the whole document), so nesting depth and size stay linear. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let i = 0;
  const n = html.length;
  let skipUntil: string | null = null; // closing tag name we are waiting for
  let skipDepth = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      if (!skipUntil) parts.push(html.slice(i));
      break;
    }
    if (!skipUntil && lt > i) parts.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      // No '>' to the end: a cut-off tag ('</body') is dropped, as browsers do; a bare '<' ('a < b') starts text.
      if (!skipUntil && !/^<\/?[a-zA-Z]/.test(html.slice(lt, lt + 3))) parts.push(html.slice(lt + 1));
      break;
    }
    const m = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    i = gt + 1;
    if (!m) continue;
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const selfClosing = html[gt - 1] === '/';
    if (skipUntil) {
      if (name === skipUntil) {
        if (closing) skipDepth--;
        else if (!selfClosing) skipDepth++;
        if (skipDepth <= 0) skipUntil = null;
      }
      continue;
    }
    if (!closing && !selfClosing && SKIP_CONTENT.has(name)) {
      skipUntil = name;
      skipDepth = 1;
      continue;
    }
    if (BLOCK.has(name)) parts.push('\n');
  }
  // Per-line trim instead of a regex around newlines (a long run of spaces would backtrack).
  const lines = decodeEntities(parts.join(''))
    .split('\n')
    .map((l) => l.trim());
  const out: string[] = [];
  for (const l of lines) if (l || (out.length && out[out.length - 1])) out.push(l);
  return out.join('\n');
}
