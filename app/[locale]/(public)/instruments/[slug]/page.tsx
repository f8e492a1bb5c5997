import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getInstrument, type CommitmentRow } from '@/lib/catalogue/queries';
import { pageLocale } from '@/lib/i18n/page-locale';
import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';
import { CommitmentList } from '@/components/catalogue/commitment-list';
import { dateFormatter } from '@/lib/i18n/dates';
import { languageList } from '@/lib/i18n/lists';
import { nameLanguage } from '@/lib/i18n/message-keys';
import { InLanguage, MessageWithTitle } from '@/components/ui/shown-in';

export async function generateMetadata({ params }: PageProps<'/[locale]/instruments/[slug]'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { slug } = await params;
  return { title: (await getInstrument(slug, locale)).symbol };
}

export default async function InstrumentPage({ params }: PageProps<'/[locale]/instruments/[slug]'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const { slug } = await params;
  const [t, tCatalogue, tCommon, instrument, user] = await Promise.all([
    getTranslations('instruments'), getTranslations('catalogue'), getTranslations('common'), getInstrument(slug, locale), getOptionalUser()]);
  const chapters = new Map(instrument.chapters.map((chapter) => [chapter.number, chapter]));
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm font-medium text-un-blue">{instrument.symbol}</p>
      <h1 className="mt-1 text-2xl font-semibold"><InLanguage text={instrument.title} locale={instrument.titleLocale} badge /></h1>
      {instrument.isDemo && <p className="mt-3 rounded bg-amber-50 p-3 text-sm text-amber-950">{tCatalogue('demoNotice')}</p>}
      <p className="mt-2 text-slate-700">
        {instrument.adoptedOn ? dates.day(instrument.adoptedOn) : instrument.adoptedYear}
        {' · '}<InLanguage text={instrument.adoptedBy} locale={instrument.adoptedByLocale} />
      </p>
      <p className="mt-2 text-sm text-slate-600">
        {instrument.commitmentCount > 0
          ? t('counts', { count: instrument.commitmentCount, languages: languageList(instrument.languages, (code) => nameLanguage(code, (l) => tCatalogue(`languages.${l}`)), locale, tCommon('listSeparator')) })
          : t('notImported')}
        {can(user, 'catalogue.import') && (
          <Link href={`/catalogue/import?instrument=${encodeURIComponent(instrument.code)}`} className="ms-3 font-medium text-un-navy underline">
            {t('importText')}
          </Link>
        )}
      </p>
      {groupByChapter(instrument.commitments).map(([chapter, rows]) => (
        <section key={chapter ?? 'none'} aria-labelledby={`chapter-${chapter ?? 'none'}`} className="mt-8">
          <h2 id={`chapter-${chapter ?? 'none'}`} className="text-lg font-semibold">
            {chapter === null
              ? t('otherItems')
              : chapters.has(chapter)
                ? <MessageWithTitle format={(title) => t('chapter', { number: chapter, title })} text={chapters.get(chapter)!.title} locale={chapters.get(chapter)!.titleLocale} />
                : t('chapterNumber', { number: chapter })}
          </h2>
          <CommitmentList rows={rows} showInstrument={false} />
        </section>
      ))}
    </main>
  );
}

/** Commitments by chapter, in the order they come; items outside any chapter last. */
function groupByChapter(rows: CommitmentRow[]): [number | null, CommitmentRow[]][] {
  const groups = new Map<number | null, CommitmentRow[]>();
  for (const row of rows) groups.set(row.chapter, [...(groups.get(row.chapter) ?? []), row]);
  return [...groups.entries()].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity));
}
