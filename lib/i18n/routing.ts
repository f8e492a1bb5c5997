// The locales the interface is offered in: the six official languages of the United Nations, in
// the order UN pages list them (each by its own name). Each has its catalogue in messages/.
import { defineRouting } from 'next-intl/routing';

/** The six official languages of the United Nations. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export const locales = UN_LANGUAGES;
export type Locale = (typeof locales)[number];

/**
 * Where an address in a regional form or another case of a locale is sent ("/fr-CA/instruments"
 * or "/FR/instruments" to "/fr/instruments"); null for any other address. next-intl would make it
 * "/en/fr-CA/…", a 404.
 */
export function localeVariantRedirect(pathname: string): string | null {
  const match = /^\/([a-z]{2})((?:-[a-z0-9]{2,8})*)(\/.*)?$/i.exec(pathname);
  if (!match) return null;
  const language = match[1]!.toLowerCase();
  if (!isLocale(language) || (match[1] === language && !match[2])) return null;
  return `/${language}${match[3] && match[3] !== '/' ? match[3] : ''}`;
}

/** Locales written right to left. */
export const rtlLocales: readonly string[] = ['ar'];

export const routing = defineRouting({
  locales,
  defaultLocale: 'en',
  localePrefix: 'always',
});

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
