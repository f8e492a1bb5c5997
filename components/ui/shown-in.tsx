// Content shown in another language than the page's: titles of thematic areas, instruments and
// chapters exist in English and Chinese until another language is imported, so a French or Arabic
// page shows them in English; a document is shown in its own language. Such text carries its
// language (for screen readers, hyphenation, and to keep English left to right on an Arabic page),
// and a visible note names it: a badge beside a single title, one note above a list of titles.
// Pages in the title's own language are unchanged.
import type { ReactNode } from 'react';
import { useLocale } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { LanguageNote } from '@/components/catalogue/language-note';
import { languageList } from '@/lib/i18n/lists';
import { nameLanguage } from '@/lib/i18n/message-keys';
import { rtlLocales } from '@/lib/i18n/routing';

/** A text and the language it is shown in (a query's `title` and `titleLocale`). */
export type Shown = { text: string; locale: string };

/**
 * The text, in a span with its language and direction when that is not the page's; with `badge`,
 * followed by the badge naming that language ("en anglais").
 */
export function InLanguage({ text, locale, badge = false }: Shown & { badge?: boolean }) {
  const page = useLocale();
  if (locale === page) return text;
  return (
    <>
      <span lang={locale} dir={rtlLocales.includes(locale) ? 'rtl' : 'ltr'}>{text}</span>
      {badge && <LanguageNote shown={{ text, locale, isFallback: true }} />}
    </>
  );
}

// A character no message or title contains (Unicode private use), where the title goes.
const SLOT = '\uE000';

/**
 * A message that names a title ("Chapitre 1. {title}"), with the title marked as `InLanguage`
 * marks it: the message is formatted around a placeholder, and the title put in its place.
 */
export function MessageWithTitle({ format, text, locale }: Shown & { format: (title: string) => string }): ReactNode {
  const [before, after = ''] = format(SLOT).split(SLOT);
  return <>{before}<InLanguage text={text} locale={locale} />{after}</>;
}

/**
 * One note for a list of titles, naming the languages they are shown in where these are not the
 * page's ("Titles shown in English: not yet imported in French.", or "Some titles …" when others
 * are in the page's language); nothing when all are in it.
 */
export async function TitlesLanguageNote({ locales }: { locales: readonly string[] }) {
  const page = await getLocale();
  const others = [...new Set(locales.filter((locale) => locale !== page))];
  if (others.length === 0) return null;
  const [t, tCommon] = await Promise.all([getTranslations('catalogue'), getTranslations('common')]);
  const name = (code: string) => nameLanguage(code, (language) => t(`languages.${language}`));
  return (
    <p role="note" className="mt-2 w-fit rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-950" data-testid="titles-language-note">
      {t('titlesShownIn', {
        scope: locales.includes(page) ? 'some' : 'all',
        shown: languageList(others, name, page, tCommon('listSeparator')),
        page: name(page),
      })}
    </p>
  );
}
