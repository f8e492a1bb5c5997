// The review workflow as pure guards: draft -> submitted -> accepted, or
// submitted -> returned -> submitted. A guard knows who acts (role and entity), the report's
// state, the cycle's state and its deadline; mutations ask it, inside their transaction, before
// writing anything. No database and no clock here: `now` is given.
import { can, type Action, type Actor } from '@/lib/auth/permissions';
import type { CycleState, StatusEventType, WorkflowState } from '@/lib/generated/prisma/enums';

export type Transition = 'save' | 'mark-ready' | 'submit' | 'withdraw' | 'return' | 'accept';

type Rule = {
  /** The states it starts from; null is a report not written yet. */
  from: readonly (WorkflowState | null)[];
  to: (current: WorkflowState | null) => WorkflowState;
  event: StatusEventType;
  permission: Action;
  /** Focal points write only inside the reporting window; reviewers whenever the cycle is open. */
  needsOpening: boolean;
};

const RULES: Record<Transition, Rule> = {
  // Saving keeps the state: a returned report stays returned until it is submitted again.
  save: { from: [null, 'DRAFT', 'RETURNED'], to: (current) => current ?? 'DRAFT', event: 'SAVED', permission: 'status-report.edit', needsOpening: true },
  // A contributor hands a saved draft to the coordinator; the state stays as it is.
  'mark-ready': { from: ['DRAFT', 'RETURNED'], to: (current) => current!, event: 'MARKED_READY', permission: 'status-report.mark-ready', needsOpening: true },
  submit: { from: [null, 'DRAFT', 'RETURNED'], to: () => 'SUBMITTED', event: 'SUBMITTED', permission: 'status-report.submit', needsOpening: true },
  // A focal point may take back a submission that nobody has reviewed yet.
  withdraw: { from: ['SUBMITTED'], to: () => 'DRAFT', event: 'WITHDRAWN', permission: 'status-report.submit', needsOpening: true },
  return: { from: ['SUBMITTED'], to: () => 'RETURNED', event: 'RETURNED', permission: 'status-report.review', needsOpening: false },
  accept: { from: ['SUBMITTED'], to: () => 'ACCEPTED', event: 'ACCEPTED', permission: 'status-report.review', needsOpening: false },
};

export type GuardContext = {
  actor: NonNullable<Actor>;
  /** The report; `assigneeId` is the contributor it is assigned to (null: nobody). */
  report: { entityId: string; state: WorkflowState | null; assigneeId: string | null };
  cycle: { state: CycleState; opensAt: Date; closesAt: Date };
  now: Date;
};

export type Refusal = 'not-allowed-for-role' | 'not-allowed-from-state' | 'cycle-not-open' | 'cycle-not-started';

export type TransitionResult =
  | { ok: true; state: WorkflowState; event: StatusEventType; late: boolean }
  | { ok: false; reason: Refusal };

/**
 * May `actor` do `action` to this report now? Checked in this order, so that the answer names
 * the first thing that stands in the way: who, then the cycle, then the report's state. A
 * submission after the deadline is allowed while the cycle is open (the secretariat closes the
 * cycle to stop them) and is marked late.
 */
export function decide(action: Transition, { actor, report, cycle, now }: GuardContext): TransitionResult {
  const rule = RULES[action];
  if (!can(actor, rule.permission, { entityId: report.entityId, assigneeId: report.assigneeId })) return { ok: false, reason: 'not-allowed-for-role' };
  if (cycle.state !== 'OPEN') return { ok: false, reason: 'cycle-not-open' };
  if (rule.needsOpening && now < cycle.opensAt) return { ok: false, reason: 'cycle-not-started' };
  if (!rule.from.includes(report.state)) return { ok: false, reason: 'not-allowed-from-state' };
  return { ok: true, state: rule.to(report.state), event: rule.event, late: action === 'submit' && now > cycle.closesAt };
}

/** What this actor may do next to the report, for showing only the buttons that will work. */
export function allowedTransitions(context: GuardContext): Transition[] {
  return (Object.keys(RULES) as Transition[]).filter((action) => decide(action, context).ok);
}

/** Whole days from `now` to the deadline (negative once it has passed), counted in UTC. */
export function daysLeft(closesAt: Date, now: Date): number {
  const day = 24 * 60 * 60 * 1000;
  return Math.ceil((closesAt.getTime() - now.getTime()) / day);
}
