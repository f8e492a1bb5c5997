// The name the application gives a reporting cycle that covers a calendar year, in the six UN
// languages. These are the application's own words (not official text), so every language has
// them: the seeded cycles are named with them, and the form to create a cycle suggests them.
// Pure: the seed, the server and the browser use it.
import type { UnLanguage } from '@/lib/i18n/routing';

export function yearCycleName(year: number): Record<UnLanguage, string> {
  return {
    ar: `دورة الإبلاغ لعام ${year}`,
    zh: `${year}年报告周期`,
    en: `${year} reporting cycle`,
    fr: `Cycle de rapport ${year}`,
    ru: `Отчетный цикл ${year} года`,
    es: `Ciclo de presentación de informes ${year}`,
  };
}
