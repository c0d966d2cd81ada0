// Where a research query's PostgreSQL time goes: the statements the API sends for one of run.ts's cases
// (bench/api/cases.ts), each timed by EXPLAIN ANALYZE (planning + execution) beside the case's hand-written statement,
// and with --plan-cache each again as a prepared statement with a plan per call against one generic plan.
//
//   npx tsx bench/api/explain.ts [--case "claim page"] [--runs 6] [--plan] [--plan-cache]
//
// Uses the dataset bench/api/run.ts generated in /tmp/claimgraph-bench-api (run that first).
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { startApi } from '../../apps/api/src/index.js';
import { CASES } from './cases.js';
import { arg } from './measure.js';

const CASE = CASES.find((c) => c.name === arg('case', 'claim page'));
if (!CASE) throw new Error(`--case: one of ${CASES.map((c) => c.name).join(', ')}`);
const RUNS = Number(arg('runs', '6'));

// Every statement node-postgres sends with parameters, as sent (the API's pools and this script's own client).
let capture: { text: string; values: unknown[] }[] | null = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
  const c = config as { text?: string; values?: unknown[] };
  if (capture && typeof c?.text === 'string') capture.push({ text: c.text, values: c.values ?? [] });
  return (query as (...a: unknown[]) => unknown).call(this, config, ...rest);
} as typeof query;

const pgServer = await startEmbeddedPostgres({
  dataDir: '/tmp/claimgraph-bench-api/data',
  database: 'claimgraph_bench',
});
const api = await startApi({
  databaseUrl: pgServer.url,
  port: await freePort(),
  logLevel: 'warn',
  statementTimeoutMs: 60_000,
});
const client = new pg.Client({ connectionString: pgServer.url });
try {
  const post = () =>
    fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CASE.query, variables: CASE.variables }),
    }).then((r) => r.text());
  await post(); // the server's first request also sweeps expired sessions
  capture = [];
  const bytes = (await post()).length;
  const statements = capture;
  capture = null;
  console.log(`${CASE.name}: ${statements.length} statements, response ${bytes} bytes`);
  await client.connect();
  const times = async (text: string, values: unknown[]) => {
    const out: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, SUMMARY) ${text}`, values);
      const ms = rows.map((r) => /(Planning|Execution) Time: ([\d.]+)/.exec(r['QUERY PLAN'])?.[2]).filter(Boolean);
      out.push(ms.join(' + '));
    }
    return `planning + execution ms: ${out.join(', ')}`;
  };
  const literal = (v: unknown) =>
    Array.isArray(v) ? `ARRAY[${v.join(',')}]` : typeof v === 'number' ? String(v) : pg.escapeLiteral(String(v));
  for (const [i, s] of statements.entries()) {
    console.log(
      `\n— statement ${i + 1}: ${s.text.replace(/\s+/g, ' ').slice(0, 160)}…\n  ${await times(s.text, s.values)}`,
    );
    if (process.argv.includes('--plan')) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
      console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    if (process.argv.includes('--plan-cache')) {
      await client.query(`PREPARE s${i} AS ${s.text}`);
      for (const mode of ['force_custom_plan', 'force_generic_plan']) {
        await client.query(`SET plan_cache_mode = ${mode}`);
        console.log(`  prepared, ${mode}: ${await times(`EXECUTE s${i}(${s.values.map(literal).join(', ')})`, [])}`);
      }
      await client.query('RESET plan_cache_mode');
    }
  }
  console.log(`\n— the hand-written statement\n  ${await times(CASE.sql, [1, ...CASE.params])}`);
} finally {
  await client.end().catch(() => undefined);
  await api.stop();
  await pgServer.stop();
}
