import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { getOptionalUser } from '@/lib/auth/session';
import { unreadNotificationCount } from '@/lib/notifications/inbox-queries';
import { LanguageSwitcher } from './language-switcher';
import { Disclosure } from './disclosure';
import { SignOutButton } from '@/components/auth/sign-out-button';

/** The public sections, in the header on every page. */
const SITE_LINKS = [
  { key: 'thematicAreas', href: '/areas' },
  { key: 'summaries', href: '/summaries' },
  { key: 'instruments', href: '/instruments' },
  { key: 'commitments', href: '/commitments' },
  { key: 'documents', href: '/documents' },
  { key: 'search', href: '/search' },
] as const;

function BellIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-5">
      <path d="M10 2a5 5 0 0 0-5 5v2.6L3.3 12.9A.75.75 0 0 0 4 14h12a.75.75 0 0 0 .7-1.1L15 9.6V7a5 5 0 0 0-5-5Zm-2.45 13a2.5 2.5 0 0 0 4.9 0h-4.9Z" />
    </svg>
  );
}

function MenuIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-5">
      <path className="group-open:hidden" d="M3 5.25A.75.75 0 0 1 3.75 4.5h12.5a.75.75 0 0 1 0 1.5H3.75A.75.75 0 0 1 3 5.25Zm0 4.75a.75.75 0 0 1 .75-.75h12.5a.75.75 0 0 1 0 1.5H3.75A.75.75 0 0 1 3 10Zm.75 4a.75.75 0 0 0 0 1.5h12.5a.75.75 0 0 0 0-1.5H3.75Z" />
      <path className="hidden group-open:block" d="M5.28 4.22a.75.75 0 0 0-1.06 1.06L8.94 10l-4.72 4.72a.75.75 0 1 0 1.06 1.06L10 11.06l4.72 4.72a.75.75 0 1 0 1.06-1.06L11.06 10l4.72-4.72a.75.75 0 0 0-1.06-1.06L10 8.94 5.28 4.22Z" />
    </svg>
  );
}

function ChevronIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 transition-transform group-open:rotate-180">
      <path d="M5.22 7.22a.75.75 0 0 1 1.06 0L10 10.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 8.28a.75.75 0 0 1 0-1.06Z" />
    </svg>
  );
}

/**
 * One row on a desktop (the public sections, the languages, and for a signed-in user the
 * workspace, the notifications and an account menu); below 1280 px the brand, the notifications
 * and a menu that holds the rest. The menus are <details>: they open without JavaScript.
 */
export async function SiteHeader() {
  const [t, tNav, tNotifications, user, locale] = await Promise.all([
    getTranslations('common'), getTranslations('nav'), getTranslations('notifications'), getOptionalUser(), getLocale(),
  ]);
  const unread = user ? await unreadNotificationCount(user.id) : 0;
  const notificationsLabel = tNotifications('headerLabel', { count: unread });
  const badge = unread > 0 && (
    <span aria-hidden className="min-w-5 rounded-full bg-amber-300 px-1.5 text-center text-xs font-semibold leading-5 text-un-navy">{unread}</span>
  );
  const panelLink = 'block rounded px-3 py-2 hover:bg-slate-100';
  const brand = t('brand');

  return (
    <header className="relative bg-un-navy text-white print:hidden" data-testid="site-header">
      <div className="mx-auto flex min-h-12 max-w-6xl items-center gap-x-2 px-4 py-1.5 sm:gap-x-4 xl:max-w-screen-2xl">
        {/* On a desktop a long name (French, Russian, Spanish) takes two smaller lines rather than being cut short. */}
        <Link href="/" className={`min-w-0 truncate text-sm font-semibold tracking-tight sm:text-base xl:whitespace-normal xl:leading-tight ${brand.length > 32 ? 'xl:text-sm' : ''}`} data-testid="brand">
          {brand}
        </Link>

        {/* Desktop: one row. */}
        <nav aria-label={t('siteNavigation')} className="hidden xl:block">
          <ul className="flex gap-3.5 text-sm" data-testid="site-nav">
            {SITE_LINKS.map((link) => (
              <li key={link.key}><Link href={link.href} className="whitespace-nowrap hover:underline">{tNav(link.key)}</Link></li>
            ))}
          </ul>
        </nav>
        <div className="ms-auto hidden shrink-0 items-center gap-3.5 text-sm xl:flex">
          {/* Six languages do not fit in the row: the page's own, and a menu of all six. */}
          <Disclosure
            className="relative"
            testId="language-menu"
            summaryClassName="flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-1 hover:bg-white/10"
            summary={<><span className="sr-only">{t('language')}{t('colon')}</span><span lang={locale}>{t(`languages.${locale}`)}</span><ChevronIcon /></>}
            panelClassName="absolute end-0 top-full z-40 mt-2 w-44 rounded-lg border border-slate-200 bg-white py-1 text-slate-900 shadow-lg"
          >
            <Suspense>
              <LanguageSwitcher label={t('language')} className="grid" linkClassName="block px-3 py-2 hover:bg-slate-100" signedIn={Boolean(user)} />
            </Suspense>
          </Disclosure>
          {user ? (
            <>
              <Link href="/dashboard" className="whitespace-nowrap underline-offset-4 hover:underline">{t('workspace')}</Link>
              <Link href="/notifications" className="inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-white/10" aria-label={notificationsLabel} title={tNotifications('headerLink')} data-testid="notifications-link">
                <BellIcon />
                {unread > 0 && <span aria-hidden className="min-w-5 rounded-full bg-amber-300 px-1.5 text-center text-xs font-semibold leading-5 text-un-navy" data-testid="unread-count">{unread}</span>}
              </Link>
              <Disclosure
                className="relative"
                testId="account-menu"
                summaryClassName="flex max-w-40 items-center gap-1 rounded border border-white/40 px-2 py-1 hover:bg-white/10"
                summary={
                  <>
                    <span className="bidi-auto truncate" data-testid="signed-in-as"><span className="sr-only">{t('signedInAs', { name: '' })}</span>{user.name}</span>
                    <ChevronIcon />
                  </>
                }
                panelClassName="absolute end-0 top-full z-40 mt-2 w-72 rounded-lg border border-slate-200 bg-white py-1 text-slate-900 shadow-lg"
              >
                <p className="border-b border-slate-200 px-3 py-2 text-sm">
                  {t('signedInAs', { name: user.name })}
                  <span className="block truncate text-slate-600">{user.email}</span>
                </p>
                <Link href="/account/security" className="block px-3 py-2 hover:bg-slate-100">{t('accountSecurity')}</Link>
                <SignOutButton label={t('signOut')} locale={locale} variant="menu" />
              </Disclosure>
            </>
          ) : (
            <Link href="/sign-in" className="whitespace-nowrap rounded bg-white px-3 py-1.5 font-medium text-un-navy hover:bg-slate-100">
              {t('signIn')}
            </Link>
          )}
        </div>

        {/* Below 1280 px: the notifications, and a menu with everything else. */}
        <div className="ms-auto flex shrink-0 items-center gap-2 xl:hidden">
          {user && (
            <Link href="/notifications" className="inline-flex items-center gap-1 rounded p-1.5 hover:bg-white/10" aria-label={notificationsLabel} title={tNotifications('headerLink')}>
              <BellIcon />
              {badge}
            </Link>
          )}
          <Disclosure
            testId="site-menu"
            summaryClassName="flex items-center gap-1.5 rounded border border-white/40 px-2 py-1.5 text-sm hover:bg-white/10"
            summary={<><MenuIcon /><span className="sr-only sm:not-sr-only">{t('menu')}</span></>}
            panelClassName="absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-slate-300 bg-white text-slate-900 shadow-lg"
          >
            <div className="mx-auto grid max-w-6xl gap-4 px-4 py-3 sm:grid-cols-2">
              <nav aria-label={t('siteNavigation')}>
                <ul className="grid gap-0.5">
                  {SITE_LINKS.map((link) => (
                    <li key={link.key}><Link href={link.href} className={panelLink}>{tNav(link.key)}</Link></li>
                  ))}
                </ul>
              </nav>
              <div className="grid content-start gap-3 border-t border-slate-200 pt-3 sm:border-s sm:border-t-0 sm:ps-4 sm:pt-0">
                <Suspense>
                  <LanguageSwitcher label={t('language')} className="flex flex-wrap gap-1" linkClassName="block rounded px-3 py-2 hover:bg-slate-100" signedIn={Boolean(user)} />
                </Suspense>
                {user ? (
                  <div className="grid gap-0.5">
                    <p className="px-3 py-1 text-sm text-slate-700">{t('signedInAs', { name: user.name })}</p>
                    <Link href="/dashboard" className={panelLink}>{t('workspace')}</Link>
                    <Link href="/notifications" className={`${panelLink} flex items-center gap-2`}>
                      {tNotifications('headerLink')}
                      {badge}
                    </Link>
                    <Link href="/account/security" className={panelLink}>{t('accountSecurity')}</Link>
                    <SignOutButton label={t('signOut')} locale={locale} variant="menu" />
                  </div>
                ) : (
                  <Link href="/sign-in" className="block rounded bg-un-navy px-3 py-2 text-center font-medium text-white hover:bg-un-navy/90">
                    {t('signIn')}
                  </Link>
                )}
              </div>
            </div>
          </Disclosure>
        </div>
      </div>
    </header>
  );
}
