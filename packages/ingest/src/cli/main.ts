#!/usr/bin/env node
// The `claimgraph` command: ingest files/folders/stdin, import rater labels, re-extract.
import {
  createPrisma,
  ensureLocalWorkspace,
  isConnectionError,
  retryOnConnectionLoss,
  type PrismaClient,
} from '@claimgraph/db';
import { Command } from 'commander';
import { articlesByLean, loadDemoCorpus, readDemoCorpus } from '../demo.js';
import { env } from '../env.js';
import { enqueueArticles, openIngestQueue, retryFailedJobs } from '../queue.js';
import { reextractArticles } from '../reextract.js';
import { ingestArticle } from '../service/ingest.js';
import { linkPending } from '../service/link.js';
import { importLabelsCsv, importRegistry } from '../sources/registry.js';
import { openDatabase } from './database.js';
import { feedCommands, itemFromUrl } from './feeds.js';
import { Progress } from './progress.js';
import { collectInputs, readLabelsCsv, type ArticleMetaFlags } from './read-input.js';

const cfg = env();
// Rides out a database restart (connection-level failures only) for INGEST_DB_RETRY_SECONDS.
const retry = {
  maxMs: cfg.INGEST_DB_RETRY_SECONDS * 1000,
  onRetry: (err: unknown, attempt: number) => {
    if (attempt === 1)
      process.stderr.write(
        `database connection lost (${(err as Error).message}); retrying for up to ${cfg.INGEST_DB_RETRY_SECONDS} s\n`,
      );
  },
};

async function withDb<T>(fn: (db: PrismaClient, workspaceId: number, url: string) => Promise<T>): Promise<T> {
  const database = await openDatabase(cfg);
  const db = createPrisma(database.url);
  try {
    const workspace = await retryOnConnectionLoss(
      async () =>
        cfg.CLAIMGRAPH_WORKSPACE === 'local'
          ? (await ensureLocalWorkspace(db)).workspaceId
          : (await db.workspace.findUnique({ where: { slug: cfg.CLAIMGRAPH_WORKSPACE } }))?.id,
      retry,
    );
    if (!workspace) throw new Error(`No workspace with slug "${cfg.CLAIMGRAPH_WORKSPACE}" (CLAIMGRAPH_WORKSPACE).`);
    return await fn(db, workspace, database.url);
  } finally {
    await db.$disconnect();
    await database.release();
  }
}

const readStdin = async () => {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

interface IngestFlags extends ArticleMetaFlags {
  published?: string;
  queue?: boolean;
}

const program = new Command('claimgraph').description(
  'Claimgraph: who claimed what, citing whom, across news outlets.',
);

program
  .command('ingest')
  .description(
    'Ingest articles: .txt, .html, .jsonl files (one article per line), folders, - for stdin, or --url alone to fetch a page.',
  )
  .argument('[paths...]', 'files, folders or -')
  .option('--source <name>', 'outlet name, e.g. "Press TV"')
  .option('--url <url>', 'the article URL (single article); given alone, the page is fetched and its article read')
  .option('--published <date>', 'publication date, ISO 8601')
  .option('--language <xx>', 'BCP 47 language tag, e.g. en')
  .option('--encoding <name>', 'decode files with this encoding (e.g. windows-1252) instead of detecting UTF-8/UTF-16')
  .option('--queue', 'put the articles on the queue for `npm run worker` instead of ingesting here')
  .action(async (paths: string[], flags: IngestFlags) => {
    const meta: ArticleMetaFlags = {
      ...(flags.source ? { source: flags.source } : {}),
      ...(flags.url ? { url: flags.url } : {}),
      ...(flags.published ? { publishedAt: flags.published } : {}),
      ...(flags.language ? { language: flags.language } : {}),
      ...(flags.encoding ? { encoding: flags.encoding } : {}),
    };
    if (!paths.length && !flags.url)
      throw new Error('Give files, folders or - (stdin) to ingest, or --url <address> to fetch one article.');
    const { items, skipped } = paths.length
      ? await collectInputs(paths, meta, readStdin)
      : { items: [await itemFromUrl(flags.url!, meta)], skipped: [] };
    const summary = {
      ingested: 0,
      duplicates: 0,
      queued: 0,
      failed: [] as { label: string; reason: string }[],
      warnings: [] as { label: string; warning: string }[],
    };
    for (const s of skipped) summary.warnings.push({ label: s, warning: 'skipped: not .txt, .html or .jsonl' });
    await withDb(async (db, workspaceId, url) => {
      const progress = new Progress(items.length, process.stderr);
      const good = items.filter((it): it is Extract<typeof it, { input: unknown }> => 'input' in it);
      for (const it of items)
        if ('error' in it) summary.failed.push({ label: it.label, reason: `${it.error.code}: ${it.error.message}` });
      for (const it of good) for (const w of it.warnings) summary.warnings.push({ label: it.label, warning: w });
      progress.tick(items.length - good.length);
      if (flags.queue) {
        const queue = await openIngestQueue(url);
        try {
          const outcomes = await enqueueArticles(
            queue,
            good.map((g) => g.input),
            { workspaceId },
          );
          for (const o of outcomes) {
            const label = good[o.index]!.label;
            if (o.status === 'queued') summary.queued++;
            else if (o.status === 'already-queued') summary.duplicates++;
            else summary.failed.push({ label, reason: `${o.error.code}: ${o.error.message}` });
            progress.tick(1, label);
          }
        } finally {
          await queue.close();
        }
        return;
      }
      await retryOnConnectionLoss(() => importRegistry(db), retry);
      for (const it of good) {
        try {
          const r = await ingestArticle(db, it.input, { workspaceId, retryMs: retry.maxMs, onRetry: retry.onRetry });
          if (r.status === 'ingested') {
            summary.ingested++;
            for (const w of r.warnings) summary.warnings.push({ label: it.label, warning: w });
            progress.tick(1, `${it.label}: article ${r.articleId}, ${r.counts.claims} claims`);
          } else if (r.status === 'duplicate') {
            summary.duplicates++;
            progress.tick(1, `${it.label}: ${r.message}`);
          } else {
            summary.failed.push({ label: it.label, reason: `${r.error.code}: ${r.error.message}` });
            progress.tick(1, `${it.label}: failed`);
          }
        } catch (err) {
          summary.failed.push({
            label: it.label,
            reason: `DATABASE_ERROR: ${(err as Error).message.split('\n').slice(-1)[0]}`,
          });
          progress.tick(1, `${it.label}: failed`);
        }
      }
      progress.done();
    });
    const out = process.stdout;
    out.write(
      `\nSummary: ${summary.ingested} ingested, ${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'}` +
        (flags.queue ? `, ${summary.queued} queued` : '') +
        `, ${summary.failed.length} failed\n`,
    );
    for (const f of summary.failed) out.write(`  failed  ${f.label}: ${f.reason}\n`);
    for (const w of summary.warnings) out.write(`  warning ${w.label}: ${w.warning}\n`);
    if (summary.failed.length) process.exitCode = 1;
  });

feedCommands(program, withDb);

program
  .command('import-labels')
  .description("Import a rater's outlet labels: CSV with header outlet,scheme,value,rater,url[,assertedAt,note].")
  .argument('<csv>', 'the CSV file')
  .option('--workspace-only', 'store the labels for this workspace only (default: shared)')
  .action(async (file: string, flags: { workspaceOnly?: boolean }) => {
    const text = await readLabelsCsv(file);
    await withDb(async (db, workspaceId) => {
      await importRegistry(db);
      const r = await importLabelsCsv(db, text, { workspaceId: flags.workspaceOnly ? workspaceId : null });
      process.stdout.write(
        `Labels: ${r.added} added, ${r.unchanged} already present, ${r.errors.length} bad line(s)\n`,
      );
      for (const o of r.createdOutlets) process.stdout.write(`  new outlet (unlabelled until now): ${o}\n`);
      // The first 20: a file of thousands of bad lines usually has one mistake, repeated.
      for (const e of r.errors.slice(0, 20)) process.stdout.write(`  line ${e.line}: ${e.message}\n`);
      if (r.errors.length > 20) process.stdout.write(`  … and ${r.errors.length - 20} more bad line(s)\n`);
      if (r.errors.length) process.exitCode = 1;
    });
  });

program
  .command('demo')
  .description(
    'Load the demo corpus: about 1,000 real articles from outlets AllSides rates left, center and right. Running it again loads nothing twice.',
  )
  .action(async () => {
    const started = performance.now();
    await withDb(async (db, workspaceId) => {
      const progress = new Progress(readDemoCorpus().length, process.stderr);
      const r = await loadDemoCorpus(db, {
        workspaceId,
        retryMs: retry.maxMs,
        onRetry: retry.onRetry,
        onArticle: (input, result) => progress.tick(1, `${input.source}: ${result.status}`),
      });
      progress.done();
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      process.stdout.write(
        `\nDemo corpus: ${r.ingested} ingested, ${r.duplicates} already loaded, ${r.failed.length} failed, in ${seconds} s\n`,
      );
      for (const f of r.failed) process.stdout.write(`  failed  ${f.url}: ${f.reason}\n`);
      const lean = Object.entries(await articlesByLean(db, workspaceId)).map(([k, n]) => `${k} ${n}`);
      process.stdout.write(
        `Articles in the workspace by AllSides lean of their outlet: ${lean.join(', ')}\nOpen the dashboard and filter by lean (e.g. /?label=lean:left).\n`,
      );
      if (r.failed.length) process.exitCode = 1;
    });
  });

program
  .command('link')
  .description(
    'Link the articles written but not yet linked to the others (the catch-up pass after a crash between the two stages).',
  )
  .requiredOption('--pending', 'every article of the workspace whose linking has not finished')
  .action(async () => {
    await withDb(async (db, workspaceId) => {
      const r = await linkPending(db, workspaceId, { retryMs: retry.maxMs, onRetry: retry.onRetry });
      process.stdout.write(`Linked ${r.linked} pending article(s): ${r.relations} new relation(s)\n`);
    });
  });

program
  .command('reextract')
  .description('Re-run extraction, keeping human corrections and review statuses.')
  .option('--all', 'every article')
  .option('--version-below <v>', 'articles extracted by a version below v (default: the current extractor version)')
  .action(async (flags: { all?: boolean; versionBelow?: string }) => {
    await withDb(async (db, workspaceId) => {
      const r = await reextractArticles(db, {
        workspaceId,
        ...(flags.all ? { all: true } : {}),
        ...(flags.versionBelow ? { versionBelow: flags.versionBelow } : {}),
      });
      process.stdout.write(
        `Re-extracted ${r.articles} article(s): ${r.claims} claims, ${r.correctionsApplied} correction(s) re-applied, ${r.reviewsKept} review status(es) kept, ${r.relinked} other article(s) linked again, ${r.failed.length} failed\n`,
      );
      for (const f of r.failed) process.stdout.write(`  article ${f.articleId}: ${f.message}\n`);
      if (r.failed.length) process.exitCode = 1;
    });
  });

program
  .command('retry-failed')
  .description('Put ingest jobs that failed (retries used up) back on the queue.')
  .action(async () => {
    await withDb(async (_db, _workspaceId, url) => {
      const queue = await openIngestQueue(url);
      try {
        process.stdout.write(`Re-queued ${await retryFailedJobs(queue)} failed job(s).\n`);
      } finally {
        await queue.close();
      }
    });
  });

try {
  await program.parseAsync();
} catch (err) {
  // One sentence, never a stack trace: what went wrong and, for a database, where.
  const message = (err as Error).message?.split('\n').filter(Boolean).slice(-1)[0] ?? String(err);
  process.stderr.write(
    isConnectionError(err)
      ? `claimgraph: cannot reach the database (${message}); check DATABASE_URL and that PostgreSQL is running.\n`
      : `claimgraph: ${message}\n`,
  );
  process.exitCode = 1;
}
// Exit explicitly: idle pool sockets must neither keep the process alive nor mask the exit code.
process.exit(process.exitCode ?? 0);
