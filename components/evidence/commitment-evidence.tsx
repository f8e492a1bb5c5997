import { getFormatter, getTranslations } from 'next-intl/server';
import { getOptionalUser } from '@/lib/auth/session';
import { listEvidence, type EvidenceItem } from '@/lib/evidence/queries';
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES } from '@/lib/evidence/file-storage';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { DecideRemovalForm } from './decide-removal-form';
import { DecideSuggestionForm } from './decide-suggestion-form';
import { EvidenceHistory } from './evidence-history';
import { EvidenceUndoProvider } from './evidence-undo';
import { LinkFileForm } from './link-file-form';
import { LinkParagraphForm } from './link-paragraph-form';
import { LinkUrlForm } from './link-url-form';
import { RemoveEvidenceForm, RequestRemovalForm } from './remove-evidence-form';
import { SuggestEvidenceForm } from './suggest-evidence-form';
import { dateFormatter } from '@/lib/i18n/dates';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

function formatSize(format: Formatter, bytes: number): string {
  if (bytes < 1024) return format.number(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'short' });
  if (bytes < 1024 * 1024) return format.number(bytes / 1024, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 });
  return format.number(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** The evidence section of a commitment page: the list, and for those who may link, the forms and suggestions. */
export async function CommitmentEvidence({ commitmentId, locale }: { commitmentId: string; locale: Locale }) {
  const user = await getOptionalUser();
  const [t, format, evidence] = await Promise.all([
    getTranslations({ locale, namespace: 'evidence' }),
    getFormatter({ locale }),
    listEvidence(user, commitmentId, locale),
  ]);
  const dates = dateFormatter(locale);
  const when = (date: Date) => dates.shortDayTime(date);

  const labelOf = (item: EvidenceItem) =>
    item.kind === 'PARAGRAPH' ? item.paragraph.citation : item.kind === 'URL' ? item.title : item.file.name;

  const addedLine = (item: EvidenceItem) => {
    const values = { who: item.addedBy ?? '', when: when(item.addedAt) };
    if (item.origin === 'SUGGESTED') return item.addedBy ? t('acceptedSuggestion', values) : t('acceptedSuggestionAnonymous', values);
    return item.addedBy ? t('addedBy', values) : t('addedOn', values);
  };

  // The entity the evidence belongs to, shown to everyone: whose evidence it is matters as much as who typed it.
  const entityOf = (item: EvidenceItem) => (item.entity ? item.entity.name : t('secretariat'));

  const renderItem = (item: EvidenceItem, testId: string, footer?: React.ReactNode) => (
            <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p className="min-w-0 break-words">
                  <span className="me-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t(`kinds.${item.kind}`)}</span>
                  {item.kind === 'PARAGRAPH' && (
                    <Link href={item.paragraph.url} className="font-medium text-un-navy underline" data-testid="evidence-citation">
                      {item.paragraph.citation}
                    </Link>
                  )}
                  {item.kind === 'URL' && (
                    <>
                      <a href={item.url} rel="noopener noreferrer nofollow" className="font-medium text-un-navy underline">{item.title}</a>
                      <span className="ms-2 text-sm text-slate-600">{t('externalSite', { host: hostOf(item.url) })}</span>
                    </>
                  )}
                  {item.kind === 'FILE' && (
                    <>
                      {item.file.downloadUrl ? (
                        <a href={item.file.downloadUrl} download={item.file.name} className="font-medium text-un-navy underline">{item.file.name}</a>
                      ) : (
                        <span className="font-medium">{item.file.name}</span>
                      )}
                      <span className="ms-2 text-sm text-slate-600">{formatSize(format, item.file.size)}</span>
                      {!item.file.downloadUrl && <span className="ms-2 text-sm text-slate-600">{t('signInToDownload')}</span>}
                    </>
                  )}
                </p>
                {item.canRemove && <RemoveEvidenceForm evidenceId={item.id} what={labelOf(item)} />}
                {item.canRequestRemoval && !item.removalRequest && <RequestRemovalForm evidenceId={item.id} what={labelOf(item)} />}
              </div>

              {item.paragraphChanged && (
                <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="paragraph-changed">
                  {t('paragraphChanged')}
                </p>
              )}
              {item.note && (
                <p className="mt-2 whitespace-pre-line text-sm">
                  <span className="font-medium">{t('note')}{t('history.separator')}</span>
                  {item.note}
                </p>
              )}
              {item.kind === 'PARAGRAPH' && (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-un-navy">{t('showParagraph')}</summary>
                  <p lang={item.paragraph.language} className="mt-2 whitespace-pre-line border-s-2 border-slate-200 ps-3 text-slate-800">
                    {item.paragraph.text}
                  </p>
                </details>
              )}
              <p className="mt-2 text-xs text-slate-600">
                <span className="font-medium text-slate-700" data-testid="evidence-entity">{entityOf(item)}</span>
                {' · '}
                {addedLine(item)}
              </p>
              {item.removalRequest && (
                <div role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="removal-request">
                  <p>{t('removalRequest.notice', { who: item.removalRequest.by ?? t('history.formerUser'), when: when(item.removalRequest.at) })}</p>
                  {item.removalRequest.reason && (
                    <p className="mt-1 whitespace-pre-line"><span className="font-medium">{t('history.reason')}{t('history.separator')}</span>{item.removalRequest.reason}</p>
                  )}
                  {evidence.canReview ? <DecideRemovalForm evidenceId={item.id} what={labelOf(item)} /> : <p className="mt-1 text-xs">{t('removalRequest.waiting')}</p>}
                </div>
              )}
              {footer}
            </li>
  );

  return (
    <EvidenceUndoProvider>
      <section aria-labelledby="evidence-heading" className="space-y-4" data-testid="commitment-evidence">
        <div>
          <h2 id="evidence-heading" className="text-lg font-semibold">{t('heading')}</h2>
          <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
        </div>

        {evidence.items.length === 0 ? (
          <p className="text-slate-700">{t('none')}</p>
        ) : (
          <ul className="space-y-3">
            {evidence.items.map((item) => renderItem(item, 'evidence-item'))}
          </ul>
        )}

        {evidence.pending.length > 0 && (
          <section aria-labelledby="evidence-pending-heading" className="space-y-3 rounded-lg border border-amber-200 bg-amber-50/50 p-4">
            <h3 id="evidence-pending-heading" className="font-semibold">{t('pending.heading')}</h3>
            <p className="text-sm text-slate-600">{evidence.canReview ? t('pending.reviewerIntro') : t('pending.proposerIntro')}</p>
            <ul className="space-y-3">
              {evidence.pending.map((item) =>
                renderItem(item, 'evidence-pending', evidence.canReview ? <div className="mt-2"><DecideSuggestionForm evidenceId={item.id} citation={labelOf(item)} proposal /></div> : null),
              )}
            </ul>
          </section>
        )}

        {evidence.suggestions && (
            <section aria-labelledby="evidence-suggestions-heading" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
              <h3 id="evidence-suggestions-heading" className="font-semibold">{t('suggestions.heading')}</h3>
              <p className="text-sm text-slate-600">{t('suggestions.intro')}</p>
              <SuggestEvidenceForm commitmentId={commitmentId} />
              {evidence.suggestions.length === 0 ? (
                <p className="text-sm text-slate-700">{t('suggestions.none')}</p>
              ) : (
                <ol className="space-y-3">
                  {evidence.suggestions.map((suggestion) => (
                    <li key={suggestion.id} className="rounded border border-slate-200 bg-white p-3" data-testid="evidence-suggestion">
                      <p className="flex flex-wrap items-baseline gap-x-3">
                        <Link href={suggestion.paragraph.url} className="font-medium text-un-navy underline">{suggestion.paragraph.citation}</Link>
                        <span className="text-sm text-slate-600">
                          {t('suggestions.score', { score: format.number(suggestion.score, { style: 'percent', maximumFractionDigits: 0 }) })}
                        </span>
                      </p>
                      <p lang={suggestion.paragraph.language} className="mt-2 whitespace-pre-line text-sm text-slate-800">
                        {suggestion.paragraph.text}
                      </p>
                      <div className="mt-2">
                        <DecideSuggestionForm evidenceId={suggestion.id} citation={suggestion.paragraph.citation} />
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </section>
        )}

        {evidence.canLink && (
            <section aria-labelledby="evidence-add-heading" className="space-y-3">
              <h3 id="evidence-add-heading" className="font-semibold">{t('addHeading')}</h3>
              <LinkParagraphForm commitmentId={commitmentId} reviewed={evidence.canReview} />
              {/* Paragraphs are the usual evidence; the other kinds stay folded away until needed. */}
              <details className="rounded-lg border border-slate-200 bg-white">
                <summary className="cursor-pointer p-3 font-medium">{t('moreKinds')}</summary>
                <div className="space-y-3 p-3 pt-0">
                  <LinkUrlForm commitmentId={commitmentId} reviewed={evidence.canReview} />
                  <LinkFileForm commitmentId={commitmentId} reviewed={evidence.canReview} maxBytes={MAX_FILE_BYTES} accept={ACCEPTED_EXTENSIONS.join(',')} />
                </div>
              </details>
            </section>
        )}

        {evidence.history && evidence.history.length > 0 && <EvidenceHistory entries={evidence.history} locale={locale} />}
      </section>
    </EvidenceUndoProvider>
  );
}
