// The resolver types in src/__generated__/ are generated from the SDL (and gitignored): a stale file would let a
// renamed field compile. Typecheck and build regenerate them through turbo's `generate`; this catches a run without it.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generateResolverTypes, outFile, sdlFromModules } from '../scripts/codegen.js';
import { printedSchema } from '../src/schema.js';

test('the generated resolver types are current (run `npm run generate -w @claimgraph/api` after changing SDL or a mappers.ts)', async () => {
  const onDisk = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '(no file)';
  expect(onDisk === (await generateResolverTypes()), `${outFile} is stale`).toBe(true);
});

test('codegen reads the SDL of every module the server merges', async () => {
  expect(await sdlFromModules()).toBe(printedSchema());
});
