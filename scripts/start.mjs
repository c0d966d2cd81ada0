#!/usr/bin/env node
// `npm start`: build, start the database (embedded PostgreSQL unless DATABASE_URL is set), migrate,
// load the sample corpus into an empty database, then run the API, an ingestion worker (for files
// queued from the dashboard or `claimgraph ingest --queue`) and the dashboard until Ctrl-C.
// `npm run dev` does the same with the API under tsx watch and `next dev`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const config = readConfig(process.env);
const telemetryOff = { NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };
const log = (msg) => console.log(`[claimgraph] ${msg}`);

// --- build -------------------------------------------------------------------------------------
log(dev ? 'building packages…' : 'building (first run takes a minute)…');
const turbo = path.join(root, 'node_modules', '.bin', 'turbo');
const filter = dev ? ['--filter=!@claimgraph/web'] : [];
const build = spawnSync(turbo, ['run', 'build', '--output-logs=errors-only', ...filter], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...telemetryOff },
});
if (build.status !== 0) {
  console.error('[claimgraph] the build failed; see the errors above.');
  process.exit(build.status ?? 1);
}

// --- database ----------------------------------------------------------------------------------
const { migrate, createPrisma, ensureLocalWorkspace } = await import('@claimgraph/db');
let databaseUrl = config.databaseUrl;
let embedded = null;
if (!databaseUrl) {
  const { startEmbeddedPostgres, reachableDataDir } = await import('@claimgraph/db/embedded');
  // The default folder moves when PostgreSQL could not reach it (root in a private home); a chosen one stays.
  const moved = config.dataDirChosen ? { dataDir: config.dataDir, reason: null } : reachableDataDir(config.dataDir);
  if (moved.reason)
    log(`${moved.reason}: keeping the data in ${moved.dataDir} instead (set CLAIMGRAPH_DATA_DIR to choose)`);
  config.dataDir = moved.dataDir;
  log(`starting the embedded PostgreSQL in ${path.relative(root, config.dataDir) || config.dataDir}…`);
  embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.dbPort });
  databaseUrl = embedded.url;
}
const { applied } = await migrate(databaseUrl);
log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');

const db = createPrisma(databaseUrl);
try {
  const { workspaceId } = await ensureLocalWorkspace(db);
  if ((await db.article.count({ where: { workspaceId } })) === 0) {
    const ingest = await import('@claimgraph/ingest').catch(() => null);
    if (ingest?.seedSampleCorpus) {
      log('empty database: ingesting the sample corpus (five seed articles)…');
      const { results } = await ingest.seedSampleCorpus(db, { workspaceId });
      const ingested = results.filter((r) => r.status === 'ingested').length;
      log(`sample corpus: ${ingested} of ${results.length} articles ingested`);
      for (const r of results) if (r.status === 'failed') log(`  ${r.file}: ${r.error}`);
    }
  }
} finally {
  await db.$disconnect();
}

// --- servers -----------------------------------------------------------------------------------
const children = [];
const serverEnv = {
  ...process.env,
  ...telemetryOff,
  DATABASE_URL: databaseUrl,
  API_PORT: String(config.apiPort),
  API_HOST: config.host,
  API_URL: config.apiUrl,
  PUBLIC_API_URL: config.publicApiUrl,
  WEB_ORIGIN: config.webUrl,
  NODE_ENV: dev ? 'development' : 'production',
};
function run(name, args, cwd) {
  const child = spawn(process.execPath, args, { cwd, env: serverEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[claimgraph] ${name} exited (${signal ?? code}); stopping.`);
      stop(1);
    }
  });
  children.push(child);
}

// The worker runs the built package in both modes: `--dev` builds every package but the web.
run('worker', ['dist/worker/main.js'], path.join(root, 'packages', 'ingest'));

const require = createRequire(path.join(root, 'apps', 'web', 'package.json'));
const nextBin = require.resolve('next/dist/bin/next');
if (dev) {
  run(
    'api',
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', 'src/main.ts'],
    path.join(root, 'apps', 'api'),
  );
  run('web', [nextBin, 'dev', '-H', config.host, '-p', String(config.webPort)], path.join(root, 'apps', 'web'));
} else {
  run('api', ['dist/main.js'], path.join(root, 'apps', 'api'));
  if (existsSync(path.join(root, 'apps', 'web', '.next'))) {
    run('web', [nextBin, 'start', '-H', config.host, '-p', String(config.webPort)], path.join(root, 'apps', 'web'));
  }
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  if (embedded) await embedded.stop();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
embedded?.exited.then((how) => {
  if (stopping) return;
  console.error(
    `[claimgraph] the embedded PostgreSQL stopped (${how}); stopping. Its data in ${config.dataDir} is kept: run npm start again.`,
  );
  stop(1);
});

log(`API        ${config.apiUrl}  (GraphiQL in a browser)`);
log(`dashboard  ${config.webUrl}`);
log('worker     works the ingestion queue (WORKER_CONCURRENCY jobs at a time)');
log(
  `database   ${embedded ? `embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${config.dataDir})` : 'DATABASE_URL'}`,
);
log('press Ctrl-C to stop');
