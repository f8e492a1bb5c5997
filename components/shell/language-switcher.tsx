'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
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
              lang={locale}
              aria-current={locale === active ? 'true' : undefined}
              onClick={signedIn && locale !== active ? () => rememberInProfile(locale) : undefined}
              className={`${linkClassName} ${locale === active ? 'font-semibold underline underline-offset-4' : 'hover:underline'}`}
            >
              {t(locale)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
