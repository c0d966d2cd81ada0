import { expect, it } from 'vitest';
import { createPrisma, poolOf } from '../src/index.js';
import { createTestDatabase } from '../src/testing.js';

it('shares one pool between the Prisma client, its extensions and raw SQL, and ends it on disconnect', async () => {
  const database = await createTestDatabase();
  const db = createPrisma(database.url, { max: 3, statementTimeoutMs: 4321 });
  try {
    const pool = poolOf(db);
    const counted = db.$extends({ query: { $allOperations: ({ args, query }) => query(args) } });
    expect(poolOf(counted as unknown as typeof db)).toBe(pool);
    // The pool's connections carry the client's settings.
    const { rows } = await pool.query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(rows[0]?.statement_timeout).toBe('4321ms');
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`).toEqual([{ one: 1 }]);
    await db.$disconnect();
    expect(pool.ended).toBe(true);
  } finally {
    await database.drop();
  }
});

it('refuses a client it did not make', () => {
  expect(() => poolOf({} as never)).toThrow(/not made by createPrisma/);
});
