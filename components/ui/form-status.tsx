'use client';

import type { ActionState } from '@/lib/action-state';

/** The outcome of a form: a polite success note or an error alert, in the action's words. */
export function FormStatus({ state, success }: { state: ActionState<unknown>; success?: string }) {
  if (!state) return null;
  if (state.ok) {
    return success ? <p role="status" className="text-sm text-green-800">{state.message ?? success}</p> : null;
  }
  return <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="form-error">{state.message}</p>;
}

/** Ties a field to its FieldError: marks it invalid, and makes the message its description. */
export function fieldErrorProps(state: ActionState<unknown>, field: string) {
  return state && !state.ok && state.fieldErrors[field]?.length ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } as const : {};
}

export function FieldError({ state, field }: { state: ActionState<unknown>; field: string }) {
  const messages = state && !state.ok ? state.fieldErrors[field] : undefined;
  if (!messages?.length) return null;
  return <p id={`${field}-error`} className="mt-1 text-sm text-red-800">{messages.join(' ')}</p>;
}
