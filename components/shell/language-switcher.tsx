'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { locales } from '@/lib/i18n/routing';

/**
 * Links to the same page in every interface language, each labelled in its own language; `others`:
 * only the languages the page is not in (the compact header of a desktop).
 */
export function LanguageSwitcher({ label, className = 'flex gap-2', linkClassName = '', others = false }: {
  label: string; className?: string; linkClassName?: string; others?: boolean;
}) {
  const t = useTranslations('common.languages');
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const active = useLocale();
  const query = Object.fromEntries(searchParams.entries());
  return (
    <nav aria-label={label}>
      <ul className={className}>
        {locales.filter((locale) => !others || locale !== active).map((locale) => (
          <li key={locale}>
            <Link
              href={{ pathname, query }}
              locale={locale}
              lang={locale}
              aria-current={locale === active ? 'true' : undefined}
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
