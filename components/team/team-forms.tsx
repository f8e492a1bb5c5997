'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { acceptInvitationAction, changeContributorAction, inviteContributorAction } from '@/lib/team/actions';
import type { ContributorSetting } from '@/lib/team/schemas';
import { FormStatus } from '@/components/ui/form-status';
import { Link } from '@/lib/i18n/navigation';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { EvidenceField as Field } from '@/components/evidence/evidence-form';

const button = 'rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60';
const quiet = 'rounded border border-un-navy bg-white px-3 py-1.5 text-sm font-medium text-un-navy disabled:opacity-60';

export function InviteContributorForm({ entityId, locales }: { entityId: string; locales: { code: string; name: string }[] }) {
  const t = useTranslations('team');
  // The invitation is written, unless chosen otherwise, in the language the inviter reads.
  const pageLocale = useLocale();
  const [state, action, pending] = useActionState(inviteContributorAction, null);
  const keep = useKeptForm(action, state);
  return (
    <form action={action} onSubmit={keep} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="text-lg font-semibold sm:col-span-2">{t('inviteHeading')}</h2>
      <p className="text-sm text-slate-700 sm:col-span-2">{t('inviteHint')}</p>
      <input type="hidden" name="entityId" value={entityId} />
      <Field prefix="invite" name="name" label={t('name')} state={state} required maxLength={200} autoComplete="off" />
      <Field prefix="invite" name="email" label={t('email')} state={state} required type="email" maxLength={320} autoComplete="off" />
      <div>
        <label htmlFor="invite-locale" className="block text-sm font-medium">{t('language')}</label>
        <select id="invite-locale" name="locale" defaultValue={pageLocale} className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2">
          {locales.map((locale) => <option key={locale.code} value={locale.code}>{locale.name}</option>)}
        </select>
      </div>
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={button}>{t('invite')}</button>
      </div>
      <div className="sm:col-span-2"><FormStatus state={state} success={t('invited')} /></div>
    </form>
  );
}

export type { ContributorSetting } from '@/lib/team/schemas';

export function ContributorSettingButton({ userId, setting, name }: { userId: string; setting: ContributorSetting; name: string }) {
  const t = useTranslations('team');
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(changeContributorAction, null);
  const confirmFirst = setting === 'disable';
  return (
    <form action={action} onSubmit={(event) => { if (confirmFirst && !window.confirm(t('confirmDisable', { name }))) event.preventDefault(); }}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="setting" value={setting} />
      <button type="submit" disabled={pending || !hydrated} className={quiet} data-testid={`contributor-${setting}`}>{t(`settings.${setting}`)}</button>
      <FormStatus state={state} />
    </form>
  );
}

export function AcceptInvitationForm({ token, name }: { token: string; name: string }) {
  const t = useTranslations('team');
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-2 rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="invitation-accepted">
        <p>{t('acceptedInvitation', { email: state.data.email })}</p>
        <p><Link href="/sign-in" className="font-medium text-un-navy underline">{t('signInNow')}</Link></p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="token" value={token} />
      <Field prefix="accept" name="name" label={t('yourName')} state={state} required maxLength={200} defaultValue={name} autoComplete="name" />
      <Field prefix="accept" name="password" label={t('password')} hint={t('passwordHint')} state={state} required type="password" minLength={10} maxLength={1024} autoComplete="new-password" />
      <Field prefix="accept" name="confirm" label={t('confirmPassword')} state={state} required type="password" maxLength={1024} autoComplete="new-password" />
      <button type="submit" disabled={pending} className={button}>{t('acceptInvitation')}</button>
      <FormStatus state={state} />
    </form>
  );
}
