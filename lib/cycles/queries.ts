import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized } from '@/lib/i18n/localized';
import type { CycleState } from '@/lib/generated/prisma/enums';

export type CycleRow = {
  code: string;
  name: string;
  periodStart: Date;
  periodEnd: Date;
  opensAt: Date;
  closesAt: Date;
  state: CycleState;
  reportCount: number;
  instrumentCount: number;
  entityCount: number;
};

const cycleSelect = {
  code: true, name: true, periodStart: true, periodEnd: true, opensAt: true, closesAt: true, state: true,
  _count: { select: { statusReports: true, instruments: true, entities: true } },
} as const;

type CycleRecord = { name: unknown; _count: { statusReports: number; instruments: number; entities: number } } & Omit<CycleRow, 'name' | 'reportCount' | 'instrumentCount' | 'entityCount'>;

function toRow({ _count, ...cycle }: CycleRecord, locale: string): CycleRow {
  return {
    ...cycle, name: localized(cycle.name, locale),
    reportCount: _count.statusReports, instrumentCount: _count.instruments, entityCount: _count.entities,
  };
}

/** The open cycle that reports are written for now, if any. Every signed-in user sees it. */
export async function getOpenCycle(locale: string): Promise<CycleRow | null> {
  const cycle = await db.reportingCycle.findFirst({
    where: { state: 'OPEN' },
    orderBy: { opensAt: 'desc' },
    select: cycleSelect,
  });
  return cycle ? toRow(cycle, locale) : null;
}

export async function listCycles(user: SessionUser, locale: string): Promise<CycleRow[]> {
  if (!can(user, 'cycle.manage')) notFound();
  const cycles = await db.reportingCycle.findMany({ orderBy: { opensAt: 'desc' }, select: cycleSelect });
  return cycles.map((cycle) => toRow(cycle, locale));
}
