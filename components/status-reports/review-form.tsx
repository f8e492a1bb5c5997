'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { reviewStatusReportAction } from '@/lib/status-reports/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { CharacterLimit, characterLimitId } from '@/components/ui/character-limit';

/**
 * Accept, or return for revision with a comment that the focal point will read. The comment's
 * limit comes from the server's schema as a prop: importing the schema here would send zod to the browser.
 */
export function ReviewForm({ reportId, version, commentMax }: { reportId: string; version: number; commentMax: number }) {
  const t = useTranslations('review');
  const hydrated = useHydrated();
  const [comment, setComment] = useState('');
  const [state, action, pending] = useActionState(reviewStatusReportAction, null);
  const errors = state && !state.ok ? (state.fieldErrors.comment ?? []) : [];
  // A return refused for want of a comment puts the focus in the comment it asks for.
  const commentField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors.comment?.length) commentField.current?.focus();
  }, [state]);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="review-heading" data-testid="review-form">
      <h2 id="review-heading" className="text-lg font-semibold">{t('heading')}</h2>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="review-comment" className="block text-sm font-medium">{t('comment')}</label>
        <p id="review-comment-hint" className="mt-0.5 text-xs text-slate-600">{t('commentHint')}</p>
        <textarea ref={commentField} id="review-comment" name="comment" rows={4} value={comment} onChange={(event) => setComment(event.target.value)}
          aria-invalid={errors.length > 0 || undefined} aria-describedby={`review-comment-hint ${characterLimitId('review-comment')}${errors.length ? ' review-comment-error' : ''}`}
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600" />
        <CharacterLimit fieldId="review-comment" max={commentMax} value={comment} />
        {errors.length > 0 && <p id="review-comment-error" className="mt-1 text-sm text-red-800">{errors.join(' ')}</p>}
      </div>
      <FormStatus state={state} success={state?.ok ? (state.data.state === 'ACCEPTED' ? t('accepted') : t('returned')) : undefined} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="accept" disabled={pending || !hydrated} className="rounded bg-emerald-800 px-4 py-2 font-medium text-white disabled:opacity-60">
          {t('accept')}
        </button>
        <button type="submit" name="decision" value="return" disabled={pending || !hydrated} className="rounded border border-amber-700 bg-white px-4 py-2 font-medium text-amber-900 disabled:opacity-60">
          {t('return')}
        </button>
      </div>
    </form>
  );
}
