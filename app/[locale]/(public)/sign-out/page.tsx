import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';
import { getOptionalUser } from '@/lib/auth/session';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { SignOutButton } from '@/components/auth/sign-out-button';

export function generateMetadata({ params }: PageProps<'/[locale]/sign-out'>): Promise<Metadata> {
  return pageTitle(params, 'signOut');
}

/** A page of its own for signing out (bookmarkable, and the target of a session that must end). */
export default async function SignOutPage({ params }: PageProps<'/[locale]/sign-out'>) {
  const locale = await pageLocale(params);
  const user = await getOptionalUser();
  if (!user) redirect({ href: '/', locale });
  const t = await getTranslations('signOut');
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-3 text-slate-700">{t('question', { email: user!.email })}</p>
      <div className="mt-6">
        <SignOutButton label={t('confirm')} locale={locale} variant="primary" />
      </div>
    </main>
  );
}
