// The commitments a cycle reports on, with their instruments, areas and wording: what every
// worklist lists (some 400 commitments and their texts, read on each request before). They change
// only when the catalogue does, so each server keeps them under the catalogue's version: a value
// the database itself replaces, in the same transaction, whenever an instrument, an area, a
// commitment, its wording or a cycle's instruments change (the migration "catalogue_version").
// The version is read before and after the list: a list read while the catalogue changed is used
// once and not kept. Every server keeps its own copy, and all agree, since the version comes from
// the database.
import 'server-only';
import { db } from '@/lib/db';

const commitmentSelect = {
  id: true, reference: true,
  instrument: { select: { code: true, symbol: true, isDemo: true } },
  thematicArea: { select: { code: true, title: true, order: true, parent: { select: { code: true, title: true } } } },
  texts: { select: { locale: true, text: true, importedAt: true } },
} as const;

async function readCycleCommitments(cycleId: string) {
  return db.commitment.findMany({
    where: { instrument: { cycles: { some: { cycleId } } } },
    orderBy: [{ instrument: { order: 'asc' } }, { order: 'asc' }],
    select: commitmentSelect,
  });
}

export type CycleCommitment = Awaited<ReturnType<typeof readCycleCommitments>>[number];

/** Cycles kept (the open one, and a few others when asked for). */
const MAX_CYCLES = 8;
const kept = new Map<string, { version: string; commitments: CycleCommitment[] }>();

async function catalogueVersion(): Promise<string> {
  return (await db.catalogueVersion.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? '';
}

/** The commitments of the cycle's instruments, in the instruments' order and then their own. Never to be changed by the caller. */
export async function cycleCommitments(cycleId: string): Promise<readonly CycleCommitment[]> {
  const before = await catalogueVersion();
  const known = kept.get(cycleId);
  if (known && before !== '' && known.version === before) return known.commitments;
  const commitments = await readCycleCommitments(cycleId);
  if (before !== '' && (await catalogueVersion()) === before) {
    kept.delete(cycleId);
    if (kept.size >= MAX_CYCLES) kept.delete(kept.keys().next().value!);
    kept.set(cycleId, { version: before, commitments });
  }
  return commitments;
}

/** Forgets every kept list (tests that compare with and without). */
export function forgetCycleCommitments() {
  kept.clear();
}
