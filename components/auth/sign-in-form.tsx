'use client';

import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { TextField } from '@/components/ui/text-field';

const KNOWN_ERRORS = ['CredentialsSignin', 'AccountDisabled', 'RateLimited'] as const;
type ErrorKey = (typeof KNOWN_ERRORS)[number] | 'missing' | 'generic';

function errorKey(code: string | undefined): ErrorKey | null {
  if (!code) return null;
  return (KNOWN_ERRORS as readonly string[]).includes(code) ? (code as ErrorKey) : 'generic';
}

export function SignInForm({ callbackPath, initialError }: { callbackPath: string; initialError?: string }) {
  const t = useTranslations('signIn');
  const [error, setError] = useState<ErrorKey | null>(errorKey(initialError));
  const [pending, setPending] = useState(false);

  // Submitted by hand rather than as a form action: a form action resets the fields, and a
  // person who mistyped the password should not have to type the e-mail address again.
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      setError('missing');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', { email, password, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so that every server component sees the new session.
        window.location.assign(callbackPath);
        return;
      }
      setError(errorKey(result?.error ?? 'generic'));
    } catch {
      setError('generic');
    }
    setPending(false);
  }

  return (
    <form method="post" onSubmit={submit} className="mt-6 space-y-4" noValidate>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="sign-in-error">
          {t(`errors.${error}`)}
        </p>
      )}
      <TextField id="email" label={t('email')} type="email" autoComplete="username" required />
      <TextField id="password" label={t('password')} type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending}
        className="w-full rounded bg-un-navy px-4 py-2 font-medium text-white hover:bg-un-navy/90 disabled:opacity-60">
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
