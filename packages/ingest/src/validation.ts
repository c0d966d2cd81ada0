// Input models for ingestion, validated at the edge (API mutation, CLI, queue payloads).
import { isIsoDate } from '@claimgraph/shared';
import { z } from 'zod';
import { IngestError } from './errors.js';

/** Largest article body accepted, in UTF-8 bytes. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

export const ArticleInputModel = z.object({
  text: z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? 'Text is required: paste the article body, plain text or HTML.'
          : `Text must be a string (the article body, plain text or HTML), not ${Array.isArray(issue.input) ? 'a list' : `a ${typeof issue.input}`}.`,
    })
    .refine((s) => s.trim().length > 0, 'Text is empty: paste the article body, plain text or HTML.'),
  format: z
    .enum(['text', 'html'], { error: 'Format must be "text" or "html" (or leave it out to detect).' })
    .optional(),
  source: z
    .string()
    .trim()
    .min(1, 'Source name is empty: give the outlet name (e.g. "Press TV") or leave it out.')
    .max(200, 'Source name must be at most 200 characters.')
    .optional(),
  url: z
    .string()
    .trim()
    .max(2000, 'URL must be at most 2000 characters.')
    .refine(isHttpUrl, 'URL must be an absolute http(s) address, e.g. https://www.presstv.ir/Detail/2022/06/20/1.html')
    .optional(),
  publishedAt: z
    .string()
    .trim()
    .refine(isIsoDate, 'Published date is not a date: use ISO 8601, e.g. 2020-01-13 or 2020-01-13T09:36:00+08:00.')
    .optional(),
  language: z
    .string()
    .trim()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Language must be a BCP 47 tag such as "en" or "fa-IR".')
    .optional(),
});
export type ArticleInput = z.input<typeof ArticleInputModel>;
export type ValidArticleInput = z.output<typeof ArticleInputModel>;

/** Cheap checks before zod: size (typed TOO_LARGE), binary content. Then the field checks, all reported at once. */
export function parseArticleInput(input: unknown): ValidArticleInput {
  const text = (input as { text?: unknown } | null)?.text;
  if (typeof text === 'string') {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_ARTICLE_BYTES) {
      throw new IngestError(
        'TOO_LARGE',
        `Text is ${(bytes / 1024 / 1024).toFixed(1)} MB; an article must be at most ${MAX_ARTICLE_BYTES / 1024 / 1024} MB.`,
        { text: [`Text must be at most ${MAX_ARTICLE_BYTES / 1024 / 1024} MB.`] },
      );
    }
    if (looksBinary(text)) {
      throw new IngestError('BINARY_CONTENT', 'Text looks like binary data (control characters), not an article.', {
        text: ['Text contains binary data.'],
      });
    }
  }
  const parsed = ArticleInputModel.safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const fieldErrors: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(flat.fieldErrors)) if (v && v.length) fieldErrors[k] = v as string[];
    if (flat.formErrors.length) fieldErrors['_'] = flat.formErrors;
    const message = Object.entries(fieldErrors)
      .map(([k, v]) => `${k}: ${v.join(' ')}`)
      .join('; ');
    const code = fieldErrors['text']?.some((m) => m.startsWith('Text is empty')) ? 'EMPTY_TEXT' : 'INVALID_INPUT';
    throw new IngestError(code, message, fieldErrors);
  }
  return parsed.data;
}

/** NUL bytes or a high share of C0 control characters (other than tab/newline/CR/FF) mean binary content. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}

/** Payload of an ingest job on the queue: the article plus the workspace it belongs to. */
export const IngestJobModel = z.object({
  workspaceId: z.number().int().positive(),
  userId: z.number().int().positive().optional(),
  article: ArticleInputModel,
});
export type IngestJob = z.infer<typeof IngestJobModel>;
