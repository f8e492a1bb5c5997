import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDocument } from '@/lib/documents/queries';
import { paragraphPath } from '@/lib/documents/citation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { Link } from '@/lib/i18n/navigation';
import { CopyCitation } from '@/components/documents/copy-citation';
import { formatDate } from '@/lib/i18n/dates';
import { getOptionalUser } from '@/lib/auth/session';
import { mayLinkEvidence } from '@/lib/evidence/mutations';
import { InLanguage } from '@/components/ui/shown-in';

type Props = PageProps<'/[locale]/documents/[slug]/[language]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  const { slug, language } = await params;
  const document = await getDocument(slug, language);
  return { title: `${document.symbol} ${document.title}` };
}

/** The reader: sections as a table of contents, numbered paragraphs, footnotes. */
export default async function DocumentPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { slug, language } = await params;
  const [t, tEvidence, document, user] = await Promise.all([
    getTranslations('documents'), getTranslations('evidence.linkToCommitment'), getOptionalUser().then((viewer) => getDocument(slug, language, viewer)), getOptionalUser(),
  ]);
  // "Link to a commitment" on each paragraph, for those who may link evidence: it opens the paragraph's page at its form.
  const canLink = mayLinkEvidence(user);
  const citation = (number: number) => t('citation', { symbol: document.symbol, number });
  // A section's first paragraph may sit in one of its sub-sections (IV.C's is in IV.C.1): the
  // contents link each section to the first paragraph at or below it, and every heading is shown
  // before that paragraph, parents first.
  const firstParagraphOf = new Map<string, number>();
  const headingsBefore = new Map<number, typeof document.sections>();
  let pending: typeof document.sections = [];
  const paragraphsBySection = new Map<string, number>();
  for (const paragraph of document.paragraphs) if (!paragraphsBySection.has(paragraph.sectionPath)) paragraphsBySection.set(paragraph.sectionPath, paragraph.number);
  for (const section of document.sections) {
    pending = [...pending, section];
    const first = paragraphsBySection.get(section.path);
    if (first === undefined) continue;
    for (const waiting of pending) firstParagraphOf.set(waiting.path, first);
    headingsBefore.set(first, pending);
    pending = [];
  }
  const depthClass = ['text-xl', 'text-lg', 'text-base'];

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm font-medium text-un-blue">{document.symbol}</p>
      <h1 className="mt-1 text-2xl font-semibold"><InLanguage text={document.title} locale={document.language} badge /></h1>
      <p className="mt-2 text-sm text-slate-600">
        {document.publishedOn && <>{formatDate(document.publishedOn, locale)} · </>}
        {t('provenance', { when: formatDate(document.importedAt, locale) })}
        {document.staffProvenance && (
          <span className="ms-1" data-testid="document-staff-provenance">
            {t('provenanceStaff', { source: document.staffProvenance.sourceName, who: document.staffProvenance.importedBy ?? 'none' })}
          </span>
        )}
      </p>
      <div className="mt-6 grid gap-8 lg:grid-cols-[18rem_1fr]">
        {/* On a phone the contents scroll in a box of their own, so the text is reached at once. */}
        <nav aria-label={t('contents')} className="min-w-0 max-h-72 overflow-auto rounded border border-slate-200 bg-white p-3 lg:sticky lg:top-4 lg:max-h-[85vh] lg:border-0 lg:bg-transparent lg:p-0">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t('contents')}</h2>
          <ol className="mt-2 space-y-1 text-sm" lang={document.language}>
            {document.sections.map((section) => (
              <li key={section.path} style={{ paddingInlineStart: `${(section.path.split('.').length - 1) * 0.75}rem` }}>
                {firstParagraphOf.has(section.path) ? (
                  <a href={`#para-${firstParagraphOf.get(section.path)}`} className="focus-ring-inset hover:underline">{section.path} {section.heading}</a>
                ) : (
                  <span>{section.path} {section.heading}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
        <div lang={document.language} className="min-w-0 break-words">
          {document.paragraphs.map((paragraph) => {
            return (
              <div key={paragraph.number}>
                {(headingsBefore.get(paragraph.number) ?? []).map((section) => {
                  const depth = Math.min(section.path.split('.').length, 3);
                  const Heading = (['h2', 'h3', 'h4'] as const)[depth - 1]!;
                  return <Heading key={section.path} className={`mb-3 mt-6 font-semibold ${depthClass[depth - 1]}`}>{section.path} {section.heading}</Heading>;
                })}
                <div id={`para-${paragraph.number}`} className="mb-4 scroll-mt-4 rounded target:bg-amber-50" data-testid="paragraph">
                  <p className="leading-relaxed">
                    <Link href={paragraphPath(document, paragraph.number)} className="me-2 font-semibold text-un-navy [direction:inherit]" aria-label={citation(paragraph.number)} lang={locale}>
                      {paragraph.number}.
                    </Link>
                    {paragraph.text}
                  </p>
                  <div className="flex flex-wrap gap-x-4" lang={locale}>
                    <CopyCitation citation={citation(paragraph.number)} url={`/${locale}${paragraphPath(document, paragraph.number)}`} />
                    {canLink && (
                      <Link href={`${paragraphPath(document, paragraph.number)}#link-commitment`} className="inline-flex min-h-6 items-center text-xs text-un-navy underline"
                        aria-label={tEvidence('openLabel', { citation: citation(paragraph.number) })}>
                        {tEvidence('open')}
                      </Link>
                    )}
                  </div>
                </div>
              </div>
            );
          })}
          {document.footnotes.length > 0 && (
            <section aria-labelledby="footnotes" className="mt-10 border-t border-slate-300 pt-4 text-sm">
              <h2 id="footnotes" className="font-semibold" lang={locale}>{t('footnotes')}</h2>
              <ol className="mt-2 space-y-1">
                {document.footnotes.map((footnote) => (
                  <li key={footnote.number} id={`footnote-${footnote.number}`}><sup>{footnote.number}</sup> {footnote.text}</li>
                ))}
              </ol>
            </section>
          )}
        </div>
      </div>
    </main>
  );
}
