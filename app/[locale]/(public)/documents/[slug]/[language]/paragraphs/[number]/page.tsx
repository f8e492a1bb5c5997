import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getParagraph } from '@/lib/documents/queries';
import { paragraphPath } from '@/lib/documents/citation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { Link } from '@/lib/i18n/navigation';
import { CopyCitation } from '@/components/documents/copy-citation';
import { getOptionalUser } from '@/lib/auth/session';
import { mayLinkEvidence, mayReviewEvidence } from '@/lib/evidence/mutations';
import { listCitingCommitments } from '@/lib/evidence/queries';
import { CitingCommitments } from '@/components/evidence/citing-commitments';
import { LinkToCommitment } from '@/components/evidence/link-to-commitment';
import { dateFormatter } from '@/lib/i18n/dates';
import { InLanguage } from '@/components/ui/shown-in';

type Props = PageProps<'/[locale]/documents/[slug]/[language]/paragraphs/[number]'>;

async function load(params: Props['params']) {
  const { slug, language, number, locale } = await params;
  if (!/^\d{1,5}$/.test(number)) notFound();
  return getParagraph(slug, language, Number(number), locale);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const paragraph = await load(params);
  const t = await getTranslations({ locale, namespace: 'documents' });
  return { title: t('citation', { symbol: paragraph.document.symbol, number: paragraph.number }) };
}

/**
 * A paragraph's stable address, to cite and to link evidence to: the commitments that cite it,
 * and for those who may link evidence, "Link to a commitment".
 */
export default async function ParagraphPage({ params }: Props) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const [paragraph, user] = await Promise.all([load(params), getOptionalUser()]);
  const [t, citing] = await Promise.all([
    getTranslations('documents'),
    listCitingCommitments(user, { symbol: paragraph.document.symbol, number: paragraph.number }, locale),
  ]);
  const canLink = mayLinkEvidence(user);
  const citation = t('citation', { symbol: paragraph.document.symbol, number: paragraph.number });
  const here = paragraphPath(paragraph.document, paragraph.number);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link href={`/documents/${paragraph.document.slug}/${paragraph.document.language}#para-${paragraph.number}`} className="text-un-navy underline">
          {paragraph.document.symbol}
        </Link>
        {paragraph.heading && <span lang={paragraph.document.language}> · {paragraph.sectionPath} {paragraph.heading}</span>}
      </p>
      <h1 className="mt-2 text-2xl font-semibold" data-testid="paragraph-citation">{citation}</h1>
      {paragraph.textChangedAt && (
        <p role="note" className="mt-3 rounded bg-amber-50 p-3 text-sm text-amber-950">
          {t('changedNotice', { when: dates.shortDay(paragraph.textChangedAt) })}
        </p>
      )}
      <blockquote lang={paragraph.document.language} className="mt-4 rounded-lg border-s-4 border-un-blue bg-white p-4 text-lg leading-relaxed" data-testid="paragraph-text">
        {paragraph.text}
      </blockquote>
      <div className="mt-2"><CopyCitation citation={citation} url={`/${locale}${here}`} /></div>
      {paragraph.footnotes.length > 0 && (
        <ol className="mt-4 space-y-1 text-sm text-slate-700" lang={paragraph.document.language}>
          {paragraph.footnotes.map((footnote) => <li key={footnote.number}><sup>{footnote.number}</sup> {footnote.text}</li>)}
        </ol>
      )}
      {paragraph.area && (
        <p className="mt-4 text-sm">
          {t('area')}{' '}
          <Link href={`/areas/${paragraph.area.code}`} className="text-un-navy underline">{paragraph.area.code} <InLanguage text={paragraph.area.title} locale={paragraph.area.titleLocale} badge /></Link>
        </p>
      )}
      <div className="mt-8 space-y-6">
        <CitingCommitments commitments={citing} locale={locale} canLink={canLink} />
        {canLink && <LinkToCommitment paragraphId={paragraph.id} citation={citation} reviewed={mayReviewEvidence(user)} />}
      </div>
      <nav aria-label={t('neighbours')} className="mt-6 flex justify-between text-sm">
        {paragraph.previous !== null ? <Link href={paragraphPath(paragraph.document, paragraph.previous)} className="text-un-navy underline">{/* Arrows point the way the text runs, also right to left. */}<span aria-hidden className="inline-block rtl:-scale-x-100">←</span> {t('citation', { symbol: paragraph.document.symbol, number: paragraph.previous })}</Link> : <span />}
        {paragraph.next !== null ? <Link href={paragraphPath(paragraph.document, paragraph.next)} className="text-un-navy underline">{t('citation', { symbol: paragraph.document.symbol, number: paragraph.next })} <span aria-hidden className="inline-block rtl:-scale-x-100">→</span></Link> : <span />}
      </nav>
    </main>
  );
}
