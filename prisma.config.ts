// Configuration of the Prisma CLI (only `prisma generate` runs here; migrations run through
// scripts/db-migrate.ts). The URL is optional because `generate` needs no database.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
