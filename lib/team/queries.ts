import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized } from '@/lib/i18n/localized';
import { literalPattern } from '@/lib/search-pattern';

// Reads of an entity's team, for its coordinator (team.manage): another entity's team is a 404.

export type ContributorState = 'invited' | 'expired' | 'active' | 'disabled';

export type ContributorRow = {
  id: string;
  name: string;
  email: string;
  locale: string;
  state: ContributorState;
  seesWholeWorklist: boolean;
  /** In the open cycle: assigned to them, and of those handed over as ready. */
  assigned: number;
  ready: number;
};

async function managedEntity(user: SessionUser, entityCode: string | undefined, locale: string) {
  const code = entityCode ?? user.entity?.code;
  // Entity codes are letters, digits, dashes and underscores: anything else names nothing.
  if (!code || !/^[A-Za-z0-9_-]{1,40}$/.test(code)) notFound();
  const entity = await db.reportingEntity.findFirst({
    where: { code: { equals: literalPattern(code), mode: 'insensitive' } },
    select: { id: true, code: true, name: true },
  });
  if (!entity || !can(user, 'team.manage', { entityId: entity.id })) notFound();
  return { ...entity, name: localized(entity.name, locale) };
}

export async function getTeam(user: SessionUser, entityCode: string | undefined, locale: string, now = new Date()) {
  const entity = await managedEntity(user, entityCode, locale);
  const cycle = await db.reportingCycle.findFirst({ where: { state: 'OPEN' }, select: { id: true, code: true, name: true } });
  const people = await db.user.findMany({
    where: { entityId: entity.id, role: 'CONTRIBUTOR' },
    orderBy: { name: 'asc' },
    select: {
      id: true, name: true, email: true, locale: true, disabled: true, seesWholeWorklist: true,
      invitations: { orderBy: { createdAt: 'desc' }, take: 1, select: { usedAt: true, expiresAt: true } },
      _count: { select: { invitations: { where: { usedAt: { not: null } } } } },
    },
  });
  const assigned = cycle
    ? await db.assignment.groupBy({ by: ['assigneeId'], where: { cycleId: cycle.id, entityId: entity.id }, _count: { _all: true } })
    : [];
  const ready = cycle
    ? await db.statusReport.findMany({
      where: { cycleId: cycle.id, entityId: entity.id, readyAt: { not: null }, state: { in: ['DRAFT', 'RETURNED'] } },
      select: { commitmentId: true },
    })
    : [];
  const readyIds = new Set(ready.map((row) => row.commitmentId));
  const assignments = cycle && readyIds.size
    ? await db.assignment.findMany({ where: { cycleId: cycle.id, entityId: entity.id, commitmentId: { in: [...readyIds] } }, select: { assigneeId: true } })
    : [];
  const contributors: ContributorRow[] = people.map((person) => {
    const joined = person._count.invitations > 0;
    const latest = person.invitations[0];
    // An account made without an invitation (from the command line) has its password already.
    const state: ContributorState = person.disabled ? 'disabled' : joined || !latest ? 'active' : latest.expiresAt > now ? 'invited' : 'expired';
    return {
      id: person.id, name: person.name, email: person.email, locale: person.locale, state, seesWholeWorklist: person.seesWholeWorklist,
      assigned: assigned.find((row) => row.assigneeId === person.id)?._count._all ?? 0,
      ready: assignments.filter((row) => row.assigneeId === person.id).length,
    };
  });
  return { entity, cycle: cycle && { ...cycle, name: localized(cycle.name, locale) }, contributors };
}

/** The contributors a coordinator may assign commitments to, or null for someone who may not assign. */
export async function assignableContributors(user: SessionUser, entityId: string): Promise<{ id: string; name: string }[] | null> {
  if (!can(user, 'team.manage', { entityId })) return null;
  return db.user.findMany({ where: { entityId, role: 'CONTRIBUTOR', disabled: false }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}
