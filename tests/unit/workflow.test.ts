import { describe, expect, it } from 'vitest';
import { allowedTransitions, transition, type Transition } from '@/lib/status-reports/workflow';
import { progress, progressWeight, STATUS_SCALE } from '@/lib/status-reports/status-scale';
import type { WorkflowState } from '@/lib/generated/prisma/enums';

const STATES: WorkflowState[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'];

// Every state x transition: the resulting state, or null when the transition is refused.
const EXPECTED: Record<WorkflowState, Record<Transition, WorkflowState | null>> = {
  DRAFT: { save: 'DRAFT', submit: 'SUBMITTED', return: null, accept: null, withdraw: null },
  SUBMITTED: { save: null, submit: null, return: 'RETURNED', accept: 'ACCEPTED', withdraw: 'DRAFT' },
  RETURNED: { save: 'RETURNED', submit: 'SUBMITTED', return: null, accept: null, withdraw: null },
  ACCEPTED: { save: null, submit: null, return: null, accept: null, withdraw: null },
};

describe('workflow transitions', () => {
  for (const state of STATES) {
    for (const [action, target] of Object.entries(EXPECTED[state]) as [Transition, WorkflowState | null][]) {
      it(`${action} from ${state} ${target ? `leads to ${target}` : 'is refused'}`, () => {
        const result = transition(state, action);
        if (target) expect(result).toMatchObject({ ok: true, state: target });
        else expect(result).toEqual({ ok: false, reason: 'not-allowed-from-state' });
      });
    }
  }

  it('records the matching timeline event', () => {
    expect(transition('DRAFT', 'submit')).toMatchObject({ event: 'SUBMITTED' });
    expect(transition('SUBMITTED', 'return')).toMatchObject({ event: 'RETURNED' });
    expect(transition('SUBMITTED', 'accept')).toMatchObject({ event: 'ACCEPTED' });
  });

  it('lists what may happen next', () => {
    expect(allowedTransitions('SUBMITTED').sort()).toEqual(['accept', 'return', 'withdraw']);
    expect(allowedTransitions('ACCEPTED')).toEqual([]);
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
