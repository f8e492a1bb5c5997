import { getTranslations } from 'next-intl/server';
import { listThematicAreas } from '@/lib/catalogue/queries';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = await pageLocale(params);
  const [t, areas] = await Promise.all([getTranslations('home'), listThematicAreas(locale)]);

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('title')}</h1>
      <p className="mt-3 max-w-3xl text-slate-700">{t('intro')}</p>
      <section aria-labelledby="areas-heading" className="mt-8">
        <h2 id="areas-heading" className="text-xl font-semibold">
          {t('areasHeading')}
        </h2>
        <ol className="mt-4 grid gap-4 md:grid-cols-2">
          {areas.map((area) => (
            <li key={area.code} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="thematic-area">
              <p className="text-sm font-medium text-un-blue">{t('areaCode', { code: area.code })}</p>
              <h3 className="mt-1 font-semibold leading-snug">
                <Link href={`/areas/${area.code}`} className="underline-offset-2 hover:underline">{area.title}</Link>
              </h3>
              {area.subAreas.length > 0 && (
                <>
                  <h4 className="sr-only">{t('subAreas')}</h4>
                  <ul className="mt-3 space-y-1 border-s-2 border-slate-200 ps-3 text-sm text-slate-700">
                    {area.subAreas.map((sub) => (
                      <li key={sub.code}>
                        <Link href={`/areas/${sub.code}`} className="hover:underline">
                          <span className="font-medium text-slate-500">{sub.code}</span> {sub.title}
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
