'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import type { MouseEvent } from 'react';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { locales, type Locale } from '@/lib/i18n/routing';
import { rememberLanguageAction } from '@/lib/users/language-actions';

/** A signed-in reader's choice goes to their profile too: their e-mails and next sign-in follow it. */
function rememberInProfile(locale: Locale) {
  const form = new FormData();
  form.set('locale', locale);
  // Not awaited: the page in the other language comes whatever the profile says.
  void rememberLanguageAction(null, form).catch(() => undefined);
}

/** A click that opens the link here: one that opens it in another tab or window changes nothing else. */
function plainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Links to the same page and query in every interface language, each labelled in its own language;
 * `signedIn`: the choice is also remembered in the reader's profile.
 */
export function LanguageSwitcher({ label, className = 'flex gap-2', linkClassName = '', signedIn = false }: {
  label: string; className?: string; linkClassName?: string; signedIn?: boolean;
}) {
  const t = useTranslations('common.languages');
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const active = useLocale();
  // The whole query, repeated names too (?state=DRAFT&state=RETURNED).
  const query = searchParams.toString();
  const href = query ? `${pathname}?${query}` : pathname;
  return (
    <nav aria-label={label}>
      <ul className={className}>
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={href}
              locale={locale}
              aria-current={locale === active ? 'true' : undefined}
              onClick={signedIn && locale !== active ? (event) => { if (plainClick(event)) rememberInProfile(locale); } : undefined}
              className={`${linkClassName} ${locale === active ? 'font-semibold underline underline-offset-4' : 'hover:underline'}`}
            >
              {/* The language on the name only: the link keeps the menu's direction. */}
              <span lang={locale}>{t(locale)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
