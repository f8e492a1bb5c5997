import { getTranslations } from 'next-intl/server';

/** "French (français)" / "法语（français）": the language in the reader's words, and in its own. */
function languageName(language: string, locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(language) ?? language;
  const own = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return locale === 'zh' ? `${name}（${own}）` : `${name} (${own})`;
}

/** Says that the language the reader asked for is not offered yet, on the page they were sent to instead. */
export async function LanguageNote({ language, locale }: { language: string; locale: string }) {
  const t = await getTranslations('common');
  return (
    <div role="note" className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-950 print:hidden" data-testid="language-note">
      <p className="mx-auto max-w-6xl">{t('languageNotAvailable', { language: languageName(language, locale) })}</p>
    </div>
  );
}
