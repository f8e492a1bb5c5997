import { getTranslations } from 'next-intl/server';
import type { ShownText } from '@/lib/catalogue/commitment-text';
import { nameLanguage } from '@/lib/i18n/message-keys';

/** Says, visibly, that a wording is shown in another language than the page's. */
export async function LanguageNote({ shown }: { shown: ShownText }) {
  if (!shown.isFallback) return null;
  const t = await getTranslations('catalogue');
  return (
    <span className="ms-2 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950" data-testid="fallback-note">
      {t('fallbackShort', { language: nameLanguage(shown.locale, (l) => t(`languages.${l}`)) })}
    </span>
  );
}
