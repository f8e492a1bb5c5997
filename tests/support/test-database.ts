// A database of the test file's own, so that test files never see each other's rows.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createPrismaClient, type Db } from '@/lib/db/client';
import { adminQuery, databaseUrl, dropDatabase } from './postgres';

function freshName(kind: string) {
  const { prefix } = inject('testDatabase');
  return `${prefix}_${kind}_${randomBytes(4).toString('hex')}`;
}

/** An empty database (no schema). */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { serverUrl } = inject('testDatabase');
  const name = freshName('empty');
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  return { url: databaseUrl(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/** A migrated, empty-of-data database with a Prisma client on it. */
export async function createTestDatabase(): Promise<{ url: string; db: Db; drop(): Promise<void> }> {
  const { serverUrl, template } = inject('testDatabase');
  const name = freshName('db');
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = databaseUrl(serverUrl, name);
  const db = createPrismaClient(url);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

/**
 * A test database the application's own modules use too: lib/db.ts and lib/env.ts read
 * DATABASE_URL and NEXTAUTH_SECRET on first use, so they are set here, before a test imports the
 * application's code. Its drop() also closes the application's connections.
 */
export async function createAppTestDatabase(): Promise<Awaited<ReturnType<typeof createTestDatabase>>> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of at least thirty-two bytes long';
  return {
    ...database,
    drop: async () => {
      const { db } = await import('@/lib/db');
      await db.$disconnect();
      await database.drop();
    },
  };
}
