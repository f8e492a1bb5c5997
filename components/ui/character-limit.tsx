'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';

/** The id of the count shown under the field `fieldId`, for its aria-describedby. */
export const characterLimitId = (fieldId: string) => `${fieldId}-limit`;

/**
 * The live count of the field `fieldId` against its limit. The field carries no maxLength: the
 * browser would cut a pasted text silently, so the count says how much is over and the server
 * refuses it in words (lib/action-state.ts). It counts a controlled field's `value`, or follows an
 * uncontrolled field's own input events.
 */
export function CharacterLimit({ fieldId, max, value }: { fieldId: string; max: number; /** A controlled field's value. */ value?: string }) {
  const t = useTranslations('fields');
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const field = document.getElementById(fieldId) as HTMLInputElement | HTMLTextAreaElement | null;
    if (!field) return;
    const update = () => setCount(characterCount(field.value));
    update();
    field.addEventListener('input', update);
    // A form reset (after a save) empties the field without an input event.
    const form = field.form;
    const onReset = () => setTimeout(update);
    form?.addEventListener('reset', onReset);
    return () => {
      field.removeEventListener('input', update);
      form?.removeEventListener('reset', onReset);
    };
  }, [fieldId]);
  const shown = value !== undefined ? characterCount(value) : (count ?? 0);
  const over = shown > max;
  return (
    <p id={characterLimitId(fieldId)} className={`mt-1 text-xs ${over ? 'font-medium text-red-800' : 'text-slate-600'}`}
      data-testid="character-limit" aria-live={over ? 'polite' : 'off'}>
      {over ? t('characterLimitOver', { count: shown, max, over: shown - max }) : t('characterLimit', { count: shown, max })}
    </p>
  );
}

/** Characters as the server's schemas count them: after trimming, in UTF-16 units (zod's max). */
export function characterCount(value: string): number {
  return value.trim().length;
}
