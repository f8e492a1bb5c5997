'use client';

import { useState, type FormEvent } from 'react';
import { getSession, signIn } from 'next-auth/react';
import { useLocale, useTranslations } from 'next-intl';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { inLocale } from '@/lib/i18n/localized-path';
import { isLocale } from '@/lib/i18n/routing';
import { TextField } from '@/components/ui/text-field';
import { useHydrated } from '@/components/ui/use-hydrated';

const KNOWN_ERRORS = ['CredentialsSignin', 'AccountDisabled', 'RateLimited', 'MfaRequired', 'MfaInvalid', 'SsoRefused'] as const;
type ErrorKey = (typeof KNOWN_ERRORS)[number] | 'missing' | 'generic';

type SignInError = { key: ErrorKey; seconds: number };

/** next-auth's error code, e.g. "CredentialsSignin" or "RateLimited:90" (seconds to wait). */
function parseError(code: string | undefined): SignInError | null {
  if (!code) return null;
  const [name, seconds] = code.split(':');
  const key = (KNOWN_ERRORS as readonly string[]).includes(name ?? '') ? (name as ErrorKey) : 'generic';
  const wait = Number(seconds);
  return { key, seconds: Number.isFinite(wait) && wait > 0 ? Math.ceil(wait) : 60 };
}

/** The error in words; a wait under a minute in seconds, else in whole minutes (rounded up). */
function errorMessage(t: ReturnType<typeof useTranslations<'signIn'>>, error: SignInError): string {
  if (error.key !== 'RateLimited') return t(`errors.${error.key}`);
  return error.seconds < 60
    ? t('errors.RateLimitedSeconds', { seconds: error.seconds })
    : t('errors.RateLimited', { minutes: Math.ceil(error.seconds / 60) });
}

/** Where to go once signed in: the page asked for, else the workspace in the profile's language. */
async function destination(callbackPath: string, locale: string, profileLanguage: boolean): Promise<string> {
  const path = safeCallbackPath(callbackPath, locale);
  if (!profileLanguage) return path;
  const profile = (await getSession().catch(() => null))?.locale;
  return profile && isLocale(profile) ? inLocale(path, locale, profile) : path;
}

export function SignInForm({ callbackPath, initialError, profileLanguage = false }: { callbackPath: string; initialError?: string; profileLanguage?: boolean }) {
  const t = useTranslations('signIn');
  const locale = useLocale();
  const [error, setError] = useState<SignInError | null>(parseError(initialError));
  const [pending, setPending] = useState(false);
  // Asked for once the password was right and the account has two-step sign-in on.
  const [askCode, setAskCode] = useState(false);
  // Until the script has loaded, submitting would only reload the page: keep the button disabled.
  const ready = useHydrated();

  // Submitted by hand rather than as a form action: a form action resets the fields, and a
  // person who mistyped the password should not have to type the e-mail address again.
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const code = String(form.get('code') ?? '').trim();
    if (!email || !password) {
      setError({ key: 'missing', seconds: 0 });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', { email, password, code, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so that every server component sees the new session; the path is
        // checked again here, as the last step before the browser follows it.
        window.location.assign(await destination(callbackPath, locale, profileLanguage));
        return;
      }
      const failure = parseError(result?.error ?? 'generic');
      if (failure?.key === 'MfaRequired' || failure?.key === 'MfaInvalid') setAskCode(true);
      setError(failure);
    } catch {
      setError({ key: 'generic', seconds: 0 });
    }
    setPending(false);
  }

  return (
    <form method="post" onSubmit={submit} className="mt-6 space-y-4" noValidate>
      {error && (
        <p id="sign-in-error" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="sign-in-error">
          {errorMessage(t, error)}
        </p>
      )}
      <TextField id="email" label={t('email')} type="email" autoComplete="username" required
        aria-invalid={Boolean(error)} aria-describedby={error ? 'sign-in-error' : undefined} />
      <TextField id="password" label={t('password')} type="password" autoComplete="current-password" required
        aria-invalid={Boolean(error)} aria-describedby={error ? 'sign-in-error' : undefined} />
      {askCode && (
        <TextField id="code" label={t('code')} inputMode="text" autoComplete="one-time-code" autoFocus required maxLength={40}
          aria-describedby="code-hint" />
      )}
      {askCode && <p id="code-hint" className="-mt-2 text-xs text-slate-600">{t('codeHint')}</p>}
      <button type="submit" disabled={pending || !ready}
        className="w-full rounded bg-un-navy px-4 py-2 font-medium text-white hover:bg-un-navy/90 disabled:opacity-60">
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
