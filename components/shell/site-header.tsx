import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { getOptionalUser } from '@/lib/auth/session';
import { unreadNotificationCount } from '@/lib/notifications/inbox-queries';
import { LanguageSwitcher } from './language-switcher';
import { SignOutButton } from '@/components/auth/sign-out-button';

export async function SiteHeader() {
  const [t, tNav, tNotifications, user, locale] = await Promise.all([
    getTranslations('common'), getTranslations('nav'), getTranslations('notifications'), getOptionalUser(), getLocale(),
  ]);
  const unread = user ? await unreadNotificationCount(user.id) : 0;
  return (
    <header className="bg-un-navy text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          {t('appName')}
        </Link>
        <nav aria-label={t('siteNavigation')}>
          <ul className="flex flex-wrap gap-4 text-sm">
            <li><Link href="/" className="hover:underline">{tNav('thematicAreas')}</Link></li>
            <li><Link href="/summaries" className="hover:underline">{tNav('summaries')}</Link></li>
            <li><Link href="/instruments" className="hover:underline">{tNav('instruments')}</Link></li>
            <li><Link href="/commitments" className="hover:underline">{tNav('commitments')}</Link></li>
            <li><Link href="/documents" className="hover:underline">{tNav('documents')}</Link></li>
            <li><Link href="/search" className="hover:underline">{tNav('search')}</Link></li>
          </ul>
        </nav>
        <div className="ms-auto flex flex-wrap items-center gap-4 text-sm">
          <Suspense>
            <LanguageSwitcher label={t('language')} />
          </Suspense>
          {user ? (
            <>
              <Link href="/dashboard" className="underline-offset-4 hover:underline">
                {t('workspace')}
              </Link>
              <Link href="/notifications" className="inline-flex items-center gap-1.5 underline-offset-4 hover:underline" aria-label={tNotifications('headerLabel', { count: unread })} data-testid="notifications-link">
                <span aria-hidden>{tNotifications('headerLink')}</span>
                {unread > 0 && (
                  <span aria-hidden className="min-w-5 rounded-full bg-amber-300 px-1.5 text-center text-xs font-semibold text-un-navy" data-testid="unread-count">{unread}</span>
                )}
              </Link>
              <span className="hidden sm:inline" data-testid="signed-in-as">
                {t('signedInAs', { name: user.name })}
              </span>
              <SignOutButton label={t('signOut')} locale={locale} />
            </>
          ) : (
            <Link href="/sign-in" className="rounded bg-white px-3 py-1.5 font-medium text-un-navy hover:bg-slate-100">
              {t('signIn')}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
