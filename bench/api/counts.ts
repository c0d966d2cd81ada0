// Server-side time of the explorer's count and facet queries on the generated dataset (run after bench/api/run.ts has
// generated /tmp/claimgraph-bench-api):  npx tsx bench/api/counts.ts [--runs 3]
// Each query: one warm-up call, then the median of --runs calls through the real API over HTTP.
import { startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { startApi } from '../../apps/api/src/index.js';

const i = process.argv.indexOf('--runs');
const RUNS = i >= 0 ? Number(process.argv[i + 1]) : 3;
const FACETS = `facets { biasLabels { scheme value count } sources { source { id name } count } actors { actor { id canonicalName } count } modalities { modality count } }`;
const queries: [string, string][] = [
  ['totalCount', `query($filter: ClaimFilter) { claims(filter: $filter, first: 1) { totalCount } }`],
  ['facets', `query($filter: ClaimFilter) { claims(filter: $filter, first: 1) { ${FACETS} } }`],
  [
    'totalCount + facets (Explorer_Facets)',
    `query($filter: ClaimFilter) { claims(filter: $filter, first: 1) { totalCount ${FACETS} } }`,
  ],
];
const filters: [string, object][] = [
  ['no filter', {}],
  [
    'actor 1 + lean:right',
    { actorIds: [Buffer.from('Actor:1').toString('base64')], biasLabels: [{ scheme: 'lean', value: 'right' }] },
  ],
  ['lean:right', { biasLabels: [{ scheme: 'lean', value: 'right' }] }],
];

const pgServer = await startEmbeddedPostgres({
  dataDir: '/tmp/claimgraph-bench-api/data',
  database: 'claimgraph_bench',
});
const api = await startApi({ databaseUrl: pgServer.url, port: 0, logLevel: 'error', statementTimeoutMs: 60_000 });
try {
  console.log('| query | filter | median ms | totalCount |\n|---|---|---|---|');
  for (const [name, query] of queries) {
    for (const [label, filter] of filters) {
      const times: number[] = [];
      let total: unknown;
      for (let run = 0; run <= RUNS; run++) {
        const t = performance.now();
        const res = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables: { filter } }),
        });
        const body = (await res.json()) as {
          data?: { claims: { totalCount?: number } };
          errors?: { message: string }[];
        };
        if (body.errors) throw new Error(`${name} / ${label}: ${body.errors[0]!.message}`);
        if (run > 0) times.push(performance.now() - t);
        total = body.data?.claims.totalCount ?? '';
      }
      console.log(
        `| ${name} | ${label} | ${times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(0)} | ${total} |`,
      );
    }
  }
} finally {
  await api.stop();
  await pgServer.stop();
}
