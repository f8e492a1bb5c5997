// Which wording of a commitment to show: the reader's language, else English, else the first
// language it was imported in. The caller says when it fell back, so the page can tell.
export type StoredText = { locale: string; text: string; importedAt: Date };

export type ShownText = { text: string; locale: string; isFallback: boolean };

export function pickCommitmentText(texts: readonly StoredText[], locale: string): ShownText | null {
  if (texts.length === 0) return null;
  const exact = texts.find((text) => text.locale === locale);
  if (exact) return { text: exact.text, locale, isFallback: false };
  const fallback =
    texts.find((text) => text.locale === 'en') ??
    [...texts].sort((a, b) => a.importedAt.getTime() - b.importedAt.getTime() || a.locale.localeCompare(b.locale))[0]!;
  return { text: fallback.text, locale: fallback.locale, isFallback: true };
}
