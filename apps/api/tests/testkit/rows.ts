// Row count of every table in the public schema, plus the queue's jobs: "nothing partial stored" compares two of these.
import type { PrismaClient } from '@claimgraph/db';

export async function rowCounts(db: PrismaClient): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<
    { name: string }[]
  >`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${name.replace(/"/g, '""')}"`,
    );
    counts[name] = row?.n ?? 0;
  }
  const [queue] = await db.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('pgboss.job')::text AS t`;
  counts['pgboss.job'] = queue?.t
    ? ((await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job`))[0]?.n ?? 0)
    : 0;
  return counts;
}
