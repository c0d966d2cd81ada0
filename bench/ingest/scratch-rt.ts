import { createPrisma } from '@claimgraph/db';
import pg from 'pg';
const url = 'postgresql://postgres@127.0.0.1:5432/cg_exp';
const db = createPrisma(url);
await db.$queryRaw`SELECT 1`;
for (let rep = 0; rep < 2; rep++) {
  let t = performance.now();
  await db.$transaction(async (tx) => { for (let i = 0; i < 2000; i++) await tx.$queryRaw`SELECT ${i}::int AS x`; }, { timeout: 60000 });
  console.log('prisma itx $queryRaw', ((performance.now() - t) / 2000).toFixed(3), 'ms');
  t = performance.now();
  await db.$transaction(async (tx) => { for (let i = 0; i < 2000; i++) await tx.workspace.findUnique({ where: { id: 1 }, select: { id: true } }); }, { timeout: 60000 });
  console.log('prisma itx findUnique', ((performance.now() - t) / 2000).toFixed(3), 'ms');
  const c = new pg.Client(url); await c.connect(); await c.query('BEGIN');
  t = performance.now();
  for (let i = 0; i < 2000; i++) await c.query('SELECT $1::int AS x', [i]);
  console.log('pg client', ((performance.now() - t) / 2000).toFixed(3), 'ms');
  await c.query('COMMIT'); await c.end();
}
await db.$disconnect();
