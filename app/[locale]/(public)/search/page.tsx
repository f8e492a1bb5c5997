import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { searchCommitments } from '@/lib/catalogue/queries';
import { searchParagraphs } from '@/lib/documents/queries';
import { paragraphPath } from '@/lib/documents/citation';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { Link } from '@/lib/i18n/navigation';
import { CommitmentList } from '@/components/catalogue/commitment-list';
import { TextField } from '@/components/ui/text-field';
import { HighlightedText } from '@/components/ui/highlighted-text';
import { documentLanguages } from '@/lib/search/queries';
import { searchedInAnotherScript } from '@/lib/search/highlight';
import { languageList } from '@/lib/i18n/lists';
import { nameLanguage } from '@/lib/i18n/message-keys';

export function generateMetadata({ params }: PageProps<'/[locale]/search'>): Promise<Metadata> {
  return pageTitle(params, 'search');
}

/**
 * Matches per list and page: a common word matches hundreds of paragraphs and commitments, and a
 * page of all of them is too heavy for a slow connection.
 */
const SEARCH_PAGE_SIZE = 20;

/** One search over the paragraphs of imported documents and the wording of commitments, in any language. */
export default async function SearchPage({ params, searchParams }: PageProps<'/[locale]/search'>) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const q = first(query.q)?.trim().slice(0, 200) ?? '';
  const asked = Number(first(query.page));
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 10_000 ? asked : 1;
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const [t, tDocuments, tCatalogue, tCommon, format] = await Promise.all([
    getTranslations('search'), getTranslations('documents'), getTranslations('catalogue'), getTranslations('common'), getFormatter(),
  ]);
  const [paragraphs, commitments] = q
    ? await Promise.all([searchParagraphs(q, SEARCH_PAGE_SIZE, offset), searchCommitments({ q }, locale, SEARCH_PAGE_SIZE, offset)])
    : [null, null];
  // Nothing found in the reader's script (English words over Chinese reports): say which languages the documents are in.
  const languages = paragraphs?.total === 0 ? await documentLanguages() : [];
  const otherLanguages = paragraphs?.total === 0 && searchedInAnotherScript(q, languages)
    ? languageList(languages, (language) => nameLanguage(language, (l) => tCatalogue(`languages.${l}`)), locale, tCommon('listSeparator'))
    : null;
  const pages = Math.max(1, Math.ceil(Math.max(paragraphs?.total ?? 0, commitments?.total ?? 0) / SEARCH_PAGE_SIZE));
  const pageHref = (to: number) => `/search?${new URLSearchParams({ q, ...(to > 1 ? { page: String(to) } : {}) })}`;
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-3">
        <TextField id="q" label={t('label')} type="search" defaultValue={q} maxLength={200} className="min-w-64 flex-1" />
        <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white">{t('submit')}</button>
      </form>
      {paragraphs && commitments && (
        <>
          <section aria-labelledby="paragraph-results" className="mt-8">
            <h2 id="paragraph-results" className="text-lg font-semibold" data-testid="paragraph-result-count">{t('paragraphs', { count: paragraphs.total })}</h2>
            {otherLanguages && (
              <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="search-other-language">
                {t('otherLanguage', { q, languages: otherLanguages, count: languages.length })}
              </p>
            )}
            {paragraphs.hits.length === 0 && paragraphs.total > 0 ? (
              <p className="mt-3 text-slate-700">{t('onEarlierPages')}</p>
            ) : (
              <ol className="mt-3 space-y-3">
                {paragraphs.hits.map((hit) => (
                  <li key={`${hit.symbol}-${hit.language}-${hit.number}`} className="rounded border border-slate-200 bg-white p-3" data-testid="paragraph-hit">
                    <Link href={paragraphPath(hit, hit.number)} className="font-semibold text-un-navy underline">
                      {tDocuments('citation', { symbol: hit.symbol, number: hit.number })}
                    </Link>
                    <p className="mt-1 line-clamp-3 text-slate-800" lang={hit.language}><HighlightedText text={hit.text} words={q} /></p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="commitment-results" className="mt-8">
            <h2 id="commitment-results" className="text-lg font-semibold">{t('commitments', { count: commitments.total })}</h2>
            {commitments.rows.length === 0 && commitments.total > 0
              ? <p className="mt-3 text-slate-700">{t('onEarlierPages')}</p>
              : <CommitmentList rows={commitments.rows} highlight={q} />}
          </section>
          {pages > 1 && (
            <nav aria-label={t('pages')} className="mt-8 flex flex-wrap items-baseline gap-4 text-sm" data-testid="search-pages">
              <span className="text-slate-700">{t('page', { page: format.number(page), pages: format.number(pages) })}</span>
              {page > 1 && <Link href={pageHref(page - 1)} className="font-medium text-un-navy underline">{t('previous')}</Link>}
              {page < pages && <Link href={pageHref(page + 1)} className="font-medium text-un-navy underline" data-testid="search-next">{t('next')}</Link>}
            </nav>
          )}
        </>
      )}
    </main>
  );
}
