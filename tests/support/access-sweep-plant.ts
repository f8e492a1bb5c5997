// Plants the access sweep's world (tests/support/access-sweep-world.ts) in the end-to-end
// database, through the application's mutations: entity A is Iceland, entity B New Zealand (no
// other end-to-end test uses them), on the three synthetic commitments of the E2E instrument, plus
// an imported document to fill the document routes. Run by tests/e2e/access-sweep.spec.ts as
//
//   node --import tsx tests/support/access-sweep-plant.ts <database url> <output.json>
//
// and writes the world as JSON to <output.json>. Planting twice on one database (a retried
// worker) writes nothing the second time and gives the same world.
import { existsSync, writeFileSync } from 'node:fs';
import { createPrismaClient } from '@/lib/db/client';
import { slugOf } from '@/lib/slug';
import { plantSweepWorld, type SweepWorld } from './access-sweep-world';

export type PlantedE2EWorld = SweepWorld & { document: { slug: string; language: string; number: number }; instrumentSlug: string };

const [url, output] = process.argv.slice(2);
if (!url || !output) throw new Error('usage: access-sweep-plant.ts <database url> <output.json>');

const EMAIL_TAG = 'e2e';

async function main() {
  const db = createPrismaClient(url!);
  try {
    const planted = await db.user.findUnique({ where: { email: `sweep-${EMAIL_TAG}-admin@example.test` }, select: { id: true } });
    if (planted) {
      if (!existsSync(output!)) throw new Error('The sweep world is planted, but its description is lost: restart the end-to-end server');
      return;
    }
    const commitments = await db.commitment.findMany({ where: { instrument: { code: 'E2E' } }, orderBy: { order: 'asc' }, select: { id: true } });
    if (commitments.length < 3) throw new Error('The end-to-end database has no E2E instrument with three commitments (tests/e2e/server.ts)');
    const world = await plantSweepWorld(db, {
      prefix: '[E2E]', entityA: 'ISL', entityB: 'NZL', commitments: [commitments[0]!.id, commitments[1]!.id, commitments[2]!.id],
      emailTag: EMAIL_TAG, withPasswords: true,
    });
    const symbol = 'X/E2E/SWEEP';
    const document = await db.sourceDocument.create({
      data: { symbol, title: '[E2E] Synthetic document for the access sweep', language: 'en', kind: 'OTHER', checksum: 'e2e-sweep' },
      select: { id: true },
    });
    await db.paragraph.create({ data: { documentId: document.id, number: 1, sectionPath: '1', text: '[E2E] An invented paragraph about widget calibration.', footnoteRefs: [] } });
    const result: PlantedE2EWorld = { ...world, document: { slug: slugOf(symbol), language: 'en', number: 1 }, instrumentSlug: slugOf('E2E') };
    writeFileSync(output!, JSON.stringify(result, null, 2), { mode: 0o600 });
  } finally {
    await db.$disconnect();
  }
}

main().then(() => {
  // The job queue is not started here, but a client library may keep a timer: leave at once.
  process.exit(0);
}, (error: unknown) => {
  console.error(error);
  process.exit(1);
});

