// Fixed-window counters in Postgres (RateLimit table), shared by every API replica: one upsert per hit.
import { Prisma } from '@claimgraph/db';
import type { Db } from './db-types.js';

export interface RateWindow {
  count: number;
  resetAt: Date;
}

/** Adds one to `key`'s counter, starting a new window of `windowMs` when the old one has ended. Atomic. */
export async function hitRateLimit(db: Db, key: string, windowMs: number): Promise<RateWindow> {
  const rows = await db.$queryRaw<RateWindow[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT ("key") DO UPDATE SET
      "count"   = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0];
  if (!row) throw new Error(`rate limit upsert for ${key} returned no row`);
  return row;
}

/**
 * Adds one to each key's counter in ONE statement and returns every key's window: callers count an attempt before
 * doing the work it guards, so parallel attempts cannot all pass a check made before any of them was counted.
 */
export async function hitRateLimits(
  db: Db,
  hits: { key: string; windowMs: number }[],
): Promise<Map<string, RateWindow>> {
  // Sorted keys: concurrent statements lock rows in the same order, so they cannot deadlock.
  const sorted = [...hits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const values = Prisma.join(
    sorted.map((h) => Prisma.sql`(${h.key}, 1, now() + ${h.windowMs} * interval '1 millisecond')`),
  );
  const rows = await db.$queryRaw<(RateWindow & { key: string })[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES ${values}
    ON CONFLICT ("key") DO UPDATE SET
      "count"   = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "key", "count", "resetAt"`;
  return new Map(rows.map((r) => [r.key, { count: r.count, resetAt: r.resetAt }]));
}

/** Takes back one counted attempt of `key` (an attempt that turned out legitimate). */
export async function releaseRateLimit(db: Db, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`;
}

/** The current window of `key`, or null when there is none or it has ended. */
export async function peekRateLimit(db: Db, key: string): Promise<RateWindow | null> {
  const rows = await db.$queryRaw<RateWindow[]>`
    SELECT "count", "resetAt" FROM "RateLimit" WHERE "key" = ${key} AND "resetAt" > now()`;
  return rows[0] ?? null;
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Housekeeping: removes ended windows. */
export async function purgeRateLimits(db: Db): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "resetAt" <= now()`;
}
