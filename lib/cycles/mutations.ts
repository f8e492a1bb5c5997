// Reporting cycles: create, open, close, reopen. One cycle is open at a time (the database
// holds that too, with a partial unique index); closing a cycle freezes its reports, because
// every status-report guard asks for an open cycle. Every change is audited in its transaction.
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CycleState } from '@/lib/generated/prisma/enums';
import { can, type Actor } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record';
import { announce, recipientSelect } from '@/lib/notifications/announce';
import { unDate } from '@/lib/notifications/reminders';
import { DomainError } from '@/lib/errors';
import type { CreateCycleInput } from './schemas';

type Tx = Prisma.TransactionClient;
export type CycleActor = NonNullable<Actor> & { id: string };

/** The entities a cycle expects reports from unless it is narrowed: active Member States and UN entities. */
export const EXPECTED_ENTITY_KINDS = ['MEMBER_STATE', 'UN_ENTITY'] as const;

function assertMayManage(actor: CycleActor) {
  if (!can(actor, 'cycle.manage')) throw new DomainError('cycles.notAllowed');
}

/** Gives a new cycle its scope: the chosen instruments (all when none), and the expected entities. */
export async function setDefaultScope(tx: Tx, cycleId: string, instrumentIds: string[] | null): Promise<void> {
  const instruments = instrumentIds ?? (await tx.instrument.findMany({ select: { id: true } })).map((row) => row.id);
  await tx.cycleInstrument.createMany({ data: instruments.map((instrumentId) => ({ cycleId, instrumentId })), skipDuplicates: true });
  const entities = await tx.reportingEntity.findMany({ where: { active: true, kind: { in: [...EXPECTED_ENTITY_KINDS] } }, select: { id: true } });
  await tx.cycleEntity.createMany({ data: entities.map((entity) => ({ cycleId, entityId: entity.id })), skipDuplicates: true });
}

/**
 * Freezes a closing cycle's expected items: the commitments it covers, with their thematic area
 * now. Refreshed at every close (a reopened cycle may have taken in more).
 */
export async function snapshotCycleCommitments(tx: Tx, cycleId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "CycleCommitment" WHERE "cycleId" = ${cycleId}`;
  await tx.$executeRaw`
    INSERT INTO "CycleCommitment" ("cycleId", "commitmentId", "thematicAreaId")
    SELECT ci."cycleId", c."id", c."thematicAreaId"
    FROM "CycleInstrument" ci JOIN "Commitment" c ON c."instrumentId" = ci."instrumentId"
    WHERE ci."cycleId" = ${cycleId}`;
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
/** A deadline day ends at its last second, UTC, as the first cycle's does. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59Z`);

export async function createCycle(db: Db, actor: CycleActor, input: CreateCycleInput) {
  assertMayManage(actor);
  return db.$transaction(async (tx) => {
    if (await tx.reportingCycle.findUnique({ where: { code: input.code }, select: { id: true } })) {
      throw new DomainError('cycles.codeTaken', { code: input.code });
    }
    let instrumentIds: string[] | null = null;
    if (input.instruments.length > 0) {
      const found = await tx.instrument.findMany({ where: { code: { in: input.instruments } }, select: { id: true, code: true } });
      const missing = input.instruments.filter((code) => !found.some((row) => row.code === code));
      if (missing.length > 0) throw new DomainError('unknownInstrument', { code: missing.join(', ') });
      instrumentIds = found.map((row) => row.id);
    }
    // English always; each other language only where a name was given.
    const given = { zh: input.nameZh, fr: input.nameFr, ru: input.nameRu, es: input.nameEs, ar: input.nameAr };
    const name = { en: input.nameEn, ...Object.fromEntries(Object.entries(given).filter(([, text]) => text)) };
    const cycle = await tx.reportingCycle.create({
      data: {
        code: input.code, name, periodStart: utc(input.periodStart), periodEnd: utc(input.periodEnd),
        opensAt: utc(input.opensOn), closesAt: endOfDay(input.deadline), state: 'PLANNED', allInstruments: instrumentIds === null,
      },
      select: { id: true, code: true },
    });
    await setDefaultScope(tx, cycle.id, instrumentIds);
    await recordAudit(tx, {
      actorId: actor.id, action: 'cycle.create', entityType: 'ReportingCycle', entityId: cycle.id,
      after: { ...input, instruments: input.instruments.length ? input.instruments : 'all' },
    });
    return cycle;
  }).catch((error: unknown) => {
    // Two people creating the same code at once: the second meets the unique code, the only
    // unique value this transaction inserts.
    if ((error as { code?: string })?.code === 'P2002') throw new DomainError('cycles.codeTaken', { code: input.code });
    throw error;
  });
}

type StateChange = 'open' | 'close' | 'reopen';

const FROM: Record<StateChange, CycleState[]> = { open: ['PLANNED'], close: ['OPEN'], reopen: ['CLOSED'] };

/** Opens a planned cycle, closes an open one, or reopens a closed one (with a reason). */
export async function changeCycleState(db: Db, actor: CycleActor, change: StateChange, input: { code: string; reason: string }) {
  assertMayManage(actor);
  if (change === 'reopen' && !input.reason.trim()) throw new DomainError('cycles.reasonRequired');
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; state: CycleState }[]>`
      SELECT "id", "state" FROM "ReportingCycle" WHERE "code" = ${input.code} FOR UPDATE`;
    const cycle = rows[0];
    if (!cycle) throw new DomainError('cycles.unknown', { code: input.code });
    if (!FROM[change].includes(cycle.state)) throw new DomainError(`cycles.cannot.${change}`, { code: input.code });
    const to: CycleState = change === 'close' ? 'CLOSED' : 'OPEN';
    if (to === 'OPEN') {
      // Names the open cycle in the refusal. Two openers racing past this check are stopped by
      // the partial unique index, caught below.
      const open = await tx.$queryRaw<{ code: string }[]>`SELECT "code" FROM "ReportingCycle" WHERE "state" = 'OPEN' FOR UPDATE`;
      if (open[0]) throw new DomainError('cycles.anotherOpen', { code: open[0].code });
    }
    await tx.reportingCycle.update({ where: { id: cycle.id }, data: { state: to } });
    // A closed cycle's expected items are frozen; an open one follows the catalogue.
    if (to === 'CLOSED') await snapshotCycleCommitments(tx, cycle.id);
    else await tx.$executeRaw`DELETE FROM "CycleCommitment" WHERE "cycleId" = ${cycle.id}`;
    if (change === 'open') await announceOpening(tx, cycle.id);
    await recordAudit(tx, {
      actorId: actor.id, action: `cycle.${change}`, entityType: 'ReportingCycle', entityId: cycle.id,
      before: { state: cycle.state }, after: { state: to, ...(input.reason.trim() ? { reason: input.reason.trim() } : {}) },
    });
    return { code: input.code, state: to };
  }).catch((error: unknown) => {
    // Two openers racing past the check meet the partial unique index.
    if (isUniqueViolation(error)) throw new DomainError('cycles.anotherOpen', { code: '' });
    throw error;
  });
}

/** The focal points of every entity the cycle expects a report from hear that it is open, and its deadline. */
async function announceOpening(tx: Tx, cycleId: string) {
  const cycle = await tx.reportingCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { name: true, closesAt: true } });
  const recipients = await tx.user.findMany({
    where: { role: 'FOCAL_POINT', disabled: false, entity: { cycles: { some: { cycleId } } } },
    select: recipientSelect,
  });
  await announce(tx, recipients, {
    type: 'CYCLE_OPENED', href: '/worklist', data: { cycle: cycle.name as Record<string, string>, deadline: unDate(cycle.closesAt) },
  });
}

function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? '') + JSON.stringify((error as { meta?: unknown })?.meta ?? '');
  return (error as { code?: string })?.code === 'P2002' || text.includes('ReportingCycle_one_open');
}
