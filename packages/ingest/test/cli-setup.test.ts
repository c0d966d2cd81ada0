// The real `claimgraph` CLI where a newcomer first meets it: DATABASE_URL naming an empty database
// (migrated first, as `npm start` does) and a database that cannot be reached (one sentence, no stack).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@claimgraph/db/embedded';
import { connectClient } from '@claimgraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../src/paths.js';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../dist/cli/main.js');
const name = `cli_empty_${process.pid}_${Date.now()}`;
let emptyUrl: string;
let dir: string;

async function admin(sql: string) {
  const c = await connectClient(process.env.CLAIMGRAPH_TEST_ADMIN_URL!);
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

async function cli(args: string[], databaseUrl: string) {
  try {
    const r = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  // A fresh database with no tables at all (not the migrated test template).
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env.CLAIMGRAPH_TEST_ADMIN_URL!);
  url.pathname = `/${name}`;
  emptyUrl = url.toString();
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-cli-setup-'));
});
afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await rm(dir, { recursive: true, force: true });
});

describe('claimgraph against a new database', () => {
  it('migrates an empty database named by DATABASE_URL first, then imports labels and ingests', async () => {
    const csv = path.join(dir, 'labels.csv');
    await writeFile(
      csv,
      'outlet,scheme,value,rater,url\nCGTN,allsides,left,AllSides,https://www.allsides.com/news-source/cgtn\n',
    );
    const labels = await cli(['import-labels', csv], emptyUrl);
    expect(labels.stderr).toBe('');
    expect(labels.stdout).toMatch(/^Labels: 1 added, 0 already present, 0 bad line\(s\)/);
    expect(labels.code).toBe(0);
    const ingest = await cli(
      ['ingest', path.join(SEEDS_DIR, '000_e183f92d0e6f940b.txt'), '--source', 'CGTN'],
      emptyUrl,
    );
    expect(ingest.stdout).toMatch(/Summary: 1 ingested, 0 duplicates, 0 failed/);
    expect(ingest.code).toBe(0);
  });

  it('says in one sentence that the database cannot be reached, without a stack trace', async () => {
    const closed = `postgresql://postgres:claimgraph@127.0.0.1:${await freePort()}/claimgraph`;
    const r = await cli(['ingest', path.join(SEEDS_DIR, '000_e183f92d0e6f940b.txt')], closed);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^claimgraph: cannot reach the database \(connect ECONNREFUSED 127\.0\.0\.1:\d+\); check DATABASE_URL and that PostgreSQL is running\.\n$/,
    );
    expect(r.stdout).toBe('');
  });
});
