import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getThematicArea } from '@/lib/catalogue/queries';
import { evidenceForArea } from '@/lib/documents/queries';
import { numberRanges } from '@/lib/documents/citation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { Link } from '@/lib/i18n/navigation';
import { CommitmentList } from '@/components/catalogue/commitment-list';
import { InLanguage } from '@/components/ui/shown-in';

export async function generateMetadata({ params }: PageProps<'/[locale]/areas/[code]'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { code } = await params;
  const area = await getThematicArea(code, locale);
  return { title: `${area.code} ${area.title}` };
}

export default async function ThematicAreaPage({ params }: PageProps<'/[locale]/areas/[code]'>) {
  const locale = await pageLocale(params);
  const { code } = await params;
  const [t, tDocuments, area] = await Promise.all([getTranslations('areas'), getTranslations('documents'), getThematicArea(code, locale)]);
  const evidence = await evidenceForArea(area.code);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      {area.parent && (
        <p className="text-sm">
          <Link href={`/areas/${area.parent.code}`} className="text-un-navy underline">{area.parent.code} <InLanguage text={area.parent.title} locale={area.parent.titleLocale} /></Link>
        </p>
      )}
      <p className="mt-1 text-sm font-medium text-un-blue">{t('areaCode', { code: area.code })}</p>
      <h1 className="mt-1 text-2xl font-semibold"><InLanguage text={area.title} locale={area.titleLocale} badge /></h1>
      {area.subAreas.length > 0 && (
        <nav aria-label={t('subAreas')} className="mt-4">
          <ul className="flex flex-wrap gap-2 text-sm">
            {area.subAreas.map((sub) => (
              <li key={sub.code}>
                <Link href={`/areas/${sub.code}`} className="inline-block rounded border border-slate-300 bg-white px-2 py-1 hover:border-un-blue">
                  {sub.code} <InLanguage text={sub.title} locale={sub.titleLocale} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <section aria-labelledby="evidence-heading" className="mt-8">
        <h2 id="evidence-heading" className="text-lg font-semibold">{t('evidence')}</h2>
        {evidence.length === 0 ? (
          <p className="mt-2 text-slate-700">{t('noEvidence')}</p>
        ) : (
          <ul className="mt-2 space-y-1" data-testid="area-evidence">
            {evidence.map((document) => (
              <li key={`${document.symbol}-${document.language}`}>
                <Link href={`/documents/${document.slug}/${document.language}#para-${document.numbers[0]}`} className="text-un-navy underline">
                  {tDocuments('citationRange', { symbol: document.symbol, count: document.numbers.length, ranges: numberRanges(document.numbers) })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2 className="mt-8 text-lg font-semibold">{t('commitments', { count: area.commitments.length })}</h2>
      <CommitmentList rows={area.commitments} />
    </main>
  );
}
