import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth/session';
import { env, isDemoMode } from '@/lib/env';
import { oidcConfigured } from '@/lib/auth/single-sign-on';
import { SingleSignOnButton } from '@/components/auth/single-sign-on-button';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';

export function generateMetadata({ params }: PageProps<'/[locale]/sign-in'>): Promise<Metadata> {
  return pageTitle(params, 'signIn');
}

export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/sign-in'>) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const callbackPath = safeCallbackPath(query.callbackUrl, locale);
  if (await getOptionalUser()) redirect(callbackPath);
  const t = await getTranslations('signIn');
  const error = typeof query.error === 'string' ? query.error : undefined;

  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      {/* No page asked for: the workspace opens in the language of the person's profile. */}
      <SignInForm callbackPath={callbackPath} initialError={error} profileLanguage={query.callbackUrl === undefined} />
      {oidcConfigured() && (
        <div className="mt-6 space-y-2 border-t border-slate-200 pt-6">
          <SingleSignOnButton label={t('singleSignOn', { provider: env().OIDC_NAME })} callbackPath={callbackPath} />
          <p className="text-xs text-slate-600">{t('singleSignOnHint')}</p>
        </div>
      )}
      {isDemoMode() && <p className="mt-6 rounded bg-amber-50 p-3 text-sm text-amber-950">{t('demoHint')}</p>}
    </main>
  );
}
