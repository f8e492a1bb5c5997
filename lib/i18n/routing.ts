// The locales the interface is offered in. Adding one of the other UN languages means adding
// its code here and its catalogue in messages/.
import { defineRouting } from 'next-intl/routing';

export const locales = ['en', 'zh'] as const;
export type Locale = (typeof locales)[number];

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
