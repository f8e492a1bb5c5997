// A text over its field's limit is refused in words that give the limit and the text's own length,
// and nothing is cut or saved (lib/action-state.ts): here through the real cycle action, against
// real PostgreSQL, as an administrator.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { signInAs } from '../support/action-context';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createAppTestDatabase } from '../support/test-database';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

let database: Awaited<ReturnType<typeof createAppTestDatabase>>;
let db: Db;
let world: StatusWorld;
let actions: typeof import('@/lib/cycles/actions');

beforeAll(async () => {
  database = await createAppTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
  actions = await import('@/lib/cycles/actions');
});

afterAll(async () => {
  await database?.drop();
});

function cycleForm(fields: Record<string, string>): FormData {
  const data = new FormData();
  const all = { code: '2031-limits', nameEn: '[TEST] 2031 cycle', nameZh: '', periodStart: '2031-01-01', periodEnd: '2031-12-31', opensOn: '2031-02-01', deadline: '2031-10-31', ...fields };
  for (const [key, value] of Object.entries(all)) data.append(key, value);
  return data;
}

it('refuses a name over 200 characters with the limit and the length, and saves nothing', async () => {
  signInAs(world.users.admin);
  const state = await actions.createCycleAction(null, cycleForm({ nameEn: `  ${'x'.repeat(207)}  ` }));
  expect(state?.ok).toBe(false);
  // Trimmed as the schema trims: 207 characters, 7 too many.
  expect(state && !state.ok && state.fieldErrors.nameEn).toEqual(['This has 207 characters; the limit is 200. Shorten it by 7.']);
  expect(await db.reportingCycle.count({ where: { code: '2031-limits' } })).toBe(0);
});

it('says every field error, not the first only, each in its own words', async () => {
  signInAs(world.users.admin);
  const state = await actions.createCycleAction(null, cycleForm({ nameEn: 'y'.repeat(201), nameZh: '年'.repeat(230), periodStart: '2031-02-31' }));
  expect(state && !state.ok && state.fieldErrors).toMatchObject({
    nameEn: ['This has 201 characters; the limit is 200. Shorten it by 1.'],
    nameZh: ['This has 230 characters; the limit is 200. Shorten it by 30.'],
    periodStart: ['Give a whole date that exists: day, month and year (such as 30 June 2026).'],
  });
});

it('takes a name of exactly 200 characters', async () => {
  signInAs(world.users.admin);
  const state = await actions.createCycleAction(null, cycleForm({ nameEn: 'z'.repeat(200) }));
  expect(state?.ok).toBe(true);
  expect((await db.reportingCycle.findUniqueOrThrow({ where: { code: '2031-limits' }, select: { name: true } })).name).toMatchObject({ en: 'z'.repeat(200) });
});
