// The open-data API (app/api/v1/**) against real PostgreSQL, called through its route handlers
// as each kind of caller: what each endpoint answers and in which shape (checked against the
// OpenAPI document it publishes), that an anonymous caller never gets drafts, submissions,
// unpublished cycles or reports accepted after publication, that the cursor walks every row
// exactly once, and the rate limit, ETag/304 and errors in words.
// Only the request-scoped parts of Next are supplied (tests/support/action-context.ts).
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { NextRequest } from 'next/server';
import type { WorkflowState } from '@/lib/generated/prisma/enums';
import { linkReportFile, linkReportParagraph, linkReportUrl } from '@/lib/status-reports/evidence-mutations';
import { reviewStatusReport, saveStatusReport, type ReportActor } from '@/lib/status-reports/mutations';
import { signInAs } from '../support/action-context';
import { createStatusWorld, type FixtureUser, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';
import { yearCycleName } from '@/lib/cycles/cycle-names';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

type Handler = (request: NextRequest) => Promise<Response>;
type Endpoint = 'thematic-areas' | 'cycles' | 'status-reports' | 'openapi.json';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let world: StatusWorld;
let routes: Record<Endpoint, Handler>;
let respond: typeof import('@/lib/open-data/respond');
let openApi: typeof import('@/lib/open-data/openapi').openApiDocument;
let focalUnodc: FixtureUser;

const EARLY = new Date('2026-03-01T09:00:00Z');
const PUBLISHED_AT = new Date('2026-04-01T12:00:00Z');
const LATE = new Date('2026-05-01T09:00:00Z');

/** Report ids by what became of them. */
const reports = {
  publishedAccepted: [] as string[],
  lateAccepted: [] as string[],
  submitted: '' as string,
  draft: '' as string,
  returned: '' as string,
  withEvidence: '' as string,
};

async function get(endpoint: Endpoint, query = '', headers: Record<string, string> = {}): Promise<Response> {
  return routes[endpoint](new NextRequest(`http://localhost/api/v1/${endpoint}${query}`, { headers }));
}

async function body<T = Record<string, unknown>>(response: Response): Promise<T> {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return (await response.json()) as T;
}

type Page = { data: Record<string, unknown>[]; nextCursor: string | null };

/** Follows nextCursor from the first page to the last; the ids in the order they came. */
async function walk(query: string, between?: (pages: number) => Promise<void>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    if (between && pages > 0) await between(pages);
    const response = await get('status-reports', `?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    const page = await body<Page>(response);
    ids.push(...page.data.map((item) => item.id as string));
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { ids, pages };
}

async function allIds(query = ''): Promise<string[]> {
  const page = await body<Page>(await get('status-reports', `?limit=500${query}`));
  expect(page.nextCursor).toBeNull();
  return page.data.map((item) => item.id as string);
}

/** A report taken from nothing to `final` by its focal point (and the secretariat, to review it). */
async function report(actor: ReportActor, commitmentId: string, final: WorkflowState, at: Date, narrative = '[TEST] Synthetic narrative.'): Promise<string> {
  const key = { cycleId: world.cycle.id, entityId: actor.entityId!, commitmentId };
  const status = 'IN_PROGRESS' as const;
  let result = await saveStatusReport(database.db, actor, { ...key, version: 0, status, narrative, asOf: '2026-02-28', intent: 'save' }, at);
  if (final === 'DRAFT') return result.id;
  result = await saveStatusReport(database.db, actor, { ...key, version: result.version, status, narrative, asOf: '2026-02-28', intent: 'submit' }, at);
  if (final === 'SUBMITTED') return result.id;
  const decision = final === 'ACCEPTED' ? 'accept' : 'return';
  await reviewStatusReport(database.db, world.users.secretariat, { reportId: result.id, version: result.version, decision, comment: decision === 'return' ? 'Say more.' : '' }, at);
  return result.id;
}

async function publish(version: number, action: 'PUBLISH' | 'UNPUBLISH', at: Date) {
  await database.db.summaryPublication.create({
    data: { cycleId: world.cycle.id, version, action, at, figures: {}, reason: action === 'UNPUBLISH' ? 'A correction.' : null },
  });
}

// ---------------------------------------------------------------------------------------------
// The OpenAPI document's schemas as validators: each answer is checked against what the document
// promises. Its references point into components; zod wants them in $defs.

function schemaOf(schema: unknown): z.ZodType {
  const text = JSON.stringify({ ...(schema as object), $defs: openApi.components.schemas })
    .replaceAll('#/components/schemas/', '#/$defs/')
    // zod reads "uri-reference" as an absolute URL; a path on this site is a URI reference too.
    .replaceAll('"format":"uri-reference"', '"minLength":1');
  return z.fromJSONSchema(JSON.parse(text));
}

function responseSchema(path: string): z.ZodType {
  const ok = openApi.paths[path]!.get.responses['200']!;
  return schemaOf((ok as { content: Record<string, { schema: unknown }> }).content['application/json']!.schema);
}

function expectConforms(path: string, value: unknown) {
  const result = responseSchema(path).safeParse(value);
  expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 1)).toBe(true);
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  const [areas, cycles, statusReports, openApiRoute] = await Promise.all([
    import('@/app/api/v1/thematic-areas/route'),
    import('@/app/api/v1/cycles/route'),
    import('@/app/api/v1/status-reports/route'),
    import('@/app/api/v1/openapi.json/route'),
  ]);
  routes = { 'thematic-areas': areas.GET, cycles: cycles.GET, 'status-reports': statusReports.GET, 'openapi.json': openApiRoute.GET };
  respond = await import('@/lib/open-data/respond');
  openApi = (await import('@/lib/open-data/openapi')).openApiDocument;

  const db = database.db;
  world = await createStatusWorld(db);
  const unodcId = world.entities.UNODC;
  const created = await db.user.create({ data: { email: 'focal-unodc@example.test', name: 'focal-unodc', role: 'FOCAL_POINT', entityId: unodcId, passwordHash: 'not a real hash' }, select: { id: true } });
  focalUnodc = { id: created.id, email: 'focal-unodc@example.test', role: 'FOCAL_POINT', entityId: unodcId };

  // Three more commitments in a sub-area of TA3, and one in TA3 itself.
  const instrument = await db.instrument.findUniqueOrThrow({ where: { code: 'TEST' }, select: { id: true } });
  const areaIds = Object.fromEntries((await db.thematicArea.findMany({ where: { code: { in: ['TA3', 'TA3.1'] } }, select: { id: true, code: true } })).map((area) => [area.code, area.id]));
  const more: string[] = [];
  for (const [index, [reference, area]] of ([['2(a)', 'TA3.1'], ['2(b)', 'TA3.1'], ['2(c)', 'TA3.1'], ['3', 'TA3']] as const).entries()) {
    const commitment = await db.commitment.create({
      data: {
        instrumentId: instrument.id, thematicAreaId: areaIds[area]!, reference, kind: 'OPERATIONAL_RECOMMENDATION', order: 10 + index,
        texts: { create: [{ locale: 'en', text: `[TEST] Synthetic commitment ${reference}.`, sourceName: 'test fixture' }] },
      },
      select: { id: true },
    });
    more.push(commitment.id);
  }
  const [c0, c1, c2] = world.commitments as [string, string, string];

  // A cycle long closed (never published) and one being prepared.
  await db.reportingCycle.create({
    data: {
      code: '2025', name: { en: '2025 reporting cycle', zh: '2025年报告周期' }, periodStart: new Date('2025-01-01'), periodEnd: new Date('2025-12-31'),
      opensAt: new Date('2025-01-01T00:00:00Z'), closesAt: new Date('2025-12-31T23:59:59Z'), state: 'CLOSED',
    },
  });
  await db.reportingCycle.create({
    data: {
      code: '2027', name: { en: '2027 reporting cycle', zh: '2027年报告周期' }, periodStart: new Date('2027-01-01'), periodEnd: new Date('2027-12-31'),
      opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-12-31T23:59:59Z'), state: 'PLANNED',
    },
  });

  // Evidence on one report while it is a draft, then accepted before publication.
  const { users } = world;
  const document = await db.sourceDocument.create({
    data: { symbol: 'X/TEST/1', title: 'Synthetic document', language: 'en', kind: 'OTHER', checksum: 'synthetic' },
    select: { id: true },
  });
  const paragraph = await db.paragraph.create({
    data: { documentId: document.id, number: 25, sectionPath: '1', text: 'An invented paragraph about gadget monitoring.', footnoteRefs: [] },
    select: { id: true },
  });
  const key = { cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: c0 };
  const draft = await saveStatusReport(db, users.focalMex, { ...key, version: 0, status: 'FULLY_IMPLEMENTED', narrative: '[TEST] Done, with evidence.', asOf: '2026-02-15', intent: 'save' }, EARLY);
  await linkReportParagraph(db, users.focalMex, { reportId: draft.id, paragraphId: paragraph.id, note: '' }, EARLY);
  await linkReportUrl(db, users.focalMex, { reportId: draft.id, url: 'https://example.org/evidence', title: 'A synthetic web page', note: '' }, EARLY);
  await linkReportFile(db, users.focalMex, { reportId: draft.id, fileName: 'evidence.txt', bytes: new TextEncoder().encode('Synthetic.\n'), note: '' }, EARLY);
  const submitted = await saveStatusReport(db, users.focalMex, { ...key, version: draft.version, status: 'FULLY_IMPLEMENTED', narrative: '[TEST] Done, with evidence.', asOf: '2026-02-15', intent: 'submit' }, EARLY);
  await reviewStatusReport(db, users.secretariat, { reportId: submitted.id, version: submitted.version, decision: 'accept', comment: '' }, EARLY);
  reports.withEvidence = draft.id;
  reports.publishedAccepted.push(draft.id);

  // Every entity: accepted before publication on the TA3 commitments; NGA and UNODC on c0 too.
  for (const actor of [users.focalMex, users.focalNga, focalUnodc]) {
    if (actor !== users.focalMex) reports.publishedAccepted.push(await report(actor, c0, 'ACCEPTED', EARLY));
    for (const commitmentId of more) reports.publishedAccepted.push(await report(actor, commitmentId, 'ACCEPTED', EARLY));
  }
  reports.submitted = await report(users.focalMex, c1, 'SUBMITTED', EARLY);
  reports.lateAccepted.push(await report(users.focalMex, c2, 'ACCEPTED', LATE));
  reports.draft = await report(users.focalNga, c1, 'DRAFT', EARLY);
  reports.returned = await report(users.focalNga, c2, 'RETURNED', EARLY);
  reports.lateAccepted.push(await report(focalUnodc, c1, 'ACCEPTED', LATE));
});

beforeEach(() => {
  signInAs(null);
});

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await database.drop();
});

const sorted = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// ---------------------------------------------------------------------------------------------
// Tests run in order: the cycle is unpublished at first, then published, then republished.

describe('before the cycle is published', () => {
  it('an anonymous caller gets no report at all, and the cycle says it is not published', async () => {
    expect(await allIds()).toEqual([]);
    expect(await allIds('&cycle=2026')).toEqual([]);
    const cycles = await body<{ data: { code: string; published: boolean }[] }>(await get('cycles'));
    expect(cycles.data.find((cycle) => cycle.code === '2026')?.published).toBe(false);
  });

  it('a focal point sees its own entity\'s accepted reports only', async () => {
    signInAs(world.users.focalMex);
    const ids = await allIds();
    expect(ids.length).toBeGreaterThan(0);
    const own = await database.db.statusReport.findMany({ where: { entityId: world.entities.MEX, state: 'ACCEPTED' }, select: { id: true } });
    expect(ids).toEqual(sorted(own.map((row) => row.id)));
  });
});

describe('GET /api/v1/thematic-areas', () => {
  it('lists every area, each chapter followed by its sub-areas, with its parent and titles', async () => {
    const response = await get('thematic-areas');
    expect(response.status).toBe(200);
    const { data } = await body<{ data: { code: string; parent: string | null; title: Record<string, string> }[] }>(response);
    expectConforms('/api/v1/thematic-areas', { data });
    expect(data).toHaveLength(await database.db.thematicArea.count());
    expect(data[0]).toMatchObject({ code: 'TA1', parent: null, title: { en: expect.any(String), zh: expect.any(String) } });
    const chapters = data.filter((area) => area.parent === null).map((area) => area.code);
    expect(chapters).toEqual(['TA1', 'TA2', 'TA3', 'TA4', 'TA5', 'TA6', 'TA7']);
    const ta3 = data.findIndex((area) => area.code === 'TA3');
    expect(data[ta3 + 1]).toMatchObject({ code: 'TA3.1', parent: 'TA3' });
    // Every sub-area comes after its chapter and before the next chapter.
    let chapter = '';
    for (const area of data) {
      if (area.parent === null) chapter = area.code;
      else expect(area.parent).toBe(chapter);
    }
  });
});

describe('GET /api/v1/cycles', () => {
  it('gives anonymous callers and viewers the open and closed cycles, oldest first, in the documented shape', async () => {
    for (const user of [null, world.users.viewer]) {
      signInAs(user);
      const { data } = await body<{ data: unknown[] }>(await get('cycles'));
      expectConforms('/api/v1/cycles', { data });
      expect(data).toEqual([
        {
          code: '2025', name: { en: '2025 reporting cycle', zh: '2025年报告周期' }, period: { start: '2025-01-01', end: '2025-12-31' },
          deadline: '2025-12-31T23:59:59.000Z', state: 'CLOSED', published: false,
        },
        {
          // The seeded open cycle is named in all six languages.
          code: '2026', name: yearCycleName(2026), period: { start: '2026-01-01', end: '2026-12-31' },
          deadline: '2026-12-31T23:59:59.000Z', state: 'OPEN', published: false,
        },
      ]);
    }
  });

  it('lists planned cycles for the secretariat and focal points', async () => {
    for (const user of [world.users.secretariat, world.users.focalNga]) {
      signInAs(user);
      const { data } = await body<{ data: { code: string; state: string }[] }>(await get('cycles'));
      expect(data.map((cycle) => [cycle.code, cycle.state])).toEqual([['2025', 'CLOSED'], ['2026', 'OPEN'], ['2027', 'PLANNED']]);
    }
  });
});

describe('once the cycle is published', () => {
  beforeAll(async () => {
    await publish(1, 'PUBLISH', PUBLISHED_AT);
  });

  it('the cycle says so', async () => {
    const { data } = await body<{ data: { code: string; published: boolean }[] }>(await get('cycles'));
    expect(data.map((cycle) => [cycle.code, cycle.published])).toEqual([['2025', false], ['2026', true]]);
  });

  it('an anonymous caller gets exactly the reports accepted by the time of publication', async () => {
    expect(await allIds()).toEqual(sorted(reports.publishedAccepted));
    expect(await allIds('&cycle=2026')).toEqual(sorted(reports.publishedAccepted));
    // Nothing of the unpublished cycle, and a planned one does not exist for them.
    expect(await allIds('&cycle=2025')).toEqual([]);
    const planned = await get('status-reports', '?cycle=2027');
    expect(planned.status).toBe(404);
    expect((await body<{ message: string }>(planned)).message).toBe('No reporting cycle has the code "2027". GET /api/v1/cycles lists them.');
  });

  it('never gives an anonymous caller or a viewer a draft, a submission, a returned report or a later acceptance', async () => {
    for (const user of [null, world.users.viewer]) {
      signInAs(user);
      const ids = await allIds();
      for (const hidden of [reports.submitted, reports.draft, reports.returned, ...reports.lateAccepted]) expect(ids).not.toContain(hidden);
      for (const state of ['SUBMITTED', 'DRAFT', 'RETURNED']) {
        const response = await get('status-reports', `?state=${state}`);
        expect(response.status).toBe(403);
        expect((await body<{ message: string }>(response)).message).toMatch(/^Only the secretariat and focal points/);
      }
    }
  });

  it('gives each item in the documented shape, with its evidence cited', async () => {
    const page = await body<Page>(await get('status-reports', '?entity=MEX&area=TA1'));
    expectConforms('/api/v1/status-reports', page);
    expect(page).toEqual({
      data: [{
        id: reports.withEvidence,
        cycle: '2026',
        entity: { code: 'MEX', kind: 'MEMBER_STATE', regionalGroup: 'LATIN_AMERICAN_CARIBBEAN' },
        commitment: { instrument: 'TEST', reference: '1(a)', area: 'TA1' },
        state: 'ACCEPTED',
        status: 'FULLY_IMPLEMENTED',
        asOf: '2026-02-15',
        narrative: '[TEST] Done, with evidence.',
        submittedAt: EARLY.toISOString(),
        reviewedAt: EARLY.toISOString(),
        evidence: [
          { kind: 'PARAGRAPH', citation: 'X/TEST/1, para. 25', url: '/en/documents/x-test-1/en/paragraphs/25', title: 'Synthetic document' },
          { kind: 'URL', url: 'https://example.org/evidence', title: 'A synthetic web page' },
          // The file's download is for signed-in readers of the report: no address here.
          { kind: 'FILE', title: 'evidence.txt' },
        ],
      }],
      nextCursor: null,
    });
  });

  it('gives the file\'s download address to those who may download it', async () => {
    signInAs(world.users.focalMex);
    const page = await body<Page>(await get('status-reports', '?entity=MEX&area=TA1'));
    const file = (page.data[0]!.evidence as { kind: string; url?: string }[]).find((item) => item.kind === 'FILE');
    expect(file?.url).toMatch(/^\/api\/evidence\/files\/[a-z0-9]+$/);
  });

  it('filters by area (a chapter includes its sub-areas), entity and cycle', async () => {
    const db = database.db;
    const idsWhere = async (where: object) => sorted((await db.statusReport.findMany({ where: { id: { in: reports.publishedAccepted }, ...where }, select: { id: true } })).map((row) => row.id));
    const ta3 = await idsWhere({ commitment: { thematicArea: { OR: [{ code: 'TA3' }, { parent: { code: 'TA3' } }] } } });
    expect(ta3).toHaveLength(12);
    expect(await allIds('&area=TA3')).toEqual(ta3);
    expect(await allIds('&area=TA3.1')).toEqual(await idsWhere({ commitment: { thematicArea: { code: 'TA3.1' } } }));
    expect(await allIds('&area=TA3.1')).toHaveLength(9);
    expect(await allIds('&area=TA2')).toEqual([]);
    expect(await allIds('&entity=NGA')).toEqual(await idsWhere({ entityId: world.entities.NGA }));
    expect(await allIds('&entity=NGA&area=TA1&cycle=2026')).toEqual(await idsWhere({ entityId: world.entities.NGA, commitment: { thematicArea: { code: 'TA1' } } }));
  });

  it('gives a focal point the published reports plus its own entity\'s, in any state it asks for', async () => {
    signInAs(world.users.focalMex);
    const [mexLate] = reports.lateAccepted;
    expect(await allIds()).toEqual(sorted([...reports.publishedAccepted, mexLate!]));
    expect(await allIds('&state=SUBMITTED')).toEqual([reports.submitted]);
    // Another entity's draft and returned report are not theirs.
    expect(await allIds('&state=DRAFT')).toEqual([]);
    expect(await allIds('&state=RETURNED')).toEqual([]);
    signInAs(world.users.focalNga);
    expect(await allIds('&state=DRAFT')).toEqual([reports.draft]);
    expect(await allIds('&state=RETURNED')).toEqual([reports.returned]);
    expect(await allIds('&state=SUBMITTED')).toEqual([]);
  });

  it('gives the secretariat every report, in each state it asks for', async () => {
    signInAs(world.users.secretariat);
    expect(await allIds()).toEqual(sorted([...reports.publishedAccepted, ...reports.lateAccepted]));
    expect(await allIds('&state=ACCEPTED')).toEqual(sorted([...reports.publishedAccepted, ...reports.lateAccepted]));
    expect(await allIds('&state=SUBMITTED')).toEqual([reports.submitted]);
    expect(await allIds('&state=DRAFT')).toEqual([reports.draft]);
    expect(await allIds('&state=RETURNED')).toEqual([reports.returned]);
    expect(await allIds('&cycle=2027')).toEqual([]);
  });

  it('walks every row exactly once, page by page, whatever the page size', async () => {
    const everyone = sorted(reports.publishedAccepted);
    expect(everyone).toHaveLength(15);
    for (const limit of [1, 4, 5, 14, 15, 100]) {
      const { ids, pages } = await walk(`limit=${limit}`);
      expect(ids).toEqual(everyone);
      expect(pages).toBe(Math.max(1, Math.ceil(everyone.length / limit)));
    }
    signInAs(world.users.secretariat);
    const { ids } = await walk('limit=3&area=TA3');
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    // The default page holds 100.
    const page = await body<Page>(await get('status-reports'));
    expect(page.data).toHaveLength(17);
    expect(page.nextCursor).toBeNull();
  });

  it('keeps a cursor valid while reports are added: every row that was there comes exactly once', async () => {
    signInAs(world.users.secretariat);
    const before = sorted([...reports.publishedAccepted, ...reports.lateAccepted]);
    let added = '';
    const { ids } = await walk('limit=5', async (pages) => {
      if (pages === 1) added = await report(focalUnodc, world.commitments[2]!, 'ACCEPTED', LATE);
    });
    reports.lateAccepted.push(added);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id !== added)).toEqual(before);
    // Ids grow with time: the new report comes at the end of the walk, not behind the cursor.
    expect(ids.at(-1)).toBe(added);
  });
});

describe('caching', () => {
  it('gives anonymous callers a public answer with a strong ETag, and 304 when it has not changed', async () => {
    for (const endpoint of ['thematic-areas', 'cycles', 'status-reports', 'openapi.json'] as const) {
      const first = await get(endpoint);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('public, max-age=300');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect((await get(endpoint)).headers.get('etag')).toBe(etag);

      const again = await get(endpoint, '', { 'if-none-match': etag! });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect((await get(endpoint, '', { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
      expect((await get(endpoint, '', { 'if-none-match': '"something-else"' })).status).toBe(200);
    }
  });

  it('tells caches to keep nothing of what a signed-in caller gets', async () => {
    signInAs(world.users.secretariat);
    for (const endpoint of ['cycles', 'status-reports'] as const) {
      const response = await get(endpoint);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('etag')).toBeNull();
    }
    // The same for everyone: cacheable even when signed in.
    expect((await get('thematic-areas')).headers.get('cache-control')).toBe('public, max-age=300');
  });
});

describe('bad requests', () => {
  const cases: [name: string, query: string, message: RegExp][] = [
    ['a cursor this API did not give', '?cursor=not-a-cursor', /^The cursor is not one this API gave out/],
    ['a cursor with characters base64url has not', '?cursor=%21%21%21', /^The cursor is not one this API gave out/],
    ['a cursor that decodes to something else than an id', `?cursor=${Buffer.from('x y/z').toString('base64url')}`, /^The cursor is not one this API gave out/],
    ['a limit of zero', '?limit=0', /^The parameter "limit" must be a whole number from 1 to 500; it was "0"\.$/],
    ['a limit over the maximum', '?limit=501', /^The parameter "limit" must be a whole number from 1 to 500/],
    ['a limit that is no number', '?limit=ten', /^The parameter "limit" must be a whole number/],
    ['a state that does not exist', '?state=accepted', /^The parameter "state" must be one of ACCEPTED, SUBMITTED, RETURNED, DRAFT; it was "accepted"\.$/],
    ['an unknown parameter', '?cylce=2026', /^Unknown parameter "cylce": it takes cycle, area, entity, state, cursor, limit\.$/],
    ['a parameter given twice', '?cycle=2026&cycle=2025', /^The parameter "cycle" was given 2 times: give it once\.$/],
    ['an overlong code', `?entity=${'X'.repeat(200)}`, /^The parameter "entity" is too long/],
  ];

  it.each(cases)('%s is a 400 in words', async (_name, query, message) => {
    const response = await get('status-reports', query);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = await body<{ message: string }>(response);
    expect(Object.keys(answer)).toEqual(['message']);
    expect(answer.message).toMatch(message);
  });

  it('an unknown cycle, area or entity code is a 404 in words', async () => {
    for (const [query, message] of [
      ['?cycle=1999', 'No reporting cycle has the code "1999". GET /api/v1/cycles lists them.'],
      ['?area=TA9', 'No thematic area has the code "TA9". GET /api/v1/thematic-areas lists them.'],
      ['?entity=XXX', expect.stringMatching(/^No reporting entity has the code "XXX"/)],
    ] as const) {
      const response = await get('status-reports', query);
      expect(response.status).toBe(404);
      expect(await body(response)).toEqual({ message });
    }
  });

  it('parameters are refused by the endpoints that take none', async () => {
    for (const endpoint of ['thematic-areas', 'cycles', 'openapi.json'] as const) {
      const response = await get(endpoint, '?cycle=2026');
      expect(response.status).toBe(400);
      expect(await body(response)).toEqual({ message: 'Unknown parameter "cycle": it takes none.' });
    }
  });

  it('empty parameters count as absent', async () => {
    const response = await get('status-reports', '?cycle=&area=&entity=&state=&cursor=&limit=');
    expect(response.status).toBe(200);
    expect((await body<Page>(response)).data.map((item) => item.id)).toEqual(sorted(reports.publishedAccepted));
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit, per client', async () => {
    const saved = respond.openDataSettings.limit;
    respond.openDataSettings.limit = { max: 3, windowSeconds: 3600 };
    // The counts of the requests of the tests before: the window starts now for everyone.
    await database.db.rateLimitCounter.deleteMany();
    try {
      const from = (address: string) => ({ 'x-client-address': address });
      for (let count = 0; count < 3; count += 1) expect((await get('cycles', '', from('198.51.100.7'))).status).toBe(200);
      const refused = await get('status-reports', '', from('198.51.100.7'));
      expect(refused.status).toBe(429);
      const seconds = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600).toBe(true);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(await body(refused)).toEqual({ message: `Too many requests: try again in ${seconds} seconds.` });
      // An ETag does not get around it.
      expect((await get('cycles', '', { ...from('198.51.100.7'), 'if-none-match': '*' })).status).toBe(429);

      // Another address, and a signed-in caller (counted per account, wherever it calls from), are not held up.
      expect((await get('cycles', '', from('198.51.100.8'))).status).toBe(200);
      signInAs(world.users.viewer);
      for (let count = 0; count < 3; count += 1) expect((await get('cycles', '', from('198.51.100.7'))).status).toBe(200);
      expect((await get('cycles', '', from('198.51.100.9'))).status).toBe(429);
      signInAs(world.users.focalNga);
      expect((await get('cycles', '', from('198.51.100.7'))).status).toBe(200);
    } finally {
      respond.openDataSettings.limit = saved;
    }
  });
});

describe('GET /api/v1/openapi.json', () => {
  const EXPECTED_PATHS = ['/api/v1/thematic-areas', '/api/v1/cycles', '/api/v1/summaries/{areaCode}', '/api/v1/status-reports', '/api/v1/openapi.json'];

  it('is an OpenAPI 3.1 document that lists every path of the API', async () => {
    const response = await get('openapi.json');
    expect(response.status).toBe(200);
    const document = JSON.parse(await response.text()) as typeof openApi;
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toEqual(expect.any(String));
    expect(Object.keys(document.paths).sort()).toEqual([...EXPECTED_PATHS].sort());
    for (const path of EXPECTED_PATHS) {
      const operation = document.paths[path]!.get;
      expect(operation.responses['200'], path).toBeDefined();
      expect(operation.responses['429'], path).toBeDefined();
    }
    expect(document.paths['/api/v1/summaries/{areaCode}']!.get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'areaCode', in: 'path', required: true }), expect.objectContaining({ name: 'cycle', in: 'query' })]),
    );
  });

  it('describes every route under app/api/v1', () => {
    const root = join(process.cwd(), 'app', 'api', 'v1');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith(`${sep}route.ts`) || file === 'route.ts');
    const paths = files.map((file) => `/api/v1/${file.split(sep).slice(0, -1).join('/')}`.replace(/\[(\w+)\]/g, '{$1}'));
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const path of paths) expect(Object.keys(openApi.paths), path).toContain(path);
  });

  it('resolves every reference it makes', () => {
    const text = JSON.stringify(openApi);
    const references = [...text.matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)];
    expect(references.length).toBeGreaterThan(10);
    for (const [, kind, name] of references) {
      expect((openApi.components as Record<string, Record<string, unknown>>)[kind!]?.[name!], `${kind}/${name}`).toBeDefined();
    }
  });

  it('describes the summary in the exact shape of the issue, and rejects a summary without its fields', () => {
    const distribution = { NOT_STARTED: 1, IN_PROGRESS: 2, SUBSTANTIALLY_IMPLEMENTED: 0, FULLY_IMPLEMENTED: 1, NOT_APPLICABLE: 0, NO_REPORT: 5 };
    const summary = {
      area: { code: 'TA1', title: { en: 'Demand reduction', zh: '减少需求' } },
      cycle: { code: '2026', published: true },
      entities: { expected: 10, reporting: 2, memberStatesExpected: 8, memberStatesReporting: 2 },
      distribution,
      progressIndex: 0.5,
      byRegionalGroup: [{ group: 'AFRICAN', distribution, progressIndex: null }],
      commitments: [{ reference: '1(a)', instrument: 'UNGASS2016', distribution, progressIndex: 1 }],
      trend: [{ cycle: '2026', progressIndex: 0.5 }],
    };
    const schema = responseSchema('/api/v1/summaries/{areaCode}');
    expect(schema.safeParse(summary).success).toBe(true);
    expect(schema.safeParse({ ...summary, progressIndex: 1.5 }).success).toBe(false);
    expect(schema.safeParse({ ...summary, distribution: { ...distribution, NO_REPORT: undefined } }).success).toBe(false);
    const { trend: _trend, ...withoutTrend } = summary;
    expect(schema.safeParse(withoutTrend).success).toBe(false);
  });
});

describe('publishing again', () => {
  it('an unpublished cycle disappears for anonymous callers, and a new publication brings the later acceptances', async () => {
    const before = await get('status-reports');
    const etag = before.headers.get('etag')!;
    await publish(2, 'UNPUBLISH', new Date('2026-05-10T00:00:00Z'));
    expect(await allIds()).toEqual([]);
    const { data } = await body<{ data: { code: string; published: boolean }[] }>(await get('cycles'));
    expect(data.find((cycle) => cycle.code === '2026')?.published).toBe(false);
    expect((await get('status-reports', '', { 'if-none-match': etag })).status).toBe(200);

    await publish(3, 'PUBLISH', new Date('2026-05-20T00:00:00Z'));
    expect(await allIds()).toEqual(sorted([...reports.publishedAccepted, ...reports.lateAccepted]));
    for (const hidden of [reports.submitted, reports.draft, reports.returned]) expect(await allIds()).not.toContain(hidden);
  });
});
