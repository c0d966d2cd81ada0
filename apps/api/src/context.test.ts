import { expect, test } from 'vitest';
import type { PrismaClient } from '@claimgraph/db';
import type { Viewer } from './auth.js';
import { createLoaders } from './context.js';
import type { DirectDb } from './sql-list.js';

test("a request's loaders are built on first use, a module's at a time, and kept for the request", () => {
  const loaders = createLoaders({} as PrismaClient, {} as DirectDb, { workspaceId: 7 } as Viewer);
  expect(Object.keys(loaders)).toEqual([]); // `{ __typename }` builds none
  const claim = loaders.claim;
  expect(loaders.claim).toBe(claim);
  expect(Object.keys(loaders)).toContain('relationsByClaim'); // the claims module's loaders, built together
  expect(Object.keys(loaders)).not.toContain('source');
  expect(createLoaders({} as PrismaClient, {} as DirectDb, { workspaceId: 7 } as Viewer).claim).not.toBe(claim);
});
