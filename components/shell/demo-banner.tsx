import { getLocale, getTranslations } from 'next-intl/server';
import { sentenceGap } from '@/lib/i18n/lists';

/** Says the data are a demonstration's: one short line on a phone, the whole sentence from 640 px. */
export async function DemoBanner() {
  const [t, locale] = await Promise.all([getTranslations('common'), getLocale()]);
  return (
    <div role="note" className="bg-amber-100 px-4 py-1 text-center text-xs text-amber-950 sm:py-2 sm:text-sm print:hidden" data-testid="demo-banner">
      <strong className="font-semibold">{t('demoLabel')}</strong>{sentenceGap(locale)}
      <span className="sm:hidden">{t('demoBannerShort')}</span>
      <span className="hidden sm:inline">{t('demoBanner')}</span>
    </div>
  );
}
