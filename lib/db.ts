// The application's Prisma client: one per process, kept across hot reloads in development.
import 'server-only';
import { createPrismaClient, type Db } from '@/lib/db/client';
import { env } from '@/lib/env';

const globalForDb = globalThis as unknown as { db?: { url: string; client: Db } };

function getDb(): Db {
  const url = env().DATABASE_URL;
  if (globalForDb.db?.url !== url) globalForDb.db = { url, client: createPrismaClient(url) };
  return globalForDb.db.client;
}

// Created on first use, so that importing this module never needs a database (next build).
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});
