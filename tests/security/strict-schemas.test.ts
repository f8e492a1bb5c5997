// No action takes a field it does not declare, and a review is never self-made, early or twice;
// against real PostgreSQL.
//
// Strict schemas: for every server action found in the sources (the same inventory and entries as
// tests/security/action-sweep.test.ts), the person allowed to call it sends its usual form plus one
// field that would be dangerous if it were read (entityId, state, version, role, userId,
// submittedById: whichever the form does not already have). Each is refused as an invalid form and
// changes nothing; the same form without it then succeeds, so the refusal is the extra field's.
//
// Reviews: nobody may both submit and review a report (no role has both rights, even an
// administrator's account that carries an entity); a focal point or contributor cannot review
// their own entity's submission; a draft or a returned report cannot be accepted; a report is
// accepted once, whether the second acceptance comes later or at the same moment.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTIONS, can } from '@/lib/auth/permissions';
import { Role } from '@/lib/generated/prisma/enums';
import {
  ACTION_SPECS, callAs, describeOutcome, closeActionSweep, openActionSweep, type ActionSweep, type ActionWorld, type AnyAction, type Caller, type Fields,
} from '../support/action-sweep';
import { message } from '../support/action-context';
import { changedTables, type Snapshotter } from '../support/database-snapshot';
import { actionKey, findServerActions } from '../support/server-actions';

vi.mock('next-auth', async (original) => (await import('../support/action-context')).nextAuthModule(await original()));
vi.mock('next/headers', async (original) => (await import('../support/action-context')).nextHeadersModule(await original()));
vi.mock('next-intl/server', async (original) => (await import('../support/action-context')).nextIntlServerModule(await original()));
vi.mock('next/cache', async (original) => (await import('../support/action-context')).nextCacheModule(await original()));

const inventory = findServerActions();
const keys = inventory.actions.map(actionKey);

/** Fields a form must never be able to set. */
const EXTRA_FIELDS = ['entityId', 'state', 'version', 'role', 'userId', 'submittedById'] as const;

let database: ActionSweep['database'];
let world: ActionWorld;
let actions: Record<string, AnyAction>;
let snapshots: Snapshotter;

beforeAll(async () => {
  ({ database, world, actions, snapshots } = await openActionSweep(inventory.actions));
});

afterAll(() => closeActionSweep({ database, snapshots }));

const INVALID = () => message('actions', 'invalid');

function extraValue(field: (typeof EXTRA_FIELDS)[number]): string {
  return {
    entityId: world.entities.A.id, state: 'ACCEPTED', version: '7', role: 'ADMIN', userId: world.users.admin.id, submittedById: world.users.admin.id,
  }[field];
}

describe('every action refuses a field it does not declare', () => {
  describe.each(keys.map((key) => [key] as const))('%s', (key) => {
    const variants = ACTION_SPECS[key] ?? [];
    if (variants.length === 0) {
      it('has an entry in ACTION_SPECS (tests/support/action-sweep.ts)', () => expect.fail(`${key} is not swept: add it to ACTION_SPECS`));
      return;
    }
    it.each(variants.map((variant) => [variant.what, variant] as const))('%s', async (_what, variant) => {
      const prepared = await variant.prepare(world);
      try {
        const fields = prepared.controlFields ?? prepared.fields;
        const caller = world.callers[variant.control];
        const extras = EXTRA_FIELDS.filter((field) => !(field in fields));
        expect(extras.length).toBeGreaterThan(0);
        const before = await snapshots.take();
        for (const field of extras) {
          const outcome = await callAs(caller, actions[key]!, { ...fields, [field]: extraValue(field) } as Fields);
          expect(outcome, `${field} sent to ${key}`).toEqual({ kind: 'state', state: { ok: false, message: INVALID(), fieldErrors: expect.any(Object) } });
        }
        expect(changedTables(before, await snapshots.take())).toEqual([]);
        const control = await callAs(caller, actions[key]!, fields);
        if (variant.controlOutcome === 'redirect') expect(control).toEqual({ kind: 'redirect' });
        else expect(control).toMatchObject({ kind: 'state', state: { ok: true } });
      } finally {
        await prepared.cleanup?.();
      }
    });
  });

  it('the form fields an action does declare are never taken as the signed-in person or the state', async () => {
    // saveStatusReportAction declares entityId and version: A's focal point naming B's entity
    // gets "does not exist", and a version is only compared, never written.
    const report = await world.reportOfB('DRAFT');
    const before = await snapshots.take();
    const outcome = await callAs(world.callers.focalA, actions['lib/status-reports/actions.ts#saveStatusReportAction']!, {
      cycleId: world.cycle.id, entityId: world.entities.B.id, commitmentId: report.commitmentId, version: String(report.version),
      status: 'FULLY_IMPLEMENTED', narrative: '[TEST] A writes for B.', asOf: '', intent: 'submit',
    });
    expect(outcome).toEqual({ kind: 'state', state: { ok: false, message: message('errors', 'statusReports.notFound'), fieldErrors: {} } });
    const stale = await callAs(world.callers.focalB, actions['lib/status-reports/actions.ts#saveStatusReportAction']!, {
      cycleId: world.cycle.id, entityId: world.entities.B.id, commitmentId: report.commitmentId, version: String(report.version + 5),
      status: 'FULLY_IMPLEMENTED', narrative: '[TEST] A version from the future.', asOf: '', intent: 'save',
    });
    expect(stale).toMatchObject({ kind: 'state', state: { ok: false, message: message('errors', 'statusReports.conflict') } });
    expect(changedTables(before, await snapshots.take())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

const REVIEW = 'lib/status-reports/actions.ts#reviewStatusReportAction';
const ACCEPT_MANY = 'lib/status-reports/actions.ts#acceptStatusReportsAction';
const SAVE = 'lib/status-reports/actions.ts#saveStatusReportAction';

const stored = (id: string) => database.db.statusReport.findUniqueOrThrow({ where: { id }, select: { state: true, version: true, reviewedById: true, submittedById: true } });

async function refusedWithoutChange(caller: Caller, key: string, fields: Fields) {
  const before = await snapshots.take();
  const outcome = await callAs(caller, actions[key]!, fields);
  expect(outcome).toMatchObject({ kind: 'state', state: { ok: false } });
  expect(changedTables(before, await snapshots.take())).toEqual([]);
  return (outcome as { state: { message: string } }).state.message;
}

describe('nobody reviews their own submission', () => {
  it('no role may both submit and review a report, for its own entity or any other', () => {
    expect(ACTIONS).toContain('status-report.submit');
    for (const role of Object.values(Role)) {
      for (const own of [true, false]) {
        const actor = { id: 'someone', role, entityId: 'E', seesWholeWorklist: true };
        const resource = { entityId: own ? 'E' : 'F', assigneeId: 'someone' };
        const both = can(actor, 'status-report.submit', resource) && can(actor, 'status-report.review', resource);
        expect(both, `${role}, ${own ? 'own' : 'other'} entity`).toBe(false);
      }
    }
  });

  it("an administrator's or reviewer's account that also carries B's entity cannot submit B's report", async () => {
    for (const [name, role] of [['admin-of-b', 'ADMIN'], ['reviewer-of-b', 'SECRETARIAT']] as const) {
      const user = await database.db.user.create({
        data: { email: `sweep-${name}@example.test`, name: `[TEST] ${name}`, role, entityId: world.entities.B.id, passwordHash: 'not a real hash' },
        select: { id: true },
      });
      const caller: Caller = { name: 'admin', session: { id: user.id, sessionVersion: 0 }, actor: { id: user.id, role, entityId: world.entities.B.id } };
      const report = await world.reportOfB('DRAFT');
      const fields = {
        cycleId: world.cycle.id, entityId: world.entities.B.id, commitmentId: report.commitmentId, version: String(report.version),
        status: 'FULLY_IMPLEMENTED', narrative: '[TEST] Submitted by a reviewer.', asOf: '', intent: 'submit',
      };
      expect(await refusedWithoutChange(caller, SAVE, fields)).toBe(message('actions', 'forbidden'));
      expect(await refusedWithoutChange(caller, SAVE, { ...fields, intent: 'save' })).toBe(message('actions', 'forbidden'));
    }
  });

  it.each(['focalB', 'contributorB'] as const)("%s cannot accept or return B's submission, alone or in a batch", async (who) => {
    const report = await world.reportOfB('SUBMITTED');
    const caller = world.callers[who];
    for (const decision of ['accept', 'return'] as const) {
      expect(await refusedWithoutChange(caller, REVIEW, { reportId: report.id, version: String(report.version), decision, comment: '[TEST] Self-review.' }))
        .toBe(message('actions', 'forbidden'));
    }
    expect(await refusedWithoutChange(caller, ACCEPT_MANY, { reports: `${report.id}:${report.version}` })).toBe(message('actions', 'forbidden'));
    expect(await stored(report.id)).toMatchObject({ state: 'SUBMITTED', reviewedById: null });
  });
});

describe('a report is accepted only when submitted, and only once', () => {
  it.each(['DRAFT', 'RETURNED'] as const)('a report in %s cannot be accepted, alone or in a batch', async (state) => {
    const report = await world.reportOfB(state);
    const reviewer = world.callers.reviewer;
    expect(await refusedWithoutChange(reviewer, REVIEW, { reportId: report.id, version: String(report.version), decision: 'accept', comment: '' }))
      .toBe(message('errors', 'statusReports.refused.fromState.accept', { state }));
    const before = await snapshots.take();
    const batch = await callAs(reviewer, actions[ACCEPT_MANY]!, { reports: `${report.id}:${report.version}` });
    expect(batch).toMatchObject({ kind: 'state', state: { ok: true, data: { accepted: 0, skipped: [{ reportId: report.id }] } } });
    // The batch's only writes would be the acceptance: nothing of the report changed.
    expect(changedTables(before, await snapshots.take())).toEqual([]);
    expect(await stored(report.id)).toMatchObject({ state, reviewedById: state === 'RETURNED' ? world.users.reviewer.id : null });
  });

  it('an accepted report cannot be accepted again, with its old version or its new one', async () => {
    const report = await world.reportOfB('SUBMITTED');
    const accept = (version: number, who: Caller = world.callers.reviewer) =>
      callAs(who, actions[REVIEW]!, { reportId: report.id, version: String(version), decision: 'accept', comment: '' });
    expect(await accept(report.version)).toMatchObject({ kind: 'state', state: { ok: true } });
    const accepted = await stored(report.id);
    expect(accepted.state).toBe('ACCEPTED');
    for (const [version, who] of [[report.version, world.callers.reviewer], [accepted.version, world.callers.reviewer], [accepted.version, world.callers.admin]] as const) {
      const before = await snapshots.take();
      expect(await accept(version, who)).toMatchObject({ kind: 'state', state: { ok: false } });
      expect(changedTables(before, await snapshots.take())).toEqual([]);
    }
    const batch = await callAs(world.callers.admin, actions[ACCEPT_MANY]!, { reports: `${report.id}:${accepted.version}` });
    expect(batch).toMatchObject({ kind: 'state', state: { ok: true, data: { accepted: 0 } } });
    expect(await database.db.acceptedStatus.count({ where: { statusReportId: report.id } })).toBe(1);
    expect(await database.db.statusEvent.count({ where: { statusReportId: report.id, type: 'ACCEPTED' } })).toBe(1);
  });

  it('two acceptances at the same moment accept once', async () => {
    const report = await world.reportOfB('SUBMITTED');
    const fields = { reportId: report.id, version: String(report.version), decision: 'accept', comment: '' };
    // Pressed twice at once (two tabs): both calls are under way before either commits.
    const { formData } = await import('../support/action-sweep');
    const { signInAs } = await import('../support/action-context');
    signInAs(world.callers.reviewer.session);
    const results = await Promise.all([actions[REVIEW]!(null, formData(fields)), actions[REVIEW]!(null, formData(fields))]);
    signInAs(null);
    expect(results.filter((result) => result?.ok)).toHaveLength(1);
    expect(await database.db.acceptedStatus.count({ where: { statusReportId: report.id } })).toBe(1);
    expect(await database.db.statusEvent.count({ where: { statusReportId: report.id, type: 'ACCEPTED' } })).toBe(1);
  });

  it('a batch naming one submission twice accepts it once', async () => {
    const report = await world.reportOfB('SUBMITTED');
    const outcome = await callAs(world.callers.reviewer, actions[ACCEPT_MANY]!, { reports: [`${report.id}:${report.version}`, `${report.id}:${report.version}`] });
    expect(outcome).toMatchObject({ kind: 'state', state: { ok: true, data: { accepted: 1 } } });
    expect(await database.db.statusEvent.count({ where: { statusReportId: report.id, type: 'ACCEPTED' } })).toBe(1);
  });
});

// Holes the sweeps found, each kept as a regression test now that it is closed.
describe('holes found by the sweeps, now closed', () => {
  it('a focal point made a reviewer cannot accept the report they submitted themselves', async () => {
    // B's focal point submits; an administrator then makes them a reviewer (lib/users/actions.ts
    // changeUserRoleAction, the users page); signed in again, they review their own submission.
    const user = await database.db.user.create({
      data: { email: 'sweep-promoted@example.test', name: '[TEST] Promoted focal point', role: 'FOCAL_POINT', entityId: world.entities.B.id, passwordHash: 'not a real hash' },
      select: { id: true },
    });
    const asFocal: Caller = { name: 'focalB', session: { id: user.id, sessionVersion: 0 }, actor: { id: user.id, role: 'FOCAL_POINT', entityId: world.entities.B.id } };
    const submit = async () => {
      const outcome = await callAs(asFocal, actions[SAVE]!, {
        cycleId: world.cycle.id, entityId: world.entities.B.id, commitmentId: world.freshCommitment(), version: '0',
        status: 'FULLY_IMPLEMENTED', narrative: '[TEST] My own submission.', asOf: '', intent: 'submit',
      });
      expect(outcome).toMatchObject({ kind: 'state', state: { ok: true, data: { state: 'SUBMITTED' } } });
      return (outcome as { state: { data: { id: string; version: number } } }).state.data;
    };
    const [alone, inBatch] = [await submit(), await submit()];

    const promoted = await callAs(world.callers.admin, actions['lib/users/actions.ts#changeUserRoleAction']!, { userId: user.id, role: 'SECRETARIAT', entityId: '' });
    expect(promoted).toMatchObject({ kind: 'state', state: { ok: true } });
    const { sessionVersion } = await database.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    const asReviewer: Caller = { name: 'reviewer', session: { id: user.id, sessionVersion }, actor: { id: user.id, role: 'SECRETARIAT', entityId: null } };
    expect(await stored(alone.id)).toMatchObject({ state: 'SUBMITTED', submittedById: user.id });

    const before = await snapshots.take();
    const review = await callAs(asReviewer, actions[REVIEW]!, { reportId: alone.id, version: String(alone.version), decision: 'accept', comment: '' });
    const batch = await callAs(asReviewer, actions[ACCEPT_MANY]!, { reports: `${inBatch.id}:${inBatch.version}` });
    expect({
      review: describeOutcome(review), batch: batch.kind === 'state' && batch.state?.ok ? (batch.state.data as { accepted: number }).accepted : describeOutcome(batch),
      states: [(await stored(alone.id)).state, (await stored(inBatch.id)).state], changed: changedTables(before, await snapshots.take()),
    }).toEqual({ review: expect.stringMatching(/^refused/), batch: 0, states: ['SUBMITTED', 'SUBMITTED'], changed: [] });
  });
});
