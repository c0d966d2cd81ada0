// Ingestion through @claimgraph/ingest. Expected failures become `{ error }` payloads; nothing is written then.
import { audit } from '@claimgraph/auth';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import type { InputError } from '../../errors.js';
import { enqueueMany, IngestFailureError, ingestOne, type EnqueuedArticle, type IngestPortResult } from './port.js';
import { EnqueueArticlesModel, IngestArticleInputModel } from './validation.js';

export interface UserErrorPayload {
  code: string;
  message: string;
  inputErrors: InputError[];
}

function invalid(issues: { path: PropertyKey[]; message: string }[], prefix: string): { error: UserErrorPayload } {
  const inputErrors = issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
  return { error: { code: 'INVALID_INPUT', message: inputErrors.map((e) => `${e.path}: ${e.message}`).join('; '), inputErrors } };
}

function expected(err: unknown): { error: UserErrorPayload } {
  if (err instanceof IngestFailureError) return { error: { code: err.code, message: err.message, inputErrors: err.fieldErrors } };
  throw err;
}

export async function ingestArticle(ctx: Context, raw: unknown): Promise<{ ok?: IngestPortResult; error?: UserErrorPayload }> {
  assertCan(ctx.viewer, 'ingest');
  const parsed = IngestArticleInputModel.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues, 'input');
  try {
    const ok = await ingestOne(ctx.db, ctx.viewer, parsed.data);
    ctx.loaders.article.prime(ok.article.id, ok.article);
    await audit(ctx.db, ctx.viewer, 'article.ingest', 'Article', ok.article.id, null, { created: ok.created, title: ok.article.title, url: ok.article.url });
    return { ok };
  } catch (err) {
    return expected(err);
  }
}

export async function enqueueArticles(ctx: Context, raw: unknown): Promise<{ ok?: { jobs: EnqueuedArticle[]; count: number }; error?: UserErrorPayload }> {
  assertCan(ctx.viewer, 'ingest');
  const parsed = EnqueueArticlesModel.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues, 'inputs');
  try {
    const jobs = await enqueueMany(ctx.queue, ctx.viewer, parsed.data);
    await audit(ctx.db, ctx.viewer, 'article.enqueue', 'IngestJob', null, null, { jobs: jobs.length, queued: jobs.filter((j) => j.status === 'QUEUED').length });
    return { ok: { jobs, count: jobs.filter((j) => j.status === 'QUEUED').length } };
  } catch (err) {
    return expected(err);
  }
}
