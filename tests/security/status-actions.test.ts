// Who may call which server action, against real PostgreSQL: every action of
// lib/status-reports/actions.ts and lib/cycles/actions.ts, called directly as each role, and by
// a focal point of another entity with the foreign report's ids. A refusal must say only what
// the caller may know (a report it may not read "does not exist") and write nothing; loosening
// any one check, in an action or in the mutation behind it, makes a row below fail.
// Only the request-scoped parts of Next are supplied (tests/support/action-context.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { notFound, redirect } from 'next/navigation';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { getURLFromRedirectError } from 'next/dist/client/components/redirect';
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback';
import type { ActionState } from '@/lib/action-state';
import type { DomainError } from '@/lib/errors';
import { createCycle, changeCycleState } from '@/lib/cycles/mutations';
import { linkReportFile, linkReportParagraph, linkReportUrl, removeReportEvidence } from '@/lib/status-reports/evidence-mutations';
import { acceptStatusReports, reviewStatusReport, saveStatusReport, withdrawStatusReport, type ReportActor } from '@/lib/status-reports/mutations';
import { message, revalidatePath, signInAs } from '../support/action-context';
import { createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';
import { log } from '@/lib/log';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

type ReportActions = typeof import('@/lib/status-reports/actions');
type CycleActions = typeof import('@/lib/cycles/actions');
type ActionName = keyof ReportActions | keyof CycleActions;
type AnyAction = (previous: null, formData: FormData) => Promise<ActionState<unknown>>;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let world: StatusWorld;
let actions: Record<ActionName, AnyAction>;
let actionState: typeof import('@/lib/action-state');
let session: typeof import('@/lib/auth/session');

// ---------------------------------------------------------------------------------------------
// Who calls. The report under test always belongs to MEX; NGA's focal point is the stranger.

const ROLES = ['anonymous', 'viewer', 'ownFocal', 'colleague', 'foreignFocal', 'secretariat', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

/** Accounts signed in with session version 0 that were then disabled, or whose version was bumped. */
type Twins = Record<'focal' | 'secretariat' | 'admin', { disabled: FixtureUser; stale: FixtureUser }>;
let twins: Twins;

function userOf(role: RoleName): FixtureUser | null {
  const { users } = world;
  return {
    anonymous: null, viewer: users.viewer, ownFocal: users.focalMex, colleague: users.focalMex2,
    foreignFocal: users.focalNga, secretariat: users.secretariat, admin: users.admin,
  }[role];
}

// ---------------------------------------------------------------------------------------------
// What comes back.

const S = 'signedOut';
const N = 'notFound';
const F = 'forbidden';
const OK = 'ok';
type Outcome = typeof S | typeof N | typeof F | typeof OK;

const REFUSAL: Record<Exclude<Outcome, 'ok'>, string> = {
  signedOut: message('actions', 'signedOut'),
  notFound: message('errors', 'statusReports.notFound'),
  forbidden: message('actions', 'forbidden'),
};

// ---------------------------------------------------------------------------------------------
// The matrix. Each row runs on a state of its own (a fresh commitment, so a fresh report).
// Besides these columns, every row is called by a disabled account and by a stale session of
// the first role the row allows, and both must be signed out.

type Row = [scenario: ScenarioName, anonymous: Outcome, viewer: Outcome, ownFocal: Outcome, colleague: Outcome, foreignFocal: Outcome, secretariat: Outcome, admin: Outcome];

const MATRIX: Row[] = [
  //                                anonymous viewer own focal colleague foreign focal secretariat admin
  ['save a first draft',              S,      N,     OK,       OK,       N,            F,          F],
  ['save a draft again',              S,      N,     OK,       OK,       N,            F,          F],
  ['submit a draft',                  S,      N,     OK,       OK,       N,            F,          F],
  ['withdraw a submission',           S,      N,     OK,       OK,       N,            F,          F],
  ['accept a submission',             S,      N,     F,        F,        N,            OK,         OK],
  ['return a submission',             S,      N,     F,        F,        N,            OK,         OK],
  // Decided by role alone, before any report is looked up: the answer says nothing about ids.
  ['accept several submissions',      S,      F,     F,        F,        F,            OK,         OK],
  ['link a paragraph',                S,      N,     OK,       OK,       N,            F,          F],
  ['link a web page',                 S,      N,     OK,       OK,       N,            F,          F],
  ['link a file',                     S,      N,     OK,       OK,       N,            F,          F],
  ['remove evidence',                 S,      N,     OK,       OK,       N,            F,          F],
  ['search paragraphs to link',       S,      N,     OK,       OK,       N,            F,          F],
  ['create a cycle',                  S,      F,     F,        F,        F,            F,          OK],
  ['open a planned cycle',            S,      F,     F,        F,        F,            F,          OK],
  ['close the open cycle',            S,      F,     F,        F,        F,            F,          OK],
  ['reopen a closed cycle',           S,      F,     F,        F,        F,            F,          OK],
];

// ---------------------------------------------------------------------------------------------
// Scenarios: the state a call needs, the form it sends, and what an allowed call must change.

type Fields = Record<string, string | string[] | File>;

type Prepared = {
  fields: Fields;
  /** The same form with the report's (or entity's) ids replaced by unknown ones. */
  unknownIds?: Fields;
  /** What an allowed call changed. */
  effect(data: unknown): Promise<void>;
};

type Scenario = { action: ActionName; prepare(): Promise<Prepared> };

const SCENARIOS = {
  'save a first draft': {
    action: 'saveStatusReportAction',
    async prepare() {
      const key = await freshKey();
      const fields = { ...key, version: '0', status: 'IN_PROGRESS', narrative: 'Synthetic first draft.', asOf: '', intent: 'save' };
      return {
        fields,
        unknownIds: { ...fields, entityId: 'unknown-entity' },
        effect: async (data) => {
          const report = await database.db.statusReport.findUniqueOrThrow({ where: { entityId_commitmentId_cycleId: key } });
          expect(data).toMatchObject({ id: report.id, state: 'DRAFT', version: report.version });
          expect(report.narrative).toBe('Synthetic first draft.');
        },
      };
    },
  },
  'save a draft again': {
    action: 'saveStatusReportAction',
    async prepare() {
      const report = await reportIn('DRAFT');
      const fields = { ...report.key, version: String(report.version), status: 'FULLY_IMPLEMENTED', narrative: 'Synthetic revision.', asOf: '2026-11-01', intent: 'save' };
      return {
        fields,
        unknownIds: { ...fields, entityId: 'unknown-entity' },
        effect: async (data) => {
          expect(data).toMatchObject({ id: report.id, state: 'DRAFT', version: report.version + 1 });
          expect(await stored(report.id)).toMatchObject({ version: report.version + 1, narrative: 'Synthetic revision.', status: 'FULLY_IMPLEMENTED' });
        },
      };
    },
  },
  'submit a draft': {
    action: 'saveStatusReportAction',
    async prepare() {
      const report = await reportIn('DRAFT');
      const fields = { ...report.key, version: String(report.version), status: 'IN_PROGRESS', narrative: 'Synthetic submission.', asOf: '', intent: 'submit' };
      return {
        fields,
        unknownIds: { ...fields, entityId: 'unknown-entity' },
        effect: async (data) => {
          expect(data).toMatchObject({ id: report.id, state: 'SUBMITTED' });
          expect(await stored(report.id)).toMatchObject({ state: 'SUBMITTED', version: report.version + 1 });
        },
      };
    },
  },
  'withdraw a submission': {
    action: 'withdrawStatusReportAction',
    async prepare() {
      const report = await reportIn('SUBMITTED');
      return {
        fields: { reportId: report.id, version: String(report.version) },
        unknownIds: { reportId: 'unknown-report', version: String(report.version) },
        effect: async () => expect(await stored(report.id)).toMatchObject({ state: 'DRAFT', version: report.version + 1 }),
      };
    },
  },
  'accept a submission': {
    action: 'reviewStatusReportAction',
    async prepare() {
      const report = await reportIn('SUBMITTED');
      return {
        fields: { reportId: report.id, version: String(report.version), decision: 'accept', comment: '' },
        unknownIds: { reportId: 'unknown-report', version: String(report.version), decision: 'accept', comment: '' },
        effect: async () => expect(await stored(report.id)).toMatchObject({ state: 'ACCEPTED', version: report.version + 1 }),
      };
    },
  },
  'return a submission': {
    action: 'reviewStatusReportAction',
    async prepare() {
      const report = await reportIn('SUBMITTED');
      const fields = { reportId: report.id, version: String(report.version), decision: 'return', comment: 'Synthetic comment: say more.' };
      return {
        fields,
        unknownIds: { ...fields, reportId: 'unknown-report' },
        effect: async () => expect(await stored(report.id)).toMatchObject({ state: 'RETURNED', reviewComment: 'Synthetic comment: say more.' }),
      };
    },
  },
  'accept several submissions': {
    action: 'acceptStatusReportsAction',
    async prepare() {
      const [first, second] = [await reportIn('SUBMITTED'), await reportIn('SUBMITTED')];
      return {
        fields: { reports: [`${first.id}:${first.version}`, `${second.id}:${second.version}`] },
        unknownIds: { reports: ['unknownreport:1'] },
        effect: async (data) => {
          expect(data).toEqual({ accepted: 2, skipped: [] });
          expect(await stored(first.id)).toMatchObject({ state: 'ACCEPTED' });
          expect(await stored(second.id)).toMatchObject({ state: 'ACCEPTED' });
        },
      };
    },
  },
  'link a paragraph': {
    action: 'linkReportParagraphAction',
    async prepare() {
      const report = await reportIn('DRAFT');
      return {
        fields: { reportId: report.id, paragraphId, note: 'Synthetic note.' },
        unknownIds: { reportId: 'unknown-report', paragraphId, note: 'Synthetic note.' },
        effect: async (data) => expect(await evidenceOf(report.id)).toEqual([{ id: (data as { id: string }).id, kind: 'PARAGRAPH', paragraphId }]),
      };
    },
  },
  'link a web page': {
    action: 'linkReportUrlAction',
    async prepare() {
      const report = await reportIn('DRAFT');
      const fields = { reportId: report.id, url: 'https://example.org/synthetic', title: 'Synthetic page', note: '' };
      return {
        fields,
        unknownIds: { ...fields, reportId: 'unknown-report' },
        effect: async (data) => expect(await evidenceOf(report.id)).toEqual([{ id: (data as { id: string }).id, kind: 'URL', paragraphId: null }]),
      };
    },
  },
  'link a file': {
    action: 'linkReportFileAction',
    async prepare() {
      const report = await reportIn('DRAFT');
      const file = () => new File(['Synthetic evidence, plain text.\n'], 'evidence.txt', { type: 'text/plain' });
      return {
        fields: { reportId: report.id, file: file(), note: '' },
        unknownIds: { reportId: 'unknown-report', file: file(), note: '' },
        effect: async (data) => {
          expect(await evidenceOf(report.id)).toEqual([{ id: (data as { id: string }).id, kind: 'FILE', paragraphId: null }]);
          const link = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: (data as { id: string }).id }, select: { file: { select: { fileName: true } } } });
          expect(link.file?.fileName).toBe('evidence.txt');
        },
      };
    },
  },
  'remove evidence': {
    action: 'removeReportEvidenceAction',
    async prepare() {
      const report = await reportIn('DRAFT');
      const link = await linkReportUrl(database.db, world.users.focalMex, { reportId: report.id, url: 'https://example.org/to-remove', title: 'Synthetic', note: '' });
      return {
        fields: { reportId: report.id, evidenceId: link.id },
        unknownIds: { reportId: 'unknown-report', evidenceId: link.id },
        effect: async (data) => {
          expect(data).toEqual({ removed: true });
          expect(await evidenceOf(report.id)).toEqual([]);
        },
      };
    },
  },
  'search paragraphs to link': {
    action: 'searchReportParagraphsAction',
    async prepare() {
      const report = await reportIn('DRAFT');
      return {
        fields: { reportId: report.id, q: 'gadget' },
        unknownIds: { reportId: 'unknown-report', q: 'gadget' },
        effect: async (data) => expect(data).toMatchObject({ total: 1, hits: [{ id: paragraphId }] }),
      };
    },
  },
  'create a cycle': {
    action: 'createCycleAction',
    async prepare() {
      const code = freshCycleCode();
      return {
        fields: { code, nameEn: 'Synthetic cycle', nameZh: '', periodStart: '2027-01-01', periodEnd: '2027-12-31', opensOn: '2027-01-01', deadline: '2027-12-31', instruments: 'TEST' },
        effect: async (data) => {
          expect(data).toEqual({ code });
          expect(await database.db.reportingCycle.findUnique({ where: { code }, select: { state: true } })).toEqual({ state: 'PLANNED' });
        },
      };
    },
  },
  'open a planned cycle': {
    action: 'openCycleAction',
    async prepare() {
      const code = await plannedCycle();
      await setCycleState(world.cycle.code, 'CLOSED'); // one open cycle at a time
      return { fields: { code, reason: '' }, effect: async () => expect(await cycleState(code)).toBe('OPEN') };
    },
  },
  'close the open cycle': {
    action: 'closeCycleAction',
    async prepare() {
      return { fields: { code: world.cycle.code, reason: '' }, effect: async () => expect(await cycleState(world.cycle.code)).toBe('CLOSED') };
    },
  },
  'reopen a closed cycle': {
    action: 'reopenCycleAction',
    async prepare() {
      const code = await plannedCycle();
      await setCycleState(world.cycle.code, 'CLOSED');
      await setCycleState(code, 'CLOSED');
      return { fields: { code, reason: 'Synthetic reason for reopening.' }, effect: async () => expect(await cycleState(code)).toBe('OPEN') };
    },
  },
} satisfies Record<string, Scenario>;

type ScenarioName = keyof typeof SCENARIOS;

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers.

let instrumentId: string;
let areaId: string;
let paragraphId: string;
let counter = 0;

/** A report key of MEX on a commitment of its own, in the open cycle: no report there yet. */
async function freshKey() {
  counter += 1;
  const commitment = await database.db.commitment.create({
    data: { instrumentId, thematicAreaId: areaId, reference: `9(${counter})`, kind: 'OPERATIONAL_RECOMMENDATION', order: 100 + counter },
    select: { id: true },
  });
  return { cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: commitment.id };
}

/** A MEX report written by its focal point through the mutations, in the given state. */
async function reportIn(state: 'DRAFT' | 'SUBMITTED') {
  const key = await freshKey();
  const written = await saveStatusReport(database.db, world.users.focalMex, {
    ...key, version: 0, status: 'IN_PROGRESS', narrative: 'Synthetic narrative.', asOf: null, intent: state === 'DRAFT' ? 'save' : 'submit',
  });
  expect(written.state).toBe(state);
  return { id: written.id, version: written.version, key };
}

const stored = (id: string) => database.db.statusReport.findUniqueOrThrow({ where: { id } });

const evidenceOf = (statusReportId: string) =>
  database.db.evidenceLink.findMany({ where: { statusReportId }, select: { id: true, kind: true, paragraphId: true }, orderBy: { id: 'asc' } });

const freshCycleCode = () => `T${Date.now().toString(36)}-${(counter += 1)}`;

async function plannedCycle() {
  const code = freshCycleCode();
  await createCycle(database.db, world.users.admin, {
    code, nameEn: 'Synthetic cycle', nameZh: '', periodStart: '2027-01-01', periodEnd: '2027-12-31', opensOn: '2027-01-01', deadline: '2027-12-31', instruments: ['TEST'],
  });
  return code;
}

const setCycleState = (code: string, state: 'OPEN' | 'CLOSED') => database.db.reportingCycle.update({ where: { code }, data: { state } });
const cycleState = async (code: string) => (await database.db.reportingCycle.findUniqueOrThrow({ where: { code }, select: { state: true } })).state;

/** Whatever the actions under test could write: equal before and after a refused call. */
async function databaseState() {
  const db = database.db;
  return {
    reports: await db.statusReport.findMany({
      select: { id: true, state: true, version: true, status: true, narrative: true, reviewComment: true, updatedAt: true }, orderBy: { id: 'asc' },
    }),
    statusEvents: await db.statusEvent.count(),
    auditEvents: await db.auditEvent.count(),
    evidence: (await db.evidenceLink.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id),
    files: await db.storedFile.count(),
    cycles: await db.reportingCycle.findMany({ select: { code: true, state: true, updatedAt: true }, orderBy: { code: 'asc' } }),
    cycleScope: (await db.cycleInstrument.count()) + (await db.cycleEntity.count()),
  };
}

function form(fields: Fields): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return data;
}

const call = (action: ActionName, fields: Fields) => actions[action](null, form(fields));

const refused = (outcome: Exclude<Outcome, 'ok'>) => ({ ok: false, message: REFUSAL[outcome], fieldErrors: {} });

/** The domain error key a mutation was refused with (or "resolved"). */
const refusalKey = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: DomainError) => error.key ?? String(error));

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  const [reportActions, cycleActions] = await Promise.all([import('@/lib/status-reports/actions'), import('@/lib/cycles/actions')]);
  actions = { ...reportActions, ...cycleActions } as unknown as Record<ActionName, AnyAction>;
  actionState = await import('@/lib/action-state');
  session = await import('@/lib/auth/session');

  world = await createStatusWorld(database.db);
  const db = database.db;
  instrumentId = (await db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } })).id;
  areaId = (await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } })).id;
  const document = await db.sourceDocument.create({
    data: { symbol: 'X/TEST/1', title: 'Synthetic document', language: 'en', kind: 'OTHER', checksum: 'synthetic' },
    select: { id: true },
  });
  paragraphId = (await db.paragraph.create({
    data: { documentId: document.id, number: 1, sectionPath: '1', text: 'An invented paragraph about gadget monitoring.', footnoteRefs: [] },
    select: { id: true },
  })).id;

  // Signed in (session version 0), then disabled, or signed out elsewhere (version bumped).
  const twin = async (key: string, role: FixtureUser['role'], entityId: string | null, change: 'disabled' | 'stale'): Promise<FixtureUser> => {
    const email = `${key}-${change}@example.test`;
    const created = await db.user.create({ data: { email, name: email, role, entityId, passwordHash: 'not a real hash' }, select: { id: true } });
    await db.user.update({ where: { id: created.id }, data: change === 'disabled' ? { disabled: true } : { sessionVersion: { increment: 1 } } });
    return { id: created.id, email, role, entityId };
  };
  twins = {
    focal: { disabled: await twin('focal-mex', 'FOCAL_POINT', world.entities.MEX, 'disabled'), stale: await twin('focal-mex', 'FOCAL_POINT', world.entities.MEX, 'stale') },
    secretariat: { disabled: await twin('secretariat', 'SECRETARIAT', null, 'disabled'), stale: await twin('secretariat', 'SECRETARIAT', null, 'stale') },
    admin: { disabled: await twin('admin', 'ADMIN', null, 'disabled'), stale: await twin('admin', 'ADMIN', null, 'stale') },
  };
});

beforeEach(() => {
  signInAs(null);
  revalidatePath.mockClear();
});

// Cycle rows close the fixture's cycle and open others: put it back, one open cycle at a time.
afterEach(async () => {
  await database.db.reportingCycle.updateMany({ where: { code: { not: world.cycle.code }, state: 'OPEN' }, data: { state: 'CLOSED' } });
  await setCycleState(world.cycle.code, 'OPEN');
});

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await database.drop();
});

// ---------------------------------------------------------------------------------------------

describe('the role x action matrix', () => {
  describe.each(MATRIX)('%s', (scenarioName, ...outcomes) => {
    const scenario: Scenario = SCENARIOS[scenarioName];
    const allowedRole = (['ownFocal', 'secretariat', 'admin'] as const).find((role) => outcomes[ROLES.indexOf(role)] === OK)!;
    const twinKey = allowedRole === 'ownFocal' ? 'focal' : allowedRole;

    const cases: { who: string; outcome: Outcome; user: () => FixtureUser | null; mayNotReadIt: boolean }[] = [
      ...ROLES.map((role, index) => ({ who: role, outcome: outcomes[index]!, user: () => userOf(role), mayNotReadIt: role === 'anonymous' || role === 'viewer' || role === 'foreignFocal' })),
      { who: `disabled ${twinKey}`, outcome: S, user: () => twins[twinKey].disabled, mayNotReadIt: false },
      { who: `stale session of ${twinKey}`, outcome: S, user: () => twins[twinKey].stale, mayNotReadIt: false },
    ];

    it.each(cases.map((entry) => [entry.who, entry.outcome, entry] as const))('%s: %s', async (who, outcome, { user }) => {
      const prepared = await scenario.prepare();
      signInAs(user());
      const before = await databaseState();
      const result = await call(scenario.action, prepared.fields);

      if (outcome === OK) {
        expect(result, who).toMatchObject({ ok: true });
        await prepared.effect((result as { data: unknown }).data);
        if (scenario.action !== 'searchReportParagraphsAction') expect(revalidatePath).toHaveBeenCalled();
        return;
      }
      expect(result).toStrictEqual(refused(outcome));
      expect(await databaseState()).toEqual(before);
      expect(revalidatePath).not.toHaveBeenCalled();
    });

    // Those who may not read MEX's reports get the same answer whether the ids exist or not.
    const aboutAReport = !scenario.action.endsWith('CycleAction');
    const strangers = aboutAReport ? cases.filter((entry) => entry.mayNotReadIt).map((entry) => [entry.who, entry] as const) : [];
    it.each(strangers)('%s: the same answer for ids that do not exist', async (_who, { user }) => {
      const prepared = await scenario.prepare();
      expect(prepared.unknownIds).toBeDefined();
      signInAs(user());
      const before = await databaseState();
      const withReal = await call(scenario.action, prepared.fields);
      const withUnknown = await call(scenario.action, prepared.unknownIds!);
      expect(withUnknown).toStrictEqual(withReal);
      expect(await databaseState()).toEqual(before);
    });
  });
});

describe('mixed ids', () => {
  it("removing another entity's evidence through one's own report finds nothing, and removes nothing", async () => {
    const own = await reportIn('DRAFT');
    const foreignKey = { ...(await freshKey()), entityId: world.entities.NGA };
    const foreign = await saveStatusReport(database.db, world.users.focalNga, {
      ...foreignKey, version: 0, status: 'NOT_STARTED', narrative: 'Synthetic.', asOf: null, intent: 'save',
    });
    const foreignLink = await linkReportUrl(database.db, world.users.focalNga, { reportId: foreign.id, url: 'https://example.org/nga', title: 'Synthetic', note: '' });
    signInAs(world.users.focalMex);
    const before = await databaseState();
    const result = await call('removeReportEvidenceAction', { reportId: own.id, evidenceId: foreignLink.id });
    expect(result).toStrictEqual({ ok: false, message: message('errors', 'evidence.unknown'), fieldErrors: {} });
    expect(await databaseState()).toEqual(before);
  });

  it("a report's evidence cannot be removed or decided through the commitment-level evidence actions", async () => {
    const evidenceActions = (await import('@/lib/evidence/actions')) as unknown as Record<string, AnyAction>;
    const own = await reportIn('DRAFT');
    const link = await linkReportUrl(database.db, world.users.focalMex, { reportId: own.id, url: 'https://example.org/mex', title: 'Synthetic', note: '' });
    await saveStatusReport(database.db, world.users.focalMex, { ...own.key, version: own.version, status: 'IN_PROGRESS', narrative: 'Synthetic.', asOf: null, intent: 'submit' });
    const before = await databaseState();
    // The one who attached it, once it is submitted, and the secretariat, whose rights on
    // commitment-level evidence are wider: neither reaches it this way.
    for (const user of [world.users.focalMex, world.users.secretariat]) {
      signInAs(user);
      const removed = await evidenceActions.removeEvidenceAction!(null, form({ evidenceId: link.id }));
      expect(removed).toStrictEqual({ ok: false, message: message('errors', 'evidence.unknown'), fieldErrors: {} });
    }
    const decided = await evidenceActions.decideSuggestionAction!(null, form({ evidenceId: link.id, decision: 'reject' }));
    expect(decided).toStrictEqual({ ok: false, message: message('errors', 'evidence.unknown'), fieldErrors: {} });
    expect(await databaseState()).toEqual(before);
  });

  it("a focal point saving under another entity's id is told it does not exist, and nothing is written", async () => {
    const key = { ...(await freshKey()), entityId: world.entities.NGA };
    signInAs(world.users.focalMex);
    const before = await databaseState();
    const result = await call('saveStatusReportAction', { ...key, version: '0', status: 'IN_PROGRESS', narrative: 'x', asOf: '', intent: 'submit' });
    expect(result).toStrictEqual(refused(N));
    expect(await databaseState()).toEqual(before);
  });
});

// The actions authorize first, which hides the mutations' own checks: call the mutations
// directly with the actors the actions turn away.
describe('the mutations refuse on their own (the second check)', () => {
  type Report = Awaited<ReturnType<typeof reportIn>> & { evidenceId: string };
  type Case = [what: string, actor: keyof StatusWorld['users'], state: 'DRAFT' | 'SUBMITTED', run: (actor: ReportActor, report: Report) => Promise<unknown>, key: string];
  const save = (intent: 'save' | 'submit') => (actor: ReportActor, report: Report) =>
    saveStatusReport(database.db, actor, { ...report.key, version: report.version, status: 'IN_PROGRESS', narrative: 'Changed.', asOf: null, intent });
  const file = { fileName: 'evidence.txt', bytes: new TextEncoder().encode('Synthetic.\n'), note: '' };
  const ids = (report: Report) => ({ reportId: report.id, version: report.version });
  const CASES: Case[] = [
    ['save', 'focalNga', 'DRAFT', save('save'), 'statusReports.notFound'],
    ['save', 'viewer', 'DRAFT', save('save'), 'statusReports.notFound'],
    ['save', 'secretariat', 'DRAFT', save('save'), 'statusReports.refused.role'],
    ['submit', 'admin', 'DRAFT', save('submit'), 'statusReports.refused.role'],
    ['withdraw', 'focalNga', 'SUBMITTED', (actor, report) => withdrawStatusReport(database.db, actor, ids(report)), 'statusReports.notFound'],
    ['withdraw', 'secretariat', 'SUBMITTED', (actor, report) => withdrawStatusReport(database.db, actor, ids(report)), 'statusReports.refused.role'],
    ['accept', 'focalMex', 'SUBMITTED', (actor, report) => reviewStatusReport(database.db, actor, { ...ids(report), decision: 'accept', comment: '' }), 'statusReports.refused.role'],
    ['return', 'focalNga', 'SUBMITTED', (actor, report) => reviewStatusReport(database.db, actor, { ...ids(report), decision: 'return', comment: 'x' }), 'statusReports.notFound'],
    ['accept several', 'focalMex', 'SUBMITTED', (actor, report) => acceptStatusReports(database.db, actor, [ids(report)]), 'statusReports.refused.role'],
    ['link a paragraph', 'focalNga', 'DRAFT', (actor, report) => linkReportParagraph(database.db, actor, { reportId: report.id, paragraphId, note: '' }), 'statusReports.notFound'],
    ['link a web page', 'secretariat', 'DRAFT', (actor, report) => linkReportUrl(database.db, actor, { reportId: report.id, url: 'https://example.org/', title: 'x', note: '' }), 'statusReports.refused.role'],
    ['link a file', 'viewer', 'DRAFT', (actor, report) => linkReportFile(database.db, actor, { reportId: report.id, ...file }), 'statusReports.notFound'],
    ['link a file', 'admin', 'DRAFT', (actor, report) => linkReportFile(database.db, actor, { reportId: report.id, ...file }), 'statusReports.refused.role'],
    ['remove evidence', 'focalNga', 'DRAFT', (actor, report) => removeReportEvidence(database.db, actor, { reportId: report.id, evidenceId: report.evidenceId }), 'statusReports.notFound'],
    ['remove evidence', 'secretariat', 'DRAFT', (actor, report) => removeReportEvidence(database.db, actor, { reportId: report.id, evidenceId: report.evidenceId }), 'statusReports.refused.role'],
    ['create a cycle', 'focalMex', 'DRAFT', (actor) => createCycle(database.db, actor, {
      code: freshCycleCode(), nameEn: 'x', nameZh: '', periodStart: '2027-01-01', periodEnd: '2027-12-31', opensOn: '2027-01-01', deadline: '2027-12-31', instruments: [],
    }), 'cycles.notAllowed'],
    ['close a cycle', 'viewer', 'DRAFT', (actor) => changeCycleState(database.db, actor, 'close', { code: world.cycle.code, reason: '' }), 'cycles.notAllowed'],
  ];

  it.each(CASES)('%s by %s', async (_what, actorName, state, run, key) => {
    const report = await reportIn(state);
    const evidenceId = state === 'DRAFT'
      ? (await linkReportUrl(database.db, world.users.focalMex, { reportId: report.id, url: 'https://example.org/kept', title: 'Synthetic', note: '' })).id
      : '';
    const before = await databaseState();
    expect(await refusalKey(run(world.users[actorName], { ...report, evidenceId }))).toBe(key);
    expect(await databaseState()).toEqual(before);
  });
});

describe('who is signed in', () => {
  it('is re-read from the database on every call: React cache does not keep the previous user', async () => {
    signInAs(world.users.focalMex);
    expect((await session.getOptionalUser())?.id).toBe(world.users.focalMex.id);
    signInAs(world.users.focalNga);
    expect((await session.getOptionalUser())?.id).toBe(world.users.focalNga.id);
    signInAs(null);
    expect(await session.getOptionalUser()).toBeNull();

    const report = await reportIn('DRAFT');
    const search = { reportId: report.id, q: 'gadget' };
    signInAs(world.users.focalMex);
    expect(await call('searchReportParagraphsAction', search)).toMatchObject({ ok: true });
    signInAs(world.users.focalNga);
    expect(await call('searchReportParagraphsAction', search)).toStrictEqual(refused(N));
    signInAs(world.users.focalMex);
    expect(await call('searchReportParagraphsAction', search)).toMatchObject({ ok: true });
  });

  it('ends at once when the account is disabled, or its session version bumped, after sign-in', async () => {
    const db = database.db;
    const user = await db.user.create({
      data: { email: 'later@example.test', name: 'later', role: 'FOCAL_POINT', entityId: world.entities.MEX, passwordHash: 'not a real hash' },
      select: { id: true },
    });
    const report = await reportIn('DRAFT');
    const search = { reportId: report.id, q: 'gadget' };
    signInAs({ id: user.id, sessionVersion: 0 });
    expect(await call('searchReportParagraphsAction', search)).toMatchObject({ ok: true });

    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await session.getOptionalUser()).toBeNull();
    expect(await call('searchReportParagraphsAction', search)).toStrictEqual(refused(S));
    signInAs({ id: user.id, sessionVersion: 1 }); // signing in again issues the new version
    expect(await call('searchReportParagraphsAction', search)).toMatchObject({ ok: true });

    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await call('searchReportParagraphsAction', search)).toStrictEqual(refused(S));
    signInAs({ id: 'no-such-user' });
    expect(await call('searchReportParagraphsAction', search)).toStrictEqual(refused(S));
  });
});

describe('invalid forms', () => {
  const firstSave = async () => ({ ...(await freshKey()), version: '0', status: 'IN_PROGRESS', narrative: 'Synthetic.', asOf: '', intent: 'save' });

  // The status is a union (a status, or '' for none): zod reports a failed union as a whole,
  // so its message is the generic "not valid" today, or "choose one" if the schema names it.
  const unknownStatus = expect.toBeOneOf([message('validation', 'chooseOne'), message('validation', 'invalid')]);

  it.each([
    ['a narrative of 10,001 characters', { narrative: 'x'.repeat(10_001) }, { narrative: [message('validation', 'narrativeTooLong')] }],
    ['an unknown status', { status: 'MOSTLY_DONE' }, { status: [unknownStatus] }],
    ['an unknown intent', { intent: 'publish' }, { intent: [message('validation', 'chooseOne')] }],
    ['both a long narrative and an unknown status', { narrative: 'x'.repeat(10_001), status: 'MOSTLY_DONE' },
      { narrative: [message('validation', 'narrativeTooLong')], status: [unknownStatus] }],
  ])('%s: every field error, nothing written', async (_what, change, fieldErrors) => {
    signInAs(world.users.focalMex);
    const fields = { ...(await firstSave()), ...change };
    const before = await databaseState();
    expect(await call('saveStatusReportAction', fields)).toStrictEqual({ ok: false, message: message('actions', 'invalid'), fieldErrors });
    expect(await databaseState()).toEqual(before);
  });

  it('a return without a comment, and a malformed acceptance list, are refused with their field errors', async () => {
    const report = await reportIn('SUBMITTED');
    signInAs(world.users.secretariat);
    const before = await databaseState();
    expect(await call('reviewStatusReportAction', { reportId: report.id, version: String(report.version), decision: 'return', comment: '  ' }))
      .toStrictEqual({ ok: false, message: message('actions', 'invalid'), fieldErrors: { comment: [message('validation', 'commentRequired')] } });
    expect(await call('acceptStatusReportsAction', { reports: `${report.id}; DROP TABLE` }))
      .toStrictEqual({ ok: false, message: message('actions', 'invalid'), fieldErrors: { reports: [message('validation', 'invalid')] } });
    expect(await databaseState()).toEqual(before);
  });
});

describe('unexpected errors', () => {
  it('are answered with the generic message, never the error or its stack, and write nothing', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    try {
      // PostgreSQL refuses a NUL character in text: the wrapper refuses it first, in words.
      signInAs(world.users.focalMex);
      const fields = { ...(await freshKey()), version: '0', status: 'IN_PROGRESS', narrative: 'before\u0000after', asOf: '', intent: 'save' };
      const before = await databaseState();
      const result = await call('saveStatusReportAction', fields);
      expect(result).toStrictEqual({ ok: false, message: message('actions', 'invalid'), fieldErrors: { narrative: [message('validation', 'nulCharacter')] } });
      expect(await databaseState()).toEqual(before);
      expect(logged).not.toHaveBeenCalled();

      // An error the action does not expect (a database failure, say).
      const secret = 'connection string postgresql://user:secret@db/internal';
      const throwing = actionState.formAction(z.object({}), () => true, async () => {
        throw new Error(secret);
      });
      const answer = await throwing(null, new FormData());
      expect(answer).toStrictEqual({ ok: false, message: message('actions', 'unexpected'), fieldErrors: {} });
      expect(logged).toHaveBeenCalledWith({ err: expect.objectContaining({ message: secret }) }, 'Unexpected error in a server action');
      expect(JSON.stringify(answer)).not.toMatch(/secret|postgresql|\bat\s.+:\d+:\d+/);
    } finally {
      logged.mockRestore();
    }
  });
});

describe("Next's control flow passes through the wrapper", () => {
  const rejection = async (action: (previous: null, formData: FormData) => Promise<unknown>) => {
    signInAs(world.users.focalMex);
    return action(null, new FormData()).then(() => 'resolved', (error: unknown) => error);
  };

  it.each(['authorize', 'handler'] as const)('notFound() in %s rejects with the not-found error', async (where) => {
    const action = actionState.formAction(
      z.object({}),
      () => (where === 'authorize' ? notFound() : true),
      async () => (where === 'handler' ? notFound() : 'unreachable'),
    );
    const error = await rejection(action);
    expect(isHTTPAccessFallbackError(error)).toBe(true);
    expect(getAccessFallbackHTTPStatus(error as never)).toBe(404);
  });

  it.each(['authorize', 'handler'] as const)("redirect('/x') in %s rejects with the redirect", async (where) => {
    const action = actionState.formAction(
      z.object({}),
      () => (where === 'authorize' ? redirect('/x') : true),
      async () => (where === 'handler' ? redirect('/x') : 'unreachable'),
    );
    const error = await rejection(action);
    expect(isRedirectError(error)).toBe(true);
    expect(getURLFromRedirectError(error as never)).toBe('/x');
  });
});
