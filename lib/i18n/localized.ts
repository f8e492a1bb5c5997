// Localized JSON fields ({"en": "...", "zh": "..."}): pick the reader's language, falling back
// to English, then to any language present, and say which language was used.
export type LocalizedText = Partial<Record<string, string>>;

export function pickLocalized(value: unknown, locale: string): { text: string; locale: string } {
  const texts = (value && typeof value === 'object' ? value : {}) as LocalizedText;
  for (const candidate of [locale, 'en', ...Object.keys(texts)]) {
    const text = texts[candidate];
    if (typeof text === 'string' && text.length > 0) return { text, locale: candidate };
  }
  return { text: '', locale };
}

export function localized(value: unknown, locale: string): string {
  return pickLocalized(value, locale).text;
}

/**
 * A title (of an area, an instrument, a chapter) as `pickLocalized` finds it, with the language it
 * is shown in: titles exist in few languages, and a page marks one shown in another language.
 */
export function localizedTitle(value: unknown, locale: string): { title: string; titleLocale: string } {
  const { text, locale: titleLocale } = pickLocalized(value, locale);
  return { title: text, titleLocale };
}
