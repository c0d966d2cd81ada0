// Where one ingest spends its time (stage timings over a warm database): npx tsx bench/ingest/profile.ts [--articles 300]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPrisma, ensureLocalWorkspace, migrate } from '@claimgraph/db';
import { startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { importRegistry, ingestArticle } from '@claimgraph/ingest';
import { generateCorpus } from './generate.js';

const i = process.argv.indexOf('--articles');
const N = i > 0 ? Number(process.argv[i + 1]) : 300;
const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-profile-'));
const { chmod } = await import('node:fs/promises');
await chmod(base, 0o777);
const server = await startEmbeddedPostgres({ dataDir: path.join(base, 'data') });
await migrate(server.url);
const db = createPrisma(server.url);
await importRegistry(db);
const { workspaceId } = await ensureLocalWorkspace(db);
const totals: Record<string, number> = {};
let last = 0;
const started = performance.now();
for (const [n, a] of generateCorpus(N).entries()) {
  const t0 = performance.now();
  last = t0;
  const r = await ingestArticle(db, a, {
    workspaceId,
    hooks: {
      afterStage: (stage) => {
        const now = performance.now();
        totals[stage] = (totals[stage] ?? 0) + now - last;
        last = now;
      },
    },
  });
  totals['total'] = (totals['total'] ?? 0) + performance.now() - t0;
  if (r.status !== 'ingested') console.log(n, r.status);
}
const secs = (performance.now() - started) / 1000;
console.log(`${N} articles in ${secs.toFixed(1)} s = ${(N / secs).toFixed(1)}/s; mean ms per stage (source = extraction + lock + source):`);
for (const [k, v] of Object.entries(totals)) console.log(`  ${k.padEnd(10)} ${(v / N).toFixed(1)}`);
await db.$disconnect();
await server.stop();
await rm(base, { recursive: true, force: true });
