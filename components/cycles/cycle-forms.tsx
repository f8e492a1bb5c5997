'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { closeCycleAction, createCycleAction, openCycleAction, reopenCycleAction } from '@/lib/cycles/actions';
import { FormStatus } from '@/components/ui/form-status';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { EvidenceField as Field, errorsOf } from '@/components/evidence/evidence-form';
import { DateField } from '@/components/ui/date-field';
import type { UnLanguage } from '@/lib/i18n/routing';

const ACTIONS = { open: openCycleAction, close: closeCycleAction, reopen: reopenCycleAction };

/** Opens, closes or reopens one cycle; closing and reopening ask first, reopening needs a reason. */
export function CycleStateForm({ code, change }: { code: string; change: 'open' | 'close' | 'reopen' }) {
  const t = useTranslations('cycles');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(ACTIONS[change], null);
  const keep = useKeptForm(action, state, () => change === 'open' || window.confirm(t(`confirm.${change}`, { code })));
  return (
    <form action={action} onSubmit={keep} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="code" value={code} />
      {change === 'reopen' && (
        <Field prefix={`reopen-${code}`} name="reason" label={t('reason')} state={state} required maxLength={1000} className="min-w-0 flex-1" />
      )}
      <button type="submit" disabled={pending || !hydrated} className="rounded border border-un-navy bg-white px-4 py-2 font-medium text-un-navy disabled:opacity-60">
        {t(`change.${change}`)}
      </button>
      <FormStatus state={state} success={t(`changed.${change}`)} />
    </form>
  );
}

/** `suggested`: next year's cycle name in each language (lib/cycles/cycle-names.ts), shown as the fields' placeholders. */
export function CreateCycleForm({ instruments, year, suggested }: { instruments: { code: string; symbol: string }[]; year: number; suggested: Record<UnLanguage, string> }) {
  const t = useTranslations('cycles');
  const [state, action, pending] = useActionState(createCycleAction, null);
  const keep = useKeptForm(action, state);
  return (
    <form action={action} onSubmit={keep} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="create-cycle-heading">
      <h2 id="create-cycle-heading" className="text-lg font-semibold">{t('createHeading')}</h2>
      <p className="text-sm text-slate-600">{t('createIntro')}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field prefix="cycle" name="code" label={t('code')} hint={t('codeHint')} state={state} required maxLength={40} placeholder={String(year)} />
        <Field prefix="cycle" name="nameEn" label={t('nameEn')} state={state} required maxLength={200} placeholder={suggested.en} />
        <Field prefix="cycle" name="nameZh" label={t('nameZh')} state={state} maxLength={200} lang="zh" placeholder={suggested.zh} />
        {/* The other UN languages are optional: a page in a language without a name shows the English one. */}
        <Field prefix="cycle" name="nameFr" label={t('nameFr')} state={state} maxLength={200} lang="fr" placeholder={suggested.fr} />
        <Field prefix="cycle" name="nameRu" label={t('nameRu')} state={state} maxLength={200} lang="ru" placeholder={suggested.ru} />
        <Field prefix="cycle" name="nameEs" label={t('nameEs')} state={state} maxLength={200} lang="es" placeholder={suggested.es} />
        <Field prefix="cycle" name="nameAr" label={t('nameAr')} state={state} maxLength={200} lang="ar" dir="rtl" placeholder={suggested.ar} />
        <DateField id="cycle-periodStart" name="periodStart" label={t('periodStart')} errors={errorsOf(state, 'periodStart')} required />
        <DateField id="cycle-periodEnd" name="periodEnd" label={t('periodEnd')} errors={errorsOf(state, 'periodEnd')} required />
        <div className="hidden sm:block" />
        <DateField id="cycle-opensOn" name="opensOn" label={t('opensOn')} errors={errorsOf(state, 'opensOn')} required />
        <DateField id="cycle-deadline" name="deadline" label={t('deadlineDay')} hint={t('deadlineHint')} errors={errorsOf(state, 'deadline')} required />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t('instruments')}</legend>
        <p className="text-xs text-slate-600">{t('instrumentsHint')}</p>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {instruments.map((instrument) => (
            <label key={instrument.code} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="instruments" value={instrument.code} /> {instrument.symbol}
            </label>
          ))}
        </div>
      </fieldset>
      <FormStatus state={state} success={t('created')} />
      <button type="submit" disabled={pending} className="rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60">{t('create')}</button>
    </form>
  );
}
