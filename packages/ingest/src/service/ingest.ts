// The ingest service: one article in, its research rows out, in one transaction, linked to what is there.
import type { PrismaClient } from '@claimgraph/db';
import { extract, ExtractError } from '@claimgraph/extract';
import type { DatePrecision, ExtractionResult } from '@claimgraph/shared';
import { IngestError, type IngestFailure } from '../errors.js';
import { canonicalUrl, normalizeBody, sha256 } from '../normalize.js';
import { knownSourcesByName, resolveSource, type SourceRef } from '../sources/resolve.js';
import { parseArticleInput, type ArticleInput } from '../validation.js';
import { resolveActors } from './actors.js';
import { citedOutlets, writeClaims } from './claims.js';
import { kindsOf, resolveEvents } from './events.js';
import { linkClaims } from './link.js';
import { emptyCounts, type IngestCounts, type IngestHooks, type Tx } from './types.js';

export interface IngestOptions {
  workspaceId: number;
  userId?: number;
  /** Interactive transaction timeout (ms); waiting for the workspace lock counts against it. */
  timeoutMs?: number;
  /** Test hooks (fault injection, slow jobs). */
  hooks?: IngestHooks;
}

export type IngestResult =
  | { status: 'ingested'; articleId: number; sourceId: number; counts: IngestCounts; warnings: string[]; extraction: ExtractionResult }
  | { status: 'duplicate'; articleId: number; reason: 'content' | 'url'; message: string }
  | { status: 'failed'; error: IngestFailure };

/** Namespace of the per-workspace advisory lock that serialises actor/event resolution. */
export const LOCK_NAMESPACE = 0x43470001;
/** Published dates more than this far ahead are treated as wrong. */
const FUTURE_SLACK_MS = 36 * 3_600_000;

async function findDuplicate(db: Tx | PrismaClient, workspaceId: number, contentHash: string, canonical: string | null) {
  const hit = await db.article.findFirst({
    where: { workspaceId, OR: [{ contentHash }, ...(canonical ? [{ canonicalUrl: canonical }] : [])] },
    select: { id: true, contentHash: true },
    orderBy: { id: 'asc' },
  });
  if (!hit) return null;
  const reason = hit.contentHash === contentHash ? ('content' as const) : ('url' as const);
  return {
    status: 'duplicate' as const,
    articleId: hit.id,
    reason,
    message: reason === 'content' ? `Duplicate of article ${hit.id} (same text).` : `Duplicate of article ${hit.id} (same URL).`,
  };
}

/** Thrown by the look-up-only client below where resolveSource would create an outlet. */
const WOULD_CREATE = Symbol('would create');

/**
 * The outlet `resolveSource` would find, without creating one: its reads go to `db`, its insert is
 * refused. Null when the outlet is new (then it is created inside the ingest transaction).
 */
async function lookUpSource(db: PrismaClient, ref: { name?: string | undefined; url?: string | undefined }): Promise<SourceRef | null> {
  const readOnly = {
    source: db.source,
    $queryRaw: () => {
      throw WOULD_CREATE;
    },
  } as unknown as Tx;
  try {
    return await resolveSource(readOnly, ref);
  } catch (err) {
    if (err === WOULD_CREATE) return null;
    throw err;
  }
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === 'P2002' || /23505|Unique constraint/i.test(e?.message ?? '');
};

/** An article validated, hashed and extracted: what the write needs, all computed without the lock. */
interface Prepared {
  valid: ArticleInput;
  contentHash: string;
  canonical: string | null;
  sourceRef: { name?: string | undefined; url?: string | undefined };
  knownSource: SourceRef | null;
  publishedAt: Date | null;
  publishedPrecision: DatePrecision;
  warnings: string[];
  extraction: ExtractionResult;
  knownOutlets: Map<string, number>;
}

/**
 * Validate, hash, skip early duplicates (same text or canonical URL already in the workspace), look
 * the outlet up and extract: everything that needs no lock. Returns the final result when there is
 * nothing to write.
 */
async function prepareArticle(db: PrismaClient, input: ArticleInput | unknown, workspaceId: number): Promise<IngestResult | Prepared> {
  let valid;
  try {
    valid = parseArticleInput(input);
  } catch (err) {
    if (err instanceof IngestError) return { status: 'failed', error: err.toFailure() };
    throw err;
  }
  const text = normalizeBody(valid.text);
  const contentHash = sha256(text);
  const canonical = valid.url ? canonicalUrl(valid.url) : null;
  // In parallel: the duplicate check and the outlet look-up (outlets are shared reference data; an
  // unknown one is created inside the transaction).
  const sourceRef = { name: valid.source, url: valid.url };
  const [early, knownSource] = await Promise.all([findDuplicate(db, workspaceId, contentHash, canonical), lookUpSource(db, sourceRef)]);
  if (early) return early;

  const warnings: string[] = [];
  let publishedAt: Date | null = null;
  if (valid.publishedAt) {
    const d = new Date(valid.publishedAt);
    if (d.getTime() > Date.now() + FUTURE_SLACK_MS) warnings.push(`Published date ${valid.publishedAt} is in the future; it was not stored.`);
    else publishedAt = d;
  }
  if (!valid.source && !valid.url) warnings.push('No outlet given (source name or URL): the article is filed under "Unknown outlet".');

  let extraction: ExtractionResult;
  try {
    extraction = extract({
      text,
      ...(valid.format ? { format: valid.format } : {}),
      ...(valid.url ? { url: valid.url } : {}),
      ...(valid.source ? { outlet: valid.source } : {}),
      ...(publishedAt ? { publishedAt: valid.publishedAt! } : {}),
      ...(valid.language ? { language: valid.language } : {}),
    });
  } catch (err) {
    if (err instanceof ExtractError) {
      const code = err.code === 'INVALID_INPUT' ? 'EXTRACTION_FAILED' : err.code;
      return { status: 'failed', error: { code, message: err.message } };
    }
    return { status: 'failed', error: { code: 'EXTRACTION_FAILED', message: `The extractor failed: ${(err as Error).message}` } };
  }
  warnings.push(...extraction.warnings);
  if (!publishedAt && extraction.published?.value) {
    const d = new Date(extraction.published.value);
    if (!Number.isNaN(d.getTime()) && d.getTime() <= Date.now() + FUTURE_SLACK_MS) publishedAt = d;
  }
  const publishedPrecision = publishedAt ? (valid.publishedAt ? (valid.publishedAt.length <= 10 ? 'DAY' : 'EXACT') : (extraction.published?.precision ?? 'UNKNOWN')) : 'UNKNOWN';
  const knownOutlets = await knownSourcesByName(db, citedOutlets(extraction.claims, knownSource?.name ?? ''));
  return { valid, contentHash, canonical, sourceRef, knownSource, publishedAt, publishedPrecision, warnings, extraction, knownOutlets };
}

const lockWorkspace = (tx: Tx, workspaceId: number) => tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, ${workspaceId}::int)`;

/** Writes one prepared article; the caller's transaction holds the workspace lock. */
async function writeArticle(tx: Tx, p: Prepared, options: IngestOptions): Promise<IngestResult> {
  const { workspaceId, hooks } = options;
  const { valid, extraction } = p;
  const warnings = [...p.warnings];
  const dup = await findDuplicate(tx, workspaceId, p.contentHash, p.canonical);
  if (dup) return dup;
  const counts = emptyCounts();

  const source = p.knownSource ?? (await resolveSource(tx, p.sourceRef));
  if (source.created) warnings.push(`Outlet "${source.name}" was not in the registry: created without labels.`);
  await hooks?.afterStage?.('source', tx);

  const article = await tx.article.create({
    data: {
      workspaceId,
      sourceId: source.id,
      url: valid.url ?? null,
      canonicalUrl: p.canonical,
      title: extraction.title,
      publishedAt: p.publishedAt,
      publishedPrecision: p.publishedPrecision,
      language: valid.language ?? extraction.language,
      body: extraction.body,
      removedLines: extraction.removedLines,
      contentHash: p.contentHash,
      extractorVersion: extraction.extractorVersion,
      warnings,
    },
    select: { id: true },
  });
  const storedWarnings = warnings.length;
  await hooks?.afterStage?.('article', tx);

  const { ids: actorIds, names } = await resolveActors(tx, workspaceId, extraction.actors, counts);
  await hooks?.afterStage?.('actors', tx);
  const eventIds = await resolveEvents(tx, workspaceId, article.id, extraction.events, actorIds, kindsOf(extraction), counts);
  await hooks?.afterStage?.('events', tx);
  const ctx = { workspaceId, articleId: article.id, sourceId: source.id, outlet: source.name };
  // (No corrections to re-apply: the article id is new. Re-extraction applies them.)
  // A copy of the cited outlets: writeClaims adds the ones it creates, which a rolled-back batch must forget.
  const stored = await writeClaims(tx, ctx, extraction.claims, actorIds, eventIds, counts, warnings, new Map(p.knownOutlets));
  await hooks?.afterStage?.('claims', tx);
  await linkClaims(tx, ctx, stored, actorIds, names, counts);
  await hooks?.afterStage?.('relations', tx);
  if (warnings.length !== storedWarnings) await tx.article.update({ where: { id: article.id }, data: { warnings } });
  return { status: 'ingested' as const, articleId: article.id, sourceId: source.id, counts, warnings, extraction };
}

/** One prepared article in its own transaction; a lost race on the unique keys is the duplicate it is. */
async function writeAlone(db: PrismaClient, p: Prepared, options: IngestOptions): Promise<IngestResult> {
  try {
    return await db.$transaction(
      async (tx) => {
        await lockWorkspace(tx, options.workspaceId);
        return writeArticle(tx, p, options);
      },
      { timeout: options.timeoutMs ?? 180_000, maxWait: 60_000 },
    );
  } catch (err) {
    // A concurrent submission of the same text won the race: report it as the duplicate it is.
    if (isUniqueViolation(err)) {
      const dup = await findDuplicate(db, options.workspaceId, p.contentHash, p.canonical);
      if (dup) return dup;
    }
    throw err;
  }
}

const isPrepared = (x: IngestResult | Prepared): x is Prepared => !('status' in x);

/**
 * Ingests one article: validate, hash, skip duplicates (same text or canonical URL in the workspace),
 * extract, then write source, article, actors, events, claims and cross-article relations in ONE
 * transaction. Idempotent: the same text submitted again (even concurrently) yields one article.
 * Expected failures (bad input, extraction refusal) come back as `{ status: 'failed' }`; unexpected
 * database errors are thrown, and leave nothing behind.
 */
export async function ingestArticle(db: PrismaClient, input: ArticleInput | unknown, options: IngestOptions): Promise<IngestResult> {
  const p = await prepareArticle(db, input, options.workspaceId);
  return isPrepared(p) ? writeAlone(db, p, options) : p;
}

/**
 * Ingests several articles of one workspace: each is prepared (validated, extracted) without the
 * lock, then all are written in ONE transaction under ONE workspace lock, in order — each article
 * sees what the earlier ones wrote, exactly as one-by-one ingestion would (same code, same order).
 * One lock wait and one commit for the batch instead of one per article. When the batch
 * transaction fails (one article's unexpected error rolls back all of them), the articles are
 * written one by one, so only the faulty one fails. Results are in input order; `rejected` carries
 * an unexpected error (what `ingestArticle` would throw).
 */
export async function ingestBatch(db: PrismaClient, inputs: readonly (ArticleInput | unknown)[], options: IngestOptions): Promise<PromiseSettledResult<IngestResult>[]> {
  const results = await Promise.allSettled(inputs.map((input) => prepareArticle(db, input, options.workspaceId)));
  const ready = results.flatMap((r, i) => (r.status === 'fulfilled' && isPrepared(r.value) ? [{ i, p: r.value }] : []));
  const settle = (i: number, value: IngestResult) => (results[i] = { status: 'fulfilled', value });
  const alone = async (i: number, p: Prepared) => {
    try {
      settle(i, await writeAlone(db, p, options));
    } catch (reason) {
      results[i] = { status: 'rejected', reason };
    }
  };
  if (ready.length === 1) await alone(ready[0]!.i, ready[0]!.p);
  else if (ready.length > 1) {
    try {
      const written = await db.$transaction(
        async (tx) => {
          await lockWorkspace(tx, options.workspaceId);
          const out: IngestResult[] = [];
          for (const { p } of ready) out.push(await writeArticle(tx, p, options));
          return out;
        },
        { timeout: options.timeoutMs ?? 180_000, maxWait: 60_000 },
      );
      written.forEach((r, k) => settle(ready[k]!.i, r));
    } catch {
      for (const { i, p } of ready) await alone(i, p);
    }
  }
  return results as PromiseSettledResult<IngestResult>[];
}
