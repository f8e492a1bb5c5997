// The live figures of a thematic area in a cycle, counted by PostgreSQL over AcceptedStatus (the
// accepted record, grouped as it stood when accepted) with covering indexes: a handful of
// GROUP BY queries whose results are tens or hundreds of rows whatever the number of reports.
// Expected items come from the cycle's scope: its expected entities x the commitments it covers.
import type { Db } from '@/lib/db/client';
import type { ImplementationStatus, RegionalGroup } from '@/lib/generated/prisma/enums';
import { distributionOf, distributionsBy, progressIndex, type Distribution, type StatusCount } from './figures';
import { areaSummarySql, MOST_CITED, type SummaryFilters } from './summary-sql';
import { trendRows } from './trend-cache';

export { MOST_CITED, type SummaryFilters };

export const REGIONAL_GROUPS: readonly RegionalGroup[] = ['AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_CARIBBEAN', 'WESTERN_EUROPEAN_OTHERS'];

type Figures = { distribution: Distribution; progressIndex: number | null };

export type AreaSummary = {
  area: { code: string; parent: string | null };
  cycle: { code: string };
  entities: { expected: number; reporting: number; memberStatesExpected: number; memberStatesReporting: number };
  distribution: Distribution;
  progressIndex: number | null;
  byRegionalGroup: ({ group: RegionalGroup } & Figures)[];
  /** M49 regions (codes: 002 Africa, 019 Americas, 142 Asia, 150 Europe, 009 Oceania). */
  byRegion: ({ region: string } & Figures)[];
  commitments: ({ id: string; reference: string; instrument: string; area: string } & Figures)[];
  subAreas: ({ code: string } & Figures)[];
  /** The paragraphs most cited as evidence by the accepted reports, with how many reports cite each. */
  evidence: { symbol: string; language: string; number: number; reports: number }[];
};

const figuresOf = (distribution: Distribution): Figures => ({ distribution, progressIndex: progressIndex(distribution) });


/** The figures of one area (a chapter with its sub-areas, or a sub-area) in one cycle. */
export async function computeAreaSummary(db: Db, cycleId: string, areaCode: string, filters: SummaryFilters = {}): Promise<AreaSummary | null> {
  const [cycle, area] = await Promise.all([
    db.reportingCycle.findUnique({ where: { id: cycleId }, select: { code: true } }),
    db.thematicArea.findUnique({ where: { code: areaCode }, select: { id: true, code: true, parent: { select: { code: true } }, subAreas: { orderBy: { order: 'asc' }, select: { id: true, code: true } } } }),
  ]);
  if (!cycle || !area) return null;
  const areaIds = [area.id, ...area.subAreas.map((sub) => sub.id)];
  const instrument = filters.instrument
    ? await db.instrument.findUnique({ where: { code: filters.instrument }, select: { id: true } })
    : null;
  if (filters.instrument && !instrument) return null;

  // What is expected: the commitments a closed cycle covered, in the areas they had when it
  // closed; for a cycle still open, the catalogue as it is now.
  const commitments = await expectedCommitments(db, cycleId, areaIds, instrument?.id);

  const sql = areaSummarySql(cycleId, { id: area.id, isSubArea: Boolean(area.parent) }, filters, instrument?.id);
  const [expected, perCommitment, perPlace, reporting, evidence] = await Promise.all([
    db.$queryRaw<{ memberState: boolean; group: RegionalGroup | null; region: string | null; count: number }[]>(sql.expected),
    db.$queryRaw<{ commitmentId: string; areaId: string; status: ImplementationStatus; count: number }[]>(sql.perCommitment),
    db.$queryRaw<{ group: RegionalGroup | null; region: string | null; status: ImplementationStatus; count: number }[]>(sql.perPlace),
    db.$queryRaw<{ memberState: boolean; count: number }[]>(sql.reporting),
    db.$queryRaw<{ symbol: string; language: string; number: number; reports: number }[]>(sql.evidence),
  ]);

  const items = commitments.length;
  const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);
  const expectedEntities = sum(expected);
  const memberStatesExpected = sum(expected.filter((row) => row.memberState));
  const counts: StatusCount[] = perCommitment;

  const groups = distributionsBy(
    perPlace.filter((row): row is typeof row & { group: RegionalGroup } => row.group !== null).map((row) => ({ ...row, key: row.group })),
    (group) => sum(expected.filter((row) => row.group === group)) * items,
    filters.group ? [filters.group] : REGIONAL_GROUPS,
  );
  const regionCodes = [...new Set(expected.flatMap((row) => (row.region ? [row.region] : [])))].sort();
  const regions = distributionsBy(
    perPlace.filter((row): row is typeof row & { region: string } => row.region !== null).map((row) => ({ ...row, key: row.region })),
    (region) => sum(expected.filter((row) => row.region === region)) * items,
    regionCodes,
  );
  const perCommitmentDistribution = distributionsBy(
    perCommitment.map((row) => ({ ...row, key: row.commitmentId })),
    () => expectedEntities,
    commitments.map((commitment) => commitment.id),
  );
  const subAreas = area.subAreas.map((sub) => {
    const subItems = commitments.filter((commitment) => commitment.thematicArea.code === sub.code).length;
    return { code: sub.code, ...figuresOf(distributionOf(perCommitment.filter((row) => row.areaId === sub.id), expectedEntities * subItems)) };
  });

  return {
    area: { code: area.code, parent: area.parent?.code ?? null },
    cycle: { code: cycle.code },
    entities: {
      expected: expectedEntities,
      reporting: sum(reporting),
      memberStatesExpected,
      memberStatesReporting: sum(reporting.filter((row) => row.memberState)),
    },
    ...figuresOf(distributionOf(counts, expectedEntities * items)),
    byRegionalGroup: [...groups].map(([group, distribution]) => ({ group, ...figuresOf(distribution) })),
    byRegion: [...regions].map(([region, distribution]) => ({ region, ...figuresOf(distribution) })),
    // Only the commitments still in the area count here: one reclassified since keeps its
    // acceptances in the area's totals, as accepted, but has no row of its own.
    commitments: commitments.map((commitment) => ({
      id: commitment.id, reference: commitment.reference, instrument: commitment.instrument.code, area: commitment.thematicArea.code,
      ...figuresOf(perCommitmentDistribution.get(commitment.id)!),
    })),
    subAreas,
    evidence,
  };
}


type ExpectedCommitment = { id: string; reference: string; instrument: { code: string }; thematicArea: { code: string } };

async function expectedCommitments(db: Db, cycleId: string, areaIds: string[], instrumentId: string | undefined): Promise<ExpectedCommitment[]> {
  const frozen = await db.cycleCommitment.findMany({
    where: { cycleId, thematicAreaId: { in: areaIds }, ...(instrumentId ? { commitment: { instrumentId } } : {}) },
    orderBy: [{ commitment: { instrument: { order: 'asc' } } }, { commitment: { order: 'asc' } }, { commitmentId: 'asc' }],
    select: { thematicArea: { select: { code: true } }, commitment: { select: { id: true, reference: true, instrument: { select: { code: true } } } } },
  });
  const closed = frozen.length > 0 || (await db.cycleCommitment.count({ where: { cycleId } })) > 0;
  if (closed) return frozen.map((row) => ({ ...row.commitment, thematicArea: row.thematicArea }));
  return db.commitment.findMany({
    where: { thematicAreaId: { in: areaIds }, instrument: { cycles: { some: { cycleId } }, ...(instrumentId ? { id: instrumentId } : {}) } },
    orderBy: [{ instrument: { order: 'asc' } }, { order: 'asc' }, { id: 'asc' }],
    select: { id: true, reference: true, instrument: { select: { code: true } }, thematicArea: { select: { code: true } } },
  });
}

/**
 * The progress index of an area in each cycle that is open or closed, oldest first: one GROUP BY.
 * With `cutoffs`, only those cycles, each counted up to its own moment (their publications).
 */
export async function computeTrend(db: Db, areaCode: string, filters: SummaryFilters = {}, cycleIds?: string[], cutoffs?: Map<string, Date>) {
  if (cutoffs) cycleIds = [...cutoffs.keys()].filter((id) => !cycleIds || cycleIds.includes(id));
  const area = await db.thematicArea.findUnique({ where: { code: areaCode }, select: { id: true, parentId: true } });
  if (!area) return [];
  const cycles = await db.reportingCycle.findMany({
    where: { state: { in: ['OPEN', 'CLOSED'] }, ...(cycleIds ? { id: { in: cycleIds } } : {}) },
    orderBy: { opensAt: 'asc' },
    select: { id: true, code: true },
  });
  const instrument = filters.instrument ? await db.instrument.findUnique({ where: { code: filters.instrument }, select: { id: true } }) : null;
  const rows = cycles.length === 0 ? [] : await trendRows(db, { id: area.id, isSubArea: area.parentId !== null }, cycles.map((cycle) => cycle.id), filters, instrument?.id, cutoffs);
  return cycles.map((cycle) => ({
    cycle: cycle.code,
    progressIndex: progressIndex(distributionOf(rows.filter((row) => row.cycleId === cycle.id), 0)),
  }));
}
