// Ingestion through @claimgraph/ingest. Expected failures become `{ error }` payloads; nothing is written then.
import { audit } from '@claimgraph/auth';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import type { UserErrorPayload } from '../access/payload.js';
import {
  enqueueMany,
  IngestFailureError,
  ingestOne,
  jobStates,
  previewOne,
  type EnqueuedArticle,
  type IngestPortResult,
  type PreviewData,
} from './port.js';
import { EnqueueArticlesModel, IngestArticleInputModel, JobIdsModel } from './validation.js';
import { inputErrorsOf, listInputErrors, parseOrThrow } from '../validation-utils.js';

function invalid(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix: string,
): { error: UserErrorPayload } {
  const inputErrors = inputErrorsOf(issues, prefix);
  return { error: { code: 'INVALID_INPUT', message: listInputErrors(inputErrors), inputErrors } };
}

function expected(err: unknown): { error: UserErrorPayload } {
  if (err instanceof IngestFailureError)
    return { error: { code: err.code, message: err.message, inputErrors: err.fieldErrors } };
  throw err;
}

export async function ingestArticle(
  ctx: Context,
  raw: unknown,
): Promise<{ ok?: IngestPortResult; error?: UserErrorPayload }> {
  assertCan(ctx.viewer, 'article:ingest');
  const parsed = IngestArticleInputModel.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues, 'input');
  try {
    const ok = await ingestOne(ctx.db, ctx.viewer, parsed.data);
    ctx.loaders.article.prime(ok.article.id, ok.article);
    await audit(ctx.db, ctx.viewer, 'article.ingest', 'Article', ok.article.id, null, {
      created: ok.created,
      title: ok.article.title,
      url: ok.article.url,
    });
    return { ok };
  } catch (err) {
    return expected(err);
  }
}

export async function enqueueArticles(
  ctx: Context,
  raw: unknown,
): Promise<{ ok?: { jobs: EnqueuedArticle[]; count: number }; error?: UserErrorPayload }> {
  assertCan(ctx.viewer, 'article:ingest');
  const parsed = EnqueueArticlesModel.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues, 'inputs');
  try {
    const jobs = await enqueueMany(ctx.queue, ctx.viewer, parsed.data);
    await audit(ctx.db, ctx.viewer, 'article.enqueue', 'IngestJob', null, null, {
      jobs: jobs.length,
      queued: jobs.filter((j) => j.status === 'QUEUED').length,
    });
    return { ok: { jobs, count: jobs.filter((j) => j.status === 'QUEUED').length } };
  } catch (err) {
    return expected(err);
  }
}

/** The extraction as the preview shows it: actor and event keys resolved to names, evidence as text. */
function previewView({ extraction: x, duplicateOfId }: PreviewData) {
  const actorName = new Map(x.actors.map((a) => [a.key, a.canonicalName]));
  const named = <R>(refs: { actorKey: string; role: R }[]) =>
    refs.map((r) => ({ name: actorName.get(r.actorKey) ?? r.actorKey, role: r.role }));
  const eventSummary = new Map(x.events.map((e) => [e.key, e.summary]));
  return {
    extractorVersion: x.extractorVersion,
    title: x.title,
    language: x.language,
    publishedAt: x.published?.value ?? null,
    warnings: x.warnings,
    duplicateOfId,
    actors: x.actors.map((a) => ({
      key: a.key,
      name: a.canonicalName,
      kind: a.kind,
      aliases: a.aliases.map((al) => al.alias),
      mentionCount: a.mentions.length,
    })),
    events: x.events.map((e) => ({
      key: e.key,
      type: e.type,
      summary: e.summary,
      date: e.date.value,
      datePrecision: e.date.precision,
      place: e.place,
      background: e.background,
      actors: named(e.actors),
    })),
    claims: x.claims.map((c) => ({
      key: c.key,
      text: c.text,
      modality: c.modality,
      evidence: x.body.slice(c.evidence.start, c.evidence.end),
      attribution: c.attribution.map((n) => ({ kind: n.kind, label: n.label })),
      actors: named(c.actors),
      event: c.eventKey ? (eventSummary.get(c.eventKey) ?? null) : null,
    })),
  };
}

export type PreviewView = ReturnType<typeof previewView>;

/** Runs validation and the extractor without writing anything. Requires the ingest permission, like saving. */
export async function previewArticle(
  ctx: Context,
  raw: unknown,
): Promise<{ ok?: PreviewView; error?: UserErrorPayload }> {
  assertCan(ctx.viewer, 'article:ingest');
  const parsed = IngestArticleInputModel.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues, 'input');
  try {
    return { ok: previewView(await previewOne(ctx.db, ctx.viewer.workspaceId, parsed.data)) };
  } catch (err) {
    return expected(err);
  }
}

/** Articles of the workspace whose linking (ingestion's second stage) has not finished. */
export async function articlesLinking(ctx: Context): Promise<number> {
  assertCan(ctx.viewer, 'workspace:read');
  return ctx.db.article.count({ where: { workspaceId: ctx.viewer.workspaceId, linkedAt: null } });
}

/** States of queued ingest jobs (from enqueueArticles) in the viewer's workspace. */
export async function ingestJobs(ctx: Context, raw: unknown) {
  assertCan(ctx.viewer, 'article:ingest');
  return jobStates(ctx.queue, ctx.viewer.workspaceId, parseOrThrow(JobIdsModel, raw, 'ids'));
}
