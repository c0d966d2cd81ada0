// The ingest service: one article in, its research rows out. Stage 1 writes the article and what it
// names in one transaction, without a workspace lock (locks.ts); stage 2 links it to the other articles
// in a transaction of its own (link.ts), at once or as a queued job.
import { isConnectionError, poolOf, retryOnConnectionLoss, type PrismaClient } from '@claimgraph/db';
import { extract, ExtractError } from '@claimgraph/extract';
import type { DatePrecision, ExtractInput, ExtractionResult } from '@claimgraph/shared';
import { IngestError, type IngestFailure } from '../errors.js';
import { canonicalUrl, domainOf, normalizeBody, sha256 } from '../normalize.js';
import { findSource, knownSourcesByName, resolveSource, type SourceRef } from '../sources/resolve.js';
import { parseArticleInput, type ArticleInput } from '../validation.js';
import { resolveActors } from './actors.js';
import { citedOutlets, writeClaims } from './claims.js';
import { kindsOf, resolveEvents } from './events.js';
import { linkArticle, requestRelink, storyTermsOf } from './link.js';
import { assignOrigin } from '../origins/assign.js';
import { signatureOf, type Signature } from '../origins/minhash.js';
import { pgTx, sql } from './sql.js';
import { retryOf, transaction } from './transaction.js';
import { emptyCounts, type IngestCounts, type IngestHooks, type Tx } from './types.js';

export interface IngestOptions {
  workspaceId: number;
  userId?: number;
  /** Longest any statement of the write, lock waits included, may take (ms). */
  timeoutMs?: number;
  /**
   * When the article is linked to the others (stage 2): 'now' (default), in its own transaction right
   * after the write, so the result counts its relations; 'later', by the caller (the queue worker queues
   * a link job). Until then the article's linkedAt is null.
   */
  link?: 'now' | 'later';
  /** Test hooks (fault injection, slow jobs). */
  hooks?: IngestHooks;
  /**
   * How long a lost or refused database connection (a restart, a failover) is retried before the
   * article fails (ms). Each retry reruns a whole read or a whole transaction. Default 30 s.
   */
  retryMs?: number;
  /** Told about each retried connection failure (logs). */
  onRetry?: (err: unknown, attempt: number) => void;
  /**
   * Runs the extractor; default: `extract` on this thread. The API passes its worker-thread pool so that extraction
   * never blocks its event loop. ExtractError fails the article as usual; any other error it throws (a full pool) is
   * thrown to the caller, the article not being at fault.
   */
  extract?: Extractor;
}

export type Extractor = (input: ExtractInput) => ExtractionResult | Promise<ExtractionResult>;

export type IngestResult =
  | {
      status: 'ingested';
      articleId: number;
      sourceId: number;
      counts: IngestCounts;
      warnings: string[];
      extraction: ExtractionResult;
      /** Time the write (and the link, when run now) held advisory locks, and waited for them (ms). */
      lockMs: number;
      lockWaitMs: number;
      linked: boolean;
      /** The origin of the article's near-duplicate group (itself when it is the earliest), null when it has no near-duplicate. */
      originId: number | null;
      /**
       * Other articles to link again: this one dated an event they are about (requestRelink). Linked with the
       * article when it is linked now; with `link: 'later'` the caller queues their link jobs.
       */
      relinked: number[];
    }
  | { status: 'duplicate'; articleId: number; reason: 'content' | 'url'; message: string }
  | { status: 'failed'; error: IngestFailure };

/** Published dates more than this far ahead are treated as wrong. */
const FUTURE_SLACK_MS = 36 * 3_600_000;

type Duplicate = Extract<IngestResult, { status: 'duplicate' }>;
interface ArticleKey {
  contentHash: string;
  canonical: string | null;
}

/** The oldest of these articles with the key's text or canonical URL, as the duplicate result (null: none). */
function duplicateAmong(
  rows: readonly { id: number; contentHash: string; canonicalUrl: string | null }[],
  key: ArticleKey,
): Duplicate | null {
  const hit = rows.find(
    (r) => r.contentHash === key.contentHash || (key.canonical !== null && r.canonicalUrl === key.canonical),
  );
  if (!hit) return null;
  const reason = hit.contentHash === key.contentHash ? ('content' as const) : ('url' as const);
  return {
    status: 'duplicate',
    articleId: hit.id,
    reason,
    message:
      reason === 'content'
        ? `Duplicate of article ${hit.id} (same text).`
        : `Duplicate of article ${hit.id} (same URL).`,
  };
}

/** For each key, the oldest article of the workspace with the same text or canonical URL (one query). */
async function findDuplicates(tx: Tx, workspaceId: number, keys: readonly ArticleKey[]): Promise<(Duplicate | null)[]> {
  if (!keys.length) return [];
  const rows = await tx.query<{ id: number; contentHash: string; canonicalUrl: string | null }>(sql`
    SELECT id, "contentHash", "canonicalUrl" FROM "Article"
     WHERE "workspaceId" = ${workspaceId}::int
       AND ("contentHash" = ANY(${keys.map((k) => k.contentHash)}::text[]) OR "canonicalUrl" = ANY(${keys.flatMap((k) => (k.canonical ? [k.canonical] : []))}::text[]))
     ORDER BY id`);
  return keys.map((k) => duplicateAmong(rows, k));
}

/** Statements outside any transaction, on the pool under `db`. */
const onPool = (db: PrismaClient) => pgTx(poolOf(db));

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';

/** An article validated, hashed and extracted: what the write needs, all computed without the lock. */
interface Prepared extends Hashed {
  sourceRef: { name?: string | undefined; url?: string | undefined };
  knownSource: SourceRef | null;
  publishedAt: Date | null;
  publishedPrecision: DatePrecision;
  warnings: string[];
  extraction: ExtractionResult;
  /** Outlets the chains cite that already exist (name → id). */
  knownOutlets: Map<string, number>;
  /** The body's MinHash signature (null: too short to compare), computed before the transaction. */
  signature: Signature | null;
  /** The article's story profile (link.ts), computed before the transaction. */
  storyTerms: string[];
}

type Hashed = ArticleKey & { valid: ArticleInput; text: string };

function hashArticle(input: ArticleInput | unknown): Hashed | IngestResult {
  try {
    const valid = parseArticleInput(input);
    const text = normalizeBody(valid.text);
    return { valid, text, contentHash: sha256(text), canonical: valid.url ? canonicalUrl(valid.url) : null };
  } catch (err) {
    if (err instanceof IngestError) return { status: 'failed', error: err.toFailure() };
    throw err;
  }
}

/**
 * Validate, hash, skip early duplicates (same text or canonical URL already in the workspace), look
 * the outlets up and extract: everything that needs no lock, for several articles with one query per
 * kind of look-up. Each entry is the final result when there is nothing to write.
 */
async function prepareArticles(
  db: PrismaClient,
  inputs: readonly (ArticleInput | unknown)[],
  workspaceId: number,
  run?: Extractor,
): Promise<(IngestResult | Prepared)[]> {
  const direct = onPool(db);
  const hashed = inputs.map(hashArticle);
  const valid = hashed.filter((h): h is Hashed => !('status' in h));
  // In parallel: the duplicate check and the outlet look-ups, each outlet once (the workspace's own
  // and the registry's; an unknown one is created inside the transaction).
  const lookups = new Map<string, Promise<SourceRef | null>>();
  const lookUp = (ref: Prepared['sourceRef']) => {
    const key = `${ref.name ?? ''}\u0000${ref.url ? (domainOf(ref.url) ?? '') : ''}`;
    if (!lookups.has(key)) lookups.set(key, findSource(direct, workspaceId, ref));
    return lookups.get(key)!;
  };
  const [dups, sources] = await Promise.all([
    findDuplicates(direct, workspaceId, valid),
    Promise.all(valid.map((h) => lookUp({ name: h.valid.source, url: h.valid.url }))),
  ]);
  const knownOutlets = new Map<string, number>();
  const out = await Promise.all(
    hashed.map(async (h) => {
      if ('status' in h) return h;
      const k = valid.indexOf(h);
      return dups[k] ?? extractArticle(h, sources[k]!, knownOutlets, run);
    }),
  );
  // The outlets all chains cite, in one look-up; each article reads its own from the shared map.
  const cited = out.flatMap((p) => ('status' in p ? [] : citedOutlets(p.extraction.claims, p.knownSource?.name ?? '')));
  for (const [name, id] of await knownSourcesByName(direct, workspaceId, cited)) knownOutlets.set(name, id);
  return out;
}

async function extractArticle(
  h: Hashed,
  knownSource: SourceRef | null,
  knownOutlets: Map<string, number>,
  run?: Extractor,
): Promise<Prepared | IngestResult> {
  const { valid } = h;
  const warnings: string[] = [];
  let publishedAt: Date | null = null;
  if (valid.publishedAt) {
    const d = new Date(valid.publishedAt);
    if (d.getTime() > Date.now() + FUTURE_SLACK_MS)
      warnings.push(`Published date ${valid.publishedAt} is in the future; it was not stored.`);
    else publishedAt = d;
  }
  if (!valid.source && !valid.url)
    warnings.push('No outlet given (source name or URL): the article is filed under "Unknown outlet".');

  let extraction: ExtractionResult;
  try {
    extraction = await (run ?? extract)({
      text: h.text,
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
    if (run) throw err;
    return {
      status: 'failed',
      error: { code: 'EXTRACTION_FAILED', message: `The extractor failed: ${(err as Error).message}` },
    };
  }
  warnings.push(...extraction.warnings);
  if (!publishedAt && extraction.published?.value) {
    const d = new Date(extraction.published.value);
    if (!Number.isNaN(d.getTime()) && d.getTime() <= Date.now() + FUTURE_SLACK_MS) publishedAt = d;
  }
  const publishedPrecision = publishedAt
    ? valid.publishedAt
      ? valid.publishedAt.length <= 10
        ? 'DAY'
        : 'EXACT'
      : (extraction.published?.precision ?? 'UNKNOWN')
    : 'UNKNOWN';
  const sourceRef = { name: valid.source, url: valid.url };
  return {
    ...h,
    sourceRef,
    knownSource,
    publishedAt,
    publishedPrecision,
    warnings,
    extraction,
    knownOutlets,
    signature: signatureOf(extraction.body),
    storyTerms: storyTermsOf(extraction),
  };
}

/**
 * Stage 1: writes one prepared article with its source, actors, events, claims and chains, unlinked
 * (linkedAt null). The caller's transaction has looked for a duplicate (`dup`); a concurrent writer of
 * the same text or URL makes the article insert fail on its unique key.
 */
async function writeArticle(tx: Tx, p: Prepared, options: IngestOptions, dup: Duplicate | null): Promise<IngestResult> {
  const { workspaceId, hooks } = options;
  const { valid, extraction } = p;
  if (dup) return dup;
  const warnings = [...p.warnings];
  const counts = emptyCounts();

  const source = p.knownSource ?? (await resolveSource(tx, workspaceId, p.sourceRef));
  if (source.created) warnings.push(`Outlet "${source.name}" was not in the registry: created without labels.`);
  await hooks?.afterStage?.('source', tx);

  // Raw SQL: the ORM's create costs more than the insert. With the article, its near-duplicate signature and
  // bands (others see them at the commit, after assignOrigin's band locks).
  const sig = p.signature;
  const [article] = await tx.query<{ id: number }>(sql`
    WITH a AS (
      INSERT INTO "Article" ("workspaceId", "sourceId", url, "canonicalUrl", title, "publishedAt", "publishedPrecision", language, body,
                             "removedLines", "contentHash", "extractorVersion", warnings, minhash, "shingleCount", "storyTerms")
      VALUES (${workspaceId}::int, ${source.id}::int, ${valid.url ?? null}, ${p.canonical}, ${extraction.title}, ${p.publishedAt}::timestamptz,
              ${p.publishedPrecision}::"DatePrecision", ${valid.language ?? extraction.language}, ${extraction.body}, ${extraction.removedLines}::text[],
              ${p.contentHash}, ${extraction.extractorVersion}, ${warnings}::text[], ${sig?.minhash ?? []}::int[], ${sig?.shingles ?? null}::int,
              ${p.storyTerms}::text[])
      RETURNING id
    ), bands AS (
      INSERT INTO "ArticleBand" ("workspaceId", band, "articleId")
      SELECT DISTINCT ${workspaceId}::int, u.band, a.id FROM a, unnest(${sig?.bands ?? []}::int[]) AS u(band)
    )
    SELECT id FROM a`);
  if (!article) throw new Error('The article insert returned no row.');
  const storedWarnings = warnings.length;
  await hooks?.afterStage?.('article', tx);

  const { ids: actorIds } = await resolveActors(tx, workspaceId, extraction.actors, counts);
  await hooks?.afterStage?.('actors', tx);
  const ctx = { workspaceId, articleId: article.id, sourceId: source.id, outlet: source.name };
  // The claims before their events: writing them (chains, actors, search vectors) is most of the write and
  // needs no event key, so the event keys (held to the commit) are taken after it; resolveEvents sets the
  // claims' events. (No corrections to re-apply: the article id is new. Re-extraction applies them.)
  // A copy of the cited outlets: writeClaims adds the ones it creates, which a rolled-back batch must forget.
  const claims = await writeClaims(
    tx,
    ctx,
    extraction.claims,
    actorIds,
    new Map(),
    counts,
    warnings,
    new Map(p.knownOutlets),
  );
  await hooks?.afterStage?.('claims', tx);
  const redated: number[] = [];
  await resolveEvents(
    tx,
    workspaceId,
    article.id,
    extraction.events,
    actorIds,
    kindsOf(extraction),
    counts,
    redated,
    claims,
  );
  await hooks?.afterStage?.('events', tx);
  if (warnings.length !== storedWarnings)
    await tx.query(sql`UPDATE "Article" SET warnings = ${warnings}::text[] WHERE id = ${article.id}::int`);
  // An event that got its day from this article: its other articles were compared without it.
  const relinked = await requestRelink(tx, workspaceId, { eventIds: redated, except: article.id });
  // Last: it locks its signature's band keys (after the actor and event keys, as locks.ts orders them).
  const originId = await assignOrigin(tx, workspaceId, article.id, p.signature);
  return {
    status: 'ingested' as const,
    articleId: article.id,
    sourceId: source.id,
    counts,
    warnings,
    extraction,
    lockMs: 0,
    lockWaitMs: 0,
    linked: false,
    originId,
    relinked,
  };
}

/**
 * One prepared article in its own transaction (stage 1), then linked unless the caller links it later;
 * a lost race on the unique keys is the duplicate it is.
 */
async function writeAlone(db: PrismaClient, p: Prepared, options: IngestOptions): Promise<IngestResult> {
  try {
    // Its natural keys deferred to its end (locks.ts): the window they are held in is the check and the commit.
    const {
      value: written,
      lockMs,
      lockWaitMs,
    } = await transaction(db, { ...options, deferKeys: true }, async (tx) =>
      writeArticle(tx, p, options, (await findDuplicates(tx, options.workspaceId, [p]))[0]!),
    );
    if (written.status !== 'ingested') return written;
    if (options.link === 'later') return { ...written, lockMs, lockWaitMs };
    const linked = await linkArticle(db, options.workspaceId, written.articleId, options);
    // Only what linking counts: its counts object is a whole IngestCounts of zeros otherwise.
    const { relations, clustersCreated, clusteredClaims } = linked.counts;
    Object.assign(written.counts, { relations, clustersCreated, clusteredClaims });
    let [held, waited] = [lockMs + linked.lockMs, lockWaitMs + linked.lockWaitMs];
    for (const id of written.relinked) {
      const again = await linkArticle(db, options.workspaceId, id, options);
      [held, waited] = [held + again.lockMs, waited + again.lockWaitMs];
    }
    return { ...written, lockMs: held, lockWaitMs: waited, linked: true };
  } catch (err) {
    // A concurrent submission of the same text won the race: report it as the duplicate it is.
    if (isUniqueViolation(err)) {
      const [dup] = await findDuplicates(onPool(db), options.workspaceId, [p]);
      if (dup) return dup;
    }
    throw err;
  }
}

const isPrepared = (x: IngestResult | Prepared): x is Prepared => !('status' in x);

/**
 * Ingests one article: validate, hash, skip duplicates (same text or canonical URL in the workspace),
 * extract, then write source, article, actors, events, claims and chains in ONE transaction (stage 1)
 * and, unless `link: 'later'`, link it to the other articles in a second one (stage 2). Idempotent: the
 * same text submitted again (even concurrently) yields one article. Expected failures (bad input,
 * extraction refusal) come back as `{ status: 'failed' }`; unexpected database errors are thrown, and
 * leave nothing of the failed stage behind (an article whose linking failed stays pending: linkPending).
 */
export async function ingestArticle(
  db: PrismaClient,
  input: ArticleInput | unknown,
  options: IngestOptions,
): Promise<IngestResult> {
  const [p] = await retryOnConnectionLoss(
    () => prepareArticles(db, [input], options.workspaceId, options.extract),
    retryOf(options),
  );
  return isPrepared(p!) ? writeAlone(db, p, options) : p!;
}

/**
 * Ingests several articles of one workspace: all are prepared (validated, looked up, extracted) first,
 * with one query per kind of look-up, then each is written (and linked, unless `link: 'later'`) in its
 * own transactions, in order — each article sees what the earlier ones wrote, exactly as one-by-one
 * ingestion would, and one article's failure loses no other. Results are in input order; `rejected`
 * carries an unexpected error (what `ingestArticle` would throw).
 */
export async function ingestBatch(
  db: PrismaClient,
  inputs: readonly (ArticleInput | unknown)[],
  options: IngestOptions,
): Promise<PromiseSettledResult<IngestResult>[]> {
  let prepared: (IngestResult | Prepared)[];
  try {
    prepared = await retryOnConnectionLoss(
      () => prepareArticles(db, inputs, options.workspaceId, options.extract),
      retryOf(options),
    );
  } catch (reason) {
    return inputs.map(() => ({ status: 'rejected', reason }));
  }
  const results: PromiseSettledResult<IngestResult>[] = prepared.map((p) =>
    isPrepared(p) ? { status: 'rejected', reason: null } : { status: 'fulfilled', value: p },
  );
  // Each article in its own transaction, in order (each sees what the earlier ones wrote, as one by one).
  for (const [i, p] of prepared.entries()) {
    if (!isPrepared(p)) continue;
    try {
      results[i] = { status: 'fulfilled', value: await writeAlone(db, p, options) };
    } catch (reason) {
      results[i] = { status: 'rejected', reason };
      // The database stayed out of reach for the whole retry window: the next ones would wait as long again each.
      if (isConnectionError(reason))
        for (const [k, q] of prepared.entries())
          if (k > i && isPrepared(q)) results[k] = { status: 'rejected', reason };
      if (isConnectionError(reason)) break;
    }
  }
  return results;
}
