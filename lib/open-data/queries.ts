// The reads behind the open-data API. Who sees what is decided here, per caller, with the same
// rules as the pages: lib/summaries/publication.ts says which reports are published, and
// lib/auth/permissions.ts who may read the others.
import 'server-only';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CycleState, EntityKind, EvidenceKind, ImplementationStatus, RegionalGroup, WorkflowState } from '@/lib/generated/prisma/enums';
import { publishedCycles, visibleReportsWhere } from '@/lib/summaries/publication';
import { paragraphCitation } from '@/lib/evidence/queries';
import { paragraphPath } from '@/lib/documents/citation';
import { routing } from '@/lib/i18n/routing';
import { slugOf } from '@/lib/slug';
import { decodeCursor, encodeCursor } from './cursor';
import { forbidden, notFound, type OpenDataQuery } from './respond';

/** Titles and names as stored: one string per locale ({ "en": "...", "zh": "..." }). */
export type LocalizedText = Record<string, string>;

const day = (date: Date) => date.toISOString().slice(0, 10);

function localizedText(value: unknown): LocalizedText {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

// ---------------------------------------------------------------------------------------------
// Thematic areas

export type OpenThematicArea = { code: string; parent: string | null; title: LocalizedText };

type AreaRow = { id: string; code: string; parentId: string | null; order: number; title: unknown };

async function allAreas(): Promise<AreaRow[]> {
  return db.thematicArea.findMany({ orderBy: [{ order: 'asc' }, { code: 'asc' }], select: { id: true, code: true, parentId: true, order: true, title: true } });
}

/** Each chapter in its order, followed by its sub-areas in theirs (an area's `order` counts among its siblings). */
function inTreeOrder(areas: AreaRow[]): AreaRow[] {
  const children = new Map<string | null, AreaRow[]>();
  for (const area of areas) children.set(area.parentId, [...(children.get(area.parentId) ?? []), area]);
  const ordered: AreaRow[] = [];
  const visit = (parentId: string | null) => {
    for (const area of children.get(parentId) ?? []) {
      ordered.push(area);
      visit(area.id);
    }
  };
  visit(null);
  return ordered;
}

export async function listOpenThematicAreas(): Promise<OpenThematicArea[]> {
  const areas = await allAreas();
  const codeOf = new Map(areas.map((area) => [area.id, area.code]));
  return inTreeOrder(areas).map((area) => ({ code: area.code, parent: area.parentId ? codeOf.get(area.parentId) ?? null : null, title: localizedText(area.title) }));
}

// ---------------------------------------------------------------------------------------------
// Cycles

export type OpenCycle = {
  code: string;
  name: LocalizedText;
  period: { start: string; end: string };
  deadline: string;
  state: CycleState;
  published: boolean;
};

/** Those who write or review reports see cycles being prepared; everyone else the open and closed ones. */
function visibleCycleStates(user: SessionUser | null): CycleState[] {
  return can(user, 'status-report.read', { entityId: user?.entityId ?? null }) ? ['PLANNED', 'OPEN', 'CLOSED'] : ['OPEN', 'CLOSED'];
}

export async function listOpenCycles(user: SessionUser | null): Promise<OpenCycle[]> {
  const [cycles, published] = await Promise.all([
    db.reportingCycle.findMany({
      where: { state: { in: visibleCycleStates(user) } },
      orderBy: [{ opensAt: 'asc' }, { code: 'asc' }],
      select: { id: true, code: true, name: true, periodStart: true, periodEnd: true, closesAt: true, state: true },
    }),
    publishedCycles(db),
  ]);
  return cycles.map((cycle) => ({
    code: cycle.code,
    name: localizedText(cycle.name),
    period: { start: day(cycle.periodStart), end: day(cycle.periodEnd) },
    deadline: cycle.closesAt.toISOString(),
    state: cycle.state,
    published: published.has(cycle.id),
  }));
}

// ---------------------------------------------------------------------------------------------
// Status reports

export const REPORT_STATES = ['ACCEPTED', 'SUBMITTED', 'RETURNED', 'DRAFT'] as const satisfies readonly WorkflowState[];
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

export type OpenEvidence = { kind: EvidenceKind; citation?: string; url?: string; title?: string };

export type OpenStatusReport = {
  id: string;
  cycle: string;
  entity: { code: string; kind: EntityKind; regionalGroup: RegionalGroup | null };
  commitment: { instrument: string; reference: string; area: string };
  state: WorkflowState;
  status: ImplementationStatus | null;
  asOf: string | null;
  narrative: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  evidence: OpenEvidence[];
};

export type StatusReportPage = { data: OpenStatusReport[]; nextCursor: string | null };

const reportSelect = {
  id: true, entityId: true, state: true, status: true, asOf: true, narrative: true, submittedAt: true, reviewedAt: true,
  cycle: { select: { code: true } },
  entity: { select: { code: true, kind: true, regionalGroup: true } },
  commitment: { select: { reference: true, instrument: { select: { code: true } }, thematicArea: { select: { code: true } } } },
  evidence: {
    where: { state: 'ACCEPTED' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      kind: true, url: true, title: true,
      file: { select: { id: true, fileName: true } },
      paragraph: { select: { number: true, document: { select: { symbol: true, language: true, title: true } } } },
    },
  },
} satisfies Prisma.StatusReportSelect;

type ReportRecord = Prisma.StatusReportGetPayload<{ select: typeof reportSelect }>;

function evidenceOf(user: SessionUser | null, report: ReportRecord): OpenEvidence[] {
  const locale = routing.defaultLocale;
  return report.evidence.flatMap((link): OpenEvidence[] => {
    if (link.kind === 'PARAGRAPH' && link.paragraph) {
      const { symbol, language, title } = link.paragraph.document;
      return [{
        kind: 'PARAGRAPH',
        citation: paragraphCitation(locale, symbol, link.paragraph.number),
        url: `/${locale}${paragraphPath({ slug: slugOf(symbol), language }, link.paragraph.number)}`,
        title,
      }];
    }
    if (link.kind === 'URL' && link.url) return [{ kind: 'URL', url: link.url, ...(link.title ? { title: link.title } : {}) }];
    if (link.kind === 'FILE' && link.file) {
      // The download is served only to those who may read the report (app/api/evidence/files).
      const mayDownload = can(user, 'status-report.read', { entityId: report.entityId });
      return [{ kind: 'FILE', title: link.file.fileName, ...(mayDownload ? { url: `/api/evidence/files/${link.file.id}` } : {}) }];
    }
    return [];
  });
}

function toOpenReport(user: SessionUser | null, report: ReportRecord): OpenStatusReport {
  return {
    id: report.id,
    cycle: report.cycle.code,
    entity: report.entity,
    commitment: { instrument: report.commitment.instrument.code, reference: report.commitment.reference, area: report.commitment.thematicArea.code },
    state: report.state,
    status: report.status,
    asOf: report.asOf ? day(report.asOf) : null,
    narrative: report.narrative,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
    evidence: evidenceOf(user, report),
  };
}

/** Whether the caller may ask for reports that are not (yet) accepted: the secretariat all, a focal point its entity's. */
function mayReadUnaccepted(user: SessionUser | null): boolean {
  return can(user, 'status-report.review') || Boolean(user?.entityId && can(user, 'status-report.read', { entityId: user.entityId }));
}

/** The area and every area under it. */
async function areaAndDescendants(code: string): Promise<string[] | null> {
  const areas = await allAreas();
  const root = areas.find((area) => area.code === code);
  if (!root) return null;
  const ids = [root.id];
  for (let index = 0; index < ids.length; index += 1) ids.push(...areas.filter((area) => area.parentId === ids[index]).map((area) => area.id));
  return ids;
}

/**
 * One page of the status reports the caller may read, oldest id first. Codes that name nothing
 * (or a cycle the caller may not see) are a 404; unpublished or foreign reports are simply not
 * in the list.
 */
export async function listOpenStatusReports(user: SessionUser | null, query: OpenDataQuery): Promise<StatusReportPage> {
  const cycleCode = query.text('cycle', 40);
  const areaCode = query.text('area', 20);
  const entityCode = query.text('entity', 40);
  const state = query.choice('state', REPORT_STATES) ?? 'ACCEPTED';
  const cursor = query.text('cursor', 100);
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const limit = query.integer('limit', { min: 1, max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE });

  if (state !== 'ACCEPTED' && !mayReadUnaccepted(user)) {
    throw forbidden(`Only the secretariat and focal points (for their own entity) may ask for reports in the state ${state}; leave state out for the accepted reports.`);
  }

  const filters: Prisma.StatusReportWhereInput[] = [{ state }];
  if (cycleCode !== undefined) {
    const cycle = await db.reportingCycle.findFirst({ where: { code: cycleCode, state: { in: visibleCycleStates(user) } }, select: { id: true } });
    if (!cycle) throw notFound(`No reporting cycle has the code "${cycleCode}". GET /api/v1/cycles lists them.`);
    filters.push({ cycleId: cycle.id });
  }
  if (areaCode !== undefined) {
    const areaIds = await areaAndDescendants(areaCode);
    if (!areaIds) throw notFound(`No thematic area has the code "${areaCode}". GET /api/v1/thematic-areas lists them.`);
    // An accepted report counts under the area its commitment had when accepted, as in the
    // summaries and the exports; other states under the commitment's area now.
    filters.push(state === 'ACCEPTED' ? { accepted: { is: { thematicAreaId: { in: areaIds } } } } : { commitment: { thematicAreaId: { in: areaIds } } });
  }
  if (entityCode !== undefined) {
    const entity = await db.reportingEntity.findUnique({ where: { code: entityCode }, select: { id: true } });
    if (!entity) throw notFound(`No reporting entity has the code "${entityCode}" (States go by ISO 3166 alpha-3 codes, such as MEX; organizations by acronym, such as UNODC).`);
    filters.push({ entityId: entity.id });
  }
  if (after !== undefined) filters.push({ id: { gt: after } });

  const rows = await db.statusReport.findMany({
    where: { AND: [visibleReportsWhere(user, await publishedCycles(db)), ...filters] },
    orderBy: { id: 'asc' },
    take: limit + 1,
    select: reportSelect,
  });
  const page = rows.slice(0, limit);
  return {
    data: page.map((report) => toOpenReport(user, report)),
    nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null,
  };
}
