import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listInstruments } from '@/lib/catalogue/queries';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { Link } from '@/lib/i18n/navigation';
import { dateFormatter } from '@/lib/i18n/dates';
import { languageList } from '@/lib/i18n/lists';
import { nameLanguage } from '@/lib/i18n/message-keys';
import { InLanguage, TitlesLanguageNote } from '@/components/ui/shown-in';

export function generateMetadata({ params }: PageProps<'/[locale]/instruments'>): Promise<Metadata> {
  return pageTitle(params, 'instruments');
}

export default async function InstrumentsPage({ params }: PageProps<'/[locale]/instruments'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const [t, tCatalogue, tCommon, instruments] = await Promise.all([
    getTranslations('instruments'), getTranslations('catalogue'), getTranslations('common'), listInstruments(locale)]);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('intro')}</p>
      <p className="mt-2 text-sm">
        {t('download')}{' '}
        <a href="/api/catalogue/export?format=csv" className="font-medium text-un-navy underline" download>CSV</a>
        {' · '}
        <a href="/api/catalogue/export?format=json" className="font-medium text-un-navy underline" download>JSON</a>
      </p>
      <TitlesLanguageNote locales={instruments.flatMap((instrument) => [instrument.titleLocale, instrument.adoptedByLocale])} />
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {instruments.map((instrument) => (
          <li key={instrument.code} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="instrument">
            <p className="text-sm font-medium text-un-blue">
              {instrument.symbol}
              {instrument.isDemo && <span className="ms-2 rounded bg-amber-100 px-1.5 text-xs text-amber-950">{tCatalogue('demoBadge')}</span>}
            </p>
            <h2 className="mt-1 font-semibold leading-snug">
              <Link href={`/instruments/${instrument.slug}`} className="underline-offset-2 hover:underline"><InLanguage text={instrument.title} locale={instrument.titleLocale} /></Link>
            </h2>
            <p className="mt-2 text-sm text-slate-600">
              {instrument.adoptedOn ? dates.day(instrument.adoptedOn) : instrument.adoptedYear}
              {' · '}<InLanguage text={instrument.adoptedBy} locale={instrument.adoptedByLocale} />
            </p>
            <p className="mt-2 text-sm text-slate-700">
              {instrument.commitmentCount > 0
                ? t('counts', { count: instrument.commitmentCount, languages: languageList(instrument.languages, (code) => nameLanguage(code, (l) => tCatalogue(`languages.${l}`)), locale, tCommon('listSeparator')) })
                : t('notImported')}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
