// The application's Prisma client: one per process, kept across hot reloads in development.
import 'server-only';
import { createPrismaClient, type Db } from '@/lib/db/client';
import { env } from '@/lib/env';

const globalForDb = globalThis as unknown as { db?: Db };

function getDb(): Db {
  globalForDb.db ??= createPrismaClient(env().DATABASE_URL);
  return globalForDb.db;
}

// Created on first use, so that importing this module never needs a database (next build).
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});
