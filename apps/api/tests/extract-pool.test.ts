// The extraction pool on real worker threads: results as the extractor gives them, its refusals as ExtractError,
// and a full pool refusing at once instead of queueing without end.
import { readFileSync } from 'node:fs';
import { extract, ExtractError } from '@claimgraph/extract';
import { afterAll, expect, test } from 'vitest';
import { ExtractorBusyError, ExtractPool } from '../src/extract-pool.js';

const pool = new ExtractPool({ threads: 1, maxWaiting: 1 });
afterAll(() => pool.close());

const seed = readFileSync(new URL('../../../corpus/seeds/000_e183f92d0e6f940b.txt', import.meta.url), 'utf8');

test('a worker thread gives what the extractor gives on this thread', async () => {
  expect(await pool.run({ text: seed })).toEqual(extract({ text: seed }));
});

test("the extractor's refusal comes back as an ExtractError with its code", async () => {
  const err = await pool.run({ text: '!!! ??? ...' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ExtractError);
  expect((err as ExtractError).code).toBe('NO_SENTENCES');
});

test('with its thread busy and one article waiting, the next is refused at once', async () => {
  const long = seed.repeat(5);
  const running = pool.run({ text: long });
  const waiting = pool.run({ text: long });
  const started = performance.now();
  await expect(pool.run({ text: long })).rejects.toBeInstanceOf(ExtractorBusyError);
  expect(performance.now() - started).toBeLessThan(50);
  expect((await running).claims.length).toBeGreaterThan(0);
  expect((await waiting).claims.length).toBeGreaterThan(0);
  // Room again once they are done.
  expect((await pool.run({ text: seed })).claims.length).toBeGreaterThan(0);
});
