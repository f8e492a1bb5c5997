'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { relateCommitmentsAction, unrelateCommitmentsAction } from '@/lib/catalogue/actions';
import { FieldError, FormStatus, fieldErrorProps } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';

export function RelateForm({ commitmentId, instruments }: { commitmentId: string; instruments: { code: string; symbol: string }[] }) {
  const t = useTranslations('commitment');
  const [state, action, pending] = useActionState(relateCommitmentsAction, null);
  return (
    <form action={action} className="mt-3 grid gap-3 sm:grid-cols-3 sm:items-end">
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <div>
        <label htmlFor="relate-instrument" className="block text-sm font-medium">{t('relateInstrument')}</label>
        <select id="relate-instrument" name="instrumentCode" className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
          {instruments.map((instrument) => <option key={instrument.code} value={instrument.code}>{instrument.symbol}</option>)}
        </select>
      </div>
      <div>
        <TextField id="reference" label={t('relateReference')} placeholder="1(a)" required maxLength={40} {...fieldErrorProps(state, 'reference')} />
        <FieldError state={state} field="reference" />
      </div>
      <button type="submit" disabled={pending} className="rounded border border-un-navy px-4 py-2 font-medium text-un-navy disabled:opacity-60">
        {t('relateSubmit')}
      </button>
      <div className="sm:col-span-3"><FormStatus state={state} success={t('relateSaved')} /></div>
    </form>
  );
}

export function UnrelateButton({ commitmentId, otherId, label }: { commitmentId: string; otherId: string; label: string }) {
  const [state, action, pending] = useActionState(unrelateCommitmentsAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <input type="hidden" name="otherId" value={otherId} />
      <button type="submit" disabled={pending} className="text-sm text-red-800 underline disabled:opacity-60">{label}</button>
      <FormStatus state={state} />
    </form>
  );
}
