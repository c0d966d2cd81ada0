import type { Prisma, PrismaClient } from '@claimgraph/db';

/** A Prisma client or an interactive transaction: helpers that write take either. */
export type Db = PrismaClient | Prisma.TransactionClient;
