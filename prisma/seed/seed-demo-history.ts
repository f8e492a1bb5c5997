// Demo history: two closed reporting cycles before the open one, with accepted reports from about
// sixty Member States and five UN entities on the demo instrument, and a review queue in the open
// cycle, so that summaries, trends, "last accepted status" and the reviewer's queue have
// something to show. Demo mode only (seedDemoData calls it). Everything is synthetic and says so
// ("[DEMO]"); nothing here is, or paraphrases, the wording of a UN commitment.
//
// Deterministic: every choice is a hash of codes and years, never Math.random. Dates of the
// closed cycles derive from the open cycle's year; the open cycle's submissions fall in the few
// weeks before the first demo start, so that "oldest first" in the queue means something.
// Idempotent: once the two earlier cycles exist, nothing is written, and everything is written
// in one transaction, so a start that fails half-way leaves no half-written history behind.
//
// No AuditEvent rows: the audit trail records changes people made in this database, and seeded
// history is not one. The timeline (StatusEvent) is seeded because the report pages show it.
import type { Db } from '@/lib/db/client';
import { setDefaultScope, snapshotCycleCommitments } from '@/lib/cycles/mutations';
import type { Prisma } from '@/lib/generated/prisma/client';
import { yearCycleName } from '@/lib/cycles/cycle-names';
import {
  CycleState,
  EntityKind,
  ImplementationStatus,
  RegionalGroup,
  Role,
  StatusEventType,
  WorkflowState,
} from '@/lib/generated/prisma/enums';

type Tx = Prisma.TransactionClient;

/** States per regional group that report in the closed cycles (the demo focal points' own come on top). */
const STATES_PER_GROUP = 12;
/** Of those, how many per group joined only in the later closed cycle: coverage grows. */
const LATE_JOINERS_PER_GROUP = 1;
/** States per regional group with reports in the open cycle. */
const OPEN_STATES_PER_GROUP = 4;
const STORY_UN_ENTITIES = ['UNODC', 'WHO', 'UNAIDS', 'UNDP', 'OHCHR'] as const;
const OPEN_UN_ENTITIES = ['WHO'] as const;
const RETURNED_IN_OPEN_CYCLE = 6;
/** How far back the open cycle's submissions go. */
const OPEN_WINDOW_DAYS = 42;

const DAY = 24 * 60 * 60 * 1000;

// Accounts of the story's focal points are hidden: disabled, and with a password hash that is not
// an Argon2 hash. authenticate() verifies the hash before it looks at `disabled`, and
// verifyPassword() answers false for a malformed hash, so these accounts are refused as an
// invalid sign-in whatever password is tried; `disabled` refuses them a second time, and
// `isDemo` keeps them out of any non-demo server.
const HIDDEN_ACCOUNT_PASSWORD_HASH = '!demo-history-account:no-password';

export function hiddenFocalPointEmail(entityCode: string): string {
  return `demo-focal-${entityCode.toLowerCase()}@demo.test`;
}

/** The order statuses progress in; NOT_APPLICABLE stands outside it. */
const PROGRESSION: readonly ImplementationStatus[] = [
  ImplementationStatus.NOT_STARTED,
  ImplementationStatus.IN_PROGRESS,
  ImplementationStatus.SUBSTANTIALLY_IMPLEMENTED,
  ImplementationStatus.FULLY_IMPLEMENTED,
];

// ---------------------------------------------------------------------------------------------
// Deterministic choices

/** A number in [0, 1) from a string: FNV-1a, then murmur3's finalizer to spread similar keys. */
export function unitHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x100000000;
}

function pick<T>(items: readonly T[], key: string): T {
  return items[Math.floor(unitHash(key) * items.length)];
}

function byHash<T extends { code: string }>(items: readonly T[], salt: string): T[] {
  return [...items].sort((a, b) => unitHash(`${salt}:${a.code}`) - unitHash(`${salt}:${b.code}`) || (a.code < b.code ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// The plan: pure, no database

export interface HistoryEntity {
  code: string;
  kind: EntityKind;
  regionalGroup: RegionalGroup | null;
}

export interface HistoryCommitment {
  reference: string;
  areaCode: string;
}

export interface DemoHistoryInput {
  /** The open cycle's year. */
  year: number;
  /** Candidate reporters: active Member States and UN entities. */
  entities: readonly HistoryEntity[];
  commitments: readonly HistoryCommitment[];
  /** The demo focal points' entities: reports in the closed cycles, none in the open one. */
  ownEntities: readonly string[];
  /** When the open cycle's reports were written: the weeks before the first demo start. */
  openWindow: { start: Date; end: Date };
}

export type PlannedActor = 'focal-point' | 'reviewer';

export interface PlannedEvent {
  type: StatusEventType;
  at: Date;
  by: PlannedActor;
  comment: string | null;
}

export interface PlannedReport {
  cycleCode: string;
  entityCode: string;
  commitmentReference: string;
  state: WorkflowState;
  status: ImplementationStatus | null;
  narrative: string;
  asOf: Date | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
  /** In order; each is one version of the report (see versionAfter). */
  events: PlannedEvent[];
}

export interface PlannedCycle {
  code: string;
  name: { en: string; zh: string };
  periodStart: Date;
  periodEnd: Date;
  opensAt: Date;
  closesAt: Date;
  state: CycleState;
}

export interface DemoHistoryPlan {
  cycles: PlannedCycle[];
  /** Entities whose (hidden) focal point wrote a report. */
  focalPointEntities: string[];
  reports: PlannedReport[];
}

/** A closed cycle like the first one: the calendar year, open all year, deadline at its last second. */
export function closedCycle(year: number): PlannedCycle {
  return {
    code: String(year),
    name: yearCycleName(year),
    periodStart: new Date(Date.UTC(year, 0, 1)),
    periodEnd: new Date(Date.UTC(year, 11, 31)),
    opensAt: new Date(Date.UTC(year, 0, 1)),
    closesAt: new Date(Date.UTC(year, 11, 31, 23, 59, 59)),
    state: CycleState.CLOSED,
  };
}

export function planDemoHistory(input: DemoHistoryInput): DemoHistoryPlan {
  const older = closedCycle(input.year - 2);
  const previous = closedCycle(input.year - 1);
  const own = new Set(input.ownEntities);
  const cast = chooseCast(input.entities, own);
  const reports: PlannedReport[] = [];
  // The accepted status per entity and commitment in the cycle before, for the next one to build on.
  let before = new Map<string, ImplementationStatus>();

  for (const [cycle, reporters] of [[older, cast.older], [previous, cast.previous]] as const) {
    const year = cycle.periodStart.getUTCFullYear();
    const accepted = new Map<string, ImplementationStatus>();
    for (const entity of reporters) {
      const coverage = closedCoverage(entity, own, year - (input.year - 2));
      for (const commitment of input.commitments) {
        if (unitHash(`cover:${entity.code}:${commitment.reference}`) >= coverage) continue;
        const key = `${entity.code}:${commitment.reference}`;
        const status = nextStatus(entity, commitment, year, before.get(key));
        accepted.set(key, status);
        reports.push(acceptedReport(cycle.code, year, entity, commitment, status));
      }
    }
    before = accepted;
  }

  reports.push(...planOpenCycle(input, cast.open, before));
  const focalPointEntities = [...new Set(reports.map((report) => report.entityCode))].sort();
  return { cycles: [older, previous], focalPointEntities, reports };
}

interface Cast {
  older: HistoryEntity[];
  previous: HistoryEntity[];
  open: HistoryEntity[];
}

/**
 * Who reports: per regional group the same number of States, chosen by hash (the demo focal
 * points' own States come on top, in the closed cycles only); the last of each group joins only
 * in the later closed cycle. Five UN entities in both closed cycles, one in the open cycle.
 */
function chooseCast(entities: readonly HistoryEntity[], own: ReadonlySet<string>): Cast {
  const cast: Cast = { older: [], previous: [], open: [] };
  for (const group of Object.values(RegionalGroup)) {
    const states = entities.filter((entity) => entity.kind === EntityKind.MEMBER_STATE && entity.regionalGroup === group);
    const story = byHash(states.filter((state) => !own.has(state.code)), 'story').slice(0, STATES_PER_GROUP);
    cast.older.push(...story.slice(0, story.length - LATE_JOINERS_PER_GROUP));
    cast.previous.push(...story);
    cast.open.push(...byHash(story, 'open').slice(0, OPEN_STATES_PER_GROUP));
    const ownStates = states.filter((state) => own.has(state.code));
    cast.older.push(...ownStates);
    cast.previous.push(...ownStates);
  }
  const unEntities = STORY_UN_ENTITIES.flatMap(
    (code) => entities.find((entity) => entity.code === code && entity.kind === EntityKind.UN_ENTITY) ?? [],
  );
  cast.older.push(...unEntities);
  cast.previous.push(...unEntities);
  cast.open.push(...unEntities.filter((entity) => (OPEN_UN_ENTITIES as readonly string[]).includes(entity.code) && !own.has(entity.code)));
  return cast;
}

/** The share of the commitments an entity reports on; it grows a little from one cycle to the next. */
function closedCoverage(entity: HistoryEntity, own: ReadonlySet<string>, cycleIndex: number): number {
  // The demo focal points find a last accepted status on most, not all, of their worklist.
  const base = own.has(entity.code) ? 0.6 : 0.35 + 0.55 * unitHash(`coverage:${entity.code}`);
  return base + 0.12 * cycleIndex;
}

/** Some thematic areas are further along than others, so that summaries per area differ. */
function areaBias(areaCode: string): number {
  const chapter = Number(/^TA(\d+)/.exec(areaCode)?.[1] ?? 0);
  return [0, 0.08, -0.04, 0.05, -0.08, 0, 0.03, -0.06][chapter] ?? 0;
}

function firstStatus(entity: HistoryEntity, commitment: HistoryCommitment, year: number): ImplementationStatus {
  const notApplicable = entity.kind === EntityKind.UN_ENTITY ? 0.15 : 0.06;
  if (unitHash(`n/a:${entity.code}:${commitment.reference}`) < notApplicable) return ImplementationStatus.NOT_APPLICABLE;
  const score =
    0.6 * unitHash(`status:${entity.code}:${commitment.reference}:${year}`) +
    0.4 * unitHash(`maturity:${entity.code}`) +
    areaBias(commitment.areaCode);
  const level = score < 0.32 ? 0 : score < 0.58 ? 1 : score < 0.78 ? 2 : 3;
  return PROGRESSION[level];
}

/**
 * A status one cycle on: NOT_APPLICABLE stays, otherwise mostly the same or one step up, now and
 * then one step down (a setback), never more than one step either way.
 */
function nextStatus(
  entity: HistoryEntity, commitment: HistoryCommitment, year: number, last: ImplementationStatus | undefined,
): ImplementationStatus {
  if (last === undefined) return firstStatus(entity, commitment, year);
  if (last === ImplementationStatus.NOT_APPLICABLE) return last;
  const level = PROGRESSION.indexOf(last);
  const step = unitHash(`step:${entity.code}:${commitment.reference}:${year}`);
  if (step < 0.06) return PROGRESSION[Math.max(level - 1, 0)];
  if (step < 0.55) return last;
  return PROGRESSION[Math.min(level + 1, PROGRESSION.length - 1)];
}

const NARRATIVES: Record<ImplementationStatus, readonly string[]> = {
  NOT_STARTED: [
    'work for area {area} had not started by the end of {year}; a fictional working group is to be set up',
    'no measures for area {area} were taken in {year}; the {plan} lists them for a later stage',
  ],
  IN_PROGRESS: [
    'the {plan} for area {area} moved to the next stage in {year}',
    'a pilot for area {area} ran in two fictional districts in {year}',
    'draft measures for area {area} were circulated for comment in {year}',
  ],
  SUBSTANTIALLY_IMPLEMENTED: [
    'most measures of the {plan} for area {area} were in place by the end of {year}',
    'the programme for area {area} reached most of its fictional targets in {year}',
  ],
  FULLY_IMPLEMENTED: [
    'all measures of the {plan} for area {area} were completed in {year}; monitoring continues',
    'the measures for area {area} were in force throughout {year}',
  ],
  NOT_APPLICABLE: [
    'area {area} lies outside the scope of this fictional {plan} in {year}',
  ],
};

function narrative(status: ImplementationStatus, entity: HistoryEntity, commitment: HistoryCommitment, year: number): string {
  const text = pick(NARRATIVES[status], `narrative:${entity.code}:${commitment.reference}:${year}`)
    .replace('{area}', commitment.areaCode)
    .replace('{year}', String(year))
    .replace('{plan}', entity.kind === EntityKind.UN_ENTITY ? 'work plan' : 'national plan');
  return `[DEMO] Synthetic narrative: ${text} (placeholder, not real information).`;
}

function draftNarrative(commitment: HistoryCommitment, year: number): string {
  return `[DEMO] Synthetic draft: notes on area ${commitment.areaCode} for ${year}, to be completed (placeholder, not real information).`;
}

const REVIEW_COMMENTS: readonly string[] = [
  '[DEMO] Synthetic review comment: please give the date the status refers to and link one piece of evidence (placeholder).',
  '[DEMO] Synthetic review comment: the narrative describes last year; please update it for this cycle (placeholder).',
  '[DEMO] Synthetic review comment: the status looks higher than the narrative supports; please explain or adjust it (placeholder).',
];

const atDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/**
 * An accepted report of a closed cycle: submitted between September and late November (an
 * entity submits in one sitting, give or take two days), accepted by the reviewer days to weeks
 * later, well before the deadline of 31 December.
 */
function acceptedReport(
  cycleCode: string, year: number, entity: HistoryEntity, commitment: HistoryCommitment, status: ImplementationStatus,
): PlannedReport {
  const key = `${entity.code}:${commitment.reference}:${year}`;
  const sitting = 243 + Math.floor(unitHash(`sitting:${entity.code}:${year}`) * 80); // day of the year, from 1 September
  const day = sitting + Math.floor(unitHash(`day:${key}`) * 3);
  const submittedAt = new Date(Date.UTC(year, 0, 1 + day, 8 + Math.floor(unitHash(`hour:${key}`) * 9), Math.floor(unitHash(`minute:${key}`) * 60)));
  const reviewDay = day + 3 + Math.floor(unitHash(`review:${key}`) * 22);
  const reviewedAt = new Date(Date.UTC(year, 0, 1 + reviewDay, 9 + Math.floor(unitHash(`review-hour:${key}`) * 8), Math.floor(unitHash(`review-minute:${key}`) * 60)));
  return {
    cycleCode, entityCode: entity.code, commitmentReference: commitment.reference,
    state: WorkflowState.ACCEPTED, status, narrative: narrative(status, entity, commitment, year),
    asOf: atDay(submittedAt), submittedAt, reviewedAt, reviewComment: null,
    events: [
      { type: StatusEventType.SUBMITTED, at: submittedAt, by: 'focal-point', comment: null },
      { type: StatusEventType.ACCEPTED, at: reviewedAt, by: 'reviewer', comment: null },
    ],
  };
}

/**
 * The open cycle: some reports submitted and waiting for review, a handful returned with a
 * comment, the rest drafts. Each entity has its pace: some have submitted almost everything,
 * others are still drafting.
 */
function planOpenCycle(input: DemoHistoryInput, reporters: readonly HistoryEntity[], before: ReadonlyMap<string, ImplementationStatus>): PlannedReport[] {
  const cycleCode = String(input.year);
  const { start, end } = input.openWindow;
  const span = Math.max(end.getTime() - start.getTime(), 0);
  const MINUTE = 60_000;
  // To the minute, as people's clocks show it, but never before the window opens.
  const at = (fraction: number) => {
    const time = start.getTime() + Math.min(Math.max(fraction, 0), 1) * span;
    return new Date(Math.max(Math.floor(time / MINUTE) * MINUTE, start.getTime()));
  };

  const candidates: { entity: HistoryEntity; commitment: HistoryCommitment; key: string }[] = [];
  for (const entity of reporters) {
    const coverage = 0.2 + 0.3 * unitHash(`open-coverage:${entity.code}`);
    for (const commitment of input.commitments) {
      const key = `${entity.code}:${commitment.reference}`;
      if (unitHash(`open-cover:${key}`) < coverage) candidates.push({ entity, commitment, key });
    }
  }
  // The returned ones: the first few by hash, from different entities.
  const returned = new Set<string>();
  const returnedEntities = new Set<string>();
  for (const candidate of [...candidates].sort((a, b) => unitHash(`returned:${a.key}`) - unitHash(`returned:${b.key}`))) {
    if (returned.size >= RETURNED_IN_OPEN_CYCLE) break;
    if (returnedEntities.has(candidate.entity.code)) continue;
    returned.add(candidate.key);
    returnedEntities.add(candidate.entity.code);
  }

  return candidates.map(({ entity, commitment, key }): PlannedReport => {
    const status = nextStatus(entity, commitment, input.year, before.get(key));
    const base = { cycleCode, entityCode: entity.code, commitmentReference: commitment.reference, reviewComment: null, reviewedAt: null };
    // An entity works in a stretch of the window; its reports spread a little around it.
    const sitting = 0.85 * unitHash(`open-sitting:${entity.code}`);
    const when = sitting + 0.12 * unitHash(`open-when:${key}`);
    if (returned.has(key)) {
      const submittedAt = at(when * 0.7);
      const reviewedAt = at(when * 0.7 + 0.1 + 0.15 * unitHash(`open-review:${key}`));
      const comment = pick(REVIEW_COMMENTS, `comment:${key}`);
      return {
        ...base, state: WorkflowState.RETURNED, status, narrative: narrative(status, entity, commitment, input.year),
        asOf: atDay(submittedAt), submittedAt, reviewedAt, reviewComment: comment,
        events: [
          { type: StatusEventType.SUBMITTED, at: submittedAt, by: 'focal-point', comment: null },
          { type: StatusEventType.RETURNED, at: reviewedAt, by: 'reviewer', comment },
        ],
      };
    }
    const pace = unitHash(`pace:${entity.code}`);
    if (unitHash(`open-state:${key}`) < 0.15 + 0.7 * pace) {
      const submittedAt = at(when);
      return {
        ...base, state: WorkflowState.SUBMITTED, status, narrative: narrative(status, entity, commitment, input.year),
        asOf: atDay(submittedAt), submittedAt,
        events: [{ type: StatusEventType.SUBMITTED, at: submittedAt, by: 'focal-point', comment: null }],
      };
    }
    const savedAt = at(when + 0.1);
    // A draft may not have a status yet.
    const withStatus = unitHash(`draft-status:${key}`) >= 0.2;
    return {
      ...base, state: WorkflowState.DRAFT, status: withStatus ? status : null,
      narrative: withStatus ? narrative(status, entity, commitment, input.year) : draftNarrative(commitment, input.year),
      asOf: null, submittedAt: null,
      events: [{ type: StatusEventType.SAVED, at: savedAt, by: 'focal-point', comment: null }],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Writing it

export interface DemoHistoryOptions {
  /** Code of the demo instrument the reports are about. */
  instrumentCode: string;
  /** The demo reviewer, who accepted and returned the reports. */
  reviewerEmail: string;
  /** The demo focal points' entities. */
  ownEntities: readonly string[];
  /** The first demo start; places the open cycle's submissions in the weeks before it. */
  now?: Date;
}

export interface DemoHistorySummary {
  /** False when the history was there already (or there is no open cycle): nothing was written. */
  created: boolean;
  cycles: string[];
  hiddenAccounts: number;
  reports: Record<WorkflowState, number>;
  events: number;
}

const NO_REPORTS: Record<WorkflowState, number> = { DRAFT: 0, SUBMITTED: 0, RETURNED: 0, ACCEPTED: 0 };

/** Raised inside the transaction when another start wrote the history meanwhile: roll back, write nothing. */
class HistoryPresent extends Error {}

export async function seedDemoHistory(db: Db, options: DemoHistoryOptions): Promise<DemoHistorySummary> {
  const skipped: DemoHistorySummary = { created: false, cycles: [], hiddenAccounts: 0, reports: { ...NO_REPORTS }, events: 0 };
  const open = await db.reportingCycle.findFirst({
    where: { state: CycleState.OPEN },
    select: { id: true, periodStart: true, opensAt: true, closesAt: true },
  });
  // Without an open cycle (an administrator closed it) there is nothing to anchor the story on.
  if (!open) return skipped;
  const year = open.periodStart.getUTCFullYear();
  const codes = [String(year - 2), String(year - 1)];
  if ((await db.reportingCycle.count({ where: { code: { in: codes } } })) > 0) return skipped;

  const [instrument, reviewer, entities] = await Promise.all([
    db.instrument.findUniqueOrThrow({
      where: { code: options.instrumentCode },
      select: {
        id: true,
        commitments: {
          orderBy: { order: 'asc' },
          select: { id: true, reference: true, thematicAreaId: true, thematicArea: { select: { code: true } } },
        },
      },
    }),
    db.user.findUniqueOrThrow({ where: { email: options.reviewerEmail }, select: { id: true } }),
    db.reportingEntity.findMany({
      where: { active: true, kind: { in: [EntityKind.MEMBER_STATE, EntityKind.UN_ENTITY] } },
      select: { id: true, code: true, kind: true, regionalGroup: true, m49RegionCode: true, m49SubRegionCode: true },
      orderBy: { code: 'asc' },
    }),
  ]);

  const now = options.now ?? new Date();
  const end = new Date(Math.max(Math.min(now.getTime(), open.closesAt.getTime()), open.opensAt.getTime()));
  const start = new Date(Math.max(end.getTime() - OPEN_WINDOW_DAYS * DAY, open.opensAt.getTime()));
  const plan = planDemoHistory({
    year,
    entities,
    commitments: instrument.commitments.map((c) => ({ reference: c.reference, areaCode: c.thematicArea.code })),
    ownEntities: options.ownEntities,
    openWindow: { start, end },
  });

  try {
    return await db.$transaction(
      (tx) => writeHistory(tx, { plan, openCycleId: open.id, instrument, reviewerId: reviewer.id, entities }),
      // A few thousand rows: more than the default five seconds on a slow machine.
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof HistoryPresent) return skipped;
    throw error;
  }
}

interface WriteContext {
  plan: DemoHistoryPlan;
  openCycleId: string;
  instrument: { id: string; commitments: { id: string; reference: string; thematicAreaId: string; thematicArea: { code: string } }[] };
  reviewerId: string;
  entities: { id: string; code: string; kind: EntityKind; regionalGroup: RegionalGroup | null; m49RegionCode: string | null; m49SubRegionCode: string | null }[];
}

async function writeHistory(tx: Tx, { plan, openCycleId, instrument, reviewerId, entities }: WriteContext): Promise<DemoHistorySummary> {
  const { count } = await tx.reportingCycle.createMany({ data: plan.cycles, skipDuplicates: true });
  if (count !== plan.cycles.length) throw new HistoryPresent();
  const cycles = await tx.reportingCycle.findMany({
    where: { code: { in: plan.cycles.map((cycle) => cycle.code) } },
    select: { id: true, code: true },
  });
  const openCycle = await tx.reportingCycle.findUniqueOrThrow({ where: { id: openCycleId }, select: { code: true } });
  const cycleIds = new Map([...cycles.map((cycle) => [cycle.code, cycle.id] as const), [openCycle.code, openCycleId]]);
  // Every instrument, the demo one included, and every expected entity, as a new cycle gets. The
  // first cycle was scoped before the demo instrument existed: it gets the demo instrument too.
  // Closed, so their expected items are frozen as a close would freeze them.
  for (const cycle of cycles) {
    await setDefaultScope(tx, cycle.id, null);
    await snapshotCycleCommitments(tx, cycle.id);
  }
  await tx.cycleInstrument.createMany({ data: [{ cycleId: openCycleId, instrumentId: instrument.id }], skipDuplicates: true });

  const entityOf = new Map(entities.map((entity) => [entity.code, entity]));
  const accounts = await ensureHiddenAccounts(tx, plan.focalPointEntities, entityOf, plan.cycles[0].opensAt);
  const commitmentOf = new Map(instrument.commitments.map((commitment) => [commitment.reference, commitment]));
  const idOf = <T>(map: Map<string, T>, key: string, what: string): T => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`${what} ${key} is missing`);
    return value;
  };

  const created = await tx.statusReport.createManyAndReturn({
    data: plan.reports.map((report) => {
      const focalPointId = idOf(accounts, report.entityCode, 'Hidden demo account for');
      const first = report.events[0].at;
      const last = report.events[report.events.length - 1].at;
      return {
        entityId: idOf(entityOf, report.entityCode, 'Reporting entity').id,
        commitmentId: idOf(commitmentOf, report.commitmentReference, 'Demo commitment').id,
        cycleId: idOf(cycleIds, report.cycleCode, 'Reporting cycle'),
        status: report.status,
        narrative: report.narrative,
        asOf: report.asOf,
        state: report.state,
        version: versionAfter(report.events.length - 1),
        submittedAt: report.submittedAt,
        submittedById: report.submittedAt ? focalPointId : null,
        reviewedAt: report.reviewedAt,
        reviewedById: report.reviewedAt ? reviewerId : null,
        reviewComment: report.reviewComment,
        updatedById: focalPointId,
        createdAt: first,
        updatedAt: last,
      } satisfies Prisma.StatusReportCreateManyInput;
    }),
    select: { id: true },
  });

  // createManyAndReturn answers in the order of its input.
  const events = plan.reports.flatMap((report, index) => {
    return report.events.map((event, position) => ({
      statusReportId: created[index].id,
      type: event.type,
      at: event.at,
      comment: event.comment,
      // byEmail is filled in by the database (a trigger), from the account as it is now.
      byId: event.by === 'reviewer' ? reviewerId : idOf(accounts, report.entityCode, 'Hidden demo account for'),
      snapshot: snapshotOf(report, event.type, position),
    } satisfies Prisma.StatusEventCreateManyInput));
  });
  await tx.statusEvent.createMany({ data: events });

  const reports = { ...NO_REPORTS };
  for (const report of plan.reports) reports[report.state] += 1;
  return { created: true, cycles: plan.cycles.map((cycle) => cycle.code), hiddenAccounts: accounts.size, reports, events: events.length };
}

/**
 * The report's version after its event at `position` (0 first), counted as saveStatusReport
 * counts: the first save or submission is version 1, every later write adds one.
 */
function versionAfter(position: number): number {
  return position + 1;
}

/**
 * The snapshot a StatusEvent carries, shaped as lib/status-reports/mutations.ts writes it: the
 * report after the event and the evidence it rested on (none, in the demo); a submission also says
 * whether it was late. (What summaries group by is the database's AcceptedStatus record.)
 */
function snapshotOf(report: PlannedReport, type: StatusEventType, position: number): Prisma.InputJsonObject {
  const state: WorkflowState =
    type === StatusEventType.SAVED ? WorkflowState.DRAFT
      : type === StatusEventType.SUBMITTED ? WorkflowState.SUBMITTED
        : type === StatusEventType.RETURNED ? WorkflowState.RETURNED
          : WorkflowState.ACCEPTED;
  const fields = {
    status: report.status,
    narrative: report.narrative,
    asOf: report.asOf ? report.asOf.toISOString().slice(0, 10) : null,
    state,
    version: versionAfter(position),
  };
  if (type === StatusEventType.SUBMITTED) return { ...fields, evidence: [], late: false };
  return type === StatusEventType.RETURNED ? fields : { ...fields, evidence: [] };
}

/** One hidden focal-point account per entity in the story; returns their ids by entity code. */
async function ensureHiddenAccounts(
  tx: Tx, entityCodes: readonly string[], entityOf: Map<string, { id: string }>, createdAt: Date,
): Promise<Map<string, string>> {
  const wanted = entityCodes.map((code) => {
    const entity = entityOf.get(code);
    if (!entity) throw new Error(`Reporting entity ${code} is missing`);
    return {
      email: hiddenFocalPointEmail(code),
      name: `Demo focal point (${code})`,
      role: Role.FOCAL_POINT,
      entityId: entity.id,
      passwordHash: HIDDEN_ACCOUNT_PASSWORD_HASH,
      isDemo: true,
      disabled: true,
      createdAt,
      updatedAt: createdAt,
    } satisfies Prisma.UserCreateManyInput;
  });
  await tx.user.createMany({ data: wanted, skipDuplicates: true });
  const stored = await tx.user.findMany({
    where: { email: { in: wanted.map((account) => account.email) } },
    select: { id: true, email: true, isDemo: true, entityId: true },
  });
  const byEmail = new Map(stored.map((user) => [user.email, user]));
  const ids = new Map<string, string>();
  for (const [index, code] of entityCodes.entries()) {
    const user = byEmail.get(wanted[index].email);
    // A real person's account is never made to speak for the demo.
    if (!user || !user.isDemo || user.entityId !== wanted[index].entityId) {
      throw new Error(`${wanted[index].email} exists and is not the demo focal point of ${code}`);
    }
    ids.set(code, user.id);
  }
  return ids;
}
