#!/usr/bin/env node
// `node packages/db/dist/bin/migrate.js`: applies pending migrations to DATABASE_URL and exits
// (the compose `migrate` service; safe to run from several places at once: runners queue on an advisory lock).
import { migrate } from '../migrate.js';

// eslint-disable-next-line no-restricted-properties -- the only setting this entry point reads
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error('DATABASE_URL must be set to a postgresql:// URL of the database to migrate.');
  process.exit(2);
}
try {
  const { applied, alreadyApplied } = await migrate(url);
  console.log(
    `applied ${applied.length} migration(s)${applied.length ? `: ${applied.join(', ')}` : ''}; ${alreadyApplied} already applied`,
  );
} catch (error) {
  console.error(`migration failed: ${(error as Error).message}`);
  process.exit(1);
}
