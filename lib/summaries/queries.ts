import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { localized } from '@/lib/i18n/localized';
import { computeTrend, type AreaSummary, type SummaryFilters } from './compute';
import { keptAreaSummary } from './figures-cache';
import { publicTrend, publishedCycles, publishedFigures, type Publication } from './publication';
import { loadNarrativeDraft } from './narrative-draft';
import type { Locale } from '@/lib/i18n/routing';
import { areaTitle, type AreaTitle } from '@/lib/catalogue/queries';

// Summaries as each reader may see them. The secretariat reads live figures (or, when asked,
// the published ones) of every open or closed cycle, with filters; everyone else reads only what
// was published: the figures frozen with the standing publication of a cycle, never live data.

export type TrendPoint = { cycle: string; progressIndex: number | null };
export type SummaryFigures = AreaSummary & { trend: TrendPoint[] };

export type CycleOption = { id: string; code: string; name: string; state: string; published: Publication | null };

export type SummaryView = {
  cycle: CycleOption;
  cycles: CycleOption[];
  /** Live figures (secretariat), or the published record. */
  live: boolean;
  summary: SummaryFigures;
  /** Titles with the language each is shown in (English where the reader's is missing). */
  area: AreaTitle & { parent: AreaTitle | null; subAreas: AreaTitle[] };
};

export type SummaryRequest = { cycle?: string; version?: 'published'; filters: SummaryFilters };

/** The cycles a reader may choose among, newest first: open and closed ones for the secretariat, published ones for everyone else. */
export async function summaryCycles(user: SessionUser | null, locale: string): Promise<CycleOption[]> {
  const [cycles, published] = await Promise.all([
    db.reportingCycle.findMany({ where: { state: { in: ['OPEN', 'CLOSED'] } }, orderBy: { opensAt: 'desc' }, select: { id: true, code: true, name: true, state: true } }),
    publishedCycles(db),
  ]);
  const options = cycles.map((cycle) => ({ ...cycle, name: localized(cycle.name, locale), published: published.get(cycle.id) ?? null }));
  return can(user, 'summary.read-unpublished') ? options : options.filter((cycle) => cycle.published);
}

/** Which cycle a request means: the one named (404 when the reader may not see it), else the open one, else the newest. */
function chooseCycle(cycles: CycleOption[], code: string | undefined): CycleOption | null {
  if (code) return cycles.find((cycle) => cycle.code === code) ?? notFound();
  return cycles.find((cycle) => cycle.state === 'OPEN' && cycle.published) ?? cycles.find((cycle) => cycle.state === 'OPEN') ?? cycles[0] ?? null;
}

function readsLive(user: SessionUser | null, request: SummaryRequest) {
  return can(user, 'summary.read-unpublished') && request.version !== 'published';
}

async function areaTitles(code: string, locale: string): Promise<SummaryView['area']> {
  const area = await db.thematicArea.findUnique({
    where: { code },
    select: { code: true, title: true, parent: { select: { code: true, title: true } }, subAreas: { orderBy: { order: 'asc' }, select: { code: true, title: true } } },
  });
  if (!area) notFound();
  return {
    ...areaTitle(area, locale),
    parent: area.parent ? areaTitle(area.parent, locale) : null,
    subAreas: area.subAreas.map((sub) => areaTitle(sub, locale)),
  };
}

/** The figures of an area in a cycle, or null when nothing is published for this reader yet. */
export async function getAreaSummaryView(user: SessionUser | null, areaCode: string, request: SummaryRequest, locale: string): Promise<SummaryView | null> {
  const area = await areaTitles(areaCode, locale);
  const cycles = await summaryCycles(user, locale);
  const cycle = chooseCycle(cycles, request.cycle);
  if (!cycle) return null;
  if (readsLive(user, request)) {
    const [summary, trend] = await Promise.all([
      keptAreaSummary(db, cycle.id, area.code, request.filters),
      // This cycle and the ones before it (the list is newest first).
      computeTrend(db, area.code, request.filters, cycles.slice(cycles.indexOf(cycle)).map((option) => option.id)),
    ]);
    if (!summary) notFound();
    return { cycle, cycles, live: true, summary: { ...summary, trend }, area };
  }
  if (!cycle.published) return null;
  if (hasFilters(request.filters)) {
    // Narrowed views of published figures are counted from what each publication covered: the
    // reports of published cycles accepted up to their publication, never later ones.
    const cutoffs = new Map(cycles.slice(cycles.indexOf(cycle)).flatMap((option) => (option.published ? [[option.id, option.published.at] as const] : [])));
    const [summary, trend] = await Promise.all([
      keptAreaSummary(db, cycle.id, area.code, { ...request.filters, acceptedUpTo: cycle.published.at }),
      computeTrend(db, area.code, request.filters, undefined, cutoffs),
    ]);
    if (!summary) notFound();
    return { cycle, cycles, live: false, summary: { ...summary, trend }, area };
  }
  const figures = (await publishedFigures(db, cycle.published)).areas?.[area.code];
  if (!figures) return null;
  const publishedCodes = new Set(cycles.flatMap((option) => (option.published ? [option.code] : [])));
  return { cycle, cycles, live: false, summary: { ...figures, trend: publicTrend(figures.trend, publishedCodes) }, area };
}

const hasFilters = (filters: SummaryFilters) => Boolean(filters.instrument || filters.entityKind || filters.group);

export type AreaOverview = AreaTitle & { summary: SummaryFigures | null };

/** The seven chapters side by side, for one cycle. */
export async function getSummariesOverview(user: SessionUser | null, request: SummaryRequest, locale: string) {
  const cycles = await summaryCycles(user, locale);
  const cycle = chooseCycle(cycles, request.cycle);
  const chapters = await db.thematicArea.findMany({ where: { parentId: null }, orderBy: { order: 'asc' }, select: { code: true, title: true } });
  if (!cycle) return { cycle: null, cycles, live: false, areas: chapters.map((area) => ({ ...areaTitle(area, locale), summary: null })) };
  const live = readsLive(user, request);
  const stored = !live && cycle.published ? await publishedFigures(db, cycle.published) : null;
  const areas: AreaOverview[] = await Promise.all(chapters.map(async (area) => {
    const summary = live
      ? await keptAreaSummary(db, cycle.id, area.code, request.filters).then((figures) => (figures ? { ...figures, trend: [] } : null))
      : (stored?.areas?.[area.code] ?? null);
    return { ...areaTitle(area, locale), summary };
  }));
  return { cycle, cycles, live, areas };
}

/** Who published a cycle's summaries and who withdrew them, newest first (secretariat only). */
export async function listPublications(user: SessionUser, cycleId: string) {
  if (!can(user, 'summary.publish')) return [];
  return db.summaryPublication.findMany({
    where: { cycleId },
    orderBy: { version: 'desc' },
    select: { version: true, action: true, reason: true, at: true, byEmail: true, by: { select: { name: true } } },
  });
}

/** The latest published cycle's figures of every area, for the home page (what anyone may read). */
export async function getLatestPublished(locale: string) {
  const published = await publishedCycles(db);
  if (published.size === 0) return null;
  const cycle = await db.reportingCycle.findFirst({
    where: { id: { in: [...published.keys()] } }, orderBy: { opensAt: 'desc' }, select: { id: true, code: true, name: true },
  });
  if (!cycle) return null;
  const figures = (await publishedFigures(db, published.get(cycle.id)!)).areas ?? {};
  return { cycle: { code: cycle.code, name: localized(cycle.name, locale) }, areas: figures };
}

/**
 * The data of an area's narrative draft in a cycle (the open one, else the latest closed, when
 * none is named): for those who may read unpublished figures only, since it holds accepted
 * reports not yet published. Null for anyone else, and for an area or cycle that does not exist.
 */
export async function getNarrativeDraftData(user: SessionUser | null, input: { cycleCode?: string; areaCode: string; locale: Locale }) {
  if (!can(user, 'summary.read-unpublished')) return null;
  if (input.areaCode.length > 20 || (input.cycleCode?.length ?? 0) > 40) return null;
  return loadNarrativeDraft(db, input);
}
