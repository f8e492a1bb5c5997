import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { searchCommitments } from '@/lib/catalogue/queries';
import { searchParagraphs } from '@/lib/documents/queries';
import { paragraphPath } from '@/lib/documents/citation';
import { pageLocale, pageTitle } from '@/lib/i18n/page-locale';
import { Link } from '@/lib/i18n/navigation';
import { CommitmentList } from '@/components/catalogue/commitment-list';
import { TextField } from '@/components/ui/text-field';

export function generateMetadata({ params }: PageProps<'/[locale]/search'>): Promise<Metadata> {
  return pageTitle(params, 'search');
}

/** One search over the paragraphs of imported documents and the wording of commitments, in any language. */
export default async function SearchPage({ params, searchParams }: PageProps<'/[locale]/search'>) {
  const locale = await pageLocale(params);
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? '';
  const [t, tDocuments] = await Promise.all([getTranslations('search'), getTranslations('documents')]);
  const [paragraphs, commitments] = q ? await Promise.all([searchParagraphs(q), searchCommitments({ q }, locale)]) : [null, null];
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
            <ol className="mt-3 space-y-3">
              {paragraphs.hits.map((hit) => (
                <li key={`${hit.symbol}-${hit.language}-${hit.number}`} className="rounded border border-slate-200 bg-white p-3" data-testid="paragraph-hit">
                  <Link href={paragraphPath(hit, hit.number)} className="font-semibold text-un-navy underline">
                    {tDocuments('citation', { symbol: hit.symbol, number: hit.number })}
                  </Link>
                  <p className="mt-1 line-clamp-3 text-slate-800" lang={hit.language}>{hit.text}</p>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="commitment-results" className="mt-8">
            <h2 id="commitment-results" className="text-lg font-semibold">{t('commitments', { count: commitments.total })}</h2>
            <CommitmentList rows={commitments.rows} />
          </section>
        </>
      )}
    </main>
  );
}
