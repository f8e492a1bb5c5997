'use client';

import { useActionState, useSyncExternalStore } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { confirmMfaEnrolmentAction, disableMfaAction, renewRecoveryCodesAction, startMfaEnrolmentAction } from '@/lib/mfa/actions';
import { FormStatus } from '@/components/ui/form-status';
import { EvidenceField as Field } from '@/components/evidence/evidence-form';

const button = 'rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60';

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('mfa');
  const locale = useLocale();
  return (
    <div role="status" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3" data-testid="recovery-codes">
      <p className="font-medium">{t('recoveryTitle')}</p>
      <p className="text-sm">{t('recoveryHint')}</p>
      <ol className="grid grid-cols-2 gap-1 font-mono text-sm sm:grid-cols-5">{codes.map((code) => <li key={code}>{code}</li>)}</ol>
      {/* A full navigation: every page then sees the account as it now is. */}
      <p><a href={`/${locale}/dashboard`} className="font-medium text-un-navy underline">{t('continue')}</a></p>
    </div>
  );
}

export function StartEnrolmentForm() {
  const t = useTranslations('mfa');
  const [state, action, pending] = useActionState(startMfaEnrolmentAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className={button}>{t('start')}</button>
      <FormStatus state={state} />
    </form>
  );
}

// The codes issued at enrolment, kept in the page (never stored): confirming refreshes the page,
// which then shows the enabled state, and the codes must still be there to be kept.
let issued: string[] | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The recovery codes just issued by enrolling, if any: shown on the refreshed page. */
export function IssuedRecoveryCodes() {
  const codes = useSyncExternalStore(subscribe, () => issued, () => null);
  return codes ? <RecoveryCodes codes={codes} /> : null;
}

export function ConfirmEnrolmentForm() {
  const t = useTranslations('mfa');
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof confirmMfaEnrolmentAction>>, form: FormData) => {
    const result = await confirmMfaEnrolmentAction(previous, form);
    if (result?.ok) {
      issued = result.data.recoveryCodes;
      for (const listener of listeners) listener();
    }
    return result;
  }, null);
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <form action={action} className="space-y-3">
      <Field prefix="mfa-confirm" name="code" label={t('code')} state={state} required inputMode="numeric" autoComplete="one-time-code" maxLength={40} />
      <button type="submit" disabled={pending} className={button}>{t('confirm')}</button>
      <FormStatus state={state} />
    </form>
  );
}

export function RenewCodesForm() {
  const t = useTranslations('mfa');
  const [state, action, pending] = useActionState(renewRecoveryCodesAction, null);
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <form action={action} className="space-y-3">
      <Field prefix="mfa-renew" name="code" label={t('code')} state={state} required autoComplete="one-time-code" maxLength={40} />
      <button type="submit" disabled={pending} className={button}>{t('renew')}</button>
      <FormStatus state={state} />
    </form>
  );
}

export function DisableForm() {
  const t = useTranslations('mfa');
  const [state, action, pending] = useActionState(disableMfaAction, null);
  return (
    <form action={action} className="space-y-3">
      <Field prefix="mfa-disable" name="code" label={t('code')} state={state} required autoComplete="one-time-code" maxLength={40} />
      <button type="submit" disabled={pending} className="rounded border border-red-700 bg-white px-4 py-2 font-medium text-red-800 disabled:opacity-60">{t('disable')}</button>
      <FormStatus state={state} success={t('disabled')} />
    </form>
  );
}
