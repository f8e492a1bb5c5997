// Who may read which status reports, against real PostgreSQL: the queries behind the report page,
// the worklist, the review queue and the dashboard (lib/status-reports/queries.ts), and the
// download of an evidence file (app/api/evidence/files/[id]). A reader who may not see an
// entity's reports gets a 404 (Next's `notFound()`), never a 403 and never data, and that 404 is
// the very one an unknown id gets: the answer must not tell a stranger that a report exists.
// The report under test belongs to MEX; NGA's focal point is the stranger.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback';
import type { SessionUser } from '@/lib/auth/session';
import { parseReviewFilters, parseWorklistFilters } from '@/lib/status-reports/filters';
import { linkReportFile } from '@/lib/status-reports/evidence-mutations';
import { reviewStatusReport, saveStatusReport } from '@/lib/status-reports/mutations';
import { signInAs } from '../support/action-context';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';

// The queries take the user as an argument; only the file route reads a session
// (getOptionalUser), whose module also imports next-intl/server. See tests/support/action-context.ts.
vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));

type Queries = typeof import('@/lib/status-reports/queries');
type FileRoute = typeof import('@/app/api/evidence/files/[id]/route');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let world: StatusWorld;
let queries: Queries;
let fileRoute: FileRoute;

// ---------------------------------------------------------------------------------------------
// Who reads.

type UserName = keyof StatusWorld['users'];
const READERS: UserName[] = ['focalMex', 'focalMex2', 'secretariat', 'admin'];
const STRANGERS: UserName[] = ['focalNga', 'viewer'];
const EVERYONE: UserName[] = [...READERS, ...STRANGERS];

/** Each fixture user as the session gives it to the queries (re-read from the database). */
let sessionUsers: Record<UserName, SessionUser>;
const as = (name: UserName) => sessionUsers[name];

// ---------------------------------------------------------------------------------------------
// What is there. Written through the mutations, inside the 2026 cycle (open all year).

const NOW = new Date('2026-06-01T12:00:00Z');
const LATER = new Date('2026-06-02T12:00:00Z');
const NARRATIVE = { DRAFT: 'MEX draft narrative (synthetic).', ACCEPTED: 'MEX accepted narrative (synthetic).' } as const;
const NGA_WORD = 'zyxwvutsrq'; // only in NGA's narratives, to search for

/** The filters of a page opened without a query string: the whole list. */
const NO_WORKLIST_FILTERS = parseWorklistFilters({});
const NO_REVIEW_FILTERS = parseReviewFilters({});

/** A 1x1 PNG: evidence as a focal point uploads it. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

let commitments: { draft: string; accepted: string; submitted: string; outOfScope: string };
let reportIds: { mexSubmitted: string; ngaSubmitted: string };
let fileId: string;

async function write(user: UserName, entity: 'MEX' | 'NGA', commitmentId: string, intent: 'save' | 'submit', narrative: string) {
  const actor = world.users[user];
  return saveStatusReport(database.db, actor, {
    cycleId: world.cycle.id, entityId: world.entities[entity], commitmentId, version: 0, status: 'IN_PROGRESS', narrative, asOf: null, intent,
  }, NOW);
}

// ---------------------------------------------------------------------------------------------
// What comes back.

/** What a promise rejected with (a resolution is a failure of its own). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then((value) => ({ resolved: value }), (error: unknown) => error);
}

/** The 404 of `notFound()`: what the page renders and what the reader learns, all of it. */
function expectNotFound(error: unknown) {
  expect(isHTTPAccessFallbackError(error)).toBe(true);
  expect(getAccessFallbackHTTPStatus(error as never)).toBe(404);
}

/** Everything about a thrown error that could differ between "refused" and "not there". */
const shapeOf = (error: unknown) => {
  const { constructor, name, message, digest, cause } = error as Error & { digest?: string };
  return { constructor, name, message, digest, cause, own: Object.keys(error as object) };
};

/** A refusal: a 404, indistinguishable from the one for `unknown`. */
async function expectRefusedLike(refused: Promise<unknown>, unknown: Promise<unknown>) {
  // Both handled at once: the second promise is already running, and may reject first.
  const [refusal, reference] = await Promise.all([rejection(refused), rejection(unknown)]);
  expectNotFound(refusal);
  expectNotFound(reference);
  expect(shapeOf(refusal)).toStrictEqual(shapeOf(reference));
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  database = await createTestDatabase();
  // lib/db.ts and lib/env.ts read these on first use: set them before importing the app's code.
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  queries = await import('@/lib/status-reports/queries');
  fileRoute = await import('@/app/api/evidence/files/[id]/route');

  const db = database.db;
  world = await createStatusWorld(db);
  sessionUsers = Object.fromEntries(await Promise.all(Object.entries(world.users).map(async ([name, fixture]) => [
    name,
    await db.user.findUniqueOrThrow({
      where: { id: fixture.id },
      select: { id: true, email: true, name: true, role: true, entityId: true, locale: true, entity: { select: { code: true, name: true } } },
    }),
  ]))) as Record<UserName, SessionUser>;

  // A commitment of an instrument the cycle does not cover: the cycle is narrowed to the others.
  const area = await db.thematicArea.findFirstOrThrow({ where: { code: 'TA1' }, select: { id: true } });
  const outside = await db.instrument.create({
    data: { code: 'OUTSIDE', symbol: 'OUTSIDE/1', title: { en: 'Instrument outside the cycle (synthetic)' }, adoptedYear: 2026, adoptedBy: { en: 'Tests' } },
    select: { id: true },
  });
  await db.reportingCycle.update({ where: { id: world.cycle.id }, data: { allInstruments: false } });
  await db.cycleInstrument.delete({ where: { cycleId_instrumentId: { cycleId: world.cycle.id, instrumentId: outside.id } } });
  const outOfScope = await db.commitment.create({
    data: { instrumentId: outside.id, thematicAreaId: area.id, reference: '1', kind: 'OPERATIONAL_RECOMMENDATION', order: 1 },
    select: { id: true },
  });
  const [draft, accepted, submitted] = world.commitments as [string, string, string];
  commitments = { draft, accepted, submitted, outOfScope: outOfScope.id };

  // MEX: one draft (with a file), one accepted, one submitted.
  const mexDraft = await write('focalMex', 'MEX', draft, 'save', NARRATIVE.DRAFT);
  const link = await linkReportFile(db, world.users.focalMex, { reportId: mexDraft.id, fileName: 'evidence.png', bytes: PNG, note: '' }, NOW);
  fileId = (await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id }, select: { fileId: true } })).fileId!;
  const mexAccepted = await write('focalMex', 'MEX', accepted, 'submit', NARRATIVE.ACCEPTED);
  await reviewStatusReport(db, world.users.secretariat, { reportId: mexAccepted.id, version: mexAccepted.version, decision: 'accept', comment: '' }, LATER);
  const mexSubmitted = await write('focalMex2', 'MEX', submitted, 'submit', 'MEX submission (synthetic).');

  // NGA: one draft, one submitted, one returned: counts MEX's dashboard must not include.
  await write('focalNga', 'NGA', draft, 'save', `NGA draft ${NGA_WORD}.`);
  const ngaSubmitted = await write('focalNga', 'NGA', accepted, 'submit', `NGA submission ${NGA_WORD}.`);
  const ngaReturned = await write('focalNga', 'NGA', submitted, 'submit', `NGA returned ${NGA_WORD}.`);
  await reviewStatusReport(db, world.users.secretariat, { reportId: ngaReturned.id, version: ngaReturned.version, decision: 'return', comment: 'Synthetic: say more.' }, LATER);
  reportIds = { mexSubmitted: mexSubmitted.id, ngaSubmitted: ngaSubmitted.id };
});

beforeEach(() => signInAs(null));

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await database.drop();
});

// ---------------------------------------------------------------------------------------------

describe('getReportView', () => {
  const key = (commitmentId: string, over: Partial<{ cycleCode: string; entityCode: string }> = {}) =>
    ({ cycleCode: world.cycle.code, entityCode: 'MEX', commitmentId, ...over });
  const view = (user: UserName, commitmentId: string, over: Partial<{ cycleCode: string; entityCode: string }> = {}) =>
    queries.getReportView(as(user), key(commitmentId, over), 'en', NOW);
  const STATES = ['DRAFT', 'ACCEPTED'] as const;
  const commitmentIn = (state: (typeof STATES)[number]) => (state === 'DRAFT' ? commitments.draft : commitments.accepted);

  describe.each(STATES)('a MEX report in state %s', (state) => {
    it.each(READERS)('%s reads it, narrative and all', async (user) => {
      const result = await view(user, commitmentIn(state));
      expect(result.entity.code).toBe('MEX');
      expect(result.report).toMatchObject({ state, narrative: NARRATIVE[state] });
      if (state === 'DRAFT') expect(result.evidence).toMatchObject([{ kind: 'FILE', href: `/api/evidence/files/${fileId}` }]);
    });

    it.each(STRANGERS)('%s gets the 404 of an unknown entity', async (user) => {
      await expectRefusedLike(view(user, commitmentIn(state)), view(user, commitmentIn(state), { entityCode: 'XXX' }));
    });
  });

  it('finds the entity whatever the case of its code', async () => {
    const result = await view('focalMex', commitments.draft, { entityCode: 'mex' });
    expect(result.entity.code).toBe('MEX');
    expect(result.report?.narrative).toBe(NARRATIVE.DRAFT);
  });

  // Every way of naming a report that does not exist (or lies outside the cycle's scope) is the
  // same 404, for every reader, the staff included.
  const UNKNOWN = [
    ['an unknown cycle code', () => key(commitments.draft, { cycleCode: '1999' })],
    ['an unknown entity code', () => key(commitments.draft, { entityCode: 'XXX' })],
    ['an unknown commitment id', () => key('no-such-commitment')],
    ['a commitment outside the cycle', () => key(commitments.outOfScope)],
  ] as const;
  describe.each(UNKNOWN)('%s', (_what, unknownKey) => {
    it.each(EVERYONE)('is a 404 for %s', async (user) => {
      await expectRefusedLike(
        queries.getReportView(as(user), unknownKey(), 'en', NOW),
        view(user, commitments.draft, { entityCode: 'XXX' }),
      );
    });
  });

  it("a stranger's 404 for a real report equals the owner's 404 for a missing one", async () => {
    await expectRefusedLike(view('focalNga', commitments.accepted), view('focalMex', 'no-such-commitment'));
  });
});

describe('getWorklist', () => {
  const worklist = (user: UserName, entityCode = 'MEX') => queries.getWorklist(as(user), entityCode, NO_WORKLIST_FILTERS, 'en', NOW);

  it.each(READERS)("%s gets MEX's rows, with MEX's states", async (user) => {
    const result = await worklist(user);
    expect(result.entity.code).toBe('MEX');
    expect(Object.fromEntries(result.rows.map((row) => [row.commitmentId, row.state]))).toEqual({
      [commitments.draft]: 'DRAFT', [commitments.accepted]: 'ACCEPTED', [commitments.submitted]: 'SUBMITTED',
    });
    for (const row of result.rows) expect(row.href).toBe(queries.reportPath(world.cycle.code, 'MEX', row.commitmentId));
  });

  it('finds the entity whatever the case of its code', async () => {
    expect((await worklist('focalMex', 'mex')).rows).toHaveLength(3);
  });

  it('says so, with no rows, for an entity the cycle does not expect a report from', async () => {
    const observer = await database.db.reportingEntity.findFirstOrThrow({ where: { kind: 'OBSERVER_STATE' }, select: { code: true } });
    const result = await worklist('secretariat', observer.code);
    expect(result).toMatchObject({ expected: false, rows: [], counts: { total: 0 } });
    expect((await worklist('secretariat', 'MEX')).expected).toBe(true);
  });

  // Case-insensitive equality is an ILIKE in PostgreSQL: unescaped, "M_X" would find MEX at an
  // address that is not its own, and "%" any entity at all.
  it.each(['M_X', 'M%', '%', 'ME\\X'])('takes %s literally, as no entity code', async (code) => {
    expectNotFound(await rejection(worklist('secretariat', code)));
  });

  it.each(STRANGERS)('%s gets the 404 of an unknown entity', async (user) => {
    await expectRefusedLike(worklist(user), worklist(user, 'XXX'));
  });

  it.each(EVERYONE)('an unknown entity is a 404 for %s', async (user) => {
    expectNotFound(await rejection(worklist(user, 'XXX')));
  });
});

describe('listReviewQueue', () => {
  const queue = (user: UserName) => queries.listReviewQueue(as(user), NO_REVIEW_FILTERS, 'en');

  it.each(['secretariat', 'admin'] as const)('%s sees the submissions, MEX among them', async (user) => {
    const result = await queue(user);
    expect(result.rows.map((row) => row.id).sort()).toEqual([reportIds.mexSubmitted, reportIds.ngaSubmitted].sort());
    expect(result.rows.find((row) => row.id === reportIds.mexSubmitted)).toMatchObject({
      state: 'SUBMITTED', entity: { code: 'MEX' }, href: queries.reportPath(world.cycle.code, 'MEX', commitments.submitted),
    });
  });

  // Even the owner: the queue is the secretariat's, and holds other entities' submissions.
  it.each(['focalMex', 'focalMex2', 'focalNga', 'viewer'] as const)('%s gets the same 404 as for an unknown report', async (user) => {
    await expectRefusedLike(queue(user), queries.getWorklist(as(user), 'XXX', NO_WORKLIST_FILTERS, 'en', NOW));
  });
});

describe('getDashboardCounts', () => {
  const MEX = { total: 3, reported: 2, returned: 0, drafts: 1 }; // draft; accepted + submitted
  const NGA = { total: 3, reported: 1, returned: 1, drafts: 1 }; // draft; submitted; returned
  it.each([
    ['focalMex', { waiting: null, own: MEX, assigned: null }],
    ['focalMex2', { waiting: null, own: MEX, assigned: null }],
    ['focalNga', { waiting: null, own: NGA, assigned: null }],
    ['secretariat', { waiting: 2, own: null, assigned: null }], // MEX's and NGA's submission
    ['admin', { waiting: 2, own: null, assigned: null }],
    ['viewer', { waiting: null, own: null, assigned: null }],
  ] as const)('%s: %j', async (user, expected) => {
    expect(await queries.getDashboardCounts(as(user))).toStrictEqual(expected);
  });

  it("staff's waiting count is every SUBMITTED report of the open cycle", async () => {
    const submitted = await database.db.statusReport.count({ where: { cycleId: world.cycle.id, state: 'SUBMITTED' } });
    expect((await queries.getDashboardCounts(as('secretariat')))?.waiting).toBe(submitted);
  });
});

describe('searchParagraphsForReport', () => {
  // It has no user: its caller (searchReportParagraphsAction) authorizes. It must search only the
  // imported documents, never what entities wrote in their reports.
  it("finds no report's narrative", async () => {
    expect(await queries.searchParagraphsForReport(NGA_WORD, 'en')).toEqual({ hits: [], total: 0 });
  });
});

describe('reportPath', () => {
  it('encodes every segment, so that an id cannot leave its place in the path', () => {
    expect(queries.reportPath('2026', 'MEX', 'abc')).toBe('/reports/2026/MEX/abc');
    expect(queries.reportPath('20/26', 'M?X', '../x#y')).toBe('/reports/20%2F26/M%3FX/..%2Fx%23y');
  });
});

describe('GET /api/evidence/files/[id]', () => {
  const get = (id: string, user: UserName | null) => {
    signInAs(user && world.users[user]);
    return fileRoute.GET(new NextRequest(`http://localhost/api/evidence/files/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });
  };

  /** Everything a response tells its reader. */
  const responseOf = async (response: Response) => ({
    status: response.status, headers: [...response.headers.entries()], body: new Uint8Array(await response.arrayBuffer()),
  });

  it.each(READERS)('%s downloads the file of a MEX report', async (user) => {
    const response = await get(fileId, user);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it.each(STRANGERS)('%s gets exactly the 404 of an unknown id', async (user) => {
    const refused = await responseOf(await get(fileId, user));
    expect(refused.status).toBe(404);
    expect(refused).toStrictEqual(await responseOf(await get('no-such-file', user)));
  });

  it.each(EVERYONE)('an unknown id is a 404 for %s', async (user) => {
    expect((await get('no-such-file', user)).status).toBe(404);
  });

  // Evidence a focal point proposes for a commitment is public only once the secretariat accepts it.
  it('serves a proposed commitment-level file to its proposer and the secretariat only, until it is accepted', async () => {
    const { linkFile } = await import('@/lib/evidence/mutations');
    const proposal = await linkFile(database.db, world.users.focalMex, { commitmentId: world.commitments[0]!, fileName: 'proposal.png', bytes: PNG, note: '' });
    const { fileId: proposed } = await database.db.evidenceLink.findUniqueOrThrow({ where: { id: proposal.id }, select: { fileId: true } });
    // One at a time: the signed-in user is one variable of the harness.
    const statuses = async () => {
      const result: Record<string, number> = {};
      for (const user of ['focalMex', 'secretariat', 'focalNga', 'viewer'] as const) result[user] = (await get(proposed!, user)).status;
      return result;
    };
    expect(await statuses()).toEqual({ focalMex: 200, secretariat: 200, focalNga: 404, viewer: 404 });
    await database.db.evidenceLink.update({ where: { id: proposal.id }, data: { state: 'ACCEPTED' } });
    expect(await statuses()).toEqual({ focalMex: 200, secretariat: 200, focalNga: 200, viewer: 200 });
  });

  it('sends an anonymous visitor to sign in, and back to the file', async () => {
    const response = await get(fileId, null);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/en/sign-in?callbackUrl=${encodeURIComponent(`/api/evidence/files/${fileId}`)}`);
    expect(await response.arrayBuffer()).toHaveProperty('byteLength', 0);
  });
});
