import 'server-only';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { badRequest, notFound } from '@/lib/open-data/respond';
import { computeTrend } from './compute';
import { keptAreaSummary } from './figures-cache';
import { DISTRIBUTION_KEYS, type Distribution } from './figures';
import type { PublishedFigures } from './mutations';
import { publicTrend, publishedCycles, publishedFigures } from './publication';

// GET /api/v1/summaries/{areaCode}?cycle={cycleCode}: a thematic area's summary as open data.
// Anyone gets the figures of the standing publication of a cycle (404 for one never published,
// or withdrawn); the secretariat gets live figures of any open or closed cycle, and the
// published ones with ?version=published.

export async function summaryForApi(user: SessionUser | null, areaCode: string, cycleCode: string, version: 'published' | undefined) {
  const area = await db.thematicArea.findUnique({ where: { code: areaCode.toUpperCase() }, select: { code: true, title: true } });
  if (!area) throw notFound(`No thematic area has the code "${areaCode}". GET /api/v1/thematic-areas lists them.`);
  const cycle = await db.reportingCycle.findUnique({ where: { code: cycleCode }, select: { id: true, code: true, state: true } });
  const staff = can(user, 'summary.read-unpublished');
  if (!cycle || (cycle.state === 'PLANNED' && !staff)) throw notFound(`No reporting cycle has the code "${cycleCode}". GET /api/v1/cycles lists them.`);
  const publication = (await publishedCycles(db)).get(cycle.id);

  if (staff && version !== 'published') {
    if (cycle.state === 'PLANNED') throw badRequest(`Cycle "${cycleCode}" has not opened yet: it has no figures.`);
    const earlier = await db.reportingCycle.findMany({ where: { state: { in: ['OPEN', 'CLOSED'] }, opensAt: { lte: (await db.reportingCycle.findUniqueOrThrow({ where: { id: cycle.id }, select: { opensAt: true } })).opensAt } }, select: { id: true } });
    const [summary, trend] = await Promise.all([
      keptAreaSummary(db, cycle.id, area.code),
      computeTrend(db, area.code, {}, earlier.map((row) => row.id)),
    ]);
    return shape(area, { code: cycle.code, published: Boolean(publication), live: true }, { ...summary!, trend });
  }
  const figures = publication ? (await publishedFigures(db, publication)).areas?.[area.code] : undefined;
  if (!publication || !figures) throw notFound(`The summaries of cycle "${cycleCode}" are not published.`);
  // Earlier cycles withdrawn since this publication drop out of its trend.
  const [published, cycles] = await Promise.all([publishedCycles(db), db.reportingCycle.findMany({ select: { id: true, code: true } })]);
  const trend = publicTrend(figures.trend, new Set(cycles.flatMap((row) => (published.has(row.id) ? [row.code] : []))));
  return shape(area, { code: cycle.code, published: true, live: false, version: publication.version, publishedAt: publication.at.toISOString() }, { ...figures, trend });
}

/**
 * The fields in the order the API documents them, extra ones (sub-areas, regions) after. Stored
 * figures come back from JSONB with their keys reordered: the order is set here again.
 */
function shape(area: { code: string; title: unknown }, cycle: Record<string, unknown>, figures: PublishedFigures['areas'][string]) {
  const ordered = (distribution: Distribution) => Object.fromEntries(DISTRIBUTION_KEYS.map((key) => [key, distribution[key]]));
  const point = (row: { distribution: Distribution; progressIndex: number | null }) => ({ distribution: ordered(row.distribution), progressIndex: row.progressIndex });
  const { expected, reporting, memberStatesExpected, memberStatesReporting } = figures.entities;
  return {
    area: { code: area.code, title: area.title },
    cycle,
    entities: { expected, reporting, memberStatesExpected, memberStatesReporting },
    distribution: ordered(figures.distribution),
    progressIndex: figures.progressIndex,
    byRegionalGroup: figures.byRegionalGroup.map((row) => ({ group: row.group, ...point(row) })),
    commitments: figures.commitments.map((row) => ({ reference: row.reference, instrument: row.instrument, area: row.area, ...point(row) })),
    trend: figures.trend,
    subAreas: figures.subAreas.map((row) => ({ code: row.code, ...point(row) })),
    byRegion: figures.byRegion.map((row) => ({ region: row.region, ...point(row) })),
  };
}
