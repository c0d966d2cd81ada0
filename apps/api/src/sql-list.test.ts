// The direct pool's two kinds of statement: filters planned on every call, key lookups planned once per connection.
import { createPrisma, Prisma } from '@claimgraph/db';
import { createTestDatabase } from '@claimgraph/db/testing';
import { expect, test } from 'vitest';
import { createDirectDb } from './sql-list.js';

test('a keyed statement keeps a generic plan after five custom ones; a filter statement is planned every call', async () => {
  const database = await createTestDatabase();
  const prisma = createPrisma(database.url);
  const direct = createDirectDb(database.url, prisma, { max: 1 });
  try {
    const lookup = (id: number) => Prisma.sql`SELECT id FROM "Workspace" WHERE id = ${id}::int`;
    for (let id = 1; id <= 7; id++) {
      await direct.keyed(lookup(id));
      await direct.rows(lookup(id));
    }
    const plans = Prisma.sql`SELECT generic_plans::int AS generic, custom_plans::int AS custom
      FROM pg_prepared_statements WHERE statement = ${lookup(0).text}`;
    expect(await direct.keyed(plans)).toEqual([{ generic: 2, custom: 5 }]);
    expect(await direct.rows(plans)).toEqual([{ generic: 0, custom: 7 }]);
  } finally {
    await direct.end();
    await prisma.$disconnect();
    await database.drop();
  }
});
