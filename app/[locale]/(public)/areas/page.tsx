import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listThematicAreas } from '@/lib/catalogue/queries';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { InLanguage, TitlesLanguageNote } from '@/components/ui/shown-in';

export async function generateMetadata({ params }: PageProps<'/[locale]/areas'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'areas' }))('indexTitle') };
}

/** The seven thematic areas of the UNGASS 2016 outcome document, their sub-areas, and where each leads. */
export default async function ThematicAreasPage({ params }: PageProps<'/[locale]/areas'>) {
  const locale = await pageLocale(params);
  const [t, areas] = await Promise.all([getTranslations('areas'), listThematicAreas(locale)]);

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold">{t('indexTitle')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('indexIntro')}</p>
      <TitlesLanguageNote locales={areas.flatMap((area) => [area.titleLocale, ...area.subAreas.map((sub) => sub.titleLocale)])} />
      <ol className="mt-6 space-y-4">
        {areas.map((area) => (
          <li key={area.code} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="area-index-item">
            <p className="text-sm font-medium text-un-blue">{t('areaCode', { code: area.code })}</p>
            <h2 className="mt-0.5 text-lg font-semibold leading-snug">
              <Link href={`/areas/${area.code}`} className="underline-offset-2 hover:underline"><InLanguage text={area.title} locale={area.titleLocale} /></Link>
            </h2>
            <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <li><Link href={`/areas/${area.code}`} className="text-un-navy underline">{t('openCommitments')}</Link></li>
              <li><Link href={`/areas/${area.code}/summary`} className="text-un-navy underline">{t('openSummary')}</Link></li>
            </ul>
            {area.subAreas.length > 0 && (
              <>
                <h3 className="sr-only">{t('subAreas')}</h3>
                <ul className="mt-3 grid gap-x-6 gap-y-1 border-s-2 border-slate-200 ps-3 text-sm text-slate-700 md:grid-cols-2">
                  {area.subAreas.map((sub) => (
                    <li key={sub.code}>
                      <Link href={`/areas/${sub.code}`} className="hover:underline">
                        <span className="font-medium text-slate-500">{sub.code}</span> <InLanguage text={sub.title} locale={sub.titleLocale} />
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </main>
  );
}
