import path from 'node:path';
import { fileURLToPath } from 'node:url';

// src/ and dist/ sit at the same depth, so both resolve to the repository root.
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const schemaPath = path.join(repoRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(repoRoot, 'prisma', 'migrations');
