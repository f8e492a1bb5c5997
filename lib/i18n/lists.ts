// Lists as each language writes them. Intl.ListFormat's lists without a conjunction ("unit") run
// Chinese items together with no mark at all, so the separator is the catalogue's own
// (common.listSeparator: ", " in English, "、" in Chinese).
import { UN_LANGUAGES } from './routing';

/**
 * Language codes in the UN order: alphabetical by their names in the reader's language (French,
 * Spanish, Russian, Arabic), except in English and Chinese, whose UN texts keep the order of the
 * English names: Arabic, Chinese, English, French, Russian, Spanish (阿拉伯文、中文、英文、法文、俄文、西班牙文).
 */
export function inUnOrder<T extends string>(languages: readonly T[], nameOf: (language: T) => string, locale: string): T[] {
  if (locale === 'en' || locale === 'zh') {
    const rank = (language: T) => {
      const at = (UN_LANGUAGES as readonly string[]).indexOf(language);
      return at === -1 ? UN_LANGUAGES.length : at;
    };
    return [...languages].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }
  const collator = new Intl.Collator(locale);
  return [...languages].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}

/** The languages' names in the UN order, as one list ("Chinese, English"; "英文、中文"). */
export function languageList<T extends string>(languages: readonly T[], nameOf: (language: T) => string, locale: string, separator: string): string {
  return inUnOrder(languages, nameOf, locale).map(nameOf).join(separator);
}

/** What goes between two sentences: a space, except after Chinese full stops (。), which take none. */
export function sentenceGap(locale: string): string {
  return locale === 'zh' ? '' : ' ';
}
