// Lists as each language writes them. Intl.ListFormat's lists without a conjunction ("unit") run
// Chinese items together with no mark at all, so the separator is the catalogue's own
// (common.listSeparator: ", " in English, "、" in Chinese).

/** Language codes in the UN order: alphabetical by their names in the reader's language. */
export function inUnOrder<T extends string>(languages: readonly T[], nameOf: (language: T) => string, locale: string): T[] {
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
