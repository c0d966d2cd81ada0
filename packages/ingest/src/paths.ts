// Locations inside the checkout (works from src/ under tsx/vitest and from dist/ when built).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'data', 'outlets', 'registry.json')) && existsSync(path.join(dir, 'corpus')))
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(
        'Cannot find the Claimgraph checkout (data/outlets/registry.json) above ' + fileURLToPath(import.meta.url),
      );
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot();
export const REGISTRY_PATH = path.join(REPO_ROOT, 'data', 'outlets', 'registry.json');
export const SEEDS_DIR = path.join(REPO_ROOT, 'corpus', 'seeds');
/** The embedded database `npm start` uses. */
export const DEFAULT_PG_DIR = path.join(REPO_ROOT, '.data', 'pg');
