// GET /api/v1/summaries/{areaCode}?cycle=: the shape the issue fixes, the published figures for
// everyone (404 for a cycle never published), live ones for the secretariat only.
// Only the request-scoped parts of Next are supplied (tests/support/action-context.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { reviewStatusReport, saveStatusReport } from '@/lib/status-reports/mutations';
import { publishSummaries } from '@/lib/summaries/mutations';
import { signInAs } from '../support/action-context';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let world: StatusWorld;
let route: typeof import('@/app/api/v1/summaries/[areaCode]/route');

const get = (area: string, query: string) =>
  route.GET(new NextRequest(`http://localhost/api/v1/summaries/${area}${query}`), { params: Promise.resolve({ areaCode: area }) });

async function acceptOne(commitmentId: string, at: Date) {
  const saved = await saveStatusReport(database.db, world.users.focalMex, {
    cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId, version: 0, status: 'IN_PROGRESS', narrative: '[TEST] Accepted.', asOf: null, intent: 'submit',
  }, at);
  await reviewStatusReport(database.db, world.users.secretariat, { reportId: saved.id, version: saved.version, decision: 'accept', comment: '' }, at);
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  route = await import('@/app/api/v1/summaries/[areaCode]/route');
  world = await createStatusWorld(database.db);
  await acceptOne(world.commitments[0]!, new Date('2026-06-01T00:00:00Z'));
});

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await database.drop();
});

describe('GET /api/v1/summaries/{areaCode}', () => {
  it('is a 404 in words to the public before the cycle is published, and live figures to the secretariat', async () => {
    signInAs(null);
    const refused = await get('TA1', `?cycle=${world.cycle.code}`);
    expect(refused.status).toBe(404);
    expect((await refused.json()).message).toMatch(/not published/);
    signInAs(world.users.focalMex);
    expect((await get('TA1', `?cycle=${world.cycle.code}`)).status).toBe(404);

    signInAs(world.users.secretariat);
    const live = await get('TA1', `?cycle=${world.cycle.code}`);
    expect(live.status).toBe(200);
    expect(live.headers.get('cache-control')).toBe('private, no-store');
    const body = await live.json();
    expect(body.cycle).toMatchObject({ code: world.cycle.code, published: false });
    expect(body.distribution.IN_PROGRESS).toBe(1);
    expect((await get('TA1', `?cycle=${world.cycle.code}&version=published`)).status).toBe(404);
  });

  it('answers the published figures, in the shape the issue fixes, and keeps them when more is accepted', async () => {
    await publishSummaries(database.db, world.users.secretariat, { cycleCode: world.cycle.code });
    await acceptOne(world.commitments[1]!, new Date(Date.now() + 1000));
    signInAs(null);
    const response = await get('ta1', `?cycle=${world.cycle.code}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/^public/);
    expect(response.headers.get('etag')).toBeTruthy();
    const body = await response.json();
    expect(Object.keys(body).slice(0, 8)).toEqual(['area', 'cycle', 'entities', 'distribution', 'progressIndex', 'byRegionalGroup', 'commitments', 'trend']);
    expect(body.area).toEqual({ code: 'TA1', title: expect.objectContaining({ en: expect.any(String) }) });
    expect(body.cycle).toMatchObject({ code: world.cycle.code, published: true });
    expect(Object.keys(body.entities)).toEqual(['expected', 'reporting', 'memberStatesExpected', 'memberStatesReporting']);
    expect(Object.keys(body.distribution)).toEqual(['NOT_STARTED', 'IN_PROGRESS', 'SUBSTANTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED', 'NOT_APPLICABLE', 'NO_REPORT']);
    expect(body.distribution.IN_PROGRESS).toBe(1);
    expect(body.progressIndex).toBeCloseTo(1 / 3);
    expect(body.byRegionalGroup[0]).toEqual({ group: 'AFRICAN', distribution: expect.any(Object), progressIndex: null });
    expect(body.commitments[0]).toMatchObject({ reference: '1(a)', instrument: 'TEST', progressIndex: 1 / 3 });
    expect(body.trend).toEqual([{ cycle: world.cycle.code, progressIndex: 1 / 3 }]);

    signInAs(world.users.secretariat);
    expect((await (await get('TA1', `?cycle=${world.cycle.code}`)).json()).distribution.IN_PROGRESS).toBe(2);
    expect((await (await get('TA1', `?cycle=${world.cycle.code}&version=published`)).json()).distribution.IN_PROGRESS).toBe(1);
  });

  it('says what is wrong with a bad request, in words', async () => {
    signInAs(null);
    for (const [area, query, status] of [['TA1', '', 400], ['TA9', `?cycle=${world.cycle.code}`, 404], ['TA1', '?cycle=1999', 404], ['TA1', `?cycle=${world.cycle.code}&colour=red`, 400]] as const) {
      const response = await get(area, query);
      expect(response.status).toBe(status);
      expect((await response.json()).message).toEqual(expect.any(String));
    }
  });
});
