import { getFormatter, getTranslations } from 'next-intl/server';
import { listThematicAreas } from '@/lib/catalogue/queries';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { getLatestPublished } from '@/lib/summaries/queries';
import { DistributionBar } from '@/components/summaries/distribution-bar';
import { InLanguage, TitlesLanguageNote } from '@/components/ui/shown-in';

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = await pageLocale(params);
  const [t, format, areas, published] = await Promise.all([getTranslations('home'), getFormatter(), listThematicAreas(locale), getLatestPublished(locale)]);

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('title')}</h1>
      <p className="mt-3 max-w-3xl text-slate-700">{t('intro')}</p>
      <section aria-labelledby="areas-heading" className="mt-8">
        <h2 id="areas-heading" className="text-xl font-semibold">
          {t('areasHeading')}
        </h2>
        {published && (
          <p className="mt-2 text-slate-700" data-testid="home-published">
            {t('publishedCycle', { cycle: published.cycle.name })}{' '}
            <Link href={`/summaries?cycle=${encodeURIComponent(published.cycle.code)}`} className="font-medium text-un-navy underline">{t('allSummaries')}</Link>
          </p>
        )}
        <TitlesLanguageNote locales={areas.flatMap((area) => [area.titleLocale, ...area.subAreas.map((sub) => sub.titleLocale)])} />
        <ol className="mt-4 grid gap-4 md:grid-cols-2">
          {areas.map((area) => (
            <li key={area.code} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="thematic-area">
              <p className="text-sm font-medium text-un-blue">{t('areaCode', { code: area.code })}</p>
              <h3 className="mt-1 font-semibold leading-snug">
                <Link href={`/areas/${area.code}`} className="underline-offset-2 hover:underline"><InLanguage text={area.title} locale={area.titleLocale} /></Link>
              </h3>
              {published?.areas[area.code] && (
                <div className="mt-3" data-testid="home-area-figures">
                  <DistributionBar labelled distribution={published.areas[area.code]!.distribution} />
                  <p className="mt-1 text-sm text-slate-700">
                    <Link href={`/areas/${area.code}/summary?cycle=${encodeURIComponent(published.cycle.code)}`} className="text-un-navy underline">
                      {t('areaFigures', {
                        progress: published.areas[area.code]!.progressIndex === null ? '—' : format.number(published.areas[area.code]!.progressIndex!, { style: 'percent', maximumFractionDigits: 0 }),
                        reporting: format.number(published.areas[area.code]!.entities.reporting),
                        expected: format.number(published.areas[area.code]!.entities.expected),
                      })}
                    </Link>
                  </p>
                </div>
              )}
              {area.subAreas.length > 0 && (
                <>
                  <h4 className="sr-only">{t('subAreas')}</h4>
                  <ul className="mt-3 space-y-1 border-s-2 border-slate-200 ps-3 text-sm text-slate-700">
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
      </section>
    </main>
  );
}
