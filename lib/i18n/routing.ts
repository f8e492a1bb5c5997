// The locales the interface is offered in. Adding one of the other UN languages means adding
// its code here and its catalogue in messages/.
import { defineRouting } from 'next-intl/routing';

export const locales = ['en', 'zh'] as const;
export type Locale = (typeof locales)[number];

/** The six official languages of the United Nations. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/**
 * The UN languages the interface is not offered in yet. An address in one of them is sent to the
 * same page in English, with a note saying so (proxy.ts, app/[locale]/layout.tsx); the day its
 * catalogue is added to `locales`, it leaves this list by itself.
 */
export const pendingLanguages: readonly string[] = UN_LANGUAGES.filter((language) => !(locales as readonly string[]).includes(language));

/** The cookie that carries, to the next page, the language a reader asked for and did not get. */
export const PENDING_LANGUAGE_COOKIE = 'language-not-available';
/** The request header the proxy hands that language to the page's layout in. */
export const PENDING_LANGUAGE_HEADER = 'x-language-not-available';

/**
 * Where an address in a language not offered yet is sent ("/fr/instruments" to "/en/instruments"),
 * with that language; null for any other address.
 */
export function pendingLanguageRedirect(pathname: string): { language: string; pathname: string } | null {
  const match = /^\/([a-z]{2})(?:-[a-z0-9]{2,8})*(\/.*)?$/i.exec(pathname);
  const language = match?.[1]?.toLowerCase();
  if (!language || !pendingLanguages.includes(language)) return null;
  return { language, pathname: `/${routing.defaultLocale}${match![2] && match![2] !== '/' ? match![2] : ''}` };
}

/** Locales written right to left (Arabic, when its catalogue is added). */
export const rtlLocales: readonly string[] = ['ar'];

export const routing = defineRouting({
  locales,
  defaultLocale: 'en',
  localePrefix: 'always',
});

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
