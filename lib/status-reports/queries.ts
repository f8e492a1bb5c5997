import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized, localizedTitle, pickLocalized } from '@/lib/i18n/localized';
import { areaTitle, type AreaTitle } from '@/lib/catalogue/queries';
import { pickCommitmentText, type ShownText } from '@/lib/catalogue/commitment-text';
import { displayReference } from '@/lib/catalogue/reference';
import { cycleCommitments } from '@/lib/catalogue/cycle-commitments';
import { paragraphCitation } from '@/lib/evidence/queries';
import { paragraphPath } from '@/lib/documents/citation';
import { slugOf } from '@/lib/slug';
import { literalPattern } from '@/lib/search-pattern';
import type { ImplementationStatus, StatusEventType, WorkflowState } from '@/lib/generated/prisma/enums';
import { allowedTransitions, daysLeft, type Transition } from './workflow';
import { reportPath } from './paths';
import type { ReviewFilters, WorklistFilters } from './filters';

// Reads of status reports. A worklist opens with `can(user, 'worklist.read', entity)`, and each
// report is read only with `can(user, 'status-report.read', { entity, assignee })` (a contributor
// reads what is assigned to them): another entity's report, worklist or timeline is a 404,
// exactly like one that does not exist.

export type WorklistState = WorkflowState | 'NOT_REPORTED';

export type CycleSummary = { id: string; code: string; name: string; state: string; opensAt: Date; closesAt: Date };

const cycleSelect = { id: true, code: true, name: true, state: true, opensAt: true, closesAt: true } as const;

function toCycle(cycle: { name: unknown } & Omit<CycleSummary, 'name'>, locale: string): CycleSummary {
  return { ...cycle, name: localized(cycle.name, locale) };
}

export { reportPath } from './paths';

/** The entity, if the user may open its worklist; each report is then checked on its own. */
async function findEntity(user: SessionUser, code: string, locale: string) {
  const entity = await db.reportingEntity.findFirst({
    // Case-insensitive equality is an ILIKE: escaped, % and _ are not wildcards.
    where: { code: { equals: literalPattern(code), mode: 'insensitive' } },
    select: { id: true, code: true, name: true, kind: true },
  });
  if (!entity || !can(user, 'worklist.read', { entityId: entity.id })) notFound();
  // Organisations are named in English and Chinese only: `nameLocale` lets a page mark the fallback.
  const { text: name, locale: nameLocale } = pickLocalized(entity.name, locale);
  return { ...entity, name, nameLocale };
}

const EXCERPT_LENGTH = 160;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

export type WorklistRow = {
  commitmentId: string;
  reference: string;
  instrument: { code: string; symbol: string; isDemo: boolean };
  excerpt: { text: string; locale: string } | null;
  /** Titled in the reader's language or else English (`titleLocale` says which). */
  area: AreaTitle & { parentCode: string | null };
  state: WorklistState;
  status: ImplementationStatus | null;
  reviewComment: string | null;
  updatedAt: Date | null;
  lastAccepted: { status: ImplementationStatus; cycleName: string } | null;
  /** The contributor drafting it, if the coordinator assigned one. */
  assignee: { id: string; name: string } | null;
  /** The contributor marked the draft ready for the coordinator. */
  ready: boolean;
  href: string;
};

export type Worklist = {
  entity: { id: string; code: string; name: string; nameLocale: string };
  cycle: (CycleSummary & { daysLeft: number }) | null;
  /** Whether the open cycle expects a report from this entity at all. */
  expected: boolean;
  /** The rows of the page asked for (WORKLIST_PAGE_SIZE at most), of those the filters match. */
  rows: WorklistRow[];
  /** How many rows the filters match, on how many pages. */
  matching: number;
  page: number;
  pages: number;
  /** Counts over the whole worklist, whatever the filters. */
  counts: { total: number; reported: number; byState: Record<WorklistState, number> };
  areas: AreaTitle[];
  /** What the reader may do with the rows: a contributor sees only their assignments unless shared. */
  scope: 'all' | 'assigned';
};

/**
 * Rows per page of the worklist: a cycle covers hundreds of commitments, and a page of all of them
 * weighs megabytes, too much for a focal point on a slow connection (issue 11's measurements).
 */
export const WORKLIST_PAGE_SIZE = 50;

/** The worklist of one entity for the open cycle: one row per commitment the cycle covers. */
export async function getWorklist(user: SessionUser, entityCode: string, filters: WorklistFilters, locale: string, now = new Date()): Promise<Worklist> {
  const entity = await findEntity(user, entityCode, locale);
  const cycle = await db.reportingCycle.findFirst({ where: { state: 'OPEN' }, select: cycleSelect });
  const empty = { NOT_REPORTED: 0, DRAFT: 0, SUBMITTED: 0, RETURNED: 0, ACCEPTED: 0 };
  const scope: Worklist['scope'] = user.role === 'CONTRIBUTOR' && !user.seesWholeWorklist ? 'assigned' : 'all';
  const none = { rows: [], matching: 0, page: 1, pages: 1, counts: { total: 0, reported: 0, byState: empty }, areas: [], scope };
  if (!cycle) return { entity, cycle: null, expected: false, ...none };
  const inScope = await db.cycleEntity.findUnique({ where: { cycleId_entityId: { cycleId: cycle.id, entityId: entity.id } }, select: { entityId: true } });
  if (!inScope) {
    return { entity, cycle: { ...toCycle(cycle, locale), daysLeft: daysLeft(cycle.closesAt, now) }, expected: false, ...none };
  }

  const assignments = await db.assignment.findMany({
    where: { cycleId: cycle.id, entityId: entity.id },
    select: { commitmentId: true, assignee: { select: { id: true, name: true } } },
  });
  const assigneeOf = new Map(assignments.map((row) => [row.commitmentId, row.assignee]));
  // A contributor without the whole worklist reads only their assignments.
  const mine = scope === 'assigned' ? new Set(assignments.filter((row) => row.assignee.id === user.id).map((row) => row.commitmentId)) : null;
  const [allCommitments, reports, previous] = await Promise.all([
    cycleCommitments(cycle.id),
    db.statusReport.findMany({
      where: { entityId: entity.id, cycleId: cycle.id },
      select: { commitmentId: true, state: true, status: true, reviewComment: true, updatedAt: true, readyAt: true },
    }),
    db.$queryRaw<{ commitmentId: string; status: ImplementationStatus; name: unknown }[]>`
      SELECT DISTINCT ON (r."commitmentId") r."commitmentId", r."status"::text AS "status", c."name"
      FROM "StatusReport" r JOIN "ReportingCycle" c ON c."id" = r."cycleId"
      WHERE r."entityId" = ${entity.id} AND r."state" = 'ACCEPTED' AND c."opensAt" < ${cycle.opensAt}
      ORDER BY r."commitmentId", c."opensAt" DESC`,
  ]);
  const commitments = mine ? allCommitments.filter((commitment) => mine.has(commitment.id)) : allCommitments;
  const reportOf = new Map(reports.map((report) => [report.commitmentId, report]));
  const previousOf = new Map(previous.map((row) => [row.commitmentId, row]));

  const visible = commitments.filter((commitment) =>
    can(user, 'status-report.read', { entityId: entity.id, assigneeId: assigneeOf.get(commitment.id)?.id ?? null }));
  const all: WorklistRow[] = visible.map((commitment) => {
    const report = reportOf.get(commitment.id);
    const last = previousOf.get(commitment.id);
    const text = pickCommitmentText(commitment.texts, locale);
    return {
      commitmentId: commitment.id,
      reference: displayReference(commitment.reference, locale),
      instrument: commitment.instrument,
      excerpt: text ? { text: excerpt(text.text), locale: text.locale } : null,
      area: { ...areaTitle(commitment.thematicArea, locale), parentCode: commitment.thematicArea.parent?.code ?? null },
      state: report?.state ?? 'NOT_REPORTED',
      status: report?.status ?? null,
      reviewComment: report?.state === 'RETURNED' ? report.reviewComment : null,
      updatedAt: report?.updatedAt ?? null,
      lastAccepted: last ? { status: last.status, cycleName: localized(last.name, locale) } : null,
      assignee: assigneeOf.get(commitment.id) ?? null,
      ready: Boolean(report?.readyAt) && (report?.state === 'DRAFT' || report?.state === 'RETURNED'),
      href: reportPath(cycle.code, entity.code, commitment.id),
    };
  });

  const textsOf = new Map(commitments.map((commitment) => [commitment.id, commitment.texts]));
  const byState = { ...empty };
  for (const row of all) byState[row.state] += 1;
  const needle = filters.q?.toLocaleLowerCase(locale);
  const matching = all.filter((row) =>
    (!filters.area || row.area.code === filters.area || row.area.parentCode === filters.area) &&
    (!filters.assignee || (filters.assignee === 'none' ? !row.assignee : filters.assignee === 'ready' ? row.ready : row.assignee?.id === filters.assignee)) &&
    (!filters.state || row.state === filters.state) &&
    (!needle || row.reference.toLocaleLowerCase(locale).includes(needle) ||
      textsOf.get(row.commitmentId)!.some((text) => text.text.toLocaleLowerCase(locale).includes(needle))),
  );
  const areas = new Map<string, AreaTitle>();
  for (const commitment of visible) {
    const top = commitment.thematicArea.parent ?? commitment.thematicArea;
    areas.set(top.code, areaTitle(top, locale));
  }
  const pages = Math.max(1, Math.ceil(matching.length / WORKLIST_PAGE_SIZE));
  // A page past the end shows the last one.
  const page = Math.min(filters.page ?? 1, pages);
  return {
    entity,
    cycle: { ...toCycle(cycle, locale), daysLeft: daysLeft(cycle.closesAt, now) },
    expected: true,
    rows: matching.slice((page - 1) * WORKLIST_PAGE_SIZE, page * WORKLIST_PAGE_SIZE),
    matching: matching.length,
    page,
    pages,
    counts: { total: all.length, reported: byState.SUBMITTED + byState.ACCEPTED, byState },
    areas: [...areas.values()].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })),
    scope,
  };
}

export type EvidenceOfReport = {
  id: string;
  kind: 'PARAGRAPH' | 'URL' | 'FILE';
  label: string;
  href: string;
  /** The paragraph's text, for the reviewer to read in place. */
  text: string | null;
  textLocale: string | null;
  note: string;
  file: { size: number } | null;
};

export type TimelineEvent = {
  id: string;
  /** A step of the report, or a change of who drafts it. */
  type: StatusEventType | 'ASSIGNED' | 'UNASSIGNED';
  /** The contributor an assignment event names. */
  assignee?: string;
  at: Date;
  by: string | null;
  comment: string | null;
  cycle: { code: string; name: string };
  status: ImplementationStatus | null;
  late: boolean;
};

export type ReportVersionView = { status: ImplementationStatus | null; narrative: string; asOf: string | null };

export type ReportView = {
  cycle: CycleSummary;
  entity: { id: string; code: string; name: string };
  commitment: {
    id: string; reference: string; citation: { symbol: string; reference: string };
    instrument: { code: string; symbol: string; slug: string; isDemo: boolean; title: string; titleLocale: string };
    area: AreaTitle;
    text: ShownText | null;
    provenance: { locale: string; sourceName: string; importedAt: Date }[];
  };
  report: (ReportVersionView & {
    id: string; state: WorkflowState; version: number; submittedAt: Date | null; submittedBy: string | null;
    reviewedAt: Date | null; reviewedBy: string | null; reviewComment: string | null; updatedAt: Date; updatedBy: string | null;
  }) | null;
  previousAccepted: (ReportVersionView & { cycleName: string }) | null;
  evidence: EvidenceOfReport[];
  timeline: TimelineEvent[];
  /** The accepted status per cycle, oldest first, every cycle that has closed or is open. */
  series: { cycleCode: string; cycleName: string; periodEnd: Date; status: ImplementationStatus | null }[];
  allowed: Transition[];
  isStaff: boolean;
  assignee: { id: string; name: string } | null;
  /** When and by whom the draft was marked ready, while it waits for the coordinator. */
  ready: { at: Date; by: string | null } | null;
};

const asOfString = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The report page: 404 for a reader who may not see the entity's reports, or outside the cycle's scope. */
export async function getReportView(
  user: SessionUser, key: { cycleCode: string; entityCode: string; commitmentId: string }, locale: string, now = new Date(),
): Promise<ReportView> {
  const entity = await findEntity(user, key.entityCode, locale);
  const cycle = await db.reportingCycle.findUnique({ where: { code: key.cycleCode }, select: cycleSelect });
  if (!cycle) notFound();
  const commitment = await db.commitment.findFirst({
    where: { id: key.commitmentId.slice(0, 40), instrument: { cycles: { some: { cycleId: cycle.id } } } },
    select: {
      id: true, reference: true,
      instrument: { select: { code: true, symbol: true, isDemo: true, title: true } },
      thematicArea: { select: { code: true, title: true } },
      texts: { orderBy: { locale: 'asc' }, select: { locale: true, text: true, importedAt: true, sourceName: true } },
    },
  });
  if (!commitment) notFound();
  const assignment = await db.assignment.findUnique({
    where: { cycleId_entityId_commitmentId: { cycleId: cycle.id, entityId: entity.id, commitmentId: commitment.id } },
    select: { assignee: { select: { id: true, name: true } } },
  });
  const assigneeId = assignment?.assignee.id ?? null;
  if (!can(user, 'status-report.read', { entityId: entity.id, assigneeId })) notFound();
  const report = await db.statusReport.findUnique({
    where: { entityId_commitmentId_cycleId: { entityId: entity.id, commitmentId: commitment.id, cycleId: cycle.id } },
    select: {
      id: true, state: true, version: true, status: true, narrative: true, asOf: true, submittedAt: true, reviewedAt: true, reviewComment: true, updatedAt: true,
      readyAt: true, readyBy: { select: { name: true } },
      submittedBy: { select: { name: true } }, reviewedBy: { select: { name: true } }, updatedBy: { select: { name: true } },
    },
  });
  if (!report && !(await db.cycleEntity.findUnique({ where: { cycleId_entityId: { cycleId: cycle.id, entityId: entity.id } }, select: { entityId: true } }))) notFound();

  const [previous, evidence, events, accepted, cycles, assignmentEvents] = await Promise.all([
    db.statusReport.findFirst({
      where: { entityId: entity.id, commitmentId: commitment.id, state: 'ACCEPTED', cycle: { opensAt: { lt: cycle.opensAt } } },
      orderBy: { cycle: { opensAt: 'desc' } },
      select: { status: true, narrative: true, asOf: true, cycle: { select: { name: true } } },
    }),
    report ? listReportEvidence(report.id, locale) : Promise.resolve([]),
    db.statusEvent.findMany({
      where: { statusReport: { entityId: entity.id, commitmentId: commitment.id } },
      orderBy: { at: 'asc' },
      select: {
        id: true, type: true, at: true, comment: true, snapshot: true, by: { select: { name: true } },
        statusReport: { select: { cycle: { select: { code: true, name: true } } } },
      },
    }),
    db.statusReport.findMany({
      where: { entityId: entity.id, commitmentId: commitment.id, state: 'ACCEPTED' },
      select: { cycleId: true, status: true },
    }),
    db.reportingCycle.findMany({ where: { state: { in: ['OPEN', 'CLOSED'] } }, orderBy: { opensAt: 'asc' }, select: { id: true, code: true, name: true, periodEnd: true } }),
    db.assignmentEvent.findMany({
      where: { entityId: entity.id, commitmentId: commitment.id },
      orderBy: { at: 'asc' },
      select: { id: true, type: true, at: true, cycleId: true, assigneeId: true, assigneeEmail: true, by: { select: { name: true } } },
    }),
  ]);
  // Contributors are named as people see them elsewhere; an address only for an account since removed.
  const assigneeIds = [...new Set(assignmentEvents.flatMap((event) => event.assigneeId ?? []))];
  const assigneeNames = new Map((assigneeIds.length ? await db.user.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, name: true } }) : [])
    .map((person) => [person.id, person.name]));
  const acceptedBy = new Map(accepted.map((row) => [row.cycleId, row.status]));
  const isStaff = can(user, 'status-report.review');

  return {
    cycle: toCycle(cycle, locale),
    entity: { id: entity.id, code: entity.code, name: entity.name },
    commitment: {
      id: commitment.id,
      reference: displayReference(commitment.reference, locale),
      citation: { symbol: commitment.instrument.symbol, reference: displayReference(commitment.reference, locale) },
      instrument: { ...commitment.instrument, slug: slugOf(commitment.instrument.code), ...localizedTitle(commitment.instrument.title, locale) },
      area: areaTitle(commitment.thematicArea, locale),
      text: pickCommitmentText(commitment.texts, locale),
      // The imported file's name is internal: staff who import see it, everyone else the instrument's symbol.
      provenance: commitment.texts.map((text) => ({
        locale: text.locale, sourceName: can(user, 'catalogue.import') ? text.sourceName : commitment.instrument.symbol, importedAt: text.importedAt,
      })),
    },
    report: report && {
      id: report.id, state: report.state, version: report.version, status: report.status, narrative: report.narrative, asOf: asOfString(report.asOf),
      submittedAt: report.submittedAt, submittedBy: report.submittedBy?.name ?? null, reviewedAt: report.reviewedAt, reviewedBy: report.reviewedBy?.name ?? null,
      reviewComment: report.reviewComment, updatedAt: report.updatedAt, updatedBy: report.updatedBy?.name ?? null,
    },
    previousAccepted: previous && { status: previous.status, narrative: previous.narrative, asOf: asOfString(previous.asOf), cycleName: localized(previous.cycle.name, locale) },
    evidence,
    timeline: [
      ...events.map((event): TimelineEvent => {
        const snapshot = (event.snapshot ?? {}) as { status?: ImplementationStatus | null; late?: boolean };
        return {
          id: event.id, type: event.type, at: event.at, by: event.by?.name ?? null, comment: event.comment,
          cycle: { code: event.statusReport.cycle.code, name: localized(event.statusReport.cycle.name, locale) },
          status: snapshot.status ?? null, late: snapshot.late === true,
        };
      }),
      ...assignmentEvents.map((event): TimelineEvent => {
        const eventCycle = cycles.find((row) => row.id === event.cycleId) ?? (event.cycleId === cycle.id ? cycle : null);
        return {
          id: event.id, type: event.type, at: event.at, by: event.by?.name ?? null, comment: null,
          assignee: (event.assigneeId && assigneeNames.get(event.assigneeId)) || event.assigneeEmail,
          cycle: { code: eventCycle?.code ?? '', name: eventCycle ? localized(eventCycle.name, locale) : '' },
          status: null, late: false,
        };
      }),
    ].sort((a, b) => a.at.getTime() - b.at.getTime()),
    series: cycles.map((row) => ({ cycleCode: row.code, cycleName: localized(row.name, locale), periodEnd: row.periodEnd, status: acceptedBy.get(row.id) ?? null })),
    allowed: allowedTransitions({
      actor: user, now,
      report: { entityId: entity.id, state: report?.state ?? null, assigneeId },
      cycle: { state: cycle.state, opensAt: cycle.opensAt, closesAt: cycle.closesAt },
    }),
    isStaff,
    assignee: assignment?.assignee ?? null,
    ready: report?.readyAt && (report.state === 'DRAFT' || report.state === 'RETURNED') ? { at: report.readyAt, by: report.readyBy?.name ?? null } : null,
  };
}

async function listReportEvidence(reportId: string, locale: string): Promise<EvidenceOfReport[]> {
  const links = await db.evidenceLink.findMany({
    where: { statusReportId: reportId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true, kind: true, url: true, title: true, note: true,
      paragraph: { select: { number: true, text: true, document: { select: { symbol: true, language: true } } } },
      file: { select: { id: true, fileName: true, size: true } },
    },
  });
  return links.map((link) => {
    if (link.kind === 'PARAGRAPH' && link.paragraph) {
      const { symbol, language } = link.paragraph.document;
      return {
        id: link.id, kind: 'PARAGRAPH', note: link.note, file: null,
        label: paragraphCitation(locale, symbol, link.paragraph.number),
        href: paragraphPath({ slug: slugOf(symbol), language }, link.paragraph.number),
        text: link.paragraph.text, textLocale: language,
      };
    }
    if (link.kind === 'FILE' && link.file) {
      return { id: link.id, kind: 'FILE', note: link.note, label: link.file.fileName, href: `/api/evidence/files/${link.file.id}`, text: null, textLocale: null, file: { size: link.file.size } };
    }
    return { id: link.id, kind: 'URL', note: link.note, label: link.title ?? link.url ?? '', href: link.url ?? '', text: null, textLocale: null, file: null };
  });
}

export type ParagraphHit = { id: string; citation: string; text: string; language: string };

/** Paragraphs of imported documents containing the words, for attaching to a report. */
export async function searchParagraphsForReport(q: string, locale: string, limit = 20): Promise<{ hits: ParagraphHit[]; total: number }> {
  const where = { text: { contains: literalPattern(q), mode: 'insensitive' as const } };
  const [rows, total] = await Promise.all([
    db.paragraph.findMany({
      where, take: limit,
      orderBy: [{ document: { symbol: 'asc' } }, { number: 'asc' }],
      select: { id: true, number: true, text: true, document: { select: { symbol: true, language: true } } },
    }),
    db.paragraph.count({ where }),
  ]);
  return {
    hits: rows.map((row) => ({ id: row.id, citation: paragraphCitation(locale, row.document.symbol, row.number), text: row.text, language: row.document.language })),
    total,
  };
}

export type ReviewRow = {
  id: string;
  version: number;
  entity: { code: string; name: string };
  commitment: { id: string; reference: string; symbol: string; areaCode: string };
  cycle: { code: string; name: string };
  state: WorkflowState;
  status: ImplementationStatus | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  late: boolean;
  href: string;
};

export const REVIEW_PAGE_SIZE = 100;

/** The secretariat's queue: submissions (or the state asked for), oldest first. */
export async function listReviewQueue(user: SessionUser, filters: ReviewFilters, locale: string) {
  if (!can(user, 'status-report.review')) notFound();
  const cycles = await db.reportingCycle.findMany({ where: { state: { in: ['OPEN', 'CLOSED'] } }, orderBy: { opensAt: 'desc' }, select: cycleSelect });
  const cycle = filters.cycle ? cycles.find((row) => row.code === filters.cycle) : (cycles.find((row) => row.state === 'OPEN') ?? cycles[0]);
  const [instruments, areas] = await Promise.all([
    db.instrument.findMany({ orderBy: { order: 'asc' }, select: { code: true, symbol: true } }),
    db.thematicArea.findMany({ where: { parentId: null }, orderBy: { order: 'asc' }, select: { code: true, title: true } }),
  ]);
  const base = { cycles: cycles.map((row) => toCycle(row, locale)), cycle: cycle ? toCycle(cycle, locale) : null, instruments, areas: areas.map((area) => areaTitle(area, locale)) };
  if (!cycle) return { ...base, rows: [] as ReviewRow[], total: 0, page: 1, pages: 1 };

  // Accepted reports are found as the summaries count them: by the area and regional group they
  // had when accepted, so that a number of a summary leads to exactly the reports behind it.
  const state = filters.state ?? ('SUBMITTED' as const);
  const asAccepted = state === 'ACCEPTED';
  const areaWhere = filters.area ? { OR: [{ code: filters.area }, { parent: { code: filters.area } }] } : undefined;
  const kindWhere = filters.kind === 'MEMBER_STATE' ? { equals: 'MEMBER_STATE' as const } : filters.kind === 'OTHER' ? { not: 'MEMBER_STATE' as const } : undefined;
  const entityWhere = {
    ...(filters.entity ? { code: { equals: literalPattern(filters.entity), mode: 'insensitive' as const } } : {}),
    ...(filters.group && !asAccepted ? { regionalGroup: filters.group } : {}),
    ...(kindWhere && !asAccepted ? { kind: kindWhere } : {}),
  };
  const where = {
    cycleId: cycle.id,
    state,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.commitment ? { commitmentId: filters.commitment } : {}),
    ...(Object.keys(entityWhere).length > 0 ? { entity: entityWhere } : {}),
    ...(asAccepted && (areaWhere || filters.group || filters.kind) ? {
      accepted: { is: {
        ...(areaWhere ? { thematicArea: areaWhere } : {}),
        ...(filters.group ? { regionalGroup: filters.group } : {}),
        ...(kindWhere ? { entityKind: kindWhere } : {}),
      } },
    } : {}),
    ...((areaWhere && !asAccepted) || filters.instrument ? {
      commitment: {
        ...(areaWhere && !asAccepted ? { thematicArea: areaWhere } : {}),
        ...(filters.instrument ? { instrument: { code: filters.instrument } } : {}),
      },
    } : {}),
  };
  const [rows, total] = await Promise.all([
    db.statusReport.findMany({
      where,
      orderBy: [{ submittedAt: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'asc' }, { id: 'asc' }],
      skip: ((filters.page ?? 1) - 1) * REVIEW_PAGE_SIZE,
      take: REVIEW_PAGE_SIZE,
      select: {
        id: true, version: true, state: true, status: true, submittedAt: true,
        submittedBy: { select: { name: true } },
        entity: { select: { code: true, name: true } },
        commitment: { select: { id: true, reference: true, instrument: { select: { symbol: true } }, thematicArea: { select: { code: true } } } },
      },
    }),
    db.statusReport.count({ where }),
  ]);
  return {
    ...base,
    total,
    page: filters.page ?? 1,
    pages: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)),
    rows: rows.map((row): ReviewRow => ({
      id: row.id, version: row.version, state: row.state, status: row.status, submittedAt: row.submittedAt,
      submittedBy: row.submittedBy?.name ?? null,
      entity: { code: row.entity.code, name: localized(row.entity.name, locale) },
      commitment: { id: row.commitment.id, reference: displayReference(row.commitment.reference, locale), symbol: row.commitment.instrument.symbol, areaCode: row.commitment.thematicArea.code },
      cycle: { code: cycle.code, name: localized(cycle.name, locale) },
      late: row.submittedAt !== null && row.submittedAt > cycle.closesAt,
      href: reportPath(cycle.code, row.entity.code, row.commitment.id),
    })),
  };
}

/** The dashboard's counts: a focal point's worklist progress, the secretariat's waiting submissions. */
export async function getDashboardCounts(user: SessionUser) {
  const cycle = await db.reportingCycle.findFirst({ where: { state: 'OPEN' }, select: { id: true } });
  if (!cycle) return null;
  const waiting = can(user, 'status-report.review') ? await db.statusReport.count({ where: { cycleId: cycle.id, state: 'SUBMITTED' } }) : null;
  if (user.role === 'CONTRIBUTOR') return { waiting, own: null, assigned: await contributorCounts(user, cycle.id) };
  if (!user.entityId || !can(user, 'status-report.read', { entityId: user.entityId })) return { waiting, own: null, assigned: null };
  const expected = await db.cycleEntity.findUnique({ where: { cycleId_entityId: { cycleId: cycle.id, entityId: user.entityId } }, select: { entityId: true } });
  if (!expected) return { waiting, own: null, assigned: null };
  const [total, states] = await Promise.all([
    db.commitment.count({ where: { instrument: { cycles: { some: { cycleId: cycle.id } } } } }),
    db.statusReport.groupBy({ by: ['state'], where: { cycleId: cycle.id, entityId: user.entityId }, _count: { _all: true } }),
  ]);
  const count = (state: WorkflowState) => states.find((row) => row.state === state)?._count._all ?? 0;
  return {
    waiting,
    own: { total, reported: count('SUBMITTED') + count('ACCEPTED'), returned: count('RETURNED'), drafts: count('DRAFT') },
    assigned: null,
  };
}

/** A contributor's assignments in the open cycle: how many, how many drafted, how many handed over. */
async function contributorCounts(user: SessionUser, cycleId: string) {
  const assignments = await db.assignment.findMany({ where: { cycleId, assigneeId: user.id }, select: { entityId: true, commitmentId: true } });
  const reports = assignments.length
    ? await db.statusReport.findMany({
      where: { cycleId, OR: assignments.map((row) => ({ entityId: row.entityId, commitmentId: row.commitmentId })) },
      select: { readyAt: true, state: true },
    })
    : [];
  return {
    total: assignments.length,
    drafted: reports.length,
    handedOver: reports.filter((report) => report.readyAt || report.state === 'SUBMITTED' || report.state === 'ACCEPTED').length,
  };
}
