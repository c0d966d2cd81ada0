// Links an article to the origin of its near-duplicate group, at the end of its write (stage 1).
import { bandKeys, lockKeys } from '../service/locks.js';
import { sql } from '../service/sql.js';
import type { Tx } from '../service/types.js';
import { nearDuplicate, type Signature } from './minhash.js';

/** Most candidates (those sharing the most bands) checked against the full signature. */
const CANDIDATES = 20;

/** The articles of the workspace sharing a band with `bands`, those sharing the most first (through ArticleBand's primary key). */
export const candidatesSql = (workspaceId: number, articleId: number, bands: readonly number[]) => sql`
  SELECT a.id, a."originId", a.minhash, a."shingleCount" FROM (
    SELECT b."articleId", count(*) AS shared FROM "ArticleBand" b
     WHERE b."workspaceId" = ${workspaceId}::int AND b.band = ANY(${bands}::int[]) AND b."articleId" <> ${articleId}::int
     GROUP BY b."articleId" ORDER BY shared DESC, b."articleId" LIMIT ${CANDIDATES}::int
  ) x JOIN "Article" a ON a.id = x."articleId"
  ORDER BY x.shared DESC, a.id`;

/**
 * Stores the article's signature and, when earlier articles of the workspace are near-duplicates of it,
 * joins it to their group: a group's origin is its earliest-published member (an unknown date counts as
 * latest, then the lowest id), every other member points to it, and groups the article bridges merge.
 *
 * Candidates come from ArticleBand's primary key (no scan of the collection), and at most
 * CANDIDATES of them, those sharing the most bands, are compared on the full signature.
 *
 * Runs last in the article's transaction, holding locks on its band keys until the commit: two articles
 * can find each other only through a band they share, so of two such written at once, the second to get
 * the band's lock reads the first one committed (READ COMMITTED reads afresh at each statement), and a
 * pair is never missed; articles sharing no band never wait for each other. Returns the origin's id, or null.
 */
export async function assignOrigin(
  tx: Tx,
  workspaceId: number,
  articleId: number,
  sig: Signature | null,
): Promise<number | null> {
  if (!sig) return null;
  await lockKeys(tx, bandKeys(workspaceId, sig.bands));
  const candidates = await tx.query<{ id: number; originId: number | null; minhash: number[]; shingleCount: number }>(
    candidatesSql(workspaceId, articleId, sig.bands),
  );
  const roots = [
    ...new Set(
      candidates
        .filter((c) => nearDuplicate(sig, { minhash: c.minhash, shingles: c.shingleCount }).same)
        .map((c) => c.originId ?? c.id),
    ),
  ];
  if (!roots.length) return null;
  // The earliest-published of the groups' origins and the new article becomes the origin of them all.
  const [row] = await tx.query<{ origin: number }>(sql`
    WITH chosen AS (
      SELECT id FROM "Article" WHERE id = ANY(${[...roots, articleId]}::int[]) AND "workspaceId" = ${workspaceId}::int
       ORDER BY "publishedAt" ASC NULLS LAST, id LIMIT 1
    ), moved AS (
      UPDATE "Article" a SET "originId" = CASE WHEN a.id = (SELECT id FROM chosen) THEN NULL ELSE (SELECT id FROM chosen) END
       WHERE a."workspaceId" = ${workspaceId}::int AND (a.id = ANY(${[...roots, articleId]}::int[]) OR a."originId" = ANY(${roots}::int[]))
      RETURNING 1
    )
    SELECT id AS origin FROM chosen`);
  return row?.origin ?? null;
}

/**
 * Stores the article's signature and its bands (replacing any it had: re-extraction), before assignOrigin. It
 * takes no lock: the bands are seen by others at the commit, after assignOrigin's band locks. (Stage 1 writes a
 * new article's signature and bands with the article itself.)
 */
export async function storeSignature(tx: Tx, workspaceId: number, articleId: number, sig: Signature | null) {
  if (!sig) return;
  // (Old bands go first, in their own statement: a CTE's delete is not seen by its insert.)
  await tx.query(sql`
    WITH gone AS (DELETE FROM "ArticleBand" WHERE "articleId" = ${articleId}::int RETURNING 1)
    UPDATE "Article" SET minhash = ${sig.minhash}::int[], "shingleCount" = ${sig.shingles}::int WHERE id = ${articleId}::int`);
  await tx.query(sql`
    INSERT INTO "ArticleBand" ("workspaceId", band, "articleId")
    SELECT DISTINCT ${workspaceId}::int, u.band, ${articleId}::int FROM unnest(${sig.bands}::int[]) AS u(band)`);
}
