// The overview's counts, per role: every number is one GROUP BY or COUNT over an index (about a
// million status reports at full use), never rows loaded to be counted in JavaScript; each leads
// to the list behind it (app/[locale]/(app)/dashboard/page.tsx).
import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized } from '@/lib/i18n/localized';
import { commitmentCitation, paragraphCitation } from '@/lib/evidence/queries';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CycleState, EvidenceKind, Role, WorkflowState } from '@/lib/generated/prisma/enums';

export const DASHBOARD_STATES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const satisfies readonly WorkflowState[];
export const DASHBOARD_ROLES = ['ADMIN', 'SECRETARIAT', 'FOCAL_POINT', 'CONTRIBUTOR', 'VIEWER'] as const satisfies readonly Role[];
export const DASHBOARD_CYCLE_STATES = ['OPEN', 'PLANNED', 'CLOSED'] as const satisfies readonly CycleState[];

type CycleRef = { code: string; name: string };

export type ReviewCounts = {
  /** Submissions waiting for a decision, per cycle the review queue offers (the open one always). */
  cycles: (CycleRef & { state: CycleState; submitted: number })[];
  /** Evidence focal points proposed, waiting for the secretariat. */
  proposals: number;
  /** Accepted evidence focal points asked to remove. */
  removals: number;
  /** Paragraphs suggested by text similarity, not decided yet, and on how many commitments. */
  suggestions: { paragraphs: number; commitments: number };
};

export type EntityCounts = {
  entityCode: string;
  cycle: CycleRef;
  /** False when the open cycle does not expect a report from this entity. */
  expected: boolean;
  total: number;
  byState: Record<(typeof DASHBOARD_STATES)[number] | 'NOT_REPORTED', number>;
};

export type AssignedCounts = { total: number; drafted: number; handedOver: number };

export type AdminCounts = {
  /** Accounts per role, disabled ones included (the users page lists them so). */
  accounts: Record<Role, number>;
  disabled: number;
  cycles: Record<CycleState, number>;
};

export type Dashboard = {
  openCycle: CycleRef | null;
  review: ReviewCounts | null;
  entity: EntityCounts | null;
  assigned: AssignedCounts | null;
  /** The evidence this user or their entity proposed that is still waiting for the secretariat (null: proposes none). */
  ownProposals: number | null;
  admin: AdminCounts | null;
};

/** Proposals made by people (not by the similarity index), not decided yet, at commitment level. */
const PENDING_PROPOSAL = { state: 'SUGGESTED', origin: 'MANUAL', statusReportId: null, removedAt: null } as const satisfies Prisma.EvidenceLinkWhereInput;
const PENDING_SUGGESTION = { state: 'SUGGESTED', origin: 'SUGGESTED', statusReportId: null, removedAt: null } as const satisfies Prisma.EvidenceLinkWhereInput;
/** Accepted evidence a focal point asked the secretariat to remove. */
const PENDING_REMOVAL = { removalRequestedAt: { not: null }, removedAt: null, statusReportId: null } as const satisfies Prisma.EvidenceLinkWhereInput;

/** A proposer's own proposals and their entity's (as the commitment's evidence list shows them). */
function proposalsOf(user: SessionUser): Prisma.EvidenceLinkWhereInput {
  return { ...PENDING_PROPOSAL, OR: [{ createdById: user.id }, ...(user.entityId ? [{ entityId: user.entityId }] : [])] };
}

export async function getDashboard(user: SessionUser, locale: string): Promise<Dashboard> {
  const open = await db.reportingCycle.findFirst({ where: { state: 'OPEN' }, orderBy: { opensAt: 'desc' }, select: { id: true, code: true, name: true } });
  const openCycle = open ? { code: open.code, name: localized(open.name, locale) } : null;
  const [review, entity, assigned, ownProposals, admin] = await Promise.all([
    can(user, 'status-report.review') ? reviewCounts(user, locale) : null,
    open && user.role === 'FOCAL_POINT' ? entityCounts(user, open) : null,
    open && user.role === 'CONTRIBUTOR' ? assignedCounts(user, open.id) : null,
    // Those who may link evidence but not decide on it propose it (focal points).
    can(user, 'evidence.link', { entityId: user.entityId }) && !can(user, 'evidence.review')
      ? db.evidenceLink.count({ where: proposalsOf(user) })
      : null,
    can(user, 'user.manage') && can(user, 'cycle.manage') ? adminCounts() : null,
  ]);
  return { openCycle, review, entity: entity && { ...entity, cycle: openCycle! }, assigned, ownProposals, admin };
}

async function reviewCounts(user: SessionUser, locale: string): Promise<ReviewCounts> {
  // The cycles the review queue offers (app/[locale]/(app)/reviews): open and closed ones.
  const cycles = await db.reportingCycle.findMany({
    where: { state: { in: ['OPEN', 'CLOSED'] } }, orderBy: { opensAt: 'desc' }, select: { id: true, code: true, name: true, state: true },
  });
  const [submitted, proposals, removals, suggestions] = await Promise.all([
    // An index-only count on StatusReport(cycleId, state, submittedAt) per cycle.
    cycles.length
      ? db.statusReport.groupBy({ by: ['cycleId'], where: { cycleId: { in: cycles.map((cycle) => cycle.id) }, state: 'SUBMITTED' }, _count: { _all: true } })
      : [],
    db.evidenceLink.count({ where: PENDING_PROPOSAL }),
    db.evidenceLink.count({ where: PENDING_REMOVAL }),
    db.evidenceLink.groupBy({ by: ['commitmentId'], where: PENDING_SUGGESTION, _count: { _all: true } }),
  ]);
  const waiting = new Map(submitted.map((row) => [row.cycleId, row._count._all]));
  return {
    cycles: cycles
      .map((cycle) => ({ code: cycle.code, name: localized(cycle.name, locale), state: cycle.state, submitted: waiting.get(cycle.id) ?? 0 }))
      .filter((cycle) => cycle.state === 'OPEN' || cycle.submitted > 0),
    proposals,
    removals,
    suggestions: { paragraphs: suggestions.reduce((sum, row) => sum + row._count._all, 0), commitments: suggestions.length },
  };
}

/** A focal point's reports in the open cycle, by workflow state, as the worklist counts them. */
async function entityCounts(user: SessionUser, cycle: { id: string }): Promise<Omit<EntityCounts, 'cycle'> | null> {
  if (!user.entityId || !user.entity || !can(user, 'worklist.read', { entityId: user.entityId })) return null;
  const none = { NOT_REPORTED: 0, DRAFT: 0, SUBMITTED: 0, RETURNED: 0, ACCEPTED: 0 };
  const expected = await db.cycleEntity.findUnique({ where: { cycleId_entityId: { cycleId: cycle.id, entityId: user.entityId } }, select: { entityId: true } });
  if (!expected) return { entityCode: user.entity.code, expected: false, total: 0, byState: none };
  const inScope = { instrument: { cycles: { some: { cycleId: cycle.id } } } } satisfies Prisma.CommitmentWhereInput;
  const [total, states] = await Promise.all([
    db.commitment.count({ where: inScope }),
    // The entity's reports of the cycle, through the unique index (entityId, commitmentId, cycleId).
    db.statusReport.groupBy({ by: ['state'], where: { cycleId: cycle.id, entityId: user.entityId, commitment: inScope }, _count: { _all: true } }),
  ]);
  const byState = { ...none };
  for (const row of states) byState[row.state] = row._count._all;
  byState.NOT_REPORTED = Math.max(0, total - DASHBOARD_STATES.reduce((sum, state) => sum + byState[state], 0));
  return { entityCode: user.entity.code, expected: true, total, byState };
}

/** A contributor's assignments in the open cycle: how many, how many drafted, how many handed over. */
async function assignedCounts(user: SessionUser, cycleId: string): Promise<AssignedCounts> {
  const [row] = await db.$queryRaw<{ total: bigint; drafted: bigint; handedOver: bigint }[]>`
    SELECT count(*) AS "total",
           count(r."id") AS "drafted",
           count(*) FILTER (WHERE r."readyAt" IS NOT NULL OR r."state" IN ('SUBMITTED', 'ACCEPTED')) AS "handedOver"
    FROM "Assignment" a
    LEFT JOIN "StatusReport" r ON r."entityId" = a."entityId" AND r."commitmentId" = a."commitmentId" AND r."cycleId" = a."cycleId"
    WHERE a."cycleId" = ${cycleId} AND a."assigneeId" = ${user.id}`;
  return { total: Number(row?.total ?? 0), drafted: Number(row?.drafted ?? 0), handedOver: Number(row?.handedOver ?? 0) };
}

async function adminCounts(): Promise<AdminCounts> {
  // As the users page lists them: without the disabled demo accounts it hides (lib/users/queries.ts).
  const listed = { NOT: { isDemo: true, disabled: true } } satisfies Prisma.UserWhereInput;
  const [roles, disabled, cycles] = await Promise.all([
    db.user.groupBy({ by: ['role'], where: listed, _count: { _all: true } }),
    db.user.count({ where: { ...listed, disabled: true } }),
    db.reportingCycle.groupBy({ by: ['state'], _count: { _all: true } }),
  ]);
  const accounts = Object.fromEntries(DASHBOARD_ROLES.map((role) => [role, 0])) as Record<Role, number>;
  for (const row of roles) accounts[row.role] = row._count._all;
  const byState = Object.fromEntries(DASHBOARD_CYCLE_STATES.map((state) => [state, 0])) as Record<CycleState, number>;
  for (const row of cycles) byState[row.state] = row._count._all;
  return { accounts, disabled, cycles: byState };
}

export type PendingEvidenceRow = {
  id: string;
  kind: EvidenceKind;
  /** What is proposed: a paragraph's citation, a web page's title, a file's name. */
  label: string;
  commitment: { id: string; citation: string };
  /** Who proposed it (or asked for its removal), and for which entity. */
  by: string | null;
  entityCode: string | null;
  at: Date;
  /** A removal request's reason. */
  reason: string | null;
};

type PendingList = { rows: PendingEvidenceRow[]; total: number };

export type PendingEvidence = {
  scope: 'all' | 'own';
  /** Proposals waiting for a decision: all for reviewers, one's own and one's entity's for proposers. */
  proposals: PendingList;
  /** Reviewers only: accepted evidence focal points asked to remove. */
  removals: PendingList | null;
  /** Reviewers only: the commitments with suggestions by text similarity to decide, most first. */
  suggestions: { commitment: { id: string; citation: string }; count: number }[] | null;
};

/** Each list shows at most this many, oldest first (a note says how many there are). */
export const PENDING_LIMIT = 200;

const commitmentSelect = { id: true, reference: true, instrument: { select: { symbol: true } } } as const;

const pendingSelect = {
  id: true, kind: true, url: true, title: true, createdAt: true, removalRequestedAt: true, removalReason: true,
  createdBy: { select: { email: true } },
  removalRequestedBy: { select: { email: true } },
  entity: { select: { code: true } },
  paragraph: { select: { number: true, document: { select: { symbol: true } } } },
  file: { select: { fileName: true } },
  commitment: { select: commitmentSelect },
} as const satisfies Prisma.EvidenceLinkSelect;

type PendingRecord = Prisma.EvidenceLinkGetPayload<{ select: typeof pendingSelect }>;

async function pendingList(where: Prisma.EvidenceLinkWhereInput, orderBy: Prisma.EvidenceLinkOrderByWithRelationInput[], toRow: (link: PendingRecord) => PendingEvidenceRow): Promise<PendingList> {
  const [links, total] = await Promise.all([
    db.evidenceLink.findMany({ where, orderBy, take: PENDING_LIMIT, select: pendingSelect }),
    db.evidenceLink.count({ where }),
  ]);
  return { rows: links.map(toRow), total };
}

/**
 * Evidence waiting for the secretariat: for reviewers every proposal, every removal request and
 * the commitments with suggested paragraphs; for those who propose, their own and their entity's
 * proposals; a 404 for anyone else.
 */
export async function listPendingEvidence(user: SessionUser, locale: string): Promise<PendingEvidence> {
  const reviewer = can(user, 'evidence.review');
  if (!reviewer && !can(user, 'evidence.link', { entityId: user.entityId })) notFound();
  const citation = (commitment: { reference: string; instrument: { symbol: string } }) =>
    commitmentCitation(locale, commitment.instrument.symbol, commitment.reference);
  const base = (link: PendingRecord) => ({
    id: link.id,
    kind: link.kind,
    label: link.paragraph
      ? paragraphCitation(locale, link.paragraph.document.symbol, link.paragraph.number)
      : link.kind === 'FILE' ? (link.file?.fileName ?? '') : (link.title || link.url || ''),
    commitment: { id: link.commitment.id, citation: citation(link.commitment) },
    entityCode: link.entity?.code ?? null,
  });

  const [proposals, removals, suggested] = await Promise.all([
    pendingList(reviewer ? PENDING_PROPOSAL : proposalsOf(user), [{ createdAt: 'asc' }, { id: 'asc' }], (link) => ({
      ...base(link), by: link.createdBy?.email ?? null, at: link.createdAt, reason: null,
    })),
    reviewer
      ? pendingList(PENDING_REMOVAL, [{ removalRequestedAt: 'asc' }, { id: 'asc' }], (link) => ({
        ...base(link), by: link.removalRequestedBy?.email ?? null, at: link.removalRequestedAt ?? link.createdAt, reason: link.removalReason,
      }))
      : null,
    reviewer
      ? db.evidenceLink.groupBy({ by: ['commitmentId'], where: PENDING_SUGGESTION, _count: { _all: true }, orderBy: { _count: { commitmentId: 'desc' } }, take: PENDING_LIMIT })
      : null,
  ]);
  const suggestedCommitments = suggested?.length
    ? await db.commitment.findMany({ where: { id: { in: suggested.map((row) => row.commitmentId) } }, select: commitmentSelect })
    : [];
  const commitmentOf = new Map(suggestedCommitments.map((commitment) => [commitment.id, commitment]));
  return {
    scope: reviewer ? 'all' : 'own',
    proposals,
    removals,
    suggestions: suggested
      ? suggested.flatMap((row) => {
        const commitment = commitmentOf.get(row.commitmentId);
        return commitment ? [{ commitment: { id: commitment.id, citation: citation(commitment) }, count: row._count._all }] : [];
      })
      : null,
  };
}
