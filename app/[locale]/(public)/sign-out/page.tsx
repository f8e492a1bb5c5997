import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { getOptionalUser } from '@/lib/auth/session';
import { pageLocale } from '@/lib/i18n/page-locale';
import { SignOutButton } from '@/components/auth/sign-out-button';

export async function generateMetadata({ params }: PageProps<'/[locale]/sign-out'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: 'signOut' });
  return { title: (await getOptionalUser()) ? t('title') : t('doneTitle') };
}

/**
 * A page of its own for signing out (bookmarkable, and the target of a session that must end), and
 * where signing out lands: it says the session has ended, and where to go next.
 */
export default async function SignOutPage({ params }: PageProps<'/[locale]/sign-out'>) {
  const locale = await pageLocale(params);
  const user = await getOptionalUser();
  const t = await getTranslations('signOut');
  if (!user) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-10" data-testid="signed-out">
        <h1 className="text-2xl font-semibold">{t('doneTitle')}</h1>
        <p className="mt-3 text-slate-700">{t('doneBody')}</p>
        <ul className="mt-6 flex flex-wrap items-center gap-4">
          <li><Link href="/sign-in" className="inline-block rounded bg-un-navy px-4 py-2 font-medium text-white hover:bg-un-navy/90">{t('signInAgain')}</Link></li>
          <li><Link href="/" className="font-medium text-un-navy underline underline-offset-4">{t('home')}</Link></li>
        </ul>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-3 text-slate-700">{t('question', { email: user.email })}</p>
      <div className="mt-6">
        <SignOutButton label={t('confirm')} locale={locale} variant="primary" />
      </div>
    </main>
  );
}
