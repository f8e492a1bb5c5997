import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/tests/support/test-database';
import type { Db } from '@/lib/db/client';
import { verifyPassword } from '@/lib/auth/password';
import { DemoDataPresentError, seed } from '@/prisma/seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/prisma/seed/seed-demo';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** Row counts of everything the seed writes, to compare one run with the next. */
async function countRows(db: Db) {
  const [entitiesByKind, instruments, chapters, subAreas, cycles, users, commitments, texts] =
    await Promise.all([
      db.reportingEntity.groupBy({ by: ['kind'], _count: { _all: true }, orderBy: { kind: 'asc' } }),
      db.instrument.count(),
      db.thematicArea.count({ where: { parentId: null } }),
      db.thematicArea.count({ where: { parentId: { not: null } } }),
      db.reportingCycle.count(),
      db.user.count(),
      db.commitment.count(),
      db.commitmentText.count(),
    ]);
  return {
    entities: Object.fromEntries(entitiesByKind.map((row) => [row.kind, row._count._all])),
    instruments,
    chapters,
    subAreas,
    cycles,
    users,
    commitments,
    texts,
  };
}

/** The newest updatedAt of every seeded table: a no-op run must not move it. */
async function lastUpdates(db: Db) {
  const [entity, instrument, area, user] = await Promise.all([
    db.reportingEntity.aggregate({ _max: { updatedAt: true } }),
    db.instrument.aggregate({ _max: { updatedAt: true } }),
    db.thematicArea.aggregate({ _max: { updatedAt: true } }),
    db.user.aggregate({ _max: { updatedAt: true } }),
  ]);
  return [entity, instrument, area, user].map((row) => row._max.updatedAt?.toISOString() ?? null);
}

async function passwordHashes(db: Db): Promise<Record<string, string>> {
  const users = await db.user.findMany({ select: { email: true, passwordHash: true } });
  return Object.fromEntries(users.map((user) => [user.email, user.passwordHash]));
}

describe('seed without demo data', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('writes the reference data, and a second run changes nothing', async () => {
    const first = await seed(database.db, { demo: false });
    const countsAfterFirst = await countRows(database.db);
    const updatesAfterFirst = await lastUpdates(database.db);

    const second = await seed(database.db, { demo: false });

    expect(first.demo).toBeNull();
    expect(first.reference.entities).toEqual({ created: 219, updated: 0, unchanged: 0 });
    expect(first.reference.cycleCreated).toBe(String(new Date().getUTCFullYear()));
    expect(second.reference).toEqual({
      entities: { created: 0, updated: 0, unchanged: 219 },
      instruments: { created: 0, updated: 0, unchanged: 5 },
      thematicAreas: { created: 0, updated: 0, unchanged: 16 },
      cycleCreated: null,
    });
    expect(countsAfterFirst).toEqual({
      entities: {
        MEMBER_STATE: 193,
        OBSERVER_STATE: 2,
        UN_ENTITY: 17,
        INTERGOVERNMENTAL_ORGANIZATION: 6,
        NON_GOVERNMENTAL_ORGANIZATION: 1,
      },
      instruments: 5,
      chapters: 7,
      subAreas: 9,
      cycles: 1,
      users: 0,
      commitments: 0,
      texts: 0,
    });
    expect(await countRows(database.db)).toEqual(countsAfterFirst);
    expect(await lastUpdates(database.db)).toEqual(updatesAfterFirst);
  });

  it('stores regional groups, M49 places and sub-area parents', async () => {
    const groups = await database.db.reportingEntity.groupBy({
      by: ['regionalGroup'],
      where: { kind: 'MEMBER_STATE' },
      _count: { _all: true },
    });
    expect(Object.fromEntries(groups.map((row) => [row.regionalGroup, row._count._all]))).toEqual({
      AFRICAN: 54,
      ASIA_PACIFIC: 54,
      EASTERN_EUROPEAN: 23,
      LATIN_AMERICAN_CARIBBEAN: 33,
      WESTERN_EUROPEAN_OTHERS: 29,
    });
    expect(
      await database.db.reportingEntity.count({
        where: { kind: 'MEMBER_STATE', OR: [{ m49RegionCode: null }, { m49SubRegionCode: null }] },
      }),
    ).toBe(0);
    const subArea = await database.db.thematicArea.findUniqueOrThrow({
      where: { code: 'TA7.2' },
      select: { parent: { select: { code: true } } },
    });
    expect(subArea.parent?.code).toBe('TA7');
  });

  it('opens one reporting cycle that runs to the end of the year', async () => {
    const cycles = await database.db.reportingCycle.findMany();
    const year = new Date().getUTCFullYear();
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({
      code: String(year),
      state: 'OPEN',
      opensAt: new Date(Date.UTC(year, 0, 1)),
      closesAt: new Date(Date.UTC(year, 11, 31, 23, 59, 59)),
    });
  });

  it('creates no demo users and no demo instrument', async () => {
    expect(await database.db.user.count()).toBe(0);
    expect(await database.db.instrument.count({ where: { isDemo: true } })).toBe(0);
  });
});

describe('seed with demo data', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('creates the six demo accounts, each signing in with the demo password', async () => {
    const result = await seed(database.db, { demo: true });

    expect(result.demo?.accounts).toEqual([
      { email: 'admin@demo.test', role: 'ADMIN', entity: null },
      { email: 'reviewer@demo.test', role: 'SECRETARIAT', entity: null },
      { email: 'focal-mex@demo.test', role: 'FOCAL_POINT', entity: 'MEX' },
      { email: 'contributor-mex@demo.test', role: 'CONTRIBUTOR', entity: 'MEX' },
      { email: 'focal-nga@demo.test', role: 'FOCAL_POINT', entity: 'NGA' },
      { email: 'focal-unodc@demo.test', role: 'FOCAL_POINT', entity: 'UNODC' },
    ]);
    const users = await database.db.user.findMany({
      where: { disabled: false },
      select: {
        email: true,
        name: true,
        role: true,
        isDemo: true,
        passwordHash: true,
        entity: { select: { code: true } },
      },
      orderBy: { email: 'asc' },
    });
    // The other demo users are the story's focal points of other States: they cannot sign in.
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    expect(await database.db.user.count({ where: { disabled: true, isDemo: false } })).toBe(0);
    for (const user of users) {
      const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === user.email);
      expect(user).toMatchObject({ name: account?.name, role: account?.role, isDemo: true });
      expect(user.entity?.code ?? null).toBe(account?.entity);
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user.passwordHash, 'not-the-password')).toBe(false);
    }
  });

  it('adds a demo instrument of synthetic commitments in English and Chinese', async () => {
    const instrument = await database.db.instrument.findUniqueOrThrow({
      where: { code: 'DEMO' },
      select: {
        isDemo: true,
        symbol: true,
        commitments: {
          select: {
            reference: true,
            kind: true,
            thematicArea: { select: { code: true } },
            texts: { select: { locale: true, text: true, sourceName: true } },
          },
          orderBy: { order: 'asc' },
        },
      },
    });
    expect(instrument).toMatchObject({ isDemo: true, symbol: 'DEMO/2026/1' });
    // TA1, TA2 and TA6 (no sub-areas) and the nine sub-areas: 12 areas, two commitments each.
    expect(instrument.commitments).toHaveLength(24);
    expect(instrument.commitments.slice(4, 10).map((c) => [c.reference, c.thematicArea.code])).toEqual([
      ['3(a)', 'TA3.1'],
      ['3(b)', 'TA3.1'],
      ['3(c)', 'TA3.2'],
      ['3(d)', 'TA3.2'],
      ['3(e)', 'TA3.3'],
      ['3(f)', 'TA3.3'],
    ]);
    for (const commitment of instrument.commitments) {
      expect(commitment.kind).toBe('OPERATIONAL_RECOMMENDATION');
      expect(commitment.texts.map((text) => text.locale).sort()).toEqual(['en', 'zh']);
      for (const text of commitment.texts) {
        expect(text.sourceName).toBe('demo');
        expect(text.text).toMatch(/^(\[DEMO\]|【演示】)/);
      }
    }
  });

  it('a second demo run changes nothing and keeps the password hashes', async () => {
    const counts = await countRows(database.db);
    const updates = await lastUpdates(database.db);
    const hashes = await passwordHashes(database.db);

    await seed(database.db, { demo: true });

    expect(await countRows(database.db)).toEqual(counts);
    expect(await lastUpdates(database.db)).toEqual(updates);
    expect(await passwordHashes(database.db)).toEqual(hashes);
  });

  it('a seed without demo refuses to run on this database and writes nothing', async () => {
    const counts = await countRows(database.db);

    await expect(seed(database.db, { demo: false })).rejects.toBeInstanceOf(DemoDataPresentError);

    expect(await countRows(database.db)).toEqual(counts);
  });
});
