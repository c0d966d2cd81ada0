// The one SQL tag of the project: Prisma's (a copy of sql-template-tag), so that the same fragments compose for
// `$queryRaw` and for the node-postgres paths (`prepared`). Nested fragments become parameters, never text.
import { Prisma } from './generated/prisma/client.js';

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export const empty = Prisma.empty;
