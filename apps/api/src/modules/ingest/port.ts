// The API's adapter to @claimgraph/ingest: maps GraphQL inputs to ArticleInput and IngestResult to payload data.
import type { Article, PrismaClient } from '@claimgraph/db';
import { enqueueArticles as enqueue, ingestArticle as ingest, openIngestQueue, parseArticleInput, IngestError, type IngestFailure, type IngestQueue } from '@claimgraph/ingest';
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
async function summarise(db: PrismaClient, workspaceId: number, articleId: number): Promise<{ article: Article; extraction: ExtractionSummaryData }> {
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
export async function ingestOne(db: PrismaClient, viewer: { workspaceId: number; userId: number }, input: IngestArticleInput): Promise<IngestPortResult> {
  const result = await ingest(db, toArticleInput(input), { workspaceId: viewer.workspaceId, userId: viewer.userId });
  if (result.status === 'failed') throw failure(result.error, 'input');
  const summary = await summarise(db, viewer.workspaceId, result.articleId);
  return { ...summary, created: result.status === 'ingested' };
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
    throw new IngestFailureError(errors.length ? 'INVALID_INPUT' : f.code, f.message, errors);
  }
  const outcomes = await enqueue(await queue(), articles, { workspaceId: viewer.workspaceId, userId: viewer.userId });
  return outcomes.map((o) => {
    if (o.status === 'rejected') throw failure(o.error, `inputs.${o.index}`);
    return { index: o.index, status: o.status === 'queued' ? 'QUEUED' : 'ALREADY_QUEUED', jobId: o.status === 'queued' ? o.jobId : null, contentHash: o.contentHash };
  });
}

/** One queue connection per server, opened on first use. */
export function lazyQueue(databaseUrl: string) {
  let opened: Promise<IngestQueue> | null = null;
  return {
    get: () => (opened ??= openIngestQueue(databaseUrl)),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
