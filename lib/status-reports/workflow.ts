// The review workflow as pure guards: draft -> submitted -> accepted, or
// submitted -> returned -> submitted. Mutations ask these before writing anything.
import type { StatusEventType, WorkflowState } from '@/lib/generated/prisma/enums';

export type Transition = 'save' | 'submit' | 'return' | 'accept' | 'withdraw';

type Rule = { from: readonly WorkflowState[]; to: (current: WorkflowState) => WorkflowState; event: StatusEventType };

const RULES: Record<Transition, Rule> = {
  // Saving keeps the state: a returned report stays returned until it is submitted again.
  save: { from: ['DRAFT', 'RETURNED'], to: (current) => current, event: 'SAVED' },
  submit: { from: ['DRAFT', 'RETURNED'], to: () => 'SUBMITTED', event: 'SUBMITTED' },
  return: { from: ['SUBMITTED'], to: () => 'RETURNED', event: 'RETURNED' },
  accept: { from: ['SUBMITTED'], to: () => 'ACCEPTED', event: 'ACCEPTED' },
  // A focal point may take back a submission that nobody has reviewed yet.
  withdraw: { from: ['SUBMITTED'], to: () => 'DRAFT', event: 'WITHDRAWN' },
};

export type TransitionResult =
  | { ok: true; state: WorkflowState; event: StatusEventType }
  | { ok: false; reason: 'not-allowed-from-state' };

export function transition(current: WorkflowState, action: Transition): TransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(current)) return { ok: false, reason: 'not-allowed-from-state' };
  return { ok: true, state: rule.to(current), event: rule.event };
}

export function allowedTransitions(current: WorkflowState): Transition[] {
  return (Object.keys(RULES) as Transition[]).filter((action) => RULES[action].from.includes(current));
}
