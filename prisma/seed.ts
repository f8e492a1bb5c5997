// Seeds a database: reference data always, demo data (synthetic instrument, demo accounts with
// password "demo") only on request. `npm run db:seed [-- --demo]`, or `seed()` from code.
//
// Demo accounts never exist outside demo mode. A seed without demo refuses to run on a
// database that holds demo data, rather than deleting it: deleting users silently is worse than
// stopping, and a database with demo accounts is most likely a demo database given by mistake.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createPrismaClient, type Db } from '@/lib/db/client';
import { seedReferenceData, type SeedSummary, type SyncCounts } from './seed/seed-reference';
import { seedDocuments } from './seed/seed-documents';
import { DEMO_PASSWORD, seedDemoData, type DemoSeedResult } from './seed/seed-demo';

export interface SeedOptions {
  demo: boolean;
}

export interface SeedResult {
  reference: SeedSummary;
  /** The reports shipped with the application, and whether this run imported them. */
  documents: { symbol: string; language: string; mode: string }[];
  /** Null unless seeded with `demo: true`. */
  demo: DemoSeedResult | null;
}

export class DemoDataPresentError extends Error {
  constructor(accounts: number, instruments: number) {
    super(
      `This database holds demo data (demo accounts: ${accounts}, demo instruments: ${instruments}), ` +
        'and demo accounts never exist outside demo mode. Seed it with --demo if it is a demo ' +
        'database, or use a database without demo data.',
    );
    this.name = 'DemoDataPresentError';
  }
}

export async function seed(db: Db, options: SeedOptions): Promise<SeedResult> {
  // Checked before anything is written, so a refused seed leaves the database untouched.
  if (!options.demo) await assertNoDemoData(db);
  const reference = await seedReferenceData(db);
  const documents = await seedDocuments(db);
  const demo = options.demo ? await seedDemoData(db) : null;
  return { reference, documents, demo };
}

async function assertNoDemoData(db: Db): Promise<void> {
  const [accounts, instruments] = await Promise.all([
    db.user.count({ where: { isDemo: true } }),
    db.instrument.count({ where: { isDemo: true } }),
  ]);
  if (accounts > 0 || instruments > 0) throw new DemoDataPresentError(accounts, instruments);
}

function describeCounts(label: string, counts: SyncCounts): string {
  return `${label}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}

function printSummary({ reference, documents, demo }: SeedResult): void {
  console.log(describeCounts('Reporting entities', reference.entities));
  for (const document of documents) console.log(`Document ${document.symbol} (${document.language}): ${document.mode}`);
  console.log(describeCounts('Instruments', reference.instruments));
  console.log(describeCounts('Thematic areas', reference.thematicAreas));
  console.log(
    reference.cycleCreated
      ? `Reporting cycle ${reference.cycleCreated} created (open)`
      : 'Reporting cycles: left as they are',
  );
  if (!demo) return;
  if (demo.history.created) {
    const { reports, cycles } = demo.history;
    console.log(`Demo history: cycles ${cycles.join(', ')}; ${reports.ACCEPTED} accepted, ${reports.SUBMITTED} submitted, ${reports.RETURNED} returned, ${reports.DRAFT} draft reports`);
  }
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const account of demo.accounts) {
    console.log(`  ${account.email}  ${account.role}${account.entity ? ` (${account.entity})` : ''}`);
  }
}

function parseOptions(argv: string[]): SeedOptions {
  const { values } = parseArgs({
    args: argv,
    options: { demo: { type: 'boolean', default: false } },
    strict: true,
  });
  return { demo: values.demo };
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  // Read directly: lib/env.ts also demands the web app's secrets, which seeding does not need.
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set: export the connection string of the database to seed.');
  }
  const db = createPrismaClient(url);
  try {
    printSummary(await seed(db, options));
  } finally {
    await db.$disconnect();
  }
}

function isRunAsScript(): boolean {
  const script = process.argv[1];
  return Boolean(script) && import.meta.url === pathToFileURL(realpathSync(script)).href;
}

if (isRunAsScript()) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
