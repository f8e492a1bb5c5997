import { parseArgs } from 'node:util';
import { applyMigrations } from '@/lib/db/migrations';
import { seed } from '@/prisma/seed';
import { withDatabase } from './database';
import type { Command } from './types';

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
