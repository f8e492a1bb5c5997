// Writes the reference data of reference-data.ts. Idempotent: rows are matched by their unique
// code, missing ones are inserted in one statement per table, and a row is updated only when
// it differs, so a second run writes nothing (not even updatedAt).
import type { Db } from '@/lib/db/client';
import { setDefaultScope } from '@/lib/cycles/mutations';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  INSTRUMENTS,
  THEMATIC_AREAS,
  buildMemberStates,
  buildObserverStates,
  buildOrganizations,
  openCycle,
  type EntitySeed,
  type InstrumentSeed,
  type ThematicAreaSeed,
} from './reference-data';

type Tx = Prisma.TransactionClient;

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface SeedSummary {
  entities: SyncCounts;
  instruments: SyncCounts;
  thematicAreas: SyncCounts;
  /** The code of the reporting cycle created, or null when one existed already. */
  cycleCreated: string | null;
}

export interface SeedReferenceOptions {
  /** Decides the year of the first reporting cycle. */
  now?: Date;
}

export async function seedReferenceData(
  db: Db,
  { now = new Date() }: SeedReferenceOptions = {},
): Promise<SeedSummary> {
  const entities = await db.$transaction((tx) =>
    syncEntities(tx, [...buildMemberStates(), ...buildObserverStates(), ...buildOrganizations()]),
  );
  const { instruments, thematicAreas } = await db.$transaction(async (tx) => ({
    instruments: await syncInstruments(tx, INSTRUMENTS),
    thematicAreas: await syncThematicAreas(tx, THEMATIC_AREAS),
  }));
  const cycleCreated = await db.$transaction((tx) => createFirstCycle(tx, now));
  return { entities, instruments, thematicAreas, cycleCreated };
}

interface SyncPlan<T> {
  create: T[];
  update: { id: string; want: T }[];
  unchanged: number;
}

/** Sorts the wanted rows into new, changed and unchanged, by code. */
function planSync<T extends { code: string }, E extends { id: string; code: string }>(
  wanted: readonly T[],
  existing: readonly E[],
  isSame: (want: T, have: E) => boolean,
): SyncPlan<T> {
  const byCode = new Map(existing.map((row) => [row.code, row]));
  const plan: SyncPlan<T> = { create: [], update: [], unchanged: 0 };
  for (const want of wanted) {
    const have = byCode.get(want.code);
    if (!have) plan.create.push(want);
    else if (isSame(want, have)) plan.unchanged += 1;
    else plan.update.push({ id: have.id, want });
  }
  return plan;
}

function countsOf(plan: SyncPlan<unknown>, created: number): SyncCounts {
  return { created, updated: plan.update.length, unchanged: plan.unchanged };
}

/** JSON equality that ignores key order (jsonb stores keys in its own order). */
function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function sameDate(a: Date | null, b: Date | null): boolean {
  return a?.getTime() === b?.getTime();
}

// The columns reference data owns. `active` is deliberately not among them: deactivating an
// entity is an administrator's decision that a later seed must not undo.
const ENTITY_REFERENCE_KEYS = [
  'kind',
  'name',
  'iso2',
  'm49Code',
  'm49RegionCode',
  'm49RegionName',
  'm49SubRegionCode',
  'm49SubRegionName',
  'regionalGroup',
] as const satisfies readonly (keyof EntitySeed)[];

function entityData(seed: EntitySeed) {
  return {
    code: seed.code,
    kind: seed.kind,
    name: seed.name,
    iso2: seed.iso2,
    m49Code: seed.m49Code,
    m49RegionCode: seed.m49RegionCode,
    m49RegionName: seed.m49RegionName,
    m49SubRegionCode: seed.m49SubRegionCode,
    m49SubRegionName: seed.m49SubRegionName,
    regionalGroup: seed.regionalGroup,
  } satisfies Prisma.ReportingEntityCreateManyInput;
}

async function syncEntities(tx: Tx, seeds: readonly EntitySeed[]): Promise<SyncCounts> {
  const existing = await tx.reportingEntity.findMany({
    where: { code: { in: seeds.map((seed) => seed.code) } },
    select: {
      id: true,
      code: true,
      kind: true,
      name: true,
      iso2: true,
      m49Code: true,
      m49RegionCode: true,
      m49RegionName: true,
      m49SubRegionCode: true,
      m49SubRegionName: true,
      regionalGroup: true,
    },
  });
  const plan = planSync(seeds, existing, (want, have) =>
    ENTITY_REFERENCE_KEYS.every((key) => sameJson(want[key], have[key])),
  );
  const { count } = await tx.reportingEntity.createMany({
    data: plan.create.map(entityData),
    skipDuplicates: true,
  });
  for (const { id, want } of plan.update) {
    await tx.reportingEntity.update({ where: { id }, data: entityData(want) });
  }
  return countsOf(plan, count);
}

function instrumentData(seed: InstrumentSeed) {
  return {
    code: seed.code,
    symbol: seed.symbol,
    title: seed.title,
    adoptedOn: seed.adoptedOn,
    adoptedYear: seed.adoptedYear,
    adoptedBy: seed.adoptedBy,
    order: seed.order,
  } satisfies Prisma.InstrumentCreateManyInput;
}

async function syncInstruments(tx: Tx, seeds: readonly InstrumentSeed[]): Promise<SyncCounts> {
  const existing = await tx.instrument.findMany({
    where: { code: { in: seeds.map((seed) => seed.code) } },
    select: {
      id: true,
      code: true,
      symbol: true,
      title: true,
      adoptedOn: true,
      adoptedYear: true,
      adoptedBy: true,
      order: true,
    },
  });
  const plan = planSync(
    seeds,
    existing,
    (want, have) =>
      want.symbol === have.symbol &&
      sameJson(want.title, have.title) &&
      sameDate(want.adoptedOn, have.adoptedOn) &&
      want.adoptedYear === have.adoptedYear &&
      sameJson(want.adoptedBy, have.adoptedBy) &&
      want.order === have.order,
  );
  const { count } = await tx.instrument.createMany({
    data: plan.create.map(instrumentData),
    skipDuplicates: true,
  });
  for (const { id, want } of plan.update) {
    await tx.instrument.update({ where: { id }, data: instrumentData(want) });
  }
  return countsOf(plan, count);
}

// Chapters first, then their sub-areas: a sub-area needs its parent's id.
async function syncThematicAreas(
  tx: Tx,
  seeds: readonly ThematicAreaSeed[],
): Promise<SyncCounts> {
  const chapters = await syncThematicAreaLevel(
    tx,
    seeds.filter((seed) => seed.parentCode === null),
  );
  const subAreas = await syncThematicAreaLevel(
    tx,
    seeds.filter((seed) => seed.parentCode !== null),
  );
  return {
    created: chapters.created + subAreas.created,
    updated: chapters.updated + subAreas.updated,
    unchanged: chapters.unchanged + subAreas.unchanged,
  };
}

async function syncThematicAreaLevel(
  tx: Tx,
  seeds: readonly ThematicAreaSeed[],
): Promise<SyncCounts> {
  const parentIds = await idsByCode(tx, seeds.flatMap((seed) => seed.parentCode ?? []));
  const rows = seeds.map((seed) => ({
    code: seed.code,
    title: seed.title,
    order: seed.order,
    parentId: seed.parentCode === null ? null : requireId(parentIds, seed.parentCode),
  })) satisfies Prisma.ThematicAreaCreateManyInput[];
  const existing = await tx.thematicArea.findMany({
    where: { code: { in: rows.map((row) => row.code) } },
    select: { id: true, code: true, title: true, order: true, parentId: true },
  });
  const plan = planSync(
    rows,
    existing,
    (want, have) =>
      sameJson(want.title, have.title) &&
      want.order === have.order &&
      want.parentId === have.parentId,
  );
  const { count } = await tx.thematicArea.createMany({ data: plan.create, skipDuplicates: true });
  for (const { id, want } of plan.update) {
    await tx.thematicArea.update({ where: { id }, data: want });
  }
  return countsOf(plan, count);
}

async function idsByCode(tx: Tx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx.thematicArea.findMany({
    where: { code: { in: [...new Set(codes)] } },
    select: { id: true, code: true },
  });
  return new Map(rows.map((row) => [row.code, row.id]));
}

function requireId(ids: Map<string, string>, code: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`Thematic area ${code} is missing`);
  return id;
}

// Only a database with no cycle at all gets one: afterwards cycles are managed in the app, and
// re-seeding in a later year must not open a second cycle behind the administrators' backs.
async function createFirstCycle(tx: Tx, now: Date): Promise<string | null> {
  if ((await tx.reportingCycle.count()) > 0) return null;
  const cycle = openCycle(now);
  // skipDuplicates: a concurrent seed creating the same cycle is not an error.
  const { count } = await tx.reportingCycle.createMany({ data: [cycle], skipDuplicates: true });
  if (count === 0) return null;
  const { id } = await tx.reportingCycle.findUniqueOrThrow({ where: { code: cycle.code }, select: { id: true } });
  await setDefaultScope(tx, id, null);
  return cycle.code;
}
