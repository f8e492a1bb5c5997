'use client';

import { useState, type ChangeEvent, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import type { ActionState } from '@/lib/action-state';
import { CharacterLimit, characterLimitId } from '@/components/ui/character-limit';

// Parts shared by the evidence forms. Several of these forms sit on one page, so every field id
// carries its form's prefix, and each error is tied to its field by aria-describedby.

export function errorsOf(state: ActionState<unknown>, field: string): string[] {
  return state && !state.ok ? (state.fieldErrors[field] ?? []) : [];
}

type FieldProps = {
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  state: ActionState<unknown>;
  children?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>;

/** A labelled input with its hint and its errors, both announced with the field. */
export function EvidenceField({ prefix, name, label, hint, state, className, maxLength, ...input }: FieldProps) {
  const id = `${prefix}-${name}`;
  const errors = errorsOf(state, name);
  // A limit is shown with a live count rather than enforced by maxLength, which cuts a pasted text unseen.
  const counted = maxLength !== undefined && input.type !== 'password';
  const describedBy = [hint ? `${id}-hint` : null, counted ? characterLimitId(id) : null, errors.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {hint && <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">{hint}</p>}
      <input
        id={id} name={name} aria-invalid={errors.length > 0 || undefined} aria-describedby={describedBy}
        className="mt-1 block w-full min-w-0 rounded border border-slate-300 bg-white px-3 py-2 text-start aria-[invalid=true]:border-red-600"
        {...input}
        maxLength={counted ? undefined : maxLength}
      />
      {counted && <CharacterLimit fieldId={id} max={maxLength} />}
      {errors.length > 0 && <p id={`${id}-error`} className="mt-1 text-sm text-red-800">{errors.join(' ')}</p>}
    </div>
  );
}

/** The longest note (lib/evidence/schemas.ts, not imported here: it would send zod to the browser). */
const NOTE_MAX = 2000;

/** The optional note every link may carry. */
export function NoteField({ prefix, label, state }: { prefix: string; label: string; state: ActionState<unknown> }) {
  const id = `${prefix}-note`;
  const errors = errorsOf(state, 'note');
  return (
    <div className="sm:col-span-2">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <textarea
        id={id} name="note" rows={2}
        aria-invalid={errors.length > 0 || undefined} aria-describedby={`${characterLimitId(id)}${errors.length ? ` ${id}-error` : ''}`}
        className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-start"
      />
      <CharacterLimit fieldId={id} max={NOTE_MAX} />
      {errors.length > 0 && <p id={`${id}-error`} className="mt-1 text-sm text-red-800">{errors.join(' ')}</p>}
    </div>
  );
}

export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}
      className="w-full rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60 sm:w-auto">
      {pending ? pendingLabel : label}
    </button>
  );
}

type FileFieldProps = { prefix: string; label: string; hint: string; tooLargeMessage: string; maxBytes: number; accept: string; state: ActionState<unknown> };

/**
 * A file to upload, checked for size as soon as it is chosen, so that nobody waits for 10 MB to
 * upload only to be told it is too large (the server checks size and type again, by content).
 * Returns the field and the form's onSubmit, which holds back a file already known too large.
 */
export function useFileField({ prefix, label, hint, tooLargeMessage, maxBytes, accept, state }: FileFieldProps) {
  const [tooLarge, setTooLarge] = useState(false);
  const id = `${prefix}-file`;
  const errors = [...(tooLarge ? [tooLargeMessage] : []), ...errorsOf(state, 'file')];
  const check = (event: ChangeEvent<HTMLInputElement>) => setTooLarge((event.target.files?.[0]?.size ?? 0) > maxBytes);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (tooLarge) event.preventDefault();
  };
  const field = (
    <div className="sm:col-span-2">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">{hint}</p>
      <input
        id={id} name="file" type="file" required accept={accept} onChange={check}
        aria-invalid={errors.length > 0 || undefined} aria-describedby={[`${id}-hint`, errors.length ? `${id}-error` : null].filter(Boolean).join(' ')}
        className="mt-1 block w-full min-w-0 text-sm file:me-3 file:rounded file:border file:border-slate-300 file:bg-slate-50 file:px-3 file:py-1.5"
      />
      {errors.length > 0 && <p id={`${id}-error`} className="mt-1 text-sm text-red-800">{errors.join(' ')}</p>}
    </div>
  );
  return { field, onSubmit };
}
