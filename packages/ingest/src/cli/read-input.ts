// Files to articles: .txt, .html, .jsonl (one article per line), folders, stdin. Encodings are
// detected (BOM, UTF-16) and invalid UTF-8 is refused with a clear reason, never stored as garbage.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { IngestFailure } from '../errors.js';
import { MAX_ARTICLE_BYTES } from '../validation.js';

export interface ArticleMetaFlags {
  source?: string;
  url?: string;
  publishedAt?: string;
  language?: string;
  encoding?: string;
}

export type InputItem =
  { label: string; input: Record<string, unknown>; warnings: string[] } | { label: string; error: IngestFailure };

const SUPPORTED = new Set(['.txt', '.text', '.html', '.htm', '.jsonl', '.ndjson']);
/** JSONL files hold many articles, so they may be larger than one article. */
const MAX_JSONL_BYTES = 512 * 1024 * 1024;

const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP/DOCX', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
];

export class DecodeError extends Error {
  constructor(
    readonly code: IngestFailure['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Bytes → text. UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or NUL pattern), or `encoding` when given. */
export function decodeBytes(buf: Buffer, encoding?: string): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  if (buf.length === 0) throw new DecodeError('EMPTY_TEXT', 'the file is empty');
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => buf[i] === b))
      throw new DecodeError('BINARY_CONTENT', `this is a ${name} file, not text or HTML`);
  }
  if (encoding) {
    if (!iconv.encodingExists(encoding)) throw new DecodeError('BAD_ENCODING', `unknown encoding "${encoding}"`);
    return { text: iconv.decode(buf, encoding), warnings };
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: strictUtf8(buf.subarray(3)), warnings };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf16le'), warnings: ['decoded as UTF-16 LE (byte-order mark)'] };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf16be'), warnings: ['decoded as UTF-16 BE (byte-order mark)'] };
  // UTF-16 without BOM: ASCII-heavy text has a NUL in every other byte.
  const sample = buf.subarray(0, Math.min(buf.length, 4096));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const half = sample.length / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05)
    return { text: iconv.decode(buf, 'utf16le'), warnings: ['decoded as UTF-16 LE (no byte-order mark)'] };
  if (evenNul > half * 0.3 && oddNul < half * 0.05)
    return { text: iconv.decode(buf, 'utf16be'), warnings: ['decoded as UTF-16 BE (no byte-order mark)'] };
  if (evenNul + oddNul > 0)
    throw new DecodeError('BINARY_CONTENT', 'the file contains NUL bytes: binary data, not text');
  return { text: strictUtf8(buf), warnings };
}

function strictUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    let offset = 0;
    // Find the first bad byte for the message.
    for (let lo = 0, hi = buf.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid));
        lo = mid + 1;
        offset = mid;
      } catch {
        hi = mid;
      }
    }
    throw new DecodeError(
      'BAD_ENCODING',
      `not valid UTF-8 (first bad byte 0x${(buf[offset] ?? 0).toString(16)} near offset ${offset}); re-save it as UTF-8 or pass --encoding (e.g. windows-1252, iso-8859-1)`,
    );
  }
}

const pick = (o: Record<string, unknown>, ...keys: string[]) => {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null && o[k] !== '') return o[k];
  return undefined;
};

/** One JSONL line → an article input; accepts text|body|content, source|outlet, url, publishedAt|published|date, language|lang, format. */
function fromJsonLine(o: Record<string, unknown>, flags: ArticleMetaFlags): Record<string, unknown> {
  const out: Record<string, unknown> = { text: pick(o, 'text', 'body', 'content', 'html') };
  if (o['html'] !== undefined && o['text'] === undefined) out['format'] = 'html';
  const fields: [string, string[], string | undefined][] = [
    ['source', ['source', 'outlet', 'sourceName'], flags.source],
    ['url', ['url', 'link'], flags.url],
    ['publishedAt', ['publishedAt', 'published', 'date'], flags.publishedAt],
    ['language', ['language', 'lang'], flags.language],
    ['format', ['format'], undefined],
  ];
  for (const [key, names, fallback] of fields) {
    const v = pick(o, ...names) ?? fallback;
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function withFlags(
  text: string,
  format: 'text' | 'html' | undefined,
  flags: ArticleMetaFlags,
): Record<string, unknown> {
  return {
    text,
    ...(format ? { format } : {}),
    ...(flags.source ? { source: flags.source } : {}),
    ...(flags.url ? { url: flags.url } : {}),
    ...(flags.publishedAt ? { publishedAt: flags.publishedAt } : {}),
    ...(flags.language ? { language: flags.language } : {}),
  };
}

function splitJsonl(label: string, text: string, flags: ArticleMetaFlags): InputItem[] {
  const items: InputItem[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const at = `${label}:${i + 1}`;
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch (err) {
      items.push({
        label: at,
        error: { code: 'INVALID_INPUT', message: `line ${i + 1} is not JSON (${(err as Error).message})` },
      });
      continue;
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      items.push({
        label: at,
        error: { code: 'INVALID_INPUT', message: `line ${i + 1} is not a JSON object with a "text" field` },
      });
      continue;
    }
    items.push({ label: at, input: fromJsonLine(o as Record<string, unknown>, flags), warnings: [] });
  }
  if (!items.length) items.push({ label, error: { code: 'EMPTY_TEXT', message: 'the JSONL file has no lines' } });
  return items;
}

const formatOf = (ext: string) =>
  ext === '.html' || ext === '.htm' ? 'html' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : 'text';

/** Turns a file's bytes into input items (one, or one per JSONL line). */
export function itemsFromBytes(
  label: string,
  buf: Buffer,
  kind: 'text' | 'html' | 'jsonl' | 'auto',
  flags: ArticleMetaFlags,
): InputItem[] {
  let decoded;
  try {
    decoded = decodeBytes(buf, flags.encoding);
  } catch (err) {
    if (err instanceof DecodeError) return [{ label, error: { code: err.code, message: err.message } }];
    throw err;
  }
  let text = decoded.text;
  if (kind === 'auto') {
    const first = text.trimStart().split('\n', 1)[0] ?? '';
    kind = 'text';
    if (first.startsWith('{')) {
      try {
        JSON.parse(first);
        kind = 'jsonl';
      } catch {
        /* plain text that starts with a brace */
      }
    }
  }
  if (kind === 'jsonl')
    return splitJsonl(label, text, flags).map((it) =>
      'input' in it ? { ...it, warnings: [...decoded.warnings] } : it,
    );
  if (!text.trim()) return [{ label, error: { code: 'EMPTY_TEXT', message: 'the file holds only whitespace' } }];
  text = text.replace(/^\uFEFF/, '');
  return [
    {
      label,
      input: withFlags(
        text,
        kind === 'html' ? 'html' : kind === 'text' && /^\s*<(!doctype|html)/i.test(text) ? 'html' : undefined,
        flags,
      ),
      warnings: decoded.warnings,
    },
  ];
}

/** Expands files and folders (recursively) into input items; '-' reads stdin. */
export async function collectInputs(
  paths: string[],
  flags: ArticleMetaFlags,
  stdin: () => Promise<Buffer>,
): Promise<{ items: InputItem[]; skipped: string[] }> {
  const items: InputItem[] = [];
  const skipped: string[] = [];
  const visit = async (p: string, fileMeta: ArticleMetaFlags = flags) => {
    if (p === '-') {
      items.push(...itemsFromBytes('<stdin>', await stdin(), 'auto', flags));
      return;
    }
    let s;
    try {
      s = await stat(p);
    } catch {
      items.push({ label: p, error: { code: 'INVALID_INPUT', message: 'no such file or folder' } });
      return;
    }
    if (s.isDirectory()) {
      const entries = (await readdir(p)).sort();
      const manifest = entries.includes('manifest.json')
        ? await readManifest(path.join(p, 'manifest.json'))
        : new Map<string, ArticleMetaFlags>();
      for (const e of entries) {
        const full = path.join(p, e);
        const es = await stat(full);
        if (es.isDirectory()) await visit(full);
        else if (SUPPORTED.has(path.extname(e).toLowerCase()))
          await visit(full, { ...manifest.get(e), ...definedOnly(flags) });
        else if (!e.startsWith('.') && e !== 'manifest.json') skipped.push(full);
      }
      return;
    }
    const ext = path.extname(p).toLowerCase();
    const kind = formatOf(ext);
    const limit = kind === 'jsonl' ? MAX_JSONL_BYTES : MAX_ARTICLE_BYTES;
    if (s.size > limit) {
      items.push({
        label: p,
        error: {
          code: 'TOO_LARGE',
          message: `the file is ${(s.size / 1024 / 1024).toFixed(1)} MB; an article may be at most ${limit / 1024 / 1024} MB`,
        },
      });
      return;
    }
    items.push(...itemsFromBytes(p, await readFile(p), SUPPORTED.has(ext) ? kind : 'auto', fileMeta));
  };
  for (const p of paths) await visit(p);
  return { items, skipped };
}

/** A label CSV is a list of outlets, far below this; a larger file is a wrong file or needs splitting. */
const MAX_LABELS_CSV_BYTES = 10 * 1024 * 1024;

/** A rater's label CSV as text: decoded like an article file (UTF-8 or UTF-16, never garbled), bounded in size. */
export async function readLabelsCsv(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_LABELS_CSV_BYTES) {
    throw new Error(
      `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; a label CSV may be at most ${MAX_LABELS_CSV_BYTES / 1024 / 1024} MB: split it`,
    );
  }
  try {
    return decodeBytes(await readFile(file)).text.replace(/^\uFEFF/, '');
  } catch (err) {
    if (err instanceof DecodeError) throw new Error(`${file}: ${err.message.replace(' or HTML', '')}`);
    throw err;
  }
}

const definedOnly = (o: ArticleMetaFlags): ArticleMetaFlags =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** A folder's manifest.json ({ articles: [{ file, source, url, publishedAt, language }] }) gives per-file metadata; flags win. */
async function readManifest(file: string): Promise<Map<string, ArticleMetaFlags>> {
  const out = new Map<string, ArticleMetaFlags>();
  try {
    const m = JSON.parse(await readFile(file, 'utf8')) as { articles?: Record<string, unknown>[] };
    for (const a of m.articles ?? []) {
      if (typeof a['file'] !== 'string') continue;
      const meta: ArticleMetaFlags = {};
      if (typeof a['source'] === 'string') meta.source = a['source'];
      if (typeof a['url'] === 'string') meta.url = a['url'];
      if (typeof a['publishedAt'] === 'string') meta.publishedAt = a['publishedAt'];
      if (typeof a['language'] === 'string') meta.language = a['language'];
      out.set(a['file'], meta);
    }
  } catch {
    /* a manifest that is not ours: ignore it */
  }
  return out;
}
