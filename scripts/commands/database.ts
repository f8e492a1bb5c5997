// Commands that need a database read DATABASE_URL, as the application does.
import { createPrismaClient, type Db } from '@/lib/db/client';
import { UsageError } from './types';

export async function withDatabase<T>(work: (db: Db, url: string) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError('DATABASE_URL is not set. Set it to the PostgreSQL database to work on.');
  const db = createPrismaClient(url);
  try {
    return await work(db, url);
  } finally {
    await db.$disconnect();
  }
}
