import type { InputHTMLAttributes } from 'react';

type TextFieldProps = { id: string; label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled input; the label is always visible and tied to the input. */
export function TextField({ id, label, className, ...input }: TextFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} name={id} className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2" {...input} />
    </div>
  );
}
