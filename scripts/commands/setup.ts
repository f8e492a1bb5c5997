import { parseArgs } from 'node:util';
import { applyMigrations } from '@/lib/db/migrations';
import { seed } from '@/prisma/seed';
import { grantAppRole } from '@/lib/db/app-role';
import { withDatabase } from './database';
import { UsageError, type Command } from './types';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations.',
  usage: 'migrate',
  async run() {
    await withDatabase(async (_db, url) => {
      const { applied } = await applyMigrations(url);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    });
  },
};

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load the reference data (States, entities, instruments, thematic areas, a cycle).',
  usage: 'seed [--demo]',
  async run(args) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } }, strict: true });
    await withDatabase(async (db) => {
      const result = await seed(db, { demo: Boolean(values.demo) });
      const { entities } = result.reference;
      console.log(`Reference data: ${entities.created} entities created, ${entities.updated} updated, ${entities.unchanged} unchanged.`);
      if (result.demo) console.log(`Demo accounts: ${result.demo.accounts.map((account) => account.email).join(', ')}`);
    });
  },
};

export const grantAppRoleCommand: Command = {
  name: 'grant-app-role',
  summary: 'Give an existing database role the rights the application needs (no UPDATE, DELETE or TRUNCATE on the history tables). Run as the owner, after migrating.',
  usage: 'grant-app-role --role <name>',
  async run(args) {
    const { values } = parseArgs({ args, options: { role: { type: 'string' } }, strict: true });
    if (!values.role) throw new UsageError('Give the role: --role tracker_app');
    await withDatabase(async (_db, url) => {
      await grantAppRole(url, values.role!);
      console.log(`${values.role} may now read and write the application's tables; the audit trail and the status timeline are append-only for it.`);
    });
  },
};
