import { defineConfig } from 'prisma/config';

// Prisma 7 reads no .env; generate needs no URL, so the default only matters to Prisma's own migrate CLI.
export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/claimgraph' },
});
