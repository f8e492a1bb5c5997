// The name the application gives a reporting cycle that covers a calendar year, in the six UN
// languages: the catalogues' cycles.yearName (the application's own words, not official text).
// The seeded cycles are named with it, and the form to create a cycle suggests it.
import { createTranslator } from 'next-intl';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import { UN_LANGUAGES, type UnLanguage } from '@/lib/i18n/routing';

export function yearCycleName(year: number): Record<UnLanguage, string> {
  return Object.fromEntries(UN_LANGUAGES.map((locale) => [
    locale, createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'cycles' })('yearName', { year: String(year) }),
  ])) as Record<UnLanguage, string>;
}
