// Integration tests get a PostgreSQL server (TEST_DATABASE_URL, else an embedded one of their
// own) and a migrated template database; each test file clones it into a database of its own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { applyMigrations } from '@/lib/db/migrations';
import { adminQuery, databaseUrl, dropDatabasesWithPrefix } from './postgres';

export type TestDatabaseContext = { serverUrl: string; template: string; prefix: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let cleanup = async () => {};
  if (!serverUrl) {
    const folder = await mkdtemp(join(tmpdir(), 'tracker-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), ephemeral: true, fast: true });
    serverUrl = server.url();
    cleanup = async () => {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    };
  }

  const prefix = `tracker_test_${Date.now().toString(36)}_${process.pid}`;
  const template = `${prefix}_template`;
  await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
  await applyMigrations(databaseUrl(serverUrl, template));
  project.provide('testDatabase', { serverUrl, template, prefix });

  return async () => {
    await dropDatabasesWithPrefix(serverUrl, prefix);
    await cleanup();
  };
}
