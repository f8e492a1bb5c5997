// `npm run db:migrate`: applies the pending migrations in prisma/migrations to DATABASE_URL.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyMigrations } from '@/lib/db/migrations';

// Like `npm start`, honour a local .env (see .env.example); variables already set win.
const envFile = join(resolve(import.meta.dirname, '..'), '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set. Set it to the PostgreSQL database to migrate, e.g.\n  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/tracker npm run db:migrate');
  process.exit(1);
}

try {
  const { applied } = await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
