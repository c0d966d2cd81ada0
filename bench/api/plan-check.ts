// Planning vs execution time of the API's claims-explorer page statement on the generated dataset
// (run after bench/api/run.ts has generated /tmp/claimgraph-bench-api):  npx tsx bench/api/plan-check.ts
import { createPrisma } from '@claimgraph/db';
import { startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { RAW_PAGE_SQL } from './raw-sql.js';

const pgServer = await startEmbeddedPostgres({
  dataDir: '/tmp/claimgraph-bench-api/data',
  database: 'claimgraph_bench',
});
try {
  const db = createPrisma(pgServer.url, { max: 1 });
  const explain = async (sql: string) => {
    const rows = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, SUMMARY) ${sql}`);
    return rows
      .map((r) => r['QUERY PLAN'])
      .filter((l) => /Planning Time|Execution Time/.test(l))
      .join(', ');
  };
  const page = RAW_PAGE_SQL.replace(/\$1/g, '1')
    .replace('$2::int[]', 'ARRAY[1]::int[]')
    .replace('$3', `'lean'`)
    .replace('$4', `'right'`);
  for (let i = 0; i < 3; i++) console.log('single-statement page:', await explain(page));
  await db.$disconnect();
} finally {
  await pgServer.stop();
}
