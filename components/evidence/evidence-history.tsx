import { getTranslations } from 'next-intl/server';
import type { EvidenceHistoryEntry } from '@/lib/evidence/queries';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { RestoreEvidenceForm } from './restore-evidence-form';
import { dateFormatter } from '@/lib/i18n/dates';

/**
 * What happened to the commitment's evidence that the list no longer shows: who removed what and
 * when, what was restored, declined (with the reviewer's comment) or asked to be removed.
 */
export async function EvidenceHistory({ entries, locale }: { entries: EvidenceHistoryEntry[]; locale: Locale }) {
  const [t, tEvidence] = await Promise.all([
    getTranslations({ locale, namespace: 'evidence.history' }),
    getTranslations({ locale, namespace: 'evidence' }),
  ]);
  const dates = dateFormatter(locale);
  const when = (date: Date) => dates.shortDayTime(date);
  return (
    <section aria-labelledby="evidence-history-heading" className="space-y-2" data-testid="evidence-history">
      <h3 id="evidence-history-heading" className="font-semibold">{t('heading')}</h3>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
        {entries.map((entry) => (
          <li key={entry.id} className="space-y-1 p-3" data-testid="evidence-history-entry">
            <p className="min-w-0 break-words">
              <span className="font-medium">{t(`actions.${entry.onRequest ? 'removedOnRequest' : entry.action}`)}</span>
              {t('separator')}
              <span className="text-xs text-slate-600">{tEvidence(`kinds.${entry.kind}`)}</span>{' '}
              {entry.href && entry.kind === 'PARAGRAPH' ? (
                <Link href={entry.href} className="text-un-navy underline">{entry.what}</Link>
              ) : entry.href ? (
                <a href={entry.href} rel="noopener noreferrer nofollow" className="text-un-navy underline">{entry.what}</a>
              ) : (
                <span>{entry.what}</span>
              )}
            </p>
            <p className="text-xs text-slate-600">
              {t('byWhen', { who: entry.by ?? t('formerUser'), when: when(entry.at) })}
              {' · '}
              {entry.entity ? t('ofEntity', { entity: entry.entity.name }) : t('ofSecretariat')}
            </p>
            {entry.comment && (
              <p className="whitespace-pre-line border-s-2 border-slate-300 ps-3 text-slate-800" data-testid="evidence-history-comment">
                <span className="font-medium">{t(entry.action === 'removalRequested' ? 'reason' : 'comment')}{t('separator')}</span>
                {entry.comment}
              </p>
            )}
            {entry.restoreId && <RestoreEvidenceForm evidenceId={entry.restoreId} what={entry.what} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
