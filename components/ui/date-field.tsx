'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { datePartOrder, monthNames } from '@/lib/i18n/dates';

type DateFieldProps = {
  id: string;
  /** The form field that carries the date as "2016-04-19" (what the server's schemas read). */
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  className?: string;
  /** Controlled: the date as "2016-04-19", or "" for none. */
  value?: string;
  onChange?: (value: string) => void;
  defaultValue?: string;
};

type Parts = { day: string; month: string; year: string };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsOf(value: string): Parts {
  const match = ISO_DAY.exec(value);
  return match ? { year: match[1]!, month: String(Number(match[2])), day: String(Number(match[3])) } : { day: '', month: '', year: '' };
}

/**
 * The parts as the server reads a date: "2016-04-19" when they make one; "" when all are empty;
 * otherwise what was typed, which the server refuses in words ("Give a date").
 */
export function isoOf({ day, month, year }: Parts): string {
  if (!day.trim() && !month && !year.trim()) return '';
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid = /^\d{1,2}$/.test(day.trim()) && /^\d{4}$/.test(year.trim()) && m >= 1 && m <= 12
    && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return valid ? `${year.trim()}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${year.trim()}-${month}-${day.trim()}`;
}

/**
 * A date as day, month (by name) and year, in the order the reader's language writes them. Not
 * <input type="date">: the browser shows that in its own locale's pattern (mm/dd/yyyy in an
 * American browser), whatever the page's language.
 */
export function DateField({ id, name, label, hint, errors = [], required, className, value, onChange, defaultValue = '' }: DateFieldProps) {
  const t = useTranslations('fields');
  const locale = useLocale();
  const months = useMemo(() => monthNames(locale), [locale]);
  const [own, setOwn] = useState<Parts>(() => partsOf(value ?? defaultValue));
  // A controlled value set from outside (a restored draft, a reset) replaces what is shown.
  const [seen, setSeen] = useState(value);
  if (value !== undefined && value !== seen) {
    setSeen(value);
    if (value !== isoOf(own)) setOwn(partsOf(value));
  }
  // An uncontrolled field empties with its form's reset (after a successful save).
  const box = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    const form = box.current?.form;
    if (!form || value !== undefined) return;
    const reset = () => setOwn(partsOf(defaultValue));
    form.addEventListener('reset', reset);
    return () => form.removeEventListener('reset', reset);
  }, [value, defaultValue]);
  const update = (part: keyof Parts) => (event: { target: { value: string } }) => {
    const next = { ...own, [part]: event.target.value };
    setOwn(next);
    const iso = isoOf(next);
    setSeen(iso);
    onChange?.(iso);
  };
  const invalid = errors.length > 0 || undefined;
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const input = 'mt-0.5 block w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-2 text-start aria-[invalid=true]:border-red-600';
  const fields = {
    day: (
      <div key="day" className="w-16">
        <label htmlFor={`${id}-day`} className="block text-xs text-slate-700">{t('day')}</label>
        <input id={`${id}-day`} inputMode="numeric" autoComplete="off" value={own.day} onChange={update('day')} required={required}
          aria-invalid={invalid} aria-describedby={describedBy} className={input} size={2} />
      </div>
    ),
    month: (
      <div key="month" className="min-w-0 flex-1 basis-32">
        <label htmlFor={`${id}-month`} className="block text-xs text-slate-700">{t('month')}</label>
        <select id={`${id}-month`} value={own.month} onChange={update('month')} required={required}
          aria-invalid={invalid} aria-describedby={describedBy} className={input}>
          <option value="" />
          {months.map((month, index) => <option key={month} value={String(index + 1)}>{month}</option>)}
        </select>
      </div>
    ),
    year: (
      <div key="year" className="w-20">
        <label htmlFor={`${id}-year`} className="block text-xs text-slate-700">{t('year')}</label>
        <input id={`${id}-year`} inputMode="numeric" autoComplete="off" value={own.year} onChange={update('year')} required={required}
          aria-invalid={invalid} aria-describedby={describedBy} className={input} size={4} />
      </div>
    ),
  };
  // In the order the language writes a date: year first in Chinese, day first in the others.
  const order = useMemo(() => datePartOrder(locale), [locale]);
  return (
    <fieldset ref={box} className={className} data-testid={`date-${name}`}>
      <legend className="text-sm font-medium">{label}</legend>
      {hint && <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">{hint}</p>}
      <div className="mt-1 flex flex-wrap gap-2">{order.map((part) => fields[part])}</div>
      <input type="hidden" name={name} value={isoOf(own)} />
      {errors.length > 0 && <p id={`${id}-error`} className="mt-1 text-sm text-red-800">{errors.join(' ')}</p>}
    </fieldset>
  );
}
