// Reporting cycles against real PostgreSQL: a new cycle's scope, who may manage cycles, one open
// cycle at a time (also when two people open two cycles at once), and an audit row for every
// change, with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCycleState, createCycle, EXPECTED_ENTITY_KINDS } from '@/lib/cycles/mutations';
import { createCycleSchema } from '@/lib/cycles/schemas';
import { DomainError } from '@/lib/errors';
import type { Db } from '@/lib/db/client';
import { createTestDatabase } from '../support/test-database';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;

const errorKey = (promise: Promise<unknown>) =>
  promise.then(() => 'resolved', (error: unknown) => {
    if (error instanceof DomainError) return error.key;
    throw error;
  });

/** A cycle as the creation form sends it. */
const cycleForm = (code: string, instruments: string[] = []) =>
  createCycleSchema.parse({
    code, nameEn: `[TEST] Cycle ${code}`, periodStart: '2027-01-01', periodEnd: '2027-12-31', opensOn: '2027-01-15', deadline: '2027-11-30', instruments,
  });

const cycleByCode = (code: string) =>
  db.reportingCycle.findUniqueOrThrow({ where: { code }, select: { id: true, state: true, opensAt: true, closesAt: true } });

const auditOf = async (code: string) => {
  const { id } = await cycleByCode(code);
  return db.auditEvent.findMany({ where: { entityType: 'ReportingCycle', entityId: id }, orderBy: { at: 'asc' }, select: { action: true, actorId: true, before: true, after: true } });
};

const openCodes = async () => (await db.reportingCycle.findMany({ where: { state: 'OPEN' }, select: { code: true } })).map((row) => row.code);

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  // One Member State no longer active: a new cycle must not expect a report from it.
  await db.reportingEntity.update({ where: { code: 'FRA' }, data: { active: false } });
});

afterAll(() => database.drop());

describe('creating a cycle', () => {
  it('covers every instrument and expects the active Member States and UN entities by default', async () => {
    const cycle = await createCycle(db, world.users.admin, cycleForm('2027'));
    expect(await cycleByCode('2027')).toMatchObject({
      state: 'PLANNED', opensAt: new Date('2027-01-15T00:00:00Z'), closesAt: new Date('2027-11-30T23:59:59Z'),
    });

    const instruments = await db.cycleInstrument.findMany({ where: { cycleId: cycle.id }, select: { instrumentId: true } });
    expect(instruments.length).toBe(await db.instrument.count());
    expect(instruments.length).toBeGreaterThan(1);

    const expected = await db.reportingEntity.count({ where: { active: true, kind: { in: [...EXPECTED_ENTITY_KINDS] } } });
    const entities = await db.cycleEntity.findMany({ where: { cycleId: cycle.id }, select: { entity: { select: { code: true } } } });
    expect(entities.length).toBe(expected);
    // 193 Member States less the inactive one, and the UN entities; no observers or other organizations.
    expect(await db.reportingEntity.count({ where: { active: true, kind: 'MEMBER_STATE' } })).toBe(192);
    const codes = new Set(entities.map((row) => row.entity.code));
    expect(codes.has('MEX') && codes.has('UNODC')).toBe(true);
    expect(codes.has('FRA')).toBe(false);
    const others = await db.reportingEntity.findMany({ where: { kind: { notIn: [...EXPECTED_ENTITY_KINDS] } }, select: { code: true } });
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((row) => codes.has(row.code))).toEqual([]);

    const audit = await auditOf('2027');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'cycle.create', actorId: world.users.admin.id, after: { code: '2027', instruments: 'all' } });
  });

  it('covers only the chosen instruments', async () => {
    const cycle = await createCycle(db, world.users.admin, cycleForm('2027-special', ['TEST']));
    const instruments = await db.cycleInstrument.findMany({ where: { cycleId: cycle.id }, select: { instrument: { select: { code: true } } } });
    expect(instruments.map((row) => row.instrument.code)).toEqual(['TEST']);
    expect(await auditOf('2027-special')).toMatchObject([{ action: 'cycle.create', after: { instruments: ['TEST'] } }]);
  });

  it('creates one cycle when two people create the same code at the same time', async () => {
    const results = await Promise.allSettled([
      createCycle(db, world.users.admin, cycleForm('2028')), createCycle(db, world.users.admin, cycleForm('2028')),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ key: 'cycles.codeTaken' });
    expect(await auditOf('2028')).toHaveLength(1);
  });

  it('refuses a code already taken, an unknown instrument, and people who may not manage cycles; nothing is created', async () => {
    const before = { cycles: await db.reportingCycle.count(), audit: await db.auditEvent.count() };
    expect(await errorKey(createCycle(db, world.users.admin, cycleForm('2026')))).toBe('cycles.codeTaken');
    expect(await errorKey(createCycle(db, world.users.admin, cycleForm('2027')))).toBe('cycles.codeTaken');
    expect(await errorKey(createCycle(db, world.users.admin, cycleForm('2029', ['TEST', 'NO-SUCH-INSTRUMENT'])))).toBe('unknownInstrument');
    for (const person of [world.users.secretariat, world.users.focalMex, world.users.viewer]) {
      expect(await errorKey(createCycle(db, person, cycleForm('2030')))).toBe('cycles.notAllowed');
      expect(await errorKey(changeCycleState(db, person, 'close', { code: '2026', reason: '' }))).toBe('cycles.notAllowed');
      expect(await errorKey(changeCycleState(db, person, 'open', { code: '2027', reason: '' }))).toBe('cycles.notAllowed');
    }
    expect({ cycles: await db.reportingCycle.count(), audit: await db.auditEvent.count() }).toEqual(before);
    expect(await openCodes()).toEqual(['2026']);
  });
});

describe('an instrument added to the catalogue later', () => {
  it('joins the planned and open cycles that cover all instruments, not narrowed or closed ones', async () => {
    await createCycle(db, world.users.admin, cycleForm('2040'));
    const narrowed = await createCycle(db, world.users.admin, cycleForm('2041', ['TEST']));
    const closed = await createCycle(db, world.users.admin, cycleForm('2042'));
    await db.reportingCycle.update({ where: { id: closed.id }, data: { state: 'CLOSED' } });
    const added = await db.instrument.create({
      data: { code: 'LATER', symbol: 'LATER/1', title: { en: '[TEST] An instrument imported later' }, adoptedYear: 2027, adoptedBy: { en: 'Tests' } },
      select: { id: true },
    });
    const covering = (await db.cycleInstrument.findMany({ where: { instrumentId: added.id }, select: { cycle: { select: { code: true } } } }))
      .map((row) => row.cycle.code);
    expect(covering).toEqual(expect.arrayContaining([world.cycle.code, '2040']));
    expect(covering).not.toContain(narrowed.code);
    expect(covering).not.toContain('2042');
    const expected = await db.reportingCycle.findMany({ where: { allInstruments: true, state: { not: 'CLOSED' } }, select: { code: true } });
    expect(covering.sort()).toEqual(expected.map((row) => row.code).sort());
  });
});

describe('changing a cycle state', () => {
  it('refuses to open a cycle while another is open, and changes that do not fit the state', async () => {
    expect(await errorKey(changeCycleState(db, world.users.admin, 'open', { code: '2027', reason: '' }))).toBe('cycles.anotherOpen');
    expect(await errorKey(changeCycleState(db, world.users.admin, 'close', { code: '2027', reason: '' }))).toBe('cycles.cannot.close');
    expect(await errorKey(changeCycleState(db, world.users.admin, 'reopen', { code: '2027', reason: '[TEST] Why not.' }))).toBe('cycles.cannot.reopen');
    expect(await errorKey(changeCycleState(db, world.users.admin, 'open', { code: '2026', reason: '' }))).toBe('cycles.cannot.open');
    expect(await errorKey(changeCycleState(db, world.users.admin, 'close', { code: 'no-such-cycle', reason: '' }))).toBe('cycles.unknown');
    expect((await cycleByCode('2027')).state).toBe('PLANNED');
    expect(await auditOf('2027')).toHaveLength(1);
  });

  it('opens exactly one of two cycles opened at the same time', async () => {
    // Several rounds, so that the two openers really meet inside their transactions.
    for (let round = 0; round < 5; round += 1) {
      const codes = [`race-${round}-a`, `race-${round}-b`];
      for (const code of codes) await createCycle(db, world.users.admin, cycleForm(code, ['TEST']));
      const [current] = await openCodes();
      await changeCycleState(db, world.users.admin, 'close', { code: current!, reason: '' });

      const results = await Promise.allSettled(codes.map((code) =>
        changeCycleState(db, world.users.admin, 'open', { code, reason: '' })));

      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ key: 'cycles.anotherOpen' });
      const open = await openCodes();
      expect(open).toHaveLength(1);
      expect(codes).toContain(open[0]);
      // The loser changed nothing and left no audit row.
      const loser = codes.find((code) => code !== open[0])!;
      expect((await cycleByCode(loser)).state).toBe('PLANNED');
      expect((await auditOf(loser)).map((row) => row.action)).toEqual(['cycle.create']);
    }
  });

  it('reopens a closed cycle only with a reason, and audits every change with its reason', async () => {
    const [current] = await openCodes();
    await changeCycleState(db, world.users.admin, 'close', { code: current!, reason: '  [TEST] The round is over.  ' });
    for (const reason of ['', '   ']) {
      expect(await errorKey(changeCycleState(db, world.users.admin, 'reopen', { code: '2026', reason }))).toBe('cycles.reasonRequired');
    }
    expect((await cycleByCode('2026')).state).toBe('CLOSED');

    expect(await changeCycleState(db, world.users.admin, 'reopen', { code: '2026', reason: '[TEST] Deadline extended.' })).toEqual({ code: '2026', state: 'OPEN' });
    expect(await openCodes()).toEqual(['2026']);

    expect((await auditOf(current!)).slice(-1)).toEqual([{
      action: 'cycle.close', actorId: world.users.admin.id, before: { state: 'OPEN' }, after: { state: 'CLOSED', reason: '[TEST] The round is over.' },
    }]);
    expect(await auditOf('2026')).toEqual([
      { action: 'cycle.close', actorId: world.users.admin.id, before: { state: 'OPEN' }, after: { state: 'CLOSED' } },
      { action: 'cycle.reopen', actorId: world.users.admin.id, before: { state: 'CLOSED' }, after: { state: 'OPEN', reason: '[TEST] Deadline extended.' } },
    ]);
  });
});

describe('closing a cycle', () => {
  it('freezes the commitments it covered, with their areas; reopening lets it follow the catalogue again', async () => {
    const code = (await openCodes())[0]!;
    const { id } = await cycleByCode(code);
    const covered = await db.commitment.count({ where: { instrument: { cycles: { some: { cycleId: id } } } } });
    expect(covered).toBeGreaterThan(0);
    await changeCycleState(db, world.users.admin, 'close', { code, reason: '' });
    expect(await db.cycleCommitment.count({ where: { cycleId: id } })).toBe(covered);
    await changeCycleState(db, world.users.admin, 'reopen', { code, reason: '[TEST] One more week.' });
    expect(await db.cycleCommitment.count({ where: { cycleId: id } })).toBe(0);
  });
});
