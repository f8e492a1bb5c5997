import { describe, expect, it } from 'vitest';
import { allowedTransitions, daysLeft, decide, type GuardContext, type Transition } from '@/lib/status-reports/workflow';
import { progress, progressWeight, STATUS_SCALE } from '@/lib/status-reports/status-scale';
import type { Actor } from '@/lib/auth/permissions';
import type { CycleState, WorkflowState } from '@/lib/generated/prisma/enums';

const OWN = 'entity-own';
const OTHER = 'entity-other';
const opensAt = new Date('2026-01-01T00:00:00Z');
const closesAt = new Date('2026-12-31T23:59:59Z');
const during = new Date('2026-06-01T00:00:00Z');
const openCycle = { state: 'OPEN' as CycleState, opensAt, closesAt };

const actors: Record<string, NonNullable<Actor>> = {
  admin: { role: 'ADMIN', entityId: null },
  secretariat: { role: 'SECRETARIAT', entityId: null },
  focalOwn: { role: 'FOCAL_POINT', entityId: OWN },
  focalOther: { role: 'FOCAL_POINT', entityId: OTHER },
  // The reports of these tables are assigned to this contributor.
  contributorAssigned: { role: 'CONTRIBUTOR', entityId: OWN, id: 'u-contributor' },
  contributorOther: { role: 'CONTRIBUTOR', entityId: OWN, id: 'u-colleague', seesWholeWorklist: true },
  viewer: { role: 'VIEWER', entityId: null },
};

const STATES: (WorkflowState | null)[] = [null, 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'];

// In an open cycle, before the deadline: for every state, what each transition leads to, or
// null when the state forbids it.
const BY_STATE: Record<string, Record<Transition, WorkflowState | null>> = {
  new: { save: 'DRAFT', 'mark-ready': null, submit: 'SUBMITTED', withdraw: null, return: null, accept: null },
  DRAFT: { save: 'DRAFT', 'mark-ready': 'DRAFT', submit: 'SUBMITTED', withdraw: null, return: null, accept: null },
  SUBMITTED: { save: null, 'mark-ready': null, submit: null, withdraw: 'DRAFT', return: 'RETURNED', accept: 'ACCEPTED' },
  RETURNED: { save: 'RETURNED', 'mark-ready': 'RETURNED', submit: 'SUBMITTED', withdraw: null, return: null, accept: null },
  ACCEPTED: { save: null, 'mark-ready': null, submit: null, withdraw: null, return: null, accept: null },
};

// Who may attempt each transition on a report of entity OWN.
const BY_ROLE: Record<Transition, string[]> = {
  save: ['focalOwn', 'contributorAssigned'],
  'mark-ready': ['contributorAssigned'],
  submit: ['focalOwn'],
  withdraw: ['focalOwn'],
  return: ['admin', 'secretariat'],
  accept: ['admin', 'secretariat'],
};

const context = (actor: NonNullable<Actor>, state: WorkflowState | null, overrides: Partial<GuardContext> = {}): GuardContext => ({
  actor, report: { entityId: OWN, state, assigneeId: 'u-contributor' }, cycle: openCycle, now: during, ...overrides,
});

describe('workflow guards: role x state x transition', () => {
  for (const [actorName, actor] of Object.entries(actors)) {
    for (const state of STATES) {
      for (const action of Object.keys(BY_ROLE) as Transition[]) {
        const target = BY_STATE[state ?? 'new']![action];
        const mayAct = BY_ROLE[action].includes(actorName);
        const expected = !mayAct ? 'refused (role)' : target ? `leads to ${target}` : 'refused (state)';
        it(`${actorName}: ${action} from ${state ?? 'no report'} ${expected}`, () => {
          const result = decide(action, context(actor, state));
          if (!mayAct) expect(result).toEqual({ ok: false, reason: 'not-allowed-for-role' });
          else if (!target) expect(result).toEqual({ ok: false, reason: 'not-allowed-from-state' });
          else expect(result).toMatchObject({ ok: true, state: target });
        });
      }
    }
  }
});

describe('workflow guards: the cycle and the deadline', () => {
  for (const cycleState of ['PLANNED', 'CLOSED'] as CycleState[]) {
    for (const [action, actor, state] of [
      ['save', actors.focalOwn, 'DRAFT'], ['submit', actors.focalOwn, 'DRAFT'], ['withdraw', actors.focalOwn, 'SUBMITTED'],
      ['accept', actors.secretariat, 'SUBMITTED'], ['return', actors.secretariat, 'SUBMITTED'],
    ] as [Transition, NonNullable<Actor>, WorkflowState][]) {
      it(`${action} in a ${cycleState} cycle is refused`, () => {
        expect(decide(action, context(actor!, state, { cycle: { ...openCycle, state: cycleState } }))).toEqual({ ok: false, reason: 'cycle-not-open' });
      });
    }
  }

  it('a focal point cannot write before the cycle opens; a reviewer may review', () => {
    const early = new Date('2025-12-31T00:00:00Z');
    expect(decide('save', context(actors.focalOwn!, null, { now: early }))).toEqual({ ok: false, reason: 'cycle-not-started' });
    expect(decide('accept', context(actors.secretariat!, 'SUBMITTED', { now: early }))).toMatchObject({ ok: true });
  });

  it('a submission after the deadline is allowed while the cycle is open, and marked late', () => {
    const after = new Date('2027-01-02T00:00:00Z');
    expect(decide('submit', context(actors.focalOwn!, 'DRAFT', { now: after }))).toEqual({ ok: true, state: 'SUBMITTED', event: 'SUBMITTED', late: true });
    expect(decide('submit', context(actors.focalOwn!, 'DRAFT'))).toMatchObject({ late: false });
    expect(decide('save', context(actors.focalOwn!, 'DRAFT', { now: after }))).toMatchObject({ ok: true, late: false });
  });

  it('refuses the role before the state: a focal point of another entity learns nothing about the report', () => {
    expect(decide('save', context(actors.focalOther!, 'ACCEPTED'))).toEqual({ ok: false, reason: 'not-allowed-for-role' });
  });

  it('records the matching timeline event', () => {
    expect(decide('save', context(actors.focalOwn!, 'RETURNED'))).toMatchObject({ event: 'SAVED', state: 'RETURNED' });
    expect(decide('submit', context(actors.focalOwn!, 'RETURNED'))).toMatchObject({ event: 'SUBMITTED' });
    expect(decide('withdraw', context(actors.focalOwn!, 'SUBMITTED'))).toMatchObject({ event: 'WITHDRAWN' });
    expect(decide('return', context(actors.secretariat!, 'SUBMITTED'))).toMatchObject({ event: 'RETURNED' });
    expect(decide('accept', context(actors.secretariat!, 'SUBMITTED'))).toMatchObject({ event: 'ACCEPTED' });
  });

  it('lists what each actor may do next', () => {
    expect(allowedTransitions(context(actors.secretariat!, 'SUBMITTED')).sort()).toEqual(['accept', 'return']);
    expect(allowedTransitions(context(actors.focalOwn!, 'SUBMITTED'))).toEqual(['withdraw']);
    expect(allowedTransitions(context(actors.focalOwn!, 'ACCEPTED'))).toEqual([]);
    expect(allowedTransitions(context(actors.viewer!, 'DRAFT'))).toEqual([]);
  });

  it('counts the days left to the deadline', () => {
    expect(daysLeft(closesAt, new Date('2026-12-30T23:59:59Z'))).toBe(1);
    expect(daysLeft(closesAt, new Date('2026-12-01T00:00:00Z'))).toBe(31);
    expect(daysLeft(closesAt, new Date('2027-01-02T00:00:00Z'))).toBeLessThan(0);
  });
});

describe('status scale', () => {
  it('weighs the statuses 0, 1/3, 2/3, 1 and leaves not applicable out', () => {
    expect(STATUS_SCALE.map((entry) => entry.weight)).toEqual([0, 1 / 3, 2 / 3, 1, null]);
    expect(progressWeight('NOT_APPLICABLE')).toBeNull();
  });

  it('averages the statuses that count', () => {
    expect(progress(['FULLY_IMPLEMENTED', 'NOT_STARTED', 'NOT_APPLICABLE'])).toBe(0.5);
    expect(progress(['IN_PROGRESS', 'SUBSTANTIALLY_IMPLEMENTED'])).toBeCloseTo(0.5);
    expect(progress(['NOT_APPLICABLE'])).toBeNull();
    expect(progress([])).toBeNull();
  });
});
