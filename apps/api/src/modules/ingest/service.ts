// Ingestion through @claimgraph/ingest. Expected failures become `{ error }` payloads; nothing is written then.
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import type { InputError } from '../../errors.js';
import { EnqueueArticlesModel, IngestArticleInputModel, type IngestArticleInput } from './validation.js';
import { loadIngestPort, type IngestPortResult } from './port.js';

export interface UserErrorPayload {
  code: string;
  message: string;
  inputErrors: InputError[];
}

function invalid(issues: { path: PropertyKey[]; message: string }[], prefix: string): { error: UserErrorPayload } {
  const inputErrors = issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
  return { error: { code: 'INVALID_INPUT', message: inputErrors.map((e) => `${e.path}: ${e.message}`).join('; '), inputErrors } };
}

/** Maps a thrown error with a string `code` (ExtractError, IngestError) to a payload; anything else is rethrown. */
function expectedFailure(err: unknown): { error: UserErrorPayload } {
  const code = (err as { code?: unknown }).code;
  if (err instanceof Error && typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) {
    const field = (err as { field?: unknown }).field;
    return { error: { code, message: err.message, inputErrors: typeof field === 'string' ? [{ path: `input.${field}`, message: err.message }] : [] } };
  }
  throw err;
}

export async function ingestArticle(ctx: Context, raw: unknown): Promise<{ ok?: IngestPortResult; error?: UserErrorPayload }> {
  assertCan(ctx.viewer, 'ingest');
  const parsed = IngestArticleInputModel.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues, 'input');
  const port = await loadIngestPort();
  try {
    const ok = await port.ingestArticle(ctx.db, ctx.viewer.workspaceId, parsed.data);
    ctx.loaders.article.prime(ok.article.id, ok.article);
    return { ok };
  } catch (err) {
    return expectedFailure(err);
  }
}

export async function enqueueArticles(ctx: Context, raw: unknown): Promise<{ ok?: { jobIds: string[]; count: number }; error?: UserErrorPayload }> {
  assertCan(ctx.viewer, 'ingest');
  const parsed = EnqueueArticlesModel.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues, 'inputs');
  const port = await loadIngestPort();
  try {
    const jobIds = await port.enqueueArticles(ctx.db, ctx.viewer.workspaceId, parsed.data as IngestArticleInput[]);
    return { ok: { jobIds, count: jobIds.length } };
  } catch (err) {
    return expectedFailure(err);
  }
}
