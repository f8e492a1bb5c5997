// Every server action, called by everyone who may not call it, changes nothing; against real
// PostgreSQL. The actions are found in the sources (every export of every 'use server' module,
// tests/support/server-actions.ts), not listed by hand: an action without an entry in
// ACTION_SPECS (tests/support/action-sweep.ts) fails here the day it is written. Each entry aims
// the action at entity B's resources; each call by a caller the permission table turns away
// (nobody signed in, a disabled account, a stale session, a viewer, A's focal point and
// contributor, B's contributor where B's coordinator alone may, staff where only B may) must be
// refused and leave every table of the database, row for row, as it was. A control call by
// someone allowed proves that the fields reach the action's work, so the refusals are not
// merely a form that does not parse.
// Only the request-scoped parts of Next are supplied (tests/support/action-context.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { buildIsCurrent } from '@/scripts/build-stamp';
import {
  ACTION_SPECS, CALLERS, callAs, closeActionSweep, openActionSweep, sweepVariant, type ActionSweep, type ActionWorld, type AnyAction, type Variant,
} from '../support/action-sweep';
import type { Snapshotter } from '../support/database-snapshot';
import { actionKey, builtServerActions, findServerActions, ROOT } from '../support/server-actions';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

const inventory = findServerActions();
const keys = inventory.actions.map(actionKey);

let database: ActionSweep['database'];
let world: ActionWorld;
let actions: Record<string, AnyAction>;
let snapshots: Snapshotter;

beforeAll(async () => {
  ({ database, world, actions, snapshots } = await openActionSweep(inventory.actions));
});

afterAll(() => closeActionSweep({ database, snapshots }));

describe('the inventory of server actions', () => {
  it("finds the application's actions in its sources", () => {
    // A floor, not a count: the sweep must not silently find nothing.
    expect(inventory.actions.length).toBeGreaterThanOrEqual(40);
    expect(keys).toContain('lib/status-reports/actions.ts#saveStatusReportAction');
    expect(keys).toContain('lib/team/actions.ts#acceptInvitationAction');
  });

  it("names every function each 'use server' module exports, and nothing else", async () => {
    for (const file of new Set(inventory.actions.map((action) => action.file))) {
      const loaded = (await import(/* @vite-ignore */ `${ROOT}/${file}`)) as Record<string, unknown>;
      const exported = Object.keys(loaded).filter((name) => typeof loaded[name] === 'function').sort();
      expect(exported, file).toEqual(inventory.actions.filter((action) => action.file === file).map((action) => action.name).sort());
    }
  });

  it('finds no server action defined inline in a page or component (the sweep could not call it)', () => {
    expect(inventory.inline).toEqual([]);
  });

  it('has a sweep entry for every action, and no entry for an action that is gone', () => {
    expect(Object.keys(ACTION_SPECS).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('knows every action of the production build, when the build is of these sources', async () => {
    const built = builtServerActions();
    if (!built || !(await buildIsCurrent(ROOT))) return; // no build, or a build of other sources: nothing to compare
    expect(built.map(actionKey).filter((key) => !keys.includes(key))).toEqual([]);
  });
});

describe('every action, called by everyone who may not, is refused and changes nothing', () => {
  // Generated from the sources: a new action shows up here, and fails until it has an entry.
  describe.each(keys.map((key) => [key] as const))('%s', (key) => {
    const variants: Variant[] = ACTION_SPECS[key] ?? [];

    if (variants.length === 0) {
      it('has an entry in ACTION_SPECS (tests/support/action-sweep.ts): fields aimed at B, who may call it, a control', () => {
        expect.fail(`${key} is not swept: add it to ACTION_SPECS`);
      });
      return;
    }

    it.each(variants.map((variant) => [variant.what, variant] as const))('%s', async (_what, variant) => {
      const allowed = CALLERS.filter((name) => variant.allowed(world.callers[name], world));
      expect(allowed, 'the control must be someone allowed, or the token holder').toSatisfy(
        (names: string[]) => names.includes(variant.control) || variant.control === 'anonymous',
      );
      const { violations, refused, control } = await sweepVariant(world, snapshots, actions[key]!, variant, { control: true });
      // SWEEP_REPORT=1 prints who was refused and how, for a reader who wants the whole matrix.
      if (process.env.SWEEP_REPORT) console.log(`${key} (${variant.what})\n${refused.map((entry) => `  ${entry.caller}: ${entry.outcome}`).join('\n')}`);
      expect(violations).toEqual([]);
      // Everybody else was called: nobody may, apart from those the table allows.
      expect(refused.map((entry) => entry.caller).sort()).toEqual(CALLERS.filter((name) => !allowed.includes(name)).sort());
      // The control reaches the action's work with the same kind of fields.
      if (variant.controlOutcome === 'redirect') expect(control).toEqual({ kind: 'redirect' });
      else expect(control).toMatchObject({ kind: 'state', state: { ok: true } });
    });
  });
});

describe('the sweep catches an action without a check', () => {
  it("a throwaway action that forgets to authorize, writing B's report, fails the sweep for every signed-in caller", async () => {
    const { formAction } = await import('@/lib/action-state');
    const { db } = await import('@/lib/db');
    // Parses, signs in, then writes whatever it is told: no `can`, no entity check.
    const careless = formAction(z.strictObject({ reportId: z.string(), narrative: z.string() }), () => true, async (input) => {
      await db.statusReport.update({ where: { id: input.reportId }, data: { narrative: input.narrative } });
      return { done: true };
    }) as AnyAction;
    const variant: Variant = {
      what: "overwrite B's narrative",
      allowed: (caller, w) => caller.actor !== null && caller.actor.entityId === w.entities.B.id && caller.actor.role === 'FOCAL_POINT',
      control: 'focalB',
      prepare: async (w) => {
        const report = await w.reportOfB('DRAFT');
        return { fields: { reportId: report.id, narrative: '[TEST] Overwritten by a careless action.' } };
      },
    };
    const { violations } = await sweepVariant(world, snapshots, careless, variant);
    // Signed out, disabled and stale sessions are stopped by the wrapper; everyone else gets through.
    expect(violations.map((entry) => entry.caller).sort()).toEqual(['admin', 'contributorA', 'contributorB', 'focalA', 'reviewer', 'viewer']);
    for (const violation of violations) expect(violation.changed).toContain('public.StatusReport');
  });

  it('a throwaway action that reads without a check is caught too (a successful answer to someone who may not)', async () => {
    const { formAction } = await import('@/lib/action-state');
    const { db } = await import('@/lib/db');
    const leaky = formAction(z.strictObject({ reportId: z.string() }), () => true, async (input) =>
      db.statusReport.findUniqueOrThrow({ where: { id: input.reportId }, select: { narrative: true } })) as AnyAction;
    const variant: Variant = {
      what: "read B's narrative", allowed: (caller) => caller.name === 'focalB', control: 'focalB',
      prepare: async (w) => ({ fields: { reportId: w.b.draft.id } }),
    };
    const { violations } = await sweepVariant(world, snapshots, leaky, variant);
    expect(violations.map((entry) => entry.caller)).toContain('focalA');
    expect(violations.every((entry) => entry.changed.length === 0 && entry.outcome === 'ok')).toBe(true);
  });

  it('an action the sources gain without an entry is named by the coverage check', () => {
    const gained = [...keys, 'lib/throwaway/actions.ts#deleteEverythingAction'];
    expect(gained.filter((key) => !ACTION_SPECS[key])).toContain('lib/throwaway/actions.ts#deleteEverythingAction');
  });
});

describe('actions on "one\'s own" rows reach no one else\'s', () => {
  it("A's focal point marking all read leaves B's focal point's notifications unread", async () => {
    await world.reportOfB('RETURNED');
    const unread = () => database.db.notification.count({ where: { userId: world.users.focalB.id, readAt: null } });
    const before = await unread();
    expect(before).toBeGreaterThan(0);
    const outcome = await callAs(world.callers.focalA, actions['lib/notifications/inbox-actions.ts#markAllNotificationsReadAction']!, {});
    expect(outcome).toMatchObject({ kind: 'state', state: { ok: true } });
    expect(await unread()).toBe(before);
  });

  it("A's focal point previewing an upload of B's worklist plans no change: every row is another entity's", async () => {
    const lookup = await import('@/lib/offline-reporting/queries').then((loaded) => loaded.getWorkbookData);
    const build = await import('@/lib/offline-reporting/worklist-workbook').then((loaded) => loaded.buildWorklistWorkbook);
    const data = await lookup(database.db, await world.sessionUser(world.users.focalB), world.entities.B.code, 'en');
    if (!data.ok) throw new Error(data.reason);
    const file = new File([new Uint8Array(await build(data.data, 'en'))], 'worklist.xlsx');
    const outcome = await callAs(world.callers.focalA, actions['lib/offline-reporting/actions.ts#previewWorklistUploadAction']!, { file });
    expect(outcome).toMatchObject({ kind: 'state', state: { ok: true } });
    const preview = (outcome as { state: { data: { preview: { changes: unknown[]; problems: unknown[] } } } }).state.data.preview;
    expect(preview.changes).toEqual([]);
    expect(preview.problems.length).toBeGreaterThan(0);
  });
});
