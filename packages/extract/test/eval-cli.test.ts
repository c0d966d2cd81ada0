// `npm run eval` as a user runs it: a real process, its stdout and exit code.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = resolve(pkg, '../../node_modules/tsx/dist/cli.mjs');
const evalCli = (...args: string[]) =>
  spawnSync(process.execPath, [tsx, join(pkg, 'scripts/eval.ts'), ...args], {
    cwd: pkg,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('eval command', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'claimgraph-eval-cli-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('--split --json prints the four parts with headline figures, relations and diagnostics, and the labelled pairs', () => {
    const r = evalCli('--split', '--json');
    expect(r.status, r.stderr).toBe(0);
    const { corpusPairs, contradictionPairs, storyGold, ...out } = JSON.parse(r.stdout) as Record<
      string,
      {
        overall: Record<string, number>;
        relations: Record<string, unknown> | null;
        diagnostics: Record<string, unknown>;
      }
    > & {
      corpusPairs: Record<'tuning' | 'checking', { precision: number | null; pairs: number }>;
      contradictionPairs: Record<'tuning' | 'checking', { recall: number | null; pairs: number }>;
      storyGold: { contradictionsListed: number; contradictionRecall: number | null; stories: unknown[] };
    };
    expect(Object.keys(out)).toEqual(['tuning', 'checking', 'union', 'seeds']);
    // Corroboration precision on the labelled corpus pairs, per half.
    for (const half of ['tuning', 'checking'] as const) {
      expect(corpusPairs[half].pairs).toBeGreaterThan(50);
      expect(corpusPairs[half].precision).toEqual(expect.any(Number));
    }
    // Contradiction pairs: drawn from the tuning weeks only.
    expect(contradictionPairs.tuning.pairs).toBeGreaterThan(50);
    expect(contradictionPairs.tuning.recall).toEqual(expect.any(Number));
    expect(contradictionPairs.checking.pairs).toBe(0);
    // Blind story gold: every story's contradictions listed.
    expect(storyGold.stories.length).toBeGreaterThanOrEqual(10);
    expect(storyGold.contradictionsListed).toBeGreaterThanOrEqual(6);
    expect(storyGold.contradictionRecall).toEqual(expect.any(Number));
    for (const part of Object.values(out)) {
      expect(part.overall).toHaveProperty('chainExact');
      expect(part.diagnostics).toHaveProperty('modalityConfusion');
      expect(part.diagnostics).toHaveProperty('chainErrorsByKind');
      expect(part.diagnostics).toHaveProperty('actorFalsePositives');
    }
    expect(out.checking!.relations).toHaveProperty('contradictionRecall');
    expect(out.seeds!.relations).toBeNull();
  }, 120_000);

  it('a folder with a manifest beside texts and gold: warns on stderr and scores the rest', () => {
    copyFileSync(join(pkg, 'test/fixtures/gold/fx01_wire.json'), join(tmp, 'fx01_wire.json'));
    copyFileSync(join(pkg, 'test/fixtures/texts/fx01_wire.txt'), join(tmp, 'fx01_wire.txt'));
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify({ articles: [{ file: 'fx01_wire.txt' }] }));
    const r = evalCli('--gold', tmp);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: skipped manifest\.json: not a gold file/);
    expect(r.stdout).toMatch(/OVERALL \(1 files\)/);
  }, 120_000);

  it('a missing folder: one sentence, exit 2, no stack trace', () => {
    const r = evalCli('--gold', join(tmp, 'nope'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`gold folder not found: ${join(tmp, 'nope')}`);
  }, 120_000);
});
