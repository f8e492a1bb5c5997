// Builds a Prisma client for a connection string. The app uses the singleton in lib/db.ts;
// scripts and tests build their own for the database they were given.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    // Secrets never leave the database layer unless a query asks for them explicitly.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
