// Re-extraction when the extractor changes: replace an article's extracted rows, keep human work.
import type { PrismaClient } from '@claimgraph/db';
import { EXTRACTOR_VERSION, extract } from '@claimgraph/extract';
import { resolveActors } from './service/actors.js';
import { applyCorrections, writeClaims } from './service/claims.js';
import { kindsOf, resolveEvents } from './service/events.js';
import { linkArticle, requestRelink, storyTermsOf } from './service/link.js';
import { assignOrigin, storeSignature } from './origins/assign.js';
import { signatureOf } from './origins/minhash.js';
import { prismaTx } from './service/sql.js';
import { emptyCounts, type IngestCounts } from './service/types.js';

/** -1, 0, 1 comparing dotted numeric versions ("0.10.0" > "0.9.2"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

export interface ReextractResult {
  articles: number;
  claims: number;
  correctionsApplied: number;
  reviewsKept: number;
  /** Other articles linked again because the new extraction gave an event of theirs its day. */
  relinked: number;
  failed: { articleId: number; message: string }[];
}

/**
 * Re-runs extraction for the workspace's articles (all, or those extracted by a version below
 * `versionBelow`), one transaction per article: its claims, chains, actor links and event mentions
 * are replaced; human corrections (Correction rows, entityKey `${articleId}:${extractionKey}`) are
 * re-applied and reviewed claims keep their review status.
 */
export async function reextractArticles(
  db: PrismaClient,
  options: {
    workspaceId: number;
    all?: boolean;
    versionBelow?: string;
    onArticle?: (articleId: number, ok: boolean) => void;
  },
): Promise<ReextractResult> {
  const { workspaceId } = options;
  const below = options.all ? null : (options.versionBelow ?? EXTRACTOR_VERSION);
  const articles = await db.article.findMany({
    where: { workspaceId },
    select: { id: true, extractorVersion: true },
    orderBy: { id: 'asc' },
  });
  const todo = articles.filter((a) => below === null || compareVersions(a.extractorVersion, below) < 0);
  const result: ReextractResult = {
    articles: 0,
    claims: 0,
    correctionsApplied: 0,
    reviewsKept: 0,
    relinked: 0,
    failed: [],
  };
  for (const { id } of todo) {
    try {
      const counts: IngestCounts = emptyCounts();
      const redated: number[] = [];
      const relinked = await db.$transaction(
        async (tx) => {
          const a = await tx.article.findUniqueOrThrow({
            where: { id },
            select: {
              body: true,
              publishedAt: true,
              publishedPrecision: true,
              language: true,
              url: true,
              sourceId: true,
              source: { select: { name: true } },
            },
          });
          const extraction = extract({
            text: a.body,
            format: 'text',
            outlet: a.source.name,
            ...(a.url ? { url: a.url } : {}),
            ...(a.publishedAt ? { publishedAt: a.publishedAt.toISOString() } : {}),
            ...(a.language ? { language: a.language } : {}),
          });
          const reviewed = await tx.claim.findMany({
            where: { articleId: id, reviewStatus: { not: 'UNREVIEWED' } },
            select: { extractionKey: true, reviewStatus: true, reviewNote: true },
          });
          await tx.claim.deleteMany({ where: { articleId: id } });
          await tx.eventMention.deleteMany({ where: { articleId: id } });
          await tx.article.update({
            where: { id },
            // Linked again below, after the commit (its relations went with its old claims).
            data: {
              body: extraction.body,
              extractorVersion: extraction.extractorVersion,
              title: extraction.title ?? undefined,
              warnings: extraction.warnings,
              storyTerms: storyTermsOf(extraction),
              linkedAt: null,
            },
          });
          const sqlTx = prismaTx(tx);
          const { ids } = await resolveActors(sqlTx, workspaceId, extraction.actors, counts);
          const eventIds = await resolveEvents(
            sqlTx,
            workspaceId,
            id,
            extraction.events,
            ids,
            kindsOf(extraction),
            counts,
            redated,
          );
          const ctx = { workspaceId, articleId: id, sourceId: a.sourceId, outlet: a.source.name };
          await writeClaims(sqlTx, ctx, extraction.claims, ids, eventIds, counts, []);
          for (const r of reviewed) {
            const n = await tx.claim.updateMany({
              where: { articleId: id, extractionKey: r.extractionKey },
              data: { reviewStatus: r.reviewStatus, reviewNote: r.reviewNote },
            });
            result.reviewsKept += n.count;
          }
          result.correctionsApplied += await applyCorrections(tx, workspaceId, id);
          // Events no article mentions any more go; actors stay (people may have curated them).
          await tx.event.deleteMany({ where: { workspaceId, mentions: { none: {} }, claims: { none: {} } } });
          // An event that got its day from the new extraction: its other articles were compared without it (as in ingestion).
          const again = await requestRelink(sqlTx, workspaceId, { eventIds: redated, except: id });
          // Signed again from the new body (an article stored before signatures existed gets its first), last: it locks its band keys.
          const signature = signatureOf(extraction.body);
          await storeSignature(sqlTx, workspaceId, id, signature);
          await assignOrigin(sqlTx, workspaceId, id, signature);
          return again;
        },
        { timeout: 180_000, maxWait: 60_000 },
      );
      // Stage 2 as for a new article: compared with every other article, older or newer (linkPending finishes it if this fails).
      await linkArticle(db, workspaceId, id);
      for (const other of relinked) await linkArticle(db, workspaceId, other);
      result.articles++;
      result.relinked += relinked.length;
      result.claims += counts.claims;
      options.onArticle?.(id, true);
    } catch (err) {
      result.failed.push({ articleId: id, message: (err as Error).message });
      options.onArticle?.(id, false);
    }
  }
  return result;
}
