import { getTranslations } from 'next-intl/server';

export async function DemoBanner() {
  const t = await getTranslations('common');
  return (
    <div role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 print:hidden">
      <strong className="font-semibold">{t('demoLabel')}</strong> {t('demoBanner')}
    </div>
  );
}
