'use client';

import { startTransition, useEffect, useRef, type FormEvent } from 'react';
import type { ActionState } from '@/lib/action-state';

/**
 * React clears a form after its action runs, refused or not: a person told "the deadline must
 * come after the opening date" would have to type every field again. This sends the form
 * through the action without that reset, and clears it only once the action succeeded.
 * `confirm` may hold the submission back (a destructive action asks first). Returns the form's onSubmit.
 */
export function useKeptForm(dispatch: (payload: FormData) => void, state: ActionState<unknown>, confirm?: () => boolean) {
  const sent = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (state?.ok) sent.current?.reset();
  }, [state]);
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirm && !confirm()) return;
    sent.current = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const payload = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(payload));
  };
}
