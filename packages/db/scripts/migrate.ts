// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
import { migrate } from '../src/migrate.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'DATABASE_URL is not set: point it at the database to migrate (npm start migrates the embedded one itself).',
  );
  process.exit(1);
}
const { applied, alreadyApplied } = await migrate(url);
console.log(
  `applied ${applied.length} migration(s)${applied.length ? `: ${applied.join(', ')}` : ''}; ${alreadyApplied} already applied`,
);
