import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getCommitment, listInstruments } from '@/lib/catalogue/queries';
import { checksumOf } from '@/lib/catalogue/checksum';
import { displayReference } from '@/lib/catalogue/reference';
import { pageLocale } from '@/lib/i18n/page-locale';
import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';
import { CommitmentList } from '@/components/catalogue/commitment-list';
import { EditTextForm } from '@/components/catalogue/edit-text-form';
import { RelateForm, UnrelateButton } from '@/components/catalogue/relation-forms';
import { CommitmentProvenance } from '@/components/catalogue/commitment-provenance';
import { CommitmentEvidence } from '@/components/evidence/commitment-evidence';
import { dateFormatter } from '@/lib/i18n/dates';
import { nameLanguage } from '@/lib/i18n/message-keys';
import { InLanguage, MessageWithTitle } from '@/components/ui/shown-in';

export async function generateMetadata({ params }: PageProps<'/[locale]/commitments/[id]'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { id } = await params;
  const [t, commitment] = await Promise.all([getTranslations('catalogue'), getCommitment(null, id, locale)]);
  return { title: t('citation', { symbol: commitment.instrument.symbol, reference: displayReference(commitment.reference, locale) }) };
}

export default async function CommitmentPage({ params }: PageProps<'/[locale]/commitments/[id]'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const { id } = await params;
  const user = await getOptionalUser();
  const [t, tCatalogue, commitment] = await Promise.all([
    getTranslations('commitment'), getTranslations('catalogue'), getCommitment(user, id, locale),
  ]);
  const editor = can(user, 'catalogue.edit');
  const otherInstruments = editor ? (await listInstruments(locale)).filter((instrument) => instrument.code !== commitment.instrument.code) : [];
  const languageName = (code: string) => nameLanguage(code, (l) => tCatalogue(`languages.${l}`));
  const when = (date: Date) => dates.shortDayTime(date);

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link href={`/instruments/${commitment.instrument.slug}`} className="text-un-navy underline">{commitment.instrument.symbol}</Link>
          {' · '}
          <Link href={`/areas/${commitment.area.code}`} className="text-un-navy underline">{commitment.area.code} <InLanguage text={commitment.area.title} locale={commitment.area.titleLocale} /></Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold" data-testid="commitment-citation">
          {tCatalogue('citation', { symbol: commitment.instrument.symbol, reference: displayReference(commitment.reference, locale) })}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          <InLanguage text={commitment.instrumentTitle} locale={commitment.instrumentTitleLocale} badge />
          {commitment.chapterTitle && <> — <MessageWithTitle format={(title) => t('chapter', { number: commitment.chapter!, title })} text={commitment.chapterTitle} locale={commitment.chapterTitleLocale!} /></>}
          {commitment.subheading && <> — {commitment.subheading}</>}
        </p>
        {commitment.instrument.isDemo && <p className="mt-3 rounded bg-amber-50 p-3 text-sm text-amber-950">{tCatalogue('demoNotice')}</p>}
      </div>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading" className="sr-only">{t('wording')}</h2>
        {commitment.text ? (
          <>
            {commitment.text.isFallback && (
              <p role="note" className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="fallback-notice">
                {t('fallbackNotice', { language: languageName(commitment.text.locale) })}
              </p>
            )}
            <blockquote lang={commitment.text.locale} className="whitespace-pre-line rounded-lg border-s-4 border-un-blue bg-white p-4 text-lg leading-relaxed" data-testid="commitment-text">
              {commitment.text.text}
            </blockquote>
          </>
        ) : (
          <p>{tCatalogue('noText')}</p>
        )}
      </section>

      <section aria-labelledby="provenance-heading">
        <h2 id="provenance-heading" className="text-lg font-semibold">{t('provenance')}</h2>
        <div className="mt-3">
          <CommitmentProvenance provenance={commitment.provenance} />
        </div>
      </section>

      <CommitmentEvidence commitmentId={commitment.id} locale={locale} />

      <section aria-labelledby="related-heading">
        <h2 id="related-heading" className="text-lg font-semibold">{t('related')}</h2>
        {commitment.related.length === 0 ? <p className="mt-2 text-slate-700">{t('noRelated')}</p> : <CommitmentList rows={commitment.related} />}
        {editor && commitment.related.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-4">
            {commitment.related.map((row) => (
              <li key={row.id}>
                <UnrelateButton commitmentId={commitment.id} otherId={row.id}
                  label={t('unrelate', { citation: tCatalogue('citation', { symbol: row.instrument.symbol, reference: displayReference(row.reference, locale) }) })} />
              </li>
            ))}
          </ul>
        )}
        {editor && otherInstruments.length > 0 && <RelateForm commitmentId={commitment.id} instruments={otherInstruments} />}
      </section>

      {editor && commitment.texts.length > 0 && (
        <section aria-labelledby="edit-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="edit-heading" className="text-lg font-semibold">{t('edit')}</h2>
          <EditTextForm
            commitmentId={commitment.id}
            initialLocale={locale}
            texts={commitment.texts.map((text) => ({ ...text, checksum: checksumOf(text.text) }))}
          />
        </section>
      )}

      {commitment.history && commitment.history.length > 0 && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-lg font-semibold">{t('history')}</h2>
          <ol className="mt-3 space-y-3">
            {commitment.history.map((revision, index) => (
              <li key={index} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="history-entry">
                <p className="text-slate-600">
                  {t('replaced', { when: when(revision.replacedAt), who: revision.replacedBy ?? '—', reason: t(`reasons.${revision.reason === 'edit' ? 'edit' : 'import'}`), language: languageName(revision.locale) })}
                </p>
                <p lang={revision.locale} className="mt-1 whitespace-pre-line text-slate-800">{revision.text}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </main>
  );
}
