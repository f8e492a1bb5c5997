// The worklist in pages (lib/status-reports/queries.ts getWorklist): a cycle covers hundreds of
// commitments, and one page of all of them weighs megabytes. Filters apply to the whole list,
// the page is cut from what matches, and the counts stay those of the whole worklist.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { parseWorklistFilters } from '@/lib/status-reports/filters';
import { saveStatusReport } from '@/lib/status-reports/mutations';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';

vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));

type Queries = typeof import('@/lib/status-reports/queries');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let world: StatusWorld;
let queries: Queries;
let focal: SessionUser;
const NOW = new Date('2026-06-01T12:00:00Z');
/** The fixture's three commitments and these: 130 in the cycle, so three pages of 50. */
const ADDED = 127;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  queries = await import('@/lib/status-reports/queries');
  const db = database.db;
  world = await createStatusWorld(db);
  const template = await db.commitment.findUniqueOrThrow({ where: { id: world.commitments[0]! }, select: { instrumentId: true, thematicAreaId: true } });
  await db.commitment.createMany({
    data: Array.from({ length: ADDED }, (_, index) => ({
      ...template, reference: `2(${index + 1})`, kind: 'OPERATIONAL_RECOMMENDATION' as const, order: 100 + index,
    })),
  });
  focal = await db.user.findUniqueOrThrow({
    where: { id: world.users.focalMex.id },
    select: { id: true, email: true, name: true, role: true, entityId: true, locale: true, entity: { select: { code: true, name: true } } },
  }) as SessionUser;
  await saveStatusReport(db, world.users.focalMex, {
    cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: world.commitments[1]!, version: 0, status: 'IN_PROGRESS', narrative: '[TEST] Draft.', asOf: null, intent: 'save',
  }, NOW);
});

afterAll(async () => {
  await database?.drop();
});

const worklist = (query: Record<string, string>) => queries.getWorklist(focal, 'MEX', parseWorklistFilters(query), 'en', NOW);

it('shows the worklist fifty rows at a time, in order, with counts of the whole list', async () => {
  const [first, second, third] = await Promise.all([worklist({}), worklist({ page: '2' }), worklist({ page: '3' })]);
  expect([first.rows.length, second.rows.length, third.rows.length]).toEqual([queries.WORKLIST_PAGE_SIZE, queries.WORKLIST_PAGE_SIZE, 30]);
  expect(first).toMatchObject({ page: 1, pages: 3, matching: 130, counts: { total: 130 } });
  expect(third).toMatchObject({ page: 3, pages: 3, matching: 130, counts: { total: 130 } });
  const ids = [...first.rows, ...second.rows, ...third.rows].map((row) => row.commitmentId);
  expect(new Set(ids).size).toBe(130);
  expect(first.rows.slice(0, 3).map((row) => row.commitmentId)).toEqual(world.commitments);
});

it('cuts the page from what the filters match, and shows the last page for one past the end', async () => {
  const drafts = await worklist({ state: 'DRAFT', page: '1' });
  expect(drafts).toMatchObject({ matching: 1, pages: 1, page: 1, counts: { total: 130 } });
  expect(drafts.rows.map((row) => row.commitmentId)).toEqual([world.commitments[1]]);
  const beyond = await worklist({ page: '99' });
  expect(beyond).toMatchObject({ page: 3, pages: 3 });
  expect(beyond.rows).toHaveLength(30);
  // A page number that is not one is ignored: the first page.
  expect((await worklist({ page: 'x' })).page).toBe(1);
});
