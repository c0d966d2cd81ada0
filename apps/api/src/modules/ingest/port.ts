// The API's adapter to @claimgraph/ingest: maps GraphQL inputs to ArticleInput and IngestResult to payload data.
import type { Article, PrismaClient } from '@claimgraph/db';
import { ExtractError } from '@claimgraph/extract';
import {
  canonicalUrl,
  contentHashOf,
  enqueueArticles as enqueue,
  enqueueLinks,
  ingestArticle as ingest,
  ingestJobStates,
  lazyIngestQueue,
  normalizeBody,
  parseArticleInput,
  IngestError,
  type IngestFailure,
  type IngestQueue,
} from '@claimgraph/ingest';
import type { ExtractionResult } from '@claimgraph/shared';
import { extractPool, ExtractorBusyError } from '../../extract-pool.js';
import type { IngestArticleInput } from './validation.js';

export interface ExtractionSummaryData {
  extractorVersion: string;
  title: string | null;
  warnings: string[];
  articleId: number;
  claimCount: number;
  actorCount: number;
  eventCount: number;
}

export interface IngestPortResult {
  article: Article;
  created: boolean;
  extraction: ExtractionSummaryData;
}

/** An expected ingestion failure, with field errors keyed by the API's input field names. */
export class IngestFailureError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const FIELD_NAMES: Record<string, string> = { source: 'outlet' };

function failure(f: IngestFailure, prefix: string): IngestFailureError {
  const fieldErrors = Object.entries(f.fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages.map((message) => ({ path: `${prefix}.${FIELD_NAMES[field] ?? field}`, message })),
  );
  return new IngestFailureError(f.code, f.message, fieldErrors);
}

function toArticleInput(input: IngestArticleInput) {
  return {
    text: input.text,
    ...(input.format ? { format: input.format === 'HTML' ? ('html' as const) : ('text' as const) } : {}),
    ...(input.outlet ? { source: input.outlet } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
    ...(input.language ? { language: input.language } : {}),
  };
}

/** What is stored for an article, summarised (same shape for new and duplicate articles). */
async function summarise(
  db: PrismaClient,
  workspaceId: number,
  articleId: number,
): Promise<{ article: Article; extraction: ExtractionSummaryData }> {
  const article = await db.article.findFirstOrThrow({ where: { id: articleId, workspaceId } });
  const [row] = await db.$queryRaw<{ claims: number; actors: number; events: number }[]>`
    SELECT (SELECT count(*)::int FROM "Claim" WHERE "articleId" = ${articleId}) AS claims,
      (SELECT count(DISTINCT ca."actorId")::int FROM "ClaimActor" ca JOIN "Claim" c ON c.id = ca."claimId" WHERE c."articleId" = ${articleId}) AS actors,
      (SELECT count(DISTINCT "eventId")::int FROM "EventMention" WHERE "articleId" = ${articleId}) AS events`;
  return {
    article,
    extraction: {
      extractorVersion: article.extractorVersion,
      title: article.title,
      warnings: article.warnings,
      articleId,
      claimCount: row?.claims ?? 0,
      actorCount: row?.actors ?? 0,
      eventCount: row?.events ?? 0,
    },
  };
}

/** Ingests synchronously. Throws IngestFailureError for expected failures. */
export async function ingestOne(
  db: PrismaClient,
  viewer: { workspaceId: number; userId: number },
  input: IngestArticleInput,
): Promise<IngestPortResult> {
  let result;
  try {
    result = await ingest(db, toArticleInput(input), {
      workspaceId: viewer.workspaceId,
      userId: viewer.userId,
      extract: (x) => extractPool().run(x),
    });
  } catch (err) {
    if (err instanceof ExtractorBusyError) throw new IngestFailureError('EXTRACTOR_BUSY', err.message);
    throw err;
  }
  if (result.status === 'failed') throw failure(result.error, 'input');
  const summary = await summarise(db, viewer.workspaceId, result.articleId);
  return { ...summary, created: result.status === 'ingested' };
}

export interface PreviewData {
  extraction: ExtractionResult;
  /** The stored article with the same text or canonical URL, if any. */
  duplicateOfId: number | null;
}

/**
 * Validates and extracts like an ingest, reading only (the duplicate look-up): nothing is written.
 * Throws IngestFailureError with the codes an ingest of the same input would give.
 */
export async function previewOne(
  db: PrismaClient,
  workspaceId: number,
  input: IngestArticleInput,
): Promise<PreviewData> {
  let valid;
  try {
    valid = parseArticleInput(toArticleInput(input));
  } catch (err) {
    if (err instanceof IngestError) throw failure(err.toFailure(), 'input');
    throw err;
  }
  let extraction: ExtractionResult;
  try {
    extraction = await extractPool().run({
      text: normalizeBody(valid.text),
      ...(valid.format ? { format: valid.format } : {}),
      ...(valid.url ? { url: valid.url } : {}),
      ...(valid.source ? { outlet: valid.source } : {}),
      ...(valid.publishedAt ? { publishedAt: valid.publishedAt } : {}),
      ...(valid.language ? { language: valid.language } : {}),
    });
  } catch (err) {
    if (err instanceof ExtractorBusyError) throw new IngestFailureError('EXTRACTOR_BUSY', err.message);
    if (!(err instanceof ExtractError)) throw err;
    // Same mapping as the ingest service: the extractor's INVALID_INPUT is an extraction failure here.
    throw new IngestFailureError(err.code === 'INVALID_INPUT' ? 'EXTRACTION_FAILED' : err.code, err.message);
  }
  const canonical = valid.url ? canonicalUrl(valid.url) : null;
  const dup = await db.article.findFirst({
    where: {
      workspaceId,
      OR: [{ contentHash: contentHashOf(valid.text) }, ...(canonical ? [{ canonicalUrl: canonical }] : [])],
    },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return { extraction, duplicateOfId: dup?.id ?? null };
}

/**
 * Queues the link jobs of articles a committed merge or split reset (requestRelink). A queue out of reach costs the
 * editor nothing: the articles stay pending (articlesLinking counts them) until a worker's catch-up pass.
 */
export async function relinkAfterMerge(
  ctx: { queue: () => Promise<IngestQueue>; log: { warn: (o: object, msg: string) => void } },
  workspaceId: number,
  articleIds: readonly number[],
) {
  if (!articleIds.length) return;
  try {
    await enqueueLinks(
      await ctx.queue(),
      articleIds.map((articleId) => ({ workspaceId, articleId })),
    );
  } catch (err) {
    ctx.log.warn(
      { err, articles: articleIds.length },
      'could not queue the linking of merged articles; the catch-up pass will link them',
    );
  }
}

export interface EnqueuedArticle {
  index: number;
  status: 'QUEUED' | 'ALREADY_QUEUED';
  jobId: string | null;
  contentHash: string;
}

/** Validates every input first (nothing is queued if one is invalid), then queues them all. */
export async function enqueueMany(
  queue: () => Promise<IngestQueue>,
  viewer: { workspaceId: number; userId: number },
  inputs: IngestArticleInput[],
): Promise<EnqueuedArticle[]> {
  const articles = inputs.map(toArticleInput);
  const errors: { path: string; message: string }[] = [];
  let firstFailure: IngestFailure | null = null;
  articles.forEach((a, i) => {
    try {
      parseArticleInput(a);
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      firstFailure ??= err.toFailure();
      errors.push(...failure(err.toFailure(), `inputs.${i}`).fieldErrors);
    }
  });
  if (firstFailure) {
    const f: IngestFailure = firstFailure;
    // Name the bad input (which of many files), and the count of the others, in one line.
    const first = errors[0];
    const message = first
      ? `${first.path}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''}`
      : f.message;
    throw new IngestFailureError(errors.length ? 'INVALID_INPUT' : f.code, message, errors);
  }
  const outcomes = await enqueue(await queue(), articles, { workspaceId: viewer.workspaceId, userId: viewer.userId });
  return outcomes.map((o) => {
    if (o.status === 'rejected') throw failure(o.error, `inputs.${o.index}`);
    return {
      index: o.index,
      status: o.status === 'queued' ? 'QUEUED' : 'ALREADY_QUEUED',
      jobId: o.status === 'queued' ? o.jobId : null,
      contentHash: o.contentHash,
    };
  });
}

export interface JobView {
  id: string;
  state: 'QUEUED' | 'ACTIVE' | 'RETRYING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
  articleId: number | null;
  created: boolean | null;
  claimCount: number | null;
  error: { code: string; message: string; inputErrors: { path: string; message: string }[] } | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

const STATES = {
  created: 'QUEUED',
  retry: 'RETRYING',
  active: 'ACTIVE',
  completed: 'COMPLETED',
  cancelled: 'CANCELLED',
  failed: 'FAILED',
} as const;

type WorkerOutput =
  | { status: 'ingested'; articleId: number; counts?: { claims?: number } }
  | { status: 'duplicate'; articleId: number }
  | { status: 'failed'; error: IngestFailure }
  | { message?: string };

/** The workspace's jobs among `ids`, in the order asked; a job the worker rejected (bad input) counts as FAILED. */
export async function jobStates(
  queue: () => Promise<IngestQueue>,
  workspaceId: number,
  ids: string[],
): Promise<JobView[]> {
  const rows = await ingestJobStates(await queue(), ids);
  const byId = new Map(rows.filter((r) => r.workspaceId === workspaceId).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const out = (r.output ?? {}) as WorkerOutput;
    const stored = r.state === 'completed' && 'status' in out && out.status !== 'failed' ? out : null;
    const rejected =
      r.state === 'completed' && 'status' in out && out.status === 'failed' ? failure(out.error, 'input') : null;
    const crashed =
      r.state === 'failed' || r.state === 'retry'
        ? {
            code: 'JOB_FAILED',
            message: ('message' in out && out.message) || 'The ingestion worker failed on this article.',
            fieldErrors: [],
          }
        : null;
    const error = rejected ?? crashed;
    return [
      {
        id,
        state: rejected ? 'FAILED' : STATES[r.state],
        articleId: stored?.articleId ?? null,
        created: stored ? stored.status === 'ingested' : null,
        claimCount: stored?.status === 'ingested' ? (stored.counts?.claims ?? null) : null,
        error: error ? { code: error.code, message: error.message, inputErrors: error.fieldErrors } : null,
        attempts: r.retryCount + (r.startedOn ? 1 : 0),
        createdAt: r.createdOn,
        startedAt: r.startedOn,
        completedAt: r.completedOn,
      },
    ];
  });
}

/** One queue connection per server, opened on first use (a failed open is tried again on the next use). */
export const lazyQueue = (databaseUrl: string) => lazyIngestQueue(databaseUrl);
